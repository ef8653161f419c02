"""MetricFlow's `mf` on the published warehouse, whatever warehouse the last dbt command used.

mf reads `target/semantic_manifest.json`, which names each table as database.schema.table. The
database is the name of the file the last dbt command wrote: after
`IND_WAREHOUSE_PATH=warehouse/dev.duckdb dbt build` it is `dev`, and mf, connected to the
published file (whose database is `ind`), fails with `Catalog Error: ... "dev.marts" does not
exist`. So `jaarcijfers mf` first compares the manifest's database with the published file's.
When they differ it writes the manifest again with `dbt parse` for the published file, in a
scratch folder, and copies only `semantic_manifest.json` into `target/`: the dev build's other
artifacts (manifest.json, its saved parse) stay as they were. Then it runs mf on the published
file, opened read-only.

`jaarcijfers mf --target postgres` asks the warehouse published on the PostgreSQL server of the
libpq variables, as the user they name (a read-only role such as ind_reader will do). The server
build's own manifest (target/postgres/) names the schemas it built into, `marts__building`,
which the swap has renamed; so the manifest mf reads must name the database PGDATABASE and the
published schemas, and is written again with `dbt parse --target postgres` when it does not. The
semantic manifest is otherwise the same for both engines: a manifest for the file whose database
has the server database's name serves both. mf has no --target option: it reads the profile's
default target, which IND_DBT_TARGET sets (profiles.yml).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

SEMANTIC_MANIFEST = Path("target") / "semantic_manifest.json"
# The profile's default target for mf and dbt parse (profiles.yml); `dev` is the file.
TARGET_VARIABLE = "IND_DBT_TARGET"
FILE_TARGET = "dev"
# What publish_postgres.py builds into before the swap; a manifest naming it is never mf's.
BUILDING_SUFFIX = "__building"


class SemanticLayerError(Exception):
    pass


def database_name(warehouse: Path) -> str:
    """The name DuckDB gives the warehouse file's database, the one mf's SQL must name."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        (name,) = connection.execute("select current_database()").fetchone()
    return name


def manifest_databases(manifest: Path) -> set[str]:
    """The databases the semantic models of a semantic manifest read from; empty if it is missing."""
    return {database for database, _ in manifest_locations(manifest)}


def manifest_locations(manifest: Path) -> set[tuple[str, str]]:
    """The (database, schema) pairs the semantic models and time spines of a semantic manifest read
    from; empty if it is missing."""
    if not manifest.is_file():
        return set()
    content = json.loads(manifest.read_text(encoding="utf-8"))
    relations = [model["node_relation"] for model in content["semantic_models"]]
    relations += [spine["node_relation"] for spine in content["project_configuration"].get("time_spines", [])]
    return {(relation["database"], relation["schema_name"]) for relation in relations}


def reads_the_published(manifest: Path, database: str) -> bool:
    """Whether the manifest reads `database`, and no schema a server build writes before its swap."""
    locations = manifest_locations(manifest)
    return {name for name, _ in locations} == {database} and not any(
        schema.endswith(BUILDING_SUFFIX) for _, schema in locations
    )


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _published_environment(project_dir: Path, published: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(project_dir),
        TARGET_VARIABLE: FILE_TARGET,
        "IND_WAREHOUSE_PATH": str(published),
        "IND_WAREHOUSE_ACCESS_MODE": "read_only",
    }


def _server_environment(project_dir: Path, target: str) -> dict[str, str]:
    """The libpq variables as they are, the server target as the profile's default, no build suffix."""
    environment = {**os.environ, "DBT_PROFILES_DIR": str(project_dir), TARGET_VARIABLE: target}
    environment.pop("IND_SCHEMA_SUFFIX", None)
    return environment


def write_manifest_for(project_dir: Path, published: Path) -> None:
    """Write target/semantic_manifest.json as `dbt parse` does for the published warehouse."""
    _write_manifest(project_dir, _published_environment(project_dir, published), str(published))


def _write_manifest(project_dir: Path, environment: dict[str, str], published: str) -> None:
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-mf-") as scratch:
        completed = subprocess.run(
            [_bin("dbt"), "parse", "--quiet", "--project-dir", str(project_dir), "--target-path", scratch],
            env=environment,
            cwd=project_dir,
            capture_output=True,
            text=True,
            check=False,
        )
        written = Path(scratch) / SEMANTIC_MANIFEST.name
        if completed.returncode != 0 or not written.is_file():
            raise SemanticLayerError(
                f"dbt parse for {published} failed (exit {completed.returncode}):\n{completed.stdout}{completed.stderr}"
            )
        target = project_dir / SEMANTIC_MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(target.name + ".partial")
        staged.write_bytes(written.read_bytes())
        os.replace(staged, target)


def run_mf(project_dir: Path, published: Path, mf_arguments: list[str]) -> int:
    """Run `mf MF_ARGUMENTS` on the published warehouse; return mf's exit status."""
    if not published.is_file():
        raise SemanticLayerError(f"{published} does not exist: run `make build` first")
    expected = database_name(published)
    if not reads_the_published(project_dir / SEMANTIC_MANIFEST, expected):
        _say_rewritten(project_dir, f"the published warehouse is {expected}")
        write_manifest_for(project_dir, published)
    return subprocess.run(
        [_bin("mf"), *mf_arguments], env=_published_environment(project_dir, published), cwd=project_dir, check=False
    ).returncode


def _say_rewritten(project_dir: Path, published: str) -> None:
    locations = manifest_locations(project_dir / SEMANTIC_MANIFEST)
    found = ", ".join(sorted(f"{database}.{schema}" for database, schema in locations)) or "(nothing)"
    print(
        f"jaarcijfers mf: {SEMANTIC_MANIFEST} reads {found}, {published}: writing it again with dbt parse",
        file=sys.stderr,
    )


def run_mf_on_server(project_dir: Path, target: str, mf_arguments: list[str]) -> int:
    """Run `mf MF_ARGUMENTS` on the warehouse published on the PostgreSQL server of `target`, connected
    as the libpq variables say; return mf's exit status."""
    from jaarcijfers.publish_postgres import READER_SCHEMAS, ServerError, connect, connection_settings

    settings = connection_settings()
    where = f"{settings['host']}:{settings['port']}/{settings['dbname']}"
    try:
        connection = connect(application_name="jaarcijfers mf")
    except ServerError as error:
        raise SemanticLayerError(str(error)) from None
    try:
        with connection.cursor() as cursor:
            cursor.execute("select to_regclass('marts.fct_figures') is not null")
            (published,) = cursor.fetchone()
    finally:
        connection.close()
    if not published:
        raise SemanticLayerError(
            f"{where} has no published warehouse ({READER_SCHEMAS[0]}.fct_figures): "
            f"run `make build TARGET={target}` first"
        )
    environment = _server_environment(project_dir, target)
    if not reads_the_published(project_dir / SEMANTIC_MANIFEST, settings["dbname"]):
        _say_rewritten(project_dir, f"the warehouse published on {where} is database {settings['dbname']}")
        _write_manifest(project_dir, environment, where)
    return subprocess.run([_bin("mf"), *mf_arguments], env=environment, cwd=project_dir, check=False).returncode
