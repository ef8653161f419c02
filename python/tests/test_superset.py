"""`make superset`, tested: Superset installed from bi/superset/requirements.txt, started by serve.py
on a free port with its own state, the dashboard imported from bi/superset/assets, then checked
through the REST API, against DuckDB and the semantic layer, and in headless Chromium."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import duckdb
import pytest
import requests
import yaml

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.publish import sha256_of
from superset_server import SupersetServer, start_superset
from test_report import CHROMIUM_FLAGS, INSTALL_CHROMIUM

ASSETS = PROJECT_DIR / "bi" / "superset" / "assets"
METRICS = yaml.safe_load((PROJECT_DIR / "bi" / "superset" / "metrics.yaml").read_text(encoding="utf-8"))
SEMANTIC_MANIFEST = PROJECT_DIR / "target" / "semantic_manifest.json"
SCREENSHOT = PROJECT_DIR / "reports" / "screenshots" / "superset-dashboard.png"
DASHBOARD = "ind-jaarcijfers"
GRANT_RATE_CHART = "Grant rate per domain and year"
# Superset's telemetry pixel, which the 6.1.0 frontend asks for and the content security policy
# in bi/superset/superset_config.py refuses before any request leaves the browser.
# The report's offline flags, with Superset's address let through: every other host is refused.
SUPERSET_CHROMIUM_FLAGS = (
    *(flag for flag in CHROMIUM_FLAGS if not flag.startswith("--host-resolver-rules=")),
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
)
REFUSED_TELEMETRY = (
    "Loading the image 'https://apachesuperset.gateway.scarf.sh/",
    "violates the following Content Security Policy directive",
    "The action has been blocked",
)
# The bars grow for about a second once drawn; the screenshot waits for them.
ECHARTS_ANIMATION_SECONDS = 3
SHIPPED_DATABASE = yaml.safe_load((ASSETS / "databases" / "IND_Jaarcijfers.yaml").read_text(encoding="utf-8"))
# What the issue added as admin (201 Created), then read /etc/passwd and wrote files with.
SCRATCH_URI = "duckdb:///:memory:"
# Superset's three upload forms (CSV, Excel, columnar) and the preview of a file's columns.
UPLOADS = {"csv": "figures.csv", "excel": "figures.xlsx", "columnar": "figures.parquet"}
# The permissions no role has (bi/superset/superset_config.py), which an admin may grant back.
WITHHELD = {("can_write", "Database"), ("can_upload", "Database"), ("can_import_", "ImportExportRestApi")}
DUCKDB_GENERIC_TYPES = {
    "VARCHAR": 1,
    "DATE": 2,
    "TIMESTAMP": 2,
    "BOOLEAN": 3,
}  # Superset's GenericDataType; else numeric, 0

GRANT_RATE_PER_DOMAIN_AND_YEAR_IN_SQL = """
    select products.domain_code, grants.reference_year, sum(grants.value) / sum(decisions.volume)
    from marts.fct_derived_measures as grants
    inner join marts.fct_volumes as decisions
        on grants.product_code = decisions.product_code
        and grants.reference_year = decisions.reference_year
        and decisions.indicator_code = 'decisions'
    inner join marts.dim_product as products on grants.product_code = products.product_code
    where grants.indicator_code = 'estimated_grants'
    group by products.domain_code, grants.reference_year
