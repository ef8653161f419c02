with

timeliness as (

    select * from {{ ref('fct_timeliness') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

final as (

    select
        products.domain_code,
        timeliness.product_code,
        timeliness.indicator_code,
        timeliness.reference_year,
        products.product_name_en as bar_label,
        products.product_name_nl as bar_label_nl,
        timeliness.lead_time_weeks,
        timeliness.value_printed,
        timeliness.edition_year

    from timeliness
    inner join products
        on timeliness.product_code = products.product_code
    where timeliness.lead_time_weeks is not null

)

select * from final
