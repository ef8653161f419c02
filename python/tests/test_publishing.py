"""Publishing while BI tools hold the warehouse open, and builds that are killed half-way."""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from conftest import older_duckdb_python
from jaarcijfers.publish import sha256_of
from test_build import run_build

READER_SCRIPT = Path(__file__).with_name("warehouse_reader.py")
MARKER_TABLE = "published_before_the_build"


def first_line_within(process: subprocess.Popen[str], seconds: float) -> str:
    """The process's first line of output, or '' if it says nothing in time (so a stuck
    reader fails the test instead of hanging it)."""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout=seconds):
            process.kill()
            return ""
    return process.stdout.readline()


def start_reader(client: str, python: Path, warehouse: Path, stop_file: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [str(python), str(READER_SCRIPT), client, str(warehouse), str(stop_file)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_build(project: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its own process group, so that a signal reaches the build and dbt as Ctrl-C does.
        start_new_session=True,
    )


def interrupt_once_dbt_builds_models(build: subprocess.Popen[str], signal_number: int) -> str:
    """Send `signal_number` to the build's process group once dbt starts a model; return its stderr."""
    seen = []
    for line in build.stdout:
        seen.append(line)
        if "START sql" in line:
            break
    else:
        pytest.fail(f"the build ended before dbt built a model: {''.join(seen)}{build.stderr.read()}")
    os.killpg(build.pid, signal_number)
    _, stderr = build.communicate(timeout=60)
    return stderr


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_leaves_the_published_file_unchanged_and_says_so(
    project_copy, published_in_copy, signal_number
):
    checksum_before = sha256_of(published_in_copy)

    build = start_build(project_copy)
    stderr = interrupt_once_dbt_builds_models(build, signal_number)

    assert build.returncode != 0
    assert f"interrupted; the published warehouse {published_in_copy} is unchanged" in stderr
    assert sha256_of(published_in_copy) == checksum_before
    assert not list(published_in_copy.parent.glob("*.building*"))


def test_readers_see_no_error_while_a_build_is_killed_and_the_next_publishes_then_reconnect_to_it(
    project_copy, published_in_copy, tmp_path
):
    with duckdb.connect(str(published_in_copy)) as connection:
        connection.execute(f"create table main.{MARKER_TABLE} as select 'published before the build' as note")
    checksum_before = sha256_of(published_in_copy)
    stop_file = tmp_path / "stop"
    readers = {
        "DuckDB CLI": start_reader("duckdb-cli", Path(sys.executable), published_in_copy, stop_file),
        "Python duckdb": start_reader("python-duckdb", Path(sys.executable), published_in_copy, stop_file),
        "SQLAlchemy (duckdb-engine)": start_reader("sqlalchemy", Path(sys.executable), published_in_copy, stop_file),
        "Python duckdb 1.1": start_reader("python-duckdb", older_duckdb_python("1.1"), published_in_copy, stop_file),
    }
    try:
        for name, reader in readers.items():
            assert first_line_within(reader, 60) == "ready\n", (
                f"{name} could not read the published file: {reader.stderr.read()}"
            )
        killed = start_build(project_copy)
        interrupt_once_dbt_builds_models(killed, signal.SIGKILL)
        checksum_after_the_kill = sha256_of(published_in_copy)
        next_build = run_build(project_copy)
    finally:
        stop_file.touch()
        outputs = {name: reader.communicate(timeout=60) for name, reader in readers.items()}

    assert killed.returncode == -signal.SIGKILL
    assert checksum_after_the_kill == checksum_before
    assert next_build.returncode == 0, next_build.stdout[-3000:] + next_build.stderr
    assert "jaarcijfers build: published" in next_build.stdout
    assert sha256_of(published_in_copy) != checksum_before
    assert not list(published_in_copy.parent.glob("*.building*"))
    for name, (stdout, stderr) in outputs.items():
        assert readers[name].returncode == 0, f"{name} failed while the builds ran: {stderr}"
        summary = json.loads(stdout)
        assert summary["rounds"] > 1, f"{name} queried only once"
        assert summary["marker_throughout"], f"{name}'s open connection stopped seeing the file it opened"
        assert not summary["marker_after_reconnecting"], f"{name} did not see the new build after reconnecting"


@contextmanager
def held_for_writing(database: Path) -> Iterator[None]:
    """Another process with `database` open for writing, as a build or a read-write client holds it."""
    hold_until_stdin_closes = (
        "import sys, duckdb; connection = duckdb.connect(sys.argv[1]); print('open', flush=True); sys.stdin.read()"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold_until_stdin_closes, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert first_line_within(holder, 60) == "open\n"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)


def test_a_build_refuses_to_publish_over_a_file_a_process_has_open_for_writing(project_copy, published_in_copy):
    checksum_before = sha256_of(published_in_copy)

    with held_for_writing(published_in_copy):
        result = run_build(project_copy)

    assert result.returncode == 1
    assert f"not building: a process has {published_in_copy} open for writing" in result.stderr
    assert f"the published warehouse {published_in_copy} is unchanged" in result.stderr
    assert sha256_of(published_in_copy) == checksum_before


def test_a_build_refuses_to_publish_beside_a_write_ahead_log_of_the_published_file(project_copy, published_in_copy):
    log = published_in_copy.with_name("ind.duckdb.wal")
    log.write_bytes(b"a log that a writer of the published file left behind")
    checksum_before = sha256_of(published_in_copy)

    result = run_build(project_copy)

    assert result.returncode == 1
    assert f"not building: {log} exists" in result.stderr
    assert sha256_of(published_in_copy) == checksum_before
    assert log.read_bytes() == b"a log that a writer of the published file left behind"


def test_a_build_leaves_the_candidate_of_a_build_still_running_alone(project_copy, published_in_copy):
    candidate = published_in_copy.with_name("ind.duckdb.building")

    with held_for_writing(candidate):
        result = run_build(project_copy)

    assert result.returncode == 1
    assert f"not building: another build is writing {candidate}" in result.stderr
    assert candidate.exists()
