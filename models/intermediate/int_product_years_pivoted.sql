{#- One row per product and year with the published figures the derived measures need side by
    side, each from the latest edition that reports it. Intake is applications, or procedures
    started for withdrawals and objections, which print no applications. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where is_latest_edition

),

pivoted as (

    select
        product_code,
        reference_year,
        max(edition_year) as edition_year,
        max(value) filter (where indicator_code in ('applications', 'procedures_started')) as intake,
        max(value) filter (where indicator_code = 'decisions') as decisions,
        max(value) filter (where indicator_code = 'cases_pending') as cases_pending,
        max(value) filter (where indicator_code = 'grant_rate') as grant_rate,
        max(value) filter (where indicator_code = 'decisions_on_time_share') as decisions_on_time_share,
        max(figure_id) filter (where indicator_code in ('applications', 'procedures_started')) as intake_figure_id,
        max(figure_id) filter (where indicator_code = 'decisions') as decisions_figure_id,
        max(figure_id) filter (where indicator_code = 'cases_pending') as cases_pending_figure_id,
        max(figure_id) filter (where indicator_code = 'grant_rate') as grant_rate_figure_id,
        max(figure_id) filter (where indicator_code = 'decisions_on_time_share') as decisions_on_time_share_figure_id

    from figures
    where
        indicator_code in (
            'applications', 'procedures_started', 'decisions', 'cases_pending', 'grant_rate', 'decisions_on_time_share'
        )
    group by product_code, reference_year

),

with_previous_year as (

    select
        current_year.*,
        previous_year.cases_pending as cases_pending_previous_year,
        previous_year.cases_pending_figure_id as cases_pending_previous_year_figure_id

    from pivoted as current_year
    left join pivoted as previous_year
        on
            current_year.product_code = previous_year.product_code
            and current_year.reference_year = previous_year.reference_year + 1

)

select * from with_previous_year
