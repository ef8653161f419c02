"""Two things at once, many times over: the figures quoted in docs/publishing.md. Not run by `make test` (it takes
about half an hour); run it after changing publish.py, locking.py or seed_set.py:

    .venv/bin/python python/tests/stress_concurrency.py [--rounds 10] [--kills 20]

In a throwaway copy of the project it runs
- two builds started 0, 1 and 2 s apart, `--rounds` times each: after each pair the published file must hold
  every relation of the manifest and as many figures as the seeds, and at most one build may say it published;
- two extracts of two editions at once into seeds without them, `--rounds` times: both must land;
- an extract killed with SIGKILL after a random delay, `--kills` times: `jaarcijfers check` must accept the
  seeds, which must be the old set or the new one.
It prints one line per round and a summary, and exits non-zero on the first failure.
"""

from __future__ import annotations

import argparse
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from conftest import COPIED_FOR_A_PROJECT, PROJECT_DIR, PUBLISHED_WAREHOUSE
from test_publishing import assert_whole_warehouse
from test_seed_set import editions_loaded, seed_set_bytes, unload_editions


def jaarcijfers(project: Path, *arguments: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), *arguments],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def copy_project(destination: Path) -> Path:
    destination.mkdir()
    for name in COPIED_FOR_A_PROJECT:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    (destination / "warehouse").mkdir()
    shutil.copyfile(PUBLISHED_WAREHOUSE, destination / "warehouse" / "ind.duckdb")
    return destination


def builds_apart(project: Path, seconds: float) -> str:
    first = jaarcijfers(project, "build")
    time.sleep(seconds)
    second = jaarcijfers(project, "build")
    results = [(*build.communicate(timeout=1800), build.returncode) for build in (first, second)]
    if any(returncode != 0 for _, _, returncode in results):
        raise AssertionError(f"a build failed: {results}")
    published = sum("jaarcijfers build: published" in stdout for stdout, _, _ in results)
    if published > 1:
        raise AssertionError(f"both builds say they published: {results}")
    assert_whole_warehouse(project, project / "warehouse" / "ind.duckdb")
    waited = sum("waiting: process" in stderr for _, stderr, _ in results)
    return f"{published} published, {waited} waited, warehouse whole"


def extracts_at_once(project: Path, scratch: Path) -> str:
    expected = seed_set_bytes(project)
    years = {row["edition_year"] for row in editions_loaded(project)}
    texts = unload_editions(project, years, scratch)
    extracts = [jaarcijfers(project, "extract", "--allow-missing", str(text)) for text in texts]
    results = [(*extract.communicate(timeout=300), extract.returncode) for extract in extracts]
    for text in texts:
        text.unlink()
    if any(returncode != 0 for _, _, returncode in results) or seed_set_bytes(project) != expected:
        raise AssertionError(f"an edition was lost: {results}")
    waited = sum("waiting: process" in stderr for _, stderr, _ in results)
    return f"{len(texts)} editions landed, {waited} waited"


def killed_extract(project: Path, scratch: Path, delay: float) -> str:
    latest = max(editions_loaded(project), key=lambda row: int(row["edition_year"]))
    before = seed_set_bytes(project)
    (text,) = unload_editions(project, {latest["edition_year"]}, scratch)
    old = seed_set_bytes(project)
    extract = jaarcijfers(project, "extract", "--allow-missing", str(text))
    time.sleep(delay)
    extract.send_signal(signal.SIGKILL)
    extract.communicate()
    checked = jaarcijfers(project, "check")
    stdout, stderr = checked.communicate()
    after = seed_set_bytes(project)
    state = "old" if after == old else "new" if after == before else "neither"
    if checked.returncode != 0 and state != "old":
        raise AssertionError(f"check refused the seeds after a kill at {delay:.3f} s: {stdout}{stderr}")
    if state == "neither":
        raise AssertionError(f"the seeds are neither the old set nor the new one after a kill at {delay:.3f} s")
    # Back to the whole project for the next round.
    if state == "old":
        finished = jaarcijfers(project, "extract", "--allow-missing", str(text))
        finished.communicate()
    text.unlink(missing_ok=True)
    said = stdout.strip().splitlines()[0] if "interrupted" in stdout else "nothing to finish"
    return f"killed after {delay:.3f} s (exit {extract.returncode}): {state} set; check: {said}"


def extract_duration(project: Path, scratch: Path) -> float:
    latest = max(editions_loaded(project), key=lambda row: int(row["edition_year"]))
    (text,) = unload_editions(project, {latest["edition_year"]}, scratch)
    started = time.monotonic()
    extract = jaarcijfers(project, "extract", "--allow-missing", str(text))
    extract.communicate()
    text.unlink()
    return time.monotonic() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--only", choices=("builds", "extracts", "kills"))
    parser.add_argument("--offsets", type=float, nargs="+", default=[0, 1, 2], help="seconds between two builds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-stress-") as scratch:
        scratch_dir = Path(scratch)
        project = copy_project(scratch_dir / "project")
        if args.only in (None, "builds"):
            for seconds in args.offsets:
                for round_number in range(1, args.rounds + 1):
                    outcome = builds_apart(project, seconds)
                    print(f"builds {seconds} s apart, round {round_number}: {outcome}", flush=True)
        if args.only in (None, "extracts"):
            for round_number in range(1, args.rounds + 1):
                print(f"extracts at once, round {round_number}: {extracts_at_once(project, scratch_dir)}", flush=True)
        if args.only in (None, "kills"):
            span = extract_duration(project, scratch_dir)
            print(f"an extract uninterrupted takes {span:.3f} s: the kills fall within it", flush=True)
            for round_number in range(1, args.kills + 1):
                delay = random.uniform(0.0, span)
                print(f"kill {round_number}: {killed_extract(project, scratch_dir, delay)}", flush=True)
    print("all rounds passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
