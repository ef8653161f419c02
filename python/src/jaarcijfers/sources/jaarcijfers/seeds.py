"""Write an extracted edition into the raw seeds, beside the editions already loaded.

All editions share one seed file per kind of row, so a new edition needs no new dbt model.
Nothing is written unless every check passes, and the files change together (seed_set.py):
call it under `seed_lock`.
"""

from __future__ import annotations

from dataclasses import asdict, fields
from pathlib import Path

from jaarcijfers.inputs import csv_rows, quoted
from jaarcijfers.records import ExtractionError
from jaarcijfers.seed_set import commit_files, refuse_replacing_archived, render_seed
from jaarcijfers.sources.jaarcijfers.records import Edition, Figure, Footnote, Publication, TopNationality

CODE = "jaarcijfers"
PUBLICATIONS_FOLDER = Path("publications") / CODE
SEEDS_FOLDER = Path("seeds") / "raw" / CODE

# In the order a difference is reported: a changed figure says more than a changed checksum.
SEED_FILES = {
    "jaarcijfers_figures.csv": Figure,
    "jaarcijfers_top_nationalities.csv": TopNationality,
    "jaarcijfers_footnotes.csv": Footnote,
    "jaarcijfers_publications.csv": Publication,
}


def _edition_rows(edition: Edition) -> dict[str, list[dict[str, str]]]:
    records = {
        "jaarcijfers_publications.csv": [edition.publication],
        "jaarcijfers_figures.csv": edition.figures,
        "jaarcijfers_top_nationalities.csv": edition.top_nationalities,
        "jaarcijfers_footnotes.csv": edition.footnotes,
    }
    return {
        name: [{key: str(value) for key, value in asdict(record).items()} for record in rows]
        for name, rows in records.items()
    }


def source_file_of(path: Path) -> str:
    """How the seeds name a publication text: its path relative to publications/."""
    return f"{CODE}/{path.name}"


def expected_seeds(editions: list[Edition]) -> dict[str, str]:
    """The text of each seed file (by name, in seeds/raw/jaarcijfers/) that holds these editions."""
    ordered = sorted(editions, key=lambda edition: edition.publication.edition_year)
    rows = [_edition_rows(edition) for edition in ordered]
    return {
        name: render_csv(record_type, [row for edition in rows for row in edition[name]])
        for name, record_type in SEED_FILES.items()
    }


def _read(path: Path) -> list[dict[str, str]]:
    return csv_rows(path) if path.exists() else []


def render_csv(record_type: type, rows: list[dict[str, str]]) -> str:
    return render_seed([field.name for field in fields(record_type)], rows)


def _first_difference(old: list[dict[str, str]], new: list[dict[str, str]]) -> tuple[int, str]:
    """The publication line of the first row that changed, and what changed in it."""
    # Rows added or dropped at the end show in the counts below.
    for old_row, new_row in zip(old, new, strict=False):
        if old_row != new_row:
            changed = ", ".join(
                f"{key} {quoted(old_row.get(key))} -> {quoted(value)}"
                for key, value in new_row.items()
                if old_row.get(key) != value
            )
            return int(new_row.get("source_line", 1)), changed
    return 1, f"{len(old)} rows loaded, {len(new)} rows now"


def write_edition(
    edition: Edition, source: Path, project_dir: Path, replace: bool = False, sources_csv: str | None = None
) -> str:
    """Merge the edition into the raw seeds, and `sources_csv` into the provenance catalogue.

    Returns 'added', 'unchanged' or 'replaced'.
    """
    publication = edition.publication
    year = str(publication.edition_year)
    seeds_dir = project_dir / SEEDS_FOLDER
    archived = project_dir / "publications" / publication.source_file
    refuse_replacing_archived(source, archived, what="publication")

    new_rows = _edition_rows(edition)
    current = {name: _read(seeds_dir / name) for name in SEED_FILES}
    loaded = {name: [row for row in rows if row["edition_year"] == year] for name, rows in current.items()}
    status = "added"
    if loaded["jaarcijfers_publications.csv"]:
        if loaded == new_rows:
            status = "unchanged"
        elif not replace:
            previous = loaded["jaarcijfers_publications.csv"][0]
            first_changed = next(name for name in SEED_FILES if loaded[name] != new_rows[name])
            line_number, changes = _first_difference(loaded[first_changed], new_rows[first_changed])
            raise ExtractionError(
                source,
                line_number,
                f"edition {year} is already loaded from {previous['source_file']} "
                f"(sha256 {previous['sha256'][:12]}) with different content ({changes}); "
                "run again with --replace to restate it",
            )
        else:
            status = "replaced"

    rendered = {}
    for name, record_type in SEED_FILES.items():
        others = [row for row in current[name] if row["edition_year"] != year]
        merged = sorted(others + new_rows[name], key=lambda row: int(row["edition_year"]))
        rendered[name] = render_csv(record_type, merged)

    contents = {seeds_dir / name: text.encode("utf-8") for name, text in rendered.items()}
    if sources_csv is not None:
        contents[project_dir / "seeds" / "reference" / "publication_sources.csv"] = sources_csv.encode("utf-8")
    if not archived.exists():
        contents[archived] = source.read_bytes()
    commit_files(project_dir, contents, source, f"edition {year} from {source.name}")
    return status
