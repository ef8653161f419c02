"""Read a file of figures transcribed from Statistics Netherlands (CBS), refusing what it cannot read.

The layout is that of ``publications/cbs/figures.csv`` (its README.md says what each column holds):
one row per figure as printed on one page. Every row is checked for what no input may hold
(jaarcijfers.inputs: control characters, digits other than 0-9), its page address, date, period
and value are read with the forms of :mod:`values`, and the value read must be the transcriber's
``value``; the first row that fails stops the whole file with its line number and the text.
What each wording counts (the catalogue seeds/reference/cbs_measures.csv) and which nationality a
name is (seeds/reference/cbs_nationalities.csv) the build checks, naming the row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.inputs import csv_records, quoted
from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.cbs import values

COLUMNS = (
    "source_url",
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
PAGE_COLUMNS = ("source_url", "published", "title", "what_it_holds", "how_complete")
HEADER = ",".join(COLUMNS)
PAGE_HEADER = ",".join(PAGE_COLUMNS)
# May be empty: the nationality (all nationalities) and the note.
OPTIONAL = ("nationality", "note")
CASES_FILES = "seeds/cases/cbs_printed_values.csv, seeds/cases/cbs_printed_periods_dates_pages.csv"


@dataclass(frozen=True)
class Row:
    line: int
    fields: tuple[str, ...]


def read_pages_file(path: Path) -> list[Row]:
    """The rows of a pages file (pages.csv), each address a cbs.nl page of a known language."""
    rows = []
    for line, record in csv_records(path, PAGE_COLUMNS):
        row = dict(zip(PAGE_COLUMNS, record, strict=True))
        if values.page_language(row["source_url"]) is None:
            raise ExtractionError(path, line, f"cannot read the page address {quoted(row['source_url'])}")
        if values.read_published(row["published"]) is None:
            raise ExtractionError(path, line, f"cannot read the date {quoted(row['published'])}")
        rows.append(Row(line, tuple(record)))
    return rows


def read_figures_file(path: Path) -> list[Row]:
    """Every row of the figures file, read and checked."""
    return [_read_row(path, line, record) for line, record in csv_records(path, COLUMNS)]


def _read_row(path: Path, line: int, record: list[str]) -> Row:
    def refuse(reason: str) -> ExtractionError:
        return ExtractionError(path, line, reason)

    row = dict(zip(COLUMNS, record, strict=True))
    empty = [column for column in COLUMNS if column not in OPTIONAL and not row[column].strip()]
    if empty:
        raise refuse(f"empty {', '.join(empty)}")
    language = values.page_language(row["source_url"])
    if language is None:
        raise refuse(
            f"cannot read the page address {quoted(row['source_url'])}: expected https://www.cbs.nl/ or "
            "https://cbs.nl/ with /nl-nl/ or /en-gb/ (or an item address with sc_lang=nl-nl)"
        )
    published = values.read_published(row["published"])
    if published is None:
        raise refuse(
            f"cannot read the date {quoted(row['published'])}: expected YYYY-MM-DD, YYYY week WW (comment), "
            "YYYY-MM (comment) or not shown (comment)"
        )
    period = values.read_period(row["reference_period"])
    if period is None:
        raise refuse(
            f"cannot read the period {quoted(row['reference_period'])}: expected YYYY, YYYY-Qn, YYYY-MM, "
            "YYYY-H1, YYYY-H2 or YYYY-MM/YYYY-MM"
        )
    last_year = (published.end.year if published.end else period.end.year) + 1
    for day in (period.start, period.end):
        if not values.FIRST_YEAR <= day.year <= last_year:
            raise refuse(f"the period {quoted(row['reference_period'])} is not a plausible year")
    if row["unit"] != "persons":
        raise refuse(f"unit {quoted(row['unit'])}: CBS counts persons (expected 'persons')")
    in_thousands = values.printed_in_thousands(row["measure_en"], row["measure_nl"], row["note"])
    value = values.read_value(row["value_printed"], language, in_thousands)
    if value is None:
        table = " in thousands" if in_thousands else ""
        raise refuse(
            f"cannot read {quoted(row['value_printed'])} as a value printed{table} on a page in "
            f"{'Dutch' if language == 'nl' else 'English'} (forms in {CASES_FILES})"
        )
    if not re.fullmatch(r"[0-9]{1,12}", row["value"]):
        raise refuse(f"the transcriber's value {quoted(row['value'])} is not a whole number of persons")
    if int(row["value"]) != value.value:
        raise refuse(
            f"the transcriber's value {row['value']} disagrees with {quoted(row['value_printed'])} "
            f"read as {value.value} persons"
        )
    return Row(line, tuple(record))
