from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jaarcijfers.catalogue import Catalogue, load_catalogue

PROJECT_DIR = Path(__file__).resolve().parents[2]
PUBLICATION_2024 = PROJECT_DIR / "publications" / "jaarcijfers-2024.txt"
COPIED_FOR_A_PROJECT = ("dbt_project.yml", "profiles.yml", "seeds", "models", "macros", "tests", "analyses", "publications")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_DIR / "seeds" / "reference")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's sources, for commands that write seeds or a warehouse."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in COPIED_FOR_A_PROJECT:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            shutil.copy2(source, copy / name)
    return copy


def publication_2024_text() -> str:
    return PUBLICATION_2024.read_text(encoding="utf-8")


def as_edition(text: str, year: int) -> str:
    """The 2024 publication's layout with every year moved so that the edition is `year`."""
    shift = year - 2024
    for old in (2024, 2023, 2022):
        text = text.replace(str(old), f"@{old + shift}@")
    return text.replace("@", "")


def raw_seed_bytes(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((project / "seeds" / "raw").glob("*.csv"))}


def add_publication_source(project: Path, source_file: str, source_type: str = "annual figures publication") -> None:
    with (project / "seeds" / "reference" / "publication_sources.csv").open("a", encoding="utf-8") as handle:
        handle.write(f"{source_file},{source_type},Immigratie- en Naturalisatiedienst (IND),,,2026-11-28,Written by a test.\n")
