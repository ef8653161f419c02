{#- The rows that break the keys and codes of a source's catalogues, from a list of checks, so
    that one test node checks a whole layer: dbt spends about as long starting a test as DuckDB
    spends running one of these, and a test per column made the build grow with every seed.
    Each check is a dict: model, check ('unique', 'not_null', 'accepted_values' or
    'relationship'), columns (a list), and values (accepted_values) or to and field
    (relationship). NULLs break only not_null, as in dbt's own generic tests, except in a key of
    several columns, where NULL is a value (a catalogue entry for every page has no page). -#}
{% macro key_violations(checks) %}
    {%- for check in checks %}
        {%- set key_text = "coalesce(cast(" ~ (check.columns | join(" as varchar), 'NULL') || ' | ' || coalesce(cast(")) ~ " as varchar), 'NULL')" %}
    select
        '{{ check.model }}' as model_name,
        '{{ check.check }}({{ check.columns | join(", ") }})' as check_name,
        {{ key_text }} as offending_value,
        count(*) as occurrences
    from {{ ref(check.model) }}
        {%- if check.check == 'unique' %}
            {%- if check.columns | length == 1 %}
    where {{ check.columns[0] }} is not null
            {%- endif %}
    group by {{ check.columns | join(', ') }}
    having count(*) > 1
        {%- elif check.check == 'not_null' %}
    where {{ check.columns[0] }} is null
    group by {{ check.columns[0] }}
        {%- elif check.check == 'accepted_values' %}
    where {{ check.columns[0] }} not in ('{{ check['values'] | join("', '") }}')
    group by {{ check.columns[0] }}
        {%- elif check.check == 'relationship' %}
    where {{ check.columns[0] }} is not null
        and {{ check.columns[0] }} not in (select {{ check.field }} from {{ ref(check.to) }} where {{ check.field }} is not null)
    group by {{ check.columns[0] }}
        {%- else %}
        {{ exceptions.raise_compiler_error("key_violations: unknown check '" ~ check.check ~ "' on " ~ check.model) }}
        {%- endif %}
        {%- if not loop.last %}
    union all
        {%- endif %}
    {%- endfor %}
{% endmacro %}
