{#- Every publication consistency check evaluated, with the gap between what is printed and what
    the other printed figures imply. A check that does not hold is a finding about the source,
    not an error of the warehouse: the build goes on and the row says by how much. -#}
with

jaarcijfers_figures_checked as (

    select * from {{ ref('int_jaarcijfers__figures_checked') }}

),

jaarcijfers_editions_compared as (

    select * from {{ ref('int_jaarcijfers__editions_compared') }}

),

jaarcijfers_overlaps_checked as (

    select * from {{ ref('int_jaarcijfers__overlaps_checked') }}

),

news_checks as (

    select * from {{ ref('int_ind_news__consistency_checks') }}

),

cbs_checks as (

    select * from {{ ref('int_cbs__consistency_checks') }}

),

source_comparisons as (

    select * from {{ ref('fct_source_comparisons') }}

),

checks as (

    select * from {{ ref('stg_reference__consistency_checks') }}

),

jaarcijfers_evaluated as (

    select
        check_code,
        unit,
        edition_year,
        product_code,
        indicator_code,
        reference_year,
        footnote_number,
        subject,
        expected_value,
        printed_value,
        input_figure_ids
    from jaarcijfers_figures_checked
    union all
    select
        check_code,
        unit,
        edition_year,
        product_code,
        indicator_code,
        reference_year,
        cast(null as integer) as footnote_number,
        subject,
        expected_value,
        printed_value,
        input_figure_ids
    from jaarcijfers_editions_compared
    union all
    select
        check_code,
        unit,
        edition_year,
        product_code,
        indicator_code,
        reference_year,
        cast(null as integer) as footnote_number,
        subject,
        expected_value,
        printed_value,
        input_figure_ids
    from jaarcijfers_overlaps_checked

),

jaarcijfers_shaped as (

    select
        concat_ws('/', check_code, edition_year, product_code, indicator_code, reference_year, footnote_number)
            as check_id,
        check_code,
        unit,
        'jaarcijfers' as source_code,
        cast(edition_year as integer) as edition_year,
        cast(null as varchar) as release_id,
        cast(product_code as varchar) as product_code,
        cast(indicator_code as varchar) as indicator_code,
        subject,
        cast(reference_year as integer) as reference_year,
        cast(reference_year as varchar) as period_code,
        cast(expected_value as decimal(18, 4)) as expected_value,
        cast(printed_value as decimal(18, 4)) as printed_value,
        cast(null as decimal(18, 4)) as figure_tolerance,
        cast(input_figure_ids as varchar[]) as input_figure_ids

    from jaarcijfers_evaluated

),

-- The news and CBS checks' tolerance depends on each figure (its unit, whether it is approximate,
-- its printing's precision); both intermediate models have the same columns.
figure_tolerance_shaped as (

    {% for checks in ['news_checks', 'cbs_checks'] %}
    select
        check_id,
        check_code,
        unit,
        source_code,
        edition_year,
        release_id,
        product_code,
        indicator_code,
        subject,
        reference_year,
        period_code,
        expected_value,
        printed_value,
        tolerance as figure_tolerance,
        input_figure_ids

    from {{ checks }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}

),

-- One publisher's value against another's (or its parts against its year): the tolerance is
-- the gap the concept register explains in that direction (fct_source_comparisons.allowed_gap).
comparisons_shaped as (

    select
        concat('source_comparison/', comparison_id) as check_id,
        case comparison_kind
            when 'parts_against_year' then 'source_parts_sum_to_year'
            else 'source_comparison_within_register'
        end as check_code,
        case when unit_a = unit_b then unit_a else concat(unit_a, ' against ', unit_b) end as unit,
        source_code_b as source_code,
        cast(null as integer) as edition_year,
        release_id_b as release_id,
        cast(null as varchar) as product_code,
        cast(null as varchar) as indicator_code,
        concat(
            concept_label, ' ', period_code,
            case when country_code is null then '' else concat(' (', country_code, ')') end, ': ',
            publisher_a, ' ', value_printed_a, ' against ', publisher_b, ' ',
            case when comparison_kind = 'parts_against_year' then concat('sum of ', part_grain, 's ') else '' end,
            value_printed_b
        ) as subject,
        reference_year,
        period_code,
        cast(value_a as decimal(18, 4)) as expected_value,
        cast(value_b as decimal(18, 4)) as printed_value,
        cast(allowed_gap as decimal(18, 4)) as figure_tolerance,
        cast(string_to_array(concat(figure_id_a, ' + ', figure_id_b), ' + ') as varchar[]) as input_figure_ids

    from source_comparisons

),

evaluated as (

    -- all in the same column order
    select * from jaarcijfers_shaped
    union all
    select * from figure_tolerance_shaped
    union all
    select * from comparisons_shaped

),

judged as (

    select
        evaluated.*,
        coalesce(evaluated.figure_tolerance, checks.tolerance) as tolerance

    from evaluated
    left join checks
        on evaluated.check_code = checks.check_code

),

final as (

    select
        evaluated.check_id,
        evaluated.check_code,
        checks.check_name_en,
        evaluated.source_code,
        evaluated.edition_year,
        evaluated.release_id,
        evaluated.product_code,
        evaluated.indicator_code,
        evaluated.subject,
        evaluated.reference_year,
        evaluated.period_code,
        checks.relation,
        evaluated.unit,
        evaluated.expected_value,
        evaluated.printed_value,
        cast(evaluated.printed_value - evaluated.expected_value as decimal(18, 4)) as gap,
        evaluated.tolerance,
        case checks.relation
            when 'equals' then abs(evaluated.printed_value - evaluated.expected_value) <= evaluated.tolerance
            when 'at_most' then evaluated.printed_value - evaluated.expected_value <= evaluated.tolerance
            when 'present' then evaluated.printed_value >= evaluated.expected_value
            when 'above' then evaluated.printed_value > evaluated.expected_value + evaluated.tolerance
        end as holds,
        checks.check_rule,
        checks.tolerance_reason,
        checks.reason,
        evaluated.input_figure_ids

    from judged as evaluated
    left join checks
        on evaluated.check_code = checks.check_code

)

select * from final
