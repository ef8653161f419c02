"""The news figures extractor: the real file, the printed-value cases, and the files it refuses."""

from __future__ import annotations

import csv
import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, raw_seed_bytes
from jaarcijfers.cli import check_seeds, main
from jaarcijfers.inputs import quoted
from jaarcijfers.sources.ind_news.figures_file import COLUMNS, load_news_catalogue, read_news_file
from jaarcijfers.sources.ind_news.printed_values import read_page, read_period, read_published, read_value

FIGURES_FILE = PROJECT_DIR / "publications" / "ind_news" / "figures.csv"
CASES = PROJECT_DIR / "seeds" / "cases"


def csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def cases(name: str) -> list[dict[str, str]]:
    return csv_rows(CASES / name)


def test_every_row_of_the_figures_file_is_in_the_seed_once_as_transcribed():
    file_rows = csv_rows(FIGURES_FILE)
    seed_rows = [
        row
        for row in csv_rows(PROJECT_DIR / "seeds" / "raw" / "ind_news" / "ind_news_figures.csv")
        if row["source_file"] == "ind_news/figures.csv"
    ]

    assert len(file_rows) == 870
    assert [int(row["source_line"]) for row in seed_rows] == list(range(2, 872))
    assert [{column: row[column] for column in COLUMNS} for row in seed_rows] == file_rows


def test_the_extractor_reads_all_870_rows_and_places_the_2017_overview_s_two_readings_apart():
    rows = read_news_file(FIGURES_FILE, load_news_catalogue(PROJECT_DIR / "seeds" / "reference"))
    june_2017 = [
        row
        for row in rows
        if row.figure[:3] == ("2017-06", "", "total_asylum_influx") and "Asieltrends" in row.fields[0]
    ]

    assert len(rows) == 870
    assert sorted((row.figure[4], row.fields[6]) for row in june_2017) == [
        ("July item", "2.316"),
        ("June item", "2359"),
    ]


def test_committed_seeds_are_the_extractors_output_for_every_source():
    assert check_seeds(PROJECT_DIR) == []


@pytest.mark.parametrize(
    "case", cases("ind_news_printed_values.csv"), ids=lambda case: f"{case['printed']}|{case['language']}"
)
def test_printed_values_read_as_the_shared_cases_say(case):
    reading = read_value(case["printed"], case["language"])

    assert (reading is not None) == (case["accepted"] == "true"), case["why"]
    if reading is not None:
        assert (reading.value, reading.unit, reading.qualifier, reading.number_convention) == (
            Decimal(case["value"]),
            case["unit"],
            case["qualifier"],
            case["number_convention"],
        ), case["why"]


@pytest.mark.parametrize(
    "case", cases("ind_news_printed_periods_dates_pages.csv"), ids=lambda case: f"{case['kind']}|{case['printed']}"
)
def test_periods_dates_and_pages_read_as_the_shared_cases_say(case):
    if case["kind"] == "period":
        reading = read_period(case["printed"])
        read = reading and (
            reading.code,
            reading.grain,
            str(reading.start),
            str(reading.end),
            str(reading.reference_year),
        )
    elif case["kind"] == "published":
        reading = read_published(case["printed"])
        read = reading and (
            reading.code,
            reading.precision,
            str(reading.start or ""),
            str(reading.end or ""),
            reading.comment,
        )
    else:
        reading = read_page(case["printed"])
        read = reading and (reading.url, reading.language, "", "", reading.slug)

    assert (reading is not None) == (case["accepted"] == "true"), case["why"]
    if reading is not None:
        assert read == (case["code"], case["class"], case["start"], case["end"], case["extra"]), case["why"]


HEADER = ",".join(COLUMNS)
WITHOUT_NOTE = HEADER.removesuffix(",note")
WITH_EXTRA = HEADER + ",extra"
NOVEMBER = "https://ind.nl/nl/nieuws/asielinstroom-in-november-2022,2022-12-13"
MARCH = "https://ind.nl/nl/nieuws/asielinstroom-in-maart-2023,2023-04-12"
TOTAL = (
    "Total asylum influx (first + repeat applications + family reunification arrivals),"
    "totale asielinstroom,asylum total influx"
)
FIRST = "First asylum applications,eerste asielaanvragen,first asylum applications"
GOOD_ROW = f"{MARCH},2023-03,{TOTAL},3.500,3500,"
# A measure the news pages print as a percentage, as the figures file transcribes it.
SHARE = next(
    f'"{row["measure_en"]}",{row["measure_nl"]},{row["category"]}'
    for row in csv_rows(FIGURES_FILE)
    if row["value_printed"].endswith("%")
)
NEXT_YEAR = datetime.date.today().year + 1


