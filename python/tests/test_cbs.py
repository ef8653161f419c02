"""The CBS source: its printed forms, its extraction into the seeds, and its figures, vintages,
revisions and misprints in the published warehouse. Every expectation is derived from the files
in the project (the case tables, publications/cbs/, the seeds and registers), never typed in."""

from __future__ import annotations

import csv
import datetime
from collections import Counter
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE, keep_only_the_first_file
from jaarcijfers.cli import check_seeds, main
from jaarcijfers.inputs import csv_rows
from jaarcijfers.sources.cbs import SOURCE
from jaarcijfers.sources.cbs.reader import HEADER, read_figures_file
from jaarcijfers.sources.cbs.values import page_language, read_period, read_published, read_value

CBS_FILE = PROJECT_DIR / "publications" / "cbs" / "figures.csv"
SEEDS = Path("seeds") / "raw" / "cbs"
VALUE_CASES = csv_rows(PROJECT_DIR / "seeds" / "cases" / "cbs_printed_values.csv")
FORM_CASES = csv_rows(PROJECT_DIR / "seeds" / "cases" / "cbs_printed_periods_dates_pages.csv")
MISPRINTS = csv_rows(PROJECT_DIR / "seeds" / "reference" / "cbs_misprints.csv")


def _file_rows() -> list[tuple[int, dict[str, str]]]:
    with CBS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(enumerate(csv.DictReader(handle), start=2))


# ---------- the printed forms: the reader against the case tables the SQL macros are tested on


@pytest.mark.parametrize(
    "case", VALUE_CASES, ids=lambda case: f"{case['printed']}|{case['language']}|{case['in_thousands']}"
)
def test_the_reader_reads_each_printed_value_as_its_case_says(case):
    reading = read_value(case["printed"], case["language"], case["in_thousands"] == "true")

    if case["accepted"] == "false":
        assert reading is None
        return
    assert reading is not None
    assert reading.value == int(case["value"])
    assert (reading.low, reading.high) == (Decimal(case["value_low"]), Decimal(case["value_high"]))
    assert reading.precision == case["precision"]
    assert reading.qualifier == case["qualifier"]


@pytest.mark.parametrize("case", FORM_CASES, ids=lambda case: f"{case['kind']}|{case['printed']}")
def test_the_reader_reads_each_period_date_and_address_as_its_case_says(case):
    if case["kind"] == "period":
        reading = read_period(case["printed"])
        read = reading and (reading.code, reading.grain, reading.start.isoformat(), reading.end.isoformat())
        expected = (case["code"], case["class"], case["start"], case["end"])
    elif case["kind"] == "published":
        reading = read_published(case["printed"])
        read = reading and (
            reading.code,
            reading.precision,
            reading.start.isoformat() if reading.start else "",
            reading.end.isoformat() if reading.end else "",
        )
        expected = (case["code"], case["class"], case["start"], case["end"])
    else:
        read = page_language(case["printed"])
        expected = case["class"]
    assert (read is not None) == (case["accepted"] == "true")
    if read is not None:
        assert read == expected


def test_every_row_of_the_cbs_file_is_read_and_its_reading_is_the_transcriber_s():
    rows = read_figures_file(CBS_FILE)

    assert [row.line for row in rows] == [line for line, _ in _file_rows()]


# ---------- extraction: recognised by its header, merged all-or-none, re-loads change nothing


@pytest.fixture
def cbs_copy(project_copy: Path) -> Path:
    """The project copy with only the shared CBS file loaded (`cbs/figures.csv`), whatever releases the
    project added after it: the tests write releases of their own, dated after the shared file's, which
    a later real release would otherwise outdate."""
    return keep_only_the_first_file(
        project_copy, "cbs", "cbs_files.csv", {"cbs_figures.csv": "source_file", "cbs_pages.csv": "pages_file"}
    )


def _seed_bytes(project: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((project / SEEDS).glob("*.csv"))}


