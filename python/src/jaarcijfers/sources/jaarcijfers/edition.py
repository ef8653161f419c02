"""Read a Jaarcijfers publication text into seed rows, refusing anything it cannot place.

The layout is that of the 2024 edition: page titles ``Jaarcijfers - YYYY``, section headings,
tab-separated tables whose heading line carries the year columns (or, in the regular residence
block, a separate year line followed by headings with empty cells), top-3 nationality lists,
and footnotes starting with a superscript number. Every line is either placed or rejected
with its line number and the catalogue entry that would let it be placed.

This module reads titles, section headings and footnotes and hands the rest on: the tables to
tables, the top-3 lists to top3; lines decodes the text.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from jaarcijfers.inputs import implausible_year, quoted
from jaarcijfers.sources.jaarcijfers.catalogue import Catalogue
from jaarcijfers.sources.jaarcijfers.lines import SUPERSCRIPT_DIGITS, Position, read_lines, split_markers
from jaarcijfers.sources.jaarcijfers.records import Edition, Footnote, Publication
from jaarcijfers.sources.jaarcijfers.seeds import source_file_of
from jaarcijfers.sources.jaarcijfers.tables import TableReader
from jaarcijfers.sources.jaarcijfers.top3 import TopListReader

TITLE = re.compile(r"^Jaarcijfers - (?P<year>[0-9]{4})$")
TOP3_TITLE = re.compile(r"^Top 3 nationaliteiten aanvragen (?P<year>[0-9]{4})$")
FOOTNOTE = re.compile(rf"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)\s*(?P<text>\S.*)$")
LIST_ENTRY = re.compile(r"^(?P<rank>[0-9]+)\.\s+(?P<name>\S.*)$")


class _Parser:
    def __init__(self, path: Path, catalogue: Catalogue):
        self.position = Position(path, catalogue)
        self.tables = TableReader(self.position)
        self.lists = TopListReader(self.position)
        self.title = ""
        self.footnotes: list[Footnote] = []
        self.footnote_lines: dict[str, int] = {}

    def parse(self, lines: list[str]) -> None:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            self.parse_line(line_number, line)
        self.lists.close(len(lines))
        if self.position.edition_year is None:
            self.position.fail(1, "no title line 'Jaarcijfers - YYYY' found")

    def parse_line(self, line_number: int, line: str) -> None:
        stripped = line.strip()
        title = TITLE.match(stripped)
        if title:
            self.on_title(line_number, int(title["year"]), stripped)
            return
        if self.position.edition_year is None:
            self.position.fail(line_number, "text before the title line 'Jaarcijfers - YYYY'")
        if "\t" in line:
            self.lists.close(line_number)
            self.lists.title = None
            self.tables.on_line(line_number, line)
            return
        top3 = TOP3_TITLE.match(stripped)
        if top3:
            self.lists.close(line_number)
            self.tables.current = None
            self.position.check_reference_year(line_number, int(top3["year"]))
            self.lists.title = (stripped, int(top3["year"]))
            return
        footnote = FOOTNOTE.match(stripped)
        if footnote:
            self.on_footnote(line_number, footnote["marker"], footnote["text"].strip())
            return
        entry = LIST_ENTRY.match(stripped)
        if entry:
            self.lists.on_entry(line_number, int(entry["rank"]), entry["name"].strip())
            return
        self.on_heading(line_number, stripped)

    def on_title(self, line_number: int, year: int, text: str) -> None:
        position = self.position
        reason = implausible_year(year, "edition year")
        if reason:
            position.fail(line_number, reason)
        if position.edition_year is not None and year != position.edition_year:
            position.fail(line_number, f"page title says {year}, earlier pages say {position.edition_year}")
        position.edition_year = year
        self.title = text
        self.lists.close(line_number)
        self.tables.current = None
        self.lists.title = None

    def on_heading(self, line_number: int, text: str) -> None:
        catalogue = self.position.catalogue
        heading, markers = split_markers(text.removeprefix("- ").strip())
        is_list_heading = heading in catalogue.product_by_list_heading
        if self.lists.title and is_list_heading:
            self.tables.current = None
            self.lists.open(line_number, heading, markers, *self.lists.title, year_is_printed=True)
        elif heading in catalogue.sections:
            self.lists.close(line_number)
            self.on_section(heading)
        elif is_list_heading:
            assert self.position.edition_year is not None
            self.tables.current = None
            self.lists.open(line_number, heading, markers, "", self.position.edition_year, False)
        else:
            self.position.fail(
                line_number,
                f"{quoted(heading)} is not a known section heading (add it to "
                f"{catalogue.file('sections.csv')}) nor a top-3 list heading (add it to "
                f"column top3_list_heading_nl of {catalogue.file('products.csv')})",
            )

    def on_section(self, heading: str) -> None:
        position = self.position
        parent = position.catalogue.section_parents.get(heading, "")
        if parent:
            position.subsection = heading
            position.section = parent
        else:
            position.section = heading
            position.subsection = ""
            self.tables.block_years = None
        self.tables.current = None
        self.lists.title = None

    def on_footnote(self, line_number: int, marker: str, text: str) -> None:
        if marker in self.footnote_lines:
            self.position.fail(line_number, f"footnote {marker} printed twice")
        self.footnote_lines[marker] = line_number
        assert self.position.edition_year is not None
        self.footnotes.append(Footnote(self.position.edition_year, line_number, marker, text))
        if "€" in text:
            self.tables.on_footnote_amount(line_number, marker, text)


def extract_edition(path: Path, catalogue: Catalogue) -> Edition:
    """Parse one publication text; raises ExtractionError on the first line it cannot place."""
    raw = path.read_bytes()
    lines = read_lines(raw, path)
    parser = _Parser(path, catalogue)
    parser.parse(lines)
    edition_year = parser.position.edition_year
    assert edition_year is not None
    tables = parser.tables
    if not tables.figures:
        parser.position.fail(len(lines), "no figures found")
    publication = Publication(
        edition_year=edition_year,
        source_file=source_file_of(path),
        title_printed=parser.title,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
        table_count=len(tables.tables),
        figure_count=len(tables.figures),
        top_nationality_count=len(parser.lists.top_nationalities),
        footnote_count=len(parser.footnotes),
    )
    return Edition(
        publication,
        tables.figures,
        parser.lists.top_nationalities,
        parser.footnotes,
        table_lines={table.product_code: table.line_number for table in tables.tables},
        unexplained_markers={
            marker: line_number
            for marker, line_number in tables.markers_used.items()
            if marker not in parser.footnote_lines
        },
    )
