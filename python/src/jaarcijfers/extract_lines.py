"""The lines of a publication text: decoding them, the footnote markers they end with, and the
position the extractor has reached, which every part of it reads and refuses a line with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.catalogue import Catalogue
from jaarcijfers.records import ExtractionError

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SPACE_LOOKALIKES = {"\u00a0": " ", "\u202f": " ", "\u2007": " "}

TRAILING_MARKERS = re.compile(rf"^(?P<text>.*?)\s*(?P<markers>[{SUPERSCRIPT_DIGITS}]+|\*+)$")


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
