{#- How long the year-end backlog would take at that year's pace of decisions:
    12 × cases pending ÷ decisions, in months. -#}
with

volumes as (

    select * from {{ ref('fct_volumes') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

final as (

    select
        pending.product_code,
        pending.reference_year,
        products.product_name_en as bar_label,
        products.product_name_nl as bar_label_nl,
        pending.volume as cases_pending,
        decisions.volume as decisions,
        {{ rounded_quotient('12 * pending.volume', 'decisions.volume') }} as months_of_stock,
        pending.value_printed || ' pending, ' || decisions.value_printed || ' decisions' as inputs_printed,
        true as is_derived,
        greatest(pending.edition_year, decisions.edition_year) as edition_year

    from volumes as pending
    inner join volumes as decisions
        on
            pending.product_code = decisions.product_code
            and pending.reference_year = decisions.reference_year
            and decisions.indicator_code = 'decisions'
    inner join products
        on pending.product_code = products.product_code
    where
        pending.indicator_code = 'cases_pending'
        and pending.volume is not null
        and decisions.volume > 0

)

select * from final
