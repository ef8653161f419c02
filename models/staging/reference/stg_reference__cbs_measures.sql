with

source as (

    select * from {{ ref('cbs_measures') }}

),

renamed as (

    select
        measure_en,
        measure_nl,
        nullif(source_url, '') as source_url,
        indicator_code,
        counted,
        grain,
        description as measure_description

    from source

)

select * from renamed
