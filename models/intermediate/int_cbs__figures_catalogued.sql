{#- Every CBS figure once, catalogued: its release, the indicator its wording reports
    (seeds/reference/cbs_measures.csv: the entry for its wording and page, else for its wording),
    its nationality's code (seeds/reference/cbs_nationalities.csv), the interval its printing
    implies, and whether its release is the latest to print it. A row whose wording, nationality
    or release is not catalogued stops the build naming the file, line and text. The columns are
    the contract docs/sources/cbs.md describes (read by the source comparisons). -#}
{%- set row_context -%}
concat('seeds/raw/cbs/cbs_figures.csv (', source_file, ', line ', source_line, ')')
{%- endset -%}
with

figures as (

    select * from {{ ref('stg_cbs__figures') }}

),

measures as (

    select * from {{ ref('stg_reference__cbs_measures') }}

),

nationalities as (

    select * from {{ ref('stg_reference__cbs_nationalities') }}

),

catalogued_releases as (

    select * from {{ ref('stg_reference__cbs_releases') }}

),

releases as (

    select * from {{ ref('int_cbs__releases') }}

),

misprints as (

    select * from {{ ref('stg_reference__cbs_misprints') }}

),

matched as (

    select
        figures.*,
        page_measures.indicator_code as page_indicator_code,
        wording_measures.indicator_code as wording_indicator_code,
        nationalities.country_code as matched_country_code,
        nationalities.nationality_kind,
        nationalities.nationality_code,
        catalogued_releases.release_id as catalogued_release_id,
        misprints.status as misprint_status

    from figures
    left join measures as page_measures
        on
            figures.measure_en = page_measures.measure_en
            and figures.measure_nl = page_measures.measure_nl
            and figures.source_url = page_measures.source_url
    left join measures as wording_measures
        on
            figures.measure_en = wording_measures.measure_en
            and figures.measure_nl = wording_measures.measure_nl
            and wording_measures.source_url is null
    left join nationalities
        on figures.nationality_printed = nationalities.nationality_printed
    left join catalogued_releases
        on figures.source_url = catalogued_releases.source_url
    left join misprints
        on
            figures.source_url = misprints.source_url
            and figures.period_printed = misprints.reference_period
            and figures.measure_en = misprints.measure_en
            and figures.nationality_printed is not distinct from misprints.nationality_printed
            and figures.value_printed = misprints.value_printed

),

checked as (

    select
        *,
        -- the entry for the wording on this page, else the wording's entry for every page
        case
            when page_indicator_code is not null then page_indicator_code
            when wording_indicator_code is not null then wording_indicator_code
            else {{ fail_build([
                row_context, "': the wording '''", "measure_en", "''' / '''", "measure_nl",
                "''' is not in seeds/reference/cbs_measures.csv: add it with its indicator'",
            ], 'varchar') }}
        end as indicator_code,
        case
            when nationality_printed is null then null
            when matched_country_code is null
                then {{ fail_build([
                    row_context, "': the nationality '''", "nationality_printed",
                    "''' is not in seeds/reference/cbs_nationalities.csv: add it with its code'",
                ], 'varchar') }}
            else matched_country_code
        end as country_code,
        case
            when url_release_id is not null then url_release_id
            when catalogued_release_id is not null then catalogued_release_id
            else {{ fail_build([
                row_context, "': the page '", "source_url",
                "' names no release week: add it to seeds/reference/cbs_releases.csv'",
            ], 'varchar') }}
        end as release_id,
        -- the cell a printing is a vintage of: a remainder (Other) or countries printed together are
        -- another set in every table, so each such printing is a cell of its own
        case
            when nationality_printed is null then 'all'
            when nationality_kind in ('other', 'combined')
                then concat(nationality_kind, ':', nationality_printed, '@', coalesce(url_release_id, source_url))
            else matched_country_code
        end as nationality_key

    from matched

),

with_release as (

    select
        checked.*,
        releases.release_order,
        max(case when checked.misprint_status is distinct from 'misprint' then releases.release_order end) over (
            partition by checked.indicator_code, checked.period_code, checked.nationality_key
        ) as latest_release_order

    from checked
    inner join releases using (release_id)

),

final as (

    select
        'cbs:' || source_file || ':' || cast(source_line as varchar) as figure_id,
        'cbs' as source_code,
        'CBS' as publisher,
        source_file,
        source_line,
        source_url,
        release_id,
        published_printed,
        case when published_precision = 'day' then published_start end as published_on,
        period_code,
        period_grain,
        period_start,
        period_end,
        indicator_code,
        measure_en,
        measure_nl,
        nationality_printed,
        country_code,
        nationality_printed is null as is_all_nationalities,
        value_printed,
        value,
        value_low,
        value_high,
        printed_precision,
        is_provisional,
        is_approximate,
        is_quoted_earlier_period,
        transcriber_note,
        unit,
        coalesce(
            release_order = latest_release_order and misprint_status is distinct from 'misprint', false
        ) as is_latest_vintage

    from with_release

)

select * from final
