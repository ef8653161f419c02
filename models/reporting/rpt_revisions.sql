with

revisions as (

    select * from {{ ref('fct_revisions') }}
    where source_code = 'jaarcijfers' and relative_difference is not null

),

products as (

    select * from {{ ref('dim_product') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

final as (

    select
        revisions.product_code,
        revisions.indicator_code,
        revisions.reference_year,
        revisions.later_edition_year,
        revisions.earlier_edition_year,
        products.product_name_en || ': ' || indicators.indicator_name_en || ', ' || revisions.reference_year
            as bar_label,
        products.product_name_nl || ': ' || indicators.indicator_name_nl as bar_label_nl,
        revisions.earlier_value_printed || ' → ' || revisions.later_value_printed as values_printed,
        revisions.relative_difference,
        case when revisions.relative_difference > 0 then 'Revised up' else 'Revised down' end as direction,
        revisions.unit

    from revisions
    inner join products
        on revisions.product_code = products.product_code
    inner join indicators
        on revisions.indicator_code = indicators.indicator_code

)

select * from final
