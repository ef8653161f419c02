with

products as (

    select * from {{ ref('stg_reference__products') }}

),

domains as (

    select * from {{ ref('stg_reference__domains') }}

),

sections as (

    select * from {{ ref('stg_reference__sections') }}

),

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

printed_sections as (

    select distinct on (product_code)
        product_code,
        section_nl,
        subsection_nl

    from figures
    order by product_code asc, edition_year desc

),

final as (

    select
        products.product_code,
        products.product_name_en,
        products.table_heading_nl as product_name_nl,
        products.product_description,
        case
            when domains.domain_code is not null then products.domain_code
            else {{ fail_build([
                "'seeds/reference/products.csv, product '", "products.product_code",
                "': domain ''', products.domain_code, ''' is not in seeds/reference/domains.csv'",
            ], 'varchar') }}
        end as domain_code,
        domains.domain_name_en,
        domains.domain_name_nl,
        printed_sections.section_nl as section_name_nl,
        sections.section_name_en,
        printed_sections.subsection_nl as subsection_name_nl,
        subsections.section_name_en as subsection_name_en,
        products.top3_list_heading_nl,
        domains.display_order as domain_display_order,
        domains.domain_description

    from products
    left join domains
        on products.domain_code = domains.domain_code
    left join printed_sections
        on products.product_code = printed_sections.product_code
    left join sections
        on printed_sections.section_nl = sections.section_nl
    left join sections as subsections
        on printed_sections.subsection_nl = subsections.section_nl

)

select * from final
