with

metrics as (

    select * from {{ ref('stg_reference__metrics') }}

),

final as (

    select
        metric_code,
        metric_name_en,
        term_nl as metric_name_nl,
        metric_description,
        unit,
        short_unit,
        decimal_places,
        fact_table,
        is_derived

    from metrics

)

select * from final
