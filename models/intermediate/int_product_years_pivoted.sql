{#- One row per product and year with the published figures the derived measures need side by
    side, each from the latest edition that reports it. Intake and decisions are the rows whose
    count kind (seeds/reference/table_rows.csv) says so: applications, first asylum applications,
    cases entering a track, or procedures started; decisions of the table's stage. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where is_latest_edition

),

count_kinds as (

    select * from {{ ref('stg_reference__count_kinds') }}

),

figures_with_kind as (

    select
        figures.*,
        count_kinds.counted_as,
        count_kinds.is_application_received

    from figures
    left join count_kinds
        on figures.count_kind = count_kinds.count_kind

),

pivoted as (

    select
        product_code,
        reference_year,
        max(edition_year) as edition_year,
        max(value) filter (where counted_as = 'intake') as intake,
        max(count_kind) filter (where counted_as = 'intake') as intake_kind,
        bool_or(is_application_received) filter (where counted_as = 'intake') as intake_is_application_received,
        max(value) filter (where counted_as = 'decisions') as decisions,
        max(count_kind) filter (where counted_as = 'decisions') as decision_stage,
        max(value) filter (where indicator_code = 'cases_pending') as cases_pending,
        max(value) filter (where indicator_code = 'grant_rate') as grant_rate,
        max(value) filter (where indicator_code = 'decisions_on_time_share') as decisions_on_time_share,
        max(rounded_to) filter (where counted_as = 'decisions') as decisions_rounded_to,
        max(rounded_to) filter (where indicator_code = 'grant_rate') as grant_rate_rounded_to,
        max(rounded_to) filter (where indicator_code = 'decisions_on_time_share') as decisions_on_time_share_rounded_to,
        max(figure_id) filter (where counted_as = 'intake') as intake_figure_id,
        max(figure_id) filter (where counted_as = 'decisions') as decisions_figure_id,
        max(figure_id) filter (where indicator_code = 'cases_pending') as cases_pending_figure_id,
        max(figure_id) filter (where indicator_code = 'grant_rate') as grant_rate_figure_id,
        max(figure_id) filter (where indicator_code = 'decisions_on_time_share') as decisions_on_time_share_figure_id,
        count(*) filter (where counted_as = 'intake') as intake_rows,
        count(*) filter (where counted_as = 'decisions') as decisions_rows

    from figures_with_kind
    where
        counted_as in ('intake', 'decisions')
        or indicator_code in ('cases_pending', 'grant_rate', 'decisions_on_time_share')
    group by product_code, reference_year

),

checked as (

    select
        *,
        case
            when intake_rows > 1 or decisions_rows > 1
                then {{ fail_build([
                    "'seeds/reference/table_rows.csv: product '", "product_code",
                    "' has more than one intake or decisions row in ', reference_year",
                    "'; the derived measures pair one intake with one decisions count'",
                ]) }}
            else true
        end as has_one_intake_and_one_decisions

    from pivoted

),

with_previous_year as (

    select
        current_year.product_code,
        current_year.reference_year,
        current_year.edition_year,
        current_year.intake,
        current_year.intake_kind,
        current_year.intake_is_application_received,
        current_year.decisions,
        current_year.decision_stage,
        current_year.cases_pending,
        current_year.grant_rate,
        current_year.decisions_on_time_share,
        current_year.decisions_rounded_to,
        current_year.grant_rate_rounded_to,
        current_year.decisions_on_time_share_rounded_to,
        current_year.intake_figure_id,
        current_year.decisions_figure_id,
        current_year.cases_pending_figure_id,
        current_year.grant_rate_figure_id,
        current_year.decisions_on_time_share_figure_id,
        previous_year.cases_pending as cases_pending_previous_year,
        previous_year.cases_pending_figure_id as cases_pending_previous_year_figure_id

    from checked as current_year
    left join checked as previous_year
        on
            current_year.product_code = previous_year.product_code
            and current_year.reference_year = previous_year.reference_year + 1
    where current_year.has_one_intake_and_one_decisions

)

select * from with_previous_year
