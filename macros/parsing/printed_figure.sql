{#- How a figure is printed decides how it is parsed; the indicator's unit is checked against it later. -#}
{% macro printed_figure_format(printed) -%}
    case
        when {{ printed }} = 'onb.' then 'unknown'
        when ends_with({{ printed }}, '%') then 'percentage'
        when starts_with({{ printed }}, '€') then 'euro'
        else 'number'
    end
{%- endmacro %}

{#- 'onb.' (onbekend, not known) is a published absence: NULL, never zero. -#}
{% macro printed_figure_status(printed) -%}
    case when {{ printed }} = 'onb.' then 'unknown' else 'published' end
{%- endmacro %}

{% macro parse_printed_figure(printed, row_context) -%}
    case {{ printed_figure_format(printed) }}
        when 'unknown' then null
        when 'percentage' then {{ percentage_to_ratio(printed, row_context) }}
        when 'euro' then {{ euro_amount_to_eur(printed, row_context) }}
        else {{ dutch_number_to_decimal(printed, row_context) }}
    end
{%- endmacro %}
