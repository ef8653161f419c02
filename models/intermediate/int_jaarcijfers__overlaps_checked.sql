{#- The overlap register's rules that the printed figures can test, per edition and year: first
    asylum applications come back in the tracks (footnote 2), so the tracks hold at least as many;
    and the Nareizigers table does not contain Nareis 8 EVRM bij AMV (footnote 1), or the
    nareis-only remainder would grant more than every decision. Rules and reasons:
    seeds/reference/overlap_register.csv and seeds/reference/consistency_checks.csv. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

asylum_intake as (

    select
        edition_year,
        reference_year,
        max(value) filter (where count_kind = 'first_asylum_applications') as first_applications,
        sum(value) filter (where count_kind = 'track_intake') as track_intake,
        max(table_heading_nl) filter (where count_kind = 'first_asylum_applications') as table_heading_nl,
        max(row_label_nl) filter (where count_kind = 'first_asylum_applications') as row_label_nl,
        array_agg(figure_id order by figure_id) as input_figure_ids

    from figures
    where count_kind in ('first_asylum_applications', 'track_intake')
    group by edition_year, reference_year
    -- Compared only where the edition prints all three tracks.
    having count(value) filter (where count_kind = 'track_intake') = 3

),

first_applications_within_tracks as (

    select
        'first_applications_within_tracks' as check_code,
        'count' as unit,
        edition_year,
        'asylum_first_applications' as product_code,
        'first_asylum_applications' as indicator_code,
        reference_year,
        concat_ws(' / ', table_heading_nl, row_label_nl, reference_year) as subject,
        track_intake as expected_value,
        first_applications as printed_value,
        input_figure_ids

    from asylum_intake
    where first_applications is not null

),

family_reunification as (

    select
        edition_year,
        reference_year,
        max(value) filter (where product_code = 'asylum_family_reunification' and indicator_code = 'decisions')
            as nareis_decisions,
        max(value) filter (where product_code = 'asylum_family_reunification' and indicator_code = 'grant_rate')
            as nareis_grant_rate,
        max(value) filter (
            where product_code = 'asylum_family_reunification_art8_minors' and indicator_code = 'decisions'
        ) as art8_decisions,
        max(value) filter (
            where product_code = 'asylum_family_reunification_art8_minors' and indicator_code = 'grant_rate'
        ) as art8_grant_rate,
        max(rounded_to) filter (where indicator_code = 'decisions') as decisions_rounded_to,
        max(rounded_to) filter (where indicator_code = 'grant_rate') as rate_rounded_to,
        array_agg(figure_id order by figure_id) as input_figure_ids

    from figures
    where
        product_code in ('asylum_family_reunification', 'asylum_family_reunification_art8_minors')
        and indicator_code in ('decisions', 'grant_rate')
    group by edition_year, reference_year

),

-- Were the 8 EVRM cases inside the Nareizigers table, the rest would be granted at
-- (nareis grants − 8 EVRM grants) ÷ (nareis decisions − 8 EVRM decisions). Taken at the lowest
-- the rounded figures allow, that rate above 1 means the tables cannot be nested.
nareis_excludes_art8_minors as (

    select
        'nareis_excludes_art8_minors' as check_code,
        'ratio' as unit,
        edition_year,
        'asylum_family_reunification' as product_code,
        'grant_rate' as indicator_code,
        reference_year,
        concat('Nareizigers without Nareis 8 EVRM bij AMV, were it nested, ', reference_year) as subject,
        1 as expected_value,
        (
            (nareis_decisions - decisions_rounded_to * 0.5) * (nareis_grant_rate - rate_rounded_to * 0.5)
            - (art8_decisions + decisions_rounded_to * 0.5) * (art8_grant_rate + rate_rounded_to * 0.5)
        ) / ((nareis_decisions + decisions_rounded_to * 0.5) - (art8_decisions - decisions_rounded_to * 0.5))
            as printed_value,
        input_figure_ids

    from family_reunification
    where
        nareis_decisions is not null and nareis_grant_rate is not null
        and art8_decisions is not null and art8_grant_rate is not null
        and nareis_decisions > art8_decisions

)

select
    check_code,
    unit,
    edition_year,
    product_code,
    indicator_code,
    reference_year,
    subject,
    expected_value,
    printed_value,
    input_figure_ids
from first_applications_within_tracks
union all
select
    check_code,
    unit,
    edition_year,
    product_code,
    indicator_code,
    reference_year,
    subject,
    expected_value,
    printed_value,
    input_figure_ids
from nareis_excludes_art8_minors
