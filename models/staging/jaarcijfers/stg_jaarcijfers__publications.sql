{%- set row_context -%}
concat('seeds/raw/jaarcijfers/jaarcijfers_publications.csv, edition ', edition_year, ' (', source_file, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('jaarcijfers_publications') }}

),

renamed as (

    select
        ---------- keys
        {{ text_to_integer('edition_year', row_context) }} as edition_year,
        source_file,

        ---------- as measured by the extractor
        title_printed,
        sha256,
        {{ text_to_integer('line_count', row_context) }} as line_count,
        {{ text_to_integer('table_count', row_context) }} as table_count,
        {{ text_to_integer('figure_count', row_context) }} as figure_count,
        {{ text_to_integer('top_nationality_count', row_context) }} as top_nationality_count,
        {{ text_to_integer('footnote_count', row_context) }} as footnote_count

    from source

)

select * from renamed
