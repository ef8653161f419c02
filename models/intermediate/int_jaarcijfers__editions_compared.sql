{#- Whether each complete edition prints again what the previous complete edition printed:
    its tables, rows and top-3 lists. One row per check, edition and table, row or list
    evaluated. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

top_nationalities as (

    select * from {{ ref('int_top_nationalities_catalogued') }}

),

publications as (

    select * from {{ ref('stg_jaarcijfers__publications') }}

),

publication_sources as (

    select * from {{ ref('stg_reference__publication_sources') }}

),

source_types as (

    select * from {{ ref('stg_reference__source_types') }}

),

editions as (

    select
        publications.edition_year,
        source_types.is_complete_edition

    from publications
    left join publication_sources
        on publications.source_file = publication_sources.source_file
    left join source_types
        on publication_sources.source_type = source_types.source_type

),

edition_pairs as (

    select
        this_edition.edition_year,
        max(previous_edition.edition_year) as previous_edition_year

    from editions as this_edition
    inner join editions as previous_edition
        on
            this_edition.edition_year > previous_edition.edition_year
            and previous_edition.is_complete_edition
    where this_edition.is_complete_edition
    group by this_edition.edition_year

),

printed_rows as (

    select distinct
        edition_year,
        product_code,
        indicator_code,
        table_heading_nl,
        row_label_nl

    from figures

),

tables_printed_again as (

    select
        'table_printed_again' as check_code,
        'tables' as unit,
        edition_pairs.edition_year,
        previous_rows.product_code,
        cast(null as varchar) as indicator_code,
        cast(null as integer) as reference_year,
        concat(
            min(previous_rows.table_heading_nl), ' (printed by edition ', edition_pairs.previous_edition_year, ')'
        )
            as subject,
        1 as expected_value,
        cast(count(this_rows.product_code) > 0 as integer) as printed_value,
        cast(array[] as varchar[]) as input_figure_ids

    from edition_pairs
    inner join printed_rows as previous_rows
        on edition_pairs.previous_edition_year = previous_rows.edition_year
    left join printed_rows as this_rows
        on
            edition_pairs.edition_year = this_rows.edition_year
            and previous_rows.product_code = this_rows.product_code
    group by edition_pairs.edition_year, edition_pairs.previous_edition_year, previous_rows.product_code

),

rows_printed_again as (

    select
        'row_printed_again' as check_code,
        'rows' as unit,
        edition_pairs.edition_year,
        previous_rows.product_code,
        previous_rows.indicator_code,
        cast(null as integer) as reference_year,
        concat(
            previous_rows.table_heading_nl, ' / ', previous_rows.row_label_nl,
            ' (printed by edition ', edition_pairs.previous_edition_year, ')'
        ) as subject,
        1 as expected_value,
        cast(this_rows.indicator_code is not null as integer) as printed_value,
        cast(array[] as varchar[]) as input_figure_ids

    from edition_pairs
    inner join printed_rows as previous_rows
        on edition_pairs.previous_edition_year = previous_rows.edition_year
    left join printed_rows as this_rows
        on
            edition_pairs.edition_year = this_rows.edition_year
            and previous_rows.product_code = this_rows.product_code
            and previous_rows.indicator_code = this_rows.indicator_code
    -- A table printed no more is one failing row above, not one per row.
    where exists (
        select 1 from printed_rows as this_table
        where
            this_table.edition_year = edition_pairs.edition_year
            and this_table.product_code = previous_rows.product_code
    )

),

printed_lists as (

    select
        edition_year,
        product_code,
        min(list_heading_nl) as list_heading_nl,
        count(*) as entries

    from top_nationalities
    group by edition_year, product_code

),

top3_lists_printed_again as (

    select
        'top3_list_printed_again' as check_code,
        'list entries' as unit,
        edition_pairs.edition_year,
        previous_lists.product_code,
        cast(null as varchar) as indicator_code,
        cast(null as integer) as reference_year,
        concat(
            'Top 3 ', previous_lists.list_heading_nl, ' (', previous_lists.entries, ' entries in edition ',
            edition_pairs.previous_edition_year, ')'
        ) as subject,
        previous_lists.entries as expected_value,
        coalesce(this_lists.entries, 0) as printed_value,
        cast(array[] as varchar[]) as input_figure_ids

    from edition_pairs
    inner join printed_lists as previous_lists
        on edition_pairs.previous_edition_year = previous_lists.edition_year
    left join printed_lists as this_lists
        on
            edition_pairs.edition_year = this_lists.edition_year
            and previous_lists.product_code = this_lists.product_code

)

select
    check_code,
    unit,
    edition_year,
    product_code,
    indicator_code,
    reference_year,
    subject,
    expected_value,
    printed_value,
    input_figure_ids
from tables_printed_again
union all
select
    check_code,
    unit,
    edition_year,
    product_code,
    indicator_code,
    reference_year,
    subject,
    expected_value,
    printed_value,
    input_figure_ids
from rows_printed_again
union all
select
    check_code,
    unit,
    edition_year,
    product_code,
    indicator_code,
    reference_year,
    subject,
    expected_value,
    printed_value,
    input_figure_ids
from top3_lists_printed_again
