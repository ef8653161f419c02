{#- A later edition restates figures of years an earlier edition already reported. Each
    restatement is compared with the edition just before it that reports the same figure. -#}
with

figures as (

    select * from {{ ref('int_figures_catalogued') }}

),

successive_editions as (

    select
        *,
        lag(edition_year) over by_figure as earlier_edition_year,
        lag(value) over by_figure as earlier_value,
        lag(value_printed) over by_figure as earlier_value_printed,
        lag(figure_id) over by_figure as earlier_figure_id

    from figures
    window by_figure as (
        partition by product_code, indicator_code, reference_year order by edition_year
    )

),

revised as (

    select
        product_code,
        indicator_code,
        reference_year,
        earlier_edition_year,
        edition_year as later_edition_year,
        earlier_value_printed,
        value_printed as later_value_printed,
        earlier_value,
        value as later_value,
        cast(value - earlier_value as decimal(18, 4)) as difference,
        {{ rounded_quotient('value - earlier_value', 'earlier_value') }} as relative_difference,
        unit,
        earlier_figure_id,
        figure_id as later_figure_id,
        coalesce(former_indicator_code, indicator_code) as metric_code

    from successive_editions
    where
        earlier_edition_year is not null
        and value is distinct from earlier_value

)

select * from revised
