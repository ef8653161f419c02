"""Publish on a PostgreSQL server: build into schemas of its own, then swap them in in one transaction.

The DuckDB warehouse is a file, published by a rename. On a server the unit is a schema set:
`dbt build --target postgres` writes `raw__building`, `staging__building`, … `marts__building`
(IND_SCHEMA_SUFFIX, read by macros/generate_schema_name.sql). When every model and test has
passed and the schemas hold the whole warehouse, one transaction renames each published schema
away, renames the new one in, grants the read-only role its rights and drops the old set. A
reader sees the old warehouse or the new one, never a mix; a failed or killed build leaves the
published schemas as they were (its `__building` schemas are dropped by the next build).

One build per database at a time: the build holds a PostgreSQL advisory lock for its whole run,
so builds from several machines exclude each other too. The connection comes from the libpq
variables (PGHOST, PGPORT, PGUSER, PGPASSWORD or ~/.pgpass, PGDATABASE), with the defaults of the
`postgres` target in profiles.yml.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

from jaarcijfers.build_summary import read_server_state, summary_lines
from jaarcijfers.dbt_runner import run_dbt_build
from jaarcijfers.publish import FIGURES_MART, PublishRefused, figure_seed_rows, run_artifacts
from jaarcijfers.seed_set import seed_lock

BUILDING = "__building"
PREVIOUS = "__previous"
SCHEMA_SUFFIX_VARIABLE = "IND_SCHEMA_SUFFIX"
# dbt's artifacts of a server build, apart from target/, which the file's tools (mf, export, docs) read.
TARGET_PATH = Path("target") / "postgres"
# The schemas a read-only user may read; nothing else of the warehouse.
READER_SCHEMAS = ("marts", "reporting")
READER_ROLE = os.environ.get("IND_READER_ROLE", "ind_reader")
# The key of the advisory lock that one build per database holds ('IND' in ASCII).
BUILD_LOCK_KEY = 0x494E44
# The `postgres` target's defaults in profiles.yml, for the variables that are not set.
PROFILE_DEFAULTS = {"PGHOST": "127.0.0.1", "PGPORT": "5432", "PGUSER": "postgres", "PGDATABASE": "ind"}


class ServerError(Exception):
    pass


def connection_settings() -> dict[str, str]:
    """libpq's keywords for the server the `postgres` target names; libpq finds the password itself."""
    value = {name: os.environ.get(name) or default for name, default in PROFILE_DEFAULTS.items()}
    return {"host": value["PGHOST"], "port": value["PGPORT"], "user": value["PGUSER"], "dbname": value["PGDATABASE"]}


def connect(application_name: str = "jaarcijfers build"):
    import psycopg2

    try:
        connection = psycopg2.connect(**connection_settings(), application_name=application_name)
    except psycopg2.Error as error:
        settings = connection_settings()
        raise ServerError(
            f"cannot connect to PostgreSQL at {settings['host']}:{settings['port']} as {settings['user']}, "
            f"database {settings['dbname']} ({str(error).strip()}); set PGHOST, PGPORT, PGUSER, PGPASSWORD "
            "(or ~/.pgpass) and PGDATABASE"
        ) from None
    connection.autocommit = True
    return connection


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _lock_holder(cursor) -> str:
    cursor.execute(
        "select pid, coalesce(client_addr::text, 'local'), application_name from pg_stat_activity "
        "where pid in (select pid from pg_locks where locktype = 'advisory' and objid = %s and granted)",
        (BUILD_LOCK_KEY,),
    )
    rows = cursor.fetchall()
    if not rows:
        return "another build"
    pid, client, application = rows[0]
    return f"server process {pid} ({application or 'a client'} from {client})"


def _take_build_lock(cursor, wait: bool) -> None:
    cursor.execute("select pg_try_advisory_lock(%s)", (BUILD_LOCK_KEY,))
    if cursor.fetchone()[0]:
        return
    holder = _lock_holder(cursor)
    if not wait:
        raise PublishRefused(f"{holder} is building this database")
    print(f"jaarcijfers: waiting: {holder} is building this database", file=sys.stderr, flush=True)
    while True:
        time.sleep(1)
        cursor.execute("select pg_try_advisory_lock(%s)", (BUILD_LOCK_KEY,))
        if cursor.fetchone()[0]:
            return


def _schemas_ending(cursor, suffix: str) -> list[str]:
    cursor.execute(
        "select nspname from pg_namespace where right(nspname, %s) = %s order by nspname", (len(suffix), suffix)
    )
    return [name for (name,) in cursor.fetchall()]


def _drop_schemas(cursor, names: list[str]) -> None:
    for name in names:
        cursor.execute(f"drop schema if exists {_quoted(name)} cascade")


def _built_relations(project_dir: Path) -> tuple[list[tuple[str, str]], dict]:
    manifest = run_artifacts(project_dir / TARGET_PATH)
    relations = sorted(
        (node["schema"], node.get("alias") or node["name"])
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed")
        and node["config"].get("enabled", True)
        and node["config"].get("materialized") != "ephemeral"
    )
    outside = sorted({schema for schema, _ in relations if not schema.endswith(BUILDING)})
    if outside:
        raise PublishRefused(f"dbt built into schemas without the suffix {BUILDING}: {', '.join(outside)}")
    return relations, manifest


