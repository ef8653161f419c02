-- Question: what was the total asylum influx in November 2022, as first published and as last
-- published, and in which releases?
select
    influx.period_code,
    influx.first_value_printed,
    influx.first_release_id,
    first_release.page_url_nl as first_page,
    influx.latest_value_printed,
    influx.latest_release_id,
    latest_release.page_url_nl as latest_page,
    influx.is_revised
from marts.fct_asylum_influx_monthly as influx
inner join marts.dim_release as first_release
    on influx.first_release_id = first_release.release_id
inner join marts.dim_release as latest_release
    on influx.latest_release_id = latest_release.release_id
where
    influx.indicator_code = 'total_asylum_influx'
    and influx.country_scope = 'all'
    and influx.period_code = '2022-11'
