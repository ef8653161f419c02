{#- The printed forms a figure may take. The extractor
    (python/src/jaarcijfers/sources/jaarcijfers/printed_figures.py) accepts exactly the same: both are tested against seeds/cases/printed_figures.csv. Bounded so that
    every value fits DECIMAL(18,4) exactly. -#}
{% macro printed_figure_patterns() -%}
    {{ return({
        'number': '[0-9]{1,3}(\\.[0-9]{3}){0,3}(,[0-9]{1,4})?',
        'percentage': '[0-9]{1,3}(,[0-9]{1,2})?%',
        'euro': '€ ?[0-9]{1,3}(\\.[0-9]{3}){0,3}(,[0-9]{1,2})?',
        'euro_millions': '€ ?[0-9]{1,3}(\\.[0-9]{3})?(,[0-9]{1,4})? mln',
        'unknown': 'onb\\.',
    }) }}
{%- endmacro %}

{#- True when the text is a figure in one of the printed forms; never stops the build. -#}
{% macro is_printed_figure(printed) -%}
    ({%- for pattern in printed_figure_patterns().values() %}
        {%- if not loop.first %} or {% endif -%}
        coalesce({{ printed }} ~ '^({{ pattern }})$', false)
    {%- endfor -%})
{%- endmacro %}

{#- How a figure is printed decides which parser reads it; the parser then checks the form
    strictly, and the indicator's unit is checked against the form later. -#}
{% macro printed_figure_format(printed) -%}
    case
        when {{ printed }} = 'onb.' then 'unknown'
        when right({{ printed }}, 1) = '%' then 'percentage'
        when left({{ printed }}, 1) = '€' then 'euro'
        else 'number'
    end
{%- endmacro %}

{#- 'onb.' (onbekend, not known) is a published absence: NULL, never zero. -#}
{% macro printed_figure_status(printed) -%}
    case when {{ printed }} = 'onb.' then 'unknown' else 'published' end
{%- endmacro %}

{#- Typed as a whole, so that every engine reports DECIMAL(18,4), not a bare numeric. -#}
{% macro parse_printed_figure(printed, row_context) -%}
    cast(
        case {{ printed_figure_format(printed) }}
            when 'unknown' then null
            when 'percentage' then {{ percentage_to_ratio(printed, row_context) }}
            when 'euro' then {{ euro_amount_to_eur(printed, row_context) }}
            else {{ dutch_number_to_decimal(printed, row_context) }}
        end
        as decimal(18, 4)
    )
{%- endmacro %}

{#- '€ 40,0 mln' -> '€ 40 mln', '5.416,50' -> '5.416,5', '€36,8 mln' -> '€ 36,8 mln': printed texts
    that stand for the same number spelled one way, so that they compare by value. -#}
{% macro canonical_printed_figure(printed) -%}
    regexp_replace(
        regexp_replace(regexp_replace({{ printed }}, '^€ ?', '€ '), '(,[0-9]*?)0+(%| mln)?$', '\1\2'),
        ',(%| mln)?$', '\1'
    )
{%- endmacro %}
