{#- Each top-3 list belongs to the product whose list heading it carries; each nationality as
    printed must be in the nationality catalogue. -#}
{%- set row_context -%}
    concat('seeds/raw/jaarcijfers/jaarcijfers_top_nationalities.csv, edition ', edition_year,
        ', publication line ', source_line, ' (', list_heading_nl, ' / ',
        nationality_nl, ')')
{%- endset -%}

with

entries as (

    select * from {{ ref('stg_jaarcijfers__top_nationalities') }}

),

products as (

    select * from {{ ref('stg_reference__products') }}

),

nationalities as (

    select * from {{ ref('stg_reference__nationalities') }}

),

catalogued as (

    select
        entries.*,
        products.product_code,
        nationalities.nationality_code

    from entries
    left join products
        on entries.list_heading_nl = products.top3_list_heading_nl
    left join nationalities
        on entries.nationality_nl = nationalities.nationality_nl

),

checked as (

    select
        concat_ws('/', edition_year, product_code, reference_year, nationality_rank) as top_nationality_id,
        edition_year,
        reference_year,
        reference_year_is_printed,
        product_code,
        nationality_rank,
        nationality_code,
        nationality_nl,
        list_heading_nl,
        list_heading_markers,
        list_title_printed,
        section_nl,
        source_line,
        edition_year = max(edition_year) over (partition by product_code, reference_year)
            as is_latest_edition,
        case
            when product_code is null
                then {{ fail_build([
                    row_context,
                    "': list heading not in column top3_list_heading_nl of seeds/reference/products.csv'",
                ]) }}
            when nationality_code is null
                then {{ fail_build([row_context, "': nationality not in seeds/reference/nationalities.csv'"]) }}
            else true
        end as is_placed

    from catalogued

)

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
    list_title_printed,
    section_nl,
    source_line,
    is_latest_edition
from checked
where is_placed
