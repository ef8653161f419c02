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

editions as (

    select * from {{ ref('dim_publication') }}

),

releases as (

    select * from {{ ref('dim_release') }}

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
        true as is_order_certain

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
        coalesce(is_order_certain, false) as is_order_certain

    from news

),

vintages as (

    -- both in the same column order
    select * from jaarcijfers_vintages
    union all
    select * from news_vintages

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
        and vintages.value is distinct from vintages.earlier_value

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
        -- one pair for both sources: the edition year or the release (with its quoted item)
        case steps.source_code
            when 'jaarcijfers' then cast(steps.earlier_edition_year as varchar)
            else steps.earlier_release_id || coalesce(' (' || steps.earlier_quoted_item || ')', '')
        end as earlier_vintage,
        case steps.source_code
            when 'jaarcijfers' then cast(steps.edition_year as varchar)
            else steps.release_id || coalesce(' (' || steps.quoted_item || ')', '')
        end as later_vintage,
        case steps.source_code
            when 'jaarcijfers' then earlier_edition.published_on
            else earlier_release.published_start
        end as earlier_vintage_date,
        case steps.source_code
            when 'jaarcijfers' then later_edition.published_on
            else later_release.published_start
        end as later_vintage_date,
        case steps.source_code
            when 'jaarcijfers' then case when earlier_edition.published_on is null then 'undated' else 'day' end
            else earlier_release.published_precision
        end as earlier_vintage_date_precision,
        case steps.source_code
            when 'jaarcijfers' then case when later_edition.published_on is null then 'undated' else 'day' end
            else later_release.published_precision
        end as later_vintage_date_precision

    from steps
    inner join first_and_latest using (figure_key)
    left join editions as earlier_edition
        on steps.earlier_edition_year = earlier_edition.edition_year
    left join editions as later_edition
        on steps.edition_year = later_edition.edition_year
    left join releases as earlier_release
        on steps.earlier_release_id = earlier_release.release_id
    left join releases as later_release
        on steps.release_id = later_release.release_id

)

select * from final
