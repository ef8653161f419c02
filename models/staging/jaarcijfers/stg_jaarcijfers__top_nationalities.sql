{%- set row_context -%}
    concat('seeds/raw/jaarcijfers/jaarcijfers_top_nationalities.csv, edition ', edition_year,
        ', publication line ', source_line, ' (', list_heading_nl, ' / rank ', rank, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('jaarcijfers_top_nationalities') }}

),

renamed as (

    select
        ---------- keys
        {{ text_to_integer('edition_year', row_context) }} as edition_year,
        {{ text_to_integer('reference_year', row_context) }} as reference_year,
        list_heading_nl,
        {{ text_to_integer('rank', row_context) }} as nationality_rank,

        ---------- provenance, as printed
        {{ text_to_integer('source_line', row_context) }} as source_line,
        section_nl,
        nullif(list_title_printed, '') as list_title_printed,
        nullif(list_heading_markers, '') as list_heading_markers,
        reference_year_is_printed = 'true' as reference_year_is_printed,

        ---------- the entry
        nationality_nl

    from source

)

select * from renamed
