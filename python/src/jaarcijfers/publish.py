"""Build the warehouse into a new file and publish it in one rename, only if it is whole.

Readers (BI tools, notebooks, the DuckDB CLI) keep the published file open read-only. DuckDB
lets one process write a file, so building in place would fail on their lock and could leave
a half-built file; building beside it and renaming avoids both. A reader that is open keeps
the old file's contents until it reconnects. A process that has the published file open for
writing is another matter: the build refuses to publish over it, and says so.

One build at a time: a build holds an exclusive lock beside the published file (and the seed
lock, so no extract changes the seeds under it) for its whole run, and writes a candidate file
of its own. Before the rename it opens the candidate read-only and checks it is the warehouse
this dbt run wrote: every relation of the run's manifest, and as many figures in
`marts.fct_figures` as the figure seeds hold. A build that waited for another one that built
the same sources publishes nothing again: it says the other one did.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import sys
from pathlib import Path

import duckdb

from jaarcijfers.build_summary import read_state, summary_lines
from jaarcijfers.dbt_runner import run_dbt_build
from jaarcijfers.locking import LockHeld, exclusive_lock
from jaarcijfers.seed_set import seed_lock, sha256_of

BUILDING_SUFFIX = ".building"
# The sources a build reads: when none changed, a build that waited for another has nothing to add.
BUILD_INPUTS = ("dbt_project.yml", "profiles.yml", "models", "macros", "seeds", "tests", "analyses")
# Every seed of printed figures is named raw/<source>/<source>_figures.csv; each of its rows is one row of
# marts.fct_figures (tested per source in python/tests).
FIGURE_SEED_SUFFIX = "_figures.csv"
FIGURES_MART = ("marts", "fct_figures")


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


def _remove_candidate(candidate: Path) -> None:
    for leftover in (candidate, candidate.with_name(candidate.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _remove_stale_candidates(published: Path) -> None:
    """Remove the candidates of builds that were killed; a file some process still writes stays."""
    for stale in published.parent.glob(f"{published.name}{BUILDING_SUFFIX}*"):
        if stale.name.endswith(".wal"):
            continue
        if _held_for_writing(stale) is None:
            _remove_candidate(stale)


def _sync_directory(directory: Path) -> None:
    """Write the directory entry to disk, so that a power cut after the rename keeps the new file."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _raise_keyboard_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def inputs_fingerprint(project_dir: Path, dbt_arguments: list[str]) -> str:
    """A digest of every file a build reads, and of its dbt arguments."""
    digest = hashlib.sha256(json.dumps(dbt_arguments).encode())
    for name in BUILD_INPUTS:
        root = project_dir / name
        paths = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in paths:
            if path.is_file() and not path.name.startswith(".") and not path.name.endswith(".partial"):
                digest.update(str(path.relative_to(project_dir)).encode() + b"\0")
                digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _fingerprint_file(published: Path) -> Path:
    return published.with_name(published.name + ".inputs")


def _published_from(published: Path) -> str | None:
    """The inputs fingerprint of the published warehouse, when the last publish recorded it."""
    recorded = _fingerprint_file(published)
    return recorded.read_text(encoding="utf-8").strip() if recorded.is_file() and published.is_file() else None


def figure_seed_rows(project_dir: Path, manifest: dict) -> int:
    total = 0
    for node in manifest["nodes"].values():
        path = node.get("original_file_path", "")
        if node["resource_type"] == "seed" and path.startswith("seeds/raw/") and path.endswith(FIGURE_SEED_SUFFIX):
            with (project_dir / path).open(newline="", encoding="utf-8") as handle:
                total += sum(1 for _ in csv.DictReader(handle))
    return total


