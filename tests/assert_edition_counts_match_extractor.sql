-- What the warehouse holds per edition equals what the extractor counted in the publication:
-- tables, figures, top-3 entries and footnotes.
with

publications as (

    select * from {{ ref('dim_publication') }}

),

figures as (

    select
        edition_year,
        count(*) as figure_count,
        count(distinct table_heading) as table_count
    from {{ ref('fct_figures') }}
    group by edition_year

),

top_nationalities as (

    select
        edition_year,
        count(*) as top_nationality_count
    from {{ ref('fct_top_nationalities') }}
    group by edition_year

),

footnotes as (

    select
        edition_year,
        count(*) as footnote_count
    from {{ ref('dim_footnote') }}
    group by edition_year

)

select
    publications.edition_year,
    publications.figure_count as printed_figures,
    figures.figure_count as warehouse_figures,
    publications.table_count as printed_tables,
    figures.table_count as warehouse_tables,
    publications.top_nationality_count as printed_top_nationalities,
    top_nationalities.top_nationality_count as warehouse_top_nationalities,
    publications.footnote_count as printed_footnotes,
    footnotes.footnote_count as warehouse_footnotes
from publications
left join figures using (edition_year)
left join top_nationalities using (edition_year)
left join footnotes using (edition_year)
where
    publications.figure_count is distinct from figures.figure_count
    or publications.table_count is distinct from figures.table_count
    or publications.top_nationality_count is distinct from coalesce(top_nationalities.top_nationality_count, 0)
    or publications.footnote_count is distinct from coalesce(footnotes.footnote_count, 0)
