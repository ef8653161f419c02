"""Inputs the extractor refuses, whichever source they come from, in one line naming the file
(and line) with the value shown escaped: a year no edition can have, a value outside the range the
marts' contracts check, a control character, a digit other than 0-9, a CSV file it cannot read,
a full disk. Nothing is written then."""

from __future__ import annotations

import csv
import datetime
import errno
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import PROJECT_DIR, add_publication_source, as_edition, publication_2024_text, raw_seed_bytes
from jaarcijfers import seed_set
from jaarcijfers.cli import main
from jaarcijfers.inputs import FIRST_PLAUSIBLE_YEAR, quoted, value_out_of_range
from jaarcijfers.sources.jaarcijfers.top3 import TOP_LIST_LENGTH
from test_provenance import SOURCE_FLAGS

NEXT_YEAR = datetime.date.today().year + 1
GOOD_NEWS_ROW = (
    "https://ind.nl/nl/nieuws/asielinstroom-in-maart-2023,2023-04-12,2023-03,"
    "Total asylum influx (first + repeat applications + family reunification arrivals),"
    "totale asielinstroom,asylum total influx,3.500,3500,"
)
NEWS_HEADER = "source_url,published,reference_period,measure_en,measure_nl,category,value_printed,value,note"


def line_of(text: str, marker: str) -> int:
    return next(number for number, line in enumerate(text.split("\n"), start=1) if marker in line)


def extract(project: Path, publication: Path, *flags: str) -> int:
    return main(["--project-dir", str(project), "extract", str(publication), *flags])


def assert_refused_in_one_line(capsys, project: Path, publication: Path, where: str, seeds_before) -> str:
    error = capsys.readouterr().err.rstrip("\n")
    assert "\n" not in error and error.isprintable(), f"one line, every character visible: {error!r}"
    assert error.startswith(f"error: {where}: "), error
    assert raw_seed_bytes(project) == seeds_before
    assert not (project / "publications" / "jaarcijfers" / publication.name).exists()
    assert not (project / "publications" / "ind_news" / publication.name).exists()
    assert not list(project.rglob("*.partial"))
    return error


def test_quoted_values_show_invisible_characters_escaped():
    assert quoted("38.\u200b670") == "'38.\\u200b670'"
    assert quoted("onb.\x00") == "'onb.\\x00'"
    assert quoted("38\u00a0670\t") == "'38\\xa0670\\t'"
    assert quoted("a\\u200b") == "'a\\\\u200b'", "a printed backslash is not an escape"
    assert quoted("Oekraïense € 36,8 mln") == "'Oekraïense € 36,8 mln'"


@pytest.mark.parametrize("year", [FIRST_PLAUSIBLE_YEAR - 1, NEXT_YEAR + 1, 9999])
def test_an_edition_year_outside_2000_to_next_year_is_refused(year, project_copy_up_to_2024, tmp_path, capsys):
    publication = tmp_path / f"jaarcijfers-{year}.txt"
    text = as_edition(publication_2024_text(), year)
    publication.write_text(text, encoding="utf-8")
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)

    assert extract(project_copy_up_to_2024, publication, *SOURCE_FLAGS) == 1

    error = assert_refused_in_one_line(
        capsys,
        project_copy_up_to_2024,
        publication,
        f"{publication}:{line_of(text, f'Jaarcijfers - {year}')}",
        seeds_before,
    )
    assert f"edition year {year} is not a plausible year ({FIRST_PLAUSIBLE_YEAR} to {NEXT_YEAR}, next year)" in error


def test_an_edition_of_next_year_is_loaded(project_copy_up_to_2024, tmp_path, capsys):
    publication = tmp_path / f"jaarcijfers-{NEXT_YEAR}.txt"
    publication.write_text(as_edition(publication_2024_text(), NEXT_YEAR), encoding="utf-8")

    assert extract(project_copy_up_to_2024, publication, *SOURCE_FLAGS) == 0
    assert f"edition {NEXT_YEAR}," in capsys.readouterr().out


def _first_list_entry_3(text: str) -> str:
    return re.search(r"^3\. .*$", text, flags=re.MULTILINE).group()


