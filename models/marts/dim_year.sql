with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

news_figures as (

    select * from {{ ref('int_ind_news__figure_vintages') }}

),

years as (

    select
        reference_year,
        count(distinct edition_year) as editions_reporting,
        min(edition_year) as first_edition_year,
        max(edition_year) as latest_edition_year

    from figures
    group by reference_year

),

cbs_figures as (

    select * from {{ ref('int_cbs__figures_catalogued') }}

),

cbs_years as (

    select
        cast(extract(year from period_start) as integer) as reference_year,
        count(distinct release_id) as cbs_releases_reporting

    from cbs_figures
    group by cast(extract(year from period_start) as integer)

),

news_years as (

    select
        reference_year,
        count(distinct release_id) as news_releases_reporting

    from news_figures
    where reference_year is not null
    group by reference_year

),

final as (

    select
        reference_year,
        make_date(reference_year, 1, 1) as year_start_date,
        make_date(reference_year, 12, 31) as year_end_date,
        coalesce(years.editions_reporting, 0) as editions_reporting,
        years.first_edition_year,
        years.latest_edition_year,
        coalesce(news_years.news_releases_reporting, 0) as news_releases_reporting,
        coalesce(cbs_years.cbs_releases_reporting, 0) as cbs_releases_reporting

    from years
    full outer join news_years using (reference_year)
    full outer join cbs_years using (reference_year)

)

select * from final
