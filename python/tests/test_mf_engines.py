"""`jaarcijfers mf --target postgres` answers every metric query as `jaarcijfers mf` on the file does.

The queries come from the semantic manifest, so a new metric or dimension is asked without a
test edit: for each set of metrics that read the same semantic models, every metric of the set by
its time grain alone, and by its time grain and every categorical dimension the models reach
(their own and those of the models their foreign entities join). On the server mf runs as the
read-only role, on the warehouse `jaarcijfers build --target postgres` published (conftest.py),
from the same seeds as the file. Skipped without a server (the `server` fixture says how).
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, PublishedOnServer
from jaarcijfers.semantic_layer import SEMANTIC_MANIFEST, manifest_locations

JAARCIJFERS = str(Path(sys.executable).parent / "jaarcijfers")


def metric_queries(manifest: dict) -> list[tuple[list[str], list[str]]]:
    """(metrics, group-by) pairs covering every metric of the manifest."""
    models = {model["name"]: model for model in manifest["semantic_models"]}
    measure_model = {measure["name"]: name for name, model in models.items() for measure in model["measures"]}
    primary_of = {
        entity["name"]: name
        for name, model in models.items()
        for entity in model["entities"]
        if entity["type"] == "primary"
    }

    def dimensions(name: str) -> list[str]:
        """The categorical dimensions a query on model `name` may group by, as entity__dimension."""
        model = models[name]
        (primary,) = [entity["name"] for entity in model["entities"] if entity["type"] == "primary"]
        found = [f"{primary}__{d['name']}" for d in model["dimensions"] if d["type"] == "categorical"]
        for entity in model["entities"]:
            joined = primary_of.get(entity["name"]) if entity["type"] == "foreign" else None
            if joined:
                found += [
                    f"{entity['name']}__{d['name']}" for d in models[joined]["dimensions"] if d["type"] == "categorical"
                ]
        return found

    def grain(name: str) -> str:
        model = models[name]
        (time,) = [d for d in model["dimensions"] if d["name"] == model["defaults"]["agg_time_dimension"]]
        return time["type_params"]["time_granularity"]

    by_models: dict[tuple[str, ...], list[str]] = {}
    for metric in manifest["metrics"]:
        read = tuple(sorted({measure_model[measure["name"]] for measure in metric["type_params"]["input_measures"]}))
        by_models.setdefault(read, []).append(metric["name"])
    queries = []
    for read, metrics in sorted(by_models.items()):
        time = f"metric_time__{max((grain(name) for name in read), key=['day', 'month', 'year'].index)}"
        queries.append((metrics, [time]))
        if len(read) == 1 and dimensions(read[0]):
            queries.append((metrics, [time, *dimensions(read[0])]))
    return queries


def mf_answer(project: Path, metrics: list[str], group_by: list[str], csv_path: Path, *target: str, **environment):
    query = ["query", "--metrics", ",".join(metrics), "--group-by", ",".join(group_by), "--csv", str(csv_path)]
    completed = subprocess.run(
        [JAARCIJFERS, "--project-dir", str(project), "mf", *target, *query, "--quiet"],
        cwd=project,
        env={**os.environ, **environment},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def comparable(rows: list[dict[str, str]], metrics: list[str]) -> Counter:
    """The rows as a multiset, each metric a number rounded to 9 significant digits (DuckDB divides
    in doubles, PostgreSQL in numerics), an empty cell None."""

    def number(text: str) -> float | None:
        return None if text == "" else float(f"{float(text):.9g}")

    return Counter(
        tuple(sorted((name, number(value) if name in metrics else value) for name, value in row.items()))
        for row in rows
    )


def test_every_metric_query_gives_the_same_rows_on_the_server_as_on_the_file(
    published_on_server: PublishedOnServer, tmp_path
):
    manifest = json.loads((PROJECT_DIR / SEMANTIC_MANIFEST).read_text(encoding="utf-8"))
    queries = metric_queries(manifest)
    differences, rows_compared = [], 0
    for number, (metrics, group_by) in enumerate(queries):
        on_file = mf_answer(PROJECT_DIR, metrics, group_by, tmp_path / f"file-{number}.csv")
        on_server = mf_answer(
            published_on_server.project,
            metrics,
            group_by,
            tmp_path / f"server-{number}.csv",
            "--target",
            "postgres",
            **published_on_server.reader_environment(),
        )
        file_rows, server_rows = comparable(on_file, metrics), comparable(on_server, metrics)
        if file_rows != server_rows:
            differences.append(
                {
                    "group by": group_by,
                    "only on the file": list((file_rows - server_rows).elements())[:3],
                    "only on the server": list((server_rows - file_rows).elements())[:3],
                }
            )
        assert on_file, (metrics, group_by)
        rows_compared += len(on_file)

    print(f"{len(queries)} metric queries on both engines, {rows_compared} rows compared")
    assert differences == []
    assert {metric for metrics, _ in queries for metric in metrics} == {m["name"] for m in manifest["metrics"]}
    # mf read the published schemas of the throwaway database, not the build's __building ones.
    assert manifest_locations(published_on_server.project / SEMANTIC_MANIFEST) == {
        (published_on_server.database, "marts")
    }


def test_mf_on_a_server_without_a_published_warehouse_says_to_build_it(published_on_server: PublishedOnServer):
    completed = subprocess.run(
        [JAARCIJFERS, "--project-dir", str(published_on_server.project), "mf", "--target", "postgres", "list"],
        env={**os.environ, **published_on_server.environment(), "PGDATABASE": "postgres"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode != 0
    assert "has no published warehouse" in completed.stderr and "make build TARGET=postgres" in completed.stderr


@pytest.fixture(autouse=True)
def _manifest_is_built():
    assert (PROJECT_DIR / SEMANTIC_MANIFEST).is_file(), f"{SEMANTIC_MANIFEST} is missing: run `make build` first"
