with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_timeliness'
        and is_latest_edition

),

final as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year,
        cast(case when unit = 'ratio' then value end as decimal(18, 4)) as share_on_time,
        cast(case when unit = 'weeks' then value end as decimal(18, 4)) as lead_time_weeks,
        cast(case when unit = 'weeks' then {{ weeks_to_days('value') }} end as decimal(18, 4))
            as lead_time_days,
        value_status,
        value_printed,
        figure_id,
        coalesce(former_indicator_code, indicator_code) as metric_code

    from figures

)

select * from final
