{#- Every transcribed row, read: the page (address normalised, language, slug), its date, the
    period, the country of origin split off the measure, and the value parsed by the page's
    language. What cannot be read stops the build with the file, line and text. Irregular periods
    and misprinted values are looked up in their catalogues in int_ind_news__figures_catalogued. -#}
{%- set row_context -%}
concat('seeds/raw/ind_news/ind_news_figures.csv (', source_file, ', line ', source_line, ')')
{%- endset -%}
{%- set page = ind_news_page('source_url') -%}
{%- set release_date = ind_news_published('published') -%}
{%- set period = ind_news_period('reference_period') -%}
{%- set value_parts = ind_news_value_parts('value_printed', 'page_language') -%}
{%- set reading = ind_news_value_reading('value_part_', 'page_language') -%}

with

source as (

    select * from {{ ref('ind_news_figures') }}

),

read as (

    select
        *,
        {{ page.page_url }} as page_url,
        {{ page.page_language }} as page_language,
        {{ page.page_slug }} as page_slug,
        {{ release_date.published_code }} as published_code,
        {{ release_date.published_precision }} as published_precision,
        {{ release_date.published_start }} as published_start,
        {{ release_date.published_end }} as published_end,
        {{ release_date.published_comment }} as published_comment,
        {{ period.period_code }} as period_code,
        {{ period.period_grain }} as period_grain,
        {{ period.period_start }} as period_start,
        {{ period.period_end }} as period_end,
        {{ period.reference_year }} as reference_year,
        {{ regexp_group("coalesce(note, '')", "'as printed in ([A-Za-z]+) item'", 1) }} as quoted_item_month_name

    from source

),

split as (

    select
        *,
        {{ value_parts.qualifier }} as value_part_qualifier,
        {{ value_parts.euro }} as value_part_euro,
        {{ value_parts.digits }} as value_part_digits,
        {{ value_parts.multiplier }} as value_part_multiplier,
        {{ value_parts.unit_word }} as value_part_unit_word,
        {{ value_parts.percent }} as value_part_percent

    from read

),

parsed as (

    select
        *,
        {{ reading.value }} as reading_value,
        {{ reading.unit }} as reading_unit,
        {{ reading.qualifier }} as reading_qualifier,
        {{ reading.number_convention }} as reading_number_convention

    from split

),

renamed as (

    select
        ---------- where the row comes from
        parsed.source_file,
        {{ text_to_integer('source_line', row_context) }} as source_line,
        parsed.source_url,
        case
            -- every field of the page is NULL where its address cannot be read
            when parsed.page_language is null
                then {{ fail_build([
                    row_context, "': cannot read the page address '''", "source_url",
                    "''': expected https://ind.nl/ followed by /nl/, /en/, or the old Dutch site''s /nieuws/ or /over-ind/'",
                ], 'varchar') }}
            else parsed.page_url
        end as page_url,
        parsed.page_language,
        parsed.page_slug,

        ---------- the page's date, as shown
        parsed.published as published_printed,
        case
            when parsed.published_precision is null
                then {{ fail_build([
                    row_context, "': cannot read the date '''", "published",
                    "''': expected YYYY-MM-DD, YYYY-MM (comment), YYYY (comment) or undated (comment)'",
                ], 'varchar') }}
            else parsed.published_code
        end as published_code,
        parsed.published_precision,
        parsed.published_start,
        parsed.published_end,
        nullif(parsed.published_comment, '') as published_comment,

        ---------- the period; NULL where the period is one of the catalogued free-text ones
        parsed.reference_period as period_printed,
        parsed.period_code,
        parsed.period_grain,
        parsed.period_start,
        parsed.period_end,
        parsed.reference_year,

        ---------- what is counted, and for which country of origin
        parsed.measure_en,
        regexp_replace(parsed.measure_en, 'nationality(:?) [^,]+', 'nationality\1 {country}') as measure_template,
        parsed.measure_nl,
        parsed.category as measure_category,
        nullif({{ regexp_group('parsed.measure_en', "'nationality:? ([^,]+)'", 1) }}, '') as country_label_news,

        ---------- an overview page quoting several monthly items says which one
        case
            when parsed.quoted_item_month_name = '' then null
            else parsed.quoted_item_month_name || ' item'
        end as quoted_item,
        case
            when parsed.quoted_item_month_name = '' then 0
            when {{ english_month_number('parsed.quoted_item_month_name') }} is null
                then {{ fail_build([
                    row_context, "': the note '''", "note", "''' quotes an item of a month this reader does not know'",
                ], 'integer') }}
            else {{ english_month_number('parsed.quoted_item_month_name') }}
        end as quoted_item_month,

        ---------- the value, as printed and as read by the page's language
        parsed.value_printed,
        parsed.reading_value as value_parsed,
        parsed.reading_unit as value_unit,
        nullif(parsed.reading_qualifier, '') as value_qualifier,
        coalesce(parsed.reading_qualifier, '') <> '' as is_approximate,
        parsed.reading_number_convention as number_convention,
        case
            when
                not coalesce(parsed.value ~ '^[0-9]{1,14}(\.[0-9]+)?$', false)
                then {{ fail_build([
                    row_context, "': the transcriber''s value '''", "coalesce(value, '<empty>')", "''' is not a plain number'",
                ], 'decimal(18, 4)') }}
            else {{ checked_cast('parsed.value', 'decimal(18, 4)') }}
        end as value_transcribed,
        parsed.note as transcriber_note

    from parsed

)

select * from renamed
