"""Older DuckDB releases, as BI tools ship them, open the published warehouse read-only."""

from __future__ import annotations

import subprocess

import duckdb
import pytest

from conftest import PUBLISHED_WAREHOUSE, older_duckdb_python

COUNT_EVERY_MART = """
import sys
import duckdb

connection = duckdb.connect(sys.argv[1], read_only=True)
print(duckdb.__version__)
marts = connection.execute(
    "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
).fetchall()
for (mart,) in marts:
    print(mart, connection.execute(f"select count(*) from marts.{mart}").fetchone()[0])
"""


def mart_row_counts() -> dict[str, int]:
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        marts = connection.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'"
        ).fetchall()
        return {mart: connection.execute(f"select count(*) from marts.{mart}").fetchone()[0] for (mart,) in marts}


@pytest.mark.parametrize("version", ["1.1", "1.4"])
def test_an_older_duckdb_reads_every_mart_of_the_published_file(version):
    result = subprocess.run(
        [str(older_duckdb_python(version)), "-c", COUNT_EVERY_MART, str(PUBLISHED_WAREHOUSE)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, f"DuckDB {version} could not read {PUBLISHED_WAREHOUSE}: {result.stderr}"
    reported_version, *mart_lines = result.stdout.splitlines()
    assert reported_version.startswith(f"{version}.")
    counts = {mart: int(count) for mart, count in (line.split() for line in mart_lines)}
    assert counts == mart_row_counts()


def test_every_mart_and_reporting_table_and_column_carries_its_description_as_a_comment():
    """`describe`, DBeaver, Harlequin and Superset show the YAML's descriptions (persist_docs)."""
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        columns = connection.execute(
            "select schema_name || '.' || table_name || '.' || column_name, comment from duckdb_columns()"
            " where schema_name in ('marts', 'reporting')"
        ).fetchall()
        tables = connection.execute(
            "select schema_name || '.' || table_name, comment from duckdb_tables()"
            " where schema_name in ('marts', 'reporting')"
        ).fetchall()

    assert columns and tables
    assert [name for name, comment in columns + tables if not (comment or "").strip()] == []
