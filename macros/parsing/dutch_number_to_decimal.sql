{#- '38.670' -> 38670, '5.416,5' -> 5416.5. Dots group thousands, a comma starts the decimals.
    Anything else stops the build: a number is never guessed. -#}
{% macro dutch_number_to_decimal(printed, row_context) -%}
    case
        when {{ printed }} ~ '^({{ printed_figure_patterns()["number"] }})$'
            then cast(replace(replace({{ printed }}, '.', ''), ',', '.') as decimal(18, 4))
        else {{ fail_build([row_context, "': cannot parse '''", "coalesce(" ~ printed ~ ", '<empty>')", "''' as a Dutch number such as 38.670 or 5.416,5'"], 'decimal(18, 4)') }}
    end
{%- endmacro %}
