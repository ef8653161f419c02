{%- set row_context -%}
    concat('seeds/reference/metrics.csv, metric ', metric_code)
{%- endset -%}

with

source as (

    select * from {{ ref('metrics') }}

),

renamed as (

    select
        metric_code,
        term_nl,
        metric_name_en,
        unit,
        nullif(short_unit, '') as short_unit,
        {{ text_to_integer('decimal_places', row_context) }} as decimal_places,
        fact_table,
        metric_description,
        is_derived = 'true' as is_derived

    from source

)

select * from renamed
