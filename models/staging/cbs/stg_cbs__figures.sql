{#- Every transcribed CBS row, read: the page's language (which decides how its numbers are read),
    the release its address names, its date, the period, and the value with the interval its
    printing implies (macros/parsing/cbs.sql). A form that cannot be read stops the build with the
    file, line and text; so does a reading that differs from the transcriber's value. -#}
{%- set row_context -%}
concat('seeds/raw/cbs/cbs_figures.csv (', source_file, ', line ', source_line, ')')
{%- endset -%}
{%- set release_date = cbs_published('published') -%}
{%- set period = cbs_period('reference_period') -%}
{%- set value_parts = cbs_value_parts('value_printed', 'page_language') -%}
{%- set reading = cbs_value_reading('value_part_', 'page_language', 'is_printed_in_thousands') -%}

with

source as (

    select * from {{ ref('cbs_figures') }}

),

read as (

    select
        *,
        {{ cbs_page_language('source_url') }} as page_language,
        {{ cbs_release_from_url('source_url') }} as url_release_id,
        {{ cbs_printed_in_thousands('measure_en', 'measure_nl', 'note') }} as is_printed_in_thousands,
        {{ release_date.published_code }} as published_code,
        {{ release_date.published_precision }} as published_precision,
        {{ release_date.published_start }} as published_start,
        {{ release_date.published_end }} as published_end,
        {{ release_date.published_comment }} as published_comment,
        {{ period.period_code }} as period_code,
        {{ period.period_grain }} as period_grain,
        {{ period.period_start }} as period_start,
        {{ period.period_end }} as period_end,
        {{ period.reference_year }} as reference_year

    from source

),

split as (

    select
        *,
        {{ value_parts.qualifier }} as value_part_qualifier,
        {{ value_parts.number }} as value_part_number,
        {{ value_parts.multiplier }} as value_part_multiplier

    from read

),

parsed as (

    select
        *,
        {{ reading.value }} as reading_value,
        {{ reading.value_low }} as reading_value_low,
        {{ reading.value_high }} as reading_value_high,
        {{ reading.printed_precision }} as reading_precision,
        {{ reading.qualifier }} as reading_qualifier,
        {{ reading.is_approximate }} as reading_is_approximate

    from split

),

renamed as (

    select
        ---------- where the row comes from
        parsed.source_file,
        {{ text_to_integer('source_line', row_context) }} as source_line,
        parsed.source_url,
        case
            when parsed.page_language in ('nl', 'en') then parsed.page_language
            else {{ fail_build([
                row_context, "': cannot read the page address '''", "source_url",
                "''': expected https://www.cbs.nl/ or https://cbs.nl/ with /nl-nl/ or /en-gb/'",
                "' (or an item address with sc_lang=nl-nl)'",
            ], 'varchar') }}
        end as page_language,
        parsed.url_release_id,

        ---------- the page's date, as the transcription gives it
        parsed.published as published_printed,
        case
            when parsed.published_precision is null
                then {{ fail_build([
                    row_context, "': cannot read the date '''", "published",
                    "''': expected YYYY-MM-DD, YYYY week WW (comment), YYYY-MM (comment) or not shown (comment)'",
                ], 'varchar') }}
            else parsed.published_code
        end as published_code,
        parsed.published_precision,
        parsed.published_start,
        parsed.published_end,
        nullif(parsed.published_comment, '') as published_comment,

        ---------- the period
        parsed.reference_period as period_printed,
        case
            when parsed.period_grain is null
                then {{ fail_build([
                    row_context, "': cannot read the period '''", "reference_period",
                    "''': expected YYYY, YYYY-Qn, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY-MM/YYYY-MM'",
                ], 'varchar') }}
            else parsed.period_code
        end as period_code,
        parsed.period_grain,
        parsed.period_start,
        parsed.period_end,
        parsed.reference_year,

        ---------- what is counted, for whom, as printed
        parsed.measure_en,
        parsed.measure_nl,
        nullif(parsed.nationality, '') as nationality_printed,

        ---------- the value, as printed and as read by the page's language and table
        parsed.value_printed,
        parsed.is_printed_in_thousands,
        case
            when parsed.reading_value is null
                then {{ fail_build([
                    row_context, "': cannot read the value '''", "value_printed", "''' printed'",
                    "case when parsed.is_printed_in_thousands then ' in thousands' else '' end",
                    "' on a page in '", "case parsed.page_language when 'nl' then 'Dutch' else 'English' end",
                    "' (forms in seeds/cases/cbs_printed_values.csv)'",
                ], 'bigint') }}
            when not coalesce(parsed.value ~ '^[0-9]{1,12}$', false)
                then {{ fail_build([
                    row_context, "': the transcriber''s value '''", "coalesce(value, '<empty>')",
                    "''' is not a whole number of persons'",
                ], 'bigint') }}
            when cast(parsed.value as bigint) <> parsed.reading_value
                then {{ fail_build([
                    row_context, "': the transcriber''s value '", "value", "' disagrees with '''", "value_printed",
                    "''' read as '", "cast(parsed.reading_value as varchar)", "' persons'",
                ], 'bigint') }}
            else parsed.reading_value
        end as value,
        cast(parsed.value as bigint) as value_transcribed,
        parsed.reading_value_low as value_low,
        parsed.reading_value_high as value_high,
        parsed.reading_precision as printed_precision,
        parsed.reading_qualifier as value_qualifier,
        parsed.reading_is_approximate as is_approximate,
        case
            when parsed.unit = 'persons' then parsed.unit
            else {{ fail_build(
                [row_context, "': unit '''", "unit", "''': CBS counts persons (expected persons)'"], 'varchar'
            ) }}
        end as unit,

        ---------- the transcriber's note, and what it says about the printing
        nullif(parsed.note, '') as transcriber_note,
        coalesce(parsed.note ~ '^provisional', false) as is_provisional,
        strpos(coalesce(parsed.note, ''), 'earlier period quoted in this release') > 0 as is_quoted_earlier_period

    from parsed

)

select * from renamed
