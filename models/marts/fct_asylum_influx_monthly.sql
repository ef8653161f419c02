{#- Each monthly asylum-influx indicator per month and country of origin (or all countries), as
    first published and as last published, over the releases that printed it. Only months some
    release printed are here: a month no release covers is absent, never zero. -#}
{%- set row_context = "'fct_asylum_influx_monthly ' || summarised.figure_key" %}
with

vintages as (

    select * from {{ ref('int_ind_news__figure_vintages') }}
    where in_asylum_influx_monthly and period_grain = 'month'

),

nationalities as (

    select * from {{ ref('stg_reference__nationalities') }}

),

summarised as (

    select
        figure_key,
        -- one month, indicator and country each; min() only names the one value
        min(period_code) as period_code,
        min(period_start) as month_start,
        min(reference_year) as reference_year,
        min(indicator_code) as indicator_code,
        min(product_code) as product_code,
        min(country_code) as country_code,
        min(unit) as unit,
        (array_agg(value order by vintage_rank))[1] as first_value,
        (array_agg(value_printed order by vintage_rank))[1] as first_value_printed,
        (array_agg(release_id order by vintage_rank))[1] as first_release_id,
        (array_agg(figure_ids[1] order by vintage_rank))[1] as first_figure_id,
        (array_agg(value order by vintage_rank desc))[1] as latest_value,
        (array_agg(value_printed order by vintage_rank desc))[1] as latest_value_printed,
        (array_agg(release_id order by vintage_rank desc))[1] as latest_release_id,
        (array_agg(figure_ids[1] order by vintage_rank desc))[1] as latest_figure_id,
        count(distinct release_id) as release_count,
        count(*) as vintage_count,
        count(*) filter (where vintage_rank > 1 and value <> earlier_value) as revision_count,
        coalesce(bool_and(is_order_certain) filter (where vintage_rank > 1), true) as is_release_order_certain

    from vintages
    group by figure_key

),

final as (

    select
        summarised.figure_key as influx_id,
        summarised.month_start,
        summarised.period_code,
        summarised.reference_year,
        cast(extract(month from summarised.month_start) as bigint) as month_number,
        summarised.indicator_code,
        summarised.product_code,
        summarised.country_code,
        case when summarised.country_code is null then 'all' else 'country' end as country_scope,
        nationalities.country_name_en,
        {{ count_to_bigint('summarised.first_value', row_context) }} as first_value,
        summarised.first_value_printed,
        summarised.first_release_id,
        summarised.first_figure_id,
        {{ count_to_bigint('summarised.latest_value', row_context) }} as latest_value,
        summarised.latest_value_printed,
        summarised.latest_release_id,
        summarised.latest_figure_id,
        {{ count_to_bigint('summarised.latest_value - summarised.first_value', row_context) }}
            as revision,
        summarised.release_count,
        summarised.vintage_count,
        summarised.revision_count,
        summarised.revision_count > 0 as is_revised,
        summarised.is_release_order_certain,
        summarised.unit

    from summarised
    left join nationalities
        on summarised.country_code = nationalities.nationality_code

)

select * from final
