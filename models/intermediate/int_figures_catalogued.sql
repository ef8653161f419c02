{#- Places every printed figure: its table becomes a product, its row a indicator with a unit, and
    the printed form must fit that unit. A figure that cannot be placed stops the build. -#}
{%- set row_context -%}
    concat('seeds/raw/jaarcijfers/jaarcijfers_figures.csv, edition ', edition_year, ', publication line ',
        source_line, ' (', table_heading_nl, ' / ', row_label_nl, ' / ',
        reference_year, ')')
{%- endset -%}

with

figures as (

    select * from {{ ref('stg_jaarcijfers__figures') }}

),

products as (

    select * from {{ ref('stg_reference__products') }}

),

table_rows as (

    select * from {{ ref('stg_reference__table_rows') }}

),

indicators as (

    select * from {{ ref('stg_reference__indicators') }}

),

catalogued as (

    select
        figures.*,
        products.product_code,
        table_rows.indicator_code,
        table_rows.count_kind,
        indicators.unit,
        indicators.rounded_to,
        indicators.fact_table,
        indicators.former_indicator_code

    from figures
    left join products
        on figures.table_heading_nl = products.table_heading_nl
    left join table_rows
        on
            products.product_code = table_rows.product_code
            and figures.row_label_nl = table_rows.row_label_nl
    left join indicators
        on table_rows.indicator_code = indicators.indicator_code

),

counted as (

    select
        *,
        count(*) over same_figure as times_printed,
        array_agg(source_line) over (
            partition by edition_year, product_code, indicator_code, reference_year
            order by source_line rows between unbounded preceding and unbounded following
        ) as printed_on_lines,
        -- the number of distinct placements, counted as their ranks upwards plus downwards
        dense_rank() over (same_printed_value order by concat_ws('/', product_code, indicator_code))
        + dense_rank() over (same_printed_value order by concat_ws('/', product_code, indicator_code) desc)
        - 1 as times_placed

    from catalogued
    window
        same_figure as (partition by edition_year, product_code, indicator_code, reference_year),
        same_printed_value as (
            partition by edition_year, source_line, table_heading_nl, row_label_nl, printed_in, reference_year
        )

),

checked as (

    select
        *,
        case
            when product_code is null
                then {{ fail_build([row_context, "': table heading not in seeds/reference/products.csv'"]) }}
            when indicator_code is null
                then {{ fail_build([
                    row_context,
                    "': row label not in seeds/reference/table_rows.csv for product ', product_code",
                ]) }}
            when unit is null
                then {{ fail_build([
                    row_context, "': indicator ', indicator_code, ' not in seeds/reference/indicators.csv'",
                ]) }}
            when value_status = 'unknown' then true
            when unit in ('count', 'weeks', 'fte') and printed_format = 'number' then true
            when unit = 'ratio' and printed_format = 'percentage' then true
            when unit = 'eur' and printed_format = 'euro' then true
            else {{ fail_build([
                row_context,
                "': ''', value_printed, ''' is printed as a ', printed_format",
                "' but indicator ', indicator_code, ' is measured in ', unit",
            ]) }}
        end as is_placed,
        case
            when unit = 'count' and value_number <> trunc(value_number)
                then {{ fail_build([
                    row_context,
                    "': ''', value_printed, ''' is not a whole number but indicator ', indicator_code, ' counts'",
                ]) }}
            else true
        end as is_whole_where_counted,
        case
            when times_placed > 1
                then {{ fail_build([
                    row_context, "': placed ', times_placed, ' times: seeds/reference/table_rows.csv lists '",
                    "'this row label of product ', product_code, ' more than once'",
                ]) }}
            when times_printed > 1
                then {{ fail_build([
                    row_context, "': the same figure is printed ', times_printed, ' times in edition ', edition_year",
                    "' (publication lines ', array_to_string(printed_on_lines, ', '), ')'",
                ]) }}
            else true
        end as is_printed_once

    from counted

),

editioned as (

    select
        concat_ws('/', edition_year, product_code, indicator_code, reference_year) as figure_id,
        edition_year,
        reference_year,
        product_code,
        indicator_code,
        count_kind,
        unit,
        rounded_to,
        fact_table,
        former_indicator_code,
        section_nl,
        subsection_nl,
        table_heading_nl,
        table_footnote_number,
        row_label_nl,
        row_footnote_number,
        printed_in,
        source_line,
        value_printed,
        printed_format,
        value_status,
        value_number as value,
        edition_year = max(edition_year) over (
            partition by product_code, indicator_code, reference_year
        ) as is_latest_edition

    from checked
    where is_placed and is_whole_where_counted and is_printed_once

)

select * from editioned
