{%- set row_context -%}
concat('seeds/reference/cbs_releases.csv (', source_url, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('cbs_releases') }}

),

renamed as (

    select
        source_url,
        release_id,
        case
            when {{ is_iso_date('ordered_as_of') }} then {{ checked_cast('ordered_as_of', 'date') }}
            else {{ fail_build([
                row_context, "': ordered_as_of '''", "coalesce(ordered_as_of, '<empty>')", "''' is not a day YYYY-MM-DD'",
            ], 'date') }}
        end as ordered_as_of,
        order_basis

    from source

)

select * from renamed
