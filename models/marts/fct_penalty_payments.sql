with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_penalty_payments'
        and is_latest_edition

),

final as (

    select
        reference_year,
        edition_year,
        cast(value as decimal(18, 4)) as amount_eur,
        value_status,
        value_printed,
        row_label_nl,
        figure_id

    from figures

)

select * from final
