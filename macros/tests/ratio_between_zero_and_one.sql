{#- A share or rate is a ratio: 0.88, never 88. NULL (not known) passes; not_null is separate. -#}
{% test ratio_between_zero_and_one(model, column_name) %}
    select *
    from {{ model }}
    where {{ column_name }} < 0 or {{ column_name }} > 1
{% endtest %}
