{#- Rows where a printed total differs from the sum of its printed parts by more than the
    tolerance (rounding in the publication). Rows where any part is unknown are not judged. -#}
{% test totals_equal_parts(model, total_column, part_columns, tolerance=0) %}
    select
        *,
        {{ total_column }} - ({{ part_columns | join(' + ') }}) as difference
    from {{ model }}
    where {{ total_column }} is not null
        {%- for part in part_columns %}
        and {{ part }} is not null
        {%- endfor %}
        and abs({{ total_column }} - ({{ part_columns | join(' + ') }})) > {{ tolerance }}
{% endtest %}
