with

source as (

    select * from {{ ref('count_kinds') }}

),

renamed as (

    select
        count_kind,
        count_kind_name_en,
        counted_as,
        is_application_received = 'true' as is_application_received,
        count_kind_description

    from source

)

select * from renamed
