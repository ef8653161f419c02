-- The news figures' values are read as printed, twice over. Each row names the rule it breaks:
--   double_entry: the transcriber's own reading (value_transcribed, percentages as a number of
--     percent) equals the warehouse's reading of the printed text, for every news figure;
--   twin_figures_agree: the Dutch and English twin pages of one release print every figure with
--     the same value;
--   printed_value_case, printed_period_case: the parsing macros read every case of
--     tests/cases/*.csv as the case says (accepted or not, value, unit, qualifier, code, dates),
--     the same table python/tests/test_news.py runs the extractor's reader on.
with

figures as (

    select * from {{ ref('fct_figures') }}
    where source_code = 'ind_news'

),

double_entry as (

    select
        'double_entry' as failed_rule,
        figure_id as subject,
        concat(
            '''', value_printed, ''' read as ', value, ' ', unit, ', transcribed as ', value_transcribed
        ) as detail
    from figures
    where value_transcribed is distinct from (case when unit = 'ratio' then value * 100 else value end)

),

twin_figures_agree as (

    select
        'twin_figures_agree' as failed_rule,
        concat_ws('/', release_id, period_code, indicator_code, coalesce(country_code, 'all')) as subject,
        string_agg(concat(page_language, ': ', value_printed), ', ') as detail
    from figures
    group by release_id, period_code, product_code, indicator_code, country_code, quoted_item
    having count(distinct value) > 1

),

value_cases as (

    select * from read_csv(
        '{{ flags.PROJECT_DIR or "." }}/tests/cases/ind_news_printed_values.csv', header = true, all_varchar = true
    )

),

value_cases_parsed as (

    select
        *,
        {{ ind_news_value_parts('printed', 'language') }} as value_parts
    from value_cases

),

value_cases_read as (

    select
        *,
        {{ ind_news_value_reading('value_parts', 'language') }} as reading
    from value_cases_parsed

),

printed_value_case as (

    select
        'printed_value_case' as failed_rule,
        concat(coalesce(value_cases_read.printed, '<empty>'), ' (', value_cases_read.language, ')') as subject,
        concat(
            'expected ',
            value_cases_read.accepted,
            ' ',
            coalesce(value_cases_read.value, ''),
            ' ',
            coalesce(value_cases_read.unit, ''),
            ', read ',
            coalesce(cast(value_cases_read.reading as varchar), 'nothing')
        ) as detail
    from value_cases_read
    where
        (value_cases_read.reading is not null) <> (value_cases_read.accepted = 'true')
        or reading.value <> cast(value_cases_read.value as decimal(18, 4))
        or reading.unit <> value_cases_read.unit
        or reading.qualifier <> coalesce(value_cases_read.qualifier, '')
        or reading.number_convention <> value_cases_read.number_convention

),

period_cases as (

    select * from read_csv(
        '{{ flags.PROJECT_DIR or "." }}/tests/cases/ind_news_printed_periods_dates_pages.csv',
        header = true, all_varchar = true
    )

),

period_cases_read as (

    select
        *,
        case kind
            when 'period'
                then (
                    select
                        struct_pack(
                            code := p.period_code, class := p.period_grain, start_day := p.period_start,
                            end_day := p.period_end, extra := cast(p.reference_year as varchar)
                        )
                    from (select {{ ind_news_period('printed') }} as p)
                )
            when 'published'
                then (
                    select
                        struct_pack(
                            code := p.published_code, class := p.published_precision,
                            start_day := p.published_start,
                            end_day := p.published_end,
                            extra := nullif(p.published_comment, '')
                        )
                    from (select {{ ind_news_published('printed') }} as p)
                )
            when 'page' then (
                select
                    struct_pack(
                        code := p.page_url, class := p.page_language, start_day := cast(null as date),
                        end_day := cast(null as date), extra := p.page_slug
                    )
                from (select {{ ind_news_page('printed') }} as p)
            )
        end as reading
    from period_cases

),

printed_period_case as (

    select
        'printed_period_case' as failed_rule,
        concat(period_cases_read.kind, ' ', period_cases_read.printed) as subject,
        concat(
            'expected ',
            period_cases_read.accepted,
            ' ',
            coalesce(period_cases_read.code, ''),
            ', read ',
            coalesce(cast(period_cases_read.reading as varchar), 'nothing')
        )
            as detail
    from period_cases_read
    where
        (reading.code is not null) <> (period_cases_read.accepted = 'true')
        or reading.code <> period_cases_read.code
        or reading.class <> period_cases_read.class
        or reading.start_day is distinct from cast(period_cases_read.start as date)
        or reading.end_day is distinct from cast(period_cases_read."end" as date)
        or reading.extra is distinct from period_cases_read.extra

)

select * from double_entry
union all
select * from twin_figures_agree
union all
select * from printed_value_case
union all
select * from printed_period_case
