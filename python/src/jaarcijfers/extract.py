"""Read a Jaarcijfers publication text into seed rows, refusing anything it cannot place.

The layout is that of the 2024 edition: page titles ``Jaarcijfers - YYYY``, section headings,
tab-separated tables whose heading line carries the year columns (or, in the regular residence
block, a separate year line followed by headings with empty cells), top-3 nationality lists,
and footnotes starting with a superscript number. Every line is either placed or rejected
with its line number and the catalogue entry that would let it be placed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from jaarcijfers.catalogue import Catalogue
from jaarcijfers.figures import ACCEPTED_FORMS_HINT, figure_form
from jaarcijfers.records import Edition, ExtractionError, Figure, Footnote, Publication, TopNationality

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SPACE_LOOKALIKES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}

TITLE = re.compile(r"^Jaarcijfers - (?P<year>\d{4})$")
TOP3_TITLE = re.compile(r"^Top 3 nationaliteiten aanvragen (?P<year>\d{4})$")
YEAR = re.compile(r"^\d{4}$")
TRAILING_MARKERS = re.compile(rf"^(?P<text>.*?)\s*(?P<markers>[{SUPERSCRIPT_DIGITS}]+|\*+)$")
FOOTNOTE = re.compile(rf"^(?P<marker>[{SUPERSCRIPT_DIGITS}]+)\s*(?P<text>\S.*)$")
LIST_ENTRY = re.compile(r"^(?P<rank>\d+)\.\s+(?P<name>\S.*)$")
FOOTNOTE_AMOUNT = re.compile(r"^(?P<subject>.+?) is in (?P<year>\d{4}) (?P<value>€ ?[0-9.,]+(?: mln)?)\.?$")


@dataclass
class _Table:
    heading: str
    markers: str
    product_code: str
    years: list[int]
    line_number: int


@dataclass
class _List:
    heading: str
    markers: str
    title: str
    reference_year: int
    year_is_printed: bool
    line_number: int
    ranks: list[int] = field(default_factory=list)


def read_lines(raw: bytes, path: Path) -> list[str]:
    """Decode the text, tolerating a byte-order mark, Windows line endings and NBSP."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_number = raw[: error.start].count(b"\n") + 1
        raise ExtractionError(path, line_number, f"not UTF-8 text ({error.reason})") from error
    for lookalike, space in SPACE_LOOKALIKES.items():
        text = text.replace(lookalike, space)
    return re.split(r"\r\n|\r|\n", text)


def _split_markers(text: str) -> tuple[str, str]:
    match = TRAILING_MARKERS.match(text)
    if match and match["text"]:
        return match["text"], match["markers"]
    return text, ""


