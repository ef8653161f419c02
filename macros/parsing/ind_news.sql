{#- How the IND's news pages print values, periods, dates and addresses: the same forms as
    python/src/jaarcijfers/sources/ind_news/printed_values.py, and both are tested against one
    table of printed cases (seeds/cases/ind_news_printed_values.csv). Each macro gives NULL for a form it does not
    know; the model that uses it decides to stop the build. Casts behind a CASE are checked_casts
    (macros/cross_db/checked_cast.sql). Each reader returns a dict of SQL expressions, one per field
    of what it reads, so that the readings are plain columns on every engine. -#}

{% macro ind_news_words() -%}
    {{ return({
        'qualifiers': {
            'nl': ['meer dan', 'bijna', 'ruim', 'circa', "zo'n"],
            'en': ['approximately', 'just over', 'at least', 'approx.', 'around', 'almost', 'about'],
        },
        'multipliers': {
            'nl': {'duizend': 1000, 'miljoen': 1000000, 'mln': 1000000},
            'en': {'thousand': 1000, 'million': 1000000},
        },
        'unit_words': {
            'nl': {'euro': 'eur', 'procent': 'ratio', 'maanden': 'months'},
            'en': {'euros': 'eur', 'euro': 'eur', 'percent': 'ratio', 'months': 'months'},
        },
    }) }}
{%- endmacro %}

{#- Words listed longest first where one begins another (approximately before approx.). -#}
{%- macro _regex_alternatives(words) -%}
    {%- set escaped = [] -%}
    {%- for word in words -%}
        {%- do escaped.append(word | replace('.', '\\.') | replace("'", "''")) -%}
    {%- endfor -%}
    {{ escaped | join('|') }}
{%- endmacro %}

{#- The parts of a printed value, as a dict of SQL expressions: qualifier, euro (the euro sign),
    digits, multiplier, unit_word and percent (the percent sign); '' where absent, digits '' when
    the text is no value at all. Each reader below returns such a dict, one expression per field,
    so that a model selects the fields as plain columns on every engine (no struct) and the macro
    is rendered once. -#}
{% macro ind_news_value_parts(printed, language) -%}
    {%- set words = ind_news_words() -%}
    {%- set text = "replace(replace(replace(" ~ printed ~ ", chr(160), ' '), chr(8239), ' '), chr(8199), ' ')" -%}
    {%- set patterns = {} -%}
    {%- for lang in ['nl', 'en'] -%}
        {%- do patterns.update({lang: "'^(?:(" ~ _regex_alternatives(words.qualifiers[lang]) ~ ") )?(€ ?)?([0-9][0-9.,]*)(?: ("
            ~ _regex_alternatives(words.multipliers[lang].keys() | list) ~ "))?(?: ("
            ~ _regex_alternatives(words.unit_words[lang].keys() | list) ~ "))?(%)?$'"}) -%}
    {%- endfor -%}
    {%- set parts = {} -%}
    {%- for part in ['qualifier', 'euro', 'digits', 'multiplier', 'unit_word', 'percent'] -%}
        {%- do parts.update({part: "case " ~ language
            ~ " when 'nl' then " ~ regexp_group(text, patterns.nl, loop.index)
            ~ " when 'en' then " ~ regexp_group(text, patterns.en, loop.index) ~ " end"}) -%}
    {%- endfor -%}
    {{ return(parts) }}
{%- endmacro %}

{#- What the parts of a printed value (columns named `parts` followed by the part's name) spell, as
    a dict of SQL expressions: value, unit, qualifier and number_convention, every one NULL when
    the parts spell no value. number_convention is how the digits were grouped: an English page
    that groups thousands with a dot (2.490) is read the Dutch way, since a count never has three
    decimals. -#}
{% macro ind_news_value_reading(parts, language) -%}
    {%- set words = ind_news_words() -%}
    {%- set unit_word_unit -%}
        case {{ parts }}unit_word
            {%- for lang in ['nl', 'en'] %}{% for word, unit in words.unit_words[lang].items() %}
            when '{{ word }}' then '{{ unit }}'
            {%- endfor %}{% endfor %}
            else ''
        end
    {%- endset -%}
    {%- set multiplier -%}
        case {{ parts }}multiplier
            {%- for lang in ['nl', 'en'] %}{% for word, factor in words.multipliers[lang].items() %}
            when '{{ word }}' then {{ factor }}
            {%- endfor %}{% endfor %}
            else 1
        end
    {%- endset -%}
    {%- set is_percent = "(" ~ parts ~ "percent <> '' or (" ~ unit_word_unit ~ ") = 'ratio')" -%}
    {%- set is_scaled = "(" ~ parts ~ "multiplier <> '' or " ~ is_percent ~ ")" -%}
    {%- set dutch_groups_on_english_page -%}
        ({{ language }} = 'en' and not {{ is_scaled }} and {{ parts }}digits ~ '^[0-9]{1,3}(\.[0-9]{3})+$')
    {%- endset -%}
    {%- set without_dots = checked_cast("replace(" ~ parts ~ "digits, '.', '')", 'decimal(18, 4)') -%}
    {%- set number -%}
        case
            when {{ parts }}digits ~ '^[0-9]+$' then {{ checked_cast(parts ~ 'digits', 'decimal(18, 4)') }}
            when {{ language }} = 'nl' and {{ parts }}digits ~ '^[0-9]{1,3}(\.[0-9]{3})+$' then {{ without_dots }}
            when {{ language }} = 'en' and {{ parts }}digits ~ '^[0-9]{1,3}(,[0-9]{3})+$'
                then {{ checked_cast("replace(" ~ parts ~ "digits, ',', '')", 'decimal(18, 4)') }}
            when {{ dutch_groups_on_english_page }} then {{ without_dots }}
            when {{ is_scaled }} and {{ language }} = 'nl' and {{ parts }}digits ~ '^[0-9]+,[0-9]{1,2}$'
                then {{ checked_cast("replace(" ~ parts ~ "digits, ',', '.')", 'decimal(18, 4)') }}
            when {{ is_scaled }} and {{ language }} = 'en' and {{ parts }}digits ~ '^[0-9]+\.[0-9]{1,2}$'
                then {{ checked_cast(parts ~ 'digits', 'decimal(18, 4)') }}
        end
    {%- endset -%}
    {%- set no_value -%}
        {{ parts }}digits is null
        or {{ parts }}digits = ''
        or ({{ parts }}euro <> '' and ({{ parts }}unit_word <> '' or {{ parts }}percent <> ''))
        or ({{ parts }}percent <> '' and {{ parts }}unit_word <> '')
        or ({{ parts }}multiplier <> '' and ({{ parts }}percent <> '' or ({{ unit_word_unit }}) in ('ratio', 'months')))
        or ({{ number }}) is null
    {%- endset -%}
    {%- set fields = {
        'value': "cast((" ~ number ~ ") * (" ~ multiplier ~ ") * (case when " ~ is_percent ~ " then 0.01 else 1 end) as decimal(18, 4))",
        'unit': "case when " ~ is_percent ~ " then 'ratio' when " ~ parts ~ "euro <> '' then 'eur' else coalesce(nullif(" ~ unit_word_unit ~ ", ''), 'count') end",
        'qualifier': parts ~ "qualifier",
        'number_convention': "case when " ~ dutch_groups_on_english_page ~ " then 'nl' else " ~ language ~ " end",
    } -%}
    {%- set reading = {} -%}
    {%- for field, expression in fields.items() -%}
        {%- do reading.update({field: "case when " ~ no_value ~ " then null else " ~ expression ~ " end"}) -%}
    {%- endfor -%}
    {{ return(reading) }}
{%- endmacro %}

{#- An English month's number from its name (January, or Jan when `abbreviated`), any case;
    NULL for anything else. -#}
{% macro english_month_number(name, abbreviated=false) -%}
    {%- set months = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
        'october', 'november', 'december'] -%}
    case lower({{ name }})
        {%- for month in months %}
        when '{{ month[:3] if abbreviated else month }}' then {{ loop.index }}
        {%- endfor %}
    end
{%- endmacro %}

{#- True when the text is a day of the calendar written YYYY-MM-DD (2024-02-29 is, 2023-02-29 is
    not); no cast, so it never fails, whatever the text. -#}
{% macro is_iso_date(text) -%}
    {%- set leap_endings = [] -%}
    {%- for n in range(0, 100, 4) %}{% do leap_endings.append("'%02d'" % n) %}{% endfor -%}
    (
        coalesce({{ text }} ~ '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$', false)
        and substr({{ text }}, 9, 2) <= case substr({{ text }}, 6, 2)
            when '02' then case
                when substr({{ text }}, 3, 2) <> '00' and substr({{ text }}, 3, 2) in ({{ leap_endings | join(', ') }})
                    then '29'
                when substr({{ text }}, 3, 2) = '00' and substr({{ text }}, 1, 2) in ({{ leap_endings | join(', ') }})
                    then '29'
                else '28'
            end
            when '04' then '30'
            when '06' then '30'
            when '09' then '30'
            when '11' then '30'
            else '31'
        end
    )
{%- endmacro %}

{#- A reference period in a regular form, as a dict of SQL expressions: period_code, period_grain,
    period_start, period_end and reference_year, every one NULL for another form (irregular
    periods are in seeds/reference/ind_news_periods.csv). A span of years compares its two years
    as texts: four digits each. -#}
{% macro ind_news_period(printed) -%}
    {%- set year = checked_cast("left(" ~ printed ~ ", 4)", 'integer') -%}
    {%- set half = checked_cast("right(" ~ printed ~ ", 1)", 'integer') -%}
    {%- set last_year = checked_cast("right(" ~ printed ~ ", 4)", 'integer') -%}
    {%- set month_start = checked_cast(printed ~ " || '-01'", 'date') -%}
    {%- set ytd_month = english_month_number(regexp_group(printed, "'-([A-Z][a-z]{2})\\)$'", 1), abbreviated=true) -%}
    {%- set branches = [
        (
            printed ~ " ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'",
            [printed, "'month'", month_start, dbt.last_day(month_start, 'month'), year],
        ),
        (
            printed ~ " ~ '^[0-9]{4}$'",
            [printed, "'year'", "make_date(" ~ year ~ ", 1, 1)", "make_date(" ~ year ~ ", 12, 31)", year],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-H[12]$'",
            [
                printed, "'half_year'", "make_date(" ~ year ~ ", 6 * " ~ half ~ " - 5, 1)",
                dbt.last_day("make_date(" ~ year ~ ", 6 * " ~ half ~ ", 1)", 'month'), year,
            ],
        ),
        (
            printed ~ " ~ '^[0-9]{4} \\(Jan-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\)$'",
            [
                "left(" ~ printed ~ ", 4) || '-YTD-' || lpad(cast(" ~ ytd_month ~ " as varchar), 2, '0')",
                "'year_to_date'", "make_date(" ~ year ~ ", 1, 1)",
                dbt.last_day("make_date(" ~ year ~ ", " ~ ytd_month ~ ", 1)", 'month'), year,
            ],
        ),
        (
            printed ~ " ~ '^[0-9]{4}-[0-9]{4}$' and right(" ~ printed ~ ", 4) > left(" ~ printed ~ ", 4)",
            [printed, "'multi_year'", "make_date(" ~ year ~ ", 1, 1)", "make_date(" ~ last_year ~ ", 12, 31)", year],
        ),
    ] -%}
    {{ return(_ind_news_reading(
        ['period_code', 'period_grain', 'period_start', 'period_end', 'reference_year'],
        ['varchar', 'varchar', 'date', 'date', 'integer'],
        branches,
    )) }}
{%- endmacro %}

{#- The dict of one CASE per field: each branch is (condition, one expression per field), each
    expression cast to its field's type so that every branch has it. -#}
{%- macro _ind_news_reading(fields, types, branches) -%}
    {%- set reading = {} -%}
    {%- for field in fields -%}
        {%- set position = loop.index0 -%}
        {%- set whens = [] -%}
        {%- for condition, values in branches -%}
            {%- do whens.append("when " ~ condition ~ " then cast(" ~ values[position] ~ " as " ~ types[position] ~ ")") -%}
        {%- endfor -%}
        {%- do reading.update({field: "case " ~ whens | join(" ") ~ " end"}) -%}
    {%- endfor -%}
    {{ return(reading) }}
{%- endmacro %}

{#- The page's date as shown, as a dict of SQL expressions: published_code, published_precision,
    published_start, published_end and published_comment, every one NULL for a form it does not
    know. A day, a month or a year with a comment in brackets, or undated. -#}
{% macro ind_news_published(printed) -%}
    {%- set comment = regexp_group(printed, "' \\((.+)\\)$'", 1) -%}
    {%- set year = checked_cast(regexp_group(printed, "'([0-9]{4})'", 1), 'integer') -%}
    {%- set month_start = checked_cast("left(" ~ printed ~ ", 7) || '-01'", 'date') -%}
    {%- set day = checked_cast(printed, 'date') -%}
    {%- set branches = [
        (is_iso_date(printed), [printed, "'day'", day, day, "''"]),
        (
            printed ~ " ~ '^[0-9]{4}-[0-9]{2}( \\(.+\\))?$' and substr(" ~ printed ~ ", 6, 2) between '01' and '12'",
            ["left(" ~ printed ~ ", 7)", "'month'", month_start, dbt.last_day(month_start, 'month'), comment],
        ),
        (
            printed ~ " ~ '^((early|mid|late) )?[0-9]{4}( \\(.+\\))?$'",
            [
                "cast(" ~ year ~ " as varchar)", "'year'", "make_date(" ~ year ~ ", 1, 1)",
                "make_date(" ~ year ~ ", 12, 31)", comment,
            ],
        ),
        (printed ~ " ~ '^undated( \\(.+\\))?$'", ["'undated'", "'undated'", "null", "null", comment]),
    ] -%}
    {{ return(_ind_news_reading(
        ['published_code', 'published_precision', 'published_start', 'published_end', 'published_comment'],
        ['varchar', 'varchar', 'date', 'date', 'varchar'],
        branches,
    )) }}
{%- endmacro %}

{#- The page, as a dict of SQL expressions: page_url, page_language and page_slug, every one NULL
    when the address is not ind.nl or its language cannot be told. The host is normalised (ind.nl.
    is ind.nl); paths of the old SharePoint site (.aspx), which is case-insensitive, are
    lower-cased; the language is the path's /nl/ or /en/, or Dutch on the old site's /nieuws/ and
    /over-ind/; the slug is the last path segment without .aspx, %20 written as a hyphen. -#}
{% macro ind_news_page(url) -%}
    {%- set address = "'^https?://([^/?#]+)(/[^?#]*)$'" -%}
    {%- set host = regexp_group(url, address, 1) -%}
    {%- set raw_path = regexp_group(url, address, 2) -%}
    {%- set path = "case when right(lower(" ~ raw_path ~ "), 5) = '.aspx' then lower(" ~ raw_path ~ ") else " ~ raw_path ~ " end" -%}
    {%- set first_segment = "split_part(" ~ path ~ ", '/', 2)" -%}
    {%- set language -%}
        case
            when {{ first_segment }} in ('nl', 'en') then {{ first_segment }}
            when lower({{ first_segment }}) in ('nieuws', 'over-ind') then 'nl'
        end
    {%- endset -%}
    {%- set slug = "replace(regexp_replace(" ~ regexp_group(path, "'([^/]*)/*$'", 1) ~ ", '\\.aspx$', ''), '%20', '-')" -%}
    {{ return(_ind_news_reading(
        ['page_url', 'page_language', 'page_slug'],
        ['varchar', 'varchar', 'varchar'],
        [(
            "rtrim(lower(" ~ host ~ "), '.') = 'ind.nl' and (" ~ language ~ ") is not null",
            ["'https://ind.nl' || (" ~ path ~ ")", language, slug],
        )],
    )) }}
{%- endmacro %}

{#- The key of a figure of the news pages in fct_figures: the release, the page's language (twin
    pages print each figure once each), the figure (period, product, indicator, country) and, on
    an overview page quoting several monthly items, the item. -#}
{% macro ind_news_figure_id(release_id, page_language, figure_key, quoted_item) -%}
    concat_ws('/', 'ind_news', {{ release_id }}, {{ page_language }}, {{ figure_key }}) || coalesce(' (' || {{ quoted_item }} || ')', '')
{%- endmacro %}
