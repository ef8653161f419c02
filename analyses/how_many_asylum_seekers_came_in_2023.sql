-- Question: how many asylum seekers came in 2023? Every publisher's answer for the year, one row
-- per publisher and definition (the concept register, marts.dim_concept): the latest printing,
-- its unit and rounding, and how it compares with the IND's Jaarcijfers where both print the
-- concept (marts.fct_source_comparisons). Never add the rows: they count the same people.
select
    series.concept_label,
    series.publisher_label,
    series.value_printed,
    series.unit,
    concepts.rounding,
    series.is_derived,
    comparisons.gap as gap_to_ind_jaarcijfers,
    comparisons.explanation_kind,
    series.figure_id
from marts.fct_concept_series as series
inner join marts.dim_concept as concepts
    on series.rule_code = concepts.rule_code
left join marts.fct_source_comparisons as comparisons
    on
        series.concept_code = comparisons.concept_code
        and series.period_code = comparisons.period_code
        and series.publisher_code = comparisons.publisher_b
        and comparisons.comparison_kind = 'between_publishers'
        and comparisons.is_all_nationalities
        and comparisons.publisher_a = 'ind_jaarcijfers'
where
    series.period_grain = 'year'
    and series.reference_year = 2023
    and series.is_default
    and series.is_all_nationalities
order by concepts.concept_code asc, concepts.publisher_rank asc, series.series_row_id asc
