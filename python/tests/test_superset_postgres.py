"""`make superset TARGET=postgres`, tested: serve.py --target postgres on the warehouse that
`jaarcijfers build --target postgres` published on a throwaway database (conftest.py), connected as
the read-only role ind_reader, the same dashboard imported from bi/superset/assets. Every chart
returns data, and the same data as on the file; the grant-rate chart equals SQL on the server and
`jaarcijfers mf --target postgres`, every dataset metric equals mf's; no admin can add a database,
reach another host, user or database, or write; no password is on a command line, the builder's
is not in Superset's process, neither is in Superset's metadata; the dashboard draws in headless
Chromium. Skipped without a server (the `server` fixture says how).

serve.py is started as a user would run `make superset TARGET=postgres` after building: the libpq
variables name the builder (CI's superuser), and the reader's password is in IND_READER_PASSWORD.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import PROJECT_DIR, PublishedOnServer
from jaarcijfers.publish_postgres import READER_ROLE
from superset_server import SERVE, SUPERSET_PYTHON, SupersetServer, start_superset
from test_superset import (
    SHIPPED_DATABASE,
    WITHHELD,
    add_a_database,
    browser,  # noqa: F401 (the fixture, with its Chromium flags)
    every_chart_of_the_dashboard_returns_data,
    every_dataset_metric_gives_mf_s_numbers,
    grant_the_admin_role,
    mf_query,
    statuses,
    the_dashboard_draws_every_chart,
    the_grant_rate_chart_equals_sql_and_the_semantic_layer,
    the_shipped_database,
    upload_a_file,
)

SCREENSHOT = PROJECT_DIR / "reports" / "screenshots" / "superset-dashboard-postgres.png"
DASHBOARD = "ind-jaarcijfers"
# Superset's generic types (GenericDataType) of PostgreSQL's types; any other is numeric, 0.
POSTGRES_GENERIC_TYPES = {"varchar": 1, "text": 1, "bpchar": 1, "date": 2, "timestamp": 2, "timestamptz": 2, "bool": 3}


@pytest.fixture(scope="module")
def charts_on_the_file(tmp_path_factory) -> dict[str, list[dict]]:
    """Every chart's data from Superset on the published file, started and stopped before the server's."""
    server = start_superset(tmp_path_factory.mktemp("superset-file-home"))
    try:
        api = server.client()
        return {
            name: api.get(f"/api/v1/chart/{chart_id}/data/")["result"][0]["data"]
            for name, chart_id in api.dashboard_charts(DASHBOARD).items()
        }
    finally:
        server.stop()


@pytest.fixture(scope="module")
def superset(published_on_server: PublishedOnServer, charts_on_the_file, tmp_path_factory) -> SupersetServer:
    builder = published_on_server.environment()
    server = start_superset(
        tmp_path_factory.mktemp("superset-postgres-home"),
        target="postgres",
        environment={**builder, "IND_READER_PASSWORD": published_on_server.reader_password},
        secrets=(published_on_server.reader_password, builder["PGPASSWORD"]),
    )
    yield server
    assert server.stop() is not None


@pytest.fixture(scope="module")
def api(superset):
    return superset.client()


def on_server(published: PublishedOnServer, sql: str) -> list[tuple]:
    """The rows of `sql`, run on the throwaway database as the builder, beside Superset."""
    connection = published.server.connect(published.database)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()
    finally:
        connection.close()


def comparable(rows: list[dict]) -> Counter:
    """Rows as a multiset, numbers at 9 significant digits (DuckDB's doubles, PostgreSQL's numerics)."""

    def value(found):
        return float(f"{found:.9g}") if isinstance(found, float) else found

    return Counter(tuple(sorted((name, value(found)) for name, found in row.items())) for row in rows)


def test_the_database_is_the_server_read_as_the_read_only_role(superset, api, published_on_server):
    database = the_shipped_database(api)
    assert (database["backend"], len(api.get("/api/v1/database/")["result"])) == ("postgresql", 1)
    settings = published_on_server.server.settings
    (figures,) = on_server(published_on_server, "select count(*) from marts.fct_figures")[0]
    counted = api.sql(database["id"], "select count(*) as figures from marts.fct_figures")
    assert counted.status_code == 200, counted.text
    assert counted.json()["data"] == [{"figures": figures}]
    shown = api.get(f"/api/v1/database/{database['id']}")["result"]
    assert (shown["driver"], shown["uuid"], shown["allow_dml"]) == ("psycopg2", SHIPPED_DATABASE["uuid"], False)
    # The URI in Superset's metadata: the reader, the throwaway database, no password.
    with sqlite3.connect(f"file:{superset.home / 'superset.db'}?mode=ro", uri=True) as metadata:
        stored = metadata.execute("select sqlalchemy_uri, password from dbs").fetchall()
    reader_uri = f"postgresql+psycopg2://{READER_ROLE}@{settings['host']}:{settings['port']}"
    assert stored == [(f"{reader_uri}/{published_on_server.database}", None)]
    # The builder may read staging; the reader may not: Superset is connected as the reader.
    staging = api.sql(database["id"], "select count(*) as n from staging.stg_jaarcijfers__figures")
    assert staging.status_code != 200 and "permission denied for schema staging" in staging.text, staging.text
    refused = api.sql(database["id"], "create table marts.superset_was_here as select 1 as a")
    assert refused.json()["errors"][0]["error_type"] == "DML_NOT_ALLOWED_ERROR"


def test_every_chart_of_the_dashboard_returns_the_data_it_returns_on_the_file(api, charts_on_the_file):
    chart_count = every_chart_of_the_dashboard_returns_data(api)
    on_the_server = {
        name: api.get(f"/api/v1/chart/{chart_id}/data/")["result"][0]["data"]
        for name, chart_id in api.dashboard_charts(DASHBOARD).items()
    }
    assert chart_count == len(on_the_server) == len(charts_on_the_file)
    differing = [
        name for name, rows in on_the_server.items() if comparable(rows) != comparable(charts_on_the_file[name])
    ]
    assert differing == []
    print(f"{chart_count} charts return the same data on PostgreSQL as on the file")


def test_every_dataset_column_has_the_type_superset_understands_on_the_server(api, published_on_server):
    connection = published_on_server.server.connect(published_on_server.database)
    try:
        with connection.cursor() as cursor:
            cursor.execute("select oid, typname from pg_type")
            type_names = dict(cursor.fetchall())
            for dataset in api.datasets():
                source = f"({dataset['sql']})" if dataset["sql"] else f"marts.{dataset['table_name']}"
                cursor.execute(f"select * from {source} as dataset limit 0")
                on_server = {column.name: type_names[column.type_code] for column in cursor.description}
                in_superset = {column["column_name"]: column["type_generic"] for column in dataset["columns"]}
                assert in_superset == {name: POSTGRES_GENERIC_TYPES.get(kind, 0) for name, kind in on_server.items()}, (
                    dataset["table_name"]
                )
    finally:
        connection.close()


def ask_mf_on_server(published: PublishedOnServer, tmp_path: Path):
    """`jaarcijfers mf --target postgres` in the published project copy, as the read-only role."""
    return lambda metrics, group_by, name: mf_query(
        metrics, group_by, tmp_path / name, published.project, "--target", "postgres", **published.reader_environment()
    )


def test_the_grant_rate_chart_equals_sql_on_the_server_and_the_semantic_layer(api, published_on_server, tmp_path):
    the_grant_rate_chart_equals_sql_and_the_semantic_layer(
        api, lambda sql: on_server(published_on_server, sql), ask_mf_on_server(published_on_server, tmp_path)
    )


def test_every_dataset_metric_gives_mf_s_numbers_on_the_server(api, published_on_server, tmp_path):
    every_dataset_metric_gives_mf_s_numbers(api, ask_mf_on_server(published_on_server, tmp_path))


def test_no_password_is_on_a_command_line_and_superset_holds_the_reader_s_alone(superset, published_on_server):
    watch = superset.command_lines
    watch.scan(superset.password.encode())
    assert watch.scans > 10 and watch.seen_with_password == {}
    builder_password = published_on_server.server.settings["password"].encode()
    reader_password = published_on_server.reader_password.encode()
    # gunicorn (serve.py became it, same process) and its workers.
    processes = [superset.process.pid] + [
        int(status.parent.name)
        for status in Path("/proc").glob("[0-9]*/status")
        if f"PPid:\t{superset.process.pid}\n" in status.read_text(encoding="utf-8", errors="replace")
    ]
    for pid in processes:
        environment = Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
        assert f"PGUSER={READER_ROLE}".encode() in environment, pid
        assert not any(builder_password in variable for variable in environment), pid
    metadata = (superset.home / "superset.db").read_bytes()
    assert builder_password not in metadata and reader_password not in metadata
    port = urlsplit(superset.base_url).port
    listening = [
        line.split()[1]
        for table in ("/proc/net/tcp", "/proc/net/tcp6")
        for line in Path(table).read_text(encoding="ascii").splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].rsplit(":", 1)[1], 16) == port
    ]
    assert listening == [f"0100007F:{port:04X}"]


def test_the_dashboard_draws_every_chart_in_headless_chromium_on_the_server(superset, api, browser):  # noqa: F811
    the_dashboard_draws_every_chart(superset, api, browser, SCREENSHOT)


def test_an_admin_who_grants_himself_the_rights_still_reaches_nothing_but_the_warehouse_as_the_reader(
    api, published_on_server
):
    """Runs last of the tests on the running server: its Admin role keeps the permissions until it stops."""
    added = add_a_database(api)
    assert statuses(added) == {**dict.fromkeys(added, 403), "POST /api/v1/dataset/import/": 500}
    uploaded = upload_a_file(api)
    assert statuses(uploaded) == dict.fromkeys(uploaded, 403)

    grant_the_admin_role(api, WITHHELD)
    shipped = the_shipped_database(api)
    # Without the lock these would connect as the builder, to another database, writing.
    elsewhere = {"user": published_on_server.server.settings["user"], "dbname": "postgres"}
    opened_up = {"engine_params": {"connect_args": {**elsewhere, "options": "-c default_transaction_read_only=off"}}}
    edited = api.request(
        "PUT", f"/api/v1/database/{shipped['id']}", json={"extra": json.dumps(opened_up), "allow_dml": True}
    )
    assert edited.status_code == 200, edited.text  # the permission is back: Superset accepts the settings
    still = api.sql(shipped["id"], "select count(*) as figures from marts.fct_figures")
    assert still.status_code == 200, still.text  # the warehouse's database, not `postgres`
    staging = api.sql(shipped["id"], "select count(*) as n from staging.stg_jaarcijfers__figures")
    assert "permission denied for schema staging" in staging.text, staging.text  # the reader, not the builder
    written = api.sql(shipped["id"], "create table marts.superset_was_here as select 1 as a")
    assert written.status_code != 200 and "read-only transaction" in written.text, written.text

    settings = published_on_server.server.settings
    as_builder = f"postgresql+psycopg2://{settings['user']}@{settings['host']}:{settings['port']}/postgres"
    moved = api.request("PUT", f"/api/v1/database/{shipped['id']}", json={"sqlalchemy_uri": as_builder})
    assert moved.status_code != 200, moved.text
    created = api.request("POST", "/api/v1/database/", json={"database_name": "builder", "sqlalchemy_uri": as_builder})
    assert created.status_code == 422 and "connects to the warehouse of bi/superset/assets only" in created.text
    for database in api.get("/api/v1/database/")["result"]:
        if database["id"] != shipped["id"]:
            refused = api.sql(database["id"], "select 1 as one")
            assert "connects to the warehouse of bi/superset/assets only" in refused.text, database["database_name"]


def test_serve_refuses_a_role_that_may_write_and_a_wrong_password_before_starting_superset(
    published_on_server, tmp_path
):
    builder = published_on_server.environment()

    def serve(**environment: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(SUPERSET_PYTHON), str(SERVE), "--target", "postgres", "--home", str(tmp_path / "home")],
            env={**os.environ, **builder, **environment},
            capture_output=True,
            text=True,
            check=False,
            timeout=120,
        )

    as_builder = serve(IND_READER_ROLE=builder["PGUSER"], IND_READER_PASSWORD=builder["PGPASSWORD"])
    assert as_builder.returncode != 0 and "Superset connects as a read-only role only" in as_builder.stderr
    wrong = serve(IND_READER_PASSWORD=published_on_server.reader_password + "x")
    assert wrong.returncode != 0 and "password authentication failed" in wrong.stderr
    assert not (tmp_path / "home" / "superset.db").exists()
