"""The warehouse build as a user runs it, in a throwaway copy of the project."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from jaarcijfers.publish import sha256_of


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build"],
        capture_output=True,
        text=True,
        check=False,
    )


def test_an_unparseable_seed_value_stops_the_build_naming_the_row(project_copy):
    seed = project_copy / "seeds" / "raw" / "jaarcijfers_figures.csv"
    seed.write_text(seed.read_text(encoding="utf-8").replace(",2024,38.670\n", ",2024,38.6x0\n", 1), encoding="utf-8")
    published = project_copy / "warehouse" / "ind.duckdb"
    published.parent.mkdir()
    published.write_bytes(b"the warehouse published before")
    checksum_before = sha256_of(published)

    result = run_build(project_copy)

    assert result.returncode != 0
    assert (
        "seeds/raw/jaarcijfers_figures.csv, edition 2024, publication line 11 "
        "(Familie & Gezin / Aanvragen / 2024): cannot parse '38.6x0' as a Dutch number"
    ) in result.stdout
    assert f"the published warehouse {published} is unchanged" in result.stderr
    assert sha256_of(published) == checksum_before
    assert not list(published.parent.glob("*.building*"))
