-- Question: how many people did the IND grant asylum in track 4 each year, as implied by the
-- published decisions and grant rate? The rate is printed as a whole percent, so the answer
-- is a range (derived, not published).
select
    derived.reference_year,
    decisions.volume as decisions,
    grant_rate.value_printed as grant_rate_printed,
    derived.value as estimated_grants,
    derived.value_lower_bound as estimated_grants_at_least,
    derived.value_upper_bound as estimated_grants_at_most,
    derived.is_derived
from marts.fct_derived_measures as derived
inner join marts.fct_volumes as decisions
    on
        derived.product_code = decisions.product_code
        and derived.reference_year = decisions.reference_year
        and decisions.indicator_code = 'decisions'
inner join marts.fct_legal_outcomes as grant_rate
    on
        derived.product_code = grant_rate.product_code
        and derived.reference_year = grant_rate.reference_year
        and grant_rate.indicator_code = 'grant_rate'
where
    derived.product_code = 'asylum_track_4_general'
    and derived.indicator_code = 'estimated_grants'
order by derived.reference_year
