with

source as (

    select * from {{ ref('other_publishers_measures') }}

),

renamed as (

    select
        nullif(entry_code, '') as entry_code,
        nullif(measure_pattern, '') as measure_pattern,
        nullif(unit, '') as unit,
        nullif(concept_code, '') as concept_code,
        nullif(reviewed_reason, '') as reviewed_reason

    from source

)

select * from renamed