"""


@pytest.fixture(scope="module")
def superset(tmp_path_factory) -> SupersetServer:
    server = start_superset(tmp_path_factory.mktemp("superset-home"))
    yield server
    assert server.stop() is not None


@pytest.fixture(scope="module")
def api(superset):
    return superset.client()


def the_shipped_database(api) -> dict:
    """The database serve.py imported: the file's, or with --target postgres the server's, named after it."""
    (database,) = (
        database
        for database in api.get("/api/v1/database/")["result"]
        if database["database_name"].startswith(SHIPPED_DATABASE["database_name"])
    )
    return database


def scratch_bundle(kind: str) -> bytes:
    """An export as Superset's import endpoints take it, with a new database, `duckdb:///:memory:`
    (and, for a dataset's import, a dataset on it)."""
    database = {
        **SHIPPED_DATABASE,
        "database_name": f"scratch {kind}",
        "sqlalchemy_uri": SCRATCH_URI,
        "uuid": str(uuid.uuid4()),
        "extra": {},
    }
    files = {"metadata.yaml": {"version": "1.0.0", "type": kind, "timestamp": "2026-01-01T00:00:00+00:00"}}
    files["databases/scratch.yaml"] = database
    if kind == "SqlaTable":
        dataset = yaml.safe_load((ASSETS / "datasets" / "IND_Jaarcijfers" / "fct_staffing.yaml").read_text("utf-8"))
        files["datasets/scratch/scratch.yaml"] = {
            **dataset,
            "table_name": "scratch",
            "uuid": str(uuid.uuid4()),
            "database_uuid": database["uuid"],
        }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, content in files.items():
            bundle.writestr(f"scratch/{name}", yaml.safe_dump(content))
    return buffer.getvalue()


def add_a_database(api) -> dict[str, requests.Response]:
    """Every way the REST API offers an admin to add a database, or to point the shipped one elsewhere."""
    shipped = the_shipped_database(api)["id"]
    scratch = {"database_name": "scratch", "sqlalchemy_uri": SCRATCH_URI}
    return {
        "POST /api/v1/database/": api.request("POST", "/api/v1/database/", json=scratch),
        "POST /api/v1/database/test_connection/": api.request(
            "POST", "/api/v1/database/test_connection/", json=scratch
        ),
        "POST /api/v1/database/import/": api.request(
            "POST", "/api/v1/database/import/", files={"formData": ("scratch.zip", scratch_bundle("Database"))}
        ),
        "POST /api/v1/assets/import/": api.request(
            "POST", "/api/v1/assets/import/", files={"bundle": ("scratch.zip", scratch_bundle("assets"))}
        ),
        "POST /api/v1/dataset/import/": api.request(
            "POST", "/api/v1/dataset/import/", files={"formData": ("scratch.zip", scratch_bundle("SqlaTable"))}
        ),
        f"PUT /api/v1/database/{shipped}": api.request(
            "PUT", f"/api/v1/database/{shipped}", json={"sqlalchemy_uri": SCRATCH_URI}
        ),
    }


def upload_a_file(api) -> dict[str, requests.Response]:
    shipped = the_shipped_database(api)["id"]
    attempts = {
        f"upload {kind}": api.request(
            "POST",
            f"/api/v1/database/{shipped}/upload/",
            data={"type": kind, "table_name": "uploaded", "schema": "main"},
            files={"file": (name, b"reference_year,value\n2024,1\n")},
        )
        for kind, name in UPLOADS.items()
    }
    attempts["upload_metadata"] = api.request(
        "POST",
        "/api/v1/database/upload_metadata/",
        data={"type": "csv"},
        files={"file": ("figures.csv", b"reference_year,value\n2024,1\n")},
    )
    return attempts


def assert_no_database_reaches_the_host(api, tmp_path: Path) -> None:
    """Whatever databases Superset lists, none reads a file of the host or writes one."""
    written = tmp_path / "written.csv"
    for database in api.get("/api/v1/database/")["result"]:
        read = api.sql(database["id"], "select * from read_csv('/etc/passwd')")
        assert read.status_code != 200 and "root:" not in read.text, (database["database_name"], read.text[:500])
        copied = api.sql(database["id"], f"copy (select 42 as answer) to '{written}'")
        assert copied.status_code != 200, (database["database_name"], copied.text[:500])
        assert not written.exists(), database["database_name"]


def statuses(responses: dict[str, requests.Response]) -> dict[str, int]:
    return {attempt: response.status_code for attempt, response in responses.items()}


def mf_query(
    metrics: list[str], group_by: str, csv_path: Path, project: Path = PROJECT_DIR, *target: str, **environment: str
) -> list[dict[str, str]]:
    """The semantic layer's answer, asked with `jaarcijfers mf` as the README shows (in `project`,
    with `target`, e.g. `--target postgres`, and `environment` added to this process's)."""
    completed = subprocess.run(
        [
            str(Path(sys.executable).parent / "jaarcijfers"),
            "--project-dir",
            str(project),
            "mf",
            *target,
            "query",
            "--metrics",
            ",".join(metrics),
            "--group-by",
            group_by,
            "--csv",
            str(csv_path),
            "--quiet",
        ],
        cwd=project,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def as_number(value) -> float | None:
    return None if value in (None, "") else float(value)


def test_the_warehouse_is_registered_read_only_and_ddl_is_refused(api):
    (database,) = api.get("/api/v1/database/")["result"]
    assert json.loads(database["extra"])["engine_params"]["connect_args"]["read_only"] is True
    opened = api.sql(database["id"], "select path from duckdb_databases() where database_name = current_database()")
    assert opened.status_code == 200, opened.text
    assert opened.json()["data"] == [{"path": str(PUBLISHED_WAREHOUSE)}]

    refused = api.sql(database["id"], "create table marts.superset_was_here as select 1 as a")
    assert refused.status_code != 200
    assert refused.json()["errors"][0]["error_type"] == "DML_NOT_ALLOWED_ERROR"
    # Beneath Superset's own check, DuckDB has the file open read-only and reaches no other file.
    settings = api.sql(
        database["id"],
        "select current_setting('access_mode') as mode, current_setting('lock_configuration') as locked, "
        "count(*) as marts from information_schema.tables where table_schema = 'marts'",
    )
    assert settings.status_code == 200, settings.text
    assert settings.json()["data"][0]["mode"] == "read_only" and settings.json()["data"][0]["marts"] > 0
    assert settings.json()["data"][0]["locked"] is True
    outside = api.sql(
        database["id"], f"select * from read_csv('{PROJECT_DIR / 'seeds' / 'raw' / 'jaarcijfers_figures.csv'}')"
    )
    assert outside.status_code != 200 and "disabled by configuration" in outside.text


def test_an_admin_can_add_no_database_and_upload_no_file(api, tmp_path):
    added = add_a_database(api)
    # A dataset's import refuses the database it brings ("Database doesn't exist and user doesn't
    # have permission to create databases", in the log) with Superset's 500 for a failed import.
    assert statuses(added) == {**dict.fromkeys(added, 403), "POST /api/v1/dataset/import/": 500}
    uploaded = upload_a_file(api)
    assert statuses(uploaded) == dict.fromkeys(uploaded, 403)
    (database,) = api.get("/api/v1/database/")["result"]
    assert database["database_name"] == SHIPPED_DATABASE["database_name"]
    assert database["allow_file_upload"] is False
    assert_no_database_reaches_the_host(api, tmp_path)


def test_no_process_holds_the_admin_password_on_its_command_line_and_only_127_0_0_1_is_listened_on(superset):
    watch = superset.command_lines
    watch.scan(superset.password.encode())  # the server as it runs now, besides all it started on the way
    assert watch.scans > 10 and watch.seen_with_password == {}
    port = urlsplit(superset.base_url).port
    listening = [
        line.split()[1]
        for table in ("/proc/net/tcp", "/proc/net/tcp6")
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].rsplit(":", 1)[1], 16) == port
    ]
    assert listening == [f"0100007F:{port:04X}"]


