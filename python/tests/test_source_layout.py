"""One folder per source: every source of the registry (python/src/jaarcijfers/sources/__init__.py)
has its folder in each place, every such folder belongs to a registered source, its seeds are the
extractor's output, and a file that no source reads is refused naming the sources."""

from __future__ import annotations

import pytest

from conftest import PROJECT_DIR, REPOSITORY, raw_seed_bytes
from jaarcijfers.cli import main
from jaarcijfers.sources import SOURCES, Source, source_for

# Where each source has a folder named by its code (docs/sources/ has a page <code>.md instead).
FOLDERS = ("publications", "seeds/raw", "models/staging")
PACKAGES = REPOSITORY / "python" / "src" / "jaarcijfers" / "sources"
# Folders of models/staging/ that are not a source: the reviewed catalogues of seeds/reference/.
SHARED_STAGING = {"reference"}


def _code(source: Source) -> str:
    return source.code


def _subfolders(path) -> set[str]:
    return {child.name for child in path.iterdir() if child.is_dir() and not child.name.startswith(("_", "."))}


def test_the_registry_names_each_source_once():
    codes = [source.code for source in SOURCES]
    assert len(codes) >= 2 and len(set(codes)) == len(codes), codes
    assert all(source.title and source.expects for source in SOURCES)


@pytest.mark.parametrize("source", SOURCES, ids=_code)
def test_each_source_has_its_folder_in_each_place(source: Source):
    for place in FOLDERS:
        assert (PROJECT_DIR / place / source.code).is_dir(), f"{place}/{source.code}/ is missing"
    assert (REPOSITORY / "docs" / "sources" / f"{source.code}.md").is_file(), (
        f"docs/sources/{source.code}.md is missing"
    )
    package, module = f"jaarcijfers.sources.{source.code}", type(source).__module__
    assert module == package or module.startswith(f"{package}."), f"{source.code}'s SOURCE is defined in {module}"
    assert (PACKAGES / source.code / "__init__.py").is_file()

    seeds = PROJECT_DIR / "seeds" / "raw" / source.code
    assert list(seeds.glob("*.csv")), f"seeds/raw/{source.code}/ holds no seed"
    assert (seeds / f"_raw__{source.code}.yml").is_file(), f"seeds/raw/{source.code}/_raw__{source.code}.yml is missing"
    staging = sorted((PROJECT_DIR / "models" / "staging" / source.code).glob("*.sql"))
    assert staging, f"models/staging/{source.code}/ holds no model"
    assert all(model.name.startswith(f"stg_{source.code}__") for model in staging), staging


def test_every_folder_of_a_source_is_a_registered_source():
    codes = {source.code for source in SOURCES}
    for place in FOLDERS:
        folders = _subfolders(PROJECT_DIR / place)
        if place == "models/staging":
            folders -= SHARED_STAGING
        assert folders <= codes, f"{place}/ has folders of no registered source: {sorted(folders - codes)}"
    assert {page.stem for page in (REPOSITORY / "docs" / "sources").glob("*.md")} <= codes
    assert _subfolders(PACKAGES) - {"__pycache__"} <= codes


@pytest.mark.parametrize("source", SOURCES, ids=_code)
def test_each_sources_seeds_are_the_extractors_output(source: Source):
    assert source.check(PROJECT_DIR) == []


def test_a_file_of_the_publications_is_read_by_the_source_of_its_folder():
    recognised = 0
    for path in sorted((PROJECT_DIR / "publications").rglob("*")):
        reader = source_for(path) if path.is_file() else None
        if reader is not None:
            recognised += 1
            assert reader.code == path.parent.name, f"{path} is read by {reader.code}"
    assert recognised >= len(SOURCES)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("asylum-figures.csv", "period,measure,value\n2023,first asylum requests,38375\n"),
        ("jaarcijfers-2025.pdf", "%PDF-1.7\n"),
    ],
    ids=["a CSV with another header", "a PDF"],
)
def test_a_file_no_source_reads_is_refused_naming_the_sources(project_copy, tmp_path, capsys, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    publications_before = sorted((project_copy / "publications").rglob("*"))
    seeds_before = raw_seed_bytes(project_copy)

    assert main(["--project-dir", str(project_copy), "extract", str(path)]) == 1

    error = capsys.readouterr().err
    first_line = text.split("\n")[0]
    assert error.count("\n") == 1 and error.startswith(f"error: {path}:1: no source reads this file "), error
    assert f"its first line is '{first_line}'" in error
    for source in SOURCES:
        assert f"{source.code} ({source.title}) reads {source.expects}" in error
    assert raw_seed_bytes(project_copy) == seeds_before
    assert sorted((project_copy / "publications").rglob("*")) == publications_before
