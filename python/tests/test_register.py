"""The overlap and definition register (seeds/reference/overlap_register.csv), obeyed.

Each rule names, in its `enforced_by`, a test here that fails if a metric of the semantic layer,
a derived measure or a query breaks it. The metrics are asked with `mf query`, as a user would.
"""

from __future__ import annotations

import csv
import re
import sys
from decimal import Decimal

import duckdb
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE, REPOSITORY
from test_metrics import mf_query

with (PROJECT_DIR / "seeds" / "reference" / "overlap_register.csv").open(encoding="utf-8", newline="") as handle:
    RULES = list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def warehouse() -> duckdb.DuckDBPyConnection:
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def latest_year(warehouse) -> int:
    return warehouse.execute(
        "select max(edition_year) from marts.dim_publication where is_complete_edition"
    ).fetchone()[0]


@pytest.fixture(scope="module")
def metrics_per_domain(tmp_path_factory, latest_year) -> dict[str, dict[str, str]]:
    rows = mf_query(
        [
            "--metrics",
            "applications,track_cases_entered,procedures_started,decisions,first_instance_decisions,cases_pending",
            "--group-by",
            "product__domain",
            "--where",
            f"{{{{ TimeDimension('metric_time', 'year') }}}} = '{latest_year}-01-01'",
        ],
        tmp_path_factory.mktemp("mf") / "per_domain.csv",
    )
    return {row["product__domain"]: row for row in rows}


def printed(warehouse, year: int, where: str) -> Decimal:
    """The sum of the latest year's printed counts the condition selects, from fct_volumes."""
    return warehouse.execute(
        f"select coalesce(sum(volume), 0) from marts.fct_volumes join marts.dim_product using (product_code) "
        f"where reference_year = ? and {where}",
        [year],
    ).fetchone()[0]


def test_every_rule_names_a_test_here_that_exists():
    tests_here = {name for name in dir(sys.modules[__name__]) if name.startswith("test_")}
    for rule in RULES:
        named = set(re.findall(r"test_register\.py::(test_\w+)", rule["enforced_by"]))
        assert named, f"rule {rule['rule_code']} names no test in test_register.py"
        assert named <= tests_here, f"rule {rule['rule_code']} names tests that do not exist: {named - tests_here}"


def test_asylum_applications_are_first_applications_and_never_the_tracks(warehouse, latest_year, metrics_per_domain):
    asylum = metrics_per_domain["asylum"]
    first = printed(warehouse, latest_year, "indicator_code = 'first_asylum_applications'")
    family = printed(warehouse, latest_year, "domain_code = 'asylum' and count_kind = 'applications'")
    tracks = printed(warehouse, latest_year, "count_kind = 'track_intake'")
    entered = printed(warehouse, latest_year, "indicator_code = 'family_members_entered'")

    assert Decimal(asylum["applications"]) == first + family
    assert Decimal(asylum["applications"]) != first + tracks + family
    assert Decimal(asylum["track_cases_entered"]) == tracks
    assert entered > 0 and Decimal(asylum["applications"]) not in (first + family + entered, first + entered)
    # Procedures are not applications: withdrawals and objections stay out of applications received.
    regular = metrics_per_domain["regular_residence"]
    assert Decimal(regular["applications"]) == printed(
        warehouse, latest_year, "domain_code = 'regular_residence' and count_kind = 'applications'"
    )
    assert Decimal(regular["procedures_started"]) == printed(
        warehouse, latest_year, "count_kind in ('withdrawal_procedures_started', 'objections_lodged')"
    )


def test_track_decisions_and_cases_pending_add_up(warehouse, latest_year, metrics_per_domain):
    asylum = metrics_per_domain["asylum"]

    assert Decimal(asylum["decisions"]) == printed(
        warehouse, latest_year, "domain_code = 'asylum' and indicator_code = 'decisions'"
    )
    assert Decimal(asylum["cases_pending"]) == printed(
        warehouse, latest_year, "domain_code = 'asylum' and indicator_code = 'cases_pending'"
    )


def test_nareis_and_article_8_minors_are_separate_tables(warehouse, metrics_per_domain, latest_year):
    unchecked = warehouse.execute(
        """
        select distinct figures.edition_year, figures.reference_year
        from marts.fct_figures as figures
        where figures.product_code = 'asylum_family_reunification_art8_minors' and figures.indicator_code = 'grant_rate'
            and not exists (
                select 1 from marts.fct_consistency_checks as checks
                where checks.check_code = 'nareis_excludes_art8_minors'
                    and checks.edition_year = figures.edition_year and checks.reference_year = figures.reference_year
            )
        """
    ).fetchall()
    assert unchecked == [], "every edition and year printing both tables has the inference recomputed"
    # Added once each: the asylum decisions hold nareis and 8 EVRM side by side, never one inside the other twice.
    both = printed(
        warehouse,
        latest_year,
        "product_code in ('asylum_family_reunification', 'asylum_family_reunification_art8_minors') "
        "and indicator_code = 'decisions'",
    )
    tracks = printed(
        warehouse, latest_year, "count_kind = 'first_instance_decisions' and product_code like 'asylum_track_%'"
    )
    assert Decimal(metrics_per_domain["asylum"]["decisions"]) == both + tracks


