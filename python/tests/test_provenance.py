"""The provenance of a publication: the row of seeds/reference/publication_sources.csv that the
extract flags write, and the refusal, naming the command, of a publication without one."""

from __future__ import annotations

import csv

import pytest

from conftest import as_edition, publication_2024_text, raw_seed_bytes
from jaarcijfers.cli import main
from jaarcijfers.inputs import quoted
from jaarcijfers.records import ExtractionError


def test_a_publication_without_a_source_entry_names_the_catalogue(project_copy_up_to_2024, tmp_path, capsys):
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025), encoding="utf-8")

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 1
    assert "has no row in" in capsys.readouterr().err
    assert "publication_sources.csv" in str(ExtractionError(publication, 1, "publication_sources.csv"))


SOURCE_FLAGS = ["--source-url", "https://ind.nl/nl/over-ons/cijfers-en-publicaties", "--published", "2026-02-02"]


def test_the_extract_flags_write_the_provenance_row(project_copy_up_to_2024, tmp_path):
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025), encoding="utf-8")

    assert (
        main(
            [
                "--project-dir",
                str(project_copy_up_to_2024),
                "extract",
                str(publication),
                *SOURCE_FLAGS,
                "--note",
                "From the PDF.",
            ]
        )
        == 0
    )

    with (project_copy_up_to_2024 / "seeds" / "reference" / "publication_sources.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        row = next(row for row in csv.DictReader(handle) if row["source_file"] == f"jaarcijfers/{publication.name}")
    assert row["source_type"] == "annual figures publication"
    assert row["producer"] == "Immigratie- en Naturalisatiedienst (IND)"
    assert (row["published_url"], row["published_on"], row["source_note"]) == (
        SOURCE_FLAGS[1],
        "2026-02-02",
        "From the PDF.",
    )


@pytest.mark.parametrize(
    "flags, reason",
    [
        ([], "has no row in"),
        (["--source-url", "https://ind.nl"], "--source-url and --published go together"),
        ([*SOURCE_FLAGS[:3], "2 februari 2026"], "--published '2 februari 2026' is not a date (YYYY-MM-DD)"),
        (
            [*SOURCE_FLAGS, "--source-type", "blog"],
            "--source-type 'blog' is not one of 'annual figures publication', 'press release'",
        ),
        *(
            (
                ["--source-url", url, *SOURCE_FLAGS[2:]],
                f"--source-url {quoted(url)} is not a web address: expected http:// or https:// and a host",
            )
            for url in ("javascript:alert(5)", "file:///etc/passwd", "https://", "ind.nl/nl/over-ons", "ftp://ind.nl/")
        ),
        (
            [*SOURCE_FLAGS, "--note", "From the PDF.\x00"],
            "--note: control character '\\x00' (U+0000) in 'From the PDF.\\x00'",
        ),
    ],
)
def test_a_publication_without_provenance_is_refused_with_the_command_that_records_it(
    flags, reason, project_copy_up_to_2024, tmp_path, capsys
):
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025), encoding="utf-8")
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)
    sources = project_copy_up_to_2024 / "seeds" / "reference" / "publication_sources.csv"
    sources_before = sources.read_bytes()

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication), *flags]) == 1

    error = capsys.readouterr().err
    assert reason in error
    if not flags:
        assert f"jaarcijfers extract {publication} --source-url URL --published YYYY-MM-DD" in error
    assert raw_seed_bytes(project_copy_up_to_2024) == seeds_before and sources.read_bytes() == sources_before
