with

count_kinds as (

    select * from {{ ref('stg_reference__count_kinds') }}

),

final as (

    select
        count_kind,
        count_kind_name_en,
        counted_as,
        is_application_received,
        count_kind_description

    from count_kinds

)

select * from final
