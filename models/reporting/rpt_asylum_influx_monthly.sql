{#- For a monthly report section: each asylum-influx indicator per month printed, all
    countries together, as last published, with the first published value where a later release
    revised it. Months no release printed are absent, so a chart draws a gap there. -#}
with

months as (

    select * from {{ ref('fct_asylum_influx_monthly') }}
    where country_scope = 'all'

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

releases as (

    select * from {{ ref('dim_release') }}

),

final as (

    select
        months.influx_id,
        months.month_start,
        months.period_code,
        months.reference_year,
        months.month_number,
        months.indicator_code,
        indicators.indicator_name_en,
        indicators.indicator_name_nl,
        months.latest_value,
        months.latest_value_printed,
        months.latest_release_id,
        latest_releases.published_printed as latest_published_printed,
        months.first_value,
        months.first_value_printed,
        months.first_release_id,
        first_releases.published_printed as first_published_printed,
        months.is_revised,
        months.revision,
        months.release_count,
        months.is_release_order_certain

    from months
    inner join indicators using (indicator_code)
    inner join releases as latest_releases
        on months.latest_release_id = latest_releases.release_id
    inner join releases as first_releases
        on months.first_release_id = first_releases.release_id

)

select * from final
