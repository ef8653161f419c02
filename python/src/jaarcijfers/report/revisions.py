"""Revisions between editions: shown once a second edition is loaded."""

from __future__ import annotations

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, finish
from jaarcijfers.report.page import Section, terms_table
from jaarcijfers.report.reporting import Reporting


def sections(reporting: Reporting) -> list[Section]:
    editions = reporting.rows("rpt_editions", order_by=("edition_year",))
    if len(editions) < 2:
        return []
    rows = reporting.rows(
        "rpt_revisions",
        order_by=("bar_label", "product_code", "indicator_code", "reference_year", "later_edition_year"),
    )
    edition_list = ", ".join(str(edition["edition_year"]) for edition in editions)
    section = Section(
        "revisions",
        "Revisions between editions · Bijstellingen",
        f"<p>Editions loaded: {edition_list}. Figures a later edition restated: {len(rows)}.</p>",
    )
    if rows:
        section.intro += terms_table(
            ("Figure", "Dutch", "Editions", "As printed"),
            [
                (
                    row["bar_label"],
                    row["bar_label_nl"],
                    f"{row['earlier_edition_year']} → {row['later_edition_year']}",
                    row["values_printed"],
                )
                for row in rows
            ],
        )
        section.charts.append(revision_bars(rows))
    return [section]


def revision_bars(rows: list[dict]) -> alt.TopLevelMixin:
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("bar_label:N", title=None, sort=alt.SortField("bar_label")),
            x=alt.X(
                "relative_difference:Q",
                title="Later edition's value against the earlier edition's (%)",
                axis=alt.Axis(format="+.1%"),
            ),
            color=alt.Color(
                "direction:N",
                title=None,
                scale=alt.Scale(domain=["Revised up", "Revised down"], range=["#e6550d", "#3182bd"]),
            ),
            tooltip=[
                alt.Tooltip("bar_label:N", title="Figure"),
                alt.Tooltip("bar_label_nl:N", title="Dutch"),
                alt.Tooltip("earlier_edition_year:O", title="Earlier edition"),
                alt.Tooltip("later_edition_year:O", title="Later edition"),
                alt.Tooltip("values_printed:N", title="As printed"),
                alt.Tooltip("relative_difference:Q", title="Revision", format="+.1%"),
            ],
        )
        .properties(width=CHART_WIDTH - 360, height=alt.Step(24))
    )
    editions = [row[key] for row in rows for key in ("earlier_edition_year", "later_edition_year")]
    return finish(chart, "Figures restated by a later edition: change against the earlier edition (%)", rows, editions)
