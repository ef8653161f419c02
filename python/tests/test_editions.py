"""Several editions side by side: the latest wins in the marts, restatements are listed."""

from __future__ import annotations

import subprocess
from decimal import Decimal
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR, add_publication_source, as_edition, publication_2024_text
from jaarcijfers.cli import main

PUBLISHED_WAREHOUSE = PROJECT_DIR / "warehouse" / "ind.duckdb"


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    if not PUBLISHED_WAREHOUSE.exists():
        pytest.fail(f"{PUBLISHED_WAREHOUSE} does not exist: run `make build` first (make test does)")
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        yield connection


def test_revisions_list_the_figures_the_2024_edition_restated(warehouse):
    revisions = warehouse.sql(
        """
        select product_code, indicator_code, reference_year, earlier_edition_year, later_edition_year,
            earlier_value_printed, later_value_printed, difference
        from marts.fct_revisions
        where source_code = 'jaarcijfers'
        order by product_code, indicator_code, reference_year
        """
    ).fetchall()

    assert revisions == [
        ("asylum_track_4_general", "grant_rate", 2023, 2023, 2024, "62%", "61%", Decimal("-0.0100")),
        ("notices_of_default", "received", 2022, 2023, 2024, "19.830", "19.270", Decimal("-560.0000")),
        ("notices_of_default", "received", 2023, 2023, 2024, "28.670", "27.450", Decimal("-1220.0000")),
    ]


def test_marts_show_the_latest_edition_reporting_each_year(warehouse):
    notices = warehouse.sql(
        """
        select reference_year, edition_year, volume from marts.fct_volumes
        where product_code = 'notices_of_default' and indicator_code = 'received'
        order by reference_year
        """
    ).fetchall()
    penalties = warehouse.sql(
        "select reference_year, edition_year, amount_eur from marts.fct_penalty_payments order by reference_year"
    ).fetchall()

    assert notices == [(2022, 2024, 19270), (2023, 2024, 27450), (2024, 2024, 29840)]
    assert penalties == [(2023, 2023, 11_300_000), (2024, 2024, 36_800_000)]


def test_an_extracted_edition_reaches_the_marts_with_no_model_edited(project_copy, tmp_path):
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025), encoding="utf-8")
    add_publication_source(project_copy, publication.name)
    assert main(["--project-dir", str(project_copy), "extract", str(publication)]) == 0

    build = subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project_copy), "build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:]

    with duckdb.connect(str(project_copy / "warehouse" / "ind.duckdb"), read_only=True) as warehouse:
        editions = warehouse.sql("select edition_year from marts.dim_publication order by 1").fetchall()
        family_2024 = warehouse.sql(
            """
            select edition_year, volume from marts.fct_volumes
            where product_code = 'family' and indicator_code = 'applications' and reference_year = 2024
            """
        ).fetchall()
        restated_by_2025 = warehouse.sql(
            "select count(*) from marts.fct_revisions where later_edition_year = 2025"
        ).fetchall()

    assert editions == [(2023,), (2024,), (2025,)]
    # The synthetic 2025 edition prints the 2023 column's figures under 2024.
    assert family_2024 == [(2025, 41_800)]
    assert restated_by_2025[0][0] > 100