def _extract(project: Path, path: Path) -> int:
    return main(["--project-dir", str(project), "extract", str(path)])


def test_the_cbs_file_is_recognised_by_its_header_and_nothing_else():
    assert SOURCE.recognises(CBS_FILE)
    assert not SOURCE.recognises(PROJECT_DIR / "publications" / "ind_news" / "figures.csv")
    assert CBS_FILE.read_text(encoding="utf-8").splitlines()[0] == HEADER


def test_loading_the_cbs_file_again_changes_nothing(cbs_copy, capsys):
    before = _seed_bytes(cbs_copy)

    assert _extract(cbs_copy, cbs_copy / "publications" / "cbs" / "figures.csv") == 0

    assert "0 new" in capsys.readouterr().out
    assert _seed_bytes(cbs_copy) == before
    assert check_seeds(cbs_copy) == []


def test_a_further_release_in_the_same_form_adds_only_its_new_rows(cbs_copy, tmp_path, capsys):
    lines = CBS_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    quoted_again = lines[1:3]
    new = lines[1].replace(",1975,", ",1976,", 1)
    assert new not in lines
    release = tmp_path / "release" / "figures-2025.csv"
    release.parent.mkdir()
    release.write_text("".join([lines[0], *quoted_again, new]), encoding="utf-8")
    figures_before = csv_rows(cbs_copy / SEEDS / "cbs_figures.csv")

    assert _extract(cbs_copy, release) == 0

    assert "3 CBS figures, 1 new: added" in capsys.readouterr().out
    figures = csv_rows(cbs_copy / SEEDS / "cbs_figures.csv")
    assert figures[: len(figures_before)] == figures_before
    assert [(row["source_file"], row["source_line"]) for row in figures[len(figures_before) :]] == [
        ("cbs/figures-2025.csv", "4")
    ]
    files = csv_rows(cbs_copy / SEEDS / "cbs_files.csv")
    assert (files[-1]["row_count"], files[-1]["new_row_count"]) == ("3", "1")
    assert (cbs_copy / "publications" / "cbs" / "figures-2025.csv").read_bytes() == release.read_bytes()
    assert check_seeds(cbs_copy) == []


@pytest.mark.parametrize(
    ("field", "bad", "shown"),
    [
        ("value_printed", "1,62", "'1,62'"),
        ("value_printed", "1.6\u0662", "'1.6\u0662'"),
        ("value", "1625", "1625"),
        ("reference_period", "2023*", "'2023*'"),
        ("published", "2021 week 53 (from URL)", "'2021 week 53 (from URL)'"),
        ("note", "a\u0007bell", "'a\\x07bell'"),
    ],
)
def test_a_row_that_cannot_be_read_refuses_the_file_naming_file_line_and_value(
    cbs_copy, tmp_path, capsys, field, bad, shown
):
    _line, row = _file_rows()[-1]
    row = dict(row, **{field: bad})
    release = tmp_path / "bad.csv"
    with release.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(row), lineterminator="\n")
        writer.writeheader()
        writer.writerow(row)
    before = _seed_bytes(cbs_copy)

    assert _extract(cbs_copy, release) == 1

    error = capsys.readouterr().err
    assert f"{release}:2: " in error and shown in error
    assert _seed_bytes(cbs_copy) == before
    assert not (cbs_copy / "publications" / "cbs" / "bad.csv").exists()


def test_check_names_a_cbs_seed_that_is_not_the_extractor_s_output(cbs_copy):
    seed = cbs_copy / SEEDS / "cbs_figures.csv"
    seed.write_text(seed.read_text(encoding="utf-8").replace(",390,390,", ",395,395,", 1), encoding="utf-8")

    assert check_seeds(cbs_copy) == ["cbs/cbs_figures.csv"]


