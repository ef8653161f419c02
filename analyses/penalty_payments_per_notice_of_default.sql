-- Question: how much did the IND pay in penalty payments per notice of default received?
-- (The amount also covers appeals against not deciding in time, so this is an upper bound.)
select
    payments.reference_year,
    payments.value_printed as penalty_payments_printed,
    notices.volume as notices_of_default,
    round(payments.amount_eur / notices.volume) as euros_per_notice
from marts.fct_penalty_payments as payments
inner join marts.fct_volumes as notices
    on
        payments.reference_year = notices.reference_year
        and notices.product_code = 'notices_of_default'
        and notices.indicator_code = 'received'
order by payments.reference_year
