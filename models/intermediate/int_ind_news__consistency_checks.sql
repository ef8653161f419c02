{#- The consistency checks on the news figures, in the shape of marts.fct_consistency_checks:
    totals against their parts, cumulative figures against their months, and news items against
    the Jaarcijfers editions where the definition is the same. A check that fails is a row with
    holds = false; it never stops the build. The rules and tolerances are in
    seeds/reference/consistency_checks.csv. -#}
with

vintages as (

    select * from {{ ref('int_ind_news__figure_vintages') }}

),

jaarcijfers as (

    select * from {{ ref('int_figures_catalogued') }}

),

influx_parts as (

    select
        vintages.release_id,
        vintages.quoted_item,
        vintages.period_code,
        vintages.country_code,
        min(vintages.reference_year) as reference_year,
        max(vintages.value) filter (where vintages.indicator_code = 'total_asylum_influx') as total_influx,
        max(vintages.value) filter (where vintages.indicator_code = 'first_asylum_applications')
            as first_applications,
        max(vintages.value) filter (where vintages.indicator_code = 'repeat_asylum_applications')
            as repeat_applications,
        max(vintages.value) filter (where vintages.indicator_code = 'family_members_entered')
            as family_members_entered,
        array_agg(ids.figure_id order by vintages.indicator_code, ids.id_position) as input_figure_ids

    from vintages
    -- one row per figure id of a vintage (a twin release has two): the values repeat, max() takes one
    cross join unnest(vintages.figure_ids) with ordinality as ids (figure_id, id_position)
    where
        vintages.indicator_code in (
            'total_asylum_influx', 'first_asylum_applications', 'repeat_asylum_applications', 'family_members_entered'
        )
    group by vintages.release_id, vintages.quoted_item, vintages.period_code, vintages.country_code

),

influx_total_equals_parts as (

    select
        concat_ws('/', 'influx_total_equals_parts', release_id, period_code, coalesce(country_code, 'all'))
        || coalesce(' (' || quoted_item || ')', '') as check_id,
        'influx_total_equals_parts' as check_code,
        cast(null as integer) as edition_year,
        release_id,
        cast(null as varchar) as product_code,
        'total_asylum_influx' as indicator_code,
        concat(
            'Total asylum influx ', period_code, ', ', coalesce(country_code, 'all countries'),
            ', against first + repeat applications + family members who entered, in release ', release_id
        ) as subject,
        reference_year,
        period_code,
        first_applications + repeat_applications + family_members_entered as expected_value,
        total_influx as printed_value,
        0 as tolerance,
        'count' as unit,
        input_figure_ids

    from influx_parts
    -- all four printed: a sum with a part missing is NULL
    where (total_influx + first_applications + repeat_applications + family_members_entered) is not null

),

cumulative as (

    select * from vintages
    where in_asylum_influx_monthly and period_grain in ('year', 'half_year', 'year_to_date')

),

-- Each month of a cumulative figure as last printed by the cumulative figure's release.
months_as_of_cumulative as (

    select
        figure_key,
        release_id,
        quoted_item,
        period_start,
        value,
        figure_ids

    from (
        select
            cumulative.figure_key,
            cumulative.release_id,
            cumulative.quoted_item,
            months.period_start,
            months.value,
            months.figure_ids,
            row_number() over (
                partition by cumulative.figure_key, cumulative.release_id, cumulative.quoted_item, months.period_start
                order by months.vintage_rank desc
            ) as recency

        from cumulative
        inner join vintages as months
            on
                months.period_grain = 'month'
                and cumulative.indicator_code = months.indicator_code
                and months.product_code is not distinct from cumulative.product_code
                and months.country_code is not distinct from cumulative.country_code
                and months.period_start between cumulative.period_start and cumulative.period_end
                and cumulative.release_order >= months.release_order
    ) as month_vintages
    where recency = 1

),

months_summed as (

    select
        months.figure_key,
        months.release_id,
        months.quoted_item,
        count(distinct months.period_start) as months_printed,
        sum(months.value) filter (where ids.id_position = 1) as sum_of_months,
        array_agg(ids.figure_id order by months.period_start, ids.id_position) as month_figure_ids

    from months_as_of_cumulative as months
    cross join unnest(months.figure_ids) with ordinality as ids (figure_id, id_position)
    group by months.figure_key, months.release_id, months.quoted_item

),

cumulative_against_months as (

    select
        cumulative.*,
        coalesce(months.months_printed, 0) as months_printed,
        cast(
            (extract(year from cumulative.period_end) - extract(year from cumulative.period_start)) * 12
            + extract(month from cumulative.period_end) - extract(month from cumulative.period_start) + 1
            as integer
        ) as months_covered,
        months.sum_of_months,
        months.month_figure_ids

    from cumulative
    left join months_summed as months
        on
            cumulative.figure_key = months.figure_key
            and cumulative.release_id = months.release_id
            and cumulative.quoted_item is not distinct from months.quoted_item

),

year_to_date_equals_sum_of_months as (

    select
        concat_ws('/', 'year_to_date_equals_sum_of_months', release_id, figure_key) as check_id,
        'year_to_date_equals_sum_of_months' as check_code,
        cast(null as integer) as edition_year,
        release_id,
        product_code,
        indicator_code,
        concat(
            indicator_code, ' ', period_code, ', ', coalesce(country_code, 'all countries'), ', in release ',
            release_id, ', against the sum of its ', months_covered, ' months as last printed by then'
        ) as subject,
        reference_year,
        period_code,
        sum_of_months as expected_value,
        value as printed_value,
        0 as tolerance,
        'count' as unit,
        array_cat(figure_ids, month_figure_ids) as input_figure_ids

    from cumulative_against_months
    where months_printed = months_covered

),

news_matches_jaarcijfers as (

    select
        concat_ws(
            '/', 'news_matches_jaarcijfers', vintages.release_id, vintages.period_code, vintages.product_code,
            vintages.indicator_code, jaarcijfers.edition_year
        ) as check_id,
        'news_matches_jaarcijfers' as check_code,
        jaarcijfers.edition_year,
        vintages.release_id,
        vintages.product_code,
        vintages.indicator_code,
        concat(
            vintages.indicator_code, ' of ', vintages.product_code, ' ', vintages.period_code, ' in release ',
            vintages.release_id, ' against the Jaarcijfers edition ', jaarcijfers.edition_year
        ) as subject,
        vintages.reference_year,
        vintages.period_code,
        jaarcijfers.value as expected_value,
        vintages.value as printed_value,
        greatest(
            case vintages.unit when 'ratio' then 0.005 when 'eur' then 50000 when 'fte' then 0.5 else 5 end,
            case when vintages.is_approximate then 0.05 * vintages.value else 0 end
        ) as tolerance,
        vintages.unit,
        array_append(vintages.figure_ids, jaarcijfers.figure_id) as input_figure_ids

    from vintages
    inner join jaarcijfers
        on
            vintages.product_code = jaarcijfers.product_code
            and vintages.indicator_code = jaarcijfers.indicator_code
            and vintages.reference_year = jaarcijfers.reference_year
    where
        vintages.period_grain = 'year'
        and vintages.country_code is null
        and jaarcijfers.value is not null

),

all_checks as (

    select * from influx_total_equals_parts
    union all
    select * from year_to_date_equals_sum_of_months
    union all
    select * from news_matches_jaarcijfers

),

final as (

    select
        check_id,
        check_code,
        'ind_news' as source_code,
        edition_year,
        release_id,
        product_code,
        indicator_code,
        subject,
        reference_year,
        period_code,
        cast(expected_value as decimal(18, 4)) as expected_value,
        cast(printed_value as decimal(18, 4)) as printed_value,
        cast(tolerance as decimal(18, 4)) as tolerance,
        unit,
        cast(input_figure_ids as varchar[]) as input_figure_ids

    from all_checks

)

select * from final
