{%- set row_context -%}
concat('seeds/reference/consistency_checks.csv, check ', check_code)
{%- endset -%}

with

source as (

    select * from {{ ref('consistency_checks') }}

),

renamed as (

    select
        check_code,
        check_name_en,
        rule as check_rule,
        relation,
        case
            when tolerance is null then null
            when tolerance ~ '^[0-9]+(\.[0-9]+)?$' then cast(tolerance as decimal(18, 4))
            else {{ fail_build([
                row_context, "': tolerance '''", "coalesce(tolerance, '<empty>')", "''' is not a number'",
            ], 'decimal(18, 4)') }}
        end as tolerance,
        nullif(tolerance_reason, '') as tolerance_reason,
        reason,
        source_code

    from source

)

select * from renamed
