{%- set row_context -%}
concat('seeds/raw/jaarcijfers/jaarcijfers_footnotes.csv, edition ', edition_year, ', publication line ', source_line)
{%- endset -%}

with

source as (

    select * from {{ ref('jaarcijfers_footnotes') }}

),

renamed as (

    select
        {{ text_to_integer('edition_year', row_context) }} as edition_year,
        {{ footnote_marker_to_number('footnote_marker') }} as footnote_number,
        footnote_marker,
        footnote_text as footnote_text_nl,
        {{ text_to_integer('source_line', row_context) }} as source_line

    from source

)

select * from renamed
