{#- Measures the publication implies but does not print. Each row is derived, says so, and
    names its formula and the printed figures it comes from; published figures are untouched.
    Counts are rounded to whole numbers, quotients to 4 decimals, half away from zero. -#}
with

product_years as (

    select * from {{ ref('int_product_years_pivoted') }}

),

half_percentage_point as (

    select cast(0.005 as decimal(18, 4)) as margin

),

estimates as (

    select
        product_code,
        'estimated_grants' as metric_code,
        reference_year,
        edition_year,
        round(decisions * grant_rate) as value,
        round(decisions * greatest(grant_rate - margin, 0)) as value_lower_bound,
        round(decisions * least(grant_rate + margin, 1)) as value_upper_bound,
        'decisions × grant_rate' as formula,
        [decisions_figure_id, grant_rate_figure_id] as input_figure_ids
    from product_years, half_percentage_point
    where decisions is not null and grant_rate is not null

    union all

    select
        product_code,
        'estimated_decisions_on_time',
        reference_year,
        edition_year,
        round(decisions * decisions_on_time_share),
        round(decisions * greatest(decisions_on_time_share - margin, 0)),
        round(decisions * least(decisions_on_time_share + margin, 1)),
        'decisions × decisions_on_time_share',
        [decisions_figure_id, decisions_on_time_share_figure_id]
    from product_years, half_percentage_point
    where decisions is not null and decisions_on_time_share is not null

),

backlog_dynamics as (

    select
        product_code,
        'cases_pending_change' as metric_code,
        reference_year,
        edition_year,
        cases_pending - cases_pending_previous_year as value,
        'cases_pending − cases_pending of the previous year' as formula,
        [cases_pending_figure_id, cases_pending_previous_year_figure_id] as input_figure_ids
    from product_years
    where cases_pending is not null and cases_pending_previous_year is not null

    union all

    select
        product_code,
        'intake_minus_decisions',
        reference_year,
        edition_year,
        intake - decisions,
        'intake − decisions',
        [intake_figure_id, decisions_figure_id]
    from product_years
    where intake is not null and decisions is not null

    union all

    select
        product_code,
        'stock_flow_gap',
        reference_year,
        edition_year,
        (cases_pending - cases_pending_previous_year) - (intake - decisions),
        '(cases_pending − cases_pending of the previous year) − (intake − decisions)',
        [cases_pending_figure_id, cases_pending_previous_year_figure_id, intake_figure_id, decisions_figure_id]
    from product_years
    where cases_pending is not null and cases_pending_previous_year is not null
        and intake is not null and decisions is not null

    union all

    select
        product_code,
        'applications_per_decision',
        reference_year,
        edition_year,
        round(intake / decisions, 4),
        'intake ÷ decisions',
        [intake_figure_id, decisions_figure_id]
    from product_years
    where intake is not null and decisions > 0

),

final as (

    select
        product_code,
        metric_code,
        reference_year,
        edition_year,
        cast(value as decimal(18, 4)) as value,
        cast(value_lower_bound as decimal(18, 4)) as value_lower_bound,
        cast(value_upper_bound as decimal(18, 4)) as value_upper_bound,
        true as is_derived,
        formula,
        input_figure_ids
    from estimates

    union all

    select
        product_code,
        metric_code,
        reference_year,
        edition_year,
        cast(value as decimal(18, 4)),
        null,
        null,
        true,
        formula,
        input_figure_ids
    from backlog_dynamics

)

select * from final
