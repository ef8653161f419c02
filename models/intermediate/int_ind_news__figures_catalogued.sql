{#- Places every news figure: measure to indicator (and Jaarcijfers product where the definition
    is the publication's), country to ISO code, free-text period and misprinted value to their
    catalogue entries; the printed unit must fit the indicator's. What cannot be placed stops the
    build, naming the catalogue to extend. -#}
{%- set row_context -%}
concat('seeds/raw/ind_news/ind_news_figures.csv (', figures.source_file, ', line ', figures.source_line, ')')
{%- endset -%}

with

figures as (

    select * from {{ ref('stg_ind_news__figures') }}

),

measures as (

    select * from {{ ref('stg_reference__ind_news_measures') }}

),

indicators as (

    select * from {{ ref('stg_reference__indicators') }}

),

nationalities as (

    select * from {{ ref('stg_reference__nationalities') }}

),

periods as (

    select * from {{ ref('stg_reference__ind_news_periods') }}

),

misprints as (

    select * from {{ ref('stg_reference__ind_news_misprints') }}

),

catalogued as (

    select
        figures.source_file,
        figures.source_line,
        figures.source_url,
        figures.page_url,
        figures.page_language,
        figures.page_slug,
        figures.published_printed,
        figures.published_code,
        figures.published_precision,
        figures.published_start,
        figures.published_end,
        figures.published_comment,
        figures.period_printed,
        figures.measure_en,
        figures.measure_template,
        figures.measure_nl,
        figures.measure_category,
        figures.country_label_news,
        figures.quoted_item,
        figures.quoted_item_month,
        figures.value_printed,
        figures.value_qualifier,
        figures.is_approximate,
        figures.number_convention,
        figures.value_transcribed,
        figures.transcriber_note,
        coalesce(figures.period_code, periods.period_code) as period_code,
        coalesce(figures.period_grain, periods.period_grain) as period_grain,
        coalesce(figures.period_start, periods.period_start) as period_start,
        coalesce(figures.period_end, periods.period_end) as period_end,
        coalesce(figures.reference_year, periods.reference_year) as reference_year,
        periods.period_printed is not null as is_period_catalogued,
        measures.product_code,
        measures.indicator_code,
        measures.in_asylum_influx_monthly,
        indicators.unit,
        indicators.fact_table,
        indicators.indicator_kind,
        nationalities.nationality_code as country_code,
        coalesce(misprints.value_read, figures.value_parsed) as value,
        case when misprints.value_read is not null then 'count' else figures.value_unit end as value_unit,
        misprints.reason as misprint_reason,
        {{ row_context }} as seed_row,
        case
            when figures.period_code is null and periods.period_printed is null
                then {{ fail_build([
                    row_context, "': cannot read the period '''", "figures.period_printed",
                    "''' (YYYY-MM, YYYY, YYYY-H1, YYYY (Jan-Mon), YYYY-YYYY): if the page prints it so,'",
                    "' add it to seeds/reference/ind_news_periods.csv'",
                ]) }}
            when measures.indicator_code is null
                then {{ fail_build([
                    row_context, "': measure '''", "figures.measure_template", "''' / '''", "figures.measure_nl",
                    "''' / '''", "figures.measure_category", "''' is not in seeds/reference/ind_news_measures.csv'",
                ]) }}
            when indicators.unit is null
                then {{ fail_build([
                    row_context, "': indicator '", "measures.indicator_code", "' is not in seeds/reference/indicators.csv'",
                ]) }}
            when figures.country_label_news is not null and nationalities.nationality_code is null
                then {{ fail_build([
                    row_context, "': country '''", "figures.country_label_news",
                    "''' is not in seeds/reference/nationalities.csv (column country_label_news)'",
                ]) }}
            else true
        end as is_placed

    from figures
    left join measures
        on
            figures.measure_template = measures.measure_template
            and figures.measure_nl = measures.measure_nl
            and figures.measure_category = measures.measure_category
    left join indicators
        on measures.indicator_code = indicators.indicator_code
    left join nationalities
        on figures.country_label_news = nationalities.country_label_news
    left join periods
        on figures.period_code is null and figures.period_printed = periods.period_printed
    left join misprints
        on
            figures.source_url = misprints.source_url
            and figures.period_printed = misprints.period_printed
            and figures.measure_en = misprints.measure_en
            and figures.value_printed = misprints.value_printed

),

checked as (

    select
        *,
        case
            when value is null
                then {{ fail_build([
                    "seed_row", "': cannot read '''", "value_printed", "''' as a value printed on a page in '",
                    "case page_language when 'nl' then 'Dutch' else 'English' end",
                    "' (forms in seeds/cases/ind_news_printed_values.csv); if the page misprints it,'",
                    "' add the reading to seeds/reference/ind_news_misprints.csv'",
                ]) }}
            when not ((value_unit = 'count' and unit in ('count', 'fte')) or value_unit = unit)
                then {{ fail_build([
                    "seed_row", "': '''", "value_printed", "''' reads as '", "value_unit", "' but indicator '",
                    "indicator_code", "' is measured in '", "unit",
                ]) }}
            when unit = 'count' and value <> trunc(value)
                then {{ fail_build([
                    "seed_row", "': '''", "value_printed", "''' is not a whole number but indicator '",
                    "indicator_code", "' counts'",
                ]) }}
            else true
        end as is_valued

    from catalogued
    where is_placed

),

keyed as (

    select
        source_file,
        source_line,
        source_url,
        page_url,
        page_language,
        page_slug,
        published_printed,
        published_code,
        published_precision,
        published_start,
        published_end,
        published_comment,
        period_printed,
        period_code,
        period_grain,
        period_start,
        period_end,
        reference_year,
        is_period_catalogued,
        measure_en,
        measure_template,
        measure_nl,
        measure_category,
        product_code,
        indicator_code,
        in_asylum_influx_monthly,
        unit,
        fact_table,
        indicator_kind,
        country_label_news,
        country_code,
        quoted_item,
        quoted_item_month,
        value_printed,
        value,
        value_unit,
        value_qualifier,
        is_approximate,
        number_convention,
        value_transcribed,
        misprint_reason,
        transcriber_note,
        concat_ws(' ', page_url, published_code) as page_id,
        concat_ws(
            '/', period_code, coalesce(product_code, '-'), indicator_code, coalesce(country_code, 'all')
        ) as figure_key

    from checked
    where is_valued

)

select * from keyed
