with

publications as (

    select * from {{ ref('stg_jaarcijfers__publications') }}

),

sources as (

    select * from {{ ref('stg_reference__publication_sources') }}

),

final as (

    select
        publications.edition_year,
        publications.title_printed,
        sources.source_type,
        sources.producer,
        sources.published_url,
        sources.published_on,
        sources.accessed_on,
        publications.source_file,
        publications.sha256,
        publications.line_count,
        publications.table_count,
        publications.figure_count,
        publications.top_nationality_count,
        publications.footnote_count,
        sources.source_note

    from publications
    left join sources
        on publications.source_file = sources.source_file

)

select * from final
