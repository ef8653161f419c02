with

products as (

    select * from {{ ref('dim_product') }}

),

final as (

    select distinct
        domain_code,
        domain_display_order,
        domain_name_en,
        domain_name_nl,
        domain_description

    from products

)

select * from final
