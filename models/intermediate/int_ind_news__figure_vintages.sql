{#- One row per figure and vintage: a vintage is a release, or on an overview page quoting several
    monthly items, one quoted item of it. Twin pages give one vintage (their figures must agree,
    which tests/assert_ind_news_values_agree.sql checks). Vintages of a figure are ranked by
    release order, then by the month of the quoted item. The order is certain between two
    vintages of one release (an overview's items follow their months), and between releases
    whose dates do not overlap; a quoted item's own date is not shown, so its order against
    other releases is not certain. -#}
with

figures as (

    select * from {{ ref('int_ind_news__figures_catalogued') }}

),

releases as (

    select * from {{ ref('int_ind_news__releases') }}

),

released as (

    select
        figures.*,
        releases.release_id,
        releases.release_order,
        {{ ind_news_figure_id(
            'releases.release_id', 'figures.page_language', 'figures.figure_key', 'figures.quoted_item'
        ) }} as figure_id

    from figures
    inner join releases using (page_id)

),

vintages as (

    select
        figure_key,
        release_id,
        quoted_item,
        -- one release, period and figure each; min() only names the one value
        min(release_order) as release_order,
        min(quoted_item_month) as quoted_item_month,
        min(period_code) as period_code,
        min(period_grain) as period_grain,
        min(period_start) as period_start,
        min(period_end) as period_end,
        min(reference_year) as reference_year,
        min(product_code) as product_code,
        min(indicator_code) as indicator_code,
        min(country_code) as country_code,
        min(unit) as unit,
        bool_or(in_asylum_influx_monthly) as in_asylum_influx_monthly,
        min(published_start) as published_start,
        min(published_end) as published_end,
        -- the Dutch page's, where there is one (twins agree: assert_ind_news_values_agree.sql)
        (array_agg(value order by page_language = 'en', figure_id))[1] as value,
        (array_agg(value_printed order by page_language = 'en', figure_id))[1] as value_printed,
        bool_or(is_approximate) as is_approximate,
        array_agg(figure_id order by page_language desc) as figure_ids

    from released
    group by figure_key, release_id, quoted_item

),

ranked as (

    select
        *,
        row_number() over by_figure as vintage_rank,
        count(*) over (partition by figure_key) as vintage_count,
        lag(release_id) over by_figure as earlier_release_id,
        lag(quoted_item) over by_figure as earlier_quoted_item,
        lag(value) over by_figure as earlier_value,
        lag(value_printed) over by_figure as earlier_value_printed,
        lag(figure_ids) over by_figure as earlier_figure_ids,
        case
            when lag(release_id) over by_figure = release_id then true
            when lag(quoted_item) over by_figure is not null or quoted_item is not null then false
            else lag(published_end) over by_figure < published_start
        end as is_order_certain

    from vintages
    window by_figure as (partition by figure_key order by release_order, quoted_item_month nulls first)

)

select * from ranked
