{#- A bar is labelled by its procedure alone when it shows the share of decisions on time,
    the timeliness most procedures print, and by procedure and indicator otherwise. -#}
with

timeliness as (

    select * from {{ ref('fct_timeliness') }}

),

products as (

    select * from {{ ref('dim_product') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

labelled as (

    select
        products.domain_code,
        timeliness.product_code,
        timeliness.indicator_code,
        timeliness.reference_year,
        products.product_name_en
        || case
            when timeliness.indicator_code = 'decisions_on_time_share' then ''
            else ': ' || indicators.indicator_name_en
        end as bar_label,
        products.product_name_nl
        || case
            when timeliness.indicator_code = 'decisions_on_time_share' then ''
            else ': ' || indicators.indicator_name_nl
        end as bar_label_nl,
        timeliness.share_on_time,
        timeliness.value_printed,
        timeliness.edition_year

    from timeliness
    inner join products
        on timeliness.product_code = products.product_code
    inner join indicators
        on timeliness.indicator_code = indicators.indicator_code
    where timeliness.share_on_time is not null

),

final as (

    select
        *,
        case
            when bool_and(indicator_code = 'decisions_on_time_share') over (partition by domain_code)
                then 'share of decisions taken within the legal time limit'
            else 'share decided or handled within the time limit'
        end as chart_subject

    from labelled

)

select * from final
