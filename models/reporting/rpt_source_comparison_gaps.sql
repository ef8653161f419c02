{#- The gaps table of the report's "One question, several publishers": every comparison of a
    year (all nationalities) between two publishers, and every publisher's quarters against its
    year, with the explanation. -#}
with

comparisons as (

    select * from {{ ref('fct_source_comparisons') }}

),

concepts as (

    select * from {{ ref('dim_concept') }}

),

final as (

    select
        comparisons.comparison_id,
        comparisons.comparison_kind,
        comparisons.concept_code,
        comparisons.concept_label,
        comparisons.period_code,
        comparisons.reference_year,
        side_a.publisher_label as publisher_a_label,
        comparisons.value_printed_a,
        case
            when comparisons.comparison_kind = 'parts_against_year'
                then concat(
                    side_b.publisher_label, ', sum of ', cast(comparisons.part_count as varchar), ' ',
                    comparisons.part_grain, 's'
                )
            when comparisons.is_derived_b then concat(side_b.publisher_label, ', sum of its quarters')
            else side_b.publisher_label
        end as publisher_b_label,
        comparisons.value_printed_b,
        comparisons.gap,
        comparisons.gap_pct,
        comparisons.allowed_gap,
        comparisons.is_within_explanation,
        comparisons.explanation_kind,
        comparisons.explanation

    from comparisons
    inner join concepts as side_a
        on comparisons.rule_code_a = side_a.rule_code
    inner join concepts as side_b
        on comparisons.rule_code_b = side_b.rule_code
    where comparisons.period_grain = 'year' and comparisons.is_all_nationalities

)

select * from final
