"""One question, several publishers: the other publishers' source, the concept register
(seeds/reference/concept_register.csv) and marts.fct_source_comparisons.

What is expected is derived from the seeds (the other publishers' quotes, the register and its
catalogue, the CBS seed) and from fct_figures, never typed in: a new release or page must not need
an edit here. Each register rule has its own parametrised case.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE

REFERENCE = PROJECT_DIR / "seeds" / "reference"
QUOTES_SEED = PROJECT_DIR / "seeds" / "raw" / "other_publishers" / "other_publishers_quotes.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


REGISTER = _rows(REFERENCE / "concept_register.csv")
MEASURES = _rows(REFERENCE / "other_publishers_measures.csv")
PUBLISHERS = {row["publisher"]: row for row in _rows(REFERENCE / "other_publishers_publishers.csv")}
QUOTES = _rows(QUOTES_SEED)


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        yield connection


def _dicts(warehouse, sql: str, parameters: list | None = None) -> list[dict]:
    cursor = warehouse.execute(sql, parameters or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def comparisons(warehouse) -> list[dict]:
    return _dicts(warehouse, "select * from marts.fct_source_comparisons")


@pytest.fixture(scope="module")
def quotes_placed(warehouse) -> dict[str, dict]:
    rows = _dicts(warehouse, "select * from intermediate.int_other_publishers__quotes_catalogued")
    return {row["figure_id"]: row for row in rows}


# ---------- the other publishers' source


def test_every_quote_is_placed_once_with_the_transcribers_value(quotes_placed):
    expected = {f"other_publishers:{row['source_file']}:{row['source_line']}": row for row in QUOTES}
    assert set(quotes_placed) == set(expected)
    for figure_id, row in expected.items():
        placed = quotes_placed[figure_id]
        transcribed = Decimal(row["value"]) if row["value"] else None
        assert placed["value_printed"] == row["value_printed"]
        assert placed["value"] == transcribed, figure_id
        assert placed["publisher_code"] == PUBLISHERS[row["publisher"]]["publisher_code"]


def test_every_quote_is_matched_by_exactly_one_catalogue_entry(quotes_placed):
    for row in QUOTES:
        entries = [
            entry["entry_code"]
            for entry in MEASURES
            if re.search(entry["measure_pattern"], row["measure_en"]) and entry["unit"] in ("", row["unit"])
        ]
        assert len(entries) == 1, (row["source_line"], row["measure_en"], entries)
        placed = quotes_placed[f"other_publishers:{row['source_file']}:{row['source_line']}"]
        assert placed["entry_code"] == entries[0]


def test_every_catalogue_entry_is_used_and_compared_entries_are_in_the_register(quotes_placed):
    used = {row["entry_code"] for row in quotes_placed.values()}
    registered = {
        (rule["series_code"], rule["concept_code"])
        for rule in REGISTER
        if rule["series_kind"] == "other_publishers_entry"
    }
    for entry in MEASURES:
        assert entry["entry_code"] in used, f"{entry['entry_code']} matches no row"
        if entry["concept_code"]:
            assert (entry["entry_code"], entry["concept_code"]) in registered, entry["entry_code"]


def test_numbers_are_read_by_the_pages_convention(quotes_placed):
    """'39,767' on an English page and '32.180' on a Dutch one are both whole numbers; the
    printed qualifier is kept."""
    english = [row for row in quotes_placed.values() if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+", row["value_printed"])]
    dutch = [
        row for row in quotes_placed.values() if re.fullmatch(r"(ca\. )?[0-9]{1,3}(\.[0-9]{3})+", row["value_printed"])
    ]
    assert english and dutch
    for row in english:
        assert row["value"] == Decimal(row["value_printed"].replace(",", ""))
    for row in dutch:
        assert row["value"] == Decimal(row["value_printed"].removeprefix("ca. ").replace(".", ""))
        assert row["is_approximate"] == row["value_printed"].startswith("ca. ")


def _build_quotes(project: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "build",
            "--select",
            "+int_other_publishers__quotes_catalogued",
            "--indirect-selection",
            "cautious",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "DBT_PROFILES_DIR": str(project),
            "IND_WAREHOUSE_PATH": str(project / "target" / "ind.duckdb"),
        },
    )


@pytest.mark.parametrize(
    ("line", "printed", "message"),
    [
        (3, "38.377,5", "cannot read the number '38.377,5' on a page in en"),
        (3, "38,378", "the value '38,378' reads as 38378"),
        (3, "some thirty-eight thousand", "cannot read the value 'some thirty-eight thousand'"),
    ],
)
def test_an_unreadable_or_different_value_stops_the_build_naming_file_line_and_value(
    project_copy, line, printed, message
):
    seed = project_copy / "seeds" / "raw" / "other_publishers" / "other_publishers_quotes.csv"
    rows = _rows(seed)
    target = next(row for row in rows if row["source_line"] == str(line))
    target["value_printed"] = printed
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = _build_quotes(project_copy)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"other_publishers/figures.csv, line {line})" in output
    assert message in output


def test_extract_recognises_the_file_by_its_header_and_check_replays_it(project_copy):
    jaarcijfers = Path(sys.executable).parent / "jaarcijfers"
    source = project_copy / "publications" / "other_publishers" / "figures.csv"
    again = subprocess.run(
        [str(jaarcijfers), "--project-dir", str(project_copy), "extract", str(source)], capture_output=True, text=True
    )
    assert again.returncode == 0, again.stderr
    assert "0 new: unchanged" in again.stdout
    check = subprocess.run(
        [str(jaarcijfers), "--project-dir", str(project_copy), "check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    seed = project_copy / "seeds" / "raw" / "other_publishers" / "other_publishers_quotes.csv"
    seed.write_text(seed.read_text(encoding="utf-8").replace("38,377", "38,378", 1), encoding="utf-8")
    check = subprocess.run(
        [str(jaarcijfers), "--project-dir", str(project_copy), "check"], capture_output=True, text=True
    )
    assert check.returncode == 1
    assert "other_publishers/other_publishers_quotes.csv" in check.stderr


# ---------- the concept register, one case per rule


def _interval(rule: dict, value: Decimal, low: Decimal | None, high: Decimal | None) -> tuple[Decimal, Decimal]:
    half = Decimal(rule["rounding_half_width"] or "0")
    return min(low if low is not None else value, value - half), max(high if high is not None else value, value + half)


@pytest.mark.parametrize("rule", REGISTER, ids=[rule["rule_code"] for rule in REGISTER])
def test_register_rule(rule, warehouse, comparisons):
    series = _dicts(
        warehouse,
        "select * from intermediate.int_source_comparisons__series where rule_code = ? and not is_derived",
        [rule["rule_code"]],
    )
    # the series the rule names exists: a mistyped series_code finds nothing
    assert series, f"{rule['rule_code']}: no printing of {rule['series_kind']} {rule['series_code']}"
    assert {row["concept_code"] for row in series} == {rule["concept_code"]}
    assert {row["publisher_code"] for row in series} == {rule["publisher_code"]}
    by_rule = {other["rule_code"]: other for other in REGISTER}
    citing = [row for row in comparisons if rule["rule_code"] in (row["rule_code_a"], row["rule_code_b"])]
    excluded = {code.strip().split(" ")[0] for code in rule["not_comparable_with"].split(";") if code.strip()}
    for row in citing:
        # never two concepts side by side
        assert row["concept_code"] == rule["concept_code"]
        assert by_rule[row["rule_code_a"]]["concept_code"] == by_rule[row["rule_code_b"]]["concept_code"]
        assert row["concept_code"] not in excluded
    for row in (row for row in citing if row["comparison_kind"] == "between_publishers"):
        # the register's rounding and stated tolerance, recomputed: within them, or flagged
        rule_a, rule_b = by_rule[row["rule_code_a"]], by_rule[row["rule_code_b"]]
        gap = row["value_b"] - row["value_a"]
        if row["is_derived_a"] or row["is_derived_b"]:
            low_a, high_a, low_b, high_b = (
                row["value_low_a"],
                row["value_high_a"],
                row["value_low_b"],
                row["value_high_b"],
            )
        else:
            low_a, high_a = _interval(rule_a, row["value_a"], row["value_low_a"], row["value_high_a"])
            low_b, high_b = _interval(rule_b, row["value_b"], row["value_low_b"], row["value_high_b"])
        tolerance = Decimal(rule_a["tolerance_units"] or "0") + Decimal(rule_b["tolerance_units"] or "0")
        within = low_a - tolerance <= high_b and low_b - tolerance <= high_a
        assert row["is_within_explanation"] == within, row["comparison_id"]
        assert row["gap"] == gap


def test_no_concept_is_comparable_with_one_it_excludes():
    concepts = {rule["concept_code"] for rule in REGISTER}
    for rule in REGISTER:
        for named in filter(None, (part.strip().split(" ")[0] for part in rule["not_comparable_with"].split(";"))):
            assert named != rule["concept_code"]
    # the register's own example: nareizigers on arrival against nareis applications
    assert {"family_members_arrived", "nareis_applications"} <= concepts
    arrivals = {rule["rule_code"] for rule in REGISTER if rule["concept_code"] == "family_members_arrived"}
    assert all(
        "nareis_applications" in rule["not_comparable_with"] for rule in REGISTER if rule["rule_code"] in arrivals
    )


# ---------- fct_source_comparisons


def test_every_comparison_cites_a_register_rule_and_is_a_consistency_check(warehouse, comparisons):
    rules = {rule["rule_code"] for rule in REGISTER}
    assert comparisons
    checks = {
        row["check_id"]: row
        for row in _dicts(
            warehouse,
            "select check_id, holds, gap, tolerance from marts.fct_consistency_checks where check_code like 'source_%'",
        )
    }
    for row in comparisons:
        assert row["rule_code_a"] in rules and row["rule_code_b"] in rules
        check = checks[f"source_comparison/{row['comparison_id']}"]
        assert check["holds"] == row["is_within_explanation"]
        assert check["gap"] == row["gap"]
    assert len(checks) == len(comparisons)


def _latest_first_asylum_years(warehouse) -> dict[str, Decimal]:
    rows = warehouse.execute(
        "select period_code, value from marts.fct_figures where source_code = 'jaarcijfers' "
        "and product_code = 'asylum_first_applications' and indicator_code = 'first_asylum_applications' "
        "and period_grain = 'year' and is_latest_edition"
    ).fetchall()
    return dict(rows)


def test_the_ind_and_cbs_first_asylum_years_are_side_by_side(warehouse, comparisons):
    """Every year both the Jaarcijfers and CBS print (CBS's latest vintage, from the CBS seed's
    StatLine and news rows as the warehouse reads them) has its comparison."""
    ind = _latest_first_asylum_years(warehouse)
    # the latest release may print a year on twin pages (Dutch 38.375, English 38,375): any of them
    cbs: dict[str, set[str]] = {}
    for period_code, value_printed in warehouse.execute(
        "select period_code, value_printed from intermediate.int_cbs__figures_catalogued "
        "where indicator_code = 'first_asylum_requests' and period_grain = 'year' "
        "and is_all_nationalities and is_latest_vintage"
    ).fetchall():
        cbs.setdefault(period_code, set()).add(value_printed)
    both = set(ind) & set(cbs)
    assert both
    for year in both:
        rows = [
            row
            for row in comparisons
            if row["comparison_id"] == f"between_publishers/first_asylum_requests/{year}/all/ind_jaarcijfers/cbs"
        ]
        assert len(rows) == 1, year
        assert rows[0]["value_a"] == ind[year]
        assert rows[0]["value_printed_b"] in cbs[year]


def test_other_publishers_first_asylum_years_are_compared_with_the_ind(warehouse, comparisons):
    """AIDA's and the minister's first applications (from the quotes seed) against the Jaarcijfers."""
    ind = _latest_first_asylum_years(warehouse)
    first = {
        rule["series_code"]: rule["publisher_code"]
        for rule in REGISTER
        if rule["concept_code"] == "first_asylum_requests" and rule["series_kind"] == "other_publishers_entry"
    }
    expected = set()
    for row in QUOTES:
        entries = [
            entry["entry_code"]
            for entry in MEASURES
            if re.search(entry["measure_pattern"], row["measure_en"]) and entry["unit"] in ("", row["unit"])
        ]
        publisher = PUBLISHERS[row["publisher"]]["publisher_code"]
        if (
            entries[0] in first
            and first[entries[0]] == publisher
            and not row["nationality"]
            and row["reference_period"] in ind
            and row["value"]
        ):
            expected.add((row["reference_period"], publisher))
    assert expected
    found = {
        (row["period_code"], row["publisher_b"])
        for row in comparisons
        if row["publisher_a"] == "ind_jaarcijfers"
        and row["concept_code"] == "first_asylum_requests"
        and row["is_all_nationalities"]
    }
    assert expected <= found


def test_the_default_comparison_is_the_latest_vintage(warehouse):
    wrong = warehouse.execute(
        "select series.figure_id from intermediate.int_source_comparisons__series as series "
        "join intermediate.int_cbs__figures_catalogued as cbs using (figure_id) "
        "where series.is_default and not cbs.is_latest_vintage"
    ).fetchall()
    assert wrong == []
    several = warehouse.execute(
        "select count(*) from intermediate.int_source_comparisons__series where vintage_count > 1 and is_default"
    ).fetchone()[0]
    assert several > 0


def test_quarters_against_the_year_per_publisher(warehouse, comparisons):
    """Every publisher year printed beside all four of its quarters (latest vintages) is compared."""
    expected = warehouse.execute(
        "select years.concept_code, years.publisher_code, years.period_code, years.nationality_key "
        "from intermediate.int_source_comparisons__series as years "
        "join intermediate.int_source_comparisons__series as quarters "
        "on quarters.concept_code = years.concept_code and quarters.publisher_code = years.publisher_code "
        "and quarters.nationality_key = years.nationality_key and quarters.reference_year = years.reference_year "
        "and quarters.period_grain = 'quarter' and quarters.is_default and not quarters.is_derived "
        "where years.period_grain = 'year' and years.is_default and not years.is_derived "
        "group by 1, 2, 3, 4 having count(*) = 4"
    ).fetchall()
    assert expected
    found = {
        (row["concept_code"], row["publisher_a"], row["period_code"], row["country_code"] or "all")
        for row in comparisons
        if row["comparison_kind"] == "parts_against_year" and row["part_grain"] == "quarter"
    }
    assert set(expected) <= found