def test_every_dataset_column_has_a_type_superset_understands(api):
    datasets = api.datasets()
    assert sorted(dataset["table_name"] for dataset in datasets) == sorted(
        yaml.safe_load(path.read_text(encoding="utf-8"))["table_name"] for path in ASSETS.glob("datasets/*/*.yaml")
    )
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as warehouse:
        for dataset in datasets:
            source = f"({dataset['sql']})" if dataset["sql"] else f"marts.{dataset['table_name']}"
            in_duckdb = {name: kind for name, kind, *_ in warehouse.execute(f"describe {source}").fetchall()}
            in_superset = {column["column_name"]: column["type_generic"] for column in dataset["columns"]}
            assert in_superset == {name: DUCKDB_GENERIC_TYPES.get(kind, 0) for name, kind in in_duckdb.items()}, (
                dataset["table_name"]
            )


def every_chart_of_the_dashboard_returns_data(api) -> int:
    """Each chart's saved query through the chart-data API, as the dashboard asks it; the chart count."""
    charts = api.dashboard_charts(DASHBOARD)
    shipped = {yaml.safe_load(path.read_text(encoding="utf-8"))["slice_name"] for path in ASSETS.glob("charts/*.yaml")}
    assert set(charts) == shipped and len(charts) >= 8
    for name, chart_id in charts.items():
        (result,) = api.get(f"/api/v1/chart/{chart_id}/data/")["result"]
        assert result["error"] is None and result["rowcount"] > 0, name
    return len(charts)


