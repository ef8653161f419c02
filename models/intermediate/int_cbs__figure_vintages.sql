{#- One row per CBS figure and release (vintage) that printed it: a cell is an indicator, a period
    and a nationality (all, a country, stateless, unknown, a former state). A release that prints
    a cell more than once (its Dutch and English pages, a table and its text) gives one vintage,
    its most precise printing (the narrowest interval; then the earliest line). Registered
    misprints (seeds/reference/cbs_misprints.csv, status misprint) are no vintage. CBS's
    remainder (Other, Overig) and countries printed as one figure are another set in every table:
    they have no vintages to compare. A later vintage is a revision only where its interval and
    the one before it do not overlap: 4,16 thousand (4155 to 4165) and then 4.155 persons is the
    same figure; 4.215 and then 4.155 is a revision. -#}
with

figures as (

    select * from {{ ref('int_cbs__figures_catalogued') }}

),

releases as (

    select * from {{ ref('int_cbs__releases') }}

),

misprints as (

    select * from {{ ref('stg_reference__cbs_misprints') }}

),

nationalities as (

    select * from {{ ref('stg_reference__cbs_nationalities') }}

),

printings as (

    select
        figures.*,
        concat_ws('/', figures.indicator_code, figures.period_code, coalesce(figures.country_code, 'all')) as cell_key,
        releases.release_order,
        releases.published_start,
        releases.published_end,
        releases.ordered_from,
        releases.ordered_to,
        releases.is_dated,
        -- dim_nationality's code (alpha-3, XXA, XXX), as fct_figures has it
        coalesce(nationalities.nationality_code, figures.country_code) as nationality_code,
        row_number() over (
            partition by
                figures.indicator_code, figures.period_code, coalesce(figures.country_code, 'all'), figures.release_id
            order by figures.value_high - figures.value_low, figures.source_line
        ) as precision_rank

    from figures
    inner join releases using (release_id)
    left join nationalities on figures.nationality_printed = nationalities.nationality_printed
    left join misprints
        on
            figures.source_url = misprints.source_url
            and figures.period_code = misprints.reference_period
            and figures.measure_en = misprints.measure_en
            and figures.nationality_printed is not distinct from misprints.nationality_printed
            and figures.value_printed = misprints.value_printed
    where
        misprints.status is distinct from 'misprint'
        and (figures.country_code is null or figures.country_code not in ('other', 'other_or_unknown', 'combined'))

),

vintages as (

    select
        *,
        count(*) over (partition by cell_key) as vintage_count

    from printings
    where precision_rank = 1

),

ranked as (

    select
        cell_key,
        indicator_code,
        period_code,
        period_grain,
        period_start,
        country_code,
        nationality_code,
        release_id,
        release_order,
        published_start,
        published_end,
        figure_id,
        value,
        value_low,
        value_high,
        value_printed,
        printed_precision,
        is_provisional,
        row_number() over by_cell as vintage_rank,
        vintage_count,
        lag(release_id) over by_cell as earlier_release_id,
        lag(published_start) over by_cell as earlier_published_start,
        lag(published_end) over by_cell as earlier_published_end,
        lag(figure_id) over by_cell as earlier_figure_id,
        lag(value) over by_cell as earlier_value,
        lag(value_low) over by_cell as earlier_value_low,
        lag(value_high) over by_cell as earlier_value_high,
        lag(value_printed) over by_cell as earlier_value_printed,
        lag(is_provisional) over by_cell as earlier_is_provisional,
        -- certain where both releases are dated by their own pages and their days do not overlap
        coalesce(lag(is_dated) over by_cell and is_dated and lag(ordered_to) over by_cell < ordered_from, false)
            as is_order_certain

    from vintages
    window by_cell as (partition by cell_key order by release_order)

),

final as (

    select
        *,
        coalesce(earlier_value_high < value_low or value_high < earlier_value_low, false) as is_revision,
        coalesce(
            earlier_value_low <= value_high and value_low <= earlier_value_high and earlier_value <> value, false
        ) as is_within_precision

    from ranked

)

select * from final
