{#- Every printing of a series the concept register names, from every publisher, one row each:
    the IND's Jaarcijfers and news releases (from fct_figures), CBS (int_cbs__figures_catalogued,
    with the interval each printing implies) and the other publishers, with the register rule
    it answers, its value and the interval its rounding implies. Periods of a year, quarter or
    month only. Per concept, publisher, period and nationality one printing is the default for
    comparisons (is_default): the latest vintage (the latest edition or release; for the other
    publishers the latest page date, and on one undated index page the first item, index pages
    listing the newest first). Where a publisher prints every quarter (or every month) of a year
    but not the year, the sum of those parts is added as a derived year; where it prints the three
    months of a quarter but not the quarter, their sum as a derived quarter (is_derived), never
    presented as printed. -#}
{%- set month_number = 'cast(extract(month from period_start) as integer)' -%}
{%- set quarter_code -%}
concat(
            cast(reference_year as varchar), '-Q',
            cast({{ integer_quotient(month_number ~ ' + 2', '3') }} as integer)
        )
{%- endset -%}

with

register as (

    select * from {{ ref('stg_reference__concept_register') }}

),

figures as (

    select * from {{ ref('fct_figures') }}

),

cbs as (

    select * from {{ ref('int_cbs__figures_catalogued') }}

),

others as (

    select * from {{ ref('int_other_publishers__quotes_catalogued') }}

),

ind as (

    select
        register.rule_code,
        register.concept_code,
        register.publisher_code,
        figures.source_code,
        figures.figure_id,
        case
            when figures.source_code = 'jaarcijfers' then concat('jaarcijfers-', cast(figures.edition_year as varchar))
            else figures.release_id
        end as release_id,
        case
            when figures.release_id ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}/'
                then {{ checked_cast('substr(figures.release_id, 1, 10)', 'date') }}
        end as published_on,
        figures.period_code,
        figures.period_grain,
        figures.period_start,
        figures.period_end,
        figures.reference_year,
        coalesce(figures.country_code, 'all') as nationality_key,
        figures.value_printed,
        cast(figures.value as decimal(18, 4)) as value,
        cast(figures.value - register.rounding_half_width as decimal(18, 4)) as value_low,
        cast(figures.value + register.rounding_half_width as decimal(18, 4)) as value_high,
        register.unit,
        coalesce(figures.is_approximate, false) as is_approximate,
        coalesce(figures.is_latest_edition, figures.is_latest_vintage, false) as is_latest_at_source,
        figures.source_line

    from figures
    inner join register
        on
            concat(coalesce(figures.product_code, ''), '/', figures.indicator_code) = register.series_code
            and (
                (register.series_kind = 'jaarcijfers_indicator' and figures.source_code = 'jaarcijfers')
                or (register.series_kind = 'ind_news_indicator' and figures.source_code = 'ind_news')
            )
    where figures.period_grain in ('year', 'quarter', 'month') and figures.value is not null

),

cbs_series as (

    select
        register.rule_code,
        register.concept_code,
        register.publisher_code,
        cbs.source_code,
        cbs.figure_id,
        cbs.release_id,
        cbs.published_on,
        cbs.period_code,
        cbs.period_grain,
        cbs.period_start,
        cbs.period_end,
        cast(extract(year from cbs.period_start) as integer) as reference_year,
        case when cbs.is_all_nationalities then 'all' else cbs.country_code end as nationality_key,
        cbs.value_printed,
        cast(cbs.value as decimal(18, 4)) as value,
        -- CBS rounds persons to multiples of 5: a printing in persons stands for 2.5 either side,
        -- a printing in thousands for the (wider) interval CBS's model gives
        cast(
            least(coalesce(cbs.value_low, cbs.value), cbs.value - coalesce(register.rounding_half_width, 0))
            as decimal(18, 4)
        ) as value_low,
        cast(
            greatest(coalesce(cbs.value_high, cbs.value), cbs.value + coalesce(register.rounding_half_width, 0))
            as decimal(18, 4)
        ) as value_high,
        register.unit,
        cbs.is_approximate,
        cbs.is_latest_vintage as is_latest_at_source,
        cbs.source_line

    from cbs
    inner join register
        on register.series_kind = 'cbs_indicator' and cbs.indicator_code = register.series_code
    -- a nationality CBS names but no code stands for (a former state, a group) is not compared
    where
        cbs.period_grain in ('year', 'quarter', 'month')
        and cbs.value is not null
        and (cbs.is_all_nationalities or cbs.country_code is not null)

),

