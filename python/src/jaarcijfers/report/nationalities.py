"""Top-3 nationalities: the ranked nationalities per procedure as a grid."""

from __future__ import annotations

import altair as alt

from jaarcijfers.report.charts import finish
from jaarcijfers.report.page import Section
from jaarcijfers.report.reporting import Reporting


def sections(reporting: Reporting) -> list[Section]:
    rows = reporting.rows(
        "rpt_top_nationalities", order_by=("list_label", "product_code", "nationality_rank", "nationality_code")
    )
    if not rows:
        return []
    return [
        Section(
            "nationalities",
            "Top-3 nationalities · Top 3 nationaliteiten",
            "<p>The three nationalities with the most applications, per procedure that prints a list. "
            "The publication gives ranks, not numbers.</p>",
            [rank_grid(rows)],
        )
    ]


def rank_grid(rows: list[dict]) -> alt.TopLevelMixin:
    """A cell per procedure and nationality, so that a nationality leading several procedures stands out."""
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y("list_label:N", title=None, sort=alt.EncodingSortField("domain_code")),
        x=alt.X(
            "nationality_label:N",
            title="Nationality (Dutch as printed)",
            sort=alt.EncodingSortField("nationality_rank", op="count", order="descending"),
            axis=alt.Axis(labelAngle=-40, orient="top", labelLimit=220),
        ),
    )
    cells = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "nationality_rank:O",
            title="Rank by applications",
            scale=alt.Scale(domain=[1, 2, 3], range=["#08519c", "#4292c6", "#9ecae1"]),
        ),
        tooltip=[
            alt.Tooltip("list_label:N", title="Procedure"),
            alt.Tooltip("list_label_nl:N", title="Dutch"),
            alt.Tooltip("nationality_label:N", title="Nationality"),
            alt.Tooltip("nationality_rank:O", title="Rank"),
        ],
    )
    ranks = base.mark_text(fontSize=12, fontWeight="bold").encode(
        text="nationality_rank:O",
        color=alt.condition("datum.nationality_rank < 3", alt.value("white"), alt.value("black")),
    )
    chart = (cells + ranks).properties(width=alt.Step(40), height=alt.Step(26))
    return finish(
        chart, "Top-3 nationalities by applications, per procedure and year of the applications (1 = most)", rows
    )
