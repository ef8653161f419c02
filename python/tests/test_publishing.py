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

from conftest import PROJECT_DIR, REPOSITORY, older_duckdb_python
from jaarcijfers.locking import exclusive_lock
from jaarcijfers.publish import PublishRefused, sha256_of, verify_candidate
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
    """A build that shows dbt's output as it comes (-v), so that a test sees when dbt starts a model."""
    return subprocess.Popen(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build", "-v"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its own process group, so that a signal reaches the build and dbt as Ctrl-C does.
        start_new_session=True,
        # A test run started in the background inherits SIGINT ignored, and so would the build.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
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


def run_build_with(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def assert_whole_warehouse(project: Path, warehouse: Path) -> None:
    """Every model and seed of the build's manifest is in `warehouse`, and every figure of the seeds."""
    manifest = json.loads((project / "target" / "manifest.json").read_text(encoding="utf-8"))
    expected = {
        (node["schema"], node["alias"])
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and node["config"]["materialized"] != "ephemeral"
    }
    figure_seeds = sorted((project / "seeds" / "raw").rglob("*_figures.csv"))
    seed_figures = sum(len(path.read_text(encoding="utf-8").strip().split("\n")) - 1 for path in figure_seeds)
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        present = set(connection.execute("select table_schema, table_name from information_schema.tables").fetchall())
        (figures,) = connection.execute("select count(*) from marts.fct_figures").fetchone()
    assert expected - present == set()
    assert {schema for schema, _ in expected} >= {"marts", "reporting"}
    assert len(figure_seeds) >= 2 and figures == seed_figures


def test_two_builds_started_at_once_publish_one_whole_warehouse_and_the_second_says_so(project_copy, published_in_copy):
    left_by_a_killed_build = published_in_copy.with_name("ind.duckdb.building-1")
    left_by_a_killed_build.write_bytes(b"the candidate of a build that was killed")

    builds = [start_build(project_copy) for _ in range(2)]
    results = [(*build.communicate(timeout=900), build.returncode) for build in builds]

    assert [returncode for _, _, returncode in results] == [0, 0], results
    published = [stdout for stdout, _, _ in results if "jaarcijfers build: published" in stdout]
    waited = [stderr for _, stderr, _ in results if "jaarcijfers: waiting: process " in stderr]
    coalesced = [stdout for stdout, _, _ in results if "published these same sources" in stdout]
    assert (len(published), len(waited), len(coalesced)) == (1, 1, 1), results
    assert_whole_warehouse(project_copy, published_in_copy)
    assert not list(published_in_copy.parent.glob("*.building*"))


def test_a_build_with_no_wait_refuses_naming_the_build_that_runs(project_copy, published_in_copy):
    checksum_before = sha256_of(published_in_copy)

    with exclusive_lock(published_in_copy.with_name("ind.duckdb.lock"), "building"):
        result = run_build_with(project_copy, "--no-wait")

    assert result.returncode == 1
    assert f"jaarcijfers build: not building: process {os.getpid()} " in result.stderr
    assert f"the published warehouse {published_in_copy} is unchanged" in result.stderr
    assert sha256_of(published_in_copy) == checksum_before


def test_a_build_of_part_of_the_project_is_not_published(project_copy, published_in_copy):
    checksum_before = sha256_of(published_in_copy)

    result = run_build_with(project_copy, "--", "--select", "jaarcijfers_publications")

    assert result.returncode == 1
    assert "jaarcijfers build: built but not published: " in result.stderr
    assert "a build of part of the project (--select) is not published" in result.stderr
    assert sha256_of(published_in_copy) == checksum_before
    assert not list(published_in_copy.parent.glob("*.building*"))


def test_the_check_before_publishing_creates_no_file_where_dbt_wrote_none(tmp_path):
    candidate = tmp_path / "ind.duckdb.building-1"

    with pytest.raises(PublishRefused, match="dbt wrote no warehouse at"):
        verify_candidate(candidate, tmp_path)

    assert not candidate.exists()


def test_a_warehouse_with_fewer_figures_than_its_seeds_is_not_published(project_copy, published_in_copy):
    manifest = (PROJECT_DIR / "target" / "manifest.json").read_text(encoding="utf-8")
    (project_copy / "target" / "manifest.json").write_text(manifest, encoding="utf-8")
    invocation = json.loads(manifest)["metadata"]["invocation_id"]
    (project_copy / "target" / "run_results.json").write_text(
        json.dumps({"metadata": {"invocation_id": invocation}}), encoding="utf-8"
    )
    with duckdb.connect(str(published_in_copy), read_only=True) as connection:
        (figures,) = connection.execute("select count(*) from marts.fct_figures").fetchone()
    seed = project_copy / "seeds" / "raw" / "ind_news" / "ind_news_figures.csv"
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    seed.write_text("".join([*lines, lines[-1]]), encoding="utf-8")

    refusal = f"holds {figures} figures in marts.fct_figures, the figure seeds {figures + 1}"
    with pytest.raises(PublishRefused, match=refusal):
        verify_candidate(published_in_copy, project_copy)


def test_a_reader_of_the_published_file_sees_no_error_through_make_lint_and_docs(tmp_path):
    """`make lint` and `make docs` (without the build they start with) beside a BI tool's open connection."""
    stop_file = tmp_path / "stop"
    published = REPOSITORY / "warehouse" / "ind.duckdb"
    reader = start_reader("python-duckdb", Path(sys.executable), published, stop_file)
    try:
        assert first_line_within(reader, 60) == "ready\n", reader.stderr.read()
        made = subprocess.run(
            ["make", "--no-print-directory", "-o", "build", "lint", "docs"],
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        stop_file.touch()
        stdout, stderr = reader.communicate(timeout=60)

    assert made.returncode == 0, made.stdout[-3000:] + made.stderr[-3000:]
    assert reader.returncode == 0, f"the reader failed while make lint docs ran: {stderr}"
    assert json.loads(stdout)["rounds"] > 1
