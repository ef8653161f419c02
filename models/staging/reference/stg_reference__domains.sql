{%- set row_context -%}
concat('seeds/reference/domains.csv, domain ', domain_code)
{%- endset -%}

with

source as (

    select * from {{ ref('domains') }}

),

renamed as (

    select
        domain_code,
        domain_name_en,
        domain_name_nl,
        domain_description,
        {{ text_to_integer('display_order', row_context) }} as display_order

    from source

)

select * from renamed
