{#- The text a capture group of a regular expression matched: '' when the text does not match
    or the group takes no part, NULL when the text is NULL. Group 1 is the first. -#}
{% macro regexp_group(text, pattern, group) -%}
    {{ return(adapter.dispatch('regexp_group', 'ind_jaarcijfers')(text, pattern, group)) }}
{%- endmacro %}

{#- regexp_match() gives the groups as an array, or NULL when there is no match. -#}
{% macro default__regexp_group(text, pattern, group) -%}
    case when ({{ text }}) is not null then coalesce((regexp_match({{ text }}, {{ pattern }}))[{{ group }}], '') end
{%- endmacro %}

{% macro duckdb__regexp_group(text, pattern, group) -%}
    regexp_extract({{ text }}, {{ pattern }}, {{ group }})
{%- endmacro %}
