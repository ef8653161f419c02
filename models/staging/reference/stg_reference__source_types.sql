with

source as (

    select * from {{ ref('source_types') }}

),

renamed as (

    select
        source_type,
        is_complete_edition = 'true' as is_complete_edition,
        source_type_description

    from source

)

select * from renamed
