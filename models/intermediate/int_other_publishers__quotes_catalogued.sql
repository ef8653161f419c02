{#- Every figure of the other publishers, placed: its publisher code, its value read (numbers by
    the page's convention, words from their catalogue) and checked against the transcriber's,
    its unit as printed checked against a percent or euro sign, its nationality as an ISO code,
    and the catalogue entry that says which concept it answers or that it is not compared.
    A publisher, worded value or measure the catalogues do not hold, a measure two entries
    match, or a reading that is not the transcriber's stops the build with file, line and value. -#}
{%- set row_context -%}
concat('seeds/raw/other_publishers/other_publishers_quotes.csv (', quotes.source_file, ', line ', quotes.source_line, ')')
{%- endset -%}

with

quotes as (

    select * from {{ ref('stg_other_publishers__quotes') }}

),

publishers as (

    select * from {{ ref('stg_reference__other_publishers_publishers') }}

),

worded_values as (

    select * from {{ ref('stg_reference__other_publishers_worded_values') }}

),

measures as (

    select * from {{ ref('stg_reference__other_publishers_measures') }}

),

nationalities as (

    select * from {{ ref('stg_reference__nationalities') }}

),

matches as (

    select
        quotes.figure_id,
        count(*) as entry_count,
        min(measures.entry_code) as entry_code,
        min(measures.concept_code) as concept_code

    from quotes
    inner join measures
        on
            quotes.measure_en ~ measures.measure_pattern
            and (measures.unit is null or quotes.unit_printed = measures.unit)
    group by quotes.figure_id

),

placed as (

    select
        quotes.*,
        publishers.publisher_code,
        publishers.publisher_label,
        publishers.page_language as publisher_page_language,
        worded_values.value_printed as worded_value_printed,
        worded_values.value as worded_value,
        worded_values.qualifier as worded_qualifier,
        coalesce(matches.entry_count, 0) as entry_count,
        matches.entry_code,
        matches.concept_code,
        nationalities.iso_alpha2,
        nationalities.country_label_news

    from quotes
    left join publishers
        on quotes.publisher_printed = publishers.publisher
    left join worded_values
        on quotes.is_worded and quotes.value_printed = worded_values.value_printed
    left join matches
        on quotes.figure_id = matches.figure_id
    left join nationalities
        on quotes.nationality_printed = nationalities.country_name_en

),

valued as (

    select
        placed.*,
        case when placed.is_worded then placed.worded_value else placed.value_read end as reading

    from placed

),

final as (

    select
        ---------- the figure and where it is printed
        quotes.figure_id,
        'other_publishers' as source_code,
        case
            when quotes.publisher_code is null
                then {{ fail_build([
                    row_context, "': the publisher '''", "quotes.publisher_printed",
                    "''' is not in seeds/reference/other_publishers_publishers.csv: add it with its publisher_code'",
                ], 'varchar') }}
            when quotes.publisher_page_language <> quotes.page_language
                then {{ fail_build([
                    row_context, "': the page '", "quotes.source_url", "' is read as '", "quotes.page_language",
                    "' but its publisher''s pages are '", "quotes.publisher_page_language",
                ], 'varchar') }}
            else quotes.publisher_code
        end as publisher_code,
        quotes.publisher_label,
        quotes.publisher_printed,
        quotes.source_file,
        quotes.source_line,
        quotes.source_url,
        concat(quotes.source_url, '@', quotes.published_printed) as release_id,
        quotes.published_printed,
        quotes.published_on,

        ---------- the period
        quotes.period_printed,
        quotes.period_code,
        quotes.period_grain,
        quotes.reference_year,

        ---------- what is counted, and the catalogue entry for it
        quotes.measure_en,
        quotes.measure_nl,
        case
            when quotes.entry_count <> 1
                then {{ fail_build([
                    row_context, "': the measure '''", "quotes.measure_en", "''' (unit '", "quotes.unit_printed",
                    "') is matched by '", "cast(quotes.entry_count as varchar)",
                    "' entries of seeds/reference/other_publishers_measures.csv; exactly one must match'",
                ], 'varchar') }}
            else quotes.entry_code
        end as entry_code,
        quotes.concept_code,
        quotes.nationality_printed,
        case
            when quotes.nationality_printed is null then null
            when quotes.nationality_printed = 'Others' then 'other'
            when quotes.concept_code is not null and quotes.iso_alpha2 is null and quotes.country_label_news is null
                then {{ fail_build([
                    row_context, "': the nationality '''", "quotes.nationality_printed",
                    "''' of a compared figure is not a country_name_en of seeds/reference/nationalities.csv'",
                ], 'varchar') }}
            else coalesce(quotes.iso_alpha2, quotes.country_label_news)
        end as country_code,
        quotes.nationality_printed is null as is_all_nationalities,
        quotes.unit_printed as unit,

        ---------- the value, as printed and as read
        quotes.value_printed,
        case
            when quotes.is_worded and quotes.worded_value_printed is null
                then {{ fail_build([
                    row_context, "': cannot read the value '''", "quotes.value_printed",
                    "''': neither a number in the page''s convention nor a worded value of seeds/reference/other_publishers_worded_values.csv'",
                ], 'decimal(18, 4)') }}
            when quotes.unit_read is not null and quotes.unit_read <> quotes.unit_printed
                then {{ fail_build([
                    row_context, "': the value '''", "quotes.value_printed", "''' is printed in '", "quotes.unit_read",
                    "' but the row''s unit is '", "quotes.unit_printed",
                ], 'decimal(18, 4)') }}
            -- the reading must be the transcriber's; a fall the page states in words around the number
            -- ('almost 16% less') is the only sign the reading takes from the transcriber
            when
                (
                    quotes.reading <> quotes.value_transcribed
                    or (quotes.reading is null) <> (quotes.value_transcribed is null)
                )
                and not (
                    quotes.value_transcribed < 0
                    and quotes.reading + quotes.value_transcribed = 0
                    and quotes.measure_en like 'Change in %'
                )
                then {{ fail_build([
                    row_context, "': the value '''", "quotes.value_printed", "''' reads as '",
                    "coalesce(cast(quotes.reading as varchar), 'no figure')", "', the transcriber wrote '",
                    "coalesce(cast(quotes.value_transcribed as varchar), 'no figure')",
                ], 'decimal(18, 4)') }}
            else quotes.value_transcribed
        end as value,
        coalesce(quotes.value_qualifier, quotes.worded_qualifier) as value_qualifier,
        quotes.value_qualifier is not null
        or coalesce(quotes.worded_qualifier in ('about', 'less than', 'more than'), false) as is_approximate,
        coalesce(quotes.value_suffix = '*', false) as is_marked,
        quotes.transcriber_note

    from valued as quotes

)

select * from final
