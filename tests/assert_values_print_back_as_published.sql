-- Every normalised value, printed again the publication's way, is the number that was printed:
-- 38670 -> 38.670, 0.88 -> 88%, 36800000 EUR -> € 36,8 mln, NULL -> onb. Printed texts compare
-- by value, so € 40,0 mln and € 40 mln are the same figure; a value read as another number is
-- not. This checks every parsing macro against all published figures at once.
with

reprinted as (

    select
        figure_id,
        value_printed,
        value,
        unit,
        {{ canonical_printed_figure('value_printed') }} as value_printed_canonical,
        case
            when value_status = 'unknown' then 'onb.'
            when unit = 'ratio' then concat({{ format_dutch_number('value * 100') }}, '%')
            when unit = 'eur' and ends_with(value_printed, ' mln')
                then concat('€ ', {{ format_dutch_number('value * 0.000001') }}, ' mln')
            when unit = 'eur' then concat('€ ', {{ format_dutch_number('value') }})
            else {{ format_dutch_number('value') }}
        end as value_reprinted
    from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'

)

select * from reprinted
where value_reprinted is distinct from value_printed_canonical
