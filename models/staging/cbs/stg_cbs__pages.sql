{#- The pages the CBS figures come from, as the transcriber described them, with the page's
    language and date read as in stg_cbs__figures. -#}
{%- set row_context -%}
concat('seeds/raw/cbs/cbs_pages.csv (', source_file, ', line ', source_line, ')')
{%- endset -%}
{%- set release_date = cbs_published('published') -%}

with

source as (

    select * from {{ ref('cbs_pages') }}

),

renamed as (

    select
        source_file,
        {{ text_to_integer('source_line', row_context) }} as source_line,
        source_url,
        {{ cbs_page_language('source_url') }} as page_language,
        {{ cbs_release_from_url('source_url') }} as url_release_id,
        published as published_printed,
        {{ release_date.published_precision }} as published_precision,
        {{ release_date.published_start }} as published_start,
        {{ release_date.published_end }} as published_end,
        title,
        what_it_holds,
        how_complete

    from source

)

select * from renamed
