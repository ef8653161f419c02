-- Question: which figures did a later edition restate, and by how much?
select
    product_code,
    indicator_code,
    reference_year,
    earlier_edition_year,
    later_edition_year,
    earlier_value_printed,
    later_value_printed,
    relative_difference
from marts.fct_revisions
where source_code = 'jaarcijfers'
order by product_code, indicator_code, reference_year, later_edition_year, revision_id
