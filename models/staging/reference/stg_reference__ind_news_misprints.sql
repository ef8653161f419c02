{%- set row_context -%}
concat('seeds/reference/ind_news_misprints.csv, ', source_url, ' ', reference_period)
{%- endset -%}

with

source as (

    select * from {{ ref('ind_news_misprints') }}

),

renamed as (

    select
        source_url,
        reference_period as period_printed,
        measure_en,
        value_printed,
        case
            when value_read ~ '^[0-9]{1,14}$' then {{ checked_cast('value_read', 'decimal(18, 4)') }}
            else {{ fail_build([
                row_context, "': value_read '''", "coalesce(value_read, '<empty>')", "''' is not a whole number'",
            ], 'decimal(18, 4)') }}
        end as value_read,
        reason

    from source

)

select * from renamed
