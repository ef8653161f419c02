-- One definition of a printed figure: the staging macros accept exactly the forms in
-- seeds/cases/printed_figures.csv marked accepted (as the extractor does, tested against the
-- same file by python/tests/test_figures.py) and read each to the value given there.
with

cases as (

    select * from {{ ref('printed_figures') }}

),

judged as (

    select
        printed,
        accepted = 'true' as should_be_accepted,
        {{ is_printed_figure('printed') }} as is_accepted,
        form,
        cast(value as decimal(18, 4)) as expected_value

    from cases

),

read_back as (

    select
        *,
        {{ printed_figure_format('printed') }} as read_form,
        {{ parse_printed_figure('printed', "concat('seeds/cases/printed_figures.csv: ', printed)") }} as read_value

    from judged
    where should_be_accepted and is_accepted

)

select
    printed,
    concat('accepted by the macros: ', is_accepted, ', by the case table: ', should_be_accepted) as failure
from judged
where is_accepted <> should_be_accepted
union all
select
    printed,
    'read as ' || read_form || ' ' || coalesce(cast(read_value as varchar), 'NULL')
    || ', the case table says ' || form || ' ' || coalesce(cast(expected_value as varchar), 'NULL') as failure
from read_back
where read_form <> form or read_value is distinct from expected_value
