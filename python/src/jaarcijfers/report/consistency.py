"""Whether the publication adds up: every consistency check per edition, and what does not."""

from __future__ import annotations

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, finish
from jaarcijfers.report.page import Section, terms_table
from jaarcijfers.report.reporting import Reporting

# Each outcome shown, and the column of rpt_consistency_summary that counts it.
OUTCOMES = {
    "Holds": "checks_exact",
    "Holds within rounding": "checks_within_tolerance",
    "Does not hold": "checks_failing",
}


def sections(reporting: Reporting) -> list[Section]:
    summary = reporting.rows("rpt_consistency_summary", order_by=("edition_year", "check_code", "source_code"))
    if not summary:
        return []
    discrepancies = reporting.rows(
        "rpt_consistency_discrepancies", order_by=("edition_year", "check_name_en", "subject", "check_id")
    )
    failing = sum(row["checks_failing"] for row in summary)
    evaluated = sum(row["checks_evaluated"] for row in summary)
    intro = (
        f"<p>Checks of whether the publication adds up: {evaluated} evaluated, {failing} that do not hold. "
        "A check that does not hold is a finding about the publication, not an error of the warehouse: "
        "the figures are loaded as printed (marts.fct_consistency_checks).</p>"
    )
    if discrepancies:
        intro += terms_table(
            ("Edition", "Check", "What", "Expected", "Printed", "Gap", "Tolerance"),
            [
                (
                    row["edition_label"],
                    row["check_name_en"],
                    row["subject"],
                    _number(row["expected_value"]),
                    _number(row["printed_value"]),
                    f"{row['gap']:+,g} {row['unit']}",
                    _number(row["tolerance"]),
                )
                for row in discrepancies
            ],
        )
    intro += terms_table(
        ("Check", "Rule", "Tolerance"),
        [
            (row["check_name_en"], row["check_rule"], row["tolerance_reason"] or "none")
            for row in _one_per_check(summary)
        ],
        summary="The checks, their rules and tolerances",
    )
    return [Section("consistency", "Does the publication add up? · Samenhang", intro, [outcome_bars(summary)])]


def outcome_bars(summary: list[dict]) -> alt.TopLevelMixin:
    """One stacked bar per check and edition; the outcomes are folded from the summary's columns."""
    chart = (
        alt.Chart(alt.Data(values=summary))
        .transform_fold(list(OUTCOMES.values()), as_=["outcome_column", "checks"])
        .transform_calculate(
            outcome=" : ".join(f"datum.outcome_column == '{column}' ? '{name}'" for name, column in OUTCOMES.items())
            + " : ''",
        )
        .transform_filter("datum.checks > 0")
        .mark_bar()
        .encode(
            y=alt.Y("check_label:N", title=None, sort=alt.SortField("check_label")),
            x=alt.X("checks:Q", title="Checks evaluated", stack="zero"),
            color=alt.Color(
                "outcome:N",
                title=None,
                scale=alt.Scale(domain=list(OUTCOMES), range=["#2ca02c", "#9ecae1", "#d62728"]),
            ),
            tooltip=[
                alt.Tooltip("check_label:N", title="Check"),
                alt.Tooltip("outcome:N", title="Outcome"),
                alt.Tooltip("checks:Q", title="Checks"),
                alt.Tooltip("largest_gap:Q", title="Largest gap", format=",g"),
                alt.Tooltip("unit:N", title="Unit"),
            ],
        )
        .properties(width=CHART_WIDTH - 400, height=alt.Step(22))
    )
    return finish(chart, "Consistency checks per edition: holding, holding within rounding, or not holding", summary)


def _one_per_check(summary: list[dict]) -> list[dict]:
    return list({row["check_code"]: row for row in summary}.values())


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:,g}"
