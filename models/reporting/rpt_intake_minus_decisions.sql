{%- set row_context = "'fct_derived_measures ' || derived_measures.product_code || '/intake_minus_decisions/'"
    ~ " || derived_measures.reference_year" %}
with

derived_measures as (

    select * from {{ ref('fct_derived_measures') }}
    where indicator_code = 'intake_minus_decisions'

),

products as (

    select * from {{ ref('dim_product') }}

),

final as (

    select
        derived_measures.product_code,
        derived_measures.reference_year,
        products.product_name_en as bar_label,
        products.product_name_nl as bar_label_nl,
        {{ count_to_bigint('derived_measures.value', row_context) }} as value,
        {{ thousands_grouped('derived_measures.value') }} || ' = ' || derived_measures.formula as derivation,
        derived_measures.is_derived,
        derived_measures.edition_year

    from derived_measures
    inner join products
        on derived_measures.product_code = products.product_code

)

select * from final
