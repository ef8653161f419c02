-- Question: where do the news figures not add up, against themselves or the Jaarcijfers, and by
-- how much? (The checks that hold are in the same model with holds = true.)
select
    check_code,
    subject,
    expected_value,
    printed_value,
    gap,
    tolerance
from intermediate.int_ind_news__consistency_checks
where not holds
order by check_code, check_id
