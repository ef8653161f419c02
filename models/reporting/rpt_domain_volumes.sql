with

volumes as (

    select * from {{ ref('fct_volumes') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

final as (

    select
        products.domain_code,
        volumes.product_code,
        volumes.indicator_code,
        volumes.reference_year,
        products.product_name_en,
        products.product_name_nl,
        indicators.indicator_name_en || ' (' || indicators.indicator_name_nl || ')' as indicator_label,
        volumes.volume,
        volumes.value_printed,
        volumes.edition_year

    from volumes
    inner join products
        on volumes.product_code = products.product_code
    inner join indicators
        on volumes.indicator_code = indicators.indicator_code
    where volumes.volume is not null

)

select * from final
