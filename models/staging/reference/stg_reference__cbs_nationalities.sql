with

source as (

    select * from {{ ref('cbs_nationalities') }}

),

renamed as (

    select
        nationality_printed,
        kind as nationality_kind,
        country_code,
        nullif(nationality_code, '') as nationality_code,
        nullif(mapping_note, '') as mapping_note

    from source

)

select * from renamed
