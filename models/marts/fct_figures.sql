with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

final as (

    select
        figure_id,
        edition_year,
        reference_year,
        product_code,
        indicator_code,
        section_nl,
        subsection_nl,
        table_heading_nl as table_heading,
        row_label_nl as row_label,
        table_footnote_number,
        row_footnote_number,
        printed_in,
        source_line,
        value_printed,
        value_status,
        value,
        unit,
        fact_table,
        is_latest_edition,
        coalesce(former_indicator_code, indicator_code) as metric_code

    from figures

)

select * from final
