-- The typed facts show, for every product, indicator and year, the figure of the latest loaded
-- edition that reports it, and each figure exactly once.
with

latest as (

    select
        product_code,
        indicator_code,
        reference_year,
        max(edition_year) as latest_edition_year
    from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'
    group by product_code, indicator_code, reference_year

),

shown as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_volumes') }}
    union all
    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_timeliness') }}
    union all
    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_legal_outcomes') }}
    union all
    select
        'notices_of_default' as product_code,
        'penalty_payments_eur' as indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_penalty_payments') }}

)

select
    latest.*,
    shown.edition_year as shown_edition_year
from latest
left join shown using (product_code, indicator_code, reference_year)
inner join {{ ref('dim_indicator') }} as indicators using (indicator_code)
where
    indicators.fact_table in ('fct_volumes', 'fct_timeliness', 'fct_legal_outcomes', 'fct_penalty_payments')
    and shown.edition_year is distinct from latest.latest_edition_year
