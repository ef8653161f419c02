{#- For a report's annual series: every yearly figure of an indicator (and product) that a news
    item prints for a whole year, from both sources, each point saying which source, edition or
    release, and definition it comes from. The Jaarcijfers' own series are in the other marts;
    these are the ones the news pages extend or restate. -#}
with

figures as (

    select * from {{ ref('fct_figures') }}
    where
        period_grain = 'year'
        and country_code is null

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

releases as (

    select * from {{ ref('dim_release') }}

),

news_series as (

    select distinct
        coalesce(product_code, '-') as product_key,
        indicator_code

    from figures
    where source_code = 'ind_news'

),

points as (

    select
        figures.*,
        coalesce(figures.product_code, '-') as product_key,
        row_number() over (
            partition by
                figures.source_code, coalesce(figures.product_code, '-'), figures.indicator_code,
                figures.reference_year, coalesce(figures.release_id, ''), coalesce(figures.edition_year, 0)
            order by figures.page_language desc nulls last, figures.figure_id asc
        ) as page_rank

    from figures
    inner join news_series
        on
            coalesce(figures.product_code, '-') = news_series.product_key
            and figures.indicator_code = news_series.indicator_code

),

final as (

    select
        points.figure_id,
        points.product_code,
        products.product_name_en,
        points.indicator_code,
        indicators.indicator_name_en,
        indicators.indicator_name_en || coalesce(' · ' || products.product_name_en, '') as series_label,
        indicators.indicator_kind,
        indicators.indicator_description as definition,
        points.reference_year,
        points.source_code,
        points.edition_year,
        points.release_id,
        case points.source_code
            when 'jaarcijfers' then 'IND Jaarcijfers, edition ' || points.edition_year
            else
                'IND news, '
                || releases.published_printed
                || ': '
                || coalesce(releases.page_url_nl, releases.page_url_en)
        end as source_label,
        points.value_printed,
        points.value,
        points.unit,
        points.is_approximate,
        points.value_qualifier,
        points.is_latest_vintage,
        -- two sources: printed by both where the series has more than one
        min(points.source_code) over same_series <> max(points.source_code) over same_series
            as is_printed_by_both_sources

    from points
    inner join indicators using (indicator_code)
    left join products using (product_code)
    left join releases using (release_id)
    where points.page_rank = 1
    window same_series as (partition by points.indicator_code, points.product_code)

)

select * from final
