{% macro weeks_to_days(weeks) -%}
    ({{ weeks }}) * 7
{%- endmacro %}

{#- Footnote markers are printed as superscripts ('¹'); the footnotes are numbered 1, 2, ... -#}
{% macro footnote_marker_to_number(marker) -%}
    cast(nullif(translate({{ marker }}, '⁰¹²³⁴⁵⁶⁷⁸⁹', '0123456789'), '') as integer)
{%- endmacro %}

{#- A count held as a decimal (a parsed figure, a difference of counts) as the bigint every count
    column of the marts is. A count is a whole number: a value with a fraction stops the build
    naming the row and the value, never rounded. -#}
{% macro count_to_bigint(value, row_context) -%}
    case
        when ({{ value }}) <> round({{ value }})
            then {{ fail_build([row_context, "': a count is not a whole number: '", "cast(" ~ value ~ " as varchar)"], 'bigint') }}
        else cast({{ value }} as bigint)
    end
{%- endmacro %}