def test_check_names_a_pages_seed_that_is_not_the_extractor_s_output(cbs_copy):
    seed = cbs_copy / SEEDS / "cbs_pages.csv"
    lines = seed.read_text(encoding="utf-8").splitlines(keepends=True)
    seed.write_text("".join(lines[:-1]), encoding="utf-8")

    assert check_seeds(cbs_copy) == ["cbs/cbs_pages.csv"]


# ---------- the published warehouse


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    if not PUBLISHED_WAREHOUSE.exists():
        pytest.fail(f"{PUBLISHED_WAREHOUSE} does not exist: run `make build` first (make test does)")
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        yield connection


def test_every_row_of_the_cbs_file_is_in_fct_figures_exactly_once(warehouse):
    printed = Counter(
        (
            row["source_url"],
            row["reference_period"],
            row["measure_en"],
            row["nationality"] or None,
            row["value_printed"],
        )
        for _, row in _file_rows()
    )
    landed = Counter(
        warehouse.execute(
            """
            select source_url, period_printed, measure_en, nationality_printed, value_printed
            from marts.fct_figures
            where source_file = 'cbs/figures.csv'
            """
        ).fetchall()
    )
    lines = warehouse.execute(
        "select count(distinct source_line), count(*) from marts.fct_figures where source_file = 'cbs/figures.csv'"
    ).fetchone()

    assert landed == printed
    assert lines == (len(_file_rows()), len(_file_rows()))


def test_every_row_of_every_loaded_cbs_release_is_in_fct_figures_once(warehouse):
    """A further release may print rows an earlier file printed already: those land once, from the
    earlier file, and each file's new rows are its own."""
    files = csv_rows(PROJECT_DIR / SEEDS / "cbs_files.csv")
    printed = set()
    for loaded in files:
        printed |= {
            (row["source_url"], row["reference_period"], row["measure_en"], row["nationality"] or None,
             row["value_printed"])
            for row in csv_rows(PROJECT_DIR / "publications" / loaded["source_file"])
        }  # fmt: skip
    landed = warehouse.execute(
        """
        select source_url, period_printed, measure_en, nationality_printed, value_printed
        from marts.fct_figures
        where source_code = 'cbs'
        """
    ).fetchall()

    assert set(landed) == printed
    assert len(landed) == sum(int(loaded["new_row_count"]) for loaded in files)


def test_each_cbs_figure_carries_its_publisher_release_interval_and_the_transcriber_s_value(warehouse):
    file_rows = dict(_file_rows())
    figures = warehouse.execute(
        """
        select source_line, publisher, release_id, value, value_transcribed, value_low, value_high, is_provisional
        from marts.fct_figures
        where source_file = 'cbs/figures.csv'
        """
    ).fetchall()

    for line, publisher, release_id, value, transcribed, low, high, provisional in figures:
        assert publisher == "CBS" and release_id
        assert value == transcribed == Decimal(file_rows[line]["value"])
        assert low <= value <= high
        assert provisional == file_rows[line]["note"].startswith("provisional")


def _printings(reference_period: str, indicator: str, value: int) -> set[str]:
    """fct_figures keys of the CBS printings, for all nationalities, of a value for a period."""
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        rows = connection.execute(
            """
            select figure_id from marts.fct_figures
            where source_code = 'cbs' and period_code = ? and indicator_code = ? and country_code is null and value = ?
            """,
            [reference_period, indicator, value],
        ).fetchall()
    return {figure_id for (figure_id,) in rows}


def _seed_values(reference_period: str, measure_needle: str) -> list[tuple[int, int, str]]:
    """(line, value, note) of the file's rows for all nationalities of a period and wording."""
    return [
        (line, int(row["value"]), row["note"])
        for line, row in _file_rows()
        if row["reference_period"] == reference_period
        and not row["nationality"]
        and measure_needle in row["measure_nl"].lower()
    ]


