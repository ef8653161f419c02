{#- How the IND's news pages print values, periods, dates and addresses: the same forms as
    python/src/jaarcijfers/news_values.py, and both are tested against one table of printed
    cases (seeds/cases/ind_news_printed_values.csv). Each macro gives NULL for a form it does not
    know; the model that uses it decides to stop the build. Casts behind a CASE are checked_casts
    (macros/cross_db/checked_cast.sql). Each macro gives one field of what it reads, so that the
    readings are plain columns on every engine. -#}

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

{#- One part of a printed value: qualifier, euro (the euro sign), digits, multiplier, unit_word or
    percent (the percent sign); '' where absent, digits '' when the text is no value at all. -#}
{% macro ind_news_value_part(printed, language, part) -%}
    {%- set words = ind_news_words() -%}
    {%- set group = {'qualifier': 1, 'euro': 2, 'digits': 3, 'multiplier': 4, 'unit_word': 5, 'percent': 6}[part] -%}
    {%- set text = "replace(replace(replace(" ~ printed ~ ", chr(160), ' '), chr(8239), ' '), chr(8199), ' ')" -%}
    case {{ language }}
        {%- for lang in ['nl', 'en'] %}
            {%- set pattern -%}
                '^(?:({{ _regex_alternatives(words.qualifiers[lang]) }}) )?(€ ?)?([0-9][0-9.,]*)(?: ({{ _regex_alternatives(words.multipliers[lang].keys() | list) }}))?(?: ({{ _regex_alternatives(words.unit_words[lang].keys() | list) }}))?(%)?$'
            {%- endset %}
            when '{{ lang }}' then {{ regexp_group(text, pattern, group) }}
        {%- endfor %}
    end
{%- endmacro %}

{#- The parts of a printed value as columns named `prefix` ~ part, for ind_news_value_reading. -#}
{% macro ind_news_value_parts(printed, language, prefix) -%}
    {%- for part in ['qualifier', 'euro', 'digits', 'multiplier', 'unit_word', 'percent'] %}
        {{ ind_news_value_part(printed, language, part) }} as {{ prefix }}{{ part }}{{ "," if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#- One field of the value the parts (columns `parts` ~ part) spell: value, unit, qualifier or
    number_convention; every field NULL when the parts spell no value. number_convention is how
    the digits were grouped: an English page that groups thousands with a dot (2.490) is read
    the Dutch way, since a count never has three decimals. -#}
{% macro ind_news_value_reading(parts, language, field) -%}
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
    {%- set number -%}
        case
            when {{ parts }}digits ~ '^[0-9]+$' then {{ checked_cast(parts ~ 'digits', 'decimal(18, 4)') }}
            when {{ language }} = 'nl' and {{ parts }}digits ~ '^[0-9]{1,3}(\.[0-9]{3})+$'
                then {{ checked_cast("replace(" ~ parts ~ "digits, '.', '')", 'decimal(18, 4)') }}
            when {{ language }} = 'en' and {{ parts }}digits ~ '^[0-9]{1,3}(,[0-9]{3})+$'
                then {{ checked_cast("replace(" ~ parts ~ "digits, ',', '')", 'decimal(18, 4)') }}
            when {{ dutch_groups_on_english_page }}
                then {{ checked_cast("replace(" ~ parts ~ "digits, '.', '')", 'decimal(18, 4)') }}
            when {{ is_scaled }} and {{ language }} = 'nl' and {{ parts }}digits ~ '^[0-9]+,[0-9]{1,2}$'
                then {{ checked_cast("replace(" ~ parts ~ "digits, ',', '.')", 'decimal(18, 4)') }}
            when {{ is_scaled }} and {{ language }} = 'en' and {{ parts }}digits ~ '^[0-9]+\.[0-9]{1,2}$'
                then {{ checked_cast(parts ~ 'digits', 'decimal(18, 4)') }}
        end
    {%- endset -%}
    {%- set fields = {
        'value': "cast((" ~ number ~ ") * (" ~ multiplier ~ ") * (case when " ~ is_percent ~ " then 0.01 else 1 end) as decimal(18, 4))",
        'unit': "case when " ~ is_percent ~ " then 'ratio' when " ~ parts ~ "euro <> '' then 'eur' else coalesce(nullif(" ~ unit_word_unit ~ ", ''), 'count') end",
        'qualifier': parts ~ "qualifier",
        'number_convention': "case when " ~ dutch_groups_on_english_page ~ " then 'nl' else " ~ language ~ " end",
    } -%}
    case
        when
            {{ parts }}digits is null
            or {{ parts }}digits = ''
            or ({{ parts }}euro <> '' and ({{ parts }}unit_word <> '' or {{ parts }}percent <> ''))
            or ({{ parts }}percent <> '' and {{ parts }}unit_word <> '')
            or ({{ parts }}multiplier <> '' and ({{ parts }}percent <> '' or ({{ unit_word_unit }}) in ('ratio', 'months')))
            or ({{ number }}) is null
            then null
        else {{ fields[field] }}
    end
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

{#- One field of a reference period in a regular form: period_code, period_grain, period_start,
    period_end or reference_year; every field NULL for another form (irregular periods are in
    seeds/reference/ind_news_periods.csv). -#}
{% macro ind_news_period(printed, field) -%}
    {%- set year = checked_cast("left(" ~ printed ~ ", 4)", 'integer') -%}
    {%- set half = checked_cast("right(" ~ printed ~ ", 1)", 'integer') -%}
    {%- set last_year = checked_cast("right(" ~ printed ~ ", 4)", 'integer') -%}
    {%- set month_start = checked_cast(printed ~ " || '-01'", 'date') -%}
    {%- set ytd_month = english_month_number(regexp_group(printed, "'-([A-Z][a-z]{2})\\)$'", 1), abbreviated=true) -%}
    case
        when {{ printed }} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'
            then {{ _ind_news_period_field(field, printed, "'month'", month_start, dbt.last_day(month_start, 'month'), year) }}
        when {{ printed }} ~ '^[0-9]{4}$'
            then {{ _ind_news_period_field(
                field, printed, "'year'", "make_date(" ~ year ~ ", 1, 1)", "make_date(" ~ year ~ ", 12, 31)", year,
            ) }}
        when {{ printed }} ~ '^[0-9]{4}-H[12]$'
            then {{ _ind_news_period_field(
                field, printed, "'half_year'",
                "make_date(" ~ year ~ ", 6 * " ~ half ~ " - 5, 1)",
                dbt.last_day("make_date(" ~ year ~ ", 6 * " ~ half ~ ", 1)", 'month'),
                year,
            ) }}
        when {{ printed }} ~ '^[0-9]{4} \(Jan-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\)$'
            then {{ _ind_news_period_field(
                field,
                "left(" ~ printed ~ ", 4) || '-YTD-' || lpad(cast(" ~ ytd_month ~ " as varchar), 2, '0')", "'year_to_date'",
                "make_date(" ~ year ~ ", 1, 1)", dbt.last_day("make_date(" ~ year ~ ", " ~ ytd_month ~ ", 1)", 'month'), year,
            ) }}
        {#- Four digits each: the years compare as texts. #}
        when {{ printed }} ~ '^[0-9]{4}-[0-9]{4}$' and right({{ printed }}, 4) > left({{ printed }}, 4)
            then {{ _ind_news_period_field(
                field, printed, "'multi_year'", "make_date(" ~ year ~ ", 1, 1)",
                "make_date(" ~ last_year ~ ", 12, 31)", year,
            ) }}
    end
{%- endmacro %}

{%- macro _ind_news_period_field(field, code, grain, start, end, reference_year) -%}
    {%- set fields = {
        'period_code': "cast(" ~ code ~ " as varchar)",
        'period_grain': "cast(" ~ grain ~ " as varchar)",
        'period_start': "cast(" ~ start ~ " as date)",
        'period_end': "cast(" ~ end ~ " as date)",
        'reference_year': "cast(" ~ reference_year ~ " as integer)",
    } -%}
    {{ fields[field] }}
{%- endmacro %}

{#- One field of the page's date as shown: published_code, published_precision,
    published_start, published_end or published_comment; every field NULL for a form it does not
    know. A day, a month or a year with a comment in brackets, or undated. -#}
{% macro ind_news_published(printed, field) -%}
    {%- set comment = regexp_group(printed, "' \\((.+)\\)$'", 1) -%}
    {%- set year = checked_cast(regexp_group(printed, "'([0-9]{4})'", 1), 'integer') -%}
    {%- set month_start = checked_cast("left(" ~ printed ~ ", 7) || '-01'", 'date') -%}
    case
        when {{ is_iso_date(printed) }}
            then {{ _ind_news_published_field(
                field, printed, "'day'", checked_cast(printed, 'date'), checked_cast(printed, 'date'), "''",
            ) }}
        when
            {{ printed }} ~ '^[0-9]{4}-[0-9]{2}( \(.+\))?$'
            and substr({{ printed }}, 6, 2) between '01' and '12'
            then {{ _ind_news_published_field(
                field, "left(" ~ printed ~ ", 7)", "'month'", month_start, dbt.last_day(month_start, 'month'), comment,
            ) }}
        when {{ printed }} ~ '^((early|mid|late) )?[0-9]{4}( \(.+\))?$'
            then {{ _ind_news_published_field(
                field, "cast(" ~ year ~ " as varchar)", "'year'", "make_date(" ~ year ~ ", 1, 1)",
                "make_date(" ~ year ~ ", 12, 31)", comment,
            ) }}
        when {{ printed }} ~ '^undated( \(.+\))?$'
            then {{ _ind_news_published_field(field, "'undated'", "'undated'", "null", "null", comment) }}
    end
{%- endmacro %}

{%- macro _ind_news_published_field(field, code, precision, start, end, comment) -%}
    {%- set fields = {
        'published_code': "cast(" ~ code ~ " as varchar)",
        'published_precision': "cast(" ~ precision ~ " as varchar)",
        'published_start': "cast(" ~ start ~ " as date)",
        'published_end': "cast(" ~ end ~ " as date)",
        'published_comment': "cast(" ~ comment ~ " as varchar)",
    } -%}
    {{ fields[field] }}
{%- endmacro %}

{#- One field of the page: page_url, page_language or page_slug; every field NULL when the address
    is not ind.nl or its language cannot be told. The host is normalised (ind.nl. is ind.nl);
    paths of the old SharePoint site (.aspx), which is case-insensitive, are lower-cased; the
    language is the path's /nl/ or /en/, or Dutch on the old site's /nieuws/ and /over-ind/; the
    slug is the last path segment without .aspx, %20 written as a hyphen. -#}
{% macro ind_news_page(url, field) -%}
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
    {%- set fields = {
        'page_url': "'https://ind.nl' || (" ~ path ~ ")",
        'page_language': language,
        'page_slug': "replace(regexp_replace(" ~ regexp_group(path, "'([^/]*)/*$'", 1) ~ ", '\\.aspx$', ''), '%20', '-')",
    } -%}
    case
        when rtrim(lower({{ host }}), '.') = 'ind.nl' and ({{ language }}) is not null
            then {{ fields[field] }}
    end
{%- endmacro %}

{#- The key of a figure of the news pages in fct_figures: the release, the page's language (twin
    pages print each figure once each), the figure (period, product, indicator, country) and, on
    an overview page quoting several monthly items, the item. -#}
{% macro ind_news_figure_id(release_id, page_language, figure_key, quoted_item) -%}
    concat_ws('/', 'ind_news', {{ release_id }}, {{ page_language }}, {{ figure_key }}) || coalesce(' (' || {{ quoted_item }} || ')', '')
{%- endmacro %}
