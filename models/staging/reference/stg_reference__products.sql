with

source as (

    select * from {{ ref('products') }}

),

renamed as (

    select
        product_code,
        table_heading_nl,
        product_name_en,
        domain_code,
        nullif(top3_list_heading_nl, '') as top3_list_heading_nl,
        has_section_heading = 'true' as has_section_heading,
        product_description

    from source

)

select * from renamed
