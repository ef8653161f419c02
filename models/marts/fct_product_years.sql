{#- The counts the semantic layer's metrics add up, side by side per product and year, so that
    a weighted metric can pair a product's rate-based estimate or lead time with that same
    product's decisions. MetricFlow adds measures within one table; it cannot pair rows of two
    long facts. Every value is copied from fct_volumes, fct_derived_measures or fct_timeliness;
    intake and decisions carry their kind, and applications_received holds only the intake the
    overlap register lets be added as applications received. -#}
with

volumes as (

    select * from {{ ref('fct_volumes') }}

),

derived_measures as (

    select * from {{ ref('fct_derived_measures') }}

),

timeliness as (

    select * from {{ ref('fct_timeliness') }}

),

years as (

    select * from {{ ref('dim_year') }}

),

count_kinds as (

    select * from {{ ref('dim_count_kind') }}

),

volumes_pivoted as (

    select
        volumes.product_code,
        volumes.reference_year,
        max(volumes.volume) filter (where volumes.indicator_code = 'applications') as applications,
        max(volumes.volume) filter (where count_kinds.counted_as = 'intake') as intake,
        max(volumes.count_kind) filter (where count_kinds.counted_as = 'intake') as intake_kind,
        max(volumes.volume) filter (where count_kinds.is_application_received) as applications_received,
        max(volumes.volume) filter (where volumes.indicator_code = 'decisions') as decisions,
        max(volumes.count_kind) filter (where count_kinds.counted_as = 'decisions') as decision_stage,
        max(volumes.volume) filter (where volumes.indicator_code = 'cases_pending') as cases_pending

    from volumes
    left join count_kinds
        on volumes.count_kind = count_kinds.count_kind
    where volumes.indicator_code = 'cases_pending' or count_kinds.count_kind is not null
    group by volumes.product_code, volumes.reference_year

),

derived_measures_pivoted as (

    select
        product_code,
        reference_year,
        cast(max(value) filter (where indicator_code = 'estimated_grants') as bigint) as estimated_grants,
        cast(max(value) filter (where indicator_code = 'estimated_decisions_on_time') as bigint)
            as estimated_decisions_on_time,
        cast(max(value) filter (where indicator_code = 'cases_pending_change') as bigint) as cases_pending_change

    from derived_measures
    where indicator_code in ('estimated_grants', 'estimated_decisions_on_time', 'cases_pending_change')
    group by product_code, reference_year

),

lead_times as (

    select
        product_code,
        reference_year,
        lead_time_weeks

    from timeliness
    where indicator_code = 'lead_time_weeks'

),

final as (

    select
        volumes_pivoted.product_code,
        volumes_pivoted.reference_year,
        years.year_start_date,
        volumes_pivoted.applications,
        volumes_pivoted.intake,
        volumes_pivoted.intake_kind,
        volumes_pivoted.applications_received,
        volumes_pivoted.decisions,
        volumes_pivoted.decision_stage,
        volumes_pivoted.cases_pending,
        derived_measures_pivoted.cases_pending_change,
        derived_measures_pivoted.estimated_grants,
        derived_measures_pivoted.estimated_decisions_on_time,
        lead_times.lead_time_weeks

    from volumes_pivoted
    inner join years
        on volumes_pivoted.reference_year = years.reference_year
    left join derived_measures_pivoted
        on
            volumes_pivoted.product_code = derived_measures_pivoted.product_code
            and volumes_pivoted.reference_year = derived_measures_pivoted.reference_year
    left join lead_times
        on
            volumes_pivoted.product_code = lead_times.product_code
            and volumes_pivoted.reference_year = lead_times.reference_year

)

select * from final
