{#- numerator ÷ denominator rounded to `decimals` places, half away from zero, exactly: DuckDB
    divides numbers as doubles, in which 63.80625 may be 63.806249999… and round down. Both sides
    are scaled to whole numbers (they carry at most 4 decimals, like every value here) and
    divided as integers. NULL when the denominator is 0 or NULL. -#}
{% macro rounded_quotient(numerator, denominator, decimals=4) -%}
    cast(
        cast(
            sign({{ numerator }}) * sign({{ denominator }})
            * (
                (
                    2 * abs(cast(({{ numerator }}) * 10000 as hugeint)) * {{ 10 ** decimals }}
                    + abs(cast(({{ denominator }}) * 10000 as hugeint))
                ) // nullif(2 * abs(cast(({{ denominator }}) * 10000 as hugeint)), 0)
            ) as decimal(38, {{ decimals }})
        ) * {{ 1 / 10 ** decimals }}
        as decimal(18, {{ decimals }})
    )
{%- endmacro %}
