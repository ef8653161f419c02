"""How long `dbt build` of the project takes against the floor: dbt building a project of one seed and
one model on the same machine at the same moment. The ratio is what the closing notes quote ("the
build stays flat"): a loaded machine slows both alike, so compare ratios, not seconds. Not run by
`make test`; run it before and after a change that adds models or seeds:

    .venv/bin/python python/tests/benchmark_build.py [--runs 5] [--target dev|postgres]

It needs hyperfine (Debian's package) and writes nothing in the project: the project builds into a
temporary DuckDB file (IND_WAREHOUSE_PATH), or on the PostgreSQL server of the PG* variables with
`--target postgres` into schemas of its own (`marts__benchmark` …, dropped afterwards), never the
published ones; the floor is generated in a temporary folder. It prints the medians and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DBT = Path(sys.executable).parent / "dbt"
BENCHMARK_SUFFIX = "__benchmark"

FLOOR_PROJECT = """\
name: floor
version: "1.0"
profile: floor
"""

FLOOR_PROFILES = """\
floor:
  target: {target}
  outputs:
    dev:
      type: duckdb
      path: "{folder}/floor.duckdb"
      threads: 4
    postgres:
      type: postgres
      host: "{{{{ env_var('PGHOST', '127.0.0.1') }}}}"
      port: "{{{{ env_var('PGPORT', '5432') | as_number }}}}"
      user: "{{{{ env_var('PGUSER', 'postgres') }}}}"
      password: "{{{{ env_var('PGPASSWORD', '') }}}}"
      dbname: "{{{{ env_var('PGDATABASE', 'ind') }}}}"
      schema: floor
      threads: 1
"""


def write_floor_project(folder: Path, target: str) -> None:
    (folder / "seeds").mkdir(parents=True)
    (folder / "models").mkdir()
    (folder / "dbt_project.yml").write_text(FLOOR_PROJECT, encoding="utf-8")
    (folder / "profiles.yml").write_text(FLOOR_PROFILES.format(folder=folder, target=target), encoding="utf-8")
    (folder / "seeds" / "numbers.csv").write_text("n\n1\n2\n3\n", encoding="utf-8")
    (folder / "models" / "doubled.sql").write_text("select n * 2 as n from {{ ref('numbers') }}\n", encoding="utf-8")


def drop_benchmark_schemas() -> None:
    """The schemas the project's runs built on the server, and the floor's, are the benchmark's own."""
    statement = (
        "do $$ declare s text; begin for s in select nspname from pg_namespace "
        f"where right(nspname, {len(BENCHMARK_SUFFIX)}) = '{BENCHMARK_SUFFIX}' or nspname = 'floor' "
        "loop execute format('drop schema %I cascade', s); end loop; end $$"
    )
    subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", statement], check=True)


def median_seconds(command: str, runs: int, export: Path) -> float:
    subprocess.run(
        ["hyperfine", "--runs", str(runs), "--warmup", "1", "--export-json", str(export), command],
        check=True,
    )
    return json.loads(export.read_text(encoding="utf-8"))["results"][0]["median"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--target", default="dev", choices=("dev", "postgres"))
    args = parser.parse_args()
    if shutil.which("hyperfine") is None:
        print("error: hyperfine is missing (apt-get install hyperfine)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="ind-benchmark-") as temporary:
        folder = Path(temporary)
        write_floor_project(folder / "floor", args.target)
        os.environ["IND_WAREHOUSE_PATH"] = str(folder / "ind.duckdb")
        os.environ["IND_SCHEMA_SUFFIX"] = BENCHMARK_SUFFIX
        quiet = "--quiet --log-path " + str(folder / "logs") + " --target-path " + str(folder / "target")
        project = median_seconds(
            f"{DBT} build {quiet} --target {args.target} --project-dir {PROJECT_DIR} --profiles-dir {PROJECT_DIR}",
            args.runs,
            folder / "project.json",
        )
        floor_dir = folder / "floor"
        floor = median_seconds(
            f"{DBT} build {quiet} --project-dir {floor_dir} --profiles-dir {floor_dir}",
            args.runs,
            folder / "floor.json",
        )
    if args.target == "postgres":
        drop_benchmark_schemas()
    print(
        f"dbt build, {args.target}, median of {args.runs}: project {project:.1f} s, "
        f"floor (one seed, one model) {floor:.1f} s, ratio {project / floor:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
