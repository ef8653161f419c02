{#- One question, several publishers: per concept of the concept register, period and
    nationality, every pair of publishers that print it, their values side by side (the latest
    vintage of each: the default comparison), the gap in units and in percent, and whether the
    register explains it: the two printings' rounding intervals (CBS's value_low to value_high;
    the register's half width for the others) widened by the tolerance the register states for a
    scope difference still overlap. Beside them, per publisher, the sum of the quarters (and of
    the months) of a year against the year it prints. Every comparison is also a row of
    fct_consistency_checks (check source_comparison_within_register or
    source_parts_sum_to_year); a gap the register does not explain never stops the build. -#}
with

series as (

    select * from {{ ref('int_source_comparisons__series') }}

),

register as (

    select * from {{ ref('stg_reference__concept_register') }}

),

sided as (

    select
        series.*,
        register.publisher_rank,
        register.concept_label,
        coalesce(register.tolerance_units, 0) as tolerance_units,
        register.expected_difference

    from series
    inner join register
        on series.rule_code = register.rule_code
    where series.is_default

),

between_publishers as (

    select
        'between_publishers' as comparison_kind,
        a.concept_code,
        a.concept_label,
        a.period_code,
        a.period_grain,
        a.reference_year,
        a.nationality_key,
        a.publisher_code as publisher_a,
        a.rule_code as rule_code_a,
        a.source_code as source_code_a,
        a.figure_id as figure_id_a,
        a.release_id as release_id_a,
        a.published_on as published_on_a,
        a.value_printed as value_printed_a,
        a.value as value_a,
        a.value_low as value_low_a,
        a.value_high as value_high_a,
        a.unit as unit_a,
        a.is_derived as is_derived_a,
        a.vintage_count as vintage_count_a,
        a.tolerance_units as tolerance_units_a,
        a.expected_difference as expected_difference_a,
        b.publisher_code as publisher_b,
        b.rule_code as rule_code_b,
        b.source_code as source_code_b,
        b.figure_id as figure_id_b,
        b.release_id as release_id_b,
        b.published_on as published_on_b,
        b.value_printed as value_printed_b,
        b.value as value_b,
        b.value_low as value_low_b,
        b.value_high as value_high_b,
        b.unit as unit_b,
        b.is_derived as is_derived_b,
        b.vintage_count as vintage_count_b,
        b.tolerance_units as tolerance_units_b,
        b.expected_difference as expected_difference_b,
        cast(null as varchar) as part_grain,
        cast(null as bigint) as part_count

    from sided as a
    inner join sided as b
        on
            a.concept_code = b.concept_code
            and a.period_grain = b.period_grain
            and a.period_code = b.period_code
            and a.nationality_key = b.nationality_key
            and (
                a.publisher_rank < b.publisher_rank
                or (a.publisher_rank = b.publisher_rank and a.publisher_code < b.publisher_code)
            )
    -- a derived year is compared with the other publishers' printed years, never with another derived one
    where not (a.is_derived and b.is_derived)

),

parts_against_year as (

    select
        'parts_against_year' as comparison_kind,
        years.concept_code,
        years.concept_label,
        years.period_code,
        years.period_grain,
        years.reference_year,
        years.nationality_key,
        years.publisher_code as publisher_a,
        years.rule_code as rule_code_a,
        years.source_code as source_code_a,
        years.figure_id as figure_id_a,
        years.release_id as release_id_a,
        years.published_on as published_on_a,
        years.value_printed as value_printed_a,
        years.value as value_a,
        years.value_low as value_low_a,
        years.value_high as value_high_a,
        years.unit as unit_a,
        years.is_derived as is_derived_a,
        years.vintage_count as vintage_count_a,
        years.tolerance_units as tolerance_units_a,
        years.expected_difference as expected_difference_a,
        years.publisher_code as publisher_b,
        min(parts.rule_code) as rule_code_b,
        min(parts.source_code) as source_code_b,
        string_agg(parts.figure_id, ' + ' order by parts.period_code) as figure_id_b,
        string_agg(parts.release_id, ' + ' order by parts.period_code) as release_id_b,
        max(parts.published_on) as published_on_b,
        string_agg(parts.value_printed, ' + ' order by parts.period_code) as value_printed_b,
        sum(parts.value) as value_b,
        sum(parts.value_low) as value_low_b,
        sum(parts.value_high) as value_high_b,
        min(parts.unit) as unit_b,
        true as is_derived_b,
        cast(1 as integer) as vintage_count_b,
        cast(0 as decimal(18, 4)) as tolerance_units_b,
        concat(
            'The sum of the periods the publisher prints, against the year it prints: equal up to the rounding ',
            'of every part and of the year, unless a part or the year was restated in another vintage.'
        )
            as expected_difference_b,
        parts.period_grain as part_grain,
        cast(count(*) as bigint) as part_count

    from sided as years
    inner join sided as parts
        on
            years.concept_code = parts.concept_code
            and years.publisher_code = parts.publisher_code
            and years.nationality_key = parts.nationality_key
            and years.reference_year = parts.reference_year
            and parts.period_grain in ('quarter', 'month')
            and not parts.is_derived
    where years.period_grain = 'year' and not years.is_derived
    group by
        years.concept_code,
        years.concept_label,
        years.period_code,
        years.period_grain,
        years.reference_year,
        years.nationality_key,
        years.publisher_code,
        years.rule_code,
        years.source_code,
        years.figure_id,
        years.release_id,
        years.published_on,
        years.value_printed,
        years.value,
        years.value_low,
        years.value_high,
        years.unit,
        years.is_derived,
        years.vintage_count,
        years.tolerance_units,
        years.expected_difference,
        parts.period_grain
    having count(*) = case parts.period_grain when 'quarter' then 4 else 12 end

),

compared as (

    select * from between_publishers
    union all
    select * from parts_against_year

),

-- how far apart the two values may be for the intervals (widened by the stated tolerances) to meet
reached as (

    select
        compared.*,
        cast(compared.value_b - compared.value_a as bigint) as gap,
        cast(
            case
                when compared.value_b >= compared.value_a
                    then (compared.value_high_a - compared.value_a) + (compared.value_b - compared.value_low_b)
                else (compared.value_a - compared.value_low_a) + (compared.value_high_b - compared.value_b)
            end
            + compared.tolerance_units_a + compared.tolerance_units_b
            as decimal(18, 4)
        ) as allowed_gap,
        cast(
            case
                when compared.value_b >= compared.value_a
                    then (compared.value_high_a - compared.value_a) + (compared.value_b - compared.value_low_b)
                else (compared.value_a - compared.value_low_a) + (compared.value_high_b - compared.value_b)
            end
            as decimal(18, 4)
        ) as rounding_gap

    from compared

),

final as (

    select
        concat_ws(
            '/', reached.comparison_kind, reached.concept_code, reached.period_code, reached.nationality_key,
            reached.publisher_a, reached.publisher_b, reached.part_grain
        ) as comparison_id,
        reached.comparison_kind,
        reached.concept_code,
        reached.concept_label,
        reached.period_code,
        reached.period_grain,
        reached.reference_year,
        case when reached.nationality_key = 'all' then null else reached.nationality_key end as country_code,
        reached.nationality_key = 'all' as is_all_nationalities,
        reached.publisher_a,
        reached.rule_code_a,
        reached.source_code_a,
        reached.figure_id_a,
        reached.release_id_a,
        reached.published_on_a,
        reached.value_printed_a,
        cast(reached.value_a as bigint) as value_a,
        cast(reached.value_low_a as decimal(18, 4)) as value_low_a,
        cast(reached.value_high_a as decimal(18, 4)) as value_high_a,
        reached.unit_a,
        reached.is_derived_a,
        reached.vintage_count_a,
        reached.publisher_b,
        reached.rule_code_b,
        reached.source_code_b,
        reached.figure_id_b,
        reached.release_id_b,
        reached.published_on_b,
        reached.value_printed_b,
        cast(reached.value_b as bigint) as value_b,
        cast(reached.value_low_b as decimal(18, 4)) as value_low_b,
        cast(reached.value_high_b as decimal(18, 4)) as value_high_b,
        reached.unit_b,
        reached.is_derived_b,
        reached.vintage_count_b,
        reached.part_grain,
        reached.part_count,
        reached.gap,
        case
            when reached.value_a <> 0
                then cast(round(100 * cast(reached.gap as decimal(18, 4)) / reached.value_a, 2) as decimal(18, 4))
        end as gap_pct,
        reached.allowed_gap,
        abs(reached.gap) <= reached.allowed_gap as is_within_explanation,
        case
            when abs(reached.gap) <= reached.rounding_gap then 'rounding'
            when abs(reached.gap) <= reached.allowed_gap then 'stated_scope_difference'
            else 'unexplained'
        end as explanation_kind,
        case
            when abs(reached.gap) <= reached.rounding_gap
                then concat(
                    'Within the rounding of both printings: ', reached.value_printed_a, ' stands for ',
                    cast(reached.value_low_a as varchar), ' to ', cast(reached.value_high_a as varchar), ', ',
                    reached.value_printed_b, ' for ', cast(reached.value_low_b as varchar), ' to ',
                    cast(reached.value_high_b as varchar), '.'
                )
            when abs(reached.gap) <= reached.allowed_gap
                then concat(
                    'Beyond the rounding, within the scope difference the register states (',
                    cast(reached.allowed_gap - reached.rounding_gap as varchar), ' more): ',
                    reached.expected_difference_b
                )
            else concat(
                'Not explained by the register: the gap of ', cast(reached.gap as varchar),
                ' exceeds the ', cast(reached.allowed_gap as varchar),
                ' the two printings'' rounding and the stated scope differences allow; ',
                'a restatement, a late registration or a misquotation.'
            )
        end as explanation,
        concat(reached.expected_difference_a, ' | ', reached.expected_difference_b) as reason

    from reached

)

select * from final
