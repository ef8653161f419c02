{#- MetricFlow's time spine: one row per day of the reference years in dim_year, so it grows
    with each edition or news release loaded (the news months reach back to 2013). Day is the
    spine grain MetricFlow is built around; a query truncates it to metric_time__month or
    metric_time__year. -#}
with

years as (

    select * from {{ ref('dim_year') }}

),

bounds as (

    select
        min(year_start_date) as first_day,
        max(year_end_date) - min(year_start_date) as days_after_first

    from years

),

days as (

    select cast(bounds.first_day + cast(day_offsets.day_offset as integer) as date) as date_day

    from bounds
    cross join generate_series(0, bounds.days_after_first) as day_offsets (day_offset)

)

select * from days
