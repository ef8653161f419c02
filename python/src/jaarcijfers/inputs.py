"""What every input of the extractor must be, whichever source it comes from, and how a message
shows what it refuses.

Every source's extractor (python/src/jaarcijfers/sources/) refuses here what the warehouse would
otherwise refuse later, or not at all: a control character, a digit that is not 0-9, a year no
edition can have, a value outside the range the marts' contracts check, a CSV file that cannot be
read. A message quotes a value with :func:`quoted`, so that an invisible character shows.
"""

from __future__ import annotations

import csv
import datetime
import io
import unicodedata
from decimal import Decimal
from pathlib import Path

from jaarcijfers.records import ExtractionError

FIRST_PLAUSIBLE_YEAR = 2000
UNCHANGED = "nothing written, the seeds are unchanged"


def quoted(text: object) -> str:
    """The text in single quotes, with every character that does not print (a zero-width space,
    a NUL, a tab, a no-break space) and the backslash escaped: '38.\\u200b670'."""
    shown = []
    for character in str(text):
        if character == "\\":
            shown.append("\\\\")
        elif character.isprintable():
            shown.append(character)
        else:
            shown.append(character.encode("unicode_escape").decode("ascii"))
    return "'" + "".join(shown) + "'"


def _name(character: str) -> str:
    return unicodedata.name(character, f"U+{ord(character):04X}")


def refused_character(text: str, allowed: str = "") -> str | None:
    """Why `text` is refused for a character in it, or None: a control character (other than those
    `allowed`) or a decimal digit outside 0-9 (full-width, Arabic-Indic, ...)."""
    for character in text:
        if character in allowed:
            continue
        if unicodedata.category(character) == "Cc":
            return f"control character {quoted(character)} ({_name(character)}) in {quoted(text)}"
        if character.isdecimal() and not character.isascii():
            return f"digit {quoted(character)} ({_name(character)}) in {quoted(text)}: print digits as 0-9"
    return None


def plausible_years(today: datetime.date | None = None) -> range:
    """The years an edition, a release or a period may have: 2000 up to next year."""
    return range(FIRST_PLAUSIBLE_YEAR, (today or datetime.date.today()).year + 2)


def implausible_year(year: int, what: str) -> str | None:
    """Why `year` is refused as `what` (an edition year, a period), or None."""
    years = plausible_years()
    if year in years:
        return None
    return f"{what} {year} is not a plausible year ({years.start} to {years.stop - 1}, next year)"


def value_out_of_range(value: Decimal, unit: str) -> str | None:
    """Why a value in `unit` is refused, or None: the marts' contracts check that a ratio is between
    0 and 1 (`rate between 0 and 1`) and that a count, weeks, FTE or euros are at least 0."""
    if value < 0:
        return f"is negative, but a value in {unit} is at least 0"
    if unit == "ratio" and value > 1:
        return "is over 100%, but a rate or share is between 0% and 100%"
    return None


def decoded(path: Path) -> str:
    """The file's text (UTF-8, a byte-order mark tolerated); other bytes are refused with their line."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_number = raw[: error.start].count(b"\n") + 1
        raise ExtractionError(path, line_number, f"not UTF-8 text ({error.reason}); {UNCHANGED}") from None


def csv_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a CSV file with a header; a file that is not UTF-8 or not CSV (a field over the
    csv module's limit of 128 KiB) is refused with the file and line."""
    reader = csv.DictReader(io.StringIO(decoded(path), newline=""))
    try:
        return list(reader)
    except csv.Error as error:
        # DictReader's own line_num stops at the last row it returned; its reader's is the line read.
        raise ExtractionError(path, reader.reader.line_num, f"cannot read the CSV ({error}); {UNCHANGED}") from None


def csv_records(path: Path, columns: tuple[str, ...]) -> list[tuple[int, list[str]]]:
    """The records after the header of a CSV file whose header is exactly `columns`, each with the
    line it starts on. Refused with file and line: a file that is not UTF-8 CSV, an empty file,
    another header (naming the columns missing or extra), a record with another number of fields,
    a field with a control character or a digit other than 0-9."""
    reader = csv.reader(io.StringIO(decoded(path), newline=""))
    records, line = [], 1
    try:
        for record in reader:
            records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as error:
        raise ExtractionError(path, line, f"cannot read the CSV ({error}); {UNCHANGED}") from None
    if not records:
        raise ExtractionError(path, 1, f"empty file: expected the header {','.join(columns)}")
    header_line, header = records[0]
    if tuple(header) != columns:
        missing = [column for column in columns if column not in header]
        extra = [column for column in header if column not in columns]
        detail = (
            "; ".join(
                part
                for part in (
                    f"missing column {', '.join(missing)}" if missing else "",
                    f"extra column {', '.join(extra)}" if extra else "",
                )
                if part
            )
            or "columns in another order"
        )
        raise ExtractionError(path, header_line, f"{detail}: expected the header {','.join(columns)}")
    for line, record in records[1:]:
        if len(record) != len(columns):
            raise ExtractionError(path, line, f"{len(record)} fields where the header has {len(columns)}")
        for column, text in zip(columns, record, strict=True):
            reason = refused_character(text)
            if reason:
                raise ExtractionError(path, line, f"{column}: {reason}")
    return records[1:]


def first_line(path: Path) -> str | None:
    """The file's first line (a byte-order mark and the line end dropped), None if it is not UTF-8."""
    with path.open("rb") as handle:
        raw = handle.readline()
    try:
        return raw.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        return None
