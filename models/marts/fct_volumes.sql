with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_volumes'
        and is_latest_edition

),

volumes as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year,
        cast(value as bigint) as volume,
        value_status,
        value_printed,
        figure_id,
        count_kind,
        former_indicator_code

    from figures

),

final as (

    select
        current_year.product_code,
        current_year.indicator_code,
        current_year.reference_year,
        current_year.edition_year,
        current_year.volume,
        current_year.value_status,
        current_year.value_printed,
        current_year.figure_id,
        current_year.count_kind,
        previous_year.volume as previous_year_volume,
        current_year.volume - previous_year.volume as volume_change,
        {{ rounded_quotient('current_year.volume - previous_year.volume', 'previous_year.volume') }}
            as volume_change_relative,
        coalesce(current_year.former_indicator_code, current_year.indicator_code) as metric_code

    from volumes as current_year
    left join volumes as previous_year
        on
            current_year.product_code = previous_year.product_code
            and current_year.indicator_code = previous_year.indicator_code
            and current_year.reference_year = previous_year.reference_year + 1

)

select * from final
