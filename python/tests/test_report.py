"""The HTML report: built from the reporting tables alone, self-contained, and drawn by a real browser."""

from __future__ import annotations

import base64
import csv
import html
import json
import re
import shutil
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR
from jaarcijfers.report import build_report
from jaarcijfers.report.reporting import Reporting
from report_page import chart_rows, chart_specs, without_scripts
from stored_order import reversed_copy

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
# A console message at these levels fails the browser test: errors, and warnings such as Vega's.
CONSOLE_FAILS = ("SEVERE", "WARNING")


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


def read_reference(name: str) -> list[dict]:
    with (PROJECT_DIR / "seeds" / "reference" / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_each_domain_section_says_above_its_charts_what_the_domain_holds_beyond_its_name(report):
    """A domain's charts add what its tables print; where a table of the domain holds another domain's
    work (its Dutch heading names that domain, as 'verblijfsvergunning asiel en regulier' does, or
    includes a procedure of that domain's tables, as 'incl. bezwaar bij Nareis' does), the section
    says so before its first chart, in the domain's description from seeds/reference/domains.csv."""
    output, _ = report
    page = output.read_text(encoding="utf-8")
    domains = {row["domain_code"]: row for row in read_reference("domains.csv")}
    products = read_reference("products.csv")

    caveats = []
    for product in products:
        heading = words(product["table_heading_nl"])
        included = re.search(r"\(incl\. ([^)]*)\)", product["table_heading_nl"])
        for other in products:
            if other["domain_code"] == product["domain_code"]:
                continue
            named_domain = words(domains[other["domain_code"]]["domain_name_nl"]) <= heading
            first_word = re.match(r"\w+", other["table_heading_nl"])
            named_procedure = included and first_word and first_word[0].lower() in words(included[1])
            procedure = re.match(r"\w+", product["product_name_en"])[0]
            if named_domain:
                caveats.append((product["domain_code"], procedure, domains[other["domain_code"]]["domain_name_en"]))
            if named_procedure:
                caveats.append((product["domain_code"], procedure, first_word[0]))
    assert {("regular_residence", "Extensions", "Asylum"), ("regular_residence", "Objections", "Nareis")} <= set(
        caveats
    )

    for domain_code, domain in domains.items():
        section = re.search(rf'<section id="{domain_code}">(.*?)(?:<div class="chart"|</section>)', page, re.S)
        assert section, f"no section for {domain_code}"
        shown = re.search(r'<p class="domain-description">(.*?)</p>', section[1], re.S)
        assert shown, f"{domain_code}: no description above the charts"
        assert html.unescape(shown[1]) == domain["domain_description"], domain_code
    for domain_code, procedure, named in sorted(set(caveats)):
        description = domains[domain_code]["domain_description"]
        # 'non-asylum' does not say that the domain holds asylum work
        said = [re.search(rf"(?<![\w-]){re.escape(term)}\b", description, re.I) for term in (procedure, named)]
        assert all(said), (
            f"{domain_code}: its {procedure} table holds {named} work, and its description does not say so"
        )


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
            "select earlier_value_printed || ' → ' || later_value_printed, relative_difference, "
            "earlier_edition_year, later_edition_year "
            "from marts.fct_revisions where relative_difference is not null and source_code = 'jaarcijfers'"
        ).fetchall()
    if len(editions) < 2:
        pytest.fail("the warehouse holds one edition; this test needs the editions main loads")
    # The chart's source line names the editions its figures come from: an edition that restated
    # nothing is not among them.
    editions = sorted({year for *_, earlier, later in revisions for year in (earlier, later)})

    (chart,) = [spec for spec in chart_specs(page) if any("relative_difference" in row for row in chart_rows(spec))]
    assert sorted((row["values_printed"], row["relative_difference"]) for row in chart_rows(chart)) == sorted(
        (printed, float(difference)) for printed, difference, *_ in revisions
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


def test_every_read_of_the_report_is_ordered_by_a_key(warehouse, tmp_path, monkeypatch):
    """Rows that tie on a read's `order by` come in the order a build happened to store them."""
    reads = []
    read = Reporting.rows

    def recorded(self, table, *, where=None, order_by=()):
        reads.append((table, where or {}, order_by))
        return read(self, table, where=where, order_by=order_by)

    monkeypatch.setattr(Reporting, "rows", recorded)
    build_report(warehouse, tmp_path / "report.html")

    ties = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        for table, where, order_by in reads:
            condition = " and ".join(f"{column} = ?" for column in where) or "true"
            key = ", ".join(column.removesuffix(" desc") for column in order_by)
            rows = f"select * from reporting.{table} where {condition}"
            tied_rows = (
                f"select count(*) from ({rows}) group by {key} having count(*) > 1"
                if key
                else f"select count(*) from ({rows}) having count(*) > 1"
            )
            (tied,) = connection.execute(
                f"select coalesce(sum(tied), 0) from ({tied_rows}) as ties(tied)", [*where.values()]
            ).fetchone()
            if tied:
                ties.append(f"{table} where {where} order by {', '.join(order_by) or '(nothing)'}: {tied} rows tie")
    assert reads
    assert ties == []


def test_the_same_figures_give_the_same_report_however_a_build_stored_them(warehouse, tmp_path):
    """The report built twice, from the warehouse and from a copy storing every row in reverse, is
    the same page byte for byte: it carries no build time, and every order in it is total."""
    reversed_warehouse = reversed_copy(warehouse, tmp_path / "reversed" / warehouse.name)

    build_report(warehouse, tmp_path / "as-stored.html")
    build_report(reversed_warehouse, tmp_path / "reversed.html")

    as_stored, reordered = (
        (tmp_path / name).read_text(encoding="utf-8") for name in ("as-stored.html", "reversed.html")
    )
    assert [
        first["title"]["text"]
        for first, second in zip(chart_specs(as_stored), chart_specs(reordered), strict=True)
        if first != second
    ] == []
    assert as_stored == reordered


def test_the_monthly_influx_chart_shows_every_month_published(report, warehouse):
    output, _ = report
    drawn = {
        row["influx_id"]
        for spec in chart_specs(output.read_text(encoding="utf-8"))
        for row in chart_rows(spec)
        if "release_count" in row
    }
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        published = {
            influx_id
            for (influx_id,) in connection.execute(
                "select influx_id from marts.fct_asylum_influx_monthly where country_scope = 'all'"
            ).fetchall()
        }

    assert published
    assert sorted(published - drawn) == []
    assert drawn == published


def drawn_encodings(spec: dict | list, rows: list[dict] | None = None):
    """Each encoding channel of a chart, with the inline rows it draws (its own or its enclosing chart's)."""
    if isinstance(spec, list):
        for item in spec:
            yield from drawn_encodings(item, rows)
        return
    if not isinstance(spec, dict):
        return
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        rows = spec["data"]["values"]
    for channel, encoding in spec.get("encoding", {}).items():
        yield rows or [], channel, encoding
    for key, value in spec.items():
        if key not in ("data", "encoding"):
            yield from drawn_encodings(value, rows)


def test_a_rate_is_drawn_on_an_axis_of_percentages(report):
    """A row's `value` in its `unit`: ratios (0.97) on a percent axis (97%), and no other unit beside them."""
    output, _ = report
    wrong = []
    for spec in chart_specs(output.read_text(encoding="utf-8")):
        for rows, channel, encoding in drawn_encodings(spec):
            units = {row.get("unit") for row in rows}
            if channel in ("x", "y") and encoding.get("field") == "value" and "ratio" in units:
                axis_format = (encoding.get("axis") or {}).get("format", "")
                if units != {"ratio"} or "%" not in axis_format:
                    wrong.append(
                        f"{spec['title']['text']}: units {sorted(map(str, units))}, axis format {axis_format!r}"
                    )

    assert wrong == []


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        pytest.skip(f"headless Chromium is not installed; install it with: {INSTALL_CHROMIUM}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def drawn_report(report, browser) -> list[dict]:
    """The report opened in headless Chromium once every chart is drawn; what the console logged meanwhile."""
    from selenium.webdriver.support.ui import WebDriverWait

    output, _ = report
    browser.get(output.as_uri())
    WebDriverWait(browser, 60).until(
        lambda driver: driver.execute_script(
            "return [...document.querySelectorAll('div.chart')].every((chart) => chart.dataset.rendered)"
        )
    )
    return browser.get_log("browser")


def save_screenshot(driver, path: Path, clip: dict) -> None:
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {"format": "png", "captureBeyondViewport": True, "clip": {**clip, "scale": 1}},
    )
    path.write_bytes(base64.b64decode(shot["data"]))


def test_every_chart_is_drawn_in_headless_chromium_without_console_errors_or_warnings(report, browser, drawn_report):
    _, chart_count = report
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
    complaints = [f"{entry['level']}: {entry['message']}" for entry in drawn_report if entry["level"] in CONSOLE_FAILS]

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

    assert complaints == []
    assert len(charts) == chart_count > 0
    assert [
        chart["id"] for chart in charts if chart["rendered"] != "true" or chart["drawings"] != 1 or chart["marks"] == 0
    ] == []


# The page's text as a reader sees it: the HTML (folded tables unfolded), every text drawn in the
# charts, and every tooltip a mark shows on hover (from each chart's Vega view, its scenegraph).
VISIBLE_TEXT = """
const folded = [...document.querySelectorAll('details:not([open])')];
folded.forEach((details) => { details.open = true; });
const html = document.body.innerText;
folded.forEach((details) => { details.open = false; });
const texts = [];
const tooltips = [];
const visit = (node, chart) => {
    if (node.tooltip !== undefined && node.tooltip !== null) {
        const tooltip = typeof node.tooltip === 'object' ? node.tooltip : {'': node.tooltip};
        Object.entries(tooltip).forEach(([key, value]) => tooltips.push([chart, key + ': ' + value]));
    }
    (node.items || []).forEach((child) => visit(child, chart));
};
document.querySelectorAll('div.chart').forEach((chart) => {
    chart.querySelectorAll('svg text').forEach((text) => texts.push([chart.id, text.textContent]));
    visit(chart.vegaView.scenegraph().root, chart.id);
});
return {html: html, texts: texts, tooltips: tooltips};
"""
NOT_A_VALUE = re.compile(r"\b(None|null|NaN|undefined)\b")


def test_no_visible_text_says_none_null_nan_or_undefined(browser, drawn_report):
    seen = browser.execute_script(VISIBLE_TEXT)

    assert [line for line in seen["html"].splitlines() if NOT_A_VALUE.search(line)] == []
    assert [(chart, text) for chart, text in seen["texts"] if NOT_A_VALUE.search(text)] == []
    assert [(chart, text) for chart, text in seen["tooltips"] if NOT_A_VALUE.search(text)] == []


# What each chart draws and shows of the elements a selector picks (Vega hides a label that would
# overlap another with opacity 0), each as its text and the four corners of its box on the
# screen, rotation included.
BOXES = """
const corners = (element) => {
    const box = element.getBBox();
    const matrix = element.getScreenCTM();
    return [[box.x, box.y], [box.x + box.width, box.y], [box.x + box.width, box.y + box.height],
            [box.x, box.y + box.height]]
        .map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix))
        .map((point) => [point.x, point.y]);
};
const shown = (element) => (element.tagName !== 'text' || element.textContent.trim())
    && getComputedStyle(element).opacity !== '0' && element.getAttribute('opacity') !== '0';
return [...document.querySelectorAll('div.chart')].map((chart) => [
    chart.id,
    [...chart.querySelectorAll(arguments[0])].filter(shown).map((element) => [element.textContent, corners(element)]),
]);
"""
LABELS = ", ".join(
    f"g.role-{role} > text"
    for role in ("axis-label", "axis-title", "title-text", "title-subtitle", "legend-label", "legend-title")
)
# Boxes of two lines, one above the other, that overlap by less than this (in pixels) only
# touch: the descent of one and the ascent of the other.
OVERLAP_TOLERANCE = 0.5
# Two labels on one line need about a space between them, or they read as one ("20182019").
LABEL_SPACING = 3


def spaced(corners: list[list[float]]) -> list[list[float]]:
    """A text's box lengthened by half the label spacing at either end, along its line."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = corners
    length = ((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 or 1
    dx, dy = (x1 - x0) / length * LABEL_SPACING / 2, (y1 - y0) / length * LABEL_SPACING / 2
    return [[x0 - dx, y0 - dy], [x1 + dx, y1 + dy], [x2 + dx, y2 + dy], [x3 - dx, y3 - dy]]


def overlap(first: list[list[float]], second: list[list[float]]) -> bool:
    """Whether two convex quadrilaterals overlap by more than the tolerance (separating axis theorem)."""
    for polygon in (first, second):
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            if length == 0:
                continue
            axis = ((y1 - y2) / length, (x2 - x1) / length)
            ones = [x * axis[0] + y * axis[1] for x, y in first]
            others = [x * axis[0] + y * axis[1] for x, y in second]
            if min(max(ones), max(others)) - max(min(ones), min(others)) <= OVERLAP_TOLERANCE:
                return False
    return True


def test_no_two_labels_of_a_chart_overlap(browser, drawn_report):
    overlapping = [
        (chart, first_text, second_text)
        for chart, labels in browser.execute_script(BOXES, LABELS)
        for index, (first_text, first) in enumerate(labels)
        for second_text, second in labels[index + 1 :]
        if overlap(spaced(first), spaced(second))
    ]

    assert overlapping == []


def test_no_axis_label_overlaps_what_its_chart_draws(browser, drawn_report):
    labels = dict(browser.execute_script(BOXES, "g.role-axis-label > text"))
    marks = dict(browser.execute_script(BOXES, "g.role-mark > :not(g)"))
    covered = [
        (chart, label)
        for chart, boxes in labels.items()
        for label, box in boxes
        if any(overlap(box, mark) for _, mark in marks[chart])
    ]

    assert covered == []


# The text of the tooltip vega-embed shows, empty while none is shown.
SHOWN_TOOLTIP = """
const tooltip = document.getElementById('vg-tooltip-element');
return tooltip && tooltip.classList.contains('visible') ? tooltip.innerText : '';
"""


def test_a_label_cut_at_its_limit_shows_its_whole_text_on_hover(browser, drawn_report):
    from selenium.webdriver.common.action_chains import ActionChains

    cut = browser.execute_script(
        "return [...document.querySelectorAll('div.chart svg text')]"
        ".filter((text) => text.textContent.endsWith('…') && getComputedStyle(text).opacity !== '0')"
    )
    without_whole_text = []
    for label in cut:
        text = label.text
        ActionChains(browser).move_to_element(label).perform()
        for _ in range(20):
            if browser.execute_script(SHOWN_TOOLTIP).startswith(text.removesuffix("…")):
                break
            time.sleep(0.1)
        else:
            without_whole_text.append(text)

    assert without_whole_text == []
