-- The annual publication's figures land whole. Each row names the rule it breaks:
--   printed_figure_lands_once: every figure the extractor wrote to seeds/raw/jaarcijfers/jaarcijfers_figures.csv
--     is in marts.fct_figures exactly once, with its printed text unchanged, and fct_figures holds
--     no Jaarcijfers figure that was not printed;
--   counts_as_extracted: each edition's tables, figures, top-3 entries and footnotes in the
--     warehouse equal what the extractor counted in the publication;
--   value_prints_back: every value, printed again the publication's way, is the number printed
--     (38670 -> 38.670, 0.88 -> 88%, 36800000 EUR -> € 36,8 mln, NULL -> onb.; texts compare by
--     value, so € 40,0 mln and € 40 mln are one figure, a value read as another number is not);
--   facts_take_the_latest_edition: the typed facts show, for every product, indicator and year,
--     the figure of the latest edition that prints it, once.
-- That each publication text in publications/ still has the sha256 it was extracted with is a
-- question about files, not the warehouse: python/tests/test_publication_files.py.
with

printed as (

    select
        cast(edition_year as integer) as edition_year,
        cast(source_line as integer) as source_line,
        cast(reference_year as integer) as reference_year,
        value_printed
    from {{ ref('jaarcijfers_figures') }}

),

figures as (

    select * from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'

),

publications as (

    select * from {{ ref('dim_publication') }}

),

landings as (

    select
        printed.edition_year,
        printed.source_line,
        printed.reference_year,
        printed.value_printed,
        count(figures.figure_id) as times_landed
    from printed
    left join figures
        using (edition_year, source_line, reference_year, value_printed)
    group by printed.edition_year, printed.source_line, printed.reference_year, printed.value_printed

),

not_printed as (

    select figures.*
    from figures
    where not exists (
        select 1 from printed
        where
            printed.edition_year = figures.edition_year
            and printed.source_line = figures.source_line
            and printed.reference_year = figures.reference_year
            and printed.value_printed = figures.value_printed
    )

),

counted as (

    select
        publications.edition_year,
        publications.figure_count,
        publications.table_count,
        publications.top_nationality_count,
        publications.footnote_count,
        (
            select count(*) from figures
            where figures.edition_year = publications.edition_year
        ) as figures_loaded,
        (
            select count(distinct figures.table_heading) from figures
            where figures.edition_year = publications.edition_year
        ) as tables_loaded,
        (
            select count(*) from {{ ref('fct_top_nationalities') }} as entries
            where entries.edition_year = publications.edition_year
        ) as top_nationalities_loaded,
        (
            select count(*) from {{ ref('dim_footnote') }} as footnotes
            where footnotes.edition_year = publications.edition_year
        ) as footnotes_loaded
    from publications

),

reprinted as (

    select
        figure_id,
        value_printed,
        {{ canonical_printed_figure('value_printed') }} as value_printed_canonical,
        case
            when value_status = 'unknown' then 'onb.'
            when unit = 'ratio' then concat({{ format_dutch_number('value * 100') }}, '%')
            when unit = 'eur' and right(value_printed, 4) = ' mln'
                then concat('€ ', {{ format_dutch_number('value * 0.000001') }}, ' mln')
            when unit = 'eur' then concat('€ ', {{ format_dutch_number('value') }})
            else {{ format_dutch_number('value') }}
        end as value_reprinted
    from figures

),

latest as (

    select
        product_code,
        indicator_code,
        reference_year,
        max(edition_year) as latest_edition_year
    from figures
    group by product_code, indicator_code, reference_year

),

shown as (

    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_volumes') }}
    union all
    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_timeliness') }}
    union all
    select
        product_code,
        indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_legal_outcomes') }}
    union all
    select
        'notices_of_default' as product_code,
        'penalty_payments_eur' as indicator_code,
        reference_year,
        edition_year
    from {{ ref('fct_penalty_payments') }}

),

not_shown_from_the_latest_edition as (

    select
        latest.product_code,
        latest.indicator_code,
        latest.reference_year,
        latest.latest_edition_year,
        count(shown.edition_year) filter (where shown.edition_year = latest.latest_edition_year) as times_shown
    from latest
    inner join {{ ref('dim_indicator') }} as indicators using (indicator_code)
    left join shown using (product_code, indicator_code, reference_year)
    where indicators.fact_table in ('fct_volumes', 'fct_timeliness', 'fct_legal_outcomes', 'fct_penalty_payments')
    group by latest.product_code, latest.indicator_code, latest.reference_year, latest.latest_edition_year
    having
        count(shown.edition_year) <> 1
        or count(shown.edition_year) filter (where shown.edition_year = latest.latest_edition_year) <> 1

)

select
    'printed_figure_lands_once' as failed_rule,
    concat(
        'edition ', edition_year, ', line ', source_line, ', ', reference_year, ': ', value_printed,
        ' lands ', times_landed, ' times'
    ) as failure
from landings
where times_landed <> 1
union all
select
    'printed_figure_lands_once' as failed_rule,
    concat(figure_id, ' (', value_printed, ') was not printed') as failure
from not_printed
union all
select
    'counts_as_extracted' as failed_rule,
    concat(
        'edition ', edition_year, ': figures ', figure_count, '/', figures_loaded,
        ', tables ', table_count, '/', tables_loaded, ', top-3 entries ', top_nationality_count, '/',
        top_nationalities_loaded, ', footnotes ', footnote_count, '/', footnotes_loaded,
        ' (extracted/loaded)'
    ) as failure
from counted
where
    figure_count <> figures_loaded or table_count <> tables_loaded
    or top_nationality_count <> top_nationalities_loaded or footnote_count <> footnotes_loaded
union all
select
    'value_prints_back' as failed_rule,
    concat(figure_id, ': ', value_printed, ' read back as ', coalesce(value_reprinted, 'NULL')) as failure
from reprinted
where value_reprinted is distinct from value_printed_canonical
union all
select
    'facts_take_the_latest_edition' as failed_rule,
    concat(
        product_code, '/', indicator_code, '/', reference_year, ' is not shown once from edition ',
        latest_edition_year
    ) as failure
from not_shown_from_the_latest_edition