def test_every_chart_of_the_dashboard_returns_data(api):
    every_chart_of_the_dashboard_returns_data(api)


def the_grant_rate_chart_equals_sql_and_the_semantic_layer(api, run_sql, ask_mf) -> None:
    """`run_sql(sql)`: the rows of a query on the warehouse Superset reads; `ask_mf(metrics, group_by,
    csv_name)`: the semantic layer's rows on it."""
    (rows_by_year,) = [
        result["data"]
        for result in api.get(f"/api/v1/chart/{api.dashboard_charts(DASHBOARD)[GRANT_RATE_CHART]}/data/")["result"]
    ]
    domains = dict(run_sql("select distinct domain_name_en, domain_code from marts.dim_product"))
    in_sql = {(domain, year): rate for domain, year, rate in run_sql(GRANT_RATE_PER_DOMAIN_AND_YEAR_IN_SQL)}
    # The chart's data is pivoted: a column per series, named "grant_rate, Asylum".
    in_chart = {
        (domains[series.removeprefix("grant_rate, ")], row["reference_year"]): rate
        for row in rows_by_year
        for series, rate in row.items()
        if series != "reference_year" and rate is not None
    }
    in_mf = {
        (row["product__domain"], int(row["metric_time__year"][:4])): float(row["grant_rate"])
        for row in ask_mf(["grant_rate"], "product__domain,metric_time__year", "grant_rate.csv")
    }
    assert set(in_chart) == set(in_sql) == set(in_mf) and ("asylum", 2024) in in_chart
    for key, rate in in_sql.items():
        assert in_chart[key] == pytest.approx(float(rate), rel=1e-9) == in_mf[key], key


def test_the_grant_rate_chart_equals_duckdb_and_the_semantic_layer(api, tmp_path):
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as warehouse:
        the_grant_rate_chart_equals_sql_and_the_semantic_layer(
            api,
            lambda sql: warehouse.execute(sql).fetchall(),
            lambda metrics, group_by, name: mf_query(metrics, group_by, tmp_path / name),
        )


