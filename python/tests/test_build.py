"""The warehouse build as a user runs it, in a throwaway copy of the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from jaarcijfers.publish import sha256_of


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build"],
        capture_output=True,
        text=True,
        check=False,
    )


def _with_a_broken_value(seed: str) -> str:
    return seed.replace(",2024,38.670\n", ",2024,38.6x0\n", 1)


def _with_a_figure_twice(seed: str) -> str:
    row = next(line for line in seed.split("\n") if line.endswith(",2024,38.670"))
    return seed.replace(row + "\n", row + "\n" + row + "\n", 1)


@pytest.mark.parametrize(
    "damage, message",
    [
        (_with_a_broken_value, "cannot parse '38.6x0' as a Dutch number"),
        (_with_a_figure_twice, "the same figure is printed 2 times in edition 2024 (publication lines 11, 11)"),
    ],
    ids=["a value that cannot be read", "a figure twice"],
)
def test_a_broken_seed_stops_the_build_naming_the_row(damage, message, project_copy):
    seed = project_copy / "seeds" / "raw" / "jaarcijfers" / "jaarcijfers_figures.csv"
    seed.write_text(damage(seed.read_text(encoding="utf-8")), encoding="utf-8")
    published = project_copy / "warehouse" / "ind.duckdb"
    published.parent.mkdir()
    published.write_bytes(b"the warehouse published before")
    checksum_before = sha256_of(published)

    result = run_build(project_copy)

    assert result.returncode != 0
    assert (
        "seeds/raw/jaarcijfers/jaarcijfers_figures.csv, edition 2024, publication line 11 "
        "(Familie & Gezin / Aanvragen / 2024): " + message
    ) in result.stdout
    assert f"the published warehouse {published} is unchanged" in result.stderr
    assert sha256_of(published) == checksum_before
    assert not list(published.parent.glob("*.building*"))
