{#- A release is a page and its publication date. Dutch and English twin pages are one release:
    two pages with the same date (same text, same precision), one on a Dutch and one on an
    English path, printing the same figures (period, measure and country, every one). The release
    takes the Dutch page's slug. Releases are ordered by the first day their date allows, then the
    last; where two releases' date ranges overlap, their order is not certain. -#}
with

figures as (

    select * from {{ ref('int_ind_news__figures_catalogued') }}

),

pages as (

    select
        page_id,
        -- one page address and date each; min() only names the one value
        min(page_url) as page_url,
        min(page_language) as page_language,
        min(page_slug) as page_slug,
        min(published_printed) as published_printed,
        min(published_code) as published_code,
        min(published_precision) as published_precision,
        min(published_start) as published_start,
        min(published_end) as published_end,
        min(published_comment) as published_comment,
        count(*) as page_figure_count,
        string_agg(figure_key || coalesce(' ' || quoted_item, ''), ',' order by figure_key, quoted_item)
            as figures_printed

    from figures
    group by page_id

),

twin_candidates as (

    select
        *,
        count(*) over same_date_and_figures as pages_alike,
        min(page_language) over same_date_and_figures <> max(page_language) over same_date_and_figures
            as has_both_languages,
        first_value(page_slug) over (
            same_date_and_figures order by case page_language when 'nl' then 0 else 1 end
        ) as dutch_first_slug

    from pages
    window same_date_and_figures as (partition by published_printed, figures_printed)

),

released as (

    select
        *,
        pages_alike = 2 and has_both_languages as is_twin,
        published_code || '/' || case
            when pages_alike = 2 and has_both_languages then dutch_first_slug else page_slug
        end as release_id

    from twin_candidates

),

ordered as (

    select
        page_id,
        page_url,
        page_language,
        page_slug,
        published_printed,
        published_code,
        published_precision,
        published_start,
        published_end,
        published_comment,
        page_figure_count,
        is_twin,
        release_id,
        dense_rank() over (order by published_start nulls last, published_end nulls last, release_id)
            as release_order

    from released

)

select * from ordered
