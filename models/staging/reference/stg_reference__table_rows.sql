with

source as (

    select * from {{ ref('table_rows') }}

),

renamed as (

    select
        product_code,
        row_label_nl,
        indicator_code,
        nullif(count_kind, '') as count_kind

    from source

)

select * from renamed
