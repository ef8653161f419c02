{#- The releases of the IND's news pages: a page and its publication date, or a Dutch and an
    English twin page of one date that print the same figures. -#}
with

pages as (

    select * from {{ ref('int_ind_news__releases') }}

),

figures as (

    select * from {{ ref('int_ind_news__figures_catalogued') }}

),

page_figures as (

    select
        page_id,
        min(period_start) as first_period_start,
        max(period_end) as last_period_end,
        bool_or(in_asylum_influx_monthly and period_grain = 'month') as prints_monthly_influx

    from figures
    group by page_id

),

releases as (

    select
        pages.release_id,
        -- twin pages share their order and date; min() only names the one value
        min(pages.release_order) as release_order,
        min(pages.published_printed) as published_printed,
        min(pages.published_code) as published_code,
        min(pages.published_precision) as published_precision,
        min(pages.published_start) as published_start,
        min(pages.published_end) as published_end,
        min(pages.published_comment) as published_comment,
        max(pages.page_url) filter (where pages.page_language = 'nl') as page_url_nl,
        max(pages.page_url) filter (where pages.page_language = 'en') as page_url_en,
        count(*) as page_count,
        bool_or(pages.is_twin) as is_twin,
        max(pages.page_figure_count) as figure_count,
        min(page_figures.first_period_start) as first_period_start,
        max(page_figures.last_period_end) as last_period_end,
        bool_or(page_figures.prints_monthly_influx) as prints_monthly_influx

    from pages
    inner join page_figures using (page_id)
    group by pages.release_id

),

final as (

    select
        release_id,
        'ind_news' as source_code,
        release_order,
        published_printed,
        published_code,
        published_precision,
        published_start,
        published_end,
        published_comment,
        page_url_nl,
        page_url_en,
        page_count,
        is_twin,
        figure_count,
        first_period_start,
        last_period_end,
        prints_monthly_influx

    from releases

)

select * from final
