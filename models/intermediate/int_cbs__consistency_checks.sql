{#- The consistency checks on the CBS figures, in the shape of marts.fct_consistency_checks (rules
    in seeds/reference/consistency_checks.csv); a check that fails is a row with holds = false and
    never stops the build.
    - cbs_release_conflict: a release that prints one figure (indicator, period, nationality) more
      than once (its Dutch and English pages, a table and its text) prints it within the
      printings' precision: each printing against the release's most precise one, compared as the
      middles of their intervals with the sum of their half-widths as tolerance, so that the check
      holds exactly where the intervals overlap.
    - cbs_misprint: each printing registered in seeds/reference/cbs_misprints.csv against the value
      printed elsewhere; it holds only if the register is wrong. -#}
with

figures as (

    select * from {{ ref('int_cbs__figures_catalogued') }}

),

misprints as (

    select * from {{ ref('stg_reference__cbs_misprints') }}

),

printings as (

    select
        *,
        case
            when country_code = 'combined' then 'combined:' || nationality_printed
            else coalesce(country_code, 'all')
        end as nationality_key,
        (value_low + value_high) / 2 as middle,
        (value_high - value_low) / 2 as half_width

    from figures

),

ranked as (

    select
        *,
        row_number() over by_cell as precision_rank,
        count(*) over (partition by release_id, indicator_code, period_code, nationality_key) as printing_count,
        first_value(figure_id) over by_cell as reference_figure_id,
        first_value(middle) over by_cell as reference_middle,
        first_value(half_width) over by_cell as reference_half_width,
        first_value(value_printed) over by_cell as reference_value_printed

    from printings
    window by_cell as (
        partition by release_id, indicator_code, period_code, nationality_key
        order by value_high - value_low, source_line
        rows between unbounded preceding and unbounded following
    )

),

release_conflicts as (

    select
        concat_ws('/', 'cbs_release_conflict', release_id, indicator_code, period_code, nationality_key, source_line)
            as check_id,
        'cbs_release_conflict' as check_code,
        'count' as unit,
        'cbs' as source_code,
        cast(null as integer) as edition_year,
        release_id,
        cast(null as varchar) as product_code,
        indicator_code,
        concat(
            indicator_code, ' ', period_code, ', ', coalesce(nationality_printed, 'all nationalities'),
            ', in release ', release_id, ': ''', value_printed, ''' (', source_file, ' line ', source_line,
            ') against ''', reference_value_printed, ''''
        ) as subject,
        cast(extract(year from period_start) as integer) as reference_year,
        period_code,
        cast(reference_middle as decimal(18, 4)) as expected_value,
        cast(middle as decimal(18, 4)) as printed_value,
        cast(reference_half_width + half_width as decimal(18, 4)) as tolerance,
        reference_figure_id,
        figure_id

    from ranked
    where printing_count > 1 and precision_rank > 1

),

registered as (

    select
        concat_ws('/', 'cbs_misprint', figures.figure_id) as check_id,
        'cbs_misprint' as check_code,
        'count' as unit,
        'cbs' as source_code,
        cast(null as integer) as edition_year,
        figures.release_id,
        cast(null as varchar) as product_code,
        figures.indicator_code,
        concat(
            figures.indicator_code, ' ', figures.period_code, ', ',
            coalesce(figures.nationality_printed, 'all nationalities'), ': ''', figures.value_printed, ''' (',
            figures.source_file, ' line ', figures.source_line, '), registered as ', misprints.status,
            ': ', misprints.reason
        ) as subject,
        cast(extract(year from figures.period_start) as integer) as reference_year,
        figures.period_code,
        cast(misprints.value_elsewhere as decimal(18, 4)) as expected_value,
        cast(figures.value as decimal(18, 4)) as printed_value,
        cast((figures.value_high - figures.value_low) / 2 as decimal(18, 4)) as tolerance,
        figures.figure_id

    from figures
    inner join misprints
        on
            figures.source_url = misprints.source_url
            and figures.period_code = misprints.reference_period
            and figures.measure_en = misprints.measure_en
            and figures.nationality_printed is not distinct from misprints.nationality_printed
            and figures.value_printed = misprints.value_printed

),

checks as (

    {%- set columns = [
        'check_id', 'check_code', 'unit', 'source_code', 'edition_year', 'release_id', 'product_code',
        'indicator_code', 'subject', 'reference_year', 'period_code', 'expected_value', 'printed_value', 'tolerance',
    ] %}
    select
        {{ columns | join(',\n        ') }}
    from release_conflicts
    union all
    select
        {{ columns | join(',\n        ') }}
    from registered

),

inputs as (

    select
        check_id,
        reference_figure_id as input_figure_id,
        1 as input_position
    from release_conflicts
    union all
    select
        check_id,
        figure_id as input_figure_id,
        2 as input_position
    from release_conflicts
    union all
    select
        check_id,
        figure_id as input_figure_id,
        1 as input_position
    from registered

),

input_lists as (

    select
        check_id,
        array_agg(input_figure_id order by input_position) as input_figure_ids

    from inputs
    group by check_id

),

final as (

    select
        checks.*,
        input_lists.input_figure_ids

    from checks
    inner join input_lists using (check_id)

)

select * from final
