{#- 38670 -> '38.670', 36.8 -> '36,8': the publication's own way of printing a number, used to
    check that every normalised value prints back to exactly what was published. -#}
{% macro format_dutch_number(number) -%}
    concat(
        replace({{ thousands_grouped("trunc(" ~ number ~ ")") }}, ',', '.'),
        nullif(
            concat(',', rtrim(split_part(cast(abs({{ number }}) - trunc(abs({{ number }})) as varchar), '.', 2), '0')),
            ','
        )
    )
{%- endmacro %}
