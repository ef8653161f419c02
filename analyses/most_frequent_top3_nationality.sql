-- Question: which nationality appears most often across the top-3 lists of the latest edition,
-- and in which procedures?
select
    nationalities.nationality_en,
    nationalities.iso_alpha3,
    count(*) as list_count,
    count(*) filter (where entries.nationality_rank = 1) as times_first,
    string_agg(products.product_name_en, '; ' order by products.product_name_en) as product_names
from marts.fct_top_nationalities as entries
inner join marts.dim_nationality as nationalities on entries.nationality_code = nationalities.nationality_code
inner join marts.dim_product as products on entries.product_code = products.product_code
where entries.is_latest_edition
group by nationalities.nationality_en, nationalities.iso_alpha3
order by list_count desc, times_first desc, nationalities.nationality_en asc
limit 5
