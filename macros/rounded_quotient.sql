{#- numerator ÷ denominator rounded to `decimals` places, half away from zero, exactly: DuckDB
    divides numbers as doubles, in which 63.80625 may be 63.806249999… and round down, and
    PostgreSQL's numeric division picks its own scale. Both sides are scaled to whole numbers
    (they carry at most 4 decimals, like every value here) and divided as integers
    (integer_quotient). NULL when the denominator is 0 or NULL. -#}
{% macro rounded_quotient(numerator, denominator, decimals=4) -%}
    {%- set scaled_numerator = "abs(cast((" ~ numerator ~ ") * 10000 as decimal(38, 0)))" -%}
    {%- set scaled_denominator = "abs(cast((" ~ denominator ~ ") * 10000 as decimal(38, 0)))" -%}
    cast(
        cast(
            sign({{ numerator }}) * sign({{ denominator }})
            * {{ integer_quotient(
                "2 * " ~ scaled_numerator ~ " * " ~ 10 ** decimals ~ " + " ~ scaled_denominator,
                "nullif(2 * " ~ scaled_denominator ~ ", 0)",
            ) }}
            as decimal(38, {{ decimals }})
        ) * {{ 1 / 10 ** decimals }}
        as decimal(18, {{ decimals }})
    )
{%- endmacro %}
