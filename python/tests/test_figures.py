"""One definition of a printed figure: the extractor accepts and reads exactly what the case
table says, as the staging macros must (tests/assert_printed_figure_forms_match_the_extractor.sql
checks them against the same file)."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from conftest import REPOSITORY
from jaarcijfers.sources.jaarcijfers.printed_figures import figure_form, parse_figure

with (REPOSITORY / "seeds" / "cases" / "printed_figures.csv").open(encoding="utf-8", newline="") as handle:
    CASES = list(csv.DictReader(handle))


@pytest.mark.parametrize("case", CASES, ids=[f"{case['printed'] or '<empty>'}: {case['why']}" for case in CASES])
def test_the_extractor_accepts_and_reads_exactly_the_case_table(case):
    if case["accepted"] == "true":
        assert figure_form(case["printed"]) == case["form"]
        assert parse_figure(case["printed"]) == (Decimal(case["value"]) if case["value"] else None)
    else:
        assert figure_form(case["printed"]) is None
        with pytest.raises(ValueError, match="is not a figure"):
            parse_figure(case["printed"])


def test_the_case_table_covers_every_form_both_ways():
    accepted = {case["form"] for case in CASES if case["accepted"] == "true"}
    assert accepted == {"number", "percentage", "euro", "unknown"}
    assert sum(case["accepted"] == "false" for case in CASES) >= 10
