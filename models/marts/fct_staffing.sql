with

figures as (

    select * from {{ ref('int_figures_catalogued') }}
    where
        fact_table = 'fct_staffing'
        and is_latest_edition

),

final as (

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

)

select * from final
