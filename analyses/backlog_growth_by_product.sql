-- Question: which procedures' backlogs (cases pending at year end) grew fastest from 2022 to
-- 2024, in cases and relative to 2022?
with

pending as (

    select
        product_code,
        max(volume) filter (where reference_year = 2022) as pending_2022,
        max(volume) filter (where reference_year = 2024) as pending_2024
    from marts.fct_volumes
    where indicator_code = 'cases_pending'
    group by product_code

)

select
    products.product_name_en,
    products.product_name_nl,
    pending.pending_2022,
    pending.pending_2024,
    pending.pending_2024 - pending.pending_2022 as growth,
    round(pending.pending_2024 / pending.pending_2022, 2) as growth_factor
from pending
inner join marts.dim_product as products on pending.product_code = products.product_code
order by growth desc
limit 5
