"""One question, several publishers: first asylum applications or requests as the IND, CBS and
others print them, per year and per quarter on one chart (one line per publisher and
definition), and the gaps between them with the concept register's explanation."""

from __future__ import annotations

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, MUTED, source_line
from jaarcijfers.report.page import Section, terms_table
from jaarcijfers.report.reporting import Reporting

OTHER_SOURCES = (
    "; CBS (StatLine 80059NED and news releases); AIDA, ministers' answers to parliament, government news, "
    "IND Asylum Trends (as quoted); quarters the IND prints as months are their three months summed by this project"
)


def _source(rows: list[dict]) -> str:
    """The report's source line for the IND editions and news releases drawn, then the other publishers."""
    editions = {
        int(row["release_id"].removeprefix("jaarcijfers-"))
        for row in rows
        if row["release_id"] and row["release_id"].startswith("jaarcijfers-")
    }
    news = [None] if any(row["publisher_code"] == "ind_news" for row in rows) else []
    return source_line([*sorted(editions), *news]) + OTHER_SOURCES


def sections(reporting: Reporting) -> list[Section]:
    series = reporting.rows(
        "rpt_source_comparison_series", order_by=("period_grain", "series_label", "period_start", "series_row_id")
    )
    if not series:
        return []
    gaps = reporting.rows(
        "rpt_source_comparison_gaps", order_by=("concept_code", "reference_year", "comparison_kind", "comparison_id")
    )
    explained = sum(1 for row in gaps if row["is_within_explanation"])
    intro = (
        "<p>“How many asylum seekers came?” has several published answers. The IND counts first asylum "
        "<em>applications</em> (the Jaarcijfers round them to tens); CBS counts <em>persons</em> requesting "
        "asylum for the first time, rounded to 5; AIDA quotes the IND's Asylum Trends as persons; ministers "
        "answer parliament with rounded figures. They are not contradictions but definitions: the concept "
        "register (marts.dim_concept) says which series answer the same question and what difference to "
        "expect. Each line below is one publisher's series, labelled by its definition; the latest vintage of "
        "each period is drawn. Never add the lines: they count the same people.</p>"
        f"<p>The gaps table: {len(gaps)} comparisons of a year, {explained} within what the register "
        f"explains (the rounding of both printings or a stated scope difference), {len(gaps) - explained} not "
        "(consistency checks in marts.fct_consistency_checks).</p>"
    )
    section = Section(
        "one-question-several-publishers", "One question, several publishers · Eén vraag, meerdere bronnen", intro
    )
    section.charts.append(series_chart(series))
    if gaps:
        section.intro += terms_table(
            ("Concept", "Year", "Publisher", "Printed", "Against", "Printed", "Gap", "Gap %", "Explained", "Why"),
            [
                (
                    row["concept_label"],
                    row["period_code"],
                    row["publisher_a_label"],
                    row["value_printed_a"],
                    row["publisher_b_label"],
                    row["value_printed_b"],
                    f"{row['gap']:+,.0f}",
                    "" if row["gap_pct"] is None else f"{row['gap_pct']:+.2f}%",
                    "yes" if row["is_within_explanation"] else "no",
                    row["explanation"],
                )
                for row in gaps
            ],
            summary=f"The gaps table: {len(gaps)} comparisons, {len(gaps) - explained} not explained by the register",
        )
    return [section]


def series_chart(rows: list[dict]) -> alt.TopLevelMixin:
    lines = (
        alt.Chart()
        .mark_line(point=True)
        .encode(
            x=alt.X("period_start:T", title=None, axis=alt.Axis(format="%Y", tickCount="year", labelAngle=0)),
            y=alt.Y("value:Q", title="Number (applications or persons)", axis=alt.Axis(format=",.0f")),
            color=alt.Color("series_label:N", title="Publisher and definition", legend=alt.Legend(columns=1)),
            tooltip=[
                alt.Tooltip("series_label:N", title="Series"),
                alt.Tooltip("period_code:N", title="Period"),
                alt.Tooltip("value_printed:N", title="As printed"),
                alt.Tooltip("unit:N", title="Unit"),
                alt.Tooltip("release_id:N", title="Release"),
                alt.Tooltip("is_derived:N", title="Summed from months"),
            ],
        )
        .properties(width=CHART_WIDTH - 120, height=200)
    )
    chart = (
        alt.layer(lines, data=alt.Data(values=rows))
        .facet(row=alt.Row("panel_label:N", title=None, header=alt.Header(labelAngle=0, labelAlign="left")))
        .resolve_scale(y="independent")
    )
    return (
        chart.properties(
            title=alt.Title(
                "First asylum applications (IND) and requests (CBS, others), per year and per quarter, by publisher",
                subtitle=_source(rows),
                anchor="start",
                fontSize=15,
                subtitleColor=MUTED,
                subtitleFontSize=12,
            )
        )
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=480, labelSeparation=4)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=600, orient="bottom", columns=1)
        .configure_header(labelFontSize=12, titleFontSize=12, labelLimit=300)
        .configure_view(stroke=None)
    )
