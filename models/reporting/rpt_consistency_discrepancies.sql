{#- Every check that does not hold: what does not add up in a source, and by how much. -#}
with

checks as (

    select * from {{ ref('fct_consistency_checks') }}
    where not holds

),

final as (

    select
        check_id,
        source_code,
        edition_year,
        coalesce(cast(edition_year as varchar), 'news releases') as edition_label,
        check_name_en,
        subject,
        unit,
        expected_value,
        printed_value,
        gap,
        tolerance,
        reason

    from checks

)

select * from final
