"""Where a publication text comes from: its row in seeds/reference/publication_sources.csv.

`jaarcijfers extract FILE --source-url URL --published YYYY-MM-DD` writes the row itself, so that
adding an edition needs no hand edit; without the flags an existing row is used, and a file
with neither is refused with the command that would record it.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jaarcijfers.inputs import csv_rows, quoted, refused_character
from jaarcijfers.sources.jaarcijfers.catalogue import Catalogue
from jaarcijfers.sources.jaarcijfers.seeds import source_file_of

SOURCES_FILE = "publication_sources.csv"
FIELDS = ("source_file", "source_type", "producer", "published_url", "published_on", "accessed_on", "source_note")
DEFAULT_PRODUCER = "Immigratie- en Naturalisatiedienst (IND)"
DEFAULT_SOURCE_TYPE = "annual figures publication"


class ProvenanceError(Exception):
    pass


@dataclass(frozen=True)
class ProvenanceFlags:
    source_url: str | None = None
    published: str | None = None
    source_type: str | None = None
    producer: str | None = None
    note: str | None = None

    def given(self) -> bool:
        return any(value is not None for value in vars(self).values())


def _command_for(source: Path) -> str:
    return (
        f"jaarcijfers extract {source} --source-url URL --published YYYY-MM-DD "
        f"[--source-type '{DEFAULT_SOURCE_TYPE}'] [--producer '{DEFAULT_PRODUCER}'] [--note TEXT]"
    )


def provenance_row(source: Path, flags: ProvenanceFlags, catalogue: Catalogue, today: datetime.date) -> dict[str, str]:
    """The provenance row for `source`: from the flags, else the row already recorded."""
    recorded = {row["source_file"]: row for row in csv_rows(catalogue.reference_dir / SOURCES_FILE)}
    source_file = source_file_of(source)
    if not flags.given():
        if source_file in recorded:
            return recorded[source_file]
        raise ProvenanceError(
            f"{quoted(source_file)} has no row in {catalogue.file(SOURCES_FILE)}: say where it comes from with "
            f"`{_command_for(source)}`"
        )
    if not flags.source_url or not flags.published:
        raise ProvenanceError(f"--source-url and --published go together: `{_command_for(source)}`")
    for flag, value in vars(flags).items():
        reason = value and refused_character(value)
        if reason:
            raise ProvenanceError(f"--{flag.replace('_', '-')}: {reason}")
    address = urlsplit(flags.source_url)
    if address.scheme not in ("http", "https") or not address.hostname:
        raise ProvenanceError(
            f"--source-url {quoted(flags.source_url)} is not a web address: expected http:// or https:// "
            "and a host, such as https://ind.nl/nl/over-ons/cijfers-en-publicaties"
        )
    try:
        published = datetime.date.fromisoformat(flags.published)
    except ValueError:
        raise ProvenanceError(f"--published {quoted(flags.published)} is not a date (YYYY-MM-DD)") from None
    source_type = flags.source_type or DEFAULT_SOURCE_TYPE
    if source_type not in catalogue.source_types:
        known = ", ".join(quoted(name) for name in sorted(catalogue.source_types))
        raise ProvenanceError(
            f"--source-type {quoted(source_type)} is not one of {known} "
            f"(add it to {catalogue.file('source_types.csv')})"
        )
    return {
        "source_file": source_file,
        "source_type": source_type,
        "producer": flags.producer or DEFAULT_PRODUCER,
        "published_url": flags.source_url,
        "published_on": published.isoformat(),
        "accessed_on": today.isoformat(),
        "source_note": flags.note or f"Extracted with `jaarcijfers extract` on {today.isoformat()}.",
    }


def render_sources(reference_dir: Path, row: dict[str, str]) -> str | None:
    """publication_sources.csv with `row` added or replacing the file's row; None if unchanged."""
    rows = csv_rows(reference_dir / SOURCES_FILE)
    current = next((existing for existing in rows if existing["source_file"] == row["source_file"]), None)
    if current == row:
        return None
    merged = [existing for existing in rows if existing["source_file"] != row["source_file"]] + [row]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(merged)
    return buffer.getvalue()
