-- Question: how many first asylum applications were there in each month of 2022, and which
-- release's figure is that? Months no release printed are absent.
select
    period_code,
    latest_value_printed,
    latest_release_id,
    first_value_printed,
    is_revised
from marts.fct_asylum_influx_monthly
where
    indicator_code = 'first_asylum_applications'
    and country_scope = 'all'
    and reference_year = 2022
order by period_code
