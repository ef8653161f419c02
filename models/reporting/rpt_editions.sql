with

publications as (

    select * from {{ ref('dim_publication') }}

),

final as (

    select
        edition_year,
        title_printed

    from publications

)

select * from final
