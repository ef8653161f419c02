{#- Every figure other publishers printed, one row per row of the raw seed, read: the page's
    language (asylumineurope.org and einnews.com are English, every other page Dutch), its date,
    the period with its grain, and the value in the page's number convention (39,767 on an
    English page and 32.180 on a Dutch one are both whole numbers; 80.2% and 36,8 miljoen euro
    keep their decimals), with its qualifier (ca., approximately, At least, bijna …). A printed
    form outside this grammar is left to the catalogue of worded values
    (int_other_publishers__quotes_catalogued), which stops the build on one it does not hold. -#}
{%- set row_context -%}
concat(
    'seeds/raw/other_publishers/other_publishers_quotes.csv (', source_file, ', line ', source_line, ')'
)
{%- endset -%}
{%- set qualifiers = "ca\\. |circa |Circa |approximately |At least |more than |bijna |ruim |ongeveer |Ongeveer " -%}
{%- set qualifier_pattern = "'^(" ~ qualifiers ~ ")'" -%}
{%- set value_pattern = "'^(" ~ qualifiers ~ ")?([0-9][0-9.,]*)(\\*|%|% minder| procent| miljoen euro)?$'" -%}

with

source as (

    select * from {{ ref('other_publishers_quotes') }}

),

split as (

    select
        *,
        case
            when source_url ~ '^https?://([a-z]+\.)*(asylumineurope\.org|einnews\.com)(/|$)' then 'en'
            else 'nl'
        end as page_language,
        {{ regexp_group('value_printed', qualifier_pattern, 1) }} as qualifier_printed,
        {{ regexp_group('value_printed', value_pattern, 2) }}
            as number_printed,
        {{ regexp_group('value_printed', value_pattern, 3) }}
            as suffix_printed

    from source

),

checked as (

    select
        *,
        case
            when number_printed = '' then null
            when page_language = 'en' and number_printed ~ '^([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$'
                then replace(number_printed, ',', '')
            when page_language = 'nl' and number_printed ~ '^([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?$'
                then replace(replace(number_printed, '.', ''), ',', '.')
        end as number_plain

    from split

),

renamed as (

    select
        ---------- where the row comes from
        source_file,
        {{ text_to_integer('source_line', row_context) }} as source_line,
        'other_publishers:' || source_file || ':' || source_line as figure_id,
        source_url,
        publisher as publisher_printed,
        page_language,

        ---------- the page's date, as shown
        published as published_printed,
        case
            when published ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' then {{ checked_cast('published', 'date') }}
        end as published_on,

        ---------- the period and its grain
        reference_period as period_printed,
        case
            when reference_period ~ '^[0-9]{4}$' then 'year'
            when reference_period ~ '^[0-9]{4}-Q[1-4]$' then 'quarter'
            when reference_period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' then 'month'
            when reference_period ~ '^[0-9]{4}-H[12]$' then 'half_year'
            when reference_period ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)? \((stock|end of year)\)$' then 'stock'
            when reference_period ~ '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$' then 'range'
            when reference_period ~ '^[0-9]{4}-[0-9]{2} \(week before [0-9]+ [A-Z][a-z]+\)$' then 'week'
            else {{ fail_build([
                row_context, "': cannot read the period '''", "reference_period",
                "''': expected YYYY, YYYY-Qn, YYYY-MM, YYYY-Hn, a date with (stock), or a range A/B'",
            ], 'varchar') }}
        end as period_grain,
        case
            when reference_period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$' then reference_period
        end as period_code,
        case
            when reference_period ~ '^[0-9]{4}' then {{ checked_cast("substr(reference_period, 1, 4)", 'integer') }}
        end as reference_year,

        ---------- what is counted
        measure_en,
        measure_nl,
        nullif(nationality, '') as nationality_printed,
        unit as unit_printed,

        ---------- the value, as printed and as read in the page's convention
        value_printed,
        nullif(trim(qualifier_printed), '') as value_qualifier,
        nullif(suffix_printed, '') as value_suffix,
        number_printed = '' as is_worded,
        case
            when number_printed = '' then cast(null as decimal(18, 4))
            when number_plain is null
                then {{ fail_build([
                    row_context, "': cannot read the number '''", "value_printed", "''' on a page in '",
                    "page_language", "': expected English 39,767 or 80.2, Dutch 32.180 or 36,8'",
                ], 'decimal(18, 4)') }}
            when suffix_printed = ' miljoen euro' then {{ checked_cast('number_plain', 'decimal(18, 4)') }} * 1000000
            when suffix_printed = '% minder' then -{{ checked_cast('number_plain', 'decimal(18, 4)') }}
            else {{ checked_cast('number_plain', 'decimal(18, 4)') }}
        end as value_read,
        case
            when suffix_printed in ('%', '% minder', ' procent') then 'percent'
            when suffix_printed = ' miljoen euro' then 'euros'
        end as unit_read,
        case
            when coalesce(value, '') = '' then cast(null as decimal(18, 4))
            when value ~ '^-?[0-9]{1,14}(\.[0-9]+)?$' then {{ checked_cast('value', 'decimal(18, 4)') }}
            else {{ fail_build([
                row_context, "': the transcriber''s value '''", "value", "''' is not a plain number'",
            ], 'decimal(18, 4)') }}
        end as value_transcribed,
        nullif(note, '') as transcriber_note

    from checked

)

select * from renamed
