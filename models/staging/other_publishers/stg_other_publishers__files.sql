{#- The other publishers' files loaded, in the order `jaarcijfers extract` loaded them. -#}
{%- set row_context -%}
concat('seeds/raw/other_publishers/other_publishers_files.csv (', source_file, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('other_publishers_files') }}

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
