{#- The parts of total staff, civil servants and external staff, to be stacked per year. -#}
with

figures as (

    select * from {{ ref('fct_figures') }}
    where
        is_latest_edition
        and indicator_code in ('civil_servants_fte', 'external_staff_fte')

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
        figures.indicator_code,
        figures.reference_year,
        indicators.indicator_name_en || ' (' || indicators.indicator_name_nl || ')' as staff_type_label,
        figures.value as fte,
        figures.value_printed,
        figures.edition_year

    from figures
    inner join products
        on figures.product_code = products.product_code
    inner join indicators
        on figures.indicator_code = indicators.indicator_code

)

select * from final
