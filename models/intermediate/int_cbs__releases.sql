{#- The CBS releases: a news release or background article (its address numbers it by year and ISO
    week, and its Dutch and English pages are one release), or a page whose address names no week
    (StatLine tables, item addresses, the dossier listing), whose release and order come from
    seeds/reference/cbs_releases.csv. A release is ordered by the days its pages show: a day, or
    the ISO week of its address, or a month; an undated one by its catalogued day. The order is
    certain between two releases whose days are known from their own pages (is_dated: no page of
    the release is placed by the catalogue) and do not overlap. -#}
with

figures as (

    select * from {{ ref('stg_cbs__figures') }}

),

catalogued as (

    select * from {{ ref('stg_reference__cbs_releases') }}

),

pages as (

    select
        source_url,
        -- one date and language per page; min() only names the one value
        min(page_language) as page_language,
        min(url_release_id) as url_release_id,
        min(published_printed) as published_printed,
        min(published_precision) as published_precision,
        min(published_start) as published_start,
        min(published_end) as published_end,
        count(*) as page_figure_count

    from figures
    group by source_url

),

page_releases as (

    select
        pages.*,
        coalesce(pages.url_release_id, catalogued.release_id) as release_id,
        catalogued.ordered_as_of,
        catalogued.order_basis

    from pages
    left join catalogued using (source_url)

),

releases as (

    select
        release_id,
        count(*) as page_count,
        sum(page_figure_count) as figure_count,
        min(case when published_precision = 'day' then published_start end) as published_on,
        -- the narrowest span the pages' dates allow
        max(published_start) as published_start,
        min(published_end) as published_end,
        min(ordered_as_of) as ordered_as_of,
        min(order_basis) as order_basis,
        count(ordered_as_of) > 0 as has_catalogued_page,
        min(case when page_language = 'nl' then source_url end) as page_url_nl,
        min(case when page_language = 'en' then source_url end) as page_url_en

    from page_releases
    where release_id is not null
    group by release_id

),

final as (

    select
        release_id,
        row_number() over (
            order by coalesce(published_start, ordered_as_of), coalesce(published_end, ordered_as_of), release_id
        ) as release_order,
        published_on,
        published_start,
        published_end,
        -- known only from the days its own pages show, not from the catalogue
        published_start is not null and not has_catalogued_page as is_dated,
        coalesce(published_start, ordered_as_of) as ordered_from,
        coalesce(published_end, ordered_as_of) as ordered_to,
        order_basis,
        page_count,
        figure_count,
        page_url_nl,
        page_url_en

    from releases

)

select * from final
