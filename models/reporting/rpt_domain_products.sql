with

products as (

    select * from {{ ref('dim_product') }}

),

final as (

    select
        product_code,
        domain_code,
        product_name_en,
        product_name_nl

    from products

)

select * from final
