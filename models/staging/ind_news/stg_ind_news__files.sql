{%- set row_context -%}
concat('seeds/raw/ind_news/ind_news_files.csv (', source_file, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('ind_news_files') }}

),

renamed as (

    select
        {{ text_to_integer('load_order', row_context) }} as load_order,
        source_file,
        sha256,
        {{ text_to_integer('row_count', row_context) }} as row_count,
        {{ text_to_integer('new_row_count', row_context) }} as new_row_count

    from source

)

select * from renamed