def test_2022_q2_first_requests_provisional_7050_restated_as_7325_is_a_revision(warehouse):
    rows = _seed_values("2022-Q2", "eerste asielverzoeken")
    provisional = {value for _, value, note in rows if note.startswith("provisional")}
    final = {value for _, value, note in rows if not note.startswith("provisional")}
    assert 7050 in provisional and 7325 in final  # the case as issue 21 names it, found in the file
    earlier, later = (
        _printings("2022-Q2", "first_asylum_requests", 7050),
        _printings("2022-Q2", "first_asylum_requests", 7325),
    )

    revisions = warehouse.execute(
        """
        select earlier_figure_id, later_figure_id, earlier_is_provisional, later_is_provisional, earlier_published_end,
            later_published_start
        from marts.fct_revisions
        where source_code = 'cbs' and indicator_code = 'first_asylum_requests' and period_code = '2022-Q2'
            and country_code is null
        """
    ).fetchall()

    assert [
        (provisional_then, provisional_now)
        for earlier_id, later_id, provisional_then, provisional_now, _, _ in revisions
        if earlier_id in earlier and later_id in later
    ] == [(True, False)]


def test_2018_q1_first_requests_4215_then_4155_is_a_revision_and_a_thousands_printing_within_precision_is_not(
    warehouse,
):
    values = {value for _, value, _ in _seed_values("2018-Q1", "eerste asielverzoeken")}
    assert {4215, 4155} <= values
    revisions = warehouse.execute(
        """
        select earlier_value, later_value_low, later_value_high
        from marts.fct_revisions
        where source_code = 'cbs' and indicator_code = 'first_asylum_requests' and period_code = '2018-Q1'
            and country_code is null
        """
    ).fetchall()
    assert any(earlier == 4215 and low <= 4155 <= high for earlier, low, high in revisions)

    within = warehouse.execute(
        """
        select earlier_figure_id, figure_id, earlier_value, value
        from intermediate.int_cbs__figure_vintages
        where is_within_precision
        """
    ).fetchall()
    revised = set(warehouse.execute("select earlier_figure_id, later_figure_id from marts.fct_revisions").fetchall())
    assert within, "no printing within the precision of the one before: the case of issue 21 is gone"
    assert not {(earlier, later) for earlier, later, _, _ in within} & revised
    assert any(4155 in (earlier, later) for _, _, earlier, later in within)


def test_every_cbs_revision_lies_outside_the_interval_of_the_printing_before(warehouse):
    revisions = warehouse.execute(
        """
        select earlier_value_low, earlier_value_high, later_value_low, later_value_high, is_release_order_certain
        from marts.fct_revisions
        where source_code = 'cbs'
        """
    ).fetchall()

    assert revisions
    for earlier_low, earlier_high, later_low, later_high, _ in revisions:
        assert earlier_high < later_low or later_high < earlier_low


@pytest.mark.parametrize(
    "misprint", MISPRINTS, ids=lambda row: f"{row['reference_period']} {row['nationality']} {row['value_printed']}"
)
def test_each_registered_misprint_is_a_consistency_check_that_does_not_hold(warehouse, misprint):
    lines = [
        line
        for line, row in _file_rows()
        if (row["source_url"], row["reference_period"], row["measure_en"], row["nationality"], row["value_printed"])
        == tuple(
            misprint[key] for key in ("source_url", "reference_period", "measure_en", "nationality", "value_printed")
        )
    ]
    assert len(lines) == 1

    checks = warehouse.execute(
        """
        select expected_value, holds
        from marts.fct_consistency_checks
        where check_code = 'cbs_misprint' and list_contains(input_figure_ids, ?)
        """,
        [f"cbs:cbs/figures.csv:{lines[0]}"],
    ).fetchall()

    assert checks == [(Decimal(misprint["value_elsewhere"]), False)]


