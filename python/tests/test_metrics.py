"""The semantic layer's metrics, asked with `mf query` as the README shows, against SQL on the marts.

Reads the published warehouse and target/semantic_manifest.json, both written by `make build`.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_DIR

WAREHOUSE = PROJECT_DIR / "warehouse" / "ind.duckdb"
SEMANTIC_MANIFEST = PROJECT_DIR / "target" / "semantic_manifest.json"

ASYLUM_GRANT_RATE_PER_YEAR_IN_SQL = """
    select
        grants.reference_year,
        sum(grants.value) / sum(decisions.volume) as grant_rate,
        avg(printed_rates.rate) as mean_of_printed_rates
    from marts.fct_derived_measures as grants
    inner join marts.fct_volumes as decisions
        on grants.product_code = decisions.product_code
        and grants.reference_year = decisions.reference_year
        and decisions.indicator_code = 'decisions'
    inner join marts.fct_legal_outcomes as printed_rates
        on grants.product_code = printed_rates.product_code
        and grants.reference_year = printed_rates.reference_year
        and printed_rates.indicator_code = 'grant_rate'
    inner join marts.dim_product as products
        on grants.product_code = products.product_code
    where grants.indicator_code = 'estimated_grants'
        and products.domain_code = 'asylum'
    group by grants.reference_year
    order by grants.reference_year
"""


def mf_query(arguments: list[str], csv_path: Path) -> list[dict[str, str]]:
    """`jaarcijfers mf query`, as the README asks: mf on the published warehouse, read-only."""
    result = subprocess.run(
        [
            str(Path(sys.executable).parent / "jaarcijfers"),
            "--project-dir",
            str(PROJECT_DIR),
            "mf",
            "query",
            *arguments,
            "--csv",
            str(csv_path),
            "--quiet",
        ],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    with csv_path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_grant_rate_of_the_asylum_domain_is_estimated_grants_over_decisions_per_year(tmp_path):
    assert WAREHOUSE.exists() and SEMANTIC_MANIFEST.exists(), "run `make build` first"
    with duckdb.connect(str(WAREHOUSE), read_only=True) as warehouse:
        expected = warehouse.sql(ASYLUM_GRANT_RATE_PER_YEAR_IN_SQL).fetchall()
        latest_edition_year = warehouse.execute(
            "select max(edition_year) from marts.dim_publication where source_type = 'annual figures publication'"
        ).fetchone()[0]
    assert expected[-1][0] == latest_edition_year, "the latest edition's year has an asylum grant rate"
    # Weighting must matter in these figures, or the comparison could not catch an average of rates.
    assert all(abs(weighted - float(mean)) > 0.01 for _, weighted, mean in expected)

    rows = mf_query(
        [
            "--metrics",
            "grant_rate",
            "--group-by",
            "product__domain,metric_time__year",
            "--where",
            "{{ Dimension('product__domain') }} = 'asylum'",
            "--order",
            "metric_time__year",
        ],
        tmp_path / "grant_rate.csv",
    )

    assert [(row["metric_time__year"][:4], row["product__domain"]) for row in rows] == [
        (str(year), "asylum") for year, _, _ in expected
    ]
    for row, (year, weighted, _) in zip(rows, expected, strict=True):
        assert float(row["grant_rate"]) == pytest.approx(weighted, rel=1e-12), year


def test_decisions_per_fte_divides_one_years_decisions_by_that_years_staff(tmp_path):
    with duckdb.connect(str(WAREHOUSE), read_only=True) as warehouse:
        per_year = warehouse.execute(
            "select reference_year, decisions_all_stages / total_staff_fte from marts.fct_staffing "
            "where decisions_all_stages is not null order by reference_year"
        ).fetchall()

    by_year = mf_query(
        ["--metrics", "decisions_per_fte", "--group-by", "metric_time__year", "--order", "metric_time__year"],
        tmp_path / "by_year.csv",
    )
    overall = mf_query(["--metrics", "decisions_per_fte"], tmp_path / "overall.csv")

    assert [int(row["metric_time__year"][:4]) for row in by_year] == [year for year, _ in per_year]
    assert [float(row["decisions_per_fte"]) for row in by_year] == pytest.approx(
        [float(ratio) for _, ratio in per_year]
    )
    # Without a year: the latest year's decisions over the latest year's staff, never all years' decisions.
    assert float(overall[0]["decisions_per_fte"]) == pytest.approx(float(per_year[-1][1]))


def test_monthly_asylum_influx_metrics_are_the_latest_and_first_published_values_per_month(tmp_path):
    assert WAREHOUSE.exists() and SEMANTIC_MANIFEST.exists(), "run `make build` first"
    with duckdb.connect(str(WAREHOUSE), read_only=True) as warehouse:
        expected = warehouse.execute(
            """
            select strftime(month_start, '%Y-%m'), latest_value, first_value
            from marts.fct_asylum_influx_monthly
            where indicator_code = 'total_asylum_influx' and country_scope = 'all' and reference_year = 2022
            order by month_start
            """
        ).fetchall()

    rows = mf_query(
        [
            "--metrics",
            "monthly_total_asylum_influx,monthly_total_asylum_influx_first_published",
            "--group-by",
            "metric_time__month",
            "--where",
            "{{ TimeDimension('metric_time', 'year') }} = '2022-01-01'",
            "--order",
            "metric_time__month",
        ],
        tmp_path / "influx.csv",
    )

    assert [
        (
            row["metric_time__month"][:7],
            float(row["monthly_total_asylum_influx"]),
            float(row["monthly_total_asylum_influx_first_published"]),
        )
        for row in rows
    ] == [(month, float(latest), float(first)) for month, latest, first in expected]
    assert ("2022-11", 4584.0, 4484.0) in [(month, float(latest), float(first)) for month, latest, first in expected]


def test_first_asylum_per_quarter_is_one_metric_per_publisher_concept_never_added(tmp_path):
    """mf answers first asylum requests per quarter per publisher-concept (CBS persons, the IND's
    applications summed from its months): each metric is exactly that rule's quarters in
    marts.fct_concept_series, and no metric adds two publishers or two concepts."""
    assert WAREHOUSE.exists() and SEMANTIC_MANIFEST.exists(), "run `make build` first"
    metrics = {
        "first_asylum_requests_cbs": "first_asylum__cbs",
        "first_asylum_applications_ind_news": "first_asylum__ind_news",
    }
    with duckdb.connect(str(WAREHOUSE), read_only=True) as warehouse:
        expected = {
            metric: {
                quarter.isoformat(): float(value)
                for quarter, value in warehouse.execute(
                    "select period_start, value from marts.fct_concept_series where rule_code = ? "
                    "and period_grain = 'quarter' and is_default and is_all_nationalities",
                    [rule],
                ).fetchall()
            }
            for metric, rule in metrics.items()
        }
    rows = mf_query(
        ["--metrics", ",".join(metrics), "--group-by", "metric_time__quarter", "--order", "metric_time__quarter"],
        tmp_path / "quarters.csv",
    )
    for metric in metrics:
        answered = {row["metric_time__quarter"][:10]: float(row[metric]) for row in rows if row[metric]}
        assert expected[metric] and answered == expected[metric], metric
    manifest = SEMANTIC_MANIFEST.read_text(encoding="utf-8")
    for metric in (
        "first_asylum_requests_cbs",
        "first_asylum_applications_ind_news",
        "family_members_arrived_cbs",
        "family_members_arrived_ind_news",
    ):
        assert f'"name": "{metric}"' in manifest or f'"name":"{metric}"' in manifest
