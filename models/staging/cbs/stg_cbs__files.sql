{%- set row_context -%}
concat('seeds/raw/cbs/cbs_files.csv (', source_file, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('cbs_files') }}

),

renamed as (

    select
        {{ text_to_integer('load_order', row_context) }} as load_order,
        source_file,
        sha256,
        {{ text_to_integer('row_count', row_context) }} as row_count,
        {{ text_to_integer('new_row_count', row_context) }} as new_row_count,
        nullif(pages_file, '') as pages_file,
        {{ text_to_integer('pages_row_count', row_context) }} as pages_row_count,
        {{ text_to_integer('new_pages_row_count', row_context) }} as new_pages_row_count

    from source

)

select * from renamed