def every_dataset_metric_gives_mf_s_numbers(api, ask_mf) -> set[str]:
    """`ask_mf(metrics, group_by, csv_name)`: the semantic layer's rows; the metrics compared."""
    in_semantic_layer = {
        metric["name"] for metric in json.loads(SEMANTIC_MANIFEST.read_text(encoding="utf-8"))["metrics"]
    }
    dataset_ids = {dataset["table_name"]: dataset["id"] for dataset in api.datasets()}
    groupings = {
        "product_years": (["domain_code", "reference_year"], "product__domain,metric_time__year", "product__domain"),
        "fct_staffing": (["reference_year"], "metric_time__year", None),
    }
    compared = set()
    for table_name, (columns, group_by, dimension) in groupings.items():
        metrics = [
            metric["metric_name"] for metric in METRICS[table_name] if metric["metric_name"] in in_semantic_layer
        ]
        from_superset = {
            (row[columns[0]] if dimension else None, row["reference_year"]): row
            for row in api.query(dataset_ids[table_name], columns, metrics)
        }
        from_mf = {
            (row[dimension] if dimension else None, int(row["metric_time__year"][:4])): row
            for row in ask_mf(metrics, group_by, f"{table_name}.csv")
        }
        assert set(from_superset) == set(from_mf), table_name
        for key, row in from_mf.items():
            for metric in metrics:
                expected = as_number(row[metric])
                assert as_number(from_superset[key][metric]) == (
                    None if expected is None else pytest.approx(expected, rel=1e-9)
                ), (metric, key)
        compared |= set(metrics)
    assert {
        "grant_rate",
        "decisions_on_time_share",
        "average_lead_time_weeks",
        "cases_pending",
        "total_staff_fte",
    } <= compared
    return compared


def test_every_dataset_metric_the_semantic_layer_defines_gives_mf_s_numbers(api, tmp_path):
    every_dataset_metric_gives_mf_s_numbers(
        api, lambda metrics, group_by, name: mf_query(metrics, group_by, tmp_path / name)
    )


@pytest.fixture
def browser(tmp_path):
    chromium, chromedriver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and chromedriver):
        pytest.skip(f"headless Chromium is not installed; install it with: {INSTALL_CHROMIUM}")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*SUPERSET_CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))
    yield driver
    driver.quit()


CHARTS_ON_THE_PAGE = """
return [...document.querySelectorAll('.dashboard-component-chart-holder')].map((holder) => ({
    title: (holder.querySelector('.header-title') || holder).innerText.split('\\n')[0],
    canvases: [...holder.querySelectorAll('canvas')].filter((canvas) => canvas.width > 0 && canvas.height > 0).length,
    table_rows: holder.querySelectorAll('table tbody tr').length,
    errors: holder.querySelectorAll('.alert, [role="alert"], [data-test="chart-error"]').length,
}));
"""


