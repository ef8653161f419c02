{#- '€ 36,8 mln' -> 36800000 EUR; '€ 1.250' -> 1250 EUR. -#}
{% macro euro_amount_to_eur(printed, row_context) -%}
    case
        when regexp_full_match({{ printed }}, '€ ?[0-9]{1,3}(\.[0-9]{3})?(,[0-9]{1,4})? mln')
            then cast(
                cast(replace(replace(regexp_extract({{ printed }}, '[0-9][0-9.,]*'), '.', ''), ',', '.') as decimal(18, 4))
                * 1000000 as decimal(18, 4)
            )
        when regexp_full_match({{ printed }}, '€ ?[0-9]{1,3}(\.[0-9]{3}){0,3}(,[0-9]{1,2})?')
            then cast(replace(replace(regexp_extract({{ printed }}, '[0-9][0-9.,]*'), '.', ''), ',', '.') as decimal(18, 4))
        else {{ fail_build([row_context, "': cannot parse '''", "coalesce(" ~ printed ~ ", '<empty>')", "''' as a euro amount such as € 36,8 mln'"]) }}
    end
{%- endmacro %}
