with

source as (

    select * from {{ ref('sections') }}

),

renamed as (

    select
        section_nl,
        section_name_en,
        nullif(parent_section_nl, '') as parent_section_nl

    from source

)

select * from renamed
