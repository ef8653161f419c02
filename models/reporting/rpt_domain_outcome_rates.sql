{#- A bar is labelled by its procedure alone when it shows the grant rate, the outcome most
    procedures print, and by procedure and indicator otherwise. -#}
with

outcomes as (

    select * from {{ ref('fct_legal_outcomes') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

labelled as (

    select
        products.domain_code,
        outcomes.product_code,
        outcomes.indicator_code,
        outcomes.reference_year,
        products.product_name_en
        || case when outcomes.indicator_code = 'grant_rate' then '' else ': ' || indicators.indicator_name_en end
            as bar_label,
        products.product_name_nl
        || case when outcomes.indicator_code = 'grant_rate' then '' else ': ' || indicators.indicator_name_nl end
            as bar_label_nl,
        outcomes.rate,
        outcomes.value_printed,
        outcomes.edition_year

    from outcomes
    inner join products
        on outcomes.product_code = products.product_code
    inner join indicators
        on outcomes.indicator_code = indicators.indicator_code
    where outcomes.rate is not null

),

final as (

    select
        *,
        case
            when bool_and(indicator_code = 'grant_rate') over (partition by domain_code)
                then 'Grant rate: share of decisions that granted the application'
            else 'Grant rates and other outcome rates'
        end as chart_subject

    from labelled

)

select * from final
