with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_staffing'
        and is_latest_edition

),

volumes as (

    select * from {{ ref('fct_volumes') }}

),

decisions_per_year as (

    select
        reference_year,
        cast(sum(volume) as bigint) as decisions_all_stages

    from volumes
    where indicator_code = 'decisions'
    group by reference_year

),

staffing as (

    select
        reference_year,
        max(edition_year) as edition_year,
        cast(max(value) filter (where indicator_code = 'civil_servants_fte') as decimal(18, 4))
            as civil_servants_fte,
        cast(max(value) filter (where indicator_code = 'external_staff_fte') as decimal(18, 4))
            as external_staff_fte,
        cast(max(value) filter (where indicator_code = 'total_staff_fte') as decimal(18, 4))
            as total_staff_fte,
        max(value_printed) filter (where indicator_code = 'civil_servants_fte')
            as civil_servants_fte_printed,
        max(value_printed) filter (where indicator_code = 'external_staff_fte')
            as external_staff_fte_printed,
        max(value_printed) filter (where indicator_code = 'total_staff_fte')
            as total_staff_fte_printed

    from figures
    group by reference_year

),

final as (

    select
        staffing.*,
        decisions_per_year.decisions_all_stages

    from staffing
    left join decisions_per_year
        on staffing.reference_year = decisions_per_year.reference_year

)

select * from final
