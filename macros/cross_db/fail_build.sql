{#- Stops the query, and with it the build, with a message made of SQL string expressions; the
    first names the row (seed file, edition, line), the rest what is wrong with which value.
    `data_type` is the type of the CASE branch the call stands in (boolean for a check, or the
    type of the value parsed): PostgreSQL types every branch, DuckDB's error() takes any. -#}
{% macro fail_build(message_parts, data_type='boolean') -%}
    {{ return(adapter.dispatch('fail_build', 'ind_jaarcijfers')(message_parts, data_type)) }}
{%- endmacro %}

{#- SQL has no standard way to raise an error from a query. This one needs no function on the
    server: the message cast to an integer fails, and the database's error quotes the text it
    could not cast ("invalid input syntax for type integer: "seeds/raw/...: cannot parse ..."").
    concat() is not immutable, so the planner never folds the cast ahead of the row that
    reaches it; the NULL after it is never returned. -#}
{% macro default__fail_build(message_parts, data_type) -%}
    case when cast(concat({{ message_parts | join(', ') }}) as integer) is not null then cast(null as {{ data_type }}) end
{%- endmacro %}

{#- DuckDB's error() raises per row with exactly the message, and has the type of its branch. -#}
{% macro duckdb__fail_build(message_parts, data_type) -%}
    error(concat({{ message_parts | join(', ') }}))
{%- endmacro %}
