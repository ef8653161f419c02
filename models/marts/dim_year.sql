with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

years as (

    select
        reference_year,
        count(distinct edition_year) as editions_reporting,
        min(edition_year) as first_edition_year,
        max(edition_year) as latest_edition_year

    from figures
    group by reference_year

),

final as (

    select
        reference_year,
        make_date(reference_year, 1, 1) as year_start_date,
        make_date(reference_year, 12, 31) as year_end_date,
        editions_reporting,
        first_edition_year,
        latest_edition_year

    from years

)

select * from final
