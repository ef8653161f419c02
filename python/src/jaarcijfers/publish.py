"""Build the warehouse into a new file and publish it in one rename, only if everything passed.

Readers (BI tools, notebooks, the DuckDB CLI) keep the published file open read-only. DuckDB
lets one process write a file, so building in place would fail on their lock and could leave
a half-built file; building beside it and renaming avoids both. A reader that is open keeps
the old file's contents until it reconnects. A process that has the published file open for
writing is another matter: the build refuses to publish over it, and says so.
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


class PublishRefused(Exception):
    pass


def _held_for_writing(database: Path) -> str | None:
    """DuckDB's message when another process has `database` open for writing, else None."""
    try:
        with duckdb.connect(str(database), read_only=True):
            return None
    except duckdb.IOException as error:
        return str(error) if "lock" in str(error).lower() else None
    except duckdb.Error:
        return None


def _refuse_if_written(published: Path) -> None:
    """Refuse to publish over a file that a process writes: the rename would pair its log with the new file.

    A writer that keeps the old file open writes its log to `published`.wal, by name; DuckDB
    replays that log into whatever file has the name when it next opens it, and fails.
    """
    log = published.with_name(published.name + ".wal")
    if log.exists():
        raise PublishRefused(
            f"{log} exists: a process has {published} open for writing, or stopped writing it without "
            f"a checkpoint. Close that process, or fold the log in with "
            f"`.venv/bin/duckdb {published} -c checkpoint`, then build again"
        )
    if published.exists() and (message := _held_for_writing(published)):
        raise PublishRefused(
            f"a process has {published} open for writing ({message}). Open it read-only, or close it, then build again"
        )


def _refuse_if_building(candidate: Path) -> None:
    if candidate.exists() and (message := _held_for_writing(candidate)):
        raise PublishRefused(f"another build is writing {candidate} ({message}); wait for it to finish")


def _remove_candidate(candidate: Path) -> None:
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _sync_directory(directory: Path) -> None:
    """Write the directory entry to disk, so that a power cut after the rename keeps the new file."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def build_and_publish(project_dir: Path, published: Path, dbt_arguments: list[str]) -> int:
    """Run `dbt build` into a candidate file; rename it over `published` only on success."""
    published = published if published.is_absolute() else project_dir / published
    published.parent.mkdir(parents=True, exist_ok=True)
    candidate = published.with_name(published.name + BUILDING_SUFFIX)
    unchanged = (
        f"the published warehouse {published} is unchanged"
        if published.exists()
        else f"no warehouse was published at {published}"
    )
    try:
        _refuse_if_building(candidate)
        _refuse_if_written(published)
    except PublishRefused as refusal:
        print(f"jaarcijfers build: not building: {refusal}; {unchanged}", file=sys.stderr)
        return 1
    _remove_candidate(candidate)

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
        _refuse_if_written(published)
        os.replace(candidate, published)
        _sync_directory(published.parent)
    except PublishRefused as refusal:
        print(f"jaarcijfers build: built but not published: {refusal}; {unchanged}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"jaarcijfers build: interrupted; {unchanged}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        _remove_candidate(candidate)
    print(f"jaarcijfers build: published {published} (sha256 {sha256_of(published)[:12]})")
    return 0
