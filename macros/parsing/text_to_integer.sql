{#- Years and line numbers arrive as text; a cast failure would not say which row broke. -#}
{% macro text_to_integer(printed, row_context) -%}
    case
        when {{ printed }} ~ '^[0-9]{1,9}$' then cast({{ printed }} as integer)
        else {{ fail_build([row_context, "': cannot parse '''", "coalesce(" ~ printed ~ ", '<empty>')", "''' as a whole number'"], 'integer') }}
    end
{%- endmacro %}