def extract_into(project: Path, path: Path, text: str) -> int:
    path.write_text(text, encoding="utf-8")
    return main(["--project-dir", str(project), "extract", str(path)])


@pytest.mark.parametrize(
    ("rows", "line", "reason"),
    [
        # A header that is not the news header exactly: no source recognises the file.
        ([GOOD_ROW], 1, f"no source reads this file (its first line is {quoted(WITHOUT_NOTE)})"),
        ([f"{GOOD_ROW},extra"], 1, f"no source reads this file (its first line is {quoted(WITH_EXTRA)})"),
        ([GOOD_ROW, f"{MARCH},2023-13,{TOTAL},3.500,3500,"], 3, "cannot read the period '2023-13'"),
        ([f"https://ind.nl/nl/nieuws/x,last week,2023-03,{TOTAL},3.500,3500,"], 2, "cannot read the date 'last week'"),
        (
            [f"https://example.org/nl/nieuws/x,2023-04-12,2023-03,{TOTAL},3.500,3500,"],
            2,
            "cannot read the page address",
        ),
        ([f'{MARCH},2023-03,{TOTAL},"3,500",3500,'], 2, "cannot read '3,500' as a value printed on a page in Dutch"),
        ([f"{MARCH},2023-03,Arrivals,aankomsten,arrivals,3.500,3500,"], 2, "seeds/reference/ind_news_measures.csv"),
        (
            [
                f'{MARCH},2023-03,"First asylum applications, nationality: Atlantis",'
                '"eerste asielaanvragen, herkomstland",first asylum applications by nationality,12,12,'
            ],
            2,
            "country 'Atlantis' is not in",
        ),
        ([GOOD_ROW, f"{MARCH},2023-03,{TOTAL},3.600,3600,"], 3, "with another value ('3.500' on line 2, '3.600' here)"),
        ([f"{MARCH},2023-03,{TOTAL},3.500,3050,"], 2, "the transcriber's value 3050 disagrees with '3.500'"),
        (
            [f"{NOVEMBER},2022-11,{TOTAL},4.500,4500,"],
            2,
            "but '4.484' in ind_news/figures.csv, line 65, already loaded",
        ),
        ([f"{MARCH},2023-03,{SHARE},101%,101,"], 2, "'101%' "),
        ([GOOD_ROW, f"{MARCH},2023-03,{TOTAL},3.500,3500,read\x00aloud"], 3, "note: control character '\\x00'"),
        ([f"{MARCH},\uff12\uff10\uff12\uff13-03,{TOTAL},3.500,3500,"], 2, "reference_period: digit '\uff12'"),
        (
            [f"{MARCH},{NEXT_YEAR + 1}-03,{TOTAL},3.500,3500,"],
            2,
            f"reference_period '{NEXT_YEAR + 1}-03': year {NEXT_YEAR + 1} is not a plausible year",
        ),
        (
            [f"https://ind.nl/nl/nieuws/x,1999-04-12,2023-03,{TOTAL},3.500,3500,"],
            2,
            "published '1999-04-12': year 1999 is not a plausible year",
        ),
        ([f"{MARCH},2023-03,{TOTAL},3.\u200b500,3500,"], 2, "cannot read '3.\\u200b500' as a value"),
        ([f"{MARCH},2023-03,{TOTAL},3.500,3.5E3,"], 2, "the transcriber's value '3.5E3' is not a plain number"),
        ([f"{MARCH},2023-03,{TOTAL},3.500,\uff13\uff15\uff10\uff10,"], 2, "value: digit '\uff13'"),
    ],
    ids=[
        "missing column",
        "extra column",
        "unreadable period",
        "unreadable date",
        "unknown site",
        "English separator on a Dutch page",
        "measure not in the catalogue",
        "country not in the catalogue",
        "same figure twice with two values",
        "transcriber disagrees",
        "loaded release printed differently",
        "a share over 100%",
        "NUL byte in a note",
        "full-width digits in the period",
        "a period after next year",
        "a release before 2000",
        "zero-width space in a value",
        "transcriber's value in exponent form",
        "transcriber's value in full-width digits",
    ],
)
def test_a_file_the_extractor_cannot_place_is_refused_whole_with_one_line(
    news_copy, tmp_path, capsys, rows, line, reason
):
    header = (
        WITHOUT_NOTE if quoted(WITHOUT_NOTE) + ")" in reason else WITH_EXTRA if quoted(WITH_EXTRA) in reason else HEADER
    )
    path = tmp_path / "asielinstroom-maart-2023.csv"
    seeds_before = raw_seed_bytes(news_copy)

    assert extract_into(news_copy, path, "\n".join([header, *rows]) + "\n") == 1

    error = capsys.readouterr().err
    assert error.count("\n") == 1 and error.startswith(f"error: {path}:{line}: "), error
    assert error.rstrip("\n").isprintable(), "an invisible character is shown escaped"
    assert reason in error, error
    assert raw_seed_bytes(news_copy) == seeds_before
    assert not (news_copy / "publications" / "ind_news" / path.name).exists()


