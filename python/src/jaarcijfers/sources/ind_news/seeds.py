"""Merge files of news figures into the raw seeds, and check that the seeds are their output.

Files are loaded in order, each copied into ``publications/ind_news/``. A row already loaded
(the same nine fields, from any file) is not loaded again, so re-loading a file is a no-op and a
file that repeats loaded rows adds only its new ones. ``seeds/raw/ind_news/ind_news_files.csv`` records
the order, each file's sha256 and how many of its rows were new; ``jaarcijfers check`` replays
it. Nothing is written unless every row of the new file passes, and the files change together
(seed_set.py): call it under `seed_lock`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from jaarcijfers.inputs import csv_rows, quoted
from jaarcijfers.records import ExtractionError
from jaarcijfers.seed_set import (
    commit_files,
    refuse_replacing_archived,
    render_seed,
    seeds_that_differ,
    sha256_of,
)
from jaarcijfers.sources.ind_news.figures_file import (
    COLUMNS,
    NewsCatalogue,
    NewsRow,
    describe,
    load_news_catalogue,
    read_news_file,
)

CODE = "ind_news"
NEWS_FOLDER = Path("publications") / CODE
SEEDS_FOLDER = Path("seeds") / "raw" / CODE
FIGURES_SEED = "ind_news_figures.csv"
FILES_SEED = "ind_news_files.csv"
FIGURE_COLUMNS = ("source_file", "source_line", *COLUMNS)
FILE_COLUMNS = ("load_order", "source_file", "sha256", "row_count", "new_row_count")


def _read(path: Path) -> list[dict[str, str]]:
    return csv_rows(path) if path.exists() else []


def _relative_name(path: Path) -> str:
    return f"{NEWS_FOLDER.name}/{path.name}"


class _Loaded:
    """The rows loaded so far, by their fields and by the figure they are on their page."""

    def __init__(self) -> None:
        self.figure_rows: list[dict[str, str]] = []
        self.file_rows: list[dict[str, str]] = []
        self.fields: set[tuple[str, ...]] = set()
        self.figures: dict[tuple, tuple[str, NewsRow]] = {}

    def new_rows(self, path: Path, rows: list[NewsRow]) -> list[NewsRow]:
        """The rows not loaded before; a loaded figure printed again differently refuses the file."""
        new = []
        for row in rows:
            if row.fields in self.fields:
                continue
            loaded = self.figures.get((row.page, row.figure))
            if loaded is not None:
                source_file, earlier = loaded
                raise ExtractionError(
                    path,
                    row.line,
                    f"the page {row.page[0]} of {row.page[1]} prints {describe(row.figure)} as "
                    f"{quoted(row.fields[6])} here but {quoted(earlier.fields[6])} in {source_file}, "
                    f"line {earlier.line}, already loaded",
                )
            new.append(row)
        return new

    def add(self, source_file: str, sha256: str, rows: list[NewsRow], new: list[NewsRow]) -> None:
        self.file_rows.append(
            {
                "load_order": str(len(self.file_rows) + 1),
                "source_file": source_file,
                "sha256": sha256,
                "row_count": str(len(rows)),
                "new_row_count": str(len(new)),
            }
        )
        for row in new:
            self.figure_rows.append(row.as_seed_row(source_file))
            self.fields.add(row.fields)
            self.figures[(row.page, row.figure)] = (source_file, row)


def _replay(project_dir: Path, catalogue: NewsCatalogue) -> _Loaded:
    """Load the files the files seed lists, in its order, from publications/ind_news/."""
    loaded = _Loaded()
    for entry in _read(project_dir / SEEDS_FOLDER / FILES_SEED):
        path = project_dir / "publications" / entry["source_file"]
        if not path.is_file():
            raise ExtractionError(path, 1, f"listed in {SEEDS_FOLDER / FILES_SEED} but missing")
        rows = read_news_file(path, catalogue)
        loaded.add(entry["source_file"], sha256_of(path), rows, loaded.new_rows(path, rows))
    return loaded


def write_news_file(source: Path, project_dir: Path) -> tuple[int, int, str]:
    """Merge the file into the news seeds: (rows in the file, rows new, status)."""
    catalogue = load_news_catalogue(project_dir / "seeds" / "reference")
    rows = read_news_file(source, catalogue)
    archived = project_dir / NEWS_FOLDER / source.name
    refuse_replacing_archived(source, archived)
    loaded = _replay(project_dir, catalogue)
    source_file = _relative_name(source)
    if any(entry["source_file"] == source_file for entry in loaded.file_rows):
        return len(rows), 0, "unchanged: this file is already loaded"
    new = loaded.new_rows(source, rows)
    if not new:
        return len(rows), 0, "unchanged: every row is already loaded"
    loaded.add(source_file, sha256_of(source), rows, new)

    seeds_dir = project_dir / SEEDS_FOLDER
    contents = {
        seeds_dir / FIGURES_SEED: render_seed(FIGURE_COLUMNS, loaded.figure_rows).encode("utf-8"),
        seeds_dir / FILES_SEED: render_seed(FILE_COLUMNS, loaded.file_rows).encode("utf-8"),
    }
    if not archived.exists():
        contents[archived] = source.read_bytes()
    commit_files(project_dir, contents, source, f"news release {source.name}")
    return len(rows), len(new), "added"


def check_news_seeds(project_dir: Path) -> list[str]:
    """The news seeds (paths under seeds/raw/) that are not the extractor's output for publications/ind_news/."""
    catalogue = load_news_catalogue(project_dir / "seeds" / "reference")
    loaded = _replay(project_dir, catalogue)
    seeds_dir = project_dir / SEEDS_FOLDER
    return seeds_that_differ(
        project_dir,
        {
            seeds_dir / FIGURES_SEED: render_seed(FIGURE_COLUMNS, loaded.figure_rows),
            seeds_dir / FILES_SEED: render_seed(FILE_COLUMNS, loaded.file_rows),
        },
        seeds_dir / FILES_SEED,
        listed={entry["source_file"] for entry in loaded.file_rows},
        archived={_relative_name(path) for path in (project_dir / NEWS_FOLDER).glob("*.csv")},
    )


def extract_news(source: Path, project_dir: Path) -> int:
    """`jaarcijfers extract FILE.csv`: the exit status, after saying what was loaded or why not."""
    try:
        row_count, new_count, status = write_news_file(source, project_dir)
    except ExtractionError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"{source}: {row_count} rows, {new_count} new: {status}")
    return 0