def run_artifacts(target: Path) -> dict:
    """This dbt run's manifest, from its target folder; refused when another dbt command rewrote it meanwhile."""
    try:
        manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        run_results = json.loads((target / "run_results.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise PublishRefused(f"dbt's run artifacts in {target} cannot be read ({error})") from None
    if manifest["metadata"]["invocation_id"] != run_results["metadata"]["invocation_id"]:
        raise PublishRefused(
            f"{target}/manifest.json is not this build's: another dbt command wrote {target} during the build"
        )
    return manifest


def verify_candidate(candidate: Path, project_dir: Path) -> str:
    """Check that `candidate` is the whole warehouse of this dbt run; return what was checked."""
    if not candidate.is_file():
        raise PublishRefused(f"dbt wrote no warehouse at {candidate}")
    manifest = run_artifacts(project_dir / "target")
    expected = sorted(
        (node["schema"], node.get("alias") or node["name"])
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed")
        and node["config"].get("enabled", True)
        and node["config"].get("materialized") != "ephemeral"
    )
    try:
        # Read-only: a connection that may write would create an empty database where none is.
        with duckdb.connect(str(candidate), read_only=True) as connection:
            present = set(
                connection.execute("select table_schema, table_name from information_schema.tables").fetchall()
            )
            missing = [f"{schema}.{name}" for schema, name in expected if (schema, name) not in present]
            if missing:
                raise PublishRefused(
                    f"{candidate} lacks {len(missing)} of the {len(expected)} relations of this build "
                    f"({', '.join(missing[:5])}{', …' if len(missing) > 5 else ''}); a build of part of the "
                    "project (--select) is not published"
                )
            (figures,) = connection.execute(f"select count(*) from {'.'.join(FIGURES_MART)}").fetchone()
    except duckdb.Error as error:
        raise PublishRefused(f"{candidate} cannot be read back ({error})") from None
    seed_rows = figure_seed_rows(project_dir, manifest)
    if figures != seed_rows:
        raise PublishRefused(
            f"{candidate} holds {figures} figures in {'.'.join(FIGURES_MART)}, the figure seeds {seed_rows}"
        )
    return f"{len(expected)} relations, {figures} figures"


def build_and_publish(
    project_dir: Path, published: Path, dbt_arguments: list[str], wait: bool = True, verbose: bool = False
) -> int:
    """Run `dbt build` into a candidate file; rename it over `published` only when it is whole."""
    published = published if published.is_absolute() else project_dir / published
    published.parent.mkdir(parents=True, exist_ok=True)

    def unchanged() -> str:
        if published.exists():
            return f"the published warehouse {published} is unchanged"
        return f"no warehouse was published at {published}"

    fingerprint = inputs_fingerprint(project_dir, dbt_arguments)
    lock_file = published.with_name(published.name + ".lock")
    try:
        with (
            exclusive_lock(lock_file, f"building {published}", wait=wait) as waited,
            seed_lock(project_dir, wait=wait) as fixed,
        ):
            if fixed:
                print(f"jaarcijfers build: {fixed}", file=sys.stderr)
            if waited and _published_from(published) == fingerprint:
                print(f"jaarcijfers build: the build this one waited for published these same sources; {unchanged()}")
                return 0
            return _build_locked(project_dir, published, dbt_arguments, fingerprint, unchanged, verbose)
    except LockHeld as held:
        print(f"jaarcijfers build: not building: {held}; {unchanged()}", file=sys.stderr)
        return 1


def _build_locked(
    project_dir: Path, published: Path, dbt_arguments: list[str], fingerprint: str, unchanged, verbose: bool
) -> int:
    candidate = published.with_name(f"{published.name}{BUILDING_SUFFIX}-{os.getpid()}")
    try:
        _refuse_if_written(published)
    except PublishRefused as refusal:
        print(f"jaarcijfers build: not building: {refusal}; {unchanged()}", file=sys.stderr)
        return 1
    _remove_stale_candidates(published)

    dbt = Path(sys.executable).parent / "dbt"
    environment = {**os.environ, "IND_WAREHOUSE_PATH": str(candidate)}
    previous_handler = signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
    try:
        returncode = run_dbt_build(
            [str(dbt), "build", "--profiles-dir", str(project_dir), "--project-dir", str(project_dir), *dbt_arguments],
            environment,
            project_dir,
            verbose,
        )
        if returncode != 0:
            print(f"jaarcijfers build: dbt build failed; {unchanged()}", file=sys.stderr)
            return returncode
        if not candidate.is_file():
            raise PublishRefused(f"dbt wrote no warehouse at {candidate}")
        # Fold the write-ahead log into the file so that the rename moves one complete file. The
        # file exists (checked above) and is this build's own, so this connection creates nothing.
        with duckdb.connect(str(candidate)) as connection:
            connection.execute("checkpoint")
        checked = verify_candidate(candidate, project_dir)
        built = read_state(candidate)
        changes = summary_lines(read_state(published), built) if built else []
        _refuse_if_written(published)
        recorded = _fingerprint_file(published)
        # Gone before the rename: a kill between the two never pairs the new file with an old record.
        recorded.unlink(missing_ok=True)
        os.replace(candidate, published)
        _sync_directory(published.parent)
        recorded.write_text(fingerprint + "\n", encoding="utf-8")
    except PublishRefused as refusal:
        print(f"jaarcijfers build: built but not published: {refusal}; {unchanged()}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"jaarcijfers build: interrupted; {unchanged()}", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
        _remove_candidate(candidate)
    print(f"jaarcijfers build: published {published} ({checked}; sha256 {sha256_of(published)[:12]})")
    for line in changes:
        print(f"  {line}")
    return 0
