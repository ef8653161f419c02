{#- Whether each edition adds up within itself: stock and flows, totals and parts, a footnote
    text for every footnote marker. One row per check,
    edition, product and reference year (or footnote) evaluated, with what the other printed
    figures imply (expected) beside what is printed. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

footnotes as (

    select * from {{ ref('stg_jaarcijfers__footnotes') }}

),

product_year_flows as (

    select
        edition_year,
        product_code,
        reference_year,
        max(value) filter (where indicator_code in ('applications', 'procedures_started')) as intake,
        max(value) filter (where indicator_code = 'decisions') as decisions,
        max(value) filter (where indicator_code = 'cases_pending') as cases_pending,
        max(figure_id) filter (where indicator_code in ('applications', 'procedures_started')) as intake_figure_id,
        max(figure_id) filter (where indicator_code = 'decisions') as decisions_figure_id,
        max(figure_id) filter (where indicator_code = 'cases_pending') as cases_pending_figure_id,
        max(table_heading_nl) as table_heading_nl,
        max(row_label_nl) filter (where indicator_code = 'cases_pending') as cases_pending_label

    from figures
    group by edition_year, product_code, reference_year

),

stock_flow as (

    select
        'stock_flow' as check_code,
        'count' as unit,
        this_year.edition_year,
        this_year.product_code,
        'cases_pending' as indicator_code,
        this_year.reference_year,
        concat_ws(' / ', this_year.table_heading_nl, this_year.cases_pending_label, this_year.reference_year)
            as subject,
        year_before.cases_pending + this_year.intake - this_year.decisions as expected_value,
        this_year.cases_pending as printed_value,
        array[
            this_year.cases_pending_figure_id,
            year_before.cases_pending_figure_id,
            this_year.intake_figure_id,
            this_year.decisions_figure_id
        ] as input_figure_ids

    from product_year_flows as this_year
    inner join product_year_flows as year_before
        on
            this_year.edition_year = year_before.edition_year
            and this_year.product_code = year_before.product_code
            and this_year.reference_year = year_before.reference_year + 1
    where
        this_year.cases_pending is not null
        and year_before.cases_pending is not null
        and this_year.intake is not null
        and this_year.decisions is not null

),

staff_totals as (

    select
        'staff_total_equals_parts' as check_code,
        'fte' as unit,
        edition_year,
        product_code,
        'total_staff_fte' as indicator_code,
        reference_year,
        concat_ws(
            ' / ', max(table_heading_nl), max(row_label_nl) filter (where indicator_code = 'total_staff_fte'),
            reference_year
        ) as subject,
        sum(value) filter (where indicator_code in ('civil_servants_fte', 'external_staff_fte')) as expected_value,
        max(value) filter (where indicator_code = 'total_staff_fte') as printed_value,
        array_agg(figure_id order by figure_id) as input_figure_ids

    from figures
    where product_code = 'staffing'
    group by edition_year, product_code, reference_year
    having
        count(value) filter (where indicator_code in ('civil_servants_fte', 'external_staff_fte')) = 2
        and count(value) filter (where indicator_code = 'total_staff_fte') = 1

),

footnote_references as (

    select
        edition_year,
        table_footnote_number as footnote_number,
        table_heading_nl as printed_after,
        figure_id
    from figures
    where table_footnote_number is not null

    union all

    select
        edition_year,
        row_footnote_number as footnote_number,
        concat(table_heading_nl, ' / ', row_label_nl) as printed_after,
        figure_id
    from figures
    where row_footnote_number is not null

),

footnote_texts_printed as (

    select
        'footnote_text_printed' as check_code,
        'footnote texts' as unit,
        footnote_references.edition_year,
        footnote_references.footnote_number,
        cast(null as varchar) as product_code,
        cast(null as varchar) as indicator_code,
        cast(null as integer) as reference_year,
        concat('Footnote ', footnote_references.footnote_number, ' after ', min(footnote_references.printed_after))
            as subject,
        1 as expected_value,
        cast(count(distinct footnotes.footnote_number) as integer) as printed_value,
        array_agg(distinct footnote_references.figure_id order by footnote_references.figure_id) as input_figure_ids

    from footnote_references
    left join footnotes
        on
            footnote_references.edition_year = footnotes.edition_year
            and footnote_references.footnote_number = footnotes.footnote_number
    group by footnote_references.edition_year, footnote_references.footnote_number

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
    input_figure_ids,
    cast(null as integer) as footnote_number
from stock_flow
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
    input_figure_ids,
    cast(null as integer) as footnote_number
from staff_totals
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
    input_figure_ids,
    footnote_number
from footnote_texts_printed
