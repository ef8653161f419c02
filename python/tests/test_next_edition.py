"""A next edition that does not add up is published, and every discrepancy is a row.

The edition is written here (next_edition.py) with planted inconsistencies, extracted with the
command a user runs into a copy of the project, and built. Then the tests that read the warehouse
run again on that copy, as `make test` runs them on the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal

import duckdb

from conftest import REPOSITORY, publication_2024_text
from jaarcijfers.cli import main
from next_edition import Planted, next_edition

PLANTED = Planted(
    restated={
        ("Telefonie", "Totaal aantal afgehandelde calls", 2024): "353.100",
        ("Spoor 4 - Algemene of Verlengde asielprocedure", "Inwilligingen", 2024): "59%",
        ("Ingebrekestellingen", "Aantal ontvangen", 2024): "30.110",
    }
)
# The read-only tests of the suite, run on the copy with the next edition loaded.
TESTS_ON_THE_COPY = [
    "test_editions.py",
    "test_metrics.py",
    "test_readers.py",
    "test_report.py",
    "test_export.py",
    "test_extract.py::test_committed_seeds_are_the_extractors_output_byte_for_byte",
]


def test_a_next_edition_that_does_not_add_up_is_published_with_its_discrepancies_as_rows(
    project_copy_up_to_2024, tmp_path, capsys
):
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(next_edition(publication_2024_text(), PLANTED), encoding="utf-8")

    extract = [
        "--project-dir",
        str(project_copy_up_to_2024),
        "extract",
        str(publication),
        "--source-url",
        "https://ind.nl/nl/over-ons/cijfers-en-publicaties",
        "--published",
        "2026-02-02",
    ]
    assert main(extract) == 1
    refusal = capsys.readouterr().err
    assert (
        f"error: {publication}: table 'Ketenservicelijn' is missing: "
        "edition 2024 (jaarcijfers/jaarcijfers-2024.txt line 221) printed it" in refusal
    )
    assert "refused, 1 missing" in refusal and "--allow-missing" in refusal

    assert main([*extract, "--allow-missing"]) == 0
    summary = capsys.readouterr().out
    assert "27 tables (0 new, 1 missing), 100 rows (0 new, 1 missing)" in summary
    assert "198 figures printed again, 3 of them restated; 1 missing, allowed" in summary

    build = subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project_copy_up_to_2024), "build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr
    results = json.loads((project_copy_up_to_2024 / "target" / "run_results.json").read_text(encoding="utf-8"))[
        "results"
    ]
    statuses = {result["unique_id"].split(".")[-1]: result["status"] for result in results}
    assert not [name for name, status in statuses.items() if status in ("fail", "error")]
    assert statuses["assert_publications_add_up"] == "warn"

    with duckdb.connect(str(project_copy_up_to_2024 / "warehouse" / "ind.duckdb"), read_only=True) as warehouse:
        discrepancies = warehouse.sql(
            """
            select check_code, product_code, reference_year, gap from marts.fct_consistency_checks
            where not holds and source_code = 'jaarcijfers' order by check_code
            """
        ).fetchall()
        restated = warehouse.sql(
            """
            select product_code, indicator_code, reference_year, earlier_value_printed, later_value_printed
            from marts.fct_revisions where later_edition_year = 2025 order by all
            """
        ).fetchall()
        penalties = warehouse.sql(
            "select value_printed, amount_eur from marts.fct_penalty_payments where reference_year = 2025"
        ).fetchall()
        provenance = warehouse.execute(
            "select source_type, published_url, published_on from marts.dim_publication where edition_year = 2025"
        ).fetchone()

    assert discrepancies == [
        (
            "first_applications_within_tracks",
            "asylum_first_applications",
            2025,
            Decimal(PLANTED.first_applications_above_tracks),
        ),
        ("staff_total_equals_parts", "staffing", 2025, Decimal(PLANTED.staff_total_gap)),
        ("stock_flow", "students", 2025, Decimal(PLANTED.stock_flow_gap[1])),
        ("table_printed_again", "chain_service_line", None, Decimal(-1)),
    ]
    assert restated == [
        ("asylum_track_4_general", "grant_rate", 2024, "58%", "59%"),
        ("notices_of_default", "received", 2024, "29.840", "30.110"),
        ("telephone_line", "calls_handled", 2024, "352.810", "353.100"),
    ]
    assert penalties == [("€ 40,0 mln", Decimal("40000000"))]
    assert provenance[:2] == ("annual figures publication", "https://ind.nl/nl/over-ons/cijfers-en-publicaties")
    assert str(provenance[2]) == "2026-02-02"

    report = subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project_copy_up_to_2024), "report"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert report.returncode == 0, report.stderr
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *TESTS_ON_THE_COPY],
        cwd=REPOSITORY / "python" / "tests",
        env={**os.environ, "IND_PROJECT_DIR": str(project_copy_up_to_2024)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert suite.returncode == 0, suite.stdout[-4000:]
