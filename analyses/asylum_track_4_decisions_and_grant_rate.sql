-- Question: how many decisions did the IND take in asylum track 4 (the general and extended
-- asylum procedure) each year, and what share of them granted asylum?
select
    volumes.reference_year,
    volumes.volume as decisions,
    outcomes.rate as grant_rate,
    outcomes.value_printed as grant_rate_printed
from marts.fct_volumes as volumes
inner join marts.fct_legal_outcomes as outcomes
    on
        volumes.product_code = outcomes.product_code
        and volumes.reference_year = outcomes.reference_year
where
    volumes.product_code = 'asylum_track_4_general'
    and volumes.indicator_code = 'decisions'
    and outcomes.indicator_code = 'grant_rate'
order by volumes.reference_year
