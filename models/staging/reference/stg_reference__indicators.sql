{%- set row_context -%}
concat('seeds/reference/indicators.csv, indicator ', indicator_code)
{%- endset -%}

with

source as (

    select * from {{ ref('indicators') }}

),

renamed as (

    select
        indicator_code,
        term_nl,
        coalesce(nullif(term_nl_corrected, ''), term_nl) as term_nl_corrected,
        indicator_name_en,
        unit,
        nullif(short_unit, '') as short_unit,
        {{ text_to_integer('decimal_places', row_context) }} as decimal_places,
        case
            when rounded_to is null then null
            when rounded_to ~ '^[0-9]+(\.[0-9]+)?$' then cast(rounded_to as decimal(18, 4))
            else {{ fail_build(
                [row_context, "': rounded_to ''', rounded_to, ''' is not a number'"], 'decimal(18, 4)',
            ) }}
        end as rounded_to,
        fact_table,
        indicator_description,
        case is_derived
            when 'true' then true
            when 'false' then false
            else {{ fail_build([
                row_context, "': is_derived is ''', coalesce(is_derived, '<empty>'), ''', not true or false'",
            ]) }}
        end as is_derived,
        indicator_kind,
        nullif(former_indicator_code, '') as former_indicator_code

    from source

)

select * from renamed