def test_a_release_printing_one_figure_twice_beyond_precision_is_listed(warehouse):
    unresolved = [row for row in MISPRINTS if row["status"] == "unresolved"]
    conflicts = warehouse.execute(
        "select subject from marts.fct_consistency_checks where check_code = 'cbs_release_conflict' and not holds"
    ).fetchall()

    assert unresolved and conflicts
    for row in unresolved:
        assert any(f"'{row['value_printed']}'" in subject and row["nationality"] in subject for (subject,) in conflicts)


def test_releases_are_ordered_by_the_days_their_pages_show(warehouse):
    releases = warehouse.execute(
        """
        select release_id, release_order, published_start, published_end, is_dated
        from intermediate.int_cbs__releases
        order by release_order
        """
    ).fetchall()
    dated = [(start, end) for _, _, start, end, is_dated in releases if is_dated]
    week_releases = [release for release, *_ in releases if release.startswith("cbs-news-")]

    assert dated == sorted(dated)
    assert week_releases == sorted(week_releases)
    catalogued = {row["release_id"] for row in csv_rows(PROJECT_DIR / "seeds" / "reference" / "cbs_releases.csv")}
    assert {release for release, *_, is_dated in releases if not is_dated} == catalogued
    assert all(isinstance(start, datetime.date) for _, _, start, _, is_dated in releases if is_dated)


# ---------- the build reads the seed strictly: what it cannot read or place stops it, naming the row


def _damaged(row: dict[str, str], field: str, text: str) -> tuple[dict[str, str], str]:
    return dict(
        row, **{field: text}
    ), f"seeds/raw/cbs/cbs_figures.csv ({row['source_file']}, line {row['source_line']})"


@pytest.mark.parametrize(
    ("choose", "field", "text", "message"),
    [
        (lambda row: not row["nationality"], "value", "395", "the transcriber's value 395 disagrees with '{printed}'"),
        (lambda row: "nl-nl" in row["source_url"], "value_printed", "3,90", "cannot read the value '3,90' printed"),
        (lambda row: row["nationality"], "nationality", "Atlantisch", "the nationality 'Atlantisch' is not in"),
        (lambda row: True, "measure_en", "Asylum wishes", "the wording 'Asylum wishes' / "),
    ],
    ids=["a value the transcriber read otherwise", "a form no page prints", "a nationality", "a wording"],
)
def test_a_cbs_row_the_build_cannot_read_or_place_stops_it_naming_the_row(cbs_copy, choose, field, text, message):
    seed = cbs_copy / SEEDS / "cbs_figures.csv"
    rows = csv_rows(seed)
    position = next(index for index, row in enumerate(rows) if choose(row))
    printed = rows[position]["value_printed"]
    rows[position], where = _damaged(rows[position], field, text)
    with seed.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    result = main(["--project-dir", str(cbs_copy), "build", "--", "--select", "+int_cbs__figures_catalogued"])
    log = (cbs_copy / "logs" / "build.log").read_text(encoding="utf-8")

    assert result != 0
    assert f"{where}: {message.format(printed=printed)}" in log


