"""Each publication file is still the file the warehouse was loaded from: its sha256 is the one the
extractor recorded in seeds/raw/. A question about files, not about the warehouse, so it is asked
here and not in a dbt test, which a database server could not answer (it cannot read this disk)."""

from __future__ import annotations

import csv
import hashlib

import pytest

from conftest import PROJECT_DIR

PUBLICATIONS = PROJECT_DIR / "publications"
RECORDED = (
    # seed (under seeds/raw/), its column of the file's name (relative to publications/)
    ("jaarcijfers/jaarcijfers_publications.csv", "source_file"),
    ("ind_news/ind_news_files.csv", "source_file"),
)


def recorded_files() -> list[tuple[str, str, str]]:
    rows = []
    for seed, column in RECORDED:
        with (PROJECT_DIR / "seeds" / "raw" / seed).open(encoding="utf-8", newline="") as handle:
            rows += [(seed, row[column], row["sha256"]) for row in csv.DictReader(handle)]
    return rows


@pytest.mark.parametrize(("seed", "source_file", "sha256"), recorded_files(), ids=lambda value: str(value)[:40])
def test_each_loaded_file_keeps_the_sha256_it_was_loaded_with(seed: str, source_file: str, sha256: str) -> None:
    path = PUBLICATIONS / source_file
    assert path.is_file(), f"{path} is missing; seeds/raw/{seed} was extracted from it"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha256, (
        f"{path} has changed since seeds/raw/{seed} was extracted from it: run jaarcijfers extract again"
    )
