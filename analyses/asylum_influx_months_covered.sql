-- Question: which months of each year do the IND's news releases give, per monthly asylum-influx
-- indicator? Each cell: the number of months, then the months (J F M A M J J A S O N D), · for a
-- month no release printed (absent from the warehouse, never zero); empty: no month at all.
with

coverage as (

    select * from marts.fct_asylum_influx_coverage

),

month_numbers as (

    select month_number
    from generate_series(1, 12) as months (month_number)

),

cells as (

    select
        coverage.indicator_code,
        coverage.reference_year,
        concat(coverage.months_present, ' ', string_agg(
            case
                when month_numbers.month_number = any(coverage.month_numbers)
                    then substr('JFMAMJJASOND', month_numbers.month_number, 1)
                else '·'
            end,
            '' order by month_numbers.month_number
        )) as months_covered
    from coverage
    cross join month_numbers
    group by coverage.indicator_code, coverage.reference_year, coverage.months_present

)

select
    reference_year,
    coalesce(
        max(months_covered) filter (where indicator_code = 'total_asylum_influx'), ''
    ) as total_asylum_influx,
    coalesce(
        max(months_covered) filter (where indicator_code = 'first_asylum_applications'), ''
    ) as first_asylum_applications,
    coalesce(
        max(months_covered) filter (where indicator_code = 'repeat_asylum_applications'), ''
    ) as repeat_asylum_applications,
    coalesce(
        max(months_covered) filter (where indicator_code = 'family_members_entered'), ''
    ) as family_members_entered,
    coalesce(
        max(months_covered) filter (where indicator_code = 'unaccompanied_minor_asylum_applications'), ''
    ) as unaccompanied_minor_asylum_applications,
    coalesce(
        max(months_covered) filter (where indicator_code = 'incoming_first_asylum_applications'), ''
    ) as incoming_first_asylum_applications
from cells
group by reference_year
order by reference_year
