with

indicators as (

    select * from {{ ref('dim_indicator') }}

),

final as (

    select
        indicator_code,
        indicator_name_en,
        indicator_name_nl,
        unit,
        is_derived,
        case when is_derived then 'derived by this project' else 'published' end as published_or_derived,
        indicator_description as definition,
        fact_table

    from indicators

)

select * from final
