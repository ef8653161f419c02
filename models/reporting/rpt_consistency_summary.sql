{#- Per edition and check: how many checks were evaluated, how many hold, how many hold only
    within the tolerance (an equality off by the publication's rounding), and how many do not. -#}
with

checks as (

    select * from {{ ref('fct_consistency_checks') }}

),

final as (

    select
        concat_ws('/', source_code, edition_year, check_code) as summary_id,
        source_code,
        edition_year,
        coalesce(cast(edition_year as varchar), 'news releases') as edition_label,
        check_code,
        any_value(check_name_en) as check_name_en,
        min(check_name_en) || ' (' || coalesce(cast(edition_year as varchar), 'news releases') || ')' as check_label,
        any_value(check_rule) as check_rule,
        any_value(unit) as unit,
        any_value(tolerance) as tolerance,
        any_value(tolerance_reason) as tolerance_reason,
        count(*) as checks_evaluated,
        count(*) filter (where holds and (relation <> 'equals' or gap = 0)) as checks_exact,
        count(*) filter (where holds and relation = 'equals' and gap <> 0) as checks_within_tolerance,
        count(*) filter (where not holds) as checks_failing,
        max(abs(gap)) as largest_gap

    from checks
    group by source_code, edition_year, check_code

)

select * from final
