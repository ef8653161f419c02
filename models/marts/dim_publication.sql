with

publications as (

    select * from {{ ref('stg_jaarcijfers__publications') }}

),

sources as (

    select * from {{ ref('stg_reference__publication_sources') }}

),

source_types as (

    select * from {{ ref('stg_reference__source_types') }}

),

final as (

    select
        publications.edition_year,
        publications.title_printed,
        sources.source_type,
        case
            when source_types.source_type is not null then source_types.is_complete_edition
            else {{ fail_build([
                "'seeds/reference/publication_sources.csv, '", "publications.source_file",
                "': source_type '''", "coalesce(sources.source_type, '<no row for this file>')",
                "''' is not in seeds/reference/source_types.csv'",
            ]) }}
        end as is_complete_edition,
        sources.producer,
        sources.published_url,
        sources.published_on,
        sources.accessed_on,
        publications.source_file,
        publications.sha256,
        cast(publications.line_count as bigint) as line_count,
        cast(publications.table_count as bigint) as table_count,
        cast(publications.figure_count as bigint) as figure_count,
        cast(publications.top_nationality_count as bigint) as top_nationality_count,
        cast(publications.footnote_count as bigint) as footnote_count,
        sources.source_note

    from publications
    left join sources
        on publications.source_file = sources.source_file
    left join source_types
        on sources.source_type = source_types.source_type

)

select * from final
