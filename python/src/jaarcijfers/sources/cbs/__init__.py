"""Statistics Netherlands (CBS) as a source: its asylum figures transcribed from cbs.nl (StatLine
table 80059 and the news releases), read by :mod:`reader` with the printed forms of :mod:`values`
and merged into ``seeds/raw/cbs/`` by :mod:`seeds`. ``SOURCE`` is what the command line dispatches
on (docs/sources/cbs.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jaarcijfers.inputs import first_line
from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.cbs.reader import HEADER
from jaarcijfers.sources.cbs.seeds import check_cbs_seeds, write_cbs_file


class CbsSource:
    code = "cbs"
    title = "Statistics Netherlands (CBS) asylum figures"
    expects = f"a CSV file whose header is {HEADER}"

    def recognises(self, path: Path) -> bool:
        return path.suffix == ".csv" and first_line(path) == HEADER

    def extract(self, path: Path, project_dir: Path, options: argparse.Namespace | None = None) -> int:
        try:
            row_count, new_count, status = write_cbs_file(path, project_dir)
        except ExtractionError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"{path}: {row_count} CBS figures, {new_count} new: {status}")
        return 0

    def check(self, project_dir: Path) -> list[str]:
        return check_cbs_seeds(project_dir)


SOURCE = CbsSource()