def test_loading_the_same_rows_again_is_a_no_op(news_copy, tmp_path, capsys):
    seeds_before = raw_seed_bytes(news_copy)
    again = tmp_path / "figures-again.csv"
    again.write_bytes(FIGURES_FILE.read_bytes())

    assert (
        main(
            [
                "--project-dir",
                str(news_copy),
                "extract",
                str(news_copy / "publications" / "ind_news" / "figures.csv"),
            ]
        )
        == 0
    )
    assert main(["--project-dir", str(news_copy), "extract", str(again)]) == 0

    assert raw_seed_bytes(news_copy) == seeds_before
    assert not (news_copy / "publications" / "ind_news" / again.name).exists()
    assert capsys.readouterr().out.splitlines()[-1].endswith("870 rows, 0 new: unchanged: every row is already loaded")


def test_a_file_repeating_loaded_rows_adds_only_its_new_ones(news_copy, tmp_path):
    loaded = FIGURES_FILE.read_text(encoding="utf-8").splitlines()
    new_rows = [GOOD_ROW, f"{MARCH},2023-03,{FIRST},2.900,2900,"]
    path = tmp_path / "asielinstroom-maart-2023.csv"

    assert extract_into(news_copy, path, "\n".join([loaded[0], *loaded[1:4], *new_rows]) + "\n") == 0

    seed = csv_rows(news_copy / "seeds" / "raw" / "ind_news" / "ind_news_figures.csv")
    files = csv_rows(news_copy / "seeds" / "raw" / "ind_news" / "ind_news_files.csv")
    assert len(seed) == len(loaded) - 1 + len(new_rows)
    assert [(row["source_file"], row["source_line"], row["value_printed"]) for row in seed[-2:]] == [
        ("ind_news/asielinstroom-maart-2023.csv", "5", "3.500"),
        ("ind_news/asielinstroom-maart-2023.csv", "6", "2.900"),
    ]
    assert [(row["source_file"], row["row_count"], row["new_row_count"]) for row in files] == [
        ("ind_news/figures.csv", str(len(loaded) - 1), str(len(loaded) - 1)),
        ("ind_news/asielinstroom-maart-2023.csv", "5", "2"),
    ]
    assert (news_copy / "publications" / "ind_news" / path.name).read_bytes() == path.read_bytes()
    assert check_seeds(news_copy) == []


def test_check_names_a_news_seed_that_is_not_the_extractors_output(news_copy):
    seed = news_copy / "seeds" / "raw" / "ind_news" / "ind_news_figures.csv"
    seed.write_text(seed.read_text(encoding="utf-8").replace(",2.991,2991,", ",2.991,2990,", 1), encoding="utf-8")
    (news_copy / "publications" / "ind_news" / "stray.csv").write_text(HEADER + "\n", encoding="utf-8")

    assert check_seeds(news_copy) == ["ind_news/ind_news_figures.csv", "ind_news/ind_news_files.csv"]
