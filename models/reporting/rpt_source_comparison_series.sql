{#- The annual and quarterly series of each publisher of first asylum applications or requests,
    all nationalities, latest vintages, for the report's "One question, several publishers"
    chart: one line per publisher and definition. Quarters the IND prints only as months are
    their three months summed (is_derived). -#}
with

series as (

    select * from {{ ref('fct_concept_series') }}

),

final as (

    select
        series_row_id,
        concept_code,
        concept_label,
        publisher_code,
        publisher_label,
        series_label,
        period_grain,
        case period_grain when 'year' then 'Per year' else 'Per quarter' end as panel_label,
        period_code,
        period_start,
        reference_year,
        value_printed,
        value,
        value_low,
        value_high,
        unit,
        figure_id,
        release_id,
        is_derived

    from series
    where
        concept_code = 'first_asylum_requests'
        and period_grain in ('year', 'quarter')
        and is_default
        and is_all_nationalities

)

select * from final
