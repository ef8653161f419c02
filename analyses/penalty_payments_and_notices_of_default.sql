-- Question: how do the penalty payments the IND paid compare with the notices of default it
-- received? Shown side by side, never divided: the payments also cover penalties courts imposed
-- on appeals for not deciding in time, and are paid in a year for notices of any year (footnote
-- 6; rule penalty_payments_cover_appeals of marts.dim_overlap_rule). The administrative penalty
-- after one notice is at most EUR 1.442 for non-asylum applications only: for asylum it was
-- abolished in July 2020 (upheld by the Council of State on 30-11-2022), and courts set penalties.
select
    payments.reference_year,
    payments.value_printed as penalty_payments_printed,
    payments.amount_eur as penalty_payments_eur,
    notices.volume as notices_of_default_received,
    notices.edition_year as notices_edition_year,
    payments.edition_year as payments_edition_year
from marts.fct_penalty_payments as payments
left join marts.fct_volumes as notices
    on
        payments.reference_year = notices.reference_year
        and notices.product_code = 'notices_of_default'
        and notices.indicator_code = 'received'
order by payments.reference_year
