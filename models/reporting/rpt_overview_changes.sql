{#- The checks of seeds/reference/overview_indicators.csv are in rpt_overview_cards. -#}
with

chosen as (

    select * from {{ ref('stg_reference__overview_indicators') }}
    where shows_change_per_procedure

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

volumes as (

    select * from {{ ref('fct_volumes') }}

),

changed_indicators as (

    select
        chosen.indicator_code,
        indicators.indicator_name_en || ' · ' || indicators.indicator_name_nl as indicator_label

    from chosen
    inner join indicators
        on chosen.indicator_code = indicators.indicator_code

),

final as (

    select
        volumes.product_code,
        volumes.indicator_code,
        products.product_name_en,
        products.product_name_nl,
        products.domain_name_en,
        changed_indicators.indicator_label,
        volumes.reference_year - 1 as previous_year,
        volumes.reference_year as latest_year,
        volumes.previous_year_volume as previous_value,
        volumes.volume as latest_value,
        volumes.volume_change_relative as relative_change,
        volumes.edition_year

    from volumes
    inner join changed_indicators
        on volumes.indicator_code = changed_indicators.indicator_code
    inner join products
        on volumes.product_code = products.product_code
    where
        volumes.reference_year = (select max(latest.reference_year) from volumes as latest)
        and volumes.volume_change_relative is not null

)

select * from final
