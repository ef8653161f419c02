{#- numerator ÷ denominator of two whole, non-negative numbers, truncated to a whole number,
    computed exactly (no double on the way). -#}
{% macro integer_quotient(numerator, denominator) -%}
    {{ return(adapter.dispatch('integer_quotient', 'ind_jaarcijfers')(numerator, denominator)) }}
{%- endmacro %}

{#- div() is the SQL-standard-style integer division of numerics (PostgreSQL and others). -#}
{% macro default__integer_quotient(numerator, denominator) -%}
    div(cast({{ numerator }} as numeric), cast({{ denominator }} as numeric))
{%- endmacro %}

{#- DuckDB divides decimals as doubles and has no div(); // on 128-bit integers is exact. -#}
{% macro duckdb__integer_quotient(numerator, denominator) -%}
    (cast({{ numerator }} as hugeint) // cast({{ denominator }} as hugeint))
{%- endmacro %}
