-- Question: which figures of the latest edition do not add up, and by how much? (Cases pending
-- against intake and decisions, totals against their parts, first asylum applications against
-- the tracks, tables or footnotes missing.) Without the last condition: every check evaluated.
select
    checks.edition_year,
    checks.check_name_en,
    checks.subject,
    checks.expected_value,
    checks.printed_value,
    checks.gap,
    checks.tolerance,
    checks.tolerance_reason
from marts.fct_consistency_checks as checks
where
    checks.edition_year = (select max(edition_year) from marts.dim_publication)
    and not checks.holds
order by abs(checks.gap) desc, checks.check_id asc
