with

source as (

    select * from {{ ref('table_rows') }}

),

renamed as (

    select
        product_code,
        row_label_nl,
        indicator_code

    from source

)

select * from renamed
