"""Extracts that run at once, and extracts killed at every step: the seeds are one whole set, always."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

from jaarcijfers.cli import check_seeds
from jaarcijfers.locking import exclusive_lock
from jaarcijfers.seed_set import JOURNAL, LOCK
from jaarcijfers.sources.jaarcijfers.seeds import SEED_FILES, SEEDS_FOLDER, render_csv

# Runs `jaarcijfers ARGS...` and dies, as SIGKILL would (no clean-up, no finally), just before
# the seed set's STEP-th file operation (a write made durable, or a rename).
DIE_AT_STEP = """
import os, sys
from jaarcijfers import cli, seed_set

step, arguments = int(sys.argv[1]), sys.argv[2:]
done = 0


def dying(operation):
    def run(*args):
        global done
        done += 1
        if done == step:
            os._exit(137)
        return operation(*args)
    return run


class Os:
    def __getattr__(self, name):
        return getattr(os, name)


patched = Os()
patched.replace = dying(os.replace)
patched.fsync = dying(os.fsync)
seed_set.os = patched
sys.exit(cli.main(arguments))
"""


JAARCIJFERS = (sys.executable, "-m", "jaarcijfers")
# Each edition here was loaded before, some (one the IND printed shorter) with --allow-missing.
ALLOWED = ("--allow-missing",)


def jaarcijfers(project: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )


def seed_set_bytes(project: Path) -> dict[str, bytes]:
    """Every file an extract writes: the seeds, and the archived publications."""
    files = [*(project / "seeds").rglob("*.csv"), *(project / "publications").rglob("*")]
    return {str(path.relative_to(project)): path.read_bytes() for path in sorted(files) if path.is_file()}


def editions_loaded(project: Path) -> list[dict[str, str]]:
    with (project / "seeds" / "raw" / "jaarcijfers" / "jaarcijfers_publications.csv").open(
        newline="", encoding="utf-8"
    ) as handle:
        return list(csv.DictReader(handle))


def unload_editions(project: Path, years: set[str], moved_to: Path) -> list[Path]:
    """Take editions out of the seeds and their texts out of publications/; return the texts."""
    moved = []
    for row in editions_loaded(project):
        if row["edition_year"] in years:
            text = project / "publications" / row["source_file"]
            moved.append(text.rename(moved_to / text.name))
    for name, record_type in SEED_FILES.items():
        seed = project / SEEDS_FOLDER / name
        with seed.open(newline="", encoding="utf-8") as handle:
            rows = [row for row in csv.DictReader(handle) if row["edition_year"] not in years]
        seed.write_text(render_csv(record_type, rows), encoding="utf-8", newline="")
    return moved


def test_extracts_of_every_edition_at_once_all_land(project_copy, tmp_path):
    """Every edition extracted again into empty seeds, all at once: the seeds come out as they are."""
    expected = seed_set_bytes(project_copy)
    years = {row["edition_year"] for row in editions_loaded(project_copy)}
    texts = unload_editions(project_copy, years, tmp_path)
    assert len(texts) >= 2

    extracts = [
        subprocess.Popen(
            [*JAARCIJFERS, "--project-dir", str(project_copy), "extract", *ALLOWED, str(text)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for text in texts
    ]
    results = [(extract.wait(timeout=300), *extract.communicate()) for extract in extracts]

    assert [returncode for returncode, _, _ in results] == [0] * len(texts), results
    assert all(": added;" in out for _, out, _ in results), results
    assert seed_set_bytes(project_copy) == expected
    assert check_seeds(project_copy) == []


MARCH = "https://ind.nl/nl/nieuws/asielinstroom-in-maart-2023,2023-04-12,2023-03"
TOTAL = (
    "Total asylum influx (first + repeat applications + family reunification arrivals),"
    "totale asielinstroom,asylum total influx,3.500,3500,"
)
FIRST = "First asylum applications,eerste asielaanvragen,first asylum applications,2.900,2900,"


def test_two_news_releases_extracted_at_once_both_land(project_copy, tmp_path):
    header = (project_copy / "publications" / "ind_news" / "figures.csv").read_text(encoding="utf-8").split("\n")[0]
    releases = []
    for name, row in (("influx-march-2023.csv", TOTAL), ("first-applications-march-2023.csv", FIRST)):
        release = tmp_path / name
        release.write_text(f"{header}\n{MARCH},{row}\n", encoding="utf-8")
        releases.append(release)

    extracts = [
        subprocess.Popen(
            [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project_copy), "extract", str(release)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for release in releases
    ]
    results = [(extract.wait(timeout=300), *extract.communicate()) for extract in extracts]

    assert [returncode for returncode, _, _ in results] == [0, 0], results
    with (project_copy / "seeds" / "raw" / "ind_news" / "ind_news_files.csv").open(
        newline="", encoding="utf-8"
    ) as handle:
        loaded = {row["source_file"] for row in csv.DictReader(handle)}
    assert {f"ind_news/{release.name}" for release in releases} <= loaded
    assert check_seeds(project_copy) == []


def test_an_extract_refuses_with_no_wait_naming_the_process_that_holds_the_seeds(project_copy):
    seeds_before = seed_set_bytes(project_copy)
    publication = next((project_copy / "publications" / "jaarcijfers").glob("*.txt"))

    with exclusive_lock(project_copy / LOCK, "changing or reading the seeds"):
        result = jaarcijfers(project_copy, "extract", "--no-wait", str(publication))

    assert result.returncode == 1
    assert result.stderr.startswith(f"error: {publication}: not extracted: process {os.getpid()} ")
    assert "the seeds are unchanged" in result.stderr
    assert seed_set_bytes(project_copy) == seeds_before


def test_an_extract_killed_at_any_step_leaves_the_old_seed_set_or_the_new_one_and_check_says_which(
    project_copy, tmp_path
):
    latest = max(editions_loaded(project_copy), key=lambda row: int(row["edition_year"]))
    (text,) = unload_editions(project_copy, {latest["edition_year"]}, tmp_path)
    old = seed_set_bytes(project_copy)
    assert jaarcijfers(project_copy, "check").returncode == 0

    outcomes = {}
    step = 0
    while True:
        step += 1
        attempt = tmp_path / f"step-{step}"
        _copy_seed_set(project_copy, attempt)
        arguments = ["--project-dir", str(attempt), "extract", *ALLOWED, str(text)]
        killed = subprocess.run(
            [sys.executable, "-c", DIE_AT_STEP, str(step), *arguments],
            capture_output=True,
            text=True,
            check=False,
        )
        if killed.returncode == 0:
            new = seed_set_bytes(attempt)
            break
        assert killed.returncode == 137, killed.stderr
        checked = jaarcijfers(attempt, "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        outcomes[step] = (seed_set_bytes(attempt), checked.stdout)
        assert not (attempt / JOURNAL).exists()
        assert not list(attempt.rglob("*.partial"))

    assert new != old and step > 5
    said = {"old": "the seeds are as they were before it", "new": "was completed: the seeds hold it"}
    kinds = []
    for step_killed, (after, message) in outcomes.items():
        kind = "old" if after == old else "new" if after == new else f"neither, after step {step_killed}"
        kinds.append(kind)
        assert kind in said, kind
        # Killed after its last rename, an extract has nothing left to complete, so check says nothing.
        assert all(kind == said_kind for said_kind, text in said.items() if text in message), (step_killed, message)
    assert "old" in kinds and "new" in kinds
    assert all(any(text in message for _, message in outcomes.values()) for text in said.values())


def _copy_seed_set(project: Path, copy: Path) -> None:
    copy.mkdir()
    for name in ("seeds", "publications"):
        shutil.copytree(project / name, copy / name)