def verify_built_schemas(cursor, project_dir: Path) -> tuple[list[str], str]:
    """The layers built (published names), after checking they hold the whole warehouse of this run."""
    relations, manifest = _built_relations(project_dir)
    cursor.execute("select table_schema, table_name from information_schema.tables")
    present = set(cursor.fetchall())
    missing = [f"{schema}.{name}" for schema, name in relations if (schema, name) not in present]
    if missing:
        raise PublishRefused(
            f"the built schemas lack {len(missing)} of the {len(relations)} relations of this build "
            f"({', '.join(missing[:5])}{', …' if len(missing) > 5 else ''}); a build of part of the project "
            "(--select) is not published"
        )
    schema, table = FIGURES_MART
    cursor.execute(f"select count(*) from {_quoted(schema + BUILDING)}.{_quoted(table)}")
    (figures,) = cursor.fetchone()
    seed_rows = figure_seed_rows(project_dir, manifest)
    if figures != seed_rows:
        raise PublishRefused(f"{schema}.{table} holds {figures} figures, the figure seeds {seed_rows}")
    layers = sorted({schema.removesuffix(BUILDING) for schema, _ in relations})
    return layers, f"{len(relations)} relations, {figures} figures"


def ensure_reader_role(cursor) -> None:
    """The read-only role, created once; it may log in once an administrator gives it a password."""
    cursor.execute("select 1 from pg_roles where rolname = %s", (READER_ROLE,))
    if cursor.fetchone() is None:
        cursor.execute(f"create role {_quoted(READER_ROLE)} login nocreatedb nocreaterole noinherit")
    cursor.execute(f"alter role {_quoted(READER_ROLE)} set default_transaction_read_only = on")
    cursor.execute("select current_database()")
    (database,) = cursor.fetchone()
    # Temporary tables are the one thing a role may create without a grant: not for readers.
    cursor.execute(f"revoke temporary on database {_quoted(database)} from public")
    cursor.execute(f"grant connect on database {_quoted(database)} to {_quoted(READER_ROLE)}")


def swap_in(cursor, layers: list[str]) -> None:
    """In one transaction: each built schema takes its published name, the readers get their rights."""
    cursor.execute("begin")
    try:
        for layer in layers:
            cursor.execute("select 1 from pg_namespace where nspname = %s", (layer,))
            if cursor.fetchone() is not None:
                cursor.execute(f"alter schema {_quoted(layer)} rename to {_quoted(layer + PREVIOUS)}")
            cursor.execute(f"alter schema {_quoted(layer + BUILDING)} rename to {_quoted(layer)}")
        for layer in READER_SCHEMAS:
            if layer in layers:
                cursor.execute(f"grant usage on schema {_quoted(layer)} to {_quoted(READER_ROLE)}")
                cursor.execute(f"grant select on all tables in schema {_quoted(layer)} to {_quoted(READER_ROLE)}")
        _drop_schemas(cursor, [layer + PREVIOUS for layer in layers])
        cursor.execute("commit")
    except BaseException:
        cursor.execute("rollback")
        raise


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def build_and_publish_postgres(
    project_dir: Path, target: str, dbt_arguments: list[str], wait: bool = True, verbose: bool = False
) -> int:
    unchanged = "the published schemas are unchanged"
    previous_handler = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    connection = None
    try:
        connection = connect()
        cursor = connection.cursor()
        _take_build_lock(cursor, wait)
        with seed_lock(project_dir, wait=wait) as fixed:
            if fixed:
                print(f"jaarcijfers build: {fixed}", file=sys.stderr)
            _drop_schemas(cursor, _schemas_ending(cursor, BUILDING))
            dbt = Path(sys.executable).parent / "dbt"
            command = [
                str(dbt), "build", "--target", target, "--target-path", str(project_dir / TARGET_PATH),
                "--profiles-dir", str(project_dir), "--project-dir", str(project_dir), *dbt_arguments,
            ]  # fmt: skip
            returncode = run_dbt_build(command, {**os.environ, SCHEMA_SUFFIX_VARIABLE: BUILDING}, project_dir, verbose)
            if returncode != 0:
                print(f"jaarcijfers build: dbt build failed; {unchanged}", file=sys.stderr)
                return returncode
            layers, checked = verify_built_schemas(cursor, project_dir)
            built = read_server_state(connection, "marts" + BUILDING)
            changes = summary_lines(read_server_state(connection, "marts"), built) if built else []
            ensure_reader_role(cursor)
            swap_in(cursor, layers)
    except ServerError as error:
        print(f"jaarcijfers build: not building: {error}", file=sys.stderr)
        return 1
    except PublishRefused as refusal:
        print(f"jaarcijfers build: not published: {refusal}; {unchanged}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"jaarcijfers build: interrupted; {unchanged}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        if connection is not None:
            connection.close()
    settings = connection_settings()
    print(
        f"jaarcijfers build: published schemas {', '.join(layers)} on {settings['host']}:{settings['port']}/"
        f"{settings['dbname']} ({checked}); {READER_ROLE} may read {', '.join(READER_SCHEMAS)}"
    )
    for line in changes:
        print(f"  {line}")
    return 0
