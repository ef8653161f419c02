{{ config(materialized='view') }}
{#- The name dim_indicator had before the project settled its words: kept so that queries written
    against it keep working. -#}
with

indicators as (

    select * from {{ ref('dim_indicator') }}

),

final as (

    select
        coalesce(former_indicator_code, indicator_code) as metric_code,
        indicator_name_en as metric_name_en,
        indicator_name_nl as metric_name_nl,
        indicator_description as metric_description,
        unit,
        short_unit,
        decimal_places,
        fact_table,
        is_derived

    from indicators

)

select * from final
