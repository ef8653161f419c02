with

source as (

    select * from {{ ref('domains') }}

),

renamed as (

    select
        domain_code,
        domain_name_en,
        domain_name_nl,
        domain_description

    from source

)

select * from renamed
