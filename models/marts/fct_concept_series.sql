{%- set row_context =
    "'fct_concept_series ' || coalesce(series.figure_id, series.rule_code || ' ' || series.period_code)" -%}
{#- Every printing of a series the concept register names, per publisher, concept, period and
    nationality, with the interval its rounding implies; is_default marks the latest vintage that
    fct_source_comparisons compares, is_derived the years and quarters summed from all their parts
    where a publisher prints no figure for them. The semantic layer reads it at quarter grain. -#}
with

series as (

    select * from {{ ref('int_source_comparisons__series') }}

),

register as (

    select * from {{ ref('stg_reference__concept_register') }}

),

final as (

    select
        concat_ws('/', series.rule_code, series.period_code, series.nationality_key, series.figure_id) as series_row_id,
        series.rule_code,
        series.concept_code,
        register.concept_label,
        series.publisher_code,
        register.publisher_label,
        concat(
            register.publisher_label, ': ', register.concept_label, ' (', register.unit, ', ', register.rounding, ')'
        ) as series_label,
        series.source_code,
        series.figure_id,
        series.release_id,
        series.published_on,
        series.period_code,
        series.period_grain,
        series.period_start,
        series.reference_year,
        case when series.nationality_key = 'all' then null else series.nationality_key end as country_code,
        series.nationality_key = 'all' as is_all_nationalities,
        series.value_printed,
        {{ count_to_bigint('series.value', row_context) }} as value,
        cast(series.value_low as decimal(18, 4)) as value_low,
        cast(series.value_high as decimal(18, 4)) as value_high,
        register.unit,
        coalesce(series.is_approximate, false) as is_approximate,
        series.is_derived,
        series.part_grain,
        cast(series.part_count as bigint) as part_count,
        series.is_default,
        cast(series.vintage_count as bigint) as vintage_count

    from series
    inner join register
        on series.rule_code = register.rule_code

)

select * from final
