"""The sources the warehouse reads, one subpackage each, and the registry `jaarcijfers extract` and
`jaarcijfers check` dispatch on.

A source is a folder in each of publications/, seeds/raw/, models/staging/, docs/sources/ and here,
all named by its code. Its package exposes `SOURCE`, an object with the attributes of `Source`;
adding a source is adding its package and its line to `SOURCES` below.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from jaarcijfers.inputs import first_line, quoted


class Source(Protocol):
    code: str  # the folder name everywhere: "jaarcijfers", "ind_news"
    title: str  # what the source is, for people: "IND news pages"
    expects: str  # the files it reads, for the refusal of a file no source reads

    def recognises(self, path: Path) -> bool:
        """Whether `path` is a file of this source: by suffix and, for CSV, by the exact header line."""
        ...

    def extract(self, path: Path, project_dir: Path, options: argparse.Namespace) -> int:
        """Copy `path` into publications/<code>/ and merge its rows into seeds/raw/<code>/ (all or
        none), under the seed lock; print one summary line or a refusal naming file:line; the exit code."""
        ...

    def check(self, project_dir: Path) -> list[str]:
        """The seed files (paths under seeds/raw/) that differ from re-extracting publications/<code>/."""
        ...


# Registration: one line per source, in the order `extract` asks them.
from jaarcijfers.sources.ind_news import SOURCE as IND_NEWS  # noqa: E402
from jaarcijfers.sources.jaarcijfers import SOURCE as JAARCIJFERS  # noqa: E402

SOURCES: Sequence[Source] = (
    JAARCIJFERS,
    IND_NEWS,
)


def source_for(path: Path) -> Source | None:
    """The first source that recognises the file, or None."""
    return next((source for source in SOURCES if source.recognises(path)), None)


def unrecognised(path: Path) -> str:
    """Why no source reads `path`: what its first line is and what each source expects."""
    line = first_line(path)
    shown = "it cannot be read as UTF-8 text" if line is None else f"its first line is {quoted(line)}"
    expected = "; ".join(f"{source.code} ({source.title}) reads {source.expects}" for source in SOURCES)
    return f"no source reads this file ({shown}); the sources: {expected}"
