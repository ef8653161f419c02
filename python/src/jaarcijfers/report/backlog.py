"""Backlog dynamics: cases pending against decisions, intake minus decisions, months of stock."""

from __future__ import annotations

import html

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, finish, grouped_bars
from jaarcijfers.report.page import Section
from jaarcijfers.report.reporting import Reporting

BY_LABEL_AND_YEAR = ("bar_label", "product_code", "reference_year")


def sections(reporting: Reporting) -> list[Section]:
    growth = reporting.rows("rpt_backlog_growth", order_by=("product_name_en", "product_code"))
    if not growth:
        return []
    outgrowing = reporting.rows(
        "rpt_backlog_growth",
        where={"pending_outgrows_decisions": True},
        order_by=("pending_change desc", "product_code"),
    )
    first, latest = growth[0]["first_year"], growth[0]["latest_year"]
    listed = ", ".join(html.escape(row["product_name_en"]) for row in outgrowing) or "none"
    intro = (
        f"<p>From {first} to {latest}, cases pending grew faster than decisions in "
        f"{len(outgrowing)} of {len(growth)} procedures: {listed}.</p>"
    )
    charts = [
        growth_scatter(growth),
        intake_minus_decisions(reporting.rows("rpt_intake_minus_decisions", order_by=BY_LABEL_AND_YEAR)),
        months_of_stock(reporting.rows("rpt_months_of_stock", order_by=BY_LABEL_AND_YEAR)),
    ]
    return [Section("backlog", "Backlog dynamics · Voorraad en beslissingen", intro, charts)]


def growth_scatter(rows: list[dict]) -> alt.TopLevelMixin:
    """Change in cases pending against change in decisions; the dashed diagonal is equal growth."""
    first, latest = rows[0]["first_year"], rows[0]["latest_year"]
    data = alt.Data(values=rows)
    base = alt.Chart(data).encode(
        x=alt.X("decisions_change:Q", title=f"Change in decisions {first}–{latest} (%)", axis=alt.Axis(format="%")),
        y=alt.Y("pending_change:Q", title=f"Change in cases pending {first}–{latest} (%)", axis=alt.Axis(format="%")),
    )
    # The diagonal runs from the smallest to the largest change plotted, on either axis.
    diagonal = (
        alt.Chart(data)
        .transform_fold(["decisions_change", "pending_change"], as_=["measure", "change"])
        .transform_aggregate(smallest="min(change)", largest="max(change)")
        .transform_fold(["smallest", "largest"], as_=["end", "change"])
        .mark_line(strokeDash=[6, 4], color="#888888")
        .encode(x="change:Q", y="change:Q")
    )
    points = base.mark_circle(size=90, opacity=0.85).encode(
        color=alt.Color(
            "pending_outgrows_decisions:N",
            title=None,
            scale=alt.Scale(domain=[True, False], range=["#d62728", "#2ca02c"]),
            legend=alt.Legend(labelExpr="datum.value ? 'Pending grew faster than decisions' : 'Decisions kept pace'"),
        ),
        tooltip=[
            alt.Tooltip("product_name_en:N", title="Procedure"),
            alt.Tooltip("product_name_nl:N", title="Dutch"),
            alt.Tooltip("decisions_change:Q", title="Decisions", format="+.0%"),
            alt.Tooltip("pending_change:Q", title="Cases pending", format="+.0%"),
            alt.Tooltip("pending_first:Q", title=f"Pending {first}", format=","),
            alt.Tooltip("pending_latest:Q", title=f"Pending {latest}", format=","),
        ],
    )
    labels = (
        base.transform_filter("datum.pending_outgrows_decisions")
        .mark_text(align="left", dx=8, fontSize=11)
        .encode(text="product_name_en:N")
    )
    chart = (diagonal + points + labels).properties(width=CHART_WIDTH - 160, height=380)
    return finish(
        chart,
        f"Cases pending against decisions, change {first}–{latest}: above the dashed line the backlog grew faster",
        rows,
    )


def intake_minus_decisions(rows: list[dict]) -> alt.TopLevelMixin:
    return grouped_bars(
        rows,
        value="value",
        axis_title="Intake (applications or procedures started) minus decisions (number)",
        title="Intake minus decisions, per procedure and year: above zero the backlog grows",
        text="derivation",
        text_title="Derived as",
    )


def months_of_stock(rows: list[dict]) -> alt.TopLevelMixin:
    return grouped_bars(
        rows,
        value="months_of_stock",
        axis_title="Cases pending at year end, in months of that year's decisions",
        title="How many months of decisions the year-end backlog holds, per procedure",
        text="inputs_printed",
    )
