{{ config(severity = 'warn') }}
-- Publication consistency, reported, never refused: each row is a check in
-- marts.fct_consistency_checks that the source does not meet (stock and flows, totals and
-- parts, first applications within the tracks, tables or footnotes missing). The build warns
-- with their number and goes on; query the mart for the gaps.
select
    check_id,
    subject,
    expected_value,
    printed_value,
    gap,
    tolerance
from {{ ref('fct_consistency_checks') }}
where not holds