def the_dashboard_draws_every_chart(superset, api, browser, screenshot: Path) -> None:
    """Log in, open the dashboard, wait until every chart is drawn, save a screenshot to `screenshot`."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    chart_count = len(api.dashboard_charts(DASHBOARD))
    # Tall enough for every chart at once: Superset draws a chart only when it scrolls into view.
    browser.set_window_size(1400, 3200)

    def drawn(driver):
        charts = driver.execute_script(CHARTS_ON_THE_PAGE)
        return len(charts) == chart_count and all(chart["canvases"] or chart["table_rows"] for chart in charts)

    try:
        browser.get(f"{superset.base_url}/login/")
        WebDriverWait(browser, 120).until(lambda driver: driver.find_elements(By.ID, "username"), "no login form")
        browser.find_element(By.ID, "username").send_keys("admin")
        browser.find_element(By.ID, "password").send_keys(superset.password, Keys.ENTER)
        WebDriverWait(browser, 120).until(lambda driver: "/login" not in driver.current_url, "login refused")
        browser.get(f"{superset.base_url}/superset/dashboard/{DASHBOARD}/")
        WebDriverWait(browser, 180).until(drawn, "not every chart was drawn")
        time.sleep(ECHARTS_ANIMATION_SECONDS)
    finally:
        screenshot.parent.mkdir(parents=True, exist_ok=True)
        browser.save_screenshot(str(screenshot))
    charts = browser.execute_script(CHARTS_ON_THE_PAGE)
    errors = [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and not all(part in entry["message"] for part in REFUSED_TELEMETRY)
    ]

    assert errors == []
    assert [chart["title"] for chart in charts if chart["errors"]] == []
    assert sorted(chart["title"] for chart in charts) == sorted(api.dashboard_charts(DASHBOARD))


def test_the_dashboard_draws_every_chart_in_headless_chromium(superset, api, browser):
    the_dashboard_draws_every_chart(superset, api, browser, SCREENSHOT)


def grant_the_admin_role(api, wanted: set[tuple[str, str]]) -> None:
    """What an admin can do in Settings → List Roles: give his own role a permission."""
    (admin,) = api.get("/api/v1/security/roles/?q=(filters:!((col:name,opr:eq,value:Admin)))")["result"]
    held = [permission["id"] for permission in api.get(f"/api/v1/security/roles/{admin['id']}/permissions/")["result"]]
    granted, page = [], 0
    while listed := api.get(f"/api/v1/security/permissions-resources/?q=(page:{page},page_size:100)")["result"]:
        granted += [pvm["id"] for pvm in listed if (pvm["permission"]["name"], pvm["view_menu"]["name"]) in wanted]
        page += 1
    assert len(granted) == len(wanted)
    response = api.request(
        "POST", f"/api/v1/security/roles/{admin['id']}/permissions", json={"permission_view_menu_ids": held + granted}
    )
    assert response.status_code == 200, response.text


def test_an_admin_who_grants_himself_the_rights_still_reaches_no_file_of_the_host(api, tmp_path):
    """Beneath the permissions, Superset's engine hooks: only the shipped database connects, and always
    read-only, without external access, its configuration locked, whatever its settings say.

    Runs last but one: the server's Admin role keeps the permissions until it stops.
    """
    grant_the_admin_role(api, WITHHELD)
    shipped = the_shipped_database(api)
    opened_up = {"engine_params": {"connect_args": {"read_only": False, "config": {"enable_external_access": True}}}}
    edited = api.request(
        "PUT",
        f"/api/v1/database/{shipped['id']}",
        json={"extra": json.dumps(opened_up), "allow_file_upload": True, "allow_dml": True},
    )
    assert edited.status_code == 200, edited.text  # the permission is back: Superset accepts the settings
    settings = api.sql(
        shipped["id"], "select current_setting('access_mode') as mode, current_setting('lock_configuration') as locked"
    )
    assert settings.status_code == 200, settings.text
    assert settings.json()["data"] == [{"mode": "read_only", "locked": True}]
    assert_no_database_reaches_the_host(api, tmp_path)

    relocked = api.sql(shipped["id"], "set lock_configuration = false")
    assert relocked.status_code != 200 and "configuration has been locked" in relocked.text, relocked.text

    uploaded = upload_a_file(api)
    assert {attempt: "File extension is not allowed" in response.text for attempt, response in uploaded.items()} == (
        dict.fromkeys(uploaded, True)
    )
    assert statuses(uploaded) == dict.fromkeys(uploaded, 400)
    added = add_a_database(api)
    assert statuses(added) == {
        "POST /api/v1/database/": 422,  # it tests the connection first
        "POST /api/v1/database/test_connection/": 422,
        "POST /api/v1/database/import/": 200,  # the imports do not: their databases are kept
        "POST /api/v1/assets/import/": 200,
        "POST /api/v1/dataset/import/": 200,
        f"PUT /api/v1/database/{shipped['id']}": 500,  # it reconnects to sync permissions, and is rolled back
    }
    for attempt in ("POST /api/v1/database/", "POST /api/v1/database/test_connection/"):
        assert "connects to the warehouse of bi/superset/assets only" in added[attempt].text, added[attempt].text
    assert len(api.get("/api/v1/database/")["result"]) == 4
    assert_no_database_reaches_the_host(api, tmp_path)
    assert api.sql(shipped["id"], "select count(*) as facts from marts.fct_figures").status_code == 200


def test_the_published_file_is_unchanged_by_superset(superset):
    assert sha256_of(PUBLISHED_WAREHOUSE) == superset.published_sha256
    assert not Path(f"{PUBLISHED_WAREHOUSE}.wal").exists()
