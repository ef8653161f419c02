{%- set row_context -%}
concat('seeds/reference/cbs_misprints.csv (', source_url, ', ', reference_period, ')')
{%- endset -%}

with

source as (

    select * from {{ ref('cbs_misprints') }}

),

renamed as (

    select
        source_url,
        reference_period,
        measure_en,
        nullif(nationality, '') as nationality_printed,
        value_printed,
        case
            when value_elsewhere ~ '^[0-9]{1,12}$' then cast(value_elsewhere as bigint)
            else {{ fail_build([
                row_context, "': value_elsewhere '''", "coalesce(value_elsewhere, '<empty>')", "''' is not a whole number'",
            ], 'bigint') }}
        end as value_elsewhere,
        case
            when status in ('misprint', 'unresolved') then status
            else {{ fail_build([
                row_context, "': status '''", "coalesce(status, '<empty>')", "''' is not misprint or unresolved'",
            ], 'varchar') }}
        end as status,
        reason

    from source

)

select * from renamed