# What to change in a 2025 edition: (old text, new text, text on the refused line, reason).
REFUSED_IN_AN_EDITION = {
    "a rate over 100%": ("Inwilligingen\t88%", "Inwilligingen\t101%", "101%", "'101%' ("),
    "a negative count": ("\t38.670\t", "\t-38.670\t", "-38.670", "'-38.670' ("),
    "a percentage for a count": ("\t38.670\t", "\t38%\t", "\t38%\t", "is printed as a percentage but indicator"),
    "decimals in a count": ("\t38.670\t", "\t38.670,5\t", "38.670,5", "is not a whole number but indicator"),
    "a fourth entry in a top-3 list": (None, "4. Turkse", "4. Turkse", f"ranks 1 to {TOP_LIST_LENGTH}"),
    "a top-3 list after the edition year": (
        "aanvragen 2025",
        "aanvragen 2026",
        "aanvragen 2026",
        "year 2026 is after the edition year 2025",
    ),
    "full-width digits in the title": (
        "Jaarcijfers - 2025",
        "Jaarcijfers - \uff12\uff10\uff12\uff15",
        "Jaarcijfers - ",
        "digit '\uff12' (FULLWIDTH DIGIT TWO) in 'Jaarcijfers - \uff12\uff10\uff12\uff15': print digits as 0-9",
    ),
    "Arabic-Indic digits in a year heading": (
        "\t2025\t2024\t2023",
        "\t\u0662\u0660\u0662\u0665\t2024\t2023",
        "\t\u0662\u0660\u0662\u0665\t",
        "digit '\u0662' (ARABIC-INDIC DIGIT TWO)",
    ),
    "a NUL byte in a footnote": (
        "¹ Deelproduct",
        "¹ Deel\x00product",
        "Deel\x00product",
        "control character '\\x00' (U+0000) in",
    ),
    "a zero-width space in a value": ("\t38.670\t", "\t38.\u200b670\t", "\u200b", "'38.\\u200b670' ("),
}


@pytest.mark.parametrize("kind", REFUSED_IN_AN_EDITION)
def test_an_edition_holding_a_value_out_of_range_or_a_character_it_cannot_trust_is_refused(
    kind, project_copy_up_to_2024, tmp_path, capsys
):
    old, new, on_line, reason = REFUSED_IN_AN_EDITION[kind]
    text = as_edition(publication_2024_text(), 2025)
    if old is None:
        old = _first_list_entry_3(text)
        new = f"{old}\n{new}"
    assert old in text
    broken = text.replace(old, new, 1)
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(broken, encoding="utf-8")
    add_publication_source(project_copy_up_to_2024, publication)
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)

    assert extract(project_copy_up_to_2024, publication) == 1

    error = assert_refused_in_one_line(
        capsys, project_copy_up_to_2024, publication, f"{publication}:{line_of(broken, on_line)}", seeds_before
    )
    assert reason in error, error


def _range_constraints() -> list[tuple[str, str, str, Decimal, Decimal | None]]:
    """(model, column, unit, lowest, highest) of every range the marts check on a column with a unit."""
    ranges = []
    for path in sorted((PROJECT_DIR / "models" / "marts").glob("*.yml")):
        for model in yaml.safe_load(path.read_text(encoding="utf-8")).get("models", []):
            for column in model.get("columns", []):
                unit = column.get("config", {}).get("meta", {}).get("unit")
                for constraint in column.get("constraints", []):
                    expression = str(constraint.get("expression", ""))
                    match = re.fullmatch(rf"{column['name']} (?:between (\S+) and (\S+)|>= (\S+))", expression)
                    if unit and match:
                        lowest = Decimal(match[1] or match[3])
                        ranges.append((model["name"], column["name"], unit, lowest, match[2] and Decimal(match[2])))
    return ranges


def test_the_extractor_refuses_values_outside_the_ranges_the_marts_check():
    ranges = _range_constraints()
    assert {unit for _, _, unit, _, _ in ranges} >= {"ratio", "count"}, ranges
    step = Decimal("0.0001")
    for model, column, unit, lowest, highest in ranges:
        where = f"{model}.{column} ({unit})"
        assert value_out_of_range(lowest, unit) is None, where
        assert value_out_of_range(lowest - step, unit) is not None, where
        if highest is not None:
            assert value_out_of_range(highest, unit) is None, where
            assert value_out_of_range(highest + step, unit) is not None, where
        else:
            assert value_out_of_range(Decimal(10) ** 12, unit) is None, where


