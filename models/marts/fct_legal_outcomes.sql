with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_legal_outcomes'
        and is_latest_edition

),

final as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year,
        value as rate,
        value_status,
        value_printed,
        figure_id,
        coalesce(former_indicator_code, indicator_code) as metric_code

    from figures

)

select * from final
