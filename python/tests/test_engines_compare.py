"""The same project on both engines gives the same warehouse: dbt builds it from the same seeds on
DuckDB and on PostgreSQL, and every relation of marts and reporting is compared column for
column (names, order and types, normalised) and row for row (order-independent, decimals at their
scale). Integer division and an aggregate that picks an arbitrary row differ without any error;
only a comparison finds them. A broken seed value stops the PostgreSQL build naming the row, as
on DuckDB (test_build.py).

PostgreSQL is reached through the libpq variables profiles.yml reads (PGHOST, PGPORT, PGUSER,
PGPASSWORD); each build gets a throwaway database, dropped afterwards. Without a server the tests
are skipped, saying so."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR, Server

psycopg2 = pytest.importorskip("psycopg2", reason="psycopg2 is not installed: the PostgreSQL comparison is skipped")

DBT = Path(sys.executable).with_name("dbt")
COMPARED_SCHEMAS = ("marts", "reporting")
SHOWN_DIFFERENCES = 5


def dbt_build(project: Path, target: str, work: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """dbt build with its own target/ and logs/, so that the project's target/ (which mf reads)
    is left alone."""
    return subprocess.run(
        [
            str(DBT),
            "build",
            "--project-dir",
            str(project),
            "--profiles-dir",
            str(project),
            "--target",
            target,
            "--target-path",
            str(work / f"target-{target}"),
            "--log-path",
            str(work / f"logs-{target}"),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **env},
    )


# ---------- normalised types and values


def _canonical_type(name: str) -> str:
    name = name.strip().lower()
    if name.endswith("[]"):
        return _canonical_type(name[:-2]) + "[]"
    aliases = {
        "varchar": "text",
        "character varying": "text",
        "text": "text",
        "int4": "integer",
        "int8": "bigint",
        "bool": "boolean",
        "float8": "double",
        "double precision": "double",
    }
    return aliases.get(name, name.replace("numeric", "decimal").replace(" ", ""))


def duckdb_columns(connection, schema: str, table: str) -> list[tuple[str, str]]:
    rows = connection.execute(
        "select column_name, data_type from information_schema.columns"
        " where table_schema = ? and table_name = ? order by ordinal_position",
        [schema, table],
    ).fetchall()
    return [(column, _canonical_type(data_type)) for column, data_type in rows]


def postgres_columns(connection, schema: str, table: str) -> list[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "select column_name, data_type, udt_name, numeric_precision, numeric_scale"
            " from information_schema.columns where table_schema = %s and table_name = %s order by ordinal_position",
            (schema, table),
        )
        columns = []
        for column, data_type, udt_name, precision, scale in cursor.fetchall():
            if data_type == "ARRAY":
                data_type = udt_name.removeprefix("_") + "[]"
            elif data_type == "numeric" and precision is not None:
                data_type = f"decimal({precision},{scale})"
            columns.append((column, _canonical_type(data_type)))
        return columns


def _scale(data_type: str) -> int | None:
    if data_type.startswith("decimal(") and data_type.endswith(")"):
        return int(data_type[:-1].split(",")[1])
    return None


def normalised(value: object, data_type: str) -> object:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        element_type = data_type.removesuffix("[]")
        return tuple(normalised(element, element_type) for element in value)
    if isinstance(value, bool | str | date):
        return value
    if isinstance(value, Decimal):
        scale = _scale(data_type)
        return value.quantize(Decimal(1).scaleb(-scale)) if scale is not None else value.normalize()
    if isinstance(value, float):
        return float(f"{value:.12g}")
    if isinstance(value, int):
        return value
    raise TypeError(f"no normal form for {value!r} ({type(value).__name__})")


def normalised_rows(rows: list[tuple], columns: list[tuple[str, str]]) -> Counter:
    return Counter(
        tuple(normalised(value, data_type) for value, (_, data_type) in zip(row, columns, strict=True)) for row in rows
    )


# ---------- the builds


@dataclass(frozen=True)
class Builds:
    duckdb_file: Path
    postgres_database: str
    seconds: dict[str, float]


@pytest.fixture(scope="module")
def builds(server: Server, tmp_path_factory) -> Iterator[Builds]:
    work = tmp_path_factory.mktemp("engines")
    database = f"ind_compare_{uuid.uuid4().hex[:12]}"
    server.execute(f'create database "{database}"')
    try:
        seconds = {}
        duckdb_file = work / "ind.duckdb"
        for target, env in (
            ("dev", {"IND_WAREHOUSE_PATH": str(duckdb_file)}),
            ("postgres", {"PGDATABASE": database}),
        ):
            started = time.monotonic()
            result = dbt_build(PROJECT_DIR, target, work, env)
            seconds[target] = time.monotonic() - started
            assert result.returncode == 0, f"dbt build --target {target} failed:\n{result.stdout[-5000:]}"
        print(f"\ndbt build: DuckDB {seconds['dev']:.1f} s, PostgreSQL {seconds['postgres']:.1f} s")
        yield Builds(duckdb_file, database, seconds)
    finally:
        server.execute(f'drop database if exists "{database}" with (force)')


def test_every_mart_and_reporting_relation_is_the_same_on_both_engines(builds: Builds, server: Server) -> None:
    differences = []
    compared_rows = 0
    with duckdb.connect(str(builds.duckdb_file), read_only=True) as duck:
        postgres = server.connect(builds.postgres_database)
        try:
            in_compared_schemas = f"table_schema in {COMPARED_SCHEMAS!r}"
            duckdb_relations = set(
                duck.execute(
                    f"select table_schema, table_name from information_schema.tables where {in_compared_schemas}"
                ).fetchall()
            )
            with postgres.cursor() as cursor:
                cursor.execute(
                    f"select table_schema, table_name from information_schema.tables where {in_compared_schemas}"
                )
                postgres_relations = set(cursor.fetchall())
            assert duckdb_relations == postgres_relations, "the engines hold different relations"
            assert len(duckdb_relations) > 40

            for schema, table in sorted(duckdb_relations):
                relation = f"{schema}.{table}"
                columns = duckdb_columns(duck, schema, table)
                if columns != postgres_columns(postgres, schema, table):
                    differences.append(
                        f"{relation}: columns differ\n  DuckDB     {columns}\n"
                        f"  PostgreSQL {postgres_columns(postgres, schema, table)}"
                    )
                    continue
                names = ", ".join(f'"{name}"' for name, _ in columns)
                duck_rows = normalised_rows(duck.execute(f"select {names} from {relation}").fetchall(), columns)
                with postgres.cursor() as cursor:
                    cursor.execute(f"select {names} from {relation}")
                    postgres_rows = normalised_rows(cursor.fetchall(), columns)
                compared_rows += sum(duck_rows.values())
                only_duckdb = duck_rows - postgres_rows
                only_postgres = postgres_rows - duck_rows
                if only_duckdb or only_postgres:
                    differences.append(
                        f"{relation}: {sum(only_duckdb.values())} rows only on DuckDB, "
                        f"{sum(only_postgres.values())} only on PostgreSQL (of {sum(duck_rows.values())})\n"
                        + "\n".join(f"  DuckDB     {row}" for row in list(only_duckdb)[:SHOWN_DIFFERENCES])
                        + "\n"
                        + "\n".join(f"  PostgreSQL {row}" for row in list(only_postgres)[:SHOWN_DIFFERENCES])
                    )
        finally:
            postgres.close()
    print(f"\ncompared {len(duckdb_relations)} relations, {compared_rows} rows: {len(differences)} differ")
    assert not differences, "\n\n".join(differences)


def _with_a_broken_value(seed: str) -> str:
    return seed.replace(",2024,38.670\n", ",2024,38.6x0\n", 1)


def test_a_broken_seed_stops_the_postgres_build_naming_the_row(
    project_copy: Path, throwaway_database: str, tmp_path: Path
) -> None:
    seed = project_copy / "seeds" / "raw" / "jaarcijfers" / "jaarcijfers_figures.csv"
    seed.write_text(_with_a_broken_value(seed.read_text(encoding="utf-8")), encoding="utf-8")

    result = dbt_build(project_copy, "postgres", tmp_path, {"PGDATABASE": throwaway_database})

    assert result.returncode != 0
    assert (
        "seeds/raw/jaarcijfers/jaarcijfers_figures.csv, edition 2024, publication line 11 "
        "(Familie & Gezin / Aanvragen / 2024): "
        "cannot parse '38.6x0' as a Dutch number"
    ) in result.stdout
