-- The news figures' values are read as printed, twice over. Each row names the rule it breaks:
--   double_entry: the transcriber's own reading (value_transcribed, percentages as a number of
--     percent) equals the warehouse's reading of the printed text, for every news figure;
--   twin_figures_agree: the Dutch and English twin pages of one release print every figure with
--     the same value;
--   printed_value_case, printed_period_case: the parsing macros read every case of
--     seeds/cases/ind_news_printed_*.csv as the case says (accepted or not, value, unit, qualifier, code, dates),
--     the same table python/tests/test_news.py runs the extractor's reader on.
{% set value_parts = ind_news_value_parts('printed', 'language') %}
{% set reading = ind_news_value_reading('part_', 'language') %}
{% set period = ind_news_period('printed') %}
{% set release_date = ind_news_published('printed') %}
{% set page = ind_news_page('printed') %}
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

    select * from {{ ref('ind_news_printed_values') }}

),

value_cases_parsed as (

    select
        *,
        {{ value_parts.qualifier }} as part_qualifier,
        {{ value_parts.euro }} as part_euro,
        {{ value_parts.digits }} as part_digits,
        {{ value_parts.multiplier }} as part_multiplier,
        {{ value_parts.unit_word }} as part_unit_word,
        {{ value_parts.percent }} as part_percent
    from value_cases

),

value_cases_read as (

    select
        *,
        {{ reading.value }} as read_value,
        {{ reading.unit }} as read_unit,
        {{ reading.qualifier }} as read_qualifier,
        {{ reading.number_convention }} as read_number_convention
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
            coalesce(
                nullif(concat_ws(
                    ' ', value_cases_read.read_value, value_cases_read.read_unit, value_cases_read.read_qualifier,
                    value_cases_read.read_number_convention
                ), ''),
                'nothing'
            )
        ) as detail
    from value_cases_read
    where
        (value_cases_read.read_value is not null) <> (value_cases_read.accepted = 'true')
        or value_cases_read.read_value <> cast(value_cases_read.value as decimal(18, 4))
        or value_cases_read.read_unit <> value_cases_read.unit
        or value_cases_read.read_qualifier <> coalesce(value_cases_read.qualifier, '')
        or value_cases_read.read_number_convention <> value_cases_read.number_convention

),

period_cases as (

    select * from {{ ref('ind_news_printed_periods_dates_pages') }}

),

-- Each kind read into the columns of the case table: code, class (grain, precision or
-- language), first and last day, and extra (reference year, comment or slug).
period_cases_read as (

    select
        *,
        case kind
            when 'period' then {{ period.period_code }}
            when 'published' then {{ release_date.published_code }}
            when 'page' then {{ page.page_url }}
        end as read_code,
        case kind
            when 'period' then {{ period.period_grain }}
            when 'published' then {{ release_date.published_precision }}
            when 'page' then {{ page.page_language }}
        end as read_class,
        case kind
            when 'period' then {{ period.period_start }}
            when 'published' then {{ release_date.published_start }}
        end as read_start,
        case kind
            when 'period' then {{ period.period_end }}
            when 'published' then {{ release_date.published_end }}
        end as read_end,
        case kind
            when 'period' then cast({{ period.reference_year }} as varchar)
            when 'published' then nullif({{ release_date.published_comment }}, '')
            when 'page' then {{ page.page_slug }}
        end as read_extra
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
            coalesce(
                nullif(concat_ws(
                    ' ', period_cases_read.read_code, period_cases_read.read_class, period_cases_read.read_start,
                    period_cases_read.read_end, period_cases_read.read_extra
                ), ''),
                'nothing'
            )
        )
            as detail
    from period_cases_read
    where
        (period_cases_read.read_code is not null) <> (period_cases_read.accepted = 'true')
        or period_cases_read.read_code <> period_cases_read.code
        or period_cases_read.read_class <> period_cases_read.class
        or period_cases_read.read_start is distinct from cast(period_cases_read.start as date)
        or period_cases_read.read_end is distinct from cast(period_cases_read."end" as date)
        or period_cases_read.read_extra is distinct from period_cases_read.extra

)

select * from double_entry
union all
select * from twin_figures_agree
union all
select * from printed_value_case
union all
select * from printed_period_case
