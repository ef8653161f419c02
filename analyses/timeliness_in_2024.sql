-- Question: which procedures decided the smallest share of cases on time in 2024, and how
-- did that share move since 2022?
select
    products.product_name_en,
    products.domain_name_en,
    max(timeliness.share_on_time) filter (where timeliness.reference_year = 2022) as on_time_2022,
    max(timeliness.share_on_time) filter (where timeliness.reference_year = 2024) as on_time_2024
from marts.fct_timeliness as timeliness
inner join marts.dim_product as products using (product_code)
where timeliness.metric_code = 'decisions_on_time_share'
group by all
order by on_time_2024
limit 5
