{#- Every figure a later vintage restated: a later Jaarcijfers edition, or a later news release
    (or a later item quoted on an overview page), printing another value for the same figure
    than the vintage just before it that printed it. Each step is a row, with the figure's first
    and latest value beside it. Sources are not chained: where a news item and an edition
    disagree, the consistency checks say so. -#}
with

jaarcijfers as (

    select * from {{ ref('int_figures_catalogued') }}

),

news as (

    select * from {{ ref('int_ind_news__figure_vintages') }}

),

cbs as (

    select * from {{ ref('int_cbs__figure_vintages') }}

),

jaarcijfers_vintages as (

    select
        'jaarcijfers/' || concat_ws('/', product_code, indicator_code, reference_year) as figure_key,
        'jaarcijfers' as source_code,
        product_code,
        indicator_code,
        reference_year,
        cast(reference_year as varchar) as period_code,
        'year' as period_grain,
        cast(null as varchar) as country_code,
        edition_year,
        cast(null as varchar) as release_id,
        cast(null as varchar) as quoted_item,
        value,
        value_printed,
        figure_id,
        unit,
        former_indicator_code,
        row_number() over by_figure as vintage_rank,
        lag(edition_year) over by_figure as earlier_edition_year,
        cast(null as varchar) as earlier_release_id,
        cast(null as varchar) as earlier_quoted_item,
        lag(value) over by_figure as earlier_value,
        lag(value_printed) over by_figure as earlier_value_printed,
        lag(figure_id) over by_figure as earlier_figure_id,
        true as is_order_certain,
        cast(null as boolean) as is_change,
        cast(null as date) as earlier_published_start,
        cast(null as date) as earlier_published_end,
        cast(null as date) as published_start,
        cast(null as date) as published_end,
        cast(lag(value) over by_figure as decimal(18, 4)) as earlier_value_low,
        cast(lag(value) over by_figure as decimal(18, 4)) as earlier_value_high,
        cast(value as decimal(18, 4)) as value_low,
        cast(value as decimal(18, 4)) as value_high,
        cast(null as boolean) as earlier_is_provisional,
        cast(null as boolean) as is_provisional

    from jaarcijfers
    window by_figure as (partition by product_code, indicator_code, reference_year order by edition_year)

),

news_vintages as (

    select
        'ind_news/' || figure_key as figure_key,
        'ind_news' as source_code,
        product_code,
        indicator_code,
        reference_year,
        period_code,
        period_grain,
        country_code,
        cast(null as integer) as edition_year,
        release_id,
        quoted_item,
        value,
        value_printed,
        figure_ids[1] as figure_id,
        unit,
        cast(null as varchar) as former_indicator_code,
        vintage_rank,
        cast(null as integer) as earlier_edition_year,
        earlier_release_id,
        earlier_quoted_item,
        earlier_value,
        earlier_value_printed,
        earlier_figure_ids[1] as earlier_figure_id,
        coalesce(is_order_certain, false) as is_order_certain,
        cast(null as boolean) as is_change,
        lag(published_start) over by_figure as earlier_published_start,
        lag(published_end) over by_figure as earlier_published_end,
        published_start,
        published_end,
        cast(case when not lag(is_approximate) over by_figure then earlier_value end as decimal(18, 4))
            as earlier_value_low,
        cast(case when not lag(is_approximate) over by_figure then earlier_value end as decimal(18, 4))
            as earlier_value_high,
        cast(case when not is_approximate then value end as decimal(18, 4)) as value_low,
        cast(case when not is_approximate then value end as decimal(18, 4)) as value_high,
        cast(null as boolean) as earlier_is_provisional,
        cast(null as boolean) as is_provisional

    from news
    window by_figure as (partition by figure_key order by vintage_rank)

),

cbs_vintages as (

    select
        'cbs/' || cell_key as figure_key,
        'cbs' as source_code,
        cast(null as varchar) as product_code,
        indicator_code,
        cast(extract(year from period_start) as integer) as reference_year,
        period_code,
        period_grain,
        nationality_code as country_code,
        cast(null as integer) as edition_year,
        release_id,
        cast(null as varchar) as quoted_item,
        cast(value as decimal(18, 4)) as value,
        value_printed,
        figure_id,
        'count' as unit,
        cast(null as varchar) as former_indicator_code,
        vintage_rank,
        cast(null as integer) as earlier_edition_year,
        earlier_release_id,
        cast(null as varchar) as earlier_quoted_item,
        cast(earlier_value as decimal(18, 4)) as earlier_value,
        earlier_value_printed,
        earlier_figure_id,
        is_order_certain,
        is_revision as is_change,
        earlier_published_start,
        earlier_published_end,
        published_start,
        published_end,
        cast(earlier_value_low as decimal(18, 4)) as earlier_value_low,
        cast(earlier_value_high as decimal(18, 4)) as earlier_value_high,
        cast(value_low as decimal(18, 4)) as value_low,
        cast(value_high as decimal(18, 4)) as value_high,
        earlier_is_provisional,
        is_provisional

    from cbs

),

vintages as (

    -- all in the same column order
    select * from jaarcijfers_vintages
    union all
    select * from news_vintages
    union all
    select * from cbs_vintages

),

first_and_latest as (

    select
        figure_key,
        -- each at the first and the latest vintage
        (array_agg(value order by vintage_rank))[1] as first_value,
        (array_agg(value_printed order by vintage_rank))[1] as first_value_printed,
        (array_agg(edition_year order by vintage_rank))[1] as first_edition_year,
        (array_agg(release_id order by vintage_rank))[1] as first_release_id,
        (array_agg(value order by vintage_rank desc))[1] as latest_value,
        (array_agg(value_printed order by vintage_rank desc))[1] as latest_value_printed,
        (array_agg(edition_year order by vintage_rank desc))[1] as latest_edition_year,
        (array_agg(release_id order by vintage_rank desc))[1] as latest_release_id

    from vintages
    group by figure_key

),

steps as (

    select
        vintages.*,
        row_number() over (partition by vintages.figure_key order by vintages.vintage_rank) as step_number

    from vintages
    where
        vintages.vintage_rank > 1
        -- a CBS step says itself whether it is a revision; another source's, whether the value changed
        and coalesce(vintages.is_change, vintages.value is distinct from vintages.earlier_value)

),

final as (

    select
        steps.product_code,
        steps.indicator_code,
        steps.reference_year,
        steps.earlier_edition_year,
        steps.edition_year as later_edition_year,
        steps.earlier_value_printed,
        steps.value_printed as later_value_printed,
        steps.earlier_value,
        steps.value as later_value,
        cast(steps.value - steps.earlier_value as decimal(18, 4)) as difference,
        {{ rounded_quotient('steps.value - steps.earlier_value', 'steps.earlier_value') }} as relative_difference,
        steps.unit,
        steps.earlier_figure_id,
        steps.figure_id as later_figure_id,
        coalesce(steps.former_indicator_code, steps.indicator_code) as metric_code,
        case steps.source_code
            when 'jaarcijfers' then concat_ws('/', steps.figure_key, steps.edition_year)
            else concat_ws('/', steps.figure_key, steps.release_id) || coalesce(' (' || steps.quoted_item || ')', '')
        end as revision_id,
        steps.source_code,
        steps.period_code,
        steps.period_grain,
        steps.country_code,
        steps.earlier_release_id,
        steps.release_id as later_release_id,
        steps.earlier_quoted_item,
        steps.quoted_item as later_quoted_item,
        steps.step_number,
        first_and_latest.first_value,
        first_and_latest.first_value_printed,
        first_and_latest.first_edition_year,
        first_and_latest.first_release_id,
        first_and_latest.latest_value,
        first_and_latest.latest_value_printed,
        first_and_latest.latest_edition_year,
        first_and_latest.latest_release_id,
        steps.is_order_certain as is_release_order_certain,
        steps.earlier_published_start,
        steps.earlier_published_end,
        steps.published_start as later_published_start,
        steps.published_end as later_published_end,
        steps.earlier_value_low,
        steps.earlier_value_high,
        steps.value_low as later_value_low,
        steps.value_high as later_value_high,
        steps.earlier_is_provisional,
        steps.is_provisional as later_is_provisional

    from steps
    inner join first_and_latest using (figure_key)

)

select * from final