def test_a_top_3_list_holds_as_many_ranks_as_the_mart_allows():
    model = yaml.safe_load((PROJECT_DIR / "models" / "marts" / "fct_top_nationalities.yml").read_text("utf-8"))
    expressions = [
        constraint.get("expression", "")
        for column in model["models"][0]["columns"]
        for constraint in column.get("constraints", [])
    ]
    assert f"nationality_rank between 1 and {TOP_LIST_LENGTH}" in expressions


def _a_2025_edition(project: Path, tmp_path: Path) -> Path:
    publication = tmp_path / "jaarcijfers-2025.txt"
    publication.write_text(as_edition(publication_2024_text(), 2025), encoding="utf-8")
    add_publication_source(project, publication)
    return publication


def _a_news_release(project: Path, tmp_path: Path) -> Path:
    release = tmp_path / "asielinstroom-maart-2023.csv"
    release.write_text(f"{NEWS_HEADER}\n{GOOD_NEWS_ROW}\n", encoding="utf-8")
    return release


@pytest.mark.parametrize("source", [_a_2025_edition, _a_news_release], ids=["edition", "news release"])
def test_a_full_disk_while_writing_the_seeds_is_one_line_and_leaves_them_unchanged(
    source, project_copy_up_to_2024, tmp_path, capsys, monkeypatch
):
    project = project_copy_up_to_2024
    publication = source(project, tmp_path)
    sources = project / "seeds" / "reference" / "publication_sources.csv"
    seeds_before, sources_before = raw_seed_bytes(project), sources.read_bytes()
    write_durably = seed_set._write_durably
    partials_written: list[Path] = []

    def disk_full_after_the_first_seed(path: Path, data: bytes) -> None:
        if partials_written:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        partials_written.append(path)
        write_durably(path, data)

    monkeypatch.setattr(seed_set, "_write_durably", disk_full_after_the_first_seed)

    assert extract(project, publication) == 1

    error = assert_refused_in_one_line(capsys, project, publication, str(publication), seeds_before)
    assert "cannot write " in error and "No space left on device" in error, error
    assert error.endswith("nothing written, the seeds are unchanged"), error
    assert partials_written and sources.read_bytes() == sources_before


# Python's own limit on a CSV field. Importing frictionless (the export tests do) raises the
# process-wide limit to sys.maxsize, where a field "over the limit" would not fit in memory.
CSV_FIELD_LIMIT = 128 * 1024


@pytest.fixture
def python_csv_field_limit():
    before = csv.field_size_limit(CSV_FIELD_LIMIT)
    yield CSV_FIELD_LIMIT
    csv.field_size_limit(before)


def test_a_news_field_over_the_csv_limit_is_one_line_naming_the_file_and_line(
    project_copy, tmp_path, capsys, python_csv_field_limit
):
    release = tmp_path / "asielinstroom-maart-2023.csv"
    oversized = "x" * (python_csv_field_limit + 1)
    release.write_text(f"{NEWS_HEADER}\n{GOOD_NEWS_ROW}\n{GOOD_NEWS_ROW}{oversized}\n", encoding="utf-8")
    seeds_before = raw_seed_bytes(project_copy)

    assert extract(project_copy, release) == 1

    error = assert_refused_in_one_line(capsys, project_copy, release, f"{release}:3", seeds_before)
    assert f"field larger than field limit ({python_csv_field_limit})" in error
    assert error.endswith("nothing written, the seeds are unchanged")


def test_a_catalogue_field_over_the_csv_limit_is_one_line_naming_the_catalogue(
    project_copy_up_to_2024, tmp_path, capsys, python_csv_field_limit
):
    publication = _a_2025_edition(project_copy_up_to_2024, tmp_path)
    catalogue = project_copy_up_to_2024 / "seeds" / "reference" / "nationalities.csv"
    rows = catalogue.read_text(encoding="utf-8").rstrip("\n").split("\n")
    oversized = "x" * (python_csv_field_limit + 1)
    catalogue.write_text("\n".join([*rows, oversized]) + "\n", encoding="utf-8")
    seeds_before = raw_seed_bytes(project_copy_up_to_2024)

    assert extract(project_copy_up_to_2024, publication) == 1

    error = assert_refused_in_one_line(
        capsys, project_copy_up_to_2024, publication, f"{catalogue}:{len(rows) + 1}", seeds_before
    )
    assert "field larger than field limit" in error
