{%- set row_context -%}
concat('seeds/reference/overview_indicators.csv, indicator ', indicator_code)
{%- endset -%}

with

source as (

    select * from {{ ref('overview_indicators') }}

),

renamed as (

    select
        indicator_code,
        case
            when card_position is null then null
            else {{ text_to_integer('card_position', row_context) }}
        end as card_position,
        case shows_change_per_procedure
            when 'true' then true
            when 'false' then false
            else {{ fail_build([
                row_context,
                "': shows_change_per_procedure is '''",
                "coalesce(shows_change_per_procedure, '<empty>')",
                "''', not true or false'",
            ]) }}
        end as shows_change_per_procedure,
        nullif(added_count_kind, '') as added_count_kind

    from source

)

select * from renamed
