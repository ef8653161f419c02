with

source as (

    select * from {{ ref('nationalities') }}

),

renamed as (

    select
        iso_alpha3 as nationality_code,
        nationality_nl,
        nationality_en,
        country_name_en,
        country_name_nl,
        nullif(iso_alpha2, '') as iso_alpha2,
        iso_alpha3,
        country_label_news,
        code_standard

    from source

)

select * from renamed
