"""Read a file of figures transcribed from the IND's news pages, refusing anything it cannot place.

The layout is that of ``publications/ind_news/figures.csv``: one row per figure as printed on
one page, with the page, its date, the period, the measure in English and Dutch, the
transcriber's category, the value as printed, the transcriber's reading of it and a note. Every
row is checked against the catalogues in ``seeds/reference/`` (measures, countries, irregular
periods, misprints) and against the value forms of :mod:`jaarcijfers.sources.ind_news.printed_values`; the first
row that does not fit stops the whole file with its line number and the catalogue to extend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from jaarcijfers.inputs import (
    csv_records,
    csv_rows,
    implausible_year,
    quoted,
    value_out_of_range,
)
from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.ind_news.printed_values import (
    quoted_item,
    read_page,
    read_period,
    read_published,
    read_value,
    split_country,
)

COLUMNS = (
    "source_url",
    "published",
    "reference_period",
    "measure_en",
    "measure_nl",
    "category",
    "value_printed",
    "value",
    "note",
)
REQUIRED = COLUMNS[:-1]
# What each printed unit may measure: a plain number is a count, or staff in FTE.
UNITS_MEASURED = {"count": ("count", "fte"), "ratio": ("ratio",), "eur": ("eur",), "months": ("months",)}
CASES_FILE = "seeds/cases/ind_news_printed_values.csv"
# The transcriber's reading of a value: ASCII digits, a point before decimals (Decimal alone would
# also take full-width digits, 1E3 and NaN).
PLAIN_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class NewsCatalogue:
    reference_dir: Path
    measures: dict[tuple[str, str, str], tuple[str, str]]
    indicator_units: dict[str, str]
    country_labels: frozenset[str]
    irregular_periods: frozenset[str]
    misprints: dict[tuple[str, str, str, str], Decimal]

    def file(self, name: str) -> str:
        return str(self.reference_dir / name)


def load_news_catalogue(reference_dir: Path) -> NewsCatalogue:
    return NewsCatalogue(
        reference_dir=reference_dir,
        measures={
            (row["measure_en"], row["measure_nl"], row["category"]): (row["product_code"], row["indicator_code"])
            for row in csv_rows(reference_dir / "ind_news_measures.csv")
        },
        indicator_units={row["indicator_code"]: row["unit"] for row in csv_rows(reference_dir / "indicators.csv")},
        country_labels=frozenset(row["country_label_news"] for row in csv_rows(reference_dir / "nationalities.csv")),
        irregular_periods=frozenset(row["period_printed"] for row in csv_rows(reference_dir / "ind_news_periods.csv")),
        misprints={
            (row["source_url"], row["reference_period"], row["measure_en"], row["value_printed"]): Decimal(
                row["value_read"]
            )
            for row in csv_rows(reference_dir / "ind_news_misprints.csv")
        },
    )


@dataclass(frozen=True)
class NewsRow:
    """One row as transcribed, with where it sits and the figure it is (its identity in a page)."""

    line: int
    fields: tuple[str, ...]
    page: tuple[str, str]
    figure: tuple[str, ...]
    value: Decimal

    def as_seed_row(self, source_file: str) -> dict[str, str]:
        return {
            "source_file": source_file,
            "source_line": str(self.line),
            **dict(zip(COLUMNS, self.fields, strict=True)),
        }


def _read_row(path: Path, line: int, record: list[str], catalogue: NewsCatalogue) -> NewsRow:
    def refuse(reason: str) -> ExtractionError:
        return ExtractionError(path, line, reason)

    row = dict(zip(COLUMNS, record, strict=True))
    empty = [column for column in REQUIRED if not row[column].strip()]
    if empty:
        raise refuse(f"empty {', '.join(empty)}")
    page = read_page(row["source_url"])
    if page is None:
        raise refuse(
            f"cannot read the page address {quoted(row['source_url'])}: expected https://ind.nl/ followed by "
            "/nl/, /en/, or the old Dutch site's /nieuws/ or /over-ind/"
        )
    published = read_published(row["published"])
    if published is None:
        raise refuse(
            f"cannot read the date {quoted(row['published'])}: expected YYYY-MM-DD, YYYY-MM (comment), "
            "YYYY (comment) or undated (comment)"
        )
    period = row["reference_period"]
    reading = read_period(period)
    if reading is None and period not in catalogue.irregular_periods:
        raise refuse(
            f"cannot read the period {quoted(period)} (YYYY-MM, YYYY, YYYY-H1, YYYY (Jan-Mon), YYYY-YYYY): "
            f"if the page prints it so, add it to {catalogue.file('ind_news_periods.csv')}"
        )
    days = [("published", published.start), ("published", published.end)]
    if reading is not None:
        days += [("reference_period", reading.start), ("reference_period", reading.end)]
    for column, day in days:
        reason = day and implausible_year(day.year, f"{column} {quoted(row[column])}: year")
        if reason:
            raise refuse(reason)
    template, country = split_country(row["measure_en"])
    measure = catalogue.measures.get((template, row["measure_nl"], row["category"]))
    if measure is None:
        raise refuse(
            f"measure {quoted(template)} / {quoted(row['measure_nl'])} / {quoted(row['category'])} is not in "
            f"{catalogue.file('ind_news_measures.csv')}: add it with its indicator"
        )
    if country and country not in catalogue.country_labels:
        raise refuse(
            f"country {quoted(country)} is not in {catalogue.file('nationalities.csv')} (column country_label_news)"
        )
    item = quoted_item(row["note"])
    if item is None:
        raise refuse(f"note {quoted(row['note'])} quotes an item of a month this reader does not know")
    value = _value(row, page.language, catalogue, refuse)
    product_code, indicator_code = measure
    figure = (period, product_code, indicator_code, country, item[0])
    return NewsRow(line, tuple(record), (page.url, published.code), figure, value)


def _value(row: dict[str, str], language: str, catalogue: NewsCatalogue, refuse) -> Decimal:
    printed = row["value_printed"]
    misprint = catalogue.misprints.get((row["source_url"], row["reference_period"], row["measure_en"], printed))
    reading = read_value(printed, language)
    if misprint is not None:
        value, unit = misprint, "count"
    elif reading is None:
        raise refuse(
            f"cannot read {quoted(printed)} as a value printed on a page in "
            f"{'Dutch' if language == 'nl' else 'English'} "
            f"(forms in {CASES_FILE}); if the page misprints it, add the reading to "
            f"{catalogue.file('ind_news_misprints.csv')}"
        )
    else:
        value, unit = reading.value, reading.unit
    indicator = catalogue.measures[(split_country(row["measure_en"])[0], row["measure_nl"], row["category"])][1]
    indicator_unit = catalogue.indicator_units.get(indicator)
    if indicator_unit not in UNITS_MEASURED[unit]:
        raise refuse(f"{quoted(printed)} reads as {unit} but indicator {indicator} is measured in {indicator_unit}")
    if unit == "count" and value != value.to_integral_value():
        raise refuse(f"{quoted(printed)} reads as {value}, not a whole number, but indicator {indicator} counts")
    out_of_range = value_out_of_range(value, indicator_unit)
    if out_of_range:
        raise refuse(f"{quoted(printed)} ({indicator}) {out_of_range}")
    if not PLAIN_NUMBER.fullmatch(row["value"]):
        raise refuse(f"the transcriber's value {quoted(row['value'])} is not a plain number such as 3500 or 12.5")
    transcribed = Decimal(row["value"])
    if transcribed != (value * 100 if unit == "ratio" else value):
        raise refuse(
            f"the transcriber's value {row['value']} disagrees with {quoted(printed)} read as {value} {unit} "
            "(percentages are transcribed as a number of percent)"
        )
    return value


def read_news_file(path: Path, catalogue: NewsCatalogue) -> list[NewsRow]:
    """Every row of the file, checked; the same figure twice on one page refuses the file."""
    rows: list[NewsRow] = []
    seen: dict[tuple, NewsRow] = {}
    for line, record in csv_records(path, COLUMNS):
        row = _read_row(path, line, record, catalogue)
        key = (row.page, row.figure)
        if key in seen:
            earlier = seen[key]
            values = "with another value" if earlier.value != row.value else "again"
            raise ExtractionError(
                path,
                line,
                f"the page {row.page[0]} of {row.page[1]} prints {describe(row.figure)} {values} "
                f"({quoted(earlier.fields[6])} on line {earlier.line}, {quoted(row.fields[6])} here)",
            )
        seen[key] = row
        rows.append(row)
    return rows


def describe(figure: tuple[str, ...]) -> str:
    period, product_code, indicator_code, country, item = figure
    parts = [
        indicator_code,
        product_code and f"of {product_code}",
        country and f"for {country}",
        f"for {period}",
        item and f"({item})",
    ]
    return " ".join(part for part in parts if part)
