-- Question: for every product with a grant rate, how many grants did the latest year's decisions imply,
-- labelled in English and in Dutch as printed? (Estimated grants are derived, not published.)
select
    derived.reference_year,
    products.product_name_en,
    products.product_name_nl,
    products.domain_name_en,
    products.domain_name_nl,
    indicators.indicator_name_en,
    indicators.indicator_name_nl,
    derived.value as estimated_grants,
    derived.is_derived,
    derived.formula
from marts.fct_derived_measures as derived
inner join marts.dim_product as products on derived.product_code = products.product_code
inner join marts.dim_indicator as indicators on derived.indicator_code = indicators.indicator_code
where
    derived.indicator_code = 'estimated_grants'
    and derived.reference_year = (
        select max(reference_year) from marts.fct_figures
        where edition_year = (
            select max(edition_year) from marts.dim_publication
            where is_complete_edition
        )
    )
order by derived.value desc, derived.product_code asc
