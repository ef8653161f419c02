"""`jaarcijfers mf` asks the semantic layer on the published warehouse, even after a dbt command
wrote target/ for another warehouse file, which makes plain `mf` fail."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb

from jaarcijfers.semantic_layer import SEMANTIC_MANIFEST, manifest_databases

BIN = Path(sys.executable).parent
QUERY = ["query", "--metrics", "decisions", "--group-by", "metric_time__year", "--order", "metric_time__year"]


def run(command: list[str], project: Path, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=project,
        env={**os.environ, "DBT_PROFILES_DIR": str(project), **environment},
        capture_output=True,
        text=True,
        check=False,
    )


def test_mf_reads_the_published_warehouse_after_a_dbt_command_on_another_file(project_copy, published_in_copy):
    dev = project_copy / "warehouse" / "dev.duckdb"
    parsed = run([str(BIN / "dbt"), "parse", "--quiet"], project_copy, IND_WAREHOUSE_PATH=str(dev))
    assert parsed.returncode == 0, parsed.stdout + parsed.stderr
    assert manifest_databases(project_copy / SEMANTIC_MANIFEST) == {"dev"}

    # Plain mf pointed at the published file, as a user would, with the dev command's manifest.
    plain = run(
        [str(BIN / "mf"), *QUERY],
        project_copy,
        IND_WAREHOUSE_PATH=str(published_in_copy),
        IND_WAREHOUSE_ACCESS_MODE="read_only",
    )
    assert plain.returncode != 0 and "dev.marts" in plain.stdout + plain.stderr

    # The developer's IND_WAREHOUSE_PATH is still set: jaarcijfers mf reads the published file all the same.
    asked = run(
        [str(BIN / "jaarcijfers"), "mf", *QUERY, "--csv", "decisions.csv", "--quiet"],
        project_copy,
        IND_WAREHOUSE_PATH=str(dev),
    )
    assert asked.returncode == 0, asked.stdout + asked.stderr
    with (project_copy / "decisions.csv").open(encoding="utf-8", newline="") as handle:
        answer = {int(row["metric_time__year"][:4]): int(row["decisions"]) for row in csv.DictReader(handle)}
    with duckdb.connect(str(published_in_copy), read_only=True) as published:
        in_sql = dict(
            published.execute(
                "select reference_year, sum(decisions) from marts.fct_product_years group by all"
            ).fetchall()
        )
    assert answer == in_sql and answer
    assert manifest_databases(project_copy / SEMANTIC_MANIFEST) == {"ind"}
    assert not dev.exists()
    # Only the semantic manifest was written again; the dev parse's manifest.json is as it was.
    manifest = json.loads((project_copy / "target" / "manifest.json").read_text(encoding="utf-8"))
    assert {node["database"] for node in manifest["nodes"].values() if node["resource_type"] == "model"} == {"dev"}
