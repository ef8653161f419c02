-- Stocks and flows agree: cases pending at the end of a year equal those at the end of the
-- year before, plus applications (or procedures) received, minus decisions. The publication
-- rounds to tens, so a gap of up to 10 is rounding; in the 2024 edition 19 of the 30
-- product-years reconcile exactly and the other 11 are off by exactly 10.
with

flows as (

    select
        edition_year,
        product_code,
        reference_year,
        sum(value) filter (where indicator_code in ('applications', 'procedures_started')) as intake,
        sum(value) filter (where indicator_code = 'decisions') as decisions,
        sum(value) filter (where indicator_code = 'cases_pending') as cases_pending
    from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'
    group by edition_year, product_code, reference_year

),

reconciled as (

    select
        *,
        cases_pending - lag(cases_pending) over (
            partition by edition_year, product_code order by reference_year
        ) as change_in_pending,
        intake - decisions as intake_minus_decisions
    from flows
    where cases_pending is not null

)

select * from reconciled
where abs(change_in_pending - intake_minus_decisions) > 10
