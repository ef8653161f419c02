"""The lines of a publication text: decoding them, the footnote markers they end with, and the
position the extractor has reached, which every part of it reads and refuses a line with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.inputs import implausible_year, refused_character
from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.jaarcijfers.catalogue import Catalogue

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SPACE_LOOKALIKES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}

TRAILING_MARKERS = re.compile(rf"^(?P<text>.*?)\s*(?P<markers>[{SUPERSCRIPT_DIGITS}]+|\*+)$")


def read_lines(raw: bytes, path: Path) -> list[str]:
    """Decode the text, tolerating a byte-order mark, Windows line endings and NBSP; refuse a
    control character other than the tab between cells, and a digit other than 0-9."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line_number = raw[: error.start].count(b"\n") + 1
        raise ExtractionError(path, line_number, f"not UTF-8 text ({error.reason})") from error
    for lookalike, space in SPACE_LOOKALIKES.items():
        text = text.replace(lookalike, space)
    lines = re.split(r"\r\n|\r|\n", text)
    for line_number, line in enumerate(lines, start=1):
        reason = refused_character(line, allowed="\t")
        if reason:
            raise ExtractionError(path, line_number, reason)
    return lines


def split_markers(text: str) -> tuple[str, str]:
    """A heading or row label and the footnote markers printed after it (superscripts or asterisks)."""
    match = TRAILING_MARKERS.match(text)
    if match and match["text"]:
        return match["text"], match["markers"]
    return text, ""


@dataclass
class Position:
    """The publication being read, its edition once a title printed it, and the current section."""

    path: Path
    catalogue: Catalogue
    edition_year: int | None = None
    section: str = ""
    subsection: str = ""

    def fail(self, line_number: int, reason: str) -> None:
        raise ExtractionError(self.path, line_number, reason)

    def check_reference_year(self, line_number: int, year: int) -> None:
        """A year a figure or list is printed for: not after the edition, not before 2000."""
        assert self.edition_year is not None
        if year > self.edition_year:
            self.fail(line_number, f"year {year} is after the edition year {self.edition_year}")
        reason = implausible_year(year, "year")
        if reason:
            self.fail(line_number, reason)
