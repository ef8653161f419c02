-- The CBS figures' printed forms are read as the case tables say. Each row names the rule it breaks:
--   printed_value_case, printed_period_case: the parsing macros of macros/parsing/cbs.sql read
--     every case of seeds/cases/cbs_printed_*.csv as the case says (accepted or not, value,
--     interval, precision, qualifier; code, grain or language, dates), the same tables
--     python/tests/test_cbs.py runs the extractor's reader on.
-- That every row's reading equals the transcriber's value stg_cbs__figures checks as it reads.
{% set value_parts = cbs_value_parts('printed', 'language') %}
{% set reading = cbs_value_reading('part_', 'language', "in_thousands = 'true'") %}
{% set period = cbs_period('printed') %}
{% set release_date = cbs_published('printed') %}
with

value_cases as (

    select * from {{ ref('cbs_printed_values') }}

),

value_cases_parsed as (

    select
        *,
        {{ value_parts.qualifier }} as part_qualifier,
        {{ value_parts.number }} as part_number,
        {{ value_parts.multiplier }} as part_multiplier
    from value_cases

),

value_cases_read as (

    select
        *,
        {{ reading.value }} as read_value,
        {{ reading.value_low }} as read_low,
        {{ reading.value_high }} as read_high,
        {{ reading.printed_precision }} as read_precision,
        {{ reading.qualifier }} as read_qualifier
    from value_cases_parsed

),

printed_value_case as (

    select
        'printed_value_case' as failed_rule,
        concat(coalesce(printed, '<empty>'), ' (', language, ', in thousands ', in_thousands, ')') as subject,
        concat(
            'expected ', accepted, ' ', coalesce(value, ''), ' ', coalesce(value_low, ''), '-',
            coalesce(value_high, ''), ' ', coalesce(precision, ''), ', read ',
            coalesce(
                nullif(concat_ws(' ', read_value, read_low, read_high, read_precision, read_qualifier), ''), 'nothing'
            )
        ) as detail
    from value_cases_read
    where
        (read_value is not null) <> (accepted = 'true')
        or read_value <> cast(value as bigint)
        or read_low <> cast(value_low as decimal(18, 3))
        or read_high <> cast(value_high as decimal(18, 3))
        or read_precision <> precision
        or coalesce(read_qualifier, '') <> coalesce(qualifier, '')

),

period_cases as (

    select * from {{ ref('cbs_printed_periods_dates_pages') }}

),

period_cases_read as (

    select
        *,
        case kind
            when 'period' then {{ period.period_code }}
            when 'published' then {{ release_date.published_code }}
            when 'page' then {{ cbs_release_from_url('printed') }}
        end as read_code,
        case kind
            when 'period' then {{ period.period_grain }}
            when 'published' then {{ release_date.published_precision }}
            when 'page' then {{ cbs_page_language('printed') }}
        end as read_class,
        case kind
            when 'period' then {{ period.period_start }}
            when 'published' then {{ release_date.published_start }}
        end as read_start,
        case kind
            when 'period' then {{ period.period_end }}
            when 'published' then {{ release_date.published_end }}
        end as read_end
    from period_cases

),

printed_period_case as (

    select
        'printed_period_case' as failed_rule,
        concat(kind, ' ', printed) as subject,
        concat(
            'expected ', accepted, ' ', coalesce(code, ''), ' ', coalesce(class, ''), ', read ',
            coalesce(nullif(concat_ws(' ', read_code, read_class, read_start, read_end), ''), 'nothing')
        ) as detail
    from period_cases_read
    where
        (read_class is not null) <> (accepted = 'true')
        or read_code is distinct from code
        or read_class is distinct from class
        or read_start is distinct from cast(start as date)
        or read_end is distinct from cast("end" as date)

)

select * from printed_value_case
union all
select * from printed_period_case
