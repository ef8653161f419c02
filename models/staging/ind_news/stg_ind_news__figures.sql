{#- Every transcribed row, read: the page (address normalised, language, slug), its date, the
    period, the country of origin split off the measure, and the value parsed by the page's
    language. What cannot be read stops the build with the file, line and text. Irregular periods
    and misprinted values are looked up in their catalogues in int_ind_news__figures_catalogued. -#}
{%- set row_context -%}
concat('seeds/raw/ind_news_figures.csv (', source_file, ', line ', source_line, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('ind_news_figures') }}

),

read as (

    select
        *,
        {{ ind_news_page('source_url') }} as page,
        {{ ind_news_published('published') }} as release_date,
        {{ ind_news_period('reference_period') }} as period,
        regexp_extract(coalesce(note, ''), 'as printed in ([A-Za-z]+) item', 1) as quoted_item_month_name

    from source

),

split as (

    select
        *,
        {{ ind_news_value_parts('value_printed', 'page.page_language') }} as value_parts

    from read

),

parsed as (

    select
        *,
        {{ ind_news_value_reading('value_parts', 'page.page_language') }} as value_reading

    from split

),

renamed as (

    select
        ---------- where the row comes from
        parsed.source_file,
        {{ text_to_integer('source_line', row_context) }} as source_line,
        parsed.source_url,
        case
            when parsed.page is null
                then {{ fail_build([
                    row_context, "': cannot read the page address '''", "source_url",
                    "''': expected https://ind.nl/ followed by /nl/, /en/, or the old Dutch site''s /nieuws/ or /over-ind/'",
                ]) }}
            else parsed.page.page_url
        end as page_url,
        parsed.page.page_language,
        parsed.page.page_slug,

        ---------- the page's date, as shown
        parsed.published as published_printed,
        case
            when parsed.release_date is null
                then {{ fail_build([
                    row_context, "': cannot read the date '''", "published",
                    "''': expected YYYY-MM-DD, YYYY-MM (comment), YYYY (comment) or undated (comment)'",
                ]) }}
            else parsed.release_date.published_code
        end as published_code,
        parsed.release_date.published_precision,
        parsed.release_date.published_start,
        parsed.release_date.published_end,
        nullif(parsed.release_date.published_comment, '') as published_comment,

        ---------- the period; NULL where the period is one of the catalogued free-text ones
        parsed.reference_period as period_printed,
        parsed.period.period_code,
        parsed.period.period_grain,
        parsed.period.period_start,
        parsed.period.period_end,
        parsed.period.reference_year,

        ---------- what is counted, and for which country of origin
        parsed.measure_en,
        regexp_replace(parsed.measure_en, 'nationality(:?) [^,]+', 'nationality\1 {country}') as measure_template,
        parsed.measure_nl,
        parsed.category as measure_category,
        nullif(regexp_extract(parsed.measure_en, 'nationality:? ([^,]+)', 1), '') as country_label_news,

        ---------- an overview page quoting several monthly items says which one
        case
            when parsed.quoted_item_month_name = '' then null
            else parsed.quoted_item_month_name || ' item'
        end as quoted_item,
        case
            when parsed.quoted_item_month_name = '' then 0
            when try_strptime(parsed.quoted_item_month_name || ' 2000', '%B %Y') is null
                then {{ fail_build([
                    row_context, "': the note '''", "note", "''' quotes an item of a month this reader does not know'",
                ]) }}
            else month(try_strptime(parsed.quoted_item_month_name || ' 2000', '%B %Y'))
        end as quoted_item_month,

        ---------- the value, as printed and as read by the page's language
        parsed.value_printed,
        parsed.value_reading.value as value_parsed,
        parsed.value_reading.unit as value_unit,
        nullif(parsed.value_reading.qualifier, '') as value_qualifier,
        coalesce(parsed.value_reading.qualifier, '') <> '' as is_approximate,
        parsed.value_reading.number_convention,
        case
            when
                try_cast(parsed.value as decimal(18, 4)) is null
                or not regexp_full_match(parsed.value, '[0-9]+(\.[0-9]+)?')
                then {{ fail_build([
                    row_context, "': the transcriber''s value '''", "coalesce(value, '<empty>')", "''' is not a plain number'",
                ]) }}
            else try_cast(parsed.value as decimal(18, 4))
        end as value_transcribed,
        parsed.note as transcriber_note

    from parsed

)

select * from renamed