def test_a_further_release_is_added_with_one_command_and_its_restatements_are_revisions(cbs_copy, tmp_path):
    """A release of 2025 in the same form, written by the test from the latest printing of the file: it
    restates the latest quarter beyond that printing's precision, and prints it again within it."""
    quarters = [
        (row["reference_period"], line, row)
        for line, row in _file_rows()
        if row["reference_period"][4:6] == "-Q"
        and not row["nationality"]
        and row["measure_nl"].lower().startswith("asielverzoeken (x")
    ]
    period, _, latest = max(quarters, key=lambda quarter: quarter[0])
    restated = int(latest["value"]) + 100
    page = "https://www.cbs.nl/en-gb/news/2025/05/asylum-requests-in-q4-2024"
    release = tmp_path / "release" / "figures-2025-05.csv"
    release.parent.mkdir()
    with release.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER.split(","))
        writer.writerow(
            [page, "2025-01-30", period, "First asylum requests", "eerste asielverzoeken", "",
             f"{restated:,}", restated, "persons", "earlier period quoted in this release"]
        )  # fmt: skip

    assert main(["--project-dir", str(cbs_copy), "extract", str(release)]) == 0
    assert main(["--project-dir", str(cbs_copy), "build"]) == 0

    with duckdb.connect(str(cbs_copy / "warehouse" / "ind.duckdb"), read_only=True) as connection:
        landed = connection.execute(
            "select value, published_on, is_latest_vintage from marts.fct_figures where source_url = ?", [page]
        ).fetchall()
        revisions = connection.execute(
            """
            select earlier_value, later_value, later_release_id, later_published_start
            from marts.fct_revisions
            where source_code = 'cbs' and period_code = ? and indicator_code = 'first_asylum_requests'
                and country_code is null and later_release_id = 'cbs-news-2025-05'
            """,
            [period],
        ).fetchall()
    assert landed == [(Decimal(restated), datetime.date(2025, 1, 30), True)]
    assert revisions == [(Decimal(latest["value"]), Decimal(restated), "cbs-news-2025-05", datetime.date(2025, 1, 30))]


def test_each_cbs_revision_names_both_releases_as_its_vintages_dated_as_their_pages_show(warehouse):
    published = {line: row["published"] for line, row in _file_rows()}
    steps = warehouse.execute(
        """
        select revisions.revision_id, revisions.earlier_release_id, revisions.later_release_id,
            revisions.earlier_vintage, revisions.later_vintage,
            earlier.source_line, later.source_line,
            revisions.earlier_vintage_date, revisions.earlier_vintage_date_precision,
            revisions.later_vintage_date, revisions.later_vintage_date_precision
        from marts.fct_revisions as revisions
        inner join marts.fct_figures as earlier on revisions.earlier_figure_id = earlier.figure_id
        inner join marts.fct_figures as later on revisions.later_figure_id = later.figure_id
        where revisions.source_code = 'cbs'
        """
    ).fetchall()
    assert steps, "no CBS revision: nothing to check"
    wrong = []
    for revision_id, earlier_release, later_release, earlier, later, *sides in steps:
        if (earlier, later) != (earlier_release, later_release):
            wrong.append(f"{revision_id}: vintages {earlier!r}, {later!r}")
        for line, vintage_date, precision in ((sides[0], sides[2], sides[3]), (sides[1], sides[4], sides[5])):
            if (vintage_date is None) != (precision == "undated"):
                wrong.append(f"{revision_id}: date {vintage_date} with precision {precision}")
            page_day = published[line][:10]
            # a page that shows its day dates its release to that day (twin pages may differ by a day)
            if len(page_day) == 10 and page_day[4] == "-" and page_day[7] == "-":
                shown = datetime.date.fromisoformat(page_day)
                if vintage_date is None or abs((vintage_date - shown).days) > 1:
                    wrong.append(f"{revision_id}: line {line} shows {shown}, vintage dated {vintage_date}")
    assert wrong == []


def test_every_entry_of_the_wording_catalogue_places_some_row_of_the_file(warehouse):
    """An entry no row matches is a dead entry: most likely a wording or page address copied wrong,
    which leaves the rows it meant for under the general entry."""
    entries = csv_rows(PROJECT_DIR / "seeds" / "reference" / "cbs_measures.csv")
    placed = set(
        warehouse.execute(
            "select distinct measure_en, measure_nl, source_url, indicator_code from marts.fct_figures"
            " where source_code = 'cbs'"
        ).fetchall()
    )
    dead = []
    for entry in entries:
        matching = [
            row
            for row in placed
            if (row[0], row[1], row[3]) == (entry["measure_en"], entry["measure_nl"], entry["indicator_code"])
            and (not entry["source_url"] or row[2] == entry["source_url"])
        ]
        if not matching:
            dead.append(entry)
    assert dead == []
