with

nationalities as (

    select * from {{ ref('stg_reference__nationalities') }}

),

final as (

    select
        nationality_code,
        nationality_nl,
        nationality_en,
        country_name_en,
        country_name_nl,
        iso_alpha2,
        iso_alpha3,
        country_label_news,
        code_standard

    from nationalities

)

select * from final
