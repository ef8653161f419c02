"""Other publishers quoting the IND's and CBS's asylum figures (AIDA, Eurostat via AIDA, ministers'
answers to parliament, government news, the IND's old Asylum Trends pages): the source
`other_publishers`.

A figures file (the header of ../shared/sources/other/figures.csv, exactly) is copied into
``publications/other_publishers/`` and its rows merged into
``seeds/raw/other_publishers/other_publishers_quotes.csv``, as transcribed (all text), each with
its file and line. The seed is named ``*_quotes`` and not ``*_figures``: these figures are
quotations used to cross-check the IND's and CBS's, not a series of the warehouse's own, and
they are not rows of ``fct_figures``. ``other_publishers_files.csv`` records the files in the
order they were loaded; a row already loaded (the same eleven fields, from any file) is not
loaded again. Reading the printed values (``39,767``, ``ca. 32.180``, ``bijna 80%``) is done by
the staging model, which fails the build on a form it cannot read.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.inputs import csv_records, csv_rows, first_line
from jaarcijfers.records import ExtractionError
from jaarcijfers.seed_set import commit_files, refuse_replacing_archived, render_seed, seeds_that_differ, sha256_of

CODE = "other_publishers"
COLUMNS = (
    "source_url",
    "publisher",
    "published",
    "reference_period",
    "measure_en",
    "measure_nl",
    "nationality",
    "value_printed",
    "value",
    "unit",
    "note",
)
HEADER = ",".join(COLUMNS)
FOLDER = Path("publications") / CODE
SEEDS = Path("seeds") / "raw" / CODE
QUOTES_SEED = "other_publishers_quotes.csv"
FILES_SEED = "other_publishers_files.csv"
QUOTE_COLUMNS = ("source_file", "source_line", *COLUMNS)
FILE_COLUMNS = ("load_order", "source_file", "sha256", "row_count", "new_row_count")
REQUIRED = ("source_url", "publisher", "reference_period", "measure_en", "value_printed", "unit")


def read_quotes(path: Path) -> list[tuple[int, tuple[str, ...]]]:
    """(line, the eleven fields) of every row; anything else is refused with file, line and value."""
    rows = []
    for line, fields in csv_records(path, COLUMNS):
        for column, value in zip(COLUMNS, fields, strict=True):
            if column in REQUIRED and not value.strip():
                raise ExtractionError(path, line, f"{column} is empty")
        rows.append((line, tuple(fields)))
    return rows


class _Loaded:
    def __init__(self) -> None:
        self.quote_rows: list[dict[str, str]] = []
        self.file_rows: list[dict[str, str]] = []
        self.fields: set[tuple[str, ...]] = set()

    def add(self, source_file: str, sha256: str, rows: list[tuple[int, tuple[str, ...]]]) -> int:
        new = [(line, fields) for line, fields in rows if fields not in self.fields]
        self.file_rows.append(
            {
                "load_order": str(len(self.file_rows) + 1),
                "source_file": source_file,
                "sha256": sha256,
                "row_count": str(len(rows)),
                "new_row_count": str(len(new)),
            }
        )
        for line, fields in new:
            self.quote_rows.append(
                {"source_file": source_file, "source_line": str(line), **dict(zip(COLUMNS, fields, strict=True))}
            )
            self.fields.add(fields)
        return len(new)

    def rendered(self) -> dict[str, str]:
        return {
            QUOTES_SEED: render_seed(QUOTE_COLUMNS, self.quote_rows),
            FILES_SEED: render_seed(FILE_COLUMNS, self.file_rows),
        }


def _replay(project_dir: Path) -> _Loaded:
    loaded = _Loaded()
    files_seed = project_dir / SEEDS / FILES_SEED
    for entry in csv_rows(files_seed) if files_seed.exists() else []:
        path = project_dir / "publications" / entry["source_file"]
        if not path.is_file():
            raise ExtractionError(path, 0, f"listed in {SEEDS / FILES_SEED} but missing")
        loaded.add(entry["source_file"], sha256_of(path), read_quotes(path))
    return loaded


@dataclass(frozen=True)
class OtherPublishersSource:
    code: str = CODE
    title: str = "Other publishers quoting Dutch asylum figures (AIDA, Eurostat via AIDA, ministers, government)"
    expects: str = f"a .csv file whose first line is {HEADER}"

    def recognises(self, path: Path) -> bool:
        """A .csv file whose first line is exactly the other publishers' header."""
        return path.suffix == ".csv" and first_line(path) == HEADER

    def extract(self, path: Path, project_dir: Path, options: argparse.Namespace | None = None) -> int:
        """Copy the file into publications/other_publishers/ and merge its rows; call under the seed lock."""
        try:
            rows = read_quotes(path)
            archived = project_dir / FOLDER / path.name
            refuse_replacing_archived(path, archived)
            loaded = _replay(project_dir)
            source_file = f"{CODE}/{path.name}"
            if any(entry["source_file"] == source_file for entry in loaded.file_rows):
                print(f"{path}: {len(rows)} rows, 0 new: unchanged: this file is already loaded")
                return 0
            new = loaded.add(source_file, sha256_of(path), rows)
            if not new:
                print(f"{path}: {len(rows)} rows, 0 new: unchanged: every row is already loaded")
                return 0
            contents = {project_dir / SEEDS / name: text.encode("utf-8") for name, text in loaded.rendered().items()}
            if not archived.exists():
                contents[archived] = path.read_bytes()
            commit_files(project_dir, contents, path, f"other publishers' file {path.name}")
        except ExtractionError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"{path}: {len(rows)} rows, {new} new: added")
        return 0

    def check(self, project_dir: Path) -> list[str]:
        """The seed files (paths under seeds/raw) that are not the re-extraction of publications/other_publishers/."""
        loaded = _replay(project_dir)
        return seeds_that_differ(
            project_dir,
            {project_dir / SEEDS / name: text for name, text in loaded.rendered().items()},
            project_dir / SEEDS / FILES_SEED,
            listed={entry["source_file"] for entry in loaded.file_rows},
            archived={f"{CODE}/{path.name}" for path in (project_dir / FOLDER).glob("*.csv") if self.recognises(path)},
        )


SOURCE = OtherPublishersSource()
