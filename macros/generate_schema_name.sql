{#- Users query marts.fct_figures, not main_marts.fct_figures: a folder's schema is used as named.
    IND_SCHEMA_SUFFIX builds a set of schemas of its own (marts__building, ...): a build on a
    PostgreSQL server writes there and swaps the set in when it is whole (publish_postgres.py). -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}{{ env_var('IND_SCHEMA_SUFFIX', '') }}
    {%- else -%}
        {{ custom_schema_name | trim }}{{ env_var('IND_SCHEMA_SUFFIX', '') }}
    {%- endif -%}
{%- endmacro %}
