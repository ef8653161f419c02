-- Question: where do the published stock (cases pending) and flows (intake, decisions) not
-- reconcile? A gap of ±10 is the publication's rounding to tens.
select
    derived.product_code,
    derived.reference_year,
    derived.value as stock_flow_gap
from marts.fct_derived_measures as derived
where
    derived.indicator_code = 'stock_flow_gap'
    and derived.value <> 0
order by abs(derived.value) desc, derived.product_code asc, derived.reference_year asc
