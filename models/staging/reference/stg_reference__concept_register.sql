with

source as (

    select * from {{ ref('concept_register') }}

),

renamed as (

    select
        nullif(rule_code, '') as rule_code,
        nullif(concept_code, '') as concept_code,
        nullif(concept_label, '') as concept_label,
        nullif(question_en, '') as question_en,
        nullif(publisher_code, '') as publisher_code,
        {{ checked_cast('publisher_rank', 'integer') }} as publisher_rank,
        nullif(publisher_label, '') as publisher_label,
        nullif(series_kind, '') as series_kind,
        nullif(series_code, '') as series_code,
        nullif(unit, '') as unit,
        nullif(scope, '') as scope,
        nullif(rounding, '') as rounding,
        {{ checked_cast("nullif(rounding_half_width, '')", 'decimal(18, 4)') }} as rounding_half_width,
        {{ checked_cast("nullif(tolerance_units, '')", 'decimal(18, 4)') }} as tolerance_units,
        nullif(expected_difference, '') as expected_difference,
        nullif(not_comparable_with, '') as not_comparable_with

    from source

)

select * from renamed
