"""Overview: a card per indicator of seeds/reference/overview_indicators.csv, and each procedure's change."""

from __future__ import annotations

import html

import altair as alt

from jaarcijfers.report.charts import LABEL_LINE_HEIGHT, finish, label_lines, source_line, wrapped_label
from jaarcijfers.report.page import Section
from jaarcijfers.report.reporting import Reporting


def sections(reporting: Reporting) -> list[Section]:
    cards = reporting.rows("rpt_overview_cards", order_by=("card_position",))
    changes = reporting.rows(
        "rpt_overview_changes", order_by=("product_name_en", "product_code", "indicator_label", "indicator_code")
    )
    if not cards:
        return []
    latest, previous = cards[0]["latest_year"], cards[0]["previous_year"]
    intro = (
        f"<p>Headline figures for {latest}, with the change against {previous}. Counts add up "
        "the procedures that print the figure in both years; a procedure's figures are in its "
        "domain's section below.</p>"
        f'<div class="cards">{"".join(card(row) for row in cards)}</div>'
    )
    charts = [change_heatmap(changes)] if changes else []
    return [Section("overview", f"Overview {latest}", intro, charts)]


def amount(value: float, unit: str) -> str:
    if unit == "eur":
        return f"€ {value / 1e6:,.1f} million"
    return f"{value:,.0f}" + (" FTE" if unit == "fte" else "")


def card(row: dict) -> str:
    change = row["relative_change"]
    if change is None:
        versus = f"no figure for {row['previous_year']}"
    else:
        arrow = "▲" if change > 0 else "▼" if change < 0 else "="
        versus = f"{arrow} {change:+.1%} vs {row['previous_year']} ({amount(row['previous_value'], row['unit'])})"
    scope = f"{row['product_count']} procedures" if row["is_derived"] else ""
    source = source_line([row["earliest_edition_year"], row["edition_year"]])
    name_nl = html.escape(row["indicator_name_nl"])
    return (
        '<div class="card">'
        f'<div class="card-value">{html.escape(amount(row["latest_value"], row["unit"]))}</div>'
        f'<div class="card-label">{html.escape(row["indicator_name_en"])} '
        f'<span class="nl" title="{name_nl}">{name_nl}</span></div>'
        f'<div class="card-change">{html.escape(versus)}</div>'
        f'<div class="card-scope">{html.escape(scope)}</div>'
        f'<div class="card-scope">{html.escape(source)}</div>'
        "</div>"
    )


CELL_WIDTH = 150
LABEL_WIDTH = CELL_WIDTH - 24


def change_heatmap(rows: list[dict]) -> alt.TopLevelMixin:
    previous, latest = rows[0]["previous_year"], rows[0]["latest_year"]
    # A column's label grows down from its first line: the axis stands off by the lines below it.
    lines = max(len(label_lines(row["indicator_label"], LABEL_WIDTH, breaks=" · ")) for row in rows)
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("product_name_en:N", title=None, sort=alt.EncodingSortField("domain_name_en")),
        x=alt.X(
            "indicator_label:N",
            title=None,
            axis=alt.Axis(
                orient="top",
                labelAngle=0,
                labelPadding=4 + LABEL_LINE_HEIGHT * (lines - 1),
                labelExpr=wrapped_label(LABEL_WIDTH, breaks=" · "),
                labelFontWeight="bold",
            ),
        ),
    )
    cells = base.mark_rect().encode(
        color=alt.Color(
            "relative_change:Q",
            title=f"Change {previous}–{latest}",
            scale=alt.Scale(scheme="blueorange", domain=[-1, 1], domainMid=0, clamp=True),
            legend=alt.Legend(format="+.0%", orient="right", gradientLength=180),
        ),
        tooltip=[
            alt.Tooltip("product_name_en:N", title="Procedure"),
            alt.Tooltip("product_name_nl:N", title="Dutch"),
            alt.Tooltip("indicator_label:N", title="Figure"),
            alt.Tooltip("previous_value:Q", title=str(previous), format=","),
            alt.Tooltip("latest_value:Q", title=str(latest), format=","),
            alt.Tooltip("relative_change:Q", title="Change", format="+.1%"),
        ],
    )
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text("relative_change:Q", format="+.0%"),
        color=alt.condition("abs(datum.relative_change) > 0.6", alt.value("white"), alt.value("black")),
    )
    chart = (cells + labels).properties(width=alt.Step(CELL_WIDTH), height=alt.Step(20))
    return finish(chart, f"Change from {previous} to {latest}, per procedure and figure (%)", rows)
