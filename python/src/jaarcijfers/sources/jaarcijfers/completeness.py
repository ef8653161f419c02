"""A new edition against the previous complete one: what it no longer prints, what is new.

A table, row or top-3 list that the previous complete edition printed and the new one lacks is
either a page lost in converting the PDF to text or something the IND dropped. The extractor
cannot tell which, so it refuses the edition and names each one, unless the user says
`--allow-missing`; the build then lists them in marts.fct_consistency_checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jaarcijfers.inputs import csv_rows, quoted
from jaarcijfers.sources.jaarcijfers.catalogue import Catalogue
from jaarcijfers.sources.jaarcijfers.printed_figures import parse_figure
from jaarcijfers.sources.jaarcijfers.records import Edition
from jaarcijfers.sources.jaarcijfers.seeds import SEEDS_FOLDER


@dataclass
class Comparison:
    previous_edition_year: int | None = None
    previous_source_file: str = ""
    # Each table, row, list or footnote text the new edition lacks: the line of the new file it
    # concerns (None for a whole table or list), and what is missing.
    missing: list[tuple[int | None, str]] = field(default_factory=list)
    tables: tuple[int, int, int] = (0, 0, 0)  # printed, new, missing
    rows: tuple[int, int, int] = (0, 0, 0)
    lists: tuple[int, int, int] = (0, 0, 0)
    figures_printed_again: int = 0
    figures_restated: int = 0

    def summary(self) -> str:
        if self.previous_edition_year is None:
            return "no earlier complete edition to compare with"

        def counts(name: str, numbers: tuple[int, int, int]) -> str:
            return f"{numbers[0]} {name} ({numbers[1]} new, {numbers[2]} missing)"

        return (
            f"against edition {self.previous_edition_year}: {counts('tables', self.tables)}, "
            f"{counts('rows', self.rows)}, {counts('top-3 lists', self.lists)}; "
            f"{self.figures_printed_again} figures printed again, {self.figures_restated} of them restated"
        )


def _rows(path: Path) -> list[dict[str, str]]:
    return csv_rows(path) if path.exists() else []


def _previous_complete_edition(project_dir: Path, catalogue: Catalogue, edition_year: int) -> dict[str, str] | None:
    sources = {
        row["source_file"]: row["source_type"] for row in _rows(catalogue.reference_dir / "publication_sources.csv")
    }
    earlier = [
        publication
        for publication in _rows(project_dir / SEEDS_FOLDER / "jaarcijfers_publications.csv")
        if int(publication["edition_year"]) < edition_year
        and catalogue.is_complete_source_type(sources.get(publication["source_file"], ""))
    ]
    return max(earlier, key=lambda publication: int(publication["edition_year"]), default=None)


def _counts(previous: set, current: set) -> tuple[int, int, int]:
    return len(current), len(current - previous), len(previous - current)


def compare_with_previous(edition: Edition, project_dir: Path, catalogue: Catalogue, is_complete: bool) -> Comparison:
    """What the edition lacks: footnote texts, and for a complete edition, what the latest complete
    edition before it in the raw seeds printed."""
    comparison = Comparison()
    for marker, line_number in sorted(edition.unexplained_markers.items(), key=lambda item: item[1]):
        comparison.missing.append((line_number, f"footnote marker {marker} has no footnote text"))
    previous = _previous_complete_edition(project_dir, catalogue, edition.publication.edition_year)
    if previous is None or not is_complete:
        return comparison
    year = previous["edition_year"]
    comparison.previous_edition_year = int(year)
    comparison.previous_source_file = previous["source_file"]
    raw = project_dir / SEEDS_FOLDER
    previous_figures = [row for row in _rows(raw / "jaarcijfers_figures.csv") if row["edition_year"] == year]
    previous_lists = [row for row in _rows(raw / "jaarcijfers_top_nationalities.csv") if row["edition_year"] == year]

    def row_key(table_heading: str, row_label: str) -> tuple[str, str]:
        product = catalogue.product_by_heading.get(table_heading, table_heading)
        return product, catalogue.indicator_by_product_row.get((product, row_label), row_label)

    first_line: dict[tuple[str, str], tuple[int, str, str]] = {}
    for row in previous_figures:
        key = row_key(row["table_heading_nl"], row["row_label_nl"])
        first_line.setdefault(key, (int(row["source_line"]), row["table_heading_nl"], row["row_label_nl"]))
    previous_rows = set(first_line)
    current_rows = {row_key(figure.table_heading_nl, figure.row_label_nl) for figure in edition.figures}
    previous_tables = {product for product, _ in previous_rows}
    current_tables = {product for product, _ in current_rows}
    comparison.tables = _counts(previous_tables, current_tables)
    comparison.rows = _counts(previous_rows, current_rows)
    where = f"edition {year} ({previous['source_file']}"
    table_first_line: dict[str, tuple[int, str, str]] = {}
    for (product, _), printed in first_line.items():
        table_first_line[product] = min(printed, table_first_line.get(product, printed))
    for product in sorted(previous_tables - current_tables, key=lambda code: table_first_line[code]):
        line, heading, _ = table_first_line[product]
        comparison.missing.append((None, f"table {quoted(heading)} is missing: {where} line {line}) printed it"))
    for key in sorted(previous_rows - current_rows, key=lambda key: first_line[key][0]):
        if key[0] in current_tables:
            line, heading, label = first_line[key]
            comparison.missing.append(
                (
                    edition.table_lines[key[0]],
                    f"row {quoted(label)} of table {quoted(heading)} is missing: {where} line {line}) printed it",
                )
            )

    previous_list_lines: dict[str, tuple[int, str]] = {}
    previous_list_entries: dict[str, int] = {}
    for row in previous_lists:
        product = catalogue.product_by_list_heading.get(row["list_heading_nl"], row["list_heading_nl"])
        previous_list_lines.setdefault(product, (int(row["source_line"]), row["list_heading_nl"]))
        previous_list_entries[product] = previous_list_entries.get(product, 0) + 1
    current_list_entries: dict[str, int] = {}
    for entry in edition.top_nationalities:
        product = catalogue.product_by_list_heading[entry.list_heading_nl]
        current_list_entries[product] = current_list_entries.get(product, 0) + 1
    comparison.lists = _counts(set(previous_list_lines), set(current_list_entries))
    for product in sorted(previous_list_lines, key=lambda code: previous_list_lines[code][0]):
        line, heading = previous_list_lines[product]
        printed_before, printed_now = previous_list_entries[product], current_list_entries.get(product, 0)
        if printed_now == 0:
            comparison.missing.append(
                (None, f"top-3 list {quoted(heading)} is missing: {where} line {line}) printed it")
            )
        elif printed_now < printed_before:
            comparison.missing.append(
                (
                    None,
                    f"top-3 list {quoted(heading)} has {printed_now} entries: "
                    f"{where} line {line}) printed {printed_before}",
                )
            )

    previous_values = {
        (*row_key(row["table_heading_nl"], row["row_label_nl"]), int(row["reference_year"])): row["value_printed"]
        for row in previous_figures
    }
    for figure in edition.figures:
        earlier = previous_values.get((*row_key(figure.table_heading_nl, figure.row_label_nl), figure.reference_year))
        if earlier is not None:
            comparison.figures_printed_again += 1
            comparison.figures_restated += parse_figure(earlier) != parse_figure(figure.value_printed)
    return comparison
