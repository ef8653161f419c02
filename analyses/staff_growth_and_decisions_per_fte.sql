-- Question: did staff grow faster than decisions? Total staff in FTE at year end against all
-- decisions printed in the publication (every product with a decisions row).
with

decisions as (

    select
        reference_year,
        sum(volume) as decisions
    from marts.fct_volumes
    where indicator_code = 'decisions'
    group by reference_year

)

select
    staffing.reference_year,
    staffing.total_staff_fte,
    decisions.decisions,
    round(decisions.decisions / staffing.total_staff_fte, 1) as decisions_per_fte
from marts.fct_staffing as staffing
inner join decisions on staffing.reference_year = decisions.reference_year
order by staffing.reference_year
