with

source as (

    select * from {{ ref('other_publishers_worded_values') }}

),

renamed as (

    select
        nullif(value_printed, '') as value_printed,
        {{ checked_cast("nullif(value, '')", 'decimal(18, 4)') }} as value,
        nullif(qualifier, '') as qualifier,
        nullif(reading_en, '') as reading_en

    from source

)

select * from renamed
