"""The extractor on the real 2024 publication, and on synthetic editions written here."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import (
    PROJECT_DIR,
    PUBLICATION_2024,
    add_publication_source,
    as_edition,
    publication_2024_text,
    raw_seed_bytes,
)
from jaarcijfers.cli import check_seeds, main
from jaarcijfers.records import ExtractionError
from jaarcijfers.sources.jaarcijfers.completeness import compare_with_previous
from jaarcijfers.sources.jaarcijfers.edition import extract_edition
from test_provenance import SOURCE_FLAGS


def figures_of(project: Path) -> list[dict[str, str]]:
    with (project / "seeds" / "raw" / "jaarcijfers" / "jaarcijfers_figures.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        return list(csv.DictReader(handle))


def test_2024_publication_yields_every_printed_item(catalogue):
    edition = extract_edition(PUBLICATION_2024, catalogue)

    assert edition.publication.edition_year == 2024
    assert edition.publication.table_count == 28
    assert sum(1 for figure in edition.figures if figure.printed_in == "table") == 300
    assert [figure.value_printed for figure in edition.figures if figure.printed_in == "footnote"] == ["€ 36,8 mln"]
    assert len(edition.top_nationalities) == 30
    assert len({entry.list_heading_nl for entry in edition.top_nationalities}) == 10
    assert len(edition.footnotes) == 6


def test_2024_figures_keep_their_printed_text_and_place(catalogue):
    figures = {
        (figure.table_heading_nl, figure.row_label_nl, figure.reference_year): figure
        for figure in extract_edition(PUBLICATION_2024, catalogue).figures
    }

    family = figures[("Familie & Gezin", "Aanvragen", 2024)]
    assert (family.value_printed, family.source_line, family.table_footnote_markers) == ("38.670", 11, "¹")
    assert figures[("Percentage aanwezig op zitting", "Aanwezig", 2022)].value_printed == "onb."
    assert (
        figures[
            ("Spoor 4 - Algemene of Verlengde asielprocedure", "Doorlooptijd beslissingen (in weken)", 2024)
        ].value_printed
        == "53"
    )
    entered = figures[("Nareizigers", "Ingereisde nareizigers", 2023)]
    assert (entered.value_printed, entered.row_footnote_markers, entered.subsection_nl) == (
        "10.130",
        "⁴",
        "Behandeling asielaanvragen",
    )


def test_2024_top_nationalities_take_their_year_from_the_title_or_the_edition(catalogue):
    entries = extract_edition(PUBLICATION_2024, catalogue).top_nationalities
    family = [entry for entry in entries if entry.list_heading_nl == "Familie & Gezin"]
    track_4 = [entry for entry in entries if entry.list_heading_nl == "Spoor 4"]

    assert [entry.nationality_nl for entry in family] == ["Indiase", "Turkse", "Amerikaans burger"]
    assert {
        (entry.reference_year, entry.reference_year_is_printed, entry.list_heading_markers) for entry in family
    } == {(2024, "true", "**")}
    assert [entry.nationality_nl for entry in track_4] == ["Syrische", "Oekraïense", "Iraakse"]
    assert {(entry.reference_year, entry.reference_year_is_printed) for entry in track_4} == {(2024, "false")}


def test_committed_seeds_are_the_extractors_output_byte_for_byte():
    assert check_seeds(PROJECT_DIR) == []


def test_windows_line_endings_byte_order_mark_and_nbsp_read_the_same(tmp_path, catalogue):
    text = publication_2024_text()
    variant = tmp_path / "jaarcijfers-2024.txt"
    variant.write_bytes(
        b"\xef\xbb\xbf"
        + text.replace("\n", "\r\n")
        .replace("€ 36,8", "€\u00a036,8")
        .replace("Aanvragen\t", "Aanvragen\u00a0\t")
        .encode("utf-8")
    )

    assert extract_edition(variant, catalogue).figures == extract_edition(PUBLICATION_2024, catalogue).figures


def test_a_new_edition_is_added_beside_the_loaded_ones(project_copy_up_to_2024, tmp_path, capsys):
    before = figures_of(project_copy_up_to_2024)
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025).replace("38.670", "39.000"), encoding="utf-8")
    add_publication_source(project_copy_up_to_2024, publication)

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 0
    assert "edition 2025, 28 tables, 301 figures, 30 top-3 entries, 6 footnotes: added" in capsys.readouterr().out

    after = figures_of(project_copy_up_to_2024)
    assert [row for row in after if row["edition_year"] != "2025"] == before
    assert len([row for row in after if row["edition_year"] == "2025"]) == 301
    assert (
        project_copy_up_to_2024 / "publications" / "jaarcijfers" / "jaarcijfers-2025.txt"
    ).read_bytes() == publication.read_bytes()
    assert check_seeds(project_copy_up_to_2024) == []

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 0
    assert ": unchanged" in capsys.readouterr().out


def test_a_new_row_label_is_refused_with_the_catalogue_entry_to_add(project_copy_up_to_2024, tmp_path, capsys):
    publication = tmp_path / "jaarcijfers-2025.txt"
    text = as_edition(publication_2024_text(), 2025)
    publication.write_text(
        text.replace("Studenten\t\t\t\n", "Studenten\t\t\t\nHerhaalde aanvragen\t1.000\t900\t800\n"), encoding="utf-8"
    )
    add_publication_source(project_copy_up_to_2024, publication)

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 1
    error = capsys.readouterr().err
    assert f"{publication}:23:" in error
    assert "add the line 'students,Herhaalde aanvragen,<indicator_code>'" in error


def _break(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


BROKEN_INPUTS = {
    "a line it does not understand": (
        lambda text: _break(text, "Regulier verblijf\n", "Regulier verblijf\nZie ook de bijlage\n"),
        8,
        "'Zie ook de bijlage' is not a known section heading",
    ),
    "a table it does not know": (
        lambda text: _break(text, "Kennis & Talent\t", "Kennis & Vaardigheden\t"),
        16,
        "table heading 'Kennis & Vaardigheden' is not in",
    ),
    "a row with the wrong number of year columns": (
        lambda text: _break(text, "Beslissingen\t38.400\t43.000\t44.820", "Beslissingen\t38.400\t43.000"),
        12,
        "row 'Beslissingen' has 2 values in 2 columns, table 'Familie & Gezin' has 3 year columns",
    ),
    "a value that is not a figure": (
        lambda text: _break(text, "38.670", "38.6x0"),
        11,
        "'38.6x0' (Familie & Gezin / Aanvragen / 2025) is not a figure",
    ),
    "a figure twice": (
        lambda text: _break(
            text,
            "Aanvragen\t38.670\t41.800\t45.300\n",
            "Aanvragen\t38.670\t41.800\t45.300\nAanvragen\t38.670\t41.800\t45.300\n",
        ),
        12,
        "figure Familie & Gezin / Aanvragen / 2025 is printed twice (first on line 11)",
    ),
    "a nationality it does not know": (
        lambda text: _break(text, "1. Indiase", "1. Indisch"),
        69,
        "nationality 'Indisch' is not in",
    ),
    "text before the title": (
        lambda text: "Voorwoord\n" + text,
        1,
        "text before the title line 'Jaarcijfers - YYYY'",
    ),
    "pages of different editions": (
        lambda text: _break(text, "\n\nJaarcijfers - 2024\n\nNaturalisatie", "\n\nJaarcijfers - 2023\n\nNaturalisatie"),
        93,
        "page title says 2023, earlier pages say 2024",
    ),
}


@pytest.mark.parametrize("kind", BROKEN_INPUTS)
def test_broken_input_stops_with_file_line_and_reason_and_writes_nothing(
    kind, project_copy_up_to_2024, tmp_path, capsys
):
    breaking, line_number, reason = BROKEN_INPUTS[kind]
    publication = tmp_path / "jaarcijfers-2025.txt"
    text = (
        publication_2024_text() if kind == "pages of different editions" else as_edition(publication_2024_text(), 2025)
    )
    publication.write_text(breaking(text), encoding="utf-8")
    add_publication_source(project_copy_up_to_2024, publication)
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 1

    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0, "the error is one line"
    assert error.startswith(f"error: {publication}:{line_number}: ")
    assert reason in error
    assert raw_seed_bytes(project_copy_up_to_2024) == seeds_before
    assert not (project_copy_up_to_2024 / "publications" / "jaarcijfers" / publication.name).exists()


def test_an_edition_loaded_with_other_content_is_refused_unless_replaced(project_copy_up_to_2024, tmp_path, capsys):
    publication = tmp_path / "jaarcijfers-2024-herzien.txt"
    publication.write_text(_break(publication_2024_text(), "38.670", "38.680"), encoding="utf-8")
    add_publication_source(project_copy_up_to_2024, publication)
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication)]) == 1
    error = capsys.readouterr().err
    assert f"error: {publication}:11: edition 2024 is already loaded from jaarcijfers/jaarcijfers-2024.txt" in error
    assert "value_printed '38.670' -> '38.680'" in error
    assert raw_seed_bytes(project_copy_up_to_2024) == seeds_before

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", "--replace", str(publication)]) == 0
    assert "replaced" in capsys.readouterr().out
    assert (
        next(row["value_printed"] for row in figures_of(project_copy_up_to_2024) if row["source_line"] == "11")
        == "38.680"
    )


def test_a_file_cut_off_after_nine_tables_is_refused_naming_every_table_and_list_it_lost(
    project_copy_up_to_2024, tmp_path, capsys
):
    text = as_edition(publication_2024_text(), 2025)
    lines = text.split("\n")
    headings = [
        index
        for index, line in enumerate(lines)
        if not line.startswith("\t") and ("\t2025\t2024\t2023" in line or line.endswith("\t\t\t"))
    ]
    tenth_table = headings[9]
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text("\n".join(lines[:tenth_table]), encoding="utf-8")

    assert main(["--project-dir", str(project_copy_up_to_2024), "extract", str(publication), *SOURCE_FLAGS]) == 1

    errors = capsys.readouterr().err.strip().split("\n")
    assert sum(" table '" in error and "is missing" in error for error in errors) == 19
    assert sum(" top-3 list '" in error for error in errors) == 6
    assert errors[-1] == (
        f"error: {publication}: refused, 25 missing; if the IND no longer prints them, extract again with "
        "--allow-missing (they are then listed in marts.fct_consistency_checks)"
    )


def test_every_single_lost_line_is_refused_or_loses_no_figure(tmp_path, catalogue):
    """A line lost in converting the PDF to text never goes unnoticed: compared with the 2024
    edition, a 2025 edition missing any one line is refused, or still holds every figure and list entry."""
    text = as_edition(publication_2024_text(), 2025)
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(text, encoding="utf-8")

    def printed(edition) -> set[tuple]:
        figures = {(f.table_heading_nl, f.row_label_nl, f.reference_year, f.value_printed) for f in edition.figures}
        return figures | {(e.list_heading_nl, e.rank, e.nationality_nl) for e in edition.top_nationalities}

    complete = printed(extract_edition(publication, catalogue))
    lines = text.split("\n")

    for index, line in enumerate(lines):
        if not line.strip():
            continue
        damaged = tmp_path / "damaged" / "jaarcijfers-2025.txt"
        damaged.parent.mkdir(exist_ok=True)
        damaged.write_text("\n".join(lines[:index] + lines[index + 1 :]), encoding="utf-8")
        try:
            edition = extract_edition(damaged, catalogue)
        except ExtractionError:
            continue
        comparison = compare_with_previous(edition, PROJECT_DIR, catalogue, is_complete=True)
        assert comparison.missing or printed(edition) == complete, f"line {index + 1} lost unnoticed: {line!r}"
