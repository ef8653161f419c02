"""Merge files of CBS figures into the raw seeds, and check that the seeds are their output.

Files are loaded in order, each copied into ``publications/cbs/`` with its companions (the
``pages.csv`` and ``README.md`` beside it). A row already loaded from an earlier file (the same
ten fields) is not loaded again, so re-loading a file is a no-op and a further release in the same
form adds only its new rows. ``seeds/raw/cbs/cbs_files.csv`` records the order, each file's sha256
and its row counts; ``jaarcijfers check`` replays it. Nothing is written unless every row passes,
and the files change together (seed_set.commit_files): call it under `seed_lock`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jaarcijfers.inputs import csv_rows
from jaarcijfers.records import ExtractionError
from jaarcijfers.seed_set import (
    commit_files,
    refuse_replacing_archived,
    render_seed,
    seeds_that_differ,
    sha256_of,
)
from jaarcijfers.sources.cbs.reader import COLUMNS, PAGE_COLUMNS, Row, read_figures_file, read_pages_file

CODE = "cbs"
FOLDER = Path("publications") / CODE
SEEDS = Path("seeds") / "raw" / CODE
FIGURES_SEED = "cbs_figures.csv"
FILES_SEED = "cbs_files.csv"
PAGES_SEED = "cbs_pages.csv"
FIGURE_COLUMNS = ("source_file", "source_line", *COLUMNS)
PAGE_SEED_COLUMNS = ("source_file", "source_line", *PAGE_COLUMNS)
FILE_COLUMNS = (
    "load_order",
    "source_file",
    "sha256",
    "row_count",
    "new_row_count",
    "pages_file",
    "pages_row_count",
    "new_pages_row_count",
)


def companions(name: str) -> tuple[str, str]:
    """The names in publications/cbs/ of a figures file's pages file and README: pages.csv and
    README.md beside figures.csv; X.pages.csv and X.README.md beside any other X.csv."""
    stem = Path(name).stem
    if name == "figures.csv":
        return "pages.csv", "README.md"
    return f"{stem}.pages.csv", f"{stem}.README.md"


class _Loaded:
    """The rows loaded so far (a multiset: a row printed twice in one file is kept twice)."""

    def __init__(self) -> None:
        self.figure_rows: list[dict[str, str]] = []
        self.page_rows: list[dict[str, str]] = []
        self.file_rows: list[dict[str, str]] = []
        self.figures: Counter[tuple[str, ...]] = Counter()
        self.pages: Counter[tuple[str, ...]] = Counter()

    @staticmethod
    def _new(rows: list[Row], loaded: Counter[tuple[str, ...]]) -> list[Row]:
        left = Counter(loaded)
        new = []
        for row in rows:
            if left[row.fields] > 0:
                left[row.fields] -= 1
            else:
                new.append(row)
        return new

    def add(self, source_file: str, sha256: str, figures: list[Row], pages_file: str, pages: list[Row]) -> int:
        new_figures = self._new(figures, self.figures)
        new_pages = self._new(pages, self.pages)
        self.file_rows.append(
            {
                "load_order": str(len(self.file_rows) + 1),
                "source_file": source_file,
                "sha256": sha256,
                "row_count": str(len(figures)),
                "new_row_count": str(len(new_figures)),
                "pages_file": pages_file,
                "pages_row_count": str(len(pages)),
                "new_pages_row_count": str(len(new_pages)),
            }
        )
        for row in new_figures:
            self.figure_rows.append(
                {
                    "source_file": source_file,
                    "source_line": str(row.line),
                    **dict(zip(COLUMNS, row.fields, strict=True)),
                }
            )
            self.figures[row.fields] += 1
        for row in new_pages:
            self.page_rows.append(
                {
                    "source_file": pages_file,
                    "source_line": str(row.line),
                    **dict(zip(PAGE_COLUMNS, row.fields, strict=True)),
                }
            )
            self.pages[row.fields] += 1
        return len(new_figures)

    def contents(self, project_dir: Path) -> dict[Path, str]:
        seeds = project_dir / SEEDS
        return {
            seeds / FIGURES_SEED: render_seed(FIGURE_COLUMNS, self.figure_rows),
            seeds / PAGES_SEED: render_seed(PAGE_SEED_COLUMNS, self.page_rows),
            seeds / FILES_SEED: render_seed(FILE_COLUMNS, self.file_rows),
        }


def _replay(project_dir: Path) -> _Loaded:
    """Load the files the files seed lists, in its order, from publications/cbs/."""
    loaded = _Loaded()
    files_seed = project_dir / SEEDS / FILES_SEED
    for entry in csv_rows(files_seed) if files_seed.exists() else []:
        path = project_dir / "publications" / entry["source_file"]
        if not path.is_file():
            raise ExtractionError(path, 1, f"listed in {SEEDS / FILES_SEED} but missing")
        pages_path = project_dir / "publications" / entry["pages_file"] if entry["pages_file"] else None
        if pages_path is not None and not pages_path.is_file():
            raise ExtractionError(pages_path, 1, f"listed in {SEEDS / FILES_SEED} but missing")
        pages = read_pages_file(pages_path) if pages_path else []
        loaded.add(entry["source_file"], sha256_of(path), read_figures_file(path), entry["pages_file"], pages)
    return loaded


def write_cbs_file(source: Path, project_dir: Path) -> tuple[int, int, str]:
    """Merge the file (and the pages.csv and README.md beside it) into the CBS seeds:
    (rows in the file, rows new, status)."""
    figures = read_figures_file(source)
    pages_source = source.with_name("pages.csv")
    pages = read_pages_file(pages_source) if pages_source.is_file() else []
    readme_source = source.with_name("README.md")
    pages_name, readme_name = companions(source.name)
    copies = {source.name: source}
    if pages_source.is_file():
        copies[pages_name] = pages_source
    if readme_source.is_file():
        copies[readme_name] = readme_source
    for name, path in copies.items():
        refuse_replacing_archived(path, project_dir / FOLDER / name)
    loaded = _replay(project_dir)
    source_file = f"{CODE}/{source.name}"
    if any(entry["source_file"] == source_file for entry in loaded.file_rows):
        return len(figures), 0, "unchanged: this file is already loaded"
    pages_file = f"{CODE}/{pages_name}" if pages_source.is_file() else ""
    new_count = loaded.add(source_file, sha256_of(source), figures, pages_file, pages)
    contents = {path: text.encode("utf-8") for path, text in loaded.contents(project_dir).items()}
    for name, path in copies.items():
        archived = project_dir / FOLDER / name
        if not archived.exists():
            contents[archived] = path.read_bytes()
    commit_files(project_dir, contents, source, f"CBS figures {source.name}")
    return len(figures), new_count, "added" if new_count else "loaded, every row already in the seeds"


def check_cbs_seeds(project_dir: Path) -> list[str]:
    """The CBS seeds (paths under seeds/raw) that are not the extractor's output for publications/cbs/."""
    loaded = _replay(project_dir)
    return seeds_that_differ(
        project_dir,
        loaded.contents(project_dir),
        project_dir / SEEDS / FILES_SEED,
        listed={entry["source_file"] for entry in loaded.file_rows},
        archived={
            f"{CODE}/{path.name}"
            for path in (project_dir / FOLDER).glob("*.csv")
            if not path.name.endswith("pages.csv")
        },
    )
