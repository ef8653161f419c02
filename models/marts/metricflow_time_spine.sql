{#- MetricFlow's time spine: one row per day of the reference years in dim_year, so it grows
    with each edition or news release loaded (the news months reach back to 2013). Day is the
    spine grain MetricFlow is built around; a query truncates it to metric_time__month or
    metric_time__year. -#}
with

years as (

    select * from {{ ref('dim_year') }}

),

days as (

    select
        cast(unnest(generate_series(min(year_start_date), max(year_end_date), interval 1 day)) as date)
            as date_day

    from years

)

select * from days