other_series as (

    select
        register.rule_code,
        register.concept_code,
        register.publisher_code,
        others.source_code,
        others.figure_id,
        others.release_id,
        others.published_on,
        others.period_code,
        others.period_grain,
        case
            when others.period_grain = 'year' then {{ checked_cast("others.period_code || '-01-01'", 'date') }}
            when others.period_grain = 'month' then {{ checked_cast("others.period_code || '-01'", 'date') }}
        end as period_start,
        cast(null as date) as period_end,
        others.reference_year,
        coalesce(others.country_code, 'all') as nationality_key,
        others.value_printed,
        others.value,
        cast(others.value - register.rounding_half_width as decimal(18, 4)) as value_low,
        cast(others.value + register.rounding_half_width as decimal(18, 4)) as value_high,
        register.unit,
        others.is_approximate,
        cast(null as boolean) as is_latest_at_source,
        others.source_line

    from others
    inner join register
        on
            register.series_kind = 'other_publishers_entry'
            and others.entry_code = register.series_code
            and others.publisher_code = register.publisher_code
    where others.period_grain in ('year', 'month') and others.value is not null

),

printed as (

    select * from ind
    union all
    select * from cbs_series
    union all
    select * from other_series

),

ranked as (

    select
        printed.*,
        false as is_derived,
        cast(null as varchar) as part_grain,
        cast(null as integer) as part_count,
        row_number() over (
            partition by
                printed.concept_code,
                printed.publisher_code,
                printed.period_grain,
                printed.period_code,
                printed.nationality_key
            order by
                coalesce(printed.is_latest_at_source, false) desc,
                printed.published_on desc nulls last,
                printed.source_line asc,
                printed.figure_id asc
        ) = 1 as is_default,
        count(*) over (
            partition by
                printed.concept_code,
                printed.publisher_code,
                printed.period_grain,
                printed.period_code,
                printed.nationality_key
        ) as vintage_count

    from printed

),

parts as (

    select
        concept_code,
        publisher_code,
        nationality_key,
        reference_year,
        period_grain as part_grain,
        count(*) as part_count,
        min(rule_code) as rule_code,
        min(source_code) as source_code,
        string_agg(figure_id, ' + ' order by period_code) as figure_ids,
        string_agg(release_id, ' + ' order by period_code) as release_ids,
        max(published_on) as published_on,
        string_agg(value_printed, ' + ' order by period_code) as values_printed,
        sum(value) as value,
        sum(value_low) as value_low,
        sum(value_high) as value_high,
        min(unit) as unit,
        bool_or(is_approximate) as is_approximate

    from ranked
    where is_default and period_grain in ('quarter', 'month')
    group by concept_code, publisher_code, nationality_key, reference_year, period_grain
    having count(*) = case period_grain when 'quarter' then 4 else 12 end

),

