with

entries as (

    select * from {{ ref('int_top_nationalities_catalogued') }}

),

final as (

    select
        top_nationality_id,
        edition_year,
        reference_year,
        reference_year_is_printed,
        product_code,
        nationality_rank,
        nationality_code,
        nationality_nl,
        list_heading_nl,
        list_heading_markers,
        source_line,
        is_latest_edition

    from entries

)

select * from final
