-- Question: how did the lead times of family reunification of asylum-permit holders (nareis), and of
-- family reunification with unaccompanied minors, move, next to asylum track 4?
select
    products.product_name_en,
    timeliness.reference_year,
    timeliness.lead_time_weeks,
    timeliness.lead_time_days
from marts.fct_timeliness as timeliness
inner join marts.dim_product as products on timeliness.product_code = products.product_code
where timeliness.indicator_code = 'lead_time_weeks'
order by products.product_name_en, timeliness.product_code, timeliness.reference_year
