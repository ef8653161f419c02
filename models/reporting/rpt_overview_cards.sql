{#- The overview's cards: each chosen indicator's latest-year figure beside the year before.
    A count is added up over the procedures that print it in both years, and only over rows of
    the count kind the card adds (seeds/reference/overlap_register.csv); any other unit only
    when a single product prints it: staff or euros of several products do not add up. -#}
{%- set row_context -%}
concat('seeds/reference/overview_indicators.csv, indicator ', chosen.indicator_code)
{%- endset -%}

with

overview_indicators as (

    select * from {{ ref('stg_reference__overview_indicators') }}

),

indicators as (

    select * from {{ ref('dim_indicator') }}

),

count_kinds as (

    select * from {{ ref('dim_count_kind') }}

),

figures as (

    select * from {{ ref('fct_figures') }}
    where is_latest_edition

),

volumes as (

    select * from {{ ref('fct_volumes') }}

),

years as (

    select
        max(reference_year) as latest_year,
        max(reference_year) - 1 as previous_year

    from volumes

),

products_per_indicator as (

    select
        indicator_code,
        count(distinct product_code) as product_count

    from figures
    group by indicator_code

),

-- Every row of the seed is checked here, also those without a card, so that an indicator
-- the overview cannot show stops the build with the seed's file and row named.
checked as (

    select
        chosen.indicator_code,
        chosen.card_position,
        chosen.added_count_kind,
        coalesce(count_kinds.count_kind_name_en, indicators.indicator_name_en) as indicator_name_en,
        indicators.indicator_name_nl,
        indicators.unit,
        case
            when indicators.indicator_code is null
                then {{ fail_build([row_context, "': indicator not in seeds/reference/indicators.csv'"], 'varchar') }}
            when chosen.shows_change_per_procedure and indicators.fact_table <> 'fct_volumes'
                then {{ fail_build([
                    row_context,
                    "': the change per procedure is shown for counts of fct_volumes only, not for '",
                    "indicators.fact_table",
                ], 'varchar') }}
            when chosen.added_count_kind is not null and count_kinds.count_kind is null
                then {{ fail_build([
                    row_context, "': added_count_kind ', chosen.added_count_kind",
                    "' not in seeds/reference/count_kinds.csv'",
                ], 'varchar') }}
            when chosen.card_position is null then 'no_card'
            when indicators.unit = 'count' and indicators.fact_table = 'fct_volumes' then 'sum_over_products'
            when indicators.unit in ('fte', 'eur') and products_per_indicator.product_count = 1 then 'single_figure'
            else {{ fail_build([
                row_context,
                "': a card adds up counts of fct_volumes, or shows an fte or eur figure printed by one product, '",
                "'not ', indicators.unit, ' of ', indicators.fact_table",
            ], 'varchar') }}
        end as card_kind

    from overview_indicators as chosen
    left join indicators
        on chosen.indicator_code = indicators.indicator_code
    left join count_kinds
        on chosen.added_count_kind = count_kinds.count_kind
    left join products_per_indicator
        on chosen.indicator_code = products_per_indicator.indicator_code

),

cards as (

    select * from checked
    where card_kind <> 'no_card'

),

-- The (product, indicator) pairs with a figure in both the latest and the previous year.
printed_in_both_years as (

    select
        volumes.product_code,
        volumes.indicator_code

    from volumes
    cross join years
    where
        volumes.reference_year in (years.latest_year, years.previous_year)
        and volumes.volume is not null
    group by volumes.product_code, volumes.indicator_code
    having count(*) = 2

),

-- Each card's figures by its kind: a count summed over the procedures printing it in both
-- years, or a single printed figure.
card_figures as (

    select
        'sum_over_products' as card_kind,
        volumes.indicator_code,
        count(distinct volumes.product_code) as product_count,
        sum(volumes.volume) filter (where volumes.reference_year = years.latest_year) as latest_value,
        sum(volumes.volume) filter (where volumes.reference_year = years.previous_year) as previous_value,
        min(volumes.edition_year) as earliest_edition_year,
        max(volumes.edition_year) as edition_year

    from volumes
    inner join printed_in_both_years
        on
            volumes.product_code = printed_in_both_years.product_code
            and volumes.indicator_code = printed_in_both_years.indicator_code
    inner join cards
        on volumes.indicator_code = cards.indicator_code
    cross join years
    where
        volumes.reference_year in (years.latest_year, years.previous_year)
        and (cards.added_count_kind is null or volumes.count_kind = cards.added_count_kind)
    group by volumes.indicator_code

    union all

    select
        'single_figure' as card_kind,
        figures.indicator_code,
        1 as product_count,
        max(figures.value) filter (where figures.reference_year = years.latest_year) as latest_value,
        max(figures.value) filter (where figures.reference_year = years.previous_year) as previous_value,
        min(figures.edition_year) as earliest_edition_year,
        max(figures.edition_year) as edition_year

    from figures
    cross join years
    where figures.reference_year in (years.latest_year, years.previous_year)
    group by figures.indicator_code

),

final as (

    select
        cards.card_position,
        cards.indicator_code,
        cards.indicator_name_en,
        cards.indicator_name_nl,
        cards.unit,
        years.latest_year,
        years.previous_year,
        cast(card_figures.latest_value as decimal(18, 4)) as latest_value,
        cast(card_figures.previous_value as decimal(18, 4)) as previous_value,
        card_figures.product_count,
        card_figures.earliest_edition_year,
        card_figures.edition_year,
        {{ rounded_quotient('card_figures.latest_value - card_figures.previous_value', 'card_figures.previous_value') }}
            as relative_change,
        card_figures.product_count > 1 as is_derived

    from cards
    cross join years
    inner join card_figures
        on
            cards.card_kind = card_figures.card_kind
            and cards.indicator_code = card_figures.indicator_code
    where card_figures.latest_value is not null

)

select * from final
