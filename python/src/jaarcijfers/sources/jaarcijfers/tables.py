"""The tables of a publication: tab-separated lines whose heading carries the year columns (or,
in a block such as regular residence, a year line first and then headings with empty cells), their
data rows, and the euro amounts a table's footnote prints, each becoming figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jaarcijfers.inputs import quoted, value_out_of_range
from jaarcijfers.sources.jaarcijfers.lines import SUPERSCRIPT_DIGITS, Position, split_markers
from jaarcijfers.sources.jaarcijfers.printed_figures import (
    ACCEPTED_FORMS_HINT,
    UNITS_OF_FORM,
    figure_form,
    parse_figure,
)
from jaarcijfers.sources.jaarcijfers.records import Figure

YEAR = re.compile(r"^[0-9]{4}$")
FOOTNOTE_AMOUNT = re.compile(r"^(?P<subject>.+?) is in (?P<year>[0-9]{4}) (?P<value>€ ?[0-9.,]+(?: mln)?)\.?$")


@dataclass
class Table:
    heading: str
    markers: str
    product_code: str
    years: list[int]
    line_number: int


class TableReader:
    def __init__(self, position: Position):
        self.position = position
        # The year line of a block whose tables print headings without years, until the next section.
        self.block_years: list[int] | None = None
        self.current: Table | None = None
        self.tables: list[Table] = []
        self.figures: list[Figure] = []
        self.figure_lines: dict[tuple[str, str, int], int] = {}
        self.markers_used: dict[str, int] = {}

    def on_line(self, line_number: int, line: str) -> None:
        position = self.position
        cells = [cell.strip() for cell in line.split("\t")]
        label, values = cells[0], cells[1:]
        if values and all(YEAR.match(value) for value in values):
            years = [int(value) for value in values]
            if len(set(years)) != len(years):
                position.fail(line_number, f"year columns repeat a year: {values}")
            for year in years:
                position.check_reference_year(line_number, year)
            if label:
                self.open_table(line_number, label, years)
            else:
                self.block_years = years
                self.current = None
            return
        if label and not any(values):
            if self.block_years is None:
                position.fail(line_number, f"table heading {quoted(label)} without year columns")
                return
            self.open_table(line_number, label, self.block_years)
            return
        self.on_data_row(line_number, label, values)

    def open_table(self, line_number: int, text: str, years: list[int]) -> None:
        catalogue = self.position.catalogue
        heading, markers = split_markers(text)
        product_code = catalogue.product_by_heading.get(heading)
        if product_code is None:
            self.position.fail(
                line_number,
                f"table heading {quoted(heading)} is not in {catalogue.file('products.csv')}: "
                "add a row with its product_code, domain_code and English name",
            )
            return
        if any(table.heading == heading for table in self.tables):
            self.position.fail(line_number, f"table {quoted(heading)} is printed twice")
        self.note_markers(line_number, markers)
        self.current = Table(heading, markers, product_code, years, line_number)
        self.tables.append(self.current)

    def on_data_row(self, line_number: int, text: str, values: list[str]) -> None:
        table = self.current
        if table is None:
            self.position.fail(line_number, f"table row {quoted(text)} outside a table")
            return
        if not text:
            self.position.fail(line_number, "table row without a row label")
        if len(values) != len(table.years) or not all(values):
            self.position.fail(
                line_number,
                f"row {quoted(text)} has {sum(1 for value in values if value)} values in "
                f"{len(values)} columns, table {quoted(table.heading)} has {len(table.years)} year "
                "columns",
            )
        label, markers = split_markers(text)
        self.note_markers(line_number, markers)
        for year, value in zip(table.years, values, strict=True):
            self.add_figure(line_number, table, label, markers, "table", year, value)

    def on_footnote_amount(self, line_number: int, marker: str, text: str) -> None:
        amount = FOOTNOTE_AMOUNT.match(text)
        if amount is None:
            self.position.fail(
                line_number,
                "footnote holds a euro amount not in the form '<subject> is in YYYY € 12,3 mln.'",
            )
            return
        self.position.check_reference_year(line_number, int(amount["year"]))
        owners = [table for table in self.tables if marker in table.markers]
        if len(owners) != 1:
            self.position.fail(line_number, f"footnote {marker} with an amount belongs to no single table")
        self.add_figure(
            line_number,
            owners[0],
            amount["subject"],
            "",
            "footnote",
            int(amount["year"]),
            amount["value"],
        )

    def add_figure(
        self,
        line_number: int,
        table: Table,
        label: str,
        markers: str,
        printed_in: str,
        year: int,
        value: str,
    ) -> None:
        position = self.position
        catalogue = position.catalogue
        indicator = catalogue.indicator_by_product_row.get((table.product_code, label))
        if indicator is None:
            catalogue_line = f"{table.product_code},{label},<indicator_code>"
            position.fail(
                line_number,
                f"row {quoted(label)} of table {quoted(table.heading)} is not in "
                f"{catalogue.file('table_rows.csv')}: add the line {quoted(catalogue_line)}",
            )
        self.check_value(line_number, value, f"{table.heading} / {label} / {year}", indicator)
        key = (table.heading, label, year)
        if key in self.figure_lines:
            position.fail(
                line_number,
                f"figure {table.heading} / {label} / {year} is printed twice (first on line {self.figure_lines[key]})",
            )
        self.figure_lines[key] = line_number
        assert position.edition_year is not None
        has_no_section = table.product_code in catalogue.products_without_section
        self.figures.append(
            Figure(
                edition_year=position.edition_year,
                source_line=line_number,
                section_nl="" if has_no_section else position.section,
                subsection_nl="" if has_no_section else position.subsection,
                table_heading_nl=table.heading,
                table_footnote_markers=table.markers,
                row_label_nl=label,
                row_footnote_markers=markers,
                printed_in=printed_in,
                reference_year=year,
                value_printed=value,
            )
        )

    def check_value(self, line_number: int, value: str, where: str, indicator: str) -> None:
        """A printed figure in a form its indicator's unit is printed in, within the unit's range."""
        position = self.position
        form = figure_form(value)
        if form is None:
            position.fail(line_number, f"{quoted(value)} ({where}) is not a figure: expected {ACCEPTED_FORMS_HINT}")
        if form == "unknown":
            return
        unit = position.catalogue.indicator_units.get(indicator)
        if unit is None:
            position.fail(
                line_number,
                f"indicator {indicator} ({where}) is not in {position.catalogue.file('indicators.csv')}",
            )
        if unit not in UNITS_OF_FORM[form]:
            position.fail(
                line_number,
                f"{quoted(value)} ({where}) is printed as a {form} but indicator {indicator} is measured in {unit}",
            )
        number = parse_figure(value)
        if unit == "count" and number != number.to_integral_value():
            position.fail(
                line_number, f"{quoted(value)} ({where}) is not a whole number but indicator {indicator} counts"
            )
        reason = value_out_of_range(number, unit)
        if reason:
            position.fail(line_number, f"{quoted(value)} ({where}) {reason}")

    def note_markers(self, line_number: int, markers: str) -> None:
        for marker in markers:
            if marker in SUPERSCRIPT_DIGITS:
                self.markers_used.setdefault(marker, line_number)
