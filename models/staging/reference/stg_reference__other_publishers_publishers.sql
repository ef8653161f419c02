with

source as (

    select * from {{ ref('other_publishers_publishers') }}

),

renamed as (

    select
        nullif(publisher, '') as publisher,
        nullif(publisher_code, '') as publisher_code,
        nullif(publisher_label, '') as publisher_label,
        nullif(page_language, '') as page_language,
        nullif(quotes_whom, '') as quotes_whom

    from source

)

select * from renamed
