"""The IND's monthly asylum-influx releases: each indicator per month, its revisions, the top
countries of origin, and the yearly series both sources print.

A month no release printed has no bar: the releases cover some months only, and nothing is
interpolated between them.
"""

from __future__ import annotations

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, finish, label_lines, wrapped_label, year_axis_x
from jaarcijfers.report.page import Section
from jaarcijfers.report.reporting import Reporting

MONTH_AXIS = alt.Axis(format="%Y", tickCount="year", labelAngle=0)
ROW_HEADER_WIDTH = 200
# The value axis of the yearly series of each unit (dim_indicator.unit), counts first.
VALUE_AXES = {
    "count": alt.Axis(title="Number", format=",.0f"),
    "ratio": alt.Axis(title="Share (%)", format=".1~%"),
    "fte": alt.Axis(title="Staff (FTE)", format=",.0f"),
    "eur": alt.Axis(title="Euros", format=",.0f"),
}


def sections(reporting: Reporting) -> list[Section]:
    months = reporting.rows("rpt_asylum_influx_monthly", order_by=("indicator_code", "month_start", "influx_id"))
    if not months:
        return []
    revised = sum(1 for row in months if row["is_revised"])
    intro = (
        "<p>The IND's own monthly releases on the asylum influx (first and repeated asylum applications, "
        "family members who came, unaccompanied minors, and their total), as transcribed from ind.nl. "
        f"{len(months)} month figures; {revised} of them were revised by a later release. A month no release "
        "printed has no bar: it is missing, not zero. A release repeats the month before, revised for late "
        "registrations: the bar is the latest value, the black tick the value as first published.</p>"
    )
    charts = [monthly_bars(months)]
    countries = reporting.rows(
        "rpt_asylum_influx_top_countries",
        where={"indicator_code": "first_asylum_applications"},
        order_by=("month_start", "country_rank", "country_code"),
    )
    if countries:
        charts.append(top_countries(countries))
    series = reporting.rows(
        "rpt_annual_series",
        where={"is_printed_by_both_sources": True},
        order_by=("indicator_code", "product_code", "reference_year", "source_code", "figure_id"),
    )
    if series:
        charts.append(annual_series(series))
    return [Section("asylum-influx", "Monthly asylum influx · Asielinstroom per maand", intro, charts)]


def monthly_bars(rows: list[dict]) -> alt.TopLevelMixin:
    # Padded, so that the first and the last month's bar stand inside the axis.
    base = alt.Chart().encode(
        x=alt.X("yearmonth(month_start):T", title="Month", axis=MONTH_AXIS, scale=alt.Scale(padding=6))
    )
    bars = base.mark_bar(width=3).encode(
        y=alt.Y("latest_value:Q", title="Number (latest release)"),
        tooltip=[
            alt.Tooltip("indicator_name_en:N", title="Indicator"),
            alt.Tooltip("period_code:N", title="Month"),
            alt.Tooltip("latest_value_printed:N", title="Latest, as printed"),
            alt.Tooltip("latest_published_printed:N", title="Latest release"),
            alt.Tooltip("first_value_printed:N", title="First, as printed"),
            alt.Tooltip("first_published_printed:N", title="First release"),
            alt.Tooltip("release_count:Q", title="Releases printing it"),
        ],
    )
    # A tick for every month, shown where the month was revised: a panel of no revised month
    # still has values for its scale.
    first_published = base.mark_tick(color="black", thickness=2, size=8).encode(
        y=alt.Y("first_value:Q"),
        opacity=alt.condition("datum.is_revised", alt.value(1), alt.value(0)),
    )
    chart = (
        alt.layer(bars, first_published, data=alt.Data(values=rows))
        .properties(width=CHART_WIDTH - 160, height=110)
        .facet(
            row=alt.Row(
                "indicator_name_en:N",
                title=None,
                header=alt.Header(labelAngle=0, labelAlign="left", labelExpr=wrapped_label(ROW_HEADER_WIDTH)),
            )
        )
        .resolve_scale(y="independent")
    )
    return finish(
        chart, "Asylum influx per month, all countries: latest value, and first published where revised", rows
    )


def top_countries(rows: list[dict]) -> alt.TopLevelMixin:
    chart = (
        alt.Chart(alt.Data(values=rows))
        .transform_calculate(
            share_of_all_countries_shown="isValid(datum.share_of_all_countries) "
            "? format(datum.share_of_all_countries, '.0%') : 'no figure for all countries printed'"
        )
        .mark_rect()
        .encode(
            x=alt.X("yearmonth(month_start):T", title="Month", axis=MONTH_AXIS),
            y=alt.Y(
                "country_name_en:N",
                title=None,
                sort=alt.EncodingSortField("latest_value", op="sum", order="descending"),
            ),
            color=alt.Color("latest_value:Q", title="First asylum applications", scale=alt.Scale(scheme="blues")),
            tooltip=[
                alt.Tooltip("country_name_en:N", title="Country of origin"),
                alt.Tooltip("period_code:N", title="Month"),
                alt.Tooltip("latest_value_printed:N", title="As printed"),
                alt.Tooltip("country_rank:Q", title="Rank in the month"),
                alt.Tooltip("share_of_all_countries_shown:N", title="Share of all countries"),
            ],
        )
        .properties(width=CHART_WIDTH - 200, height=alt.Step(16))
    )
    return finish(
        chart,
        "First asylum applications per month by country of origin, "
        "for the countries a release named (its top countries)",
        rows,
    )


def annual_series(rows: list[dict]) -> alt.TopLevelMixin:
    """A panel per series; the series of each unit together, on value axes of that unit."""
    units = [unit for unit in VALUE_AXES if any(row["unit"] == unit for row in rows)]
    units += sorted({row["unit"] for row in rows} - set(units))
    chart = alt.vconcat(
        *(
            unit_panels(
                [row for row in rows if row["unit"] == unit], VALUE_AXES.get(unit, alt.Axis(title=unit, format=","))
            )
            for unit in units
        )
    )
    return finish(
        chart,
        "Yearly figures both sources print, point by point: the Jaarcijfers editions and the IND's news items",
        rows,
    )


def unit_panels(rows: list[dict], value_axis: alt.Axis) -> alt.FacetChart:
    panel_width = 220
    header_lines = max(len(label_lines(row["series_label"], panel_width)) for row in rows)
    return (
        alt.Chart(alt.Data(values=rows))
        .mark_point(filled=True, size=70)
        .encode(
            x=year_axis_x(),
            y=alt.Y("value:Q", axis=value_axis, scale=alt.Scale(zero=False)),
            color=alt.Color("source_code:N", title="Source", scale=alt.Scale(domain=["jaarcijfers", "ind_news"])),
            shape=alt.Shape("source_code:N", title="Source", scale=alt.Scale(domain=["jaarcijfers", "ind_news"])),
            tooltip=[
                alt.Tooltip("series_label:N", title="Series"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip("value_printed:N", title="As printed"),
                alt.Tooltip("source_label:N", title="Source"),
                alt.Tooltip("definition:N", title="Definition"),
            ],
        )
        .properties(width=panel_width, height=120)
        .facet(
            facet=alt.Facet(
                "series_label:N",
                title=None,
                header=alt.Header(labelExpr=wrapped_label(panel_width, lines=header_lines)),
            ),
            columns=3,
        )
        .resolve_scale(y="independent")
    )
