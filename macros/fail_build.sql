{#- Stops the query, and with it the build, with a message; DuckDB's error() raises per row. -#}
{% macro fail_build(message_parts) -%}
    error(concat({{ message_parts | join(', ') }}))
{%- endmacro %}
