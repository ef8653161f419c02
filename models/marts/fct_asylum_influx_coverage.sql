{#- Which months of each year each monthly asylum-influx indicator has, for all countries together:
    the months some release printed, and the ones none did. -#}
with

months as (

    select * from {{ ref('fct_asylum_influx_monthly') }}
    where country_scope = 'all'

),

measure_years as (

    select distinct
        indicator_code,
        reference_year

    from months

),

month_numbers as (

    select cast(month_number as bigint) as month_number
    from generate_series(1, 12) as months (month_number)

),

calendar as (

    select
        measure_years.indicator_code,
        measure_years.reference_year,
        month_numbers.month_number

    from measure_years
    cross join month_numbers

),

covered as (

    select
        calendar.indicator_code,
        calendar.reference_year,
        count(months.influx_id) as months_present,
        array_agg(calendar.month_number order by calendar.month_number) filter (where months.influx_id is not null)
            as month_numbers,
        coalesce(
            array_agg(calendar.month_number order by calendar.month_number) filter (where months.influx_id is null),
            cast(array[] as bigint[])
        ) as missing_month_numbers,
        array_agg(months.release_count order by calendar.month_number) filter (where months.influx_id is not null)
            as releases_per_month

    from calendar
    left join months
        on
            calendar.indicator_code = months.indicator_code
            and calendar.reference_year = months.reference_year
            and calendar.month_number = months.month_number
    group by calendar.indicator_code, calendar.reference_year

),

final as (

    select
        indicator_code || '/' || reference_year as coverage_id,
        indicator_code,
        reference_year,
        months_present,
        12 - months_present as months_missing,
        month_numbers,
        missing_month_numbers,
        releases_per_month,
        months_present = 12 as is_complete

    from covered

)

select * from final
