{% macro weeks_to_days(weeks) -%}
    ({{ weeks }}) * 7
{%- endmacro %}

{#- Footnote markers are printed as superscripts ('¹'); the footnotes are numbered 1, 2, ... -#}
{% macro footnote_marker_to_number(marker) -%}
    cast(nullif(translate({{ marker }}, '⁰¹²³⁴⁵⁶⁷⁸⁹', '0123456789'), '') as integer)
{%- endmacro %}
