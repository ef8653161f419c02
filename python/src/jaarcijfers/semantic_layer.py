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


class SemanticLayerError(Exception):
    pass


def database_name(warehouse: Path) -> str:
    """The name DuckDB gives the warehouse file's database, the one mf's SQL must name."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        (name,) = connection.execute("select current_database()").fetchone()
    return name


def manifest_databases(manifest: Path) -> set[str]:
    """The databases the semantic models of a semantic manifest read from; empty if it is missing."""
    if not manifest.is_file():
        return set()
    semantic_models = json.loads(manifest.read_text(encoding="utf-8"))["semantic_models"]
    return {model["node_relation"]["database"] for model in semantic_models}


def _bin(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _published_environment(project_dir: Path, published: Path) -> dict[str, str]:
    return {
        **os.environ,
        "DBT_PROFILES_DIR": str(project_dir),
        "IND_WAREHOUSE_PATH": str(published),
        "IND_WAREHOUSE_ACCESS_MODE": "read_only",
    }


def write_manifest_for(project_dir: Path, published: Path) -> None:
    """Write target/semantic_manifest.json as `dbt parse` does for the published warehouse."""
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-mf-") as scratch:
        completed = subprocess.run(
            [_bin("dbt"), "parse", "--quiet", "--project-dir", str(project_dir), "--target-path", scratch],
            env=_published_environment(project_dir, published),
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
    found = manifest_databases(project_dir / SEMANTIC_MANIFEST)
    if found != {expected}:
        print(
            f"jaarcijfers mf: {SEMANTIC_MANIFEST} reads database {', '.join(sorted(found)) or '(none)'}, "
            f"the published warehouse is {expected}: writing it again with dbt parse",
            file=sys.stderr,
        )
        write_manifest_for(project_dir, published)
    return subprocess.run(
        [_bin("mf"), *mf_arguments], env=_published_environment(project_dir, published), cwd=project_dir, check=False
    ).returncode
