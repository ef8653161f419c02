-- Question: where did timeliness (the share of decisions taken within the legal time limit)
-- fall most from 2022 to 2024?
with

shares as (

    select
        product_code,
        max(share_on_time) filter (where reference_year = 2022) as on_time_2022,
        max(share_on_time) filter (where reference_year = 2024) as on_time_2024
    from marts.fct_timeliness
    where indicator_code = 'decisions_on_time_share'
    group by product_code

)

select
    products.product_name_en,
    products.domain_name_en,
    shares.on_time_2022,
    shares.on_time_2024,
    shares.on_time_2024 - shares.on_time_2022 as change_in_ratio_points
from shares
inner join marts.dim_product as products on shares.product_code = products.product_code
order by change_in_ratio_points
limit 5
