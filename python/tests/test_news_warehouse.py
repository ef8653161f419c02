"""The news figures in the published warehouse, and a new monthly release added with one command."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from datetime import date
from decimal import Decimal

import duckdb
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.cli import main
from jaarcijfers.sources.ind_news.figures_file import COLUMNS, load_news_catalogue, read_news_file

FIGURES_FILE = PROJECT_DIR / "publications" / "ind_news" / "figures.csv"


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    if not PUBLISHED_WAREHOUSE.exists():
        pytest.fail(f"{PUBLISHED_WAREHOUSE} does not exist: run `make build` first (make test does)")
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        yield connection


def test_each_of_the_870_rows_of_the_file_lands_in_fct_figures_exactly_once(warehouse):
    with FIGURES_FILE.open(encoding="utf-8", newline="") as handle:
        printed = {(line, row["value_printed"]) for line, row in enumerate(csv.DictReader(handle), start=2)}
    landed = warehouse.execute(
        "select source_line, value_printed from marts.fct_figures where source_file = 'ind_news/figures.csv'"
    ).fetchall()

    assert len(printed) == 870
    assert len(landed) == 870
    assert set(landed) == printed


def test_twin_pages_are_one_release(warehouse):
    catalogue = load_news_catalogue(PROJECT_DIR / "seeds" / "reference")
    with (PROJECT_DIR / "seeds" / "raw" / "ind_news" / "ind_news_files.csv").open(
        encoding="utf-8", newline=""
    ) as handle:
        files = [PROJECT_DIR / "publications" / entry["source_file"] for entry in csv.DictReader(handle)]
    pages_printed = {row.page for path in files for row in read_news_file(path, catalogue)}
    releases, pages, twin_pages, twins = warehouse.execute(
        """
        select
            count(*), sum(page_count), sum(page_count) filter (where is_twin),
            list(release_id order by release_id) filter (where is_twin)
        from marts.dim_release
        """
    ).fetchone()

    assert pages == len(pages_printed)
    assert releases == pages - twin_pages + len(twins)
    assert "2023-02-10/asielinstroom-in-januari-2023" in twins


def test_total_asylum_influx_in_november_2022_as_first_and_last_published(warehouse):
    row = warehouse.execute(
        """
        select first_value_printed, first_release_id, latest_value_printed, latest_release_id, is_revised
        from marts.fct_asylum_influx_monthly
        where indicator_code = 'total_asylum_influx' and country_scope = 'all' and period_code = '2022-11'
        """
    ).fetchone()

    assert row == (
        "4.484",
        "2022-12-13/asielinstroom-in-november-2022",
        "4.584",
        "2023-01-11/asielinstroom-in-december-2022",
        True,
    )


def test_first_asylum_applications_per_month_in_2022_with_each_month_s_release(warehouse):
    months = warehouse.execute(
        """
        select period_code, latest_value, latest_release_id
        from marts.fct_asylum_influx_monthly
        where indicator_code = 'first_asylum_applications' and country_scope = 'all' and reference_year = 2022
        order by period_code
        """
    ).fetchall()

    assert [period for period, _, _ in months] == [
        "2022-02", "2022-03", "2022-04", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12",
    ]  # fmt: skip
    assert months[-2] == ("2022-11", Decimal("4072"), "2023-01-11/asielinstroom-in-december-2022")


def test_the_influx_series_agrees_with_the_jaarcijfers_within_their_rounding(warehouse):
    checks = warehouse.execute(
        """
        select product_code, expected_value, printed_value, holds
        from marts.fct_consistency_checks
        where check_code = 'news_matches_jaarcijfers' and period_code = '2022' and edition_year = 2024
            and indicator_code in ('first_asylum_applications', 'family_members_entered')
        order by product_code
        """
    ).fetchall()

    assert checks == [
        ("asylum_family_reunification", Decimal("10930"), Decimal("10927"), True),
        ("asylum_first_applications", Decimal("35540"), Decimal("35535"), True),
    ]


FEBRUARY = "https://ind.nl/nl/nieuws/asielinstroom-in-februari-2023,2023-03-09"
TOTAL = (
    "Total asylum influx (first + repeat applications + family reunification arrivals),"
    "totale asielinstroom,asylum total influx"
)
CUMULATIVE = '"Total asylum influx, cumulative for the year","totale asielinstroom, cumulatief",asylum total influx'
FIRST = "First asylum applications,eerste asielaanvragen,first asylum applications"
REPEAT = "Repeat asylum applications,herhaalde asielaanvragen,repeat asylum applications"
FAMILY = (
    "Family reunification arrivals (asylum family members entering NL),"
    "ingereisde nareizigers,family reunification arrivals (nareis)"
)
SYRIA = (
    '"First asylum applications, nationality: Syria",'
    '"eerste asielaanvragen, herkomstland",first asylum applications by nationality'
)
EARLIER = "comparison/earlier-period figure quoted in this release"
FEBRUARY_RELEASE = [
    f"{FEBRUARY},2023-02,{TOTAL},3.100,3100,",
    f"{FEBRUARY},2023-01,{TOTAL},3.001,3001,{EARLIER}",
    f"{FEBRUARY},2023 (Jan-Feb),{CUMULATIVE},6.101,6101,main",
    f"{FEBRUARY},2023-02,{FIRST},2.500,2500,",
    f"{FEBRUARY},2023-01,{FIRST},2.495,2495,{EARLIER}",
    f"{FEBRUARY},2023-02,{SYRIA},700,700,",
    f"{FEBRUARY},2023-02,{REPEAT},120,120,",
    f"{FEBRUARY},2023-02,{FAMILY},480,480,",
]


def test_a_new_monthly_release_reaches_the_marts_with_one_command_and_no_model_edited(
    news_copy, published_in_copy, tmp_path
):
    # Not the docs' example name, which a user may have extracted into the project.
    release = tmp_path / "written-by-test-news-warehouse.csv"
    release.write_text("\n".join([",".join(COLUMNS), *FEBRUARY_RELEASE]) + "\n", encoding="utf-8")
    assert main(["--project-dir", str(news_copy), "extract", str(release)]) == 0

    build = subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(news_copy), "build"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout[-3000:]
    # The build's summary against the warehouse published before it (which may hold releases the
    # copy does not: the project's own, added after the shared file).
    with (
        duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as before,
        duckdb.connect(str(news_copy / "warehouse" / "ind.duckdb"), read_only=True) as after,
    ):
        query = "select figure_id from marts.fct_figures where source_code = 'ind_news'"
        published = {figure_id for (figure_id,) in before.execute(query).fetchall()}
        added = {figure_id for (figure_id,) in after.execute(query).fetchall()} - published
    assert f"ind_news +{len(added)} added, " in build.stdout
    assert "consistency checks that do not hold: " in build.stdout
    assert len(build.stdout.splitlines()) < 30

    with duckdb.connect(str(news_copy / "warehouse" / "ind.duckdb"), read_only=True) as copy:
        months = copy.execute(
            """
            select period_code, first_value_printed, latest_value_printed, latest_release_id, is_revised
            from marts.fct_asylum_influx_monthly
            where indicator_code = 'total_asylum_influx' and country_scope = 'all' and reference_year = 2023
            order by period_code
            """
        ).fetchall()
        revisions = copy.execute(
            """
            select indicator_code, earlier_value_printed, later_value_printed, earlier_release_id
            from marts.fct_revisions
            where later_release_id = '2023-03-09/asielinstroom-in-februari-2023'
            order by indicator_code
            """
        ).fetchall()
        checks = copy.execute(
            """
            select check_code, expected_value, printed_value, holds
            from marts.fct_consistency_checks
            where release_id = '2023-03-09/asielinstroom-in-februari-2023'
            order by check_code
            """
        ).fetchall()
        coverage = copy.execute(
            "select month_numbers from marts.fct_asylum_influx_coverage where coverage_id = 'total_asylum_influx/2023'"
        ).fetchone()

    january, february = months[0], months[1]
    new_release = "2023-03-09/asielinstroom-in-februari-2023"
    assert january == ("2023-01", "2.991", "3.001", new_release, True)
    assert february == ("2023-02", "3.100", "3.100", new_release, False)
    assert revisions == [
        ("first_asylum_applications", "2.490", "2.495", "2023-02-10/asielinstroom-in-januari-2023"),
        ("total_asylum_influx", "2.991", "3.001", "2023-02-10/asielinstroom-in-januari-2023"),
    ]
    assert checks == [
        ("influx_total_equals_parts", Decimal("3100"), Decimal("3100"), True),
        ("year_to_date_equals_sum_of_months", Decimal("6101"), Decimal("6101"), True),
    ]
    assert coverage == ([1, 2, 5, 6],)


def test_the_news_pages_nareis_series_is_its_own_indicator_and_never_checked_against_mvv_nareis_alone(warehouse):
    # Since September 2024 the 'IND in figures' pages print MVV nareis and nareis 8 EVRM combined.
    with FIGURES_FILE.open(encoding="utf-8", newline="") as handle:
        nareis_lines = {
            line
            for line, row in enumerate(csv.DictReader(handle), start=2)
            if row["measure_nl"] in ("nieuwe nareisaanvragen", "beslissingen nareis")
        }
    landed = warehouse.execute(
        """
        select source_line, product_code, indicator_code
        from marts.fct_figures
        where source_file = 'ind_news/figures.csv'
            and indicator_code in ('nareis_incl_art8_minors_applications', 'nareis_heading_decisions')
        """
    ).fetchall()
    compared = warehouse.execute(
        """
        select count(*) from marts.fct_consistency_checks
        where check_code = 'news_matches_jaarcijfers'
            and indicator_code in ('nareis_incl_art8_minors_applications', 'nareis_heading_decisions')
        """
    ).fetchone()

    assert {line for line, _, _ in landed} == nareis_lines
    assert {product for _, product, _ in landed} == {None}
    assert compared == (0,)


def printed_date(published: str) -> tuple[date | None, str]:
    """A page's date as the transcription gives it ('2023-02-10', '2022-11 (exact date not shown)',
    'early 2019 (…)', 'undated (…)'): the first day it allows, and its precision."""
    found = re.match(r"(?:early )?(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?\b", published)
    if found is None:
        assert published.startswith("undated"), published
        return None, "undated"
    year, month, day = found.groups()
    precision = "day" if day else "month" if month else "year"
    return date(int(year), int(month or 1), int(day or 1)), precision


def test_each_revision_names_both_vintages_with_the_date_its_source_gives(warehouse):
    with FIGURES_FILE.open(encoding="utf-8", newline="") as handle:
        published_on_line = {line: row["published"] for line, row in enumerate(csv.DictReader(handle), start=2)}
    with (PROJECT_DIR / "seeds" / "reference" / "publication_sources.csv").open(encoding="utf-8") as handle:
        edition_dates = {row["source_file"]: row["published_on"] for row in csv.DictReader(handle)}
    editions = dict(warehouse.execute("select edition_year, source_file from marts.dim_publication").fetchall())
    steps = warehouse.execute(
        """
        select
            revisions.revision_id, revisions.source_code,
            revisions.earlier_edition_year, revisions.later_edition_year,
            revisions.earlier_release_id, revisions.earlier_quoted_item,
            revisions.later_release_id, revisions.later_quoted_item,
            earlier.source_line, later.source_line,
            revisions.earlier_vintage, revisions.later_vintage,
            revisions.earlier_vintage_date, revisions.earlier_vintage_date_precision,
            revisions.later_vintage_date, revisions.later_vintage_date_precision
        from marts.fct_revisions as revisions
        inner join marts.fct_figures as earlier on revisions.earlier_figure_id = earlier.figure_id
        inner join marts.fct_figures as later on revisions.later_figure_id = later.figure_id
        """
    ).fetchall()

    def edition_vintage(edition_year: int) -> tuple:
        printed = edition_dates.get(editions[edition_year], "")
        return str(edition_year), (date.fromisoformat(printed), "day") if printed else (None, "undated")

    def release_vintage(release_id: str, quoted_item: str | None, line: int) -> tuple:
        return release_id + (f" ({quoted_item})" if quoted_item else ""), printed_date(published_on_line[line])

    wrong = []
    for (
        revision_id,
        source,
        earlier_edition,
        later_edition,
        earlier_release,
        earlier_item,
        later_release,
        later_item,
        earlier_line,
        later_line,
        *found,
    ) in steps:
        if source == "jaarcijfers":
            earlier, earlier_date = edition_vintage(earlier_edition)
            later, later_date = edition_vintage(later_edition)
        else:
            earlier, earlier_date = release_vintage(earlier_release, earlier_item, earlier_line)
            later, later_date = release_vintage(later_release, later_item, later_line)
        expected = [earlier, later, *earlier_date, *later_date]
        if found != expected:
            wrong.append((revision_id, found, expected))

    assert steps
    assert wrong == []
