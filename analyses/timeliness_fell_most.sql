-- Question: where did timeliness (the share of decisions taken within the legal time limit)
-- fall most over the years of the latest complete edition?
with

latest_edition_years as (

    select
        min(reference_year) as first_year,
        max(reference_year) as latest_year
    from marts.fct_figures
    where edition_year = (
        select max(edition_year) from marts.dim_publication
        where is_complete_edition
    )

),

shares as (

    select
        timeliness.product_code,
        years.first_year,
        years.latest_year,
        max(timeliness.share_on_time) filter (where timeliness.reference_year = years.first_year) as on_time_first_year,
        max(timeliness.share_on_time) filter (where timeliness.reference_year = years.latest_year)
            as on_time_latest_year
    from marts.fct_timeliness as timeliness
    cross join latest_edition_years as years
    where timeliness.indicator_code = 'decisions_on_time_share'
    group by timeliness.product_code, years.first_year, years.latest_year

)

select
    products.product_name_en,
    products.domain_name_en,
    shares.first_year,
    shares.latest_year,
    shares.on_time_first_year,
    shares.on_time_latest_year,
    shares.on_time_latest_year - shares.on_time_first_year as change_in_ratio_points
from shares
inner join marts.dim_product as products on shares.product_code = products.product_code
order by change_in_ratio_points, shares.product_code
limit 5
