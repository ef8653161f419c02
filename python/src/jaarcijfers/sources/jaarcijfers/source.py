"""The Jaarcijfers editions as a source of `jaarcijfers extract` and `jaarcijfers check`."""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.jaarcijfers.catalogue import load_catalogue
from jaarcijfers.sources.jaarcijfers.completeness import compare_with_previous
from jaarcijfers.sources.jaarcijfers.edition import extract_edition
from jaarcijfers.sources.jaarcijfers.provenance import (
    ProvenanceError,
    ProvenanceFlags,
    provenance_row,
    render_sources,
)
from jaarcijfers.sources.jaarcijfers.seeds import CODE, PUBLICATIONS_FOLDER, SEEDS_FOLDER, expected_seeds, write_edition


def extract(source: Path, project_dir: Path, args: argparse.Namespace) -> int:
    """`jaarcijfers extract FILE.txt`: the exit status, after saying what was loaded or why not."""
    flags = ProvenanceFlags(args.source_url, args.published, args.source_type, args.producer, args.note)
    try:
        catalogue = load_catalogue(project_dir / "seeds" / "reference")
        edition = extract_edition(source, catalogue)
        provenance = provenance_row(source, flags, catalogue, datetime.date.today())
        is_complete = catalogue.is_complete_source_type(provenance["source_type"])
        comparison = compare_with_previous(edition, project_dir, catalogue, is_complete)
        if comparison.missing and not args.allow_missing:
            for line_number, what in comparison.missing:
                where = f"{source}:{line_number}" if line_number else str(source)
                print(f"error: {where}: {what}", file=sys.stderr)
            print(
                f"error: {source}: refused, {len(comparison.missing)} missing; if the IND no longer prints "
                "them, extract again with --allow-missing (they are then listed in marts.fct_consistency_checks)",
                file=sys.stderr,
            )
            return 1
        sources_csv = render_sources(catalogue.reference_dir, provenance)
        status = write_edition(edition, source, project_dir, replace=args.replace, sources_csv=sources_csv)
    except (ExtractionError, ProvenanceError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    publication = edition.publication
    allowed = f"; {len(comparison.missing)} missing, allowed" if comparison.missing else ""
    print(
        f"{publication.source_file}: edition {publication.edition_year}, "
        f"{publication.table_count} tables, {publication.figure_count} figures, "
        f"{publication.top_nationality_count} top-3 entries, "
        f"{publication.footnote_count} footnotes: {status}; {comparison.summary()}{allowed}"
    )
    return 0


def check(project_dir: Path) -> list[str]:
    """Re-extract every edition in publications/jaarcijfers/; the seed files (paths under seeds/raw/)
    that differ from the output."""
    catalogue = load_catalogue(project_dir / "seeds" / "reference")
    publications = sorted((project_dir / PUBLICATIONS_FOLDER).glob("*.txt"))
    editions = [extract_edition(path, catalogue) for path in publications]
    problems = []
    for name, expected in expected_seeds(editions).items():
        seed = project_dir / SEEDS_FOLDER / name
        actual = seed.read_text(encoding="utf-8") if seed.exists() else ""
        if actual != expected:
            problems.append(f"{CODE}/{name}")
    return problems


class _Jaarcijfers:
    code = CODE
    title = "IND Jaarcijfers editions"
    expects = "a .txt publication text whose pages are titled 'Jaarcijfers - YYYY' (see docs/sources/jaarcijfers.md)"

    def recognises(self, path: Path) -> bool:
        return path.suffix == ".txt"

    def extract(self, path: Path, project_dir: Path, options: argparse.Namespace) -> int:
        return extract(path, project_dir, options)

    def check(self, project_dir: Path) -> list[str]:
        return check(project_dir)


SOURCE = _Jaarcijfers()