class _Parser:
    def __init__(self, path: Path, catalogue: Catalogue):
        self.path = path
        self.catalogue = catalogue
        self.edition_year: int | None = None
        self.title = ""
        self.section = ""
        self.subsection = ""
        self.block_years: list[int] | None = None
        self.table: _Table | None = None
        self.tables: list[_Table] = []
        self.top3_title: tuple[str, int] | None = None
        self.current_list: _List | None = None
        self.lists: list[_List] = []
        self.figures: list[Figure] = []
        self.top_nationalities: list[TopNationality] = []
        self.footnotes: list[Footnote] = []
        self.markers_used: dict[str, int] = {}
        self.footnote_lines: dict[str, int] = {}
        self.figure_lines: dict[tuple[str, str, int], int] = {}

    def fail(self, line_number: int, reason: str) -> None:
        raise ExtractionError(self.path, line_number, reason)

    def parse(self, lines: list[str]) -> None:
        for line_number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            self.parse_line(line_number, line)
        self.close_list(len(lines))
        if self.edition_year is None:
            self.fail(1, "no title line 'Jaarcijfers - YYYY' found")

    def parse_line(self, line_number: int, line: str) -> None:
        stripped = line.strip()
        title = TITLE.match(stripped)
        if title:
            self.on_title(line_number, int(title["year"]), stripped)
            return
        if self.edition_year is None:
            self.fail(line_number, "text before the title line 'Jaarcijfers - YYYY'")
        if "\t" in line:
            self.on_table_line(line_number, line)
            return
        top3 = TOP3_TITLE.match(stripped)
        if top3:
            self.close_list(line_number)
            self.table = None
            self.top3_title = (stripped, int(top3["year"]))
            return
        footnote = FOOTNOTE.match(stripped)
        if footnote:
            self.on_footnote(line_number, footnote["marker"], footnote["text"].strip())
            return
        entry = LIST_ENTRY.match(stripped)
        if entry:
            self.on_list_entry(line_number, int(entry["rank"]), entry["name"].strip())
            return
        self.on_heading(line_number, stripped)

    def on_title(self, line_number: int, year: int, text: str) -> None:
        if self.edition_year is not None and year != self.edition_year:
            self.fail(line_number, f"page title says {year}, earlier pages say {self.edition_year}")
        self.edition_year = year
        self.title = text
        self.close_list(line_number)
        self.table = None
        self.top3_title = None

    def on_heading(self, line_number: int, text: str) -> None:
        heading, markers = _split_markers(text.removeprefix("- ").strip())
        is_list_heading = heading in self.catalogue.product_by_list_heading
        if self.top3_title and is_list_heading:
            self.open_list(line_number, heading, markers, *self.top3_title, year_is_printed=True)
        elif heading in self.catalogue.sections:
            self.close_list(line_number)
            self.on_section(heading)
        elif is_list_heading:
            assert self.edition_year is not None
            self.open_list(line_number, heading, markers, "", self.edition_year, False)
        else:
            self.fail(
                line_number,
                f"'{heading}' is not a known section heading (add it to "
                f"{self.catalogue.file('sections.csv')}) nor a top-3 list heading (add it to "
                f"column top3_list_heading_nl of {self.catalogue.file('products.csv')})",
            )

    def on_section(self, heading: str) -> None:
        parent = self.catalogue.section_parents.get(heading, "")
        if parent:
            self.subsection = heading
            self.section = parent
        else:
            self.section = heading
            self.subsection = ""
            self.block_years = None
        self.table = None
        self.top3_title = None

    def open_list(
        self,
        line_number: int,
        heading: str,
        markers: str,
        title: str,
        reference_year: int,
        year_is_printed: bool,
    ) -> None:
        self.close_list(line_number)
        self.table = None
        if any(existing.heading == heading for existing in self.lists):
            self.fail(line_number, f"top-3 list '{heading}' is printed twice")
        self.current_list = _List(heading, markers, title, reference_year, year_is_printed, line_number)

    def close_list(self, line_number: int) -> None:
        current = self.current_list
        if current is None:
            return
        if not current.ranks:
            self.fail(current.line_number, f"top-3 list '{current.heading}' has no entries")
        self.lists.append(current)
        self.current_list = None

    def on_list_entry(self, line_number: int, rank: int, name: str) -> None:
        current = self.current_list
        if current is None:
            self.fail(line_number, f"list entry '{rank}. {name}' outside a top-3 list")
            return
        expected = len(current.ranks) + 1
        if rank != expected:
            self.fail(line_number, f"rank {rank} in list '{current.heading}', expected {expected}")
        if name not in self.catalogue.nationalities:
            self.fail(
                line_number,
                f"nationality '{name}' is not in {self.catalogue.file('nationalities.csv')}: "
                "add a row with its English name and ISO codes",
            )
        current.ranks.append(rank)
        assert self.edition_year is not None
        self.top_nationalities.append(
            TopNationality(
                edition_year=self.edition_year,
                source_line=line_number,
                section_nl=self.section,
                list_title_printed=current.title,
                list_heading_nl=current.heading,
                list_heading_markers=current.markers,
                reference_year=current.reference_year,
                reference_year_is_printed="true" if current.year_is_printed else "false",
                rank=rank,
                nationality_nl=name,
            )
        )

    def on_footnote(self, line_number: int, marker: str, text: str) -> None:
        if marker in self.footnote_lines:
            self.fail(line_number, f"footnote {marker} printed twice")
        self.footnote_lines[marker] = line_number
        assert self.edition_year is not None
        self.footnotes.append(Footnote(self.edition_year, line_number, marker, text))
        if "€" in text:
            self.on_footnote_amount(line_number, marker, text)

    def on_footnote_amount(self, line_number: int, marker: str, text: str) -> None:
        amount = FOOTNOTE_AMOUNT.match(text)
        if amount is None:
            self.fail(
                line_number,
                "footnote holds a euro amount not in the form '<subject> is in YYYY € 12,3 mln.'",
            )
            return
        owners = [table for table in self.tables if marker in table.markers]
        if len(owners) != 1:
            self.fail(line_number, f"footnote {marker} with an amount belongs to no single table")
        self.add_figure(
            line_number,
            owners[0],
            amount["subject"],
            "",
            "footnote",
            int(amount["year"]),
            amount["value"],
        )

    def on_table_line(self, line_number: int, line: str) -> None:
        self.close_list(line_number)
        self.top3_title = None
        cells = [cell.strip() for cell in line.split("\t")]
        label, values = cells[0], cells[1:]
        if values and all(YEAR.match(value) for value in values):
            years = [int(value) for value in values]
            if len(set(years)) != len(years):
                self.fail(line_number, f"year columns repeat a year: {values}")
            assert self.edition_year is not None
            if max(years) > self.edition_year:
                self.fail(line_number, f"year {max(years)} is after the edition year {self.edition_year}")
            if label:
                self.open_table(line_number, label, years)
            else:
                self.block_years = years
                self.table = None
            return
        if label and not any(values):
            if self.block_years is None:
                self.fail(line_number, f"table heading '{label}' without year columns")
                return
            self.open_table(line_number, label, self.block_years)
            return
        self.on_data_row(line_number, label, values)

    def open_table(self, line_number: int, text: str, years: list[int]) -> None:
        heading, markers = _split_markers(text)
        product_code = self.catalogue.product_by_heading.get(heading)
        if product_code is None:
            self.fail(
                line_number,
                f"table heading '{heading}' is not in {self.catalogue.file('products.csv')}: "
                "add a row with its product_code, domain_code and English name",
            )
            return
        if any(table.heading == heading for table in self.tables):
            self.fail(line_number, f"table '{heading}' is printed twice")
        self.note_markers(line_number, markers)
        self.table = _Table(heading, markers, product_code, years, line_number)
        self.tables.append(self.table)

    def on_data_row(self, line_number: int, text: str, values: list[str]) -> None:
        table = self.table
        if table is None:
            self.fail(line_number, f"table row '{text}' outside a table")
            return
        if not text:
            self.fail(line_number, "table row without a row label")
        if len(values) != len(table.years) or not all(values):
            self.fail(
                line_number,
                f"row '{text}' has {sum(1 for value in values if value)} values in "
                f"{len(values)} columns, table '{table.heading}' has {len(table.years)} year "
                "columns",
            )
        label, markers = _split_markers(text)
        self.note_markers(line_number, markers)
        for year, value in zip(table.years, values, strict=True):
            self.add_figure(line_number, table, label, markers, "table", year, value)

    def add_figure(
        self,
        line_number: int,
        table: _Table,
        label: str,
        markers: str,
        printed_in: str,
        year: int,
        value: str,
    ) -> None:
        if (table.product_code, label) not in self.catalogue.indicator_by_product_row:
            self.fail(
                line_number,
                f"row '{label}' of table '{table.heading}' is not in "
                f"{self.catalogue.file('table_rows.csv')}: add the line "
                f"'{table.product_code},{label},<indicator_code>'",
            )
        if figure_form(value) is None:
            self.fail(
                line_number,
                f"'{value}' ({table.heading} / {label} / {year}) is not a figure: expected {ACCEPTED_FORMS_HINT}",
            )
        key = (table.heading, label, year)
        if key in self.figure_lines:
            self.fail(
                line_number,
                f"figure {table.heading} / {label} / {year} is printed twice (first on line {self.figure_lines[key]})",
            )
        self.figure_lines[key] = line_number
        assert self.edition_year is not None
        has_no_section = table.product_code in self.catalogue.products_without_section
        self.figures.append(
            Figure(
                edition_year=self.edition_year,
                source_line=line_number,
                section_nl="" if has_no_section else self.section,
                subsection_nl="" if has_no_section else self.subsection,
                table_heading_nl=table.heading,
                table_footnote_markers=table.markers,
                row_label_nl=label,
                row_footnote_markers=markers,
                printed_in=printed_in,
                reference_year=year,
                value_printed=value,
            )
        )

    def note_markers(self, line_number: int, markers: str) -> None:
        for marker in markers:
            if marker in SUPERSCRIPT_DIGITS:
                self.markers_used.setdefault(marker, line_number)


def extract_edition(path: Path, catalogue: Catalogue) -> Edition:
    """Parse one publication text; raises ExtractionError on the first line it cannot place."""
    raw = path.read_bytes()
    lines = read_lines(raw, path)
    parser = _Parser(path, catalogue)
    parser.parse(lines)
    assert parser.edition_year is not None
    if not parser.figures:
        parser.fail(len(lines), "no figures found")
    publication = Publication(
        edition_year=parser.edition_year,
        source_file=path.name,
        title_printed=parser.title,
        sha256=hashlib.sha256(raw).hexdigest(),
        line_count=len(lines),
        table_count=len(parser.tables),
        figure_count=len(parser.figures),
        top_nationality_count=len(parser.top_nationalities),
        footnote_count=len(parser.footnotes),
    )
    return Edition(
        publication,
        parser.figures,
        parser.top_nationalities,
        parser.footnotes,
        table_lines={table.product_code: table.line_number for table in parser.tables},
        unexplained_markers={
            marker: line_number
            for marker, line_number in parser.markers_used.items()
            if marker not in parser.footnote_lines
        },
    )
