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
        -- one check: its name, rule and reason are the check's (min() only names the one value)
        min(check_name_en) as check_name_en,
        min(check_name_en) || ' (' || coalesce(cast(edition_year as varchar), 'news releases') || ')' as check_label,
        min(check_rule) as check_rule,
        -- a check of news figures compares figures of several units, each with its own tolerance:
        -- the units it compared, and its tolerance only where every figure has the same
        string_agg(distinct unit, ', ' order by unit) as unit,
        case when min(tolerance) = max(tolerance) then min(tolerance) end as tolerance,
        min(tolerance_reason) as tolerance_reason,
        count(*) as checks_evaluated,
        count(*) filter (where holds and (relation <> 'equals' or gap = 0)) as checks_exact,
        count(*) filter (where holds and relation = 'equals' and gap <> 0) as checks_within_tolerance,
        count(*) filter (where not holds) as checks_failing,
        max(abs(gap)) as largest_gap

    from checks
    group by source_code, edition_year, check_code

)

select * from final
