{%- set row_context -%}
    concat('seeds/raw/jaarcijfers/jaarcijfers_figures.csv, edition ', edition_year, ', publication line ', source_line,
        ' (', table_heading_nl, ' / ', row_label_nl, ' / ', reference_year, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('jaarcijfers_figures') }}

),

renamed as (

    select
        ---------- keys
        {{ text_to_integer('edition_year', row_context) }} as edition_year,
        {{ text_to_integer('reference_year', row_context) }} as reference_year,

        ---------- provenance, as printed
        {{ text_to_integer('source_line', row_context) }} as source_line,
        section_nl,
        subsection_nl,
        table_heading_nl,
        table_footnote_markers,
        {{ footnote_marker_to_number('table_footnote_markers') }} as table_footnote_number,
        row_label_nl,
        row_footnote_markers,
        {{ footnote_marker_to_number('row_footnote_markers') }} as row_footnote_number,
        printed_in,

        ---------- the figure
        value_printed,
        {{ printed_figure_format('value_printed') }} as printed_format,
        {{ printed_figure_status('value_printed') }} as value_status,
        {{ parse_printed_figure('value_printed', row_context) }} as value_number

    from source

)

select * from renamed
