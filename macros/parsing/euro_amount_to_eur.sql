{#- '€ 36,8 mln' -> 36800000 EUR; '€ 1.250' -> 1250 EUR. -#}
{% macro euro_amount_to_eur(printed, row_context) -%}
    case
        when {{ printed }} ~ '^({{ printed_figure_patterns()["euro_millions"] }})$'
            then cast(
                cast(replace(replace({{ regexp_group(printed, "'([0-9][0-9.,]*)'", 1) }}, '.', ''), ',', '.') as decimal(18, 4))
                * 1000000 as decimal(18, 4)
            )
        when {{ printed }} ~ '^({{ printed_figure_patterns()["euro"] }})$'
            then cast(replace(replace({{ regexp_group(printed, "'([0-9][0-9.,]*)'", 1) }}, '.', ''), ',', '.') as decimal(18, 4))
        else {{ fail_build([row_context, "': cannot parse '''", "coalesce(" ~ printed ~ ", '<empty>')", "''' as a euro amount such as € 1.250 or € 36,8 mln'"], 'decimal(18, 4)') }}
    end
{%- endmacro %}
