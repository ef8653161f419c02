{#- How Statistics Netherlands (CBS) prints its asylum figures: the same forms as
    python/src/jaarcijfers/sources/cbs/values.py, and both are tested against one table of printed
    cases (seeds/cases/cbs_printed_values.csv, seeds/cases/cbs_printed_periods_dates_pages.csv).
    Each macro gives NULL for a form it does not know; the model that uses it stops the build
    naming the row (stg_cbs__figures). Each reader returns a dict of SQL expressions, one per
    field, so that the readings are plain columns on every engine. -#}

{% macro cbs_words() -%}
    {{ return({
        'qualifiers': {
            'nl': {'bijna': 'below', 'ruim': 'above', 'rond de': 'around', "zo'n": 'around'},
            'en': {'slightly over': 'above', 'as many as': 'exact', 'more than': 'above', 'nearly': 'below'},
        },
        'multipliers': {'nl': 'duizend', 'en': 'thousand'},
        'number_words': {'nl': {'een': '1'}, 'en': {'one': '1'}},
    }) }}
{%- endmacro %}

{#- The page's language from its address: nl for /nl-nl/ (or an item address with sc_lang=nl-nl),
    en for /en-gb/ (or sc_lang=en), NULL for anything else. -#}
{% macro cbs_page_language(url) -%}
    case
        when {{ url }} ~ '^https://(www\.)?cbs\.nl/nl-nl/[^?#]*(\?[^#]*)?$'
            or {{ url }} ~ '^https://(www\.)?cbs\.nl/item\?[^#]*sc_lang=nl-nl[^#]*$' then 'nl'
        when {{ url }} ~ '^https://(www\.)?cbs\.nl/en-gb/[^?#]*(\?[^#]*)?$'
            or {{ url }} ~ '^https://(www\.)?cbs\.nl/item\?[^#]*sc_lang=en[^#]*$' then 'en'
    end
{%- endmacro %}

{#- True when the figure is printed in thousands by its table: a heading with x 1 000 / x 1,000,
    or the transcriber's note 'printed in thousands'. -#}
{% macro cbs_printed_in_thousands(measure_en, measure_nl, note) -%}
    (
        coalesce({{ measure_en }} ~ 'x ?1[ ,.]?000', false)
        or coalesce({{ measure_nl }} ~ 'x ?1[ ,.]?000', false)
        or strpos(coalesce({{ note }}, ''), 'printed in thousands') > 0
    )
{%- endmacro %}

{#- The parts of a printed value on a page of `language`, as a dict of SQL expressions:
    qualifier, number and multiplier, '' where absent; number '' when the text is no value. -#}
{% macro cbs_value_parts(printed, language) -%}
    {%- set words = cbs_words() -%}
    {%- set patterns = {} -%}
    {%- for lang in ['nl', 'en'] -%}
        {%- set qualifiers = words.qualifiers[lang].keys() | list -%}
        {%- do patterns.update({lang: "'^(?:(" ~ _regex_alternatives(qualifiers) ~ ") )?([0-9][0-9., ]*[0-9]|[0-9]|"
            ~ (words.number_words[lang].keys() | join('|')) ~ ")(?: (" ~ words.multipliers[lang] ~ "))?$'"}) -%}
    {%- endfor -%}
    {%- set parts = {} -%}
    {%- for part in ['qualifier', 'number', 'multiplier'] -%}
        {%- do parts.update({part: "case " ~ language
            ~ " when 'nl' then " ~ regexp_group(printed, patterns.nl, loop.index)
            ~ " when 'en' then " ~ regexp_group(printed, patterns.en, loop.index) ~ " end"}) -%}
    {%- endfor -%}
    {{ return(parts) }}
{%- endmacro %}

{#- What the parts of a printed value (columns named `parts` followed by qualifier, number,
    multiplier) spell, as a dict of SQL expressions: value (persons), value_low and value_high
    (the interval the printing implies), printed_precision, qualifier and is_approximate, every
    one NULL when the parts spell no value. In thousands (a multiplier word, or `in_thousands`) the
    number has 0 to 3 decimals after the page's decimal mark and stands for half a last digit
    either side (6,91 thousand: 6905 to 6915); in persons it is whole, grouped by the page's
    convention (Dutch . or a space, English ,) and exact. A qualifier makes it approximate: one
    step of the last printed digit below (nearly, bijna), above (more than, ruim) or around it. -#}
{% macro cbs_value_reading(parts, language, in_thousands) -%}
    {%- set words = cbs_words() -%}
    {%- set number -%}
        case {{ parts }}number
            {%- for lang in ['nl', 'en'] %}{% for word, digit in words.number_words[lang].items() %}
            when '{{ word }}' then '{{ digit }}'
            {%- endfor %}{% endfor %}
            else {{ parts }}number
        end
    {%- endset -%}
    {%- set is_scaled = "(" ~ parts ~ "multiplier <> '' or " ~ in_thousands ~ ")" -%}
    {%- set scaled_form -%}
        (
            ({{ language }} = 'nl' and ({{ number }}) ~ '^[0-9]+(,[0-9]{1,3})?$')
            or ({{ language }} = 'en' and ({{ number }}) ~ '^[0-9]+(\.[0-9]{1,3})?$')
        )
    {%- endset -%}
    {%- set persons_form -%}
        (
            ({{ number }}) ~ '^[0-9]+$'
            or ({{ language }} = 'nl' and ({{ number }}) ~ '^[0-9]{1,3}([. ][0-9]{3})+$')
            or ({{ language }} = 'en' and ({{ number }}) ~ '^[0-9]{1,3}(,[0-9]{3})+$')
        )
    {%- endset -%}
    {%- set scaled_digits = "replace(" ~ number ~ ", ',', '.')" -%}
    {%- set decimals = "case when strpos(" ~ scaled_digits ~ ", '.') > 0 then length(" ~ scaled_digits ~ ") - strpos(" ~ scaled_digits ~ ", '.') else 0 end" -%}
    {%- set persons_digits = "replace(replace(replace(" ~ number ~ ", '.', ''), ',', ''), ' ', '')" -%}
    {%- set amount -%}
        case
            when {{ is_scaled }} and {{ scaled_form }}
                then {{ checked_cast(scaled_digits, 'decimal(18, 3)') }} * 1000
            when not {{ is_scaled }} and {{ persons_form }}
                then {{ checked_cast(persons_digits, 'decimal(18, 3)') }}
        end
    {%- endset -%}
    {%- set whole = "cast(cast(" ~ amount ~ " as bigint) as varchar)" -%}
    {%- set step -%}
        case
            when {{ is_scaled }} then case {{ decimals }} when 0 then 1000 when 1 then 100 when 2 then 10 else 1 end
            else cast(power(10, length({{ whole }}) - length(coalesce(nullif(rtrim({{ whole }}, '0'), ''), '0'))) as decimal(18, 3))
        end
    {%- endset -%}
    {%- set direction -%}
        case {{ parts }}qualifier
            {%- for lang in ['nl', 'en'] %}{% for word, way in words.qualifiers[lang].items() %}
            when '{{ word | replace("'", "''") }}' then '{{ way }}'
            {%- endfor %}{% endfor %}
            else 'exact'
        end
    {%- endset -%}
    {%- set low -%}
        case {{ direction }}
            when 'below' then {{ amount }} - {{ step }}
            when 'above' then {{ amount }}
            when 'around' then {{ amount }} - {{ step }} / 2.0
            else case when {{ is_scaled }} then {{ amount }} - {{ step }} / 2.0 else {{ amount }} end
        end
    {%- endset -%}
    {%- set high -%}
        case {{ direction }}
            when 'below' then {{ amount }}
            when 'above' then {{ amount }} + {{ step }}
            when 'around' then {{ amount }} + {{ step }} / 2.0
            else case when {{ is_scaled }} then {{ amount }} + {{ step }} / 2.0 else {{ amount }} end
        end
    {%- endset -%}
    {%- set fields = {
        'value': "cast(" ~ amount ~ " as bigint)",
        'value_low': "cast(" ~ low ~ " as decimal(18, 3))",
        'value_high': "cast(" ~ high ~ " as decimal(18, 3))",
        'printed_precision': "case when " ~ direction ~ " <> 'exact' then 'text_approximate' when " ~ is_scaled
            ~ " then 'thousands_' || cast(" ~ decimals ~ " as varchar) || 'dp' else 'persons' end",
        'qualifier': "nullif(" ~ parts ~ "qualifier, '')",
        'is_approximate': "(" ~ direction ~ " <> 'exact')",
    } -%}
    {%- set no_value = "(" ~ parts ~ "number is null or " ~ parts ~ "number = '' or (" ~ amount ~ ") is null)" -%}
    {%- set reading = {} -%}
    {%- for field, expression in fields.items() -%}
        {%- do reading.update({field: "case when " ~ no_value ~ " then null else " ~ expression ~ " end"}) -%}
    {%- endfor -%}
    {{ return(reading) }}
{%- endmacro %}

{#- A reference period, as a dict of SQL expressions: period_code, period_grain (year, half_year,
    quarter, month, months), period_start, period_end and reference_year (the year it starts
    in), every one NULL for another form. A range of months must end after it starts. -#}
{% macro cbs_period(printed) -%}
    {%- set year = checked_cast("left(" ~ printed ~ ", 4)", 'integer') -%}
    {%- set last_digit = checked_cast("right(" ~ printed ~ ", 1)", 'integer') -%}
    {%- set month_start = checked_cast("left(" ~ printed ~ ", 7) || '-01'", 'date') -%}
    {%- set range_end = checked_cast("right(" ~ printed ~ ", 7) || '-01'", 'date') -%}
    {%- set months = "'^[0-9]{4}-(0[1-9]|1[0-2])/[0-9]{4}-(0[1-9]|1[0-2])$'" -%}
    {%- set branches = [
        (
            printed ~ " ~ '^[0-9]{4}$'",
            [printed, "'year'", "make_date(" ~ year ~ ", 1, 1)", "make_date(" ~ year ~ ", 12, 31)", year],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-H[12]$'",
            [
                printed, "'half_year'", "make_date(" ~ year ~ ", 6 * " ~ last_digit ~ " - 5, 1)",
                dbt.last_day("make_date(" ~ year ~ ", 6 * " ~ last_digit ~ ", 1)", 'month'), year,
            ],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-Q[1-4]$'",
            [
                printed, "'quarter'", "make_date(" ~ year ~ ", 3 * " ~ last_digit ~ " - 2, 1)",
                dbt.last_day("make_date(" ~ year ~ ", 3 * " ~ last_digit ~ ", 1)", 'month'), year,
            ],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'",
            [printed, "'month'", month_start, dbt.last_day(month_start, 'month'), year],
        ),
        (
            printed ~ " ~ " ~ months ~ " and right(" ~ printed ~ ", 7) > left(" ~ printed ~ ", 7)",
            [printed, "'months'", month_start, dbt.last_day(range_end, 'month'), year],
        ),
    ] -%}
    {{ return(_ind_news_reading(
        ['period_code', 'period_grain', 'period_start', 'period_end', 'reference_year'],
        ['varchar', 'varchar', 'date', 'date', 'integer'],
        branches,
    )) }}
{%- endmacro %}

{#- The page's date as the transcription gives it, as a dict of SQL expressions: published_code,
    published_precision (day, week, month, undated), published_start, published_end (the days it
    may be: a week runs Monday to Sunday by ISO 8601) and published_comment, every one NULL for a
    form it does not know. -#}
{% macro cbs_published(printed) -%}
    {%- set week_form = "'^([0-9]{4}) week ([0-9]{2})( \\((.+)\\))?$'" -%}
    {%- set week_year = checked_cast(regexp_group(printed, week_form, 1), 'integer') -%}
    {%- set week = checked_cast(regexp_group(printed, week_form, 2), 'integer') -%}
    {%- set january_4 = "make_date(" ~ week_year ~ ", 1, 4)" -%}
    {%- set monday = "cast(" ~ january_4 ~ " - cast(date_part('isodow', " ~ january_4 ~ ") as integer) + 1 + 7 * (" ~ week ~ " - 1) as date)" -%}
    {%- set weeks_in_year = "cast(date_part('week', make_date(" ~ week_year ~ ", 12, 28)) as integer)" -%}
    {%- set month_start = checked_cast("left(" ~ printed ~ ", 7) || '-01'", 'date') -%}
    {%- set day = checked_cast(printed, 'date') -%}
    {%- set branches = [
        (is_iso_date(printed), [printed, "'day'", day, day, "''"]),
        (
            printed ~ " ~ " ~ week_form ~ " and " ~ week ~ " between 1 and " ~ weeks_in_year,
            [
                "left(" ~ printed ~ ", 4) || '-W' || substr(" ~ printed ~ ", 11, 2)", "'week'", monday,
                "cast(" ~ monday ~ " + 6 as date)", regexp_group(printed, week_form, 4),
            ],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-(0[1-9]|1[0-2]) \\((.+)\\)$'",
            [
                "left(" ~ printed ~ ", 7)", "'month'", month_start, dbt.last_day(month_start, 'month'),
                regexp_group(printed, "'^[0-9]{4}-[0-9]{2} \\((.+)\\)$'", 1),
            ],
        ),
        (
            printed ~ " ~ '^not shown \\((.+)\\)$'",
            ["'not shown'", "'undated'", "null", "null", regexp_group(printed, "'^not shown \\((.+)\\)$'", 1)],
        ),
    ] -%}
    {{ return(_ind_news_reading(
        ['published_code', 'published_precision', 'published_start', 'published_end', 'published_comment'],
        ['varchar', 'varchar', 'date', 'date', 'varchar'],
        branches,
    )) }}
{%- endmacro %}

{#- The release a page belongs to, from its address: a news release or background article is
    numbered by CBS by year and ISO week (/nieuws/2023/17/, /news/2023/17/: cbs-news-2023-17;
    /background/2018/44/: cbs-background-2018-44), its Dutch and English pages one release; NULL
    for an address without them (StatLine tables, item and dossier addresses: their release is
    catalogued in seeds/reference/cbs_releases.csv). -#}
{% macro cbs_release_from_url(url) -%}
    {%- set form = "'^https://(www\\.)?cbs\\.nl/(nl-nl|en-gb)/(nieuws|news|achtergrond|background)/([0-9]{4})/([0-9]{2})/'" -%}
    case
        when {{ url }} ~ {{ form }} then
            'cbs-'
            || case {{ regexp_group(url, form, 3) }} when 'nieuws' then 'news' when 'achtergrond' then 'background'
                else {{ regexp_group(url, form, 3) }} end
            || '-' || {{ regexp_group(url, form, 4) }} || '-' || {{ regexp_group(url, form, 5) }}
    end
{%- endmacro %}
