"""The HTML report: built from the reporting tables alone, self-contained, and drawn by a real browser."""

from __future__ import annotations

import base64
import json
import re
import shutil
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR
from jaarcijfers.report import build_report
from report_page import chart_rows, chart_specs, without_scripts

WAREHOUSE = PROJECT_DIR / "warehouse" / "ind.duckdb"
SCREENSHOTS = PROJECT_DIR / "reports" / "screenshots"
INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium chromium-driver"
# Flags for a machine without internet; without them Chromium keeps trying to reach Google's services.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Any request off this machine fails, and shows up as a console error.
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--window-size=1280,1000",
)


@pytest.fixture(scope="session")
def warehouse() -> Path:
    if not WAREHOUSE.is_file():
        pytest.fail(f"{WAREHOUSE} does not exist: run make build first")
    return WAREHOUSE


@pytest.fixture(scope="session")
def report(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    output = tmp_path_factory.mktemp("report") / "jaarcijfers.html"
    return output, build_report(warehouse, output)


def reporting_rows(connection: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every row of every reporting table as the report embeds it, through JSON: decimals as floats, dates as text."""
    rows = {}
    for (table,) in connection.execute(
        "select table_name from information_schema.tables where table_schema = 'reporting'"
    ).fetchall():
        cursor = connection.execute(f"select * from reporting.{table}")
        columns = [column[0] for column in cursor.description]
        rows[table] = [
            json.loads(
                json.dumps(
                    {
                        name: float(value) if isinstance(value, Decimal) else value
                        for name, value in zip(columns, row, strict=True)
                    },
                    default=str,
                )
            )
            for row in cursor.fetchall()
        ]
    return rows


def test_report_loads_nothing_from_outside_the_file(report):
    output, chart_count = report
    page = output.read_text(encoding="utf-8")
    markup = without_scripts(page)

    assert not re.search(r"<script\b[^>]*\bsrc=", page)
    assert "<link" not in markup
    assert "@import" not in markup and "url(" not in markup
    assert all(target.startswith("#") for target in re.findall(r'\b(?:src|href)="([^"]*)"', markup))
    assert len(chart_specs(page)) == chart_count == len(re.findall(r'<div class="chart" id="chart-\d+"', page))


def test_every_chart_draws_rows_of_the_reporting_tables(report, warehouse):
    output, _ = report
    specs = chart_specs(output.read_text(encoding="utf-8"))
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = reporting_rows(connection)
    known = {json.dumps(row, sort_keys=True): table for table, rows in tables.items() for row in rows}

    drawn = set()
    for spec in specs:
        rows = [json.dumps(row, sort_keys=True) for row in chart_rows(spec)]
        assert rows, spec["title"]["text"]
        assert [row for row in rows if row not in known] == [], f"{spec['title']['text']}: rows in no reporting table"
        drawn |= {known[row] for row in rows}
    assert {"rpt_domain_volumes", "rpt_months_of_stock", "rpt_staff_against_decisions"} <= drawn


def test_a_chart_says_it_is_derived_exactly_when_its_rows_are(report):
    output, _ = report
    specs = chart_specs(output.read_text(encoding="utf-8"))

    said = {spec["title"]["text"] for spec in specs if "derived by this project" in spec["title"]["subtitle"]}
    derived = {spec["title"]["text"] for spec in specs if all(row.get("is_derived") for row in chart_rows(spec))}

    assert said == derived
    assert said


def test_report_shows_the_marts_figures_with_their_source(report, warehouse):
    output, _ = report
    page = output.read_text(encoding="utf-8")
    specs = chart_specs(page)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        (latest_year,) = connection.execute("select max(reference_year) from marts.fct_volumes").fetchone()
        (staff,) = connection.execute(
            "select total_staff_fte from marts.fct_staffing where reference_year = ?", [latest_year]
        ).fetchone()
        pending = dict(
            connection.execute(
                "select reference_year, volume from marts.fct_volumes "
                "where product_code = 'naturalisation' and indicator_code = 'cases_pending'"
            ).fetchall()
        )
        naturalisation_editions = [
            str(edition)
            for (edition,) in connection.execute(
                "select distinct edition_year from marts.fct_volumes where product_code = 'naturalisation' order by 1"
            ).fetchall()
        ]

    assert all(
        re.match(r"Source: (IND Jaarcijfers, editions? \d{4}|IND news releases on ind\.nl)", spec["title"]["subtitle"])
        for spec in specs
    )
    assert f"{staff:,.0f} FTE" in page
    (naturalisation,) = [
        spec
        for spec in specs
        if any(row.get("product_code") == "naturalisation" and "volume" in row for row in chart_rows(spec))
    ]
    editions = (
        f"edition {naturalisation_editions[0]}"
        if len(naturalisation_editions) == 1
        else f"editions {', '.join(naturalisation_editions[:-1])} and {naturalisation_editions[-1]}"
    )
    assert naturalisation["title"]["subtitle"] == f"Source: IND Jaarcijfers, {editions}"
    assert {
        row["reference_year"]: row["volume"]
        for row in chart_rows(naturalisation)
        if row["indicator_code"] == "cases_pending"
    } == pending
    assert "Dutch (tabelkop)" in page and "Naturalisatie" in page


def test_the_derived_figures_follow_from_the_marts_printed_ones(report, warehouse):
    output, _ = report
    rows = [row for spec in chart_specs(output.read_text(encoding="utf-8")) for row in chart_rows(spec)]
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        volume = {
            (product, indicator, year): count
            for product, indicator, year, count in connection.execute(
                "select product_code, indicator_code, reference_year, volume from marts.fct_volumes"
            ).fetchall()
        }
        staff = dict(connection.execute("select reference_year, total_staff_fte from marts.fct_staffing").fetchall())
    months = {
        (row["product_code"], row["reference_year"]): row["months_of_stock"] for row in rows if "months_of_stock" in row
    }
    staff_index = {
        row["reference_year"]: row["index_value"]
        for row in rows
        if row.get("indicator_code") == "total_staff_fte" and "index_value" in row
    }

    assert months and months == {
        (product, year): rounded(12 * volume[(product, "cases_pending", year)], volume[(product, "decisions", year)])
        for product, year in months
    }
    assert staff_index == {year: rounded(100 * fte, staff[min(staff)]) for year, fte in staff.items()}


def rounded(numerator, denominator) -> float:
    """The quotient to 4 decimals, half away from zero, as the warehouse rounds its derived values."""
    return float((Decimal(numerator) / Decimal(denominator)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def test_revisions_section_shows_every_figure_a_later_edition_restated(report, warehouse):
    output, _ = report
    page = output.read_text(encoding="utf-8")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        editions = [
            year
            for (year,) in connection.execute("select edition_year from marts.dim_publication order by 1").fetchall()
        ]
        revisions = connection.execute(
            "select earlier_value_printed || ' → ' || later_value_printed, relative_difference "
            "from marts.fct_revisions where relative_difference is not null and source_code = 'jaarcijfers'"
        ).fetchall()
    if len(editions) < 2:
        pytest.fail("the warehouse holds one edition; this test needs the editions main loads")

    (chart,) = [spec for spec in chart_specs(page) if any("relative_difference" in row for row in chart_rows(spec))]
    assert sorted((row["values_printed"], row["relative_difference"]) for row in chart_rows(chart)) == sorted(
        (printed, float(difference)) for printed, difference in revisions
    )
    assert (
        chart["title"]["subtitle"]
        == f"Source: IND Jaarcijfers, editions {', '.join(map(str, editions[:-1]))} and {editions[-1]}"
    )
    assert f"Figures a later edition restated: {len(revisions)}." in page


def test_with_one_edition_loaded_there_is_no_revisions_section(warehouse, tmp_path):
    one_edition = tmp_path / "ind.duckdb"
    shutil.copyfile(warehouse, one_edition)
    with duckdb.connect(str(one_edition)) as connection:
        (latest,) = connection.execute("select max(edition_year) from reporting.rpt_editions").fetchone()
        connection.execute("delete from reporting.rpt_editions where edition_year <> ?", [latest])
        connection.execute("delete from reporting.rpt_revisions")
    output = tmp_path / "report.html"

    build_report(one_edition, output)

    page = output.read_text(encoding="utf-8")
    assert 'id="revisions"' not in page
    assert not [spec for spec in chart_specs(page) if any("relative_difference" in row for row in chart_rows(spec))]


@pytest.fixture
def browser(tmp_path):
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        pytest.skip(f"headless Chromium is not installed; install it with: {INSTALL_CHROMIUM}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    yield driver
    driver.quit()


def save_screenshot(driver, path: Path, clip: dict) -> None:
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": {**clip, "scale": 1}},
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def test_every_chart_is_drawn_in_headless_chromium_without_console_errors(report, browser):
    from selenium.webdriver.support.ui import WebDriverWait

    output, chart_count = report
    browser.get(output.as_uri())
    WebDriverWait(browser, 60).until(
        lambda driver: driver.execute_script(
            "return [...document.querySelectorAll('div.chart')].every((chart) => chart.dataset.rendered)"
        )
    )
    charts = browser.execute_script(
        """
        return [...document.querySelectorAll('div.chart')].map((chart) => ({
            id: chart.id,
            rendered: chart.dataset.rendered,
            drawings: chart.querySelectorAll('svg.marks, canvas.marks').length,
            marks: chart.querySelectorAll('.role-mark > :not(g)').length,
        }))
        """
    )
    errors = [entry["message"] for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    save_screenshot(
        browser, SCREENSHOTS / "report.png", {"x": 0, "y": 0, "width": size["width"], "height": size["height"]}
    )
    for anchor, box in browser.execute_script(
        "return [...document.querySelectorAll('section')].map((s) => [s.id, s.getBoundingClientRect().toJSON()])"
    ):
        clip = {
            "x": box["x"],
            "y": box["y"] + browser.execute_script("return window.scrollY"),
            "width": box["width"],
            "height": box["height"],
        }
        save_screenshot(browser, SCREENSHOTS / f"section-{anchor}.png", clip)

    assert errors == []
    assert len(charts) == chart_count > 0
    assert [
        chart["id"] for chart in charts if chart["rendered"] != "true" or chart["drawings"] != 1 or chart["marks"] == 0
    ] == []
