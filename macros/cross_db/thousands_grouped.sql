{#- A whole number as text with its thousands grouped by commas: 38670 -> '38,670',
    -1234567 -> '-1,234,567'. -#}
{% macro thousands_grouped(number) -%}
    {{ return(adapter.dispatch('thousands_grouped', 'ind_jaarcijfers')(number)) }}
{%- endmacro %}

{#- to_char with a picture of literal commas (not G, which follows the server's locale); FM drops
    the padding. Nineteen digits hold every bigint. -#}
{% macro default__thousands_grouped(number) -%}
    to_char(cast({{ number }} as bigint), 'FM9,999,999,999,999,999,990')
{%- endmacro %}

{% macro duckdb__thousands_grouped(number) -%}
    format('{:,}', cast({{ number }} as bigint))
{%- endmacro %}
