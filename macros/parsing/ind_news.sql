{#- How the IND's news pages print values, periods, dates and addresses: the same forms as
    python/src/jaarcijfers/news_values.py, and both are tested against one table of printed
    cases (tests/cases/ind_news_printed_values.csv). Each macro gives NULL for a form it does not
    know; the model that uses it decides to stop the build. Casts behind a CASE are try_casts:
    DuckDB may compute an expression repeated in several branches once for every row, before the
    CASE picks the branch that applies. -#}

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

{#- The parts of a printed value: qualifier, euro sign, digits, multiplier, unit word, percent sign
    ('' where absent; digits '' when the text is no value at all). -#}
{% macro ind_news_value_parts(printed, language) -%}
    {%- set words = ind_news_words() -%}
    {%- set text = "replace(replace(replace(" ~ printed ~ ", chr(160), ' '), chr(8239), ' '), chr(8199), ' ')" -%}
    case {{ language }}
        {%- for lang in ['nl', 'en'] %}
            when '{{ lang }}' then regexp_extract(
                {{ text }},
                '^(?:({{ _regex_alternatives(words.qualifiers[lang]) }}) )?(€ ?)?([0-9][0-9.,]*)(?: ({{ _regex_alternatives(words.multipliers[lang].keys() | list) }}))?(?: ({{ _regex_alternatives(words.unit_words[lang].keys() | list) }}))?(%)?$',
                ['qualifier', 'euro', 'digits', 'multiplier', 'unit_word', 'percent']
            )
        {%- endfor %}
    end
{%- endmacro %}

{#- The value the parts spell, as struct(value, unit, qualifier, number_convention), or NULL.
    number_convention is how the digits were grouped: an English page that groups thousands with
    a dot (2.490) is read the Dutch way, since a count never has three decimals. -#}
{% macro ind_news_value_reading(parts, language) -%}
    {%- set words = ind_news_words() -%}
    {%- set p = '(' ~ parts ~ ')' -%}
    {%- set unit_word_unit -%}
        case {{ p }}.unit_word
            {%- for lang in ['nl', 'en'] %}{% for word, unit in words.unit_words[lang].items() %}
            when '{{ word }}' then '{{ unit }}'
            {%- endfor %}{% endfor %}
            else ''
        end
    {%- endset -%}
    {%- set multiplier -%}
        case {{ p }}.multiplier
            {%- for lang in ['nl', 'en'] %}{% for word, factor in words.multipliers[lang].items() %}
            when '{{ word }}' then {{ factor }}
            {%- endfor %}{% endfor %}
            else 1
        end
    {%- endset -%}
    {%- set is_percent = "(" ~ p ~ ".percent <> '' or (" ~ unit_word_unit ~ ") = 'ratio')" -%}
    {%- set is_scaled = "(" ~ p ~ ".multiplier <> '' or " ~ is_percent ~ ")" -%}
    {%- set dutch_groups_on_english_page -%}
        ({{ language }} = 'en' and not {{ is_scaled }} and regexp_full_match({{ p }}.digits, '[0-9]{1,3}(\.[0-9]{3})+'))
    {%- endset -%}
    {%- set number -%}
        case
            when regexp_full_match({{ p }}.digits, '[0-9]+') then try_cast({{ p }}.digits as decimal(18, 4))
            when {{ language }} = 'nl' and regexp_full_match({{ p }}.digits, '[0-9]{1,3}(\.[0-9]{3})+')
                then try_cast(replace({{ p }}.digits, '.', '') as decimal(18, 4))
            when {{ language }} = 'en' and regexp_full_match({{ p }}.digits, '[0-9]{1,3}(,[0-9]{3})+')
                then try_cast(replace({{ p }}.digits, ',', '') as decimal(18, 4))
            when {{ dutch_groups_on_english_page }} then try_cast(replace({{ p }}.digits, '.', '') as decimal(18, 4))
            when {{ is_scaled }} and {{ language }} = 'nl' and regexp_full_match({{ p }}.digits, '[0-9]+,[0-9]{1,2}')
                then try_cast(replace({{ p }}.digits, ',', '.') as decimal(18, 4))
            when {{ is_scaled }} and {{ language }} = 'en' and regexp_full_match({{ p }}.digits, '[0-9]+\.[0-9]{1,2}')
                then try_cast({{ p }}.digits as decimal(18, 4))
        end
    {%- endset -%}
    case
        when
            {{ p }}.digits is null
            or {{ p }}.digits = ''
            or ({{ p }}.euro <> '' and ({{ p }}.unit_word <> '' or {{ p }}.percent <> ''))
            or ({{ p }}.percent <> '' and {{ p }}.unit_word <> '')
            or ({{ p }}.multiplier <> '' and ({{ p }}.percent <> '' or ({{ unit_word_unit }}) in ('ratio', 'months')))
            or ({{ number }}) is null
            then null
        else struct_pack(
            value := cast(
                ({{ number }}) * ({{ multiplier }}) * (case when {{ is_percent }} then 0.01 else 1 end)
                as decimal(18, 4)
            ),
            unit := case
                when {{ is_percent }} then 'ratio'
                when {{ p }}.euro <> '' then 'eur'
                else coalesce(nullif({{ unit_word_unit }}, ''), 'count')
            end,
            qualifier := {{ p }}.qualifier,
            number_convention := case when {{ dutch_groups_on_english_page }} then 'nl' else {{ language }} end
        )
    end
{%- endmacro %}

{#- A reference period in a regular form, as struct(period_code, period_grain, period_start,
    period_end, reference_year), or NULL (irregular periods are in seeds/reference/ind_news_periods.csv). -#}
{% macro ind_news_period(printed) -%}
    {%- set year = "try_cast(left(" ~ printed ~ ", 4) as integer)" -%}
    {%- set ytd_month -%}
        month(try_strptime(regexp_extract({{ printed }}, '-([A-Z][a-z]{2})\)$', 1) || ' 2000', '%b %Y'))
    {%- endset -%}
    case
        when regexp_full_match({{ printed }}, '[0-9]{4}-(0[1-9]|1[0-2])')
            then {{ _ind_news_period_struct(printed, "'month'", "try_cast(" ~ printed ~ " || '-01' as date)", "last_day(try_cast(" ~ printed ~ " || '-01' as date))", year) }}
        when regexp_full_match({{ printed }}, '[0-9]{4}')
            then {{ _ind_news_period_struct(printed, "'year'", "make_date(" ~ year ~ ", 1, 1)", "make_date(" ~ year ~ ", 12, 31)", year) }}
        when regexp_full_match({{ printed }}, '[0-9]{4}-H[12]')
            then {{ _ind_news_period_struct(
                printed, "'half_year'",
                "make_date(" ~ year ~ ", 6 * try_cast(right(" ~ printed ~ ", 1) as integer) - 5, 1)",
                "last_day(make_date(" ~ year ~ ", 6 * try_cast(right(" ~ printed ~ ", 1) as integer), 1))",
                year,
            ) }}
        when regexp_full_match({{ printed }}, '[0-9]{4} \(Jan-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\)')
            then {{ _ind_news_period_struct(
                "left(" ~ printed ~ ", 4) || '-YTD-' || lpad(cast(" ~ ytd_month ~ " as varchar), 2, '0')", "'year_to_date'",
                "make_date(" ~ year ~ ", 1, 1)", "last_day(make_date(" ~ year ~ ", " ~ ytd_month ~ ", 1))", year,
            ) }}
        when
            regexp_full_match({{ printed }}, '[0-9]{4}-[0-9]{4}')
            and try_cast(right({{ printed }}, 4) as integer) > {{ year }}
            then {{ _ind_news_period_struct(
                printed, "'multi_year'", "make_date(" ~ year ~ ", 1, 1)",
                "make_date(try_cast(right(" ~ printed ~ ", 4) as integer), 12, 31)", year,
            ) }}
    end
{%- endmacro %}

{%- macro _ind_news_period_struct(code, grain, start, end, reference_year) -%}
    struct_pack(
        period_code := cast({{ code }} as varchar),
        period_grain := cast({{ grain }} as varchar),
        period_start := cast({{ start }} as date),
        period_end := cast({{ end }} as date),
        reference_year := cast({{ reference_year }} as integer)
    )
{%- endmacro %}

{#- The page's date as shown, as struct(published_code, published_precision, published_start,
    published_end, published_comment), or NULL: a day, a month or a year with a comment in
    brackets, or undated. -#}
{% macro ind_news_published(printed) -%}
    {%- set comment = "coalesce(nullif(regexp_extract(" ~ printed ~ ", ' \\((.+)\\)$', 1), ''), '')" -%}
    {%- set year = "try_cast(regexp_extract(" ~ printed ~ ", '[0-9]{4}') as integer)" -%}
    case
        when regexp_full_match({{ printed }}, '[0-9]{4}-[0-9]{2}-[0-9]{2}') and try_cast({{ printed }} as date) is not null
            then {{ _ind_news_published_struct(printed, "'day'", "try_cast(" ~ printed ~ " as date)", "try_cast(" ~ printed ~ " as date)", "''") }}
        when
            regexp_full_match({{ printed }}, '[0-9]{4}-[0-9]{2}( \(.+\))?')
            and try_cast(substr({{ printed }}, 6, 2) as integer) between 1 and 12
            then {{ _ind_news_published_struct(
                "left(" ~ printed ~ ", 7)", "'month'", "try_cast(left(" ~ printed ~ ", 7) || '-01' as date)",
                "last_day(try_cast(left(" ~ printed ~ ", 7) || '-01' as date))", comment,
            ) }}
        when regexp_full_match({{ printed }}, '((early|mid|late) )?[0-9]{4}( \(.+\))?')
            then {{ _ind_news_published_struct(
                "cast(" ~ year ~ " as varchar)", "'year'", "make_date(" ~ year ~ ", 1, 1)",
                "make_date(" ~ year ~ ", 12, 31)", comment,
            ) }}
        when regexp_full_match({{ printed }}, 'undated( \(.+\))?')
            then {{ _ind_news_published_struct("'undated'", "'undated'", "null", "null", comment) }}
    end
{%- endmacro %}

{%- macro _ind_news_published_struct(code, precision, start, end, comment) -%}
    struct_pack(
        published_code := cast({{ code }} as varchar),
        published_precision := cast({{ precision }} as varchar),
        published_start := cast({{ start }} as date),
        published_end := cast({{ end }} as date),
        published_comment := cast({{ comment }} as varchar)
    )
{%- endmacro %}

{#- The page, as struct(page_url, page_language, page_slug), or NULL. The host is normalised
    (ind.nl. is ind.nl); paths of the old SharePoint site (.aspx), which is case-insensitive, are
    lower-cased; the language is the path's /nl/ or /en/, or Dutch on the old site's /nieuws/ and
    /over-ind/; the slug is the last path segment without .aspx, %20 written as a hyphen. -#}
{% macro ind_news_page(url) -%}
    {%- set parts = "regexp_extract(" ~ url ~ ", '^https?://([^/?#]+)(/[^?#]*)$', ['host', 'path'])" -%}
    {%- set raw_path = "(" ~ parts ~ ").path" -%}
    {%- set path = "case when ends_with(lower(" ~ raw_path ~ "), '.aspx') then lower(" ~ raw_path ~ ") else " ~ raw_path ~ " end" -%}
    {%- set first_segment = "split_part(" ~ path ~ ", '/', 2)" -%}
    {%- set language -%}
        case
            when {{ first_segment }} in ('nl', 'en') then {{ first_segment }}
            when lower({{ first_segment }}) in ('nieuws', 'over-ind') then 'nl'
        end
    {%- endset -%}
    case
        when rtrim(lower(({{ parts }}).host), '.') = 'ind.nl' and ({{ language }}) is not null
            then struct_pack(
                page_url := 'https://ind.nl' || ({{ path }}),
                page_language := {{ language }},
                page_slug := replace(regexp_replace(regexp_extract({{ path }}, '([^/]*)/*$', 1), '\.aspx$', ''), '%20', '-')
            )
    end
{%- endmacro %}

{#- The key of a figure of the news pages in fct_figures: the release, the page's language (twin
    pages print each figure once each), the figure (period, product, indicator, country) and, on
    an overview page quoting several monthly items, the item. -#}
{% macro ind_news_figure_id(release_id, page_language, figure_key, quoted_item) -%}
    concat_ws('/', 'ind_news', {{ release_id }}, {{ page_language }}, {{ figure_key }}) || coalesce(' (' || {{ quoted_item }} || ')', '')
{%- endmacro %}
