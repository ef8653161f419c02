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
        release_id,
        quoted_item,
        period_code,
        country_code,
        any_value(reference_year) as reference_year,
        any_value(value) filter (where indicator_code = 'total_asylum_influx') as total_influx,
        any_value(value) filter (where indicator_code = 'first_asylum_applications') as first_applications,
        any_value(value) filter (where indicator_code = 'repeat_asylum_applications') as repeat_applications,
        any_value(value) filter (where indicator_code = 'family_members_entered') as family_members_entered,
        flatten(list(figure_ids order by indicator_code)) as input_figure_ids

    from vintages
    where
        indicator_code in (
            'total_asylum_influx', 'first_asylum_applications', 'repeat_asylum_applications', 'family_members_entered'
        )
    group by release_id, quoted_item, period_code, country_code

),

influx_total_equals_parts as (

    select
        concat_ws('/', 'influx_total_equals_parts', release_id, period_code, coalesce(country_code, 'all'))
        || coalesce(' (' || quoted_item || ')', '') as check_id,
        'influx_total_equals_parts' as check_code,
        'count' as unit,
        release_id,
        'total_asylum_influx' as indicator_code,
        format(
            'Total asylum influx {}, {}, against first + repeat applications + family members who entered, '
            || 'in release {}',
            period_code, coalesce(country_code, 'all countries'), release_id
        ) as subject,
        reference_year,
        period_code,
        first_applications + repeat_applications + family_members_entered as expected_value,
        total_influx as printed_value,
        0 as tolerance,
        input_figure_ids

    from influx_parts
    -- all four printed: a sum with a part missing is NULL
    where (total_influx + first_applications + repeat_applications + family_members_entered) is not null

),

cumulative as (

    select * from vintages
    where in_asylum_influx_monthly and period_grain in ('year', 'half_year', 'year_to_date')

),

months_as_of_cumulative as (

    select
        cumulative.figure_key,
        cumulative.release_id,
        cumulative.quoted_item,
        months.period_start,
        arg_max(months.value, months.vintage_rank) as value,
        arg_max(months.figure_ids, months.vintage_rank) as figure_ids

    from cumulative
    inner join vintages as months
        on
            months.period_grain = 'month'
            and cumulative.indicator_code = months.indicator_code
            and months.product_code is not distinct from cumulative.product_code
            and months.country_code is not distinct from cumulative.country_code
            and months.period_start between cumulative.period_start and cumulative.period_end
            and cumulative.release_order >= months.release_order
    group by cumulative.figure_key, cumulative.release_id, cumulative.quoted_item, months.period_start

),

cumulative_against_months as (

    select
        cumulative.*,
        count(months.period_start) as months_printed,
        date_diff('month', cumulative.period_start, cumulative.period_end) + 1 as months_covered,
        sum(months.value) as sum_of_months,
        flatten(list(months.figure_ids order by months.period_start)) as month_figure_ids

    from cumulative
    left join months_as_of_cumulative as months
        on
            cumulative.figure_key = months.figure_key
            and cumulative.release_id = months.release_id
            and cumulative.quoted_item is not distinct from months.quoted_item
    group by all

),

year_to_date_equals_sum_of_months as (

    select
        concat_ws('/', 'year_to_date_equals_sum_of_months', release_id, figure_key) as check_id,
        'year_to_date_equals_sum_of_months' as check_code,
        'count' as unit,
        release_id,
        product_code,
        indicator_code,
        format(
            '{} {}, {}, in release {}, against the sum of its {} months as last printed by then',
            indicator_code, period_code, coalesce(country_code, 'all countries'), release_id, months_covered
        ) as subject,
        reference_year,
        period_code,
        sum_of_months as expected_value,
        value as printed_value,
        0 as tolerance,
        list_concat(figure_ids, month_figure_ids) as input_figure_ids

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
        vintages.unit,
        vintages.release_id,
        jaarcijfers.edition_year,
        vintages.product_code,
        vintages.indicator_code,
        format(
            '{} of {} {} in release {} against the Jaarcijfers edition {}', vintages.indicator_code,
            vintages.product_code, vintages.period_code, vintages.release_id, jaarcijfers.edition_year
        ) as subject,
        vintages.reference_year,
        vintages.period_code,
        jaarcijfers.value as expected_value,
        vintages.value as printed_value,
        greatest(
            case vintages.unit when 'ratio' then 0.005 when 'eur' then 50000 when 'fte' then 0.5 else 5 end,
            case when vintages.is_approximate then 0.05 * vintages.value else 0 end
        ) as tolerance,
        list_append(vintages.figure_ids, jaarcijfers.figure_id) as input_figure_ids

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

    -- by name: a column one check does not have (edition_year, product_code) is NULL
    select * from influx_total_equals_parts
    union all by name
    select * from year_to_date_equals_sum_of_months
    union all by name
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
