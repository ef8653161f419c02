"""Several editions side by side: the latest wins in the marts, restatements are listed.

These read the published warehouse and hold whatever editions are loaded after 2024: the facts
about the 2024 edition are asked as such.
"""

from __future__ import annotations

from decimal import Decimal

import duckdb
import pytest

from conftest import PUBLISHED_WAREHOUSE


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
        where source_code = 'jaarcijfers' and later_edition_year = 2024
        order by product_code, indicator_code, reference_year
        """
    ).fetchall()

    assert revisions == [
        ("asylum_track_4_general", "grant_rate", 2023, 2023, 2024, "62%", "61%", Decimal("-0.0100")),
        ("notices_of_default", "received", 2022, 2023, 2024, "19.830", "19.270", Decimal("-560.0000")),
        ("notices_of_default", "received", 2023, 2023, 2024, "28.670", "27.450", Decimal("-1220.0000")),
    ]


def test_marts_show_the_latest_edition_reporting_each_year(warehouse):
    latest_printed = """
        select reference_year, edition_year, value from marts.fct_figures
        where product_code = 'notices_of_default' and indicator_code = ?
        qualify edition_year = max(edition_year) over (partition by reference_year)
        order by reference_year
    """
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

    assert notices == warehouse.execute(latest_printed, ["received"]).fetchall()
    assert penalties == warehouse.execute(latest_printed, ["penalty_payments_eur"]).fetchall()
    # The 2023 press release's figures of 2022 and 2023, restated by the 2024 edition, are not shown.
    assert all(edition >= 2024 for year, edition, _ in notices if year in (2022, 2023))
    assert (2023, 2023, 11_300_000) in penalties, "the 2023 penalty payments, printed by the press release only"
