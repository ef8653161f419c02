{#- A cast of a text the caller has already checked (by a regular expression in the CASE around
    it) to be a value of the type: the same value on every engine. DuckDB may evaluate an
    expression that occurs in several branches of a CASE for every row before the CASE chooses
    (common subexpressions), so there it is a try_cast, which gives NULL for the rows the check
    keeps it from; elsewhere a plain cast, which only the checked rows reach. -#}
{% macro checked_cast(text, data_type) -%}
    {{ return(adapter.dispatch('checked_cast', 'ind_jaarcijfers')(text, data_type)) }}
{%- endmacro %}

{% macro default__checked_cast(text, data_type) -%}
    cast({{ text }} as {{ data_type }})
{%- endmacro %}

{% macro duckdb__checked_cast(text, data_type) -%}
    try_cast({{ text }} as {{ data_type }})
{%- endmacro %}
