-- Footnote 2 of the 2024 edition: first asylum applications are counted again in tracks 1, 2
-- and 4, so the tracks' applications together are at least the first applications.
with

applications as (

    select
        edition_year,
        reference_year,
        sum(value) filter (where product_code = 'asylum_first_applications') as first_applications,
        sum(value) filter (
            where product_code in ('asylum_track_1_dublin', 'asylum_track_2_safe_country', 'asylum_track_4_general')
        ) as track_applications
    from {{ ref('fct_figures') }}
    where
        source_code = 'jaarcijfers'
        and indicator_code in ('applications', 'first_asylum_applications')
    group by edition_year, reference_year

)

select * from applications
where first_applications > track_applications
