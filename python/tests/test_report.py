"""The HTML report: built from the marts alone, self-contained, and drawn by a real browser."""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR
from jaarcijfers.report import build_report

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


def chart_specs(page: str) -> list[dict]:
    return [json.loads(spec.replace("<\\/", "</")) for spec in re.findall(r'<script type="application/json" id="spec-\d+">(.*?)</script>', page)]


def without_scripts(page: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.DOTALL)


def test_report_loads_nothing_from_outside_the_file(report):
    output, chart_count = report
    page = output.read_text(encoding="utf-8")
    markup = without_scripts(page)

    assert not re.search(r"<script\b[^>]*\bsrc=", page)
    assert "<link" not in markup
    assert "@import" not in markup and "url(" not in markup
    assert all(target.startswith("#") for target in re.findall(r'\b(?:src|href)="([^"]*)"', markup))
    assert len(chart_specs(page)) == chart_count == len(re.findall(r'<div class="chart" id="chart-\d+"', page))


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
        (naturalisation_edition,) = connection.execute(
            "select distinct edition_year from marts.fct_volumes where product_code = 'naturalisation'"
        ).fetchone()

    assert all(re.match(r"Source: IND Jaarcijfers, editions? \d{4}", spec["title"]["subtitle"]) for spec in specs)
    assert f"{staff:,.0f} FTE" in page
    naturalisation = next(spec for spec in specs if spec["title"]["text"].startswith("Naturalisation: numbers"))
    assert naturalisation["title"]["subtitle"] == f"Source: IND Jaarcijfers, edition {naturalisation_edition}"
    assert {
        row["reference_year"]: row["volume"]
        for row in naturalisation["data"]["values"]
        if row["metric_label"].startswith("Cases pending")
    } == pending
    assert "Dutch (tabelkop)" in page and "Naturalisatie" in page
    derived = [spec for spec in specs if "derived by this project" in spec["title"]["subtitle"]]
    assert [spec["title"]["text"] for spec in derived] == [
        "Intake minus decisions, per procedure and year: above zero the backlog grows"
    ]


def test_revisions_section_shows_every_figure_a_later_edition_restated(report, warehouse):
    output, _ = report
    page = output.read_text(encoding="utf-8")
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        editions = [year for (year,) in connection.execute("select edition_year from marts.dim_publication order by 1").fetchall()]
        revisions = connection.execute(
            "select earlier_value_printed || ' → ' || later_value_printed, relative_difference "
            "from marts.fct_revisions where relative_difference is not null and source_code = 'jaarcijfers'"
        ).fetchall()
    if len(editions) < 2:
        pytest.fail("the warehouse holds one edition; this test needs the editions main loads")

    (chart,) = [spec for spec in chart_specs(page) if spec["title"]["text"].startswith("Figures restated")]
    assert sorted((row["value_printed"], row["relative_difference"]) for row in chart["data"]["values"]) == sorted(
        (printed, float(difference)) for printed, difference in revisions
    )
    assert chart["title"]["subtitle"] == f"Source: IND Jaarcijfers, editions {', '.join(map(str, editions[:-1]))} and {editions[-1]}"
    assert f"Figures a later edition restated: {len(revisions)}." in page


def test_with_one_edition_loaded_there_is_no_revisions_section(warehouse, tmp_path):
    one_edition = tmp_path / "ind.duckdb"
    shutil.copyfile(warehouse, one_edition)
    with duckdb.connect(str(one_edition)) as connection:
        (latest,) = connection.execute("select max(edition_year) from marts.dim_publication").fetchone()
        connection.execute("delete from marts.dim_publication where edition_year <> ?", [latest])
        connection.execute("delete from marts.fct_revisions")
    output = tmp_path / "report.html"

    build_report(one_edition, output)

    page = output.read_text(encoding="utf-8")
    assert 'id="revisions"' not in page
    assert not [spec for spec in chart_specs(page) if spec["title"]["text"].startswith("Figures restated")]


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
    save_screenshot(browser, SCREENSHOTS / "report.png", {"x": 0, "y": 0, "width": size["width"], "height": size["height"]})
    for anchor, box in browser.execute_script(
        "return [...document.querySelectorAll('section')].map((s) => [s.id, s.getBoundingClientRect().toJSON()])"
    ):
        clip = {"x": box["x"], "y": box["y"] + browser.execute_script("return window.scrollY"), "width": box["width"], "height": box["height"]}
        save_screenshot(browser, SCREENSHOTS / f"section-{anchor}.png", clip)

    assert errors == []
    assert len(charts) == chart_count > 0
    assert [chart["id"] for chart in charts if chart["rendered"] != "true" or chart["drawings"] != 1 or chart["marks"] == 0] == []
