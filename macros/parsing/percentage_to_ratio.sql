{#- '88%' -> 0.88, '7,5%' -> 0.075. At most two decimals in the percentage, so the ratio is exact. -#}
{% macro percentage_to_ratio(printed, row_context) -%}
    case
        when {{ printed }} ~ '^({{ printed_figure_patterns()["percentage"] }})$'
            then cast(
                cast(replace(rtrim({{ printed }}, '%'), ',', '.') as decimal(18, 4)) * 0.01
                as decimal(18, 4)
            )
        else {{ fail_build([row_context, "': cannot parse '''", "coalesce(" ~ printed ~ ", '<empty>')", "''' as a percentage such as 88% or 7,5%'"], 'decimal(18, 4)') }}
    end
{%- endmacro %}