def test_decisions_carry_their_stage_and_first_instance_decisions_compare_with_applications(
    warehouse, latest_year, metrics_per_domain, tmp_path
):
    per_stage = mf_query(
        [
            "--metrics",
            "decisions",
            "--group-by",
            "product_year__decision_stage",
            "--where",
            f"{{{{ TimeDimension('metric_time', 'year') }}}} = '{latest_year}-01-01'",
        ],
        tmp_path / "per_stage.csv",
    )
    # Products that print no decisions (first asylum applications) have no stage and no decisions.
    assert all(not row["decisions"] for row in per_stage if not row["product_year__decision_stage"])
    stages = {
        row["product_year__decision_stage"]: Decimal(row["decisions"])
        for row in per_stage
        if row["product_year__decision_stage"]
    }
    assert set(stages) == {"first_instance_decisions", "objection_decisions", "withdrawal_decisions"}
    for stage, decisions in stages.items():
        assert decisions == printed(warehouse, latest_year, f"count_kind = '{stage}'"), stage
    assert (
        sum(Decimal(row["first_instance_decisions"] or 0) for row in metrics_per_domain.values())
        == stages["first_instance_decisions"]
    )
    # Derived measures compare intake with decisions of one product, so of matching kinds only.
    pairs = set(
        warehouse.execute(
            """
            select intake.count_kind, decisions.count_kind
            from marts.fct_derived_measures as derived
            join marts.fct_volumes as intake on intake.figure_id = derived.input_figure_ids[1]
            join marts.fct_volumes as decisions on decisions.figure_id = derived.input_figure_ids[2]
            where derived.indicator_code in ('intake_minus_decisions', 'applications_per_decision')
            """
        ).fetchall()
    )
    assert pairs <= {
        ("applications", "first_instance_decisions"),
        ("track_intake", "first_instance_decisions"),
        ("withdrawal_procedures_started", "withdrawal_decisions"),
        ("objections_lodged", "objection_decisions"),
    }


def test_penalty_payments_are_never_divided_per_notice():
    queries = [
        *(REPOSITORY / "models").rglob("*.sql"),
        *(REPOSITORY / "analyses").rglob("*.sql"),
        *(REPOSITORY / "python" / "src").rglob("*.py"),
        *(REPOSITORY / "models").rglob("*.yml"),
    ]
    # A division is an operator between spaces or names: amount_eur / notices, penalty_payments_eur/volume.
    dividing = re.compile(r"amount_eur\s*/|penalty_payments\w*\s*/|\s/\s*\w*notices", re.IGNORECASE)
    offenders = [
        str(path.relative_to(REPOSITORY)) for path in queries if dividing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_administrative_penalty_maximum_is_never_given_for_asylum():
    # The €1.442 cap holds for non-asylum notices only: wherever users read it, that is said beside it.
    texts = [
        *(REPOSITORY / "seeds" / "reference").glob("*.csv"),
        *(REPOSITORY / "analyses").rglob("*.sql"),
        *(REPOSITORY / "models").rglob("*.yml"),
        REPOSITORY / "docs" / "ind-terms.md",
    ]
    unqualified = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        for passage in re.split(r"\n(?!--)", text) if path.suffix == ".sql" else text.splitlines():
            if re.search(r"1[.,]442", passage) and "non-asylum" not in passage.lower():
                unqualified.append(f"{path.relative_to(REPOSITORY)}: {passage[:80]}")
    assert unqualified == []


def test_the_only_sum_with_persons_entered_is_the_total_influx(warehouse):
    # The allowed sum: first + repeat applications + family members who entered = total asylum influx,
    # exactly what check influx_total_equals_parts recomputes from the parts printed beside each total.
    checks = warehouse.execute(
        """
        select checks.check_id, checks.expected_value,
            list(distinct figures.indicator_code order by figures.indicator_code) as indicators
        from marts.fct_consistency_checks as checks
        cross join unnest(checks.input_figure_ids) as ids (figure_id)
        inner join marts.fct_figures as figures on figures.figure_id = ids.figure_id
        where checks.check_code = 'influx_total_equals_parts'
        group by checks.check_id, checks.expected_value
        """
    ).fetchall()
    assert checks
    for check_id, expected, indicators in checks:
        assert indicators == [
            "family_members_entered", "first_asylum_applications", "repeat_asylum_applications", "total_asylum_influx",
        ], check_id  # fmt: skip
        values = warehouse.execute(
            """
            select figures.indicator_code, max(figures.value)
            from marts.fct_consistency_checks as checks
            cross join unnest(checks.input_figure_ids) as ids (figure_id)
            inner join marts.fct_figures as figures on figures.figure_id = ids.figure_id
            where checks.check_id = ? and figures.indicator_code <> 'total_asylum_influx'
            group by figures.indicator_code
            """,
            [check_id],
        ).fetchall()
        assert expected == sum(value for _, value in values), check_id
    # The family members in the influx are nareizigers only: no Article 8 ECHR arrivals.
    entered_products = warehouse.execute(
        "select distinct product_code from marts.fct_asylum_influx_monthly"
        " where indicator_code = 'family_members_entered'"
    ).fetchall()
    assert entered_products == [("asylum_family_reunification",)]


def test_the_deprecated_code_requests_received_no_longer_matches_complaints(warehouse):
    # An old code keeps working only where its meaning was right: requests_received is the Caribbean requests.
    for mart in ("fct_volumes", "fct_figures"):
        matched = warehouse.execute(
            f"select distinct product_code, indicator_code from marts.{mart} where metric_code = 'requests_received'"
        ).fetchall()
        assert matched == [("caribbean_netherlands", "requests_received")], mart
    assert warehouse.execute(
        "select count(*) from marts.dim_metric where metric_code = 'requests_received'"
    ).fetchone() == (1,)
