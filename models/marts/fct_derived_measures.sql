{#- Measures the publication implies but does not print. Each row is derived, says so, and
    names its formula and the printed figures it comes from; published figures are untouched.
    Counts are rounded to whole numbers, quotients to 4 decimals, half away from zero. Intake and
    decisions are always of one product, so of matching kinds (applications with first-instance
    decisions, objections lodged with decisions on objection; seeds/reference/overlap_register.csv). -#}
with

product_years as (

    select * from {{ ref('int_product_years_pivoted') }}

),

-- The printed decisions are rounded to tens and the rates to whole percents: the true count lies
-- between the products of the extremes each could have been, floored and ceiled.
estimates as (

    select
        product_code,
        'estimated_grants' as indicator_code,
        reference_year,
        edition_year,
        round(decisions * grant_rate) as value,
        floor(
            greatest(decisions - decisions_rounded_to * 0.5, 0) * greatest(grant_rate - grant_rate_rounded_to * 0.5, 0)
        ) as value_lower_bound,
        ceil((decisions + decisions_rounded_to * 0.5) * least(grant_rate + grant_rate_rounded_to * 0.5, 1))
            as value_upper_bound,
        'decisions × grant_rate' as formula,
        array[decisions_figure_id, grant_rate_figure_id] as input_figure_ids
    from product_years
    where decisions is not null and grant_rate is not null

    union all

    select
        product_code,
        'estimated_decisions_on_time' as indicator_code,
        reference_year,
        edition_year,
        round(decisions * decisions_on_time_share) as value,
        floor(
            greatest(decisions - decisions_rounded_to * 0.5, 0)
            * greatest(decisions_on_time_share - decisions_on_time_share_rounded_to * 0.5, 0)
        ) as value_lower_bound,
        ceil(
            (decisions + decisions_rounded_to * 0.5)
            * least(decisions_on_time_share + decisions_on_time_share_rounded_to * 0.5, 1)
        ) as value_upper_bound,
        'decisions × decisions_on_time_share' as formula,
        array[decisions_figure_id, decisions_on_time_share_figure_id] as input_figure_ids
    from product_years
    where decisions is not null and decisions_on_time_share is not null

),

backlog_dynamics as (

    select
        product_code,
        'cases_pending_change' as indicator_code,
        reference_year,
        edition_year,
        cases_pending - cases_pending_previous_year as value,
        'cases_pending − cases_pending of the previous year' as formula,
        array[cases_pending_figure_id, cases_pending_previous_year_figure_id] as input_figure_ids
    from product_years
    where cases_pending is not null and cases_pending_previous_year is not null

    union all

    select
        product_code,
        'intake_minus_decisions' as indicator_code,
        reference_year,
        edition_year,
        intake - decisions as value,
        'intake − decisions' as formula,
        array[intake_figure_id, decisions_figure_id] as input_figure_ids
    from product_years
    where intake is not null and decisions is not null

    union all

    select
        product_code,
        'stock_flow_gap' as indicator_code,
        reference_year,
        edition_year,
        (cases_pending - cases_pending_previous_year) - (intake - decisions) as value,
        '(cases_pending − cases_pending of the previous year) − (intake − decisions)' as formula,
        array[
            cases_pending_figure_id, cases_pending_previous_year_figure_id, intake_figure_id, decisions_figure_id
        ] as input_figure_ids
    from product_years
    where
        cases_pending is not null and cases_pending_previous_year is not null
        and intake is not null and decisions is not null

    union all

    select
        product_code,
        'applications_per_decision' as indicator_code,
        reference_year,
        edition_year,
        {{ rounded_quotient('intake', 'decisions') }} as value,
        'intake ÷ decisions' as formula,
        array[intake_figure_id, decisions_figure_id] as input_figure_ids
    from product_years
    where intake is not null and decisions > 0

),

final as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year,
        cast(value as decimal(18, 4)) as value,
        cast(value_lower_bound as bigint) as value_lower_bound,
        cast(value_upper_bound as bigint) as value_upper_bound,
        true as is_derived,
        formula,
        input_figure_ids,
        indicator_code as metric_code
    from estimates

    union all

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year,
        cast(value as decimal(18, 4)) as value,
        cast(null as bigint) as value_lower_bound,
        cast(null as bigint) as value_upper_bound,
        true as is_derived,
        formula,
        input_figure_ids,
        indicator_code as metric_code
    from backlog_dynamics

)

select * from final