-- a year no printing gives, summed from all its quarters (or, without quarters, all its months)
derived_years as (

    select
        parts.rule_code,
        parts.concept_code,
        parts.publisher_code,
        parts.source_code,
        parts.figure_ids as figure_id,
        parts.release_ids as release_id,
        parts.published_on,
        cast(parts.reference_year as varchar) as period_code,
        'year' as period_grain,
        {{ checked_cast("cast(parts.reference_year as varchar) || '-01-01'", 'date') }} as period_start,
        {{ checked_cast("cast(parts.reference_year as varchar) || '-12-31'", 'date') }} as period_end,
        parts.reference_year,
        parts.nationality_key,
        parts.values_printed as value_printed,
        parts.value,
        parts.value_low,
        parts.value_high,
        parts.unit,
        parts.is_approximate,
        cast(null as boolean) as is_latest_at_source,
        cast(null as integer) as source_line,
        true as is_derived,
        parts.part_grain,
        cast(parts.part_count as integer) as part_count,
        true as is_default,
        cast(1 as bigint) as vintage_count

    from parts
    where
        not exists (
            select 1
            from ranked
            where
                ranked.concept_code = parts.concept_code
                and ranked.publisher_code = parts.publisher_code
                and ranked.nationality_key = parts.nationality_key
                and ranked.period_grain = 'year'
                and ranked.period_code = cast(parts.reference_year as varchar)
        )
        and (
            parts.part_grain = 'quarter'
            or not exists (
                select 1
                from parts as quarters
                where
                    quarters.part_grain = 'quarter'
                    and quarters.concept_code = parts.concept_code
                    and quarters.publisher_code = parts.publisher_code
                    and quarters.nationality_key = parts.nationality_key
                    and quarters.reference_year = parts.reference_year
            )
        )

),

-- a quarter no printing gives, summed from its three months
month_parts as (

    select
        concept_code,
        publisher_code,
        nationality_key,
        reference_year,
        {{ quarter_code }} as quarter_code,
        min(period_start) as quarter_start,
        count(*) as part_count,
        min(rule_code) as rule_code,
        min(source_code) as source_code,
        string_agg(figure_id, ' + ' order by period_code) as figure_ids,
        string_agg(release_id, ' + ' order by period_code) as release_ids,
        max(published_on) as published_on,
        string_agg(value_printed, ' + ' order by period_code) as values_printed,
        sum(value) as value,
        sum(value_low) as value_low,
        sum(value_high) as value_high,
        min(unit) as unit,
        bool_or(is_approximate) as is_approximate

    from ranked
    where is_default and period_grain = 'month'
    group by
        concept_code,
        publisher_code,
        nationality_key,
        reference_year,
        {{ quarter_code }}
    having count(*) = 3

),

derived_quarters as (

    select
        month_parts.rule_code,
        month_parts.concept_code,
        month_parts.publisher_code,
        month_parts.source_code,
        month_parts.figure_ids as figure_id,
        month_parts.release_ids as release_id,
        month_parts.published_on,
        month_parts.quarter_code as period_code,
        'quarter' as period_grain,
        month_parts.quarter_start as period_start,
        cast(null as date) as period_end,
        month_parts.reference_year,
        month_parts.nationality_key,
        month_parts.values_printed as value_printed,
        month_parts.value,
        month_parts.value_low,
        month_parts.value_high,
        month_parts.unit,
        month_parts.is_approximate,
        cast(null as boolean) as is_latest_at_source,
        cast(null as integer) as source_line,
        true as is_derived,
        'month' as part_grain,
        cast(month_parts.part_count as integer) as part_count,
        true as is_default,
        cast(1 as bigint) as vintage_count

    from month_parts
    where not exists (
        select 1
        from ranked
        where
            ranked.concept_code = month_parts.concept_code
            and ranked.publisher_code = month_parts.publisher_code
            and ranked.nationality_key = month_parts.nationality_key
            and ranked.period_grain = 'quarter'
            and ranked.period_code = month_parts.quarter_code
    )

),

final as (

    -- the printed rows, then the years and quarters summed from their parts, in one column order
    {% for rows in ['ranked', 'derived_years', 'derived_quarters'] %}
    select
        rule_code,
        concept_code,
        publisher_code,
        source_code,
        figure_id,
        release_id,
        published_on,
        period_code,
        period_grain,
        period_start,
        period_end,
        reference_year,
        nationality_key,
        value_printed,
        value,
        value_low,
        value_high,
        unit,
        is_approximate,
        is_derived,
        part_grain,
        part_count,
        is_default,
        cast(vintage_count as integer) as vintage_count

    from {{ rows }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

)

select * from final
