{#- Per procedure, the change in decisions and in cases pending from the first to the latest
    year loaded: where cases pending grew, and grew faster than decisions, the backlog outgrew
    the procedure's output. -#}
with

volumes as (

    select * from {{ ref('fct_volumes') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

years as (

    select
        min(reference_year) as first_year,
        max(reference_year) as latest_year

    from volumes

),

first_and_latest as (

    select
        volumes.product_code,
        volumes.indicator_code,
        max(volumes.volume) filter (where volumes.reference_year = years.first_year) as first_value,
        max(volumes.volume) filter (where volumes.reference_year = years.latest_year) as latest_value,
        max(volumes.edition_year) as edition_year

    from volumes
    cross join years
    where volumes.indicator_code in ('decisions', 'cases_pending')
    group by volumes.product_code, volumes.indicator_code

),

paired as (

    select
        decisions.product_code,
        decisions.first_value as decisions_first,
        decisions.latest_value as decisions_latest,
        pending.first_value as pending_first,
        pending.latest_value as pending_latest,
        greatest(decisions.edition_year, pending.edition_year) as edition_year

    from first_and_latest as decisions
    inner join first_and_latest as pending
        on
            decisions.product_code = pending.product_code
            and pending.indicator_code = 'cases_pending'
    where
        decisions.indicator_code = 'decisions'
        and decisions.first_value > 0
        and pending.first_value > 0

),

final as (

    select
        paired.product_code,
        products.product_name_en,
        products.product_name_nl,
        products.domain_name_en,
        years.first_year,
        years.latest_year,
        paired.decisions_first,
        paired.decisions_latest,
        {{ rounded_quotient('paired.decisions_latest - paired.decisions_first', 'paired.decisions_first') }}
            as decisions_change,
        paired.pending_first,
        paired.pending_latest,
        {{ rounded_quotient('paired.pending_latest - paired.pending_first', 'paired.pending_first') }}
            as pending_change,
        -- pending_latest ÷ pending_first > decisions_latest ÷ decisions_first, multiplied out (both
        -- firsts are above 0) so that no engine divides whole numbers as whole numbers
        paired.pending_latest > paired.pending_first
        and paired.pending_latest * paired.decisions_first > paired.decisions_latest * paired.pending_first
            as pending_outgrows_decisions,
        paired.edition_year

    from paired
    inner join products
        on paired.product_code = products.product_code
    cross join years

)

select * from final
