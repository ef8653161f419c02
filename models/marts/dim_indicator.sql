with

indicators as (

    select * from {{ ref('stg_reference__indicators') }}

),

final as (

    select
        indicator_code,
        indicator_name_en,
        term_nl as indicator_name_nl,
        term_nl_corrected as indicator_name_nl_corrected,
        indicator_description,
        unit,
        short_unit,
        decimal_places,
        rounded_to,
        fact_table,
        is_derived,
        indicator_kind,
        former_indicator_code

    from indicators

)

select * from final
