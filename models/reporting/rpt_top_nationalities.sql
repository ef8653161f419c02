{#- Each procedure's top-3 list for the latest year it has one, from the latest edition. -#}
with

top_nationalities as (

    select * from {{ ref('fct_top_nationalities') }}
    where is_latest_edition

),

products as (

    select * from {{ ref('dim_product') }}

),

nationalities as (

    select * from {{ ref('dim_nationality') }}

),

latest_lists as (

    select * from (
        select
            *,
            max(reference_year) over (partition by product_code) as latest_reference_year
        from top_nationalities
    ) as with_latest_year
    where reference_year = latest_reference_year

),

final as (

    select
        latest_lists.product_code,
        latest_lists.nationality_rank,
        latest_lists.reference_year,
        latest_lists.edition_year,
        products.domain_code,
        products.product_name_en || ' (' || latest_lists.reference_year || ')' as list_label,
        products.product_name_nl as list_label_nl,
        latest_lists.nationality_code,
        nationalities.nationality_en || ' (' || nationalities.nationality_nl || ')' as nationality_label

    from latest_lists
    inner join products
        on latest_lists.product_code = products.product_code
    inner join nationalities
        on latest_lists.nationality_code = nationalities.nationality_code

)

select * from final
