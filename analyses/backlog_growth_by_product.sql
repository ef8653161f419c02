-- Question: which procedures' backlogs (cases pending at year end) grew fastest over the years
-- of the latest complete edition, in cases and relative to its first year?
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

pending as (

    select
        volumes.product_code,
        years.first_year,
        years.latest_year,
        max(volumes.volume) filter (where volumes.reference_year = years.first_year) as pending_first_year,
        max(volumes.volume) filter (where volumes.reference_year = years.latest_year) as pending_latest_year
    from marts.fct_volumes as volumes
    cross join latest_edition_years as years
    where volumes.indicator_code = 'cases_pending'
    group by volumes.product_code, years.first_year, years.latest_year

)

select
    products.product_name_en,
    products.product_name_nl,
    pending.first_year,
    pending.latest_year,
    pending.pending_first_year,
    pending.pending_latest_year,
    pending.pending_latest_year - pending.pending_first_year as growth,
    round(cast(pending.pending_latest_year as decimal(18, 4)) / pending.pending_first_year, 2) as growth_factor
from pending
inner join marts.dim_product as products on pending.product_code = products.product_code
order by growth desc, pending.product_code asc
limit 5
