"""Build the warehouse into a new file and publish it in one rename, only if everything passed.

Readers (BI tools, notebooks, the DuckDB CLI) keep the published file open read-only. DuckDB
lets one process write a file, so building in place would fail on their lock and could leave
a half-built file; building beside it and renaming avoids both. A reader that is open keeps
the old file's contents until it reconnects.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb

BUILDING_SUFFIX = ".building"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _remove_candidate(candidate: Path) -> None:
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def build_and_publish(project_dir: Path, published: Path, dbt_arguments: list[str]) -> int:
    """Run `dbt build` into a candidate file; rename it over `published` only on success."""
    published = published if published.is_absolute() else project_dir / published
    published.parent.mkdir(parents=True, exist_ok=True)
    candidate = published.with_name(published.name + BUILDING_SUFFIX)
    _remove_candidate(candidate)
    before = sha256_of(published) if published.exists() else None
    unchanged = (
        f"the published warehouse {published} is unchanged"
        if before
        else f"no warehouse was published at {published}"
    )

    dbt = Path(sys.executable).parent / "dbt"
    environment = {**os.environ, "IND_WAREHOUSE_PATH": str(candidate)}
    previous_handler = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        completed = subprocess.run(
            [str(dbt), "build", "--profiles-dir", str(project_dir), "--project-dir", str(project_dir), *dbt_arguments],
            env=environment,
            cwd=project_dir,
            check=False,
        )
        if completed.returncode != 0:
            print(f"jaarcijfers build: dbt build failed; {unchanged}", file=sys.stderr)
            return completed.returncode
        # Fold the write-ahead log into the file so that the rename moves one complete file.
        with duckdb.connect(str(candidate)) as connection:
            connection.execute("checkpoint")
        os.replace(candidate, published)
    except KeyboardInterrupt:
        print(f"jaarcijfers build: interrupted; {unchanged}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        _remove_candidate(candidate)
    print(f"jaarcijfers build: published {published} (sha256 {sha256_of(published)[:12]})")
    return 0
