"""The IND news pages as a source of `jaarcijfers extract` and `jaarcijfers check`."""

from __future__ import annotations

import argparse
from pathlib import Path

from jaarcijfers.inputs import first_line
from jaarcijfers.sources.ind_news.figures_file import COLUMNS
from jaarcijfers.sources.ind_news.seeds import CODE, check_news_seeds, extract_news

HEADER = ",".join(COLUMNS)


class _IndNews:
    code = CODE
    title = "IND news pages"
    expects = f"a .csv file whose first line is {HEADER}"

    def recognises(self, path: Path) -> bool:
        return path.suffix == ".csv" and first_line(path) == HEADER

    def extract(self, path: Path, project_dir: Path, options: argparse.Namespace) -> int:
        return extract_news(path, project_dir)

    def check(self, project_dir: Path) -> list[str]:
        return check_news_seeds(project_dir)


SOURCE = _IndNews()
