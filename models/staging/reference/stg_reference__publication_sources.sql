{%- set row_context -%}
concat('seeds/reference/publication_sources.csv, ', source_file)
{%- endset -%}

with

source as (

    select * from {{ ref('publication_sources') }}

),

renamed as (

    select
        source_file,
        source_type,
        producer,
        nullif(published_url, '') as published_url,
        case
            when published_on is null then null
            when {{ is_iso_date('published_on') }} then {{ checked_cast('published_on', 'date') }}
            else {{ fail_build([
                row_context, "': published_on '''", "published_on", "''' is not a date (YYYY-MM-DD)'",
            ], 'date') }}
        end as published_on,
        case
            when {{ is_iso_date('accessed_on') }} then {{ checked_cast('accessed_on', 'date') }}
            else {{ fail_build([
                row_context, "': accessed_on '''", "coalesce(accessed_on, '<empty>')", "''' is not a date (YYYY-MM-DD)'",
            ], 'date') }}
        end as accessed_on,
        source_note

    from source

)

select * from renamed
