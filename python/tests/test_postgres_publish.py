"""Publishing on a PostgreSQL server: `jaarcijfers build --target postgres` swaps a whole schema set in,
a read-only role reads marts and reporting and nothing else, a failed build leaves the published
schemas as they were, and the DuckDB file is never touched. In a throwaway database of the server
the libpq variables name (`.ci/run` starts one); skipped without."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from conftest import PublishedOnServer, Server
from jaarcijfers.build_summary import read_state, summary_lines
from jaarcijfers.publish import sha256_of
from jaarcijfers.publish_postgres import READER_ROLE, READER_SCHEMAS, TARGET_PATH

REFUSED_TO_THE_READER = {
    "create table": "create table marts.written_by_a_reader (a int)",
    "insert": "insert into marts.dim_year select * from marts.dim_year",
    "copy to a server file": "copy marts.dim_year to '/tmp/written_by_a_reader.csv'",
    "copy to a program": "copy (select 1) to program 'id'",
    "read a server file": "select pg_read_file('/etc/passwd')",
    "read staging": "select count(*) from staging.stg_jaarcijfers__figures",
    "create a temporary table": "create temporary table written_by_a_reader (a int)",
}


def published_relations(project: Path) -> list[str]:
    """The marts and reporting relations of the manifest of the last build in `project`."""
    manifest = json.loads((project / TARGET_PATH / "manifest.json").read_text(encoding="utf-8"))
    return sorted(
        f"{node['schema'].removesuffix('__building')}.{node['alias']}"
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"].removesuffix("__building") in READER_SCHEMAS
    )


def as_reader(server: Server, database: str, password: str, *statements: str) -> subprocess.CompletedProcess[str]:
    """Each statement in a transaction of its own, through psql, logged in as the read-only role."""
    return subprocess.run(
        ["psql", "-X", "-v", "ON_ERROR_STOP=1", "-At", *(f"-c{statement}" for statement in statements)],
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PGHOST": server.settings["host"],
            "PGPORT": str(server.settings["port"]),
            "PGUSER": READER_ROLE,
            "PGPASSWORD": password,
            "PGDATABASE": database,
        },
    )


def test_the_reader_role_reads_every_mart_and_reporting_relation_with_psql_and_sqlalchemy(
    server, published_on_server: PublishedOnServer
):
    project, password, throwaway_database = (
        published_on_server.project,
        published_on_server.reader_password,
        published_on_server.database,
    )
    relations = published_relations(project)
    assert any(name.startswith("marts.") for name in relations) and any(n.startswith("reporting.") for n in relations)
    counts = as_reader(
        server, throwaway_database, password, " union all ".join(f"select count(*) from {name}" for name in relations)
    )
    assert counts.returncode == 0, counts.stderr
    by_psql = [int(line) for line in counts.stdout.split()]

    import sqlalchemy

    settings = server.settings
    engine = sqlalchemy.create_engine(
        sqlalchemy.engine.URL.create(
            "postgresql+psycopg2",
            username=READER_ROLE,
            password=password,
            host=settings["host"],
            port=int(settings["port"]),
            database=throwaway_database,
        )
    )
    with engine.connect() as connection:
        by_sqlalchemy = [
            connection.execute(sqlalchemy.text(f"select count(*) from {name}")).scalar() for name in relations
        ]
    engine.dispose()

    import duckdb

    with duckdb.connect(str(project / "warehouse" / "ind.duckdb"), read_only=True) as warehouse:
        in_the_file = [warehouse.execute(f"select count(*) from {name}").fetchone()[0] for name in relations]
    assert by_psql == by_sqlalchemy == in_the_file

    described = as_reader(
        server,
        throwaway_database,
        password,
        "select table_schema || '.' || table_name || '.' || column_name from information_schema.columns"
        " where table_schema in ('marts', 'reporting') and coalesce(col_description("
        "format('%I.%I', table_schema, table_name)::regclass, ordinal_position), '') = ''",
    )
    assert described.returncode == 0 and described.stdout == "", described.stdout + described.stderr


@pytest.mark.parametrize("attempt", REFUSED_TO_THE_READER, ids=list(REFUSED_TO_THE_READER))
def test_the_reader_role_is_refused_every_write_and_every_server_file(
    server, published_on_server: PublishedOnServer, attempt
):
    # Not only the role's read-only default: its privileges refuse it too.
    result = as_reader(
        server,
        published_on_server.database,
        published_on_server.reader_password,
        "set default_transaction_read_only = off",
        REFUSED_TO_THE_READER[attempt],
    )

    assert result.returncode != 0
    assert "permission denied" in result.stderr or "must be superuser" in result.stderr, result.stderr


def test_the_build_says_what_changed_since_the_published_warehouse_as_the_file_s_build_does(
    published_on_server: PublishedOnServer,
):
    """The first build on an empty database, as the file's first build, which it equals row for row."""
    in_the_file = read_state(published_on_server.project / "warehouse" / "ind.duckdb")
    printed = published_on_server.first_build.stdout.splitlines()
    summary = printed[printed.index(next(line for line in printed if "published schemas" in line)) + 1 :]

    assert summary == [f"  {line}" for line in summary_lines(None, in_the_file)]
    assert "no earlier warehouse to compare with" in summary[0]


def test_a_failed_build_leaves_the_published_schemas_and_the_file_as_they_were_and_a_rebuild_keeps_the_readers_rights(
    server, published_on_server: PublishedOnServer
):
    project, password, throwaway_database = (
        published_on_server.project,
        published_on_server.reader_password,
        published_on_server.database,
    )
    build_on_server = published_on_server.build
    file_before = sha256_of(project / "warehouse" / "ind.duckdb")
    connection = server.connect(throwaway_database)
    connection.autocommit = True

    def published_marts() -> int:
        with connection.cursor() as cursor:
            cursor.execute("select oid from pg_namespace where nspname = 'marts'")
            return cursor.fetchone()[0]

    marts_before = published_marts()
    seed = project / "seeds" / "raw" / "jaarcijfers" / "jaarcijfers_figures.csv"
    printed = seed.read_text(encoding="utf-8")
    seed.write_text(printed.replace(",2024,38.670\n", ",2024,38.6x0\n", 1), encoding="utf-8")
    try:
        failed = build_on_server()
    finally:
        seed.write_text(printed, encoding="utf-8")

    assert failed.returncode != 0
    assert "seeds/raw/jaarcijfers/jaarcijfers_figures.csv, edition 2024, publication line 11" in failed.stdout
    assert "the published schemas are unchanged" in failed.stderr
    assert published_marts() == marts_before
    assert as_reader(server, throwaway_database, password, "select count(*) from marts.fct_figures").returncode == 0

    rebuilt = build_on_server()
    assert rebuilt.returncode == 0, rebuilt.stdout[-3000:] + rebuilt.stderr
    # Against the published schemas, the same warehouse: nothing added, restated or removed.
    in_the_file = read_state(project / "warehouse" / "ind.duckdb")
    expected = [f"  {line}" for line in summary_lines(in_the_file, in_the_file)]
    assert rebuilt.stdout.splitlines()[-len(expected) :] == expected
    assert "+0 added, 0 restated, -0 removed" in rebuilt.stdout
    assert published_marts() != marts_before
    assert as_reader(server, throwaway_database, password, "select count(*) from marts.fct_figures").returncode == 0
    assert sha256_of(project / "warehouse" / "ind.duckdb") == file_before
    connection.close()
