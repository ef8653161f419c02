{%- set row_context -%}
concat('seeds/reference/indicators.csv, indicator ', indicator_code)
{%- endset -%}

with

source as (

    select * from {{ ref('indicators') }}

),

renamed as (

    select
        indicator_code,
        term_nl,
        indicator_name_en,
        unit,
        nullif(short_unit, '') as short_unit,
        {{ text_to_integer('decimal_places', row_context) }} as decimal_places,
        fact_table,
        indicator_description,
        is_derived = 'true' as is_derived,
        indicator_kind

    from source

)

select * from renamed
