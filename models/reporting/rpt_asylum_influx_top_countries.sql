{#- For a monthly report section: the countries of origin each release named for an indicator and
    month (its top countries), as last published, ranked within the month, with their share of
    the month's figure for all countries where that is printed too. -#}
with

months as (

    select * from {{ ref('fct_asylum_influx_monthly') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

countries as (

    select * from months
    where country_scope = 'country'

),

all_countries as (

    select
        month_start,
        indicator_code,
        latest_value as all_countries_value

    from months
    where country_scope = 'all'

),

final as (

    select
        countries.influx_id,
        countries.month_start,
        countries.period_code,
        countries.reference_year,
        countries.indicator_code,
        indicators.indicator_name_en,
        countries.country_code,
        countries.country_name_en,
        countries.latest_value,
        countries.latest_value_printed,
        countries.latest_release_id,
        rank() over (
            partition by countries.indicator_code, countries.month_start order by countries.latest_value desc
        ) as country_rank,
        count(*) over (partition by countries.indicator_code, countries.month_start) as countries_named,
        all_countries.all_countries_value,
        {{ rounded_quotient('countries.latest_value', 'all_countries.all_countries_value') }} as share_of_all_countries,
        countries.is_revised

    from countries
    inner join indicators using (indicator_code)
    left join all_countries using (month_start, indicator_code)

)

select * from final
