"""What every source's extractor raises when a line of its input cannot be placed.

The rows each source writes into its raw seeds are its own (e.g.
jaarcijfers.sources.jaarcijfers.records)."""

from __future__ import annotations

from pathlib import Path


class ExtractionError(Exception):
    """A line of the publication that cannot be placed; the message names file and line (line 0:
    the whole file, such as one that cannot be written)."""

    def __init__(self, path: Path, line_number: int, reason: str):
        super().__init__(f"{path}:{line_number}: {reason}" if line_number else f"{path}: {reason}")
        self.path = path
        self.line_number = line_number
        self.reason = reason
