with

source as (

    select * from {{ ref('ind_news_measures') }}

),

renamed as (

    select
        measure_en as measure_template,
        measure_nl,
        category as measure_category,
        product_code,
        indicator_code,
        in_asylum_influx_monthly = 'true' as in_asylum_influx_monthly,
        mapping_note

    from source

)

select * from renamed
