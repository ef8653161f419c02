{%- set row_context -%}
concat('seeds/reference/ind_news_periods.csv, ', period_printed)
{%- endset -%}

with

source as (

    select * from {{ ref('ind_news_periods') }}

),

renamed as (

    select
        period_printed,
        period_code,
        'other' as period_grain,
        case
            when period_start is null then null
            when {{ is_iso_date('period_start') }} then {{ checked_cast('period_start', 'date') }}
            else {{ fail_build([
                row_context, "': period_start '''", "period_start", "''' is not a date (YYYY-MM-DD)'",
            ], 'date') }}
        end as period_start,
        case
            when period_end is null then null
            when {{ is_iso_date('period_end') }} then {{ checked_cast('period_end', 'date') }}
            else {{ fail_build([
                row_context, "': period_end '''", "period_end", "''' is not a date (YYYY-MM-DD)'",
            ], 'date') }}
        end as period_end,
        case
            when reference_year is null then null
            else {{ text_to_integer('reference_year', row_context) }}
        end as reference_year,
        period_note

    from source

)

select * from renamed
