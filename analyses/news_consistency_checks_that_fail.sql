-- Question: where do the news figures not add up, against themselves or the Jaarcijfers, and by
-- how much? (The checks that hold are in the same model with holds = true.)
select
    check_code,
    subject,
    expected_value,
    printed_value,
    gap,
    tolerance
from marts.fct_consistency_checks
where source_code = 'ind_news' and not holds
order by check_code, check_id
