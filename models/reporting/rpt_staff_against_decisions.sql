{#- Staff and decisions as indexes of their first year, to compare their growth. Decisions are
    added up over the procedures that print them in every year loaded, so that every year's sum
    covers the same procedures, and over every stage (first instance, objection, withdrawal):
    a workload, as the overlap register allows decisions to be added (decision_stages_differ). -#}
with

volumes as (

    select * from {{ ref('fct_volumes') }}

),

staffing as (

    select * from {{ ref('fct_staffing') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

procedures_deciding_every_year as (

    select product_code

    from volumes
    where indicator_code = 'decisions'
    group by product_code
    having count(volume) = (select count(distinct all_years.reference_year) from volumes as all_years)

),

decisions as (

    select
        volumes.indicator_code,
        volumes.reference_year,
        sum(volumes.volume) as value,
        count(*) > 1 as is_derived,
        max(volumes.edition_year) as edition_year

    from volumes
    inner join procedures_deciding_every_year
        on volumes.product_code = procedures_deciding_every_year.product_code
    where volumes.indicator_code = 'decisions'
    group by volumes.indicator_code, volumes.reference_year

),

series as (

    select
        decisions.indicator_code,
        indicators.indicator_name_en || ', all procedures and stages (' || indicators.indicator_name_nl || ')'
            as series_label,
        indicators.unit,
        decisions.reference_year,
        decisions.value,
        decisions.is_derived,
        decisions.edition_year

    from decisions
    inner join indicators
        on decisions.indicator_code = indicators.indicator_code

    union all

    select
        indicators.indicator_code,
        indicators.indicator_name_en || ' in FTE (' || indicators.indicator_name_nl || ')' as series_label,
        indicators.unit,
        staffing.reference_year,
        staffing.total_staff_fte as value,
        false as is_derived,
        staffing.edition_year

    from staffing
    inner join indicators
        on indicators.indicator_code = 'total_staff_fte'

),

final as (

    select
        indicator_code,
        series_label,
        unit,
        reference_year,
        cast(value as decimal(18, 4)) as value,
        is_derived,
        first_value(reference_year) over by_series as index_base_year,
        {{ rounded_quotient('100 * value', 'first_value(value) over by_series') }} as index_value,
        edition_year

    from series
    window by_series as (partition by indicator_code order by reference_year)

)

select * from final
