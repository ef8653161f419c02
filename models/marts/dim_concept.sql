{#- The concept register as users read it: one row per series a publisher prints for a concept
    (a question users ask), with its unit, scope, rounding and the difference expected from the
    other publishers. fct_source_comparisons cites these rules (rule_code_a, rule_code_b). -#}
with

register as (

    select * from {{ ref('stg_reference__concept_register') }}

),

final as (

    select
        rule_code,
        concept_code,
        concept_label,
        question_en,
        publisher_code,
        publisher_rank,
        publisher_label,
        series_kind,
        series_code,
        unit,
        scope,
        rounding,
        cast(coalesce(rounding_half_width, 0) as decimal(18, 4)) as rounding_half_width,
        cast(coalesce(tolerance_units, 0) as decimal(18, 4)) as tolerance_units,
        expected_difference,
        not_comparable_with

    from register

)

select * from final
