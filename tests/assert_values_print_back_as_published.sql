-- Every normalised value, printed again the publication's way, gives back exactly the printed
-- text: 38670 -> 38.670, 0.88 -> 88%, 36800000 EUR -> € 36,8 mln, NULL -> onb.
-- This checks every parsing macro against all published figures at once.
with

reprinted as (

    select
        figure_id,
        value_printed,
        value,
        unit,
        case
            when value_status = 'unknown' then 'onb.'
            when unit = 'ratio' then concat({{ format_dutch_number('value * 100') }}, '%')
            when unit = 'eur' then concat('€ ', {{ format_dutch_number('value * 0.000001') }}, ' mln')
            else {{ format_dutch_number('value') }}
        end as value_reprinted
    from {{ ref('fct_figures') }}
    where source_code = 'jaarcijfers'

)

select * from reprinted
where value_reprinted is distinct from value_printed
