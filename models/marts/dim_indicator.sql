with

indicators as (

    select * from {{ ref('stg_reference__indicators') }}

),

final as (

    select
        indicator_code,
        indicator_name_en,
        term_nl as indicator_name_nl,
        indicator_description,
        unit,
        short_unit,
        decimal_places,
        fact_table,
        is_derived,
        indicator_kind

    from indicators

)

select * from final
