"""What every chart of the report shares: its title and source line, its look, grouped bars."""

from __future__ import annotations

import re
from collections.abc import Iterable

import altair as alt

CHART_WIDTH = 760
MUTED = "#555555"
# Vega's height of a line of a 12px label of several lines.
LABEL_LINE_HEIGHT = 14


NEWS_SOURCE = "IND news releases on ind.nl"


def source_line(edition_years: Iterable[int | None]) -> str:
    """'Source: IND Jaarcijfers, edition 2024', naming every edition the figures come from; rows of
    the news releases (no edition) add the news releases to the line."""
    years = list(edition_years)
    editions = sorted({year for year in years if year is not None})
    news = f"; {NEWS_SOURCE}" if None in years else ""
    if not editions:
        return f"Source: {NEWS_SOURCE}"
    if len(editions) == 1:
        return f"Source: IND Jaarcijfers, edition {editions[0]}{news}"
    return f"Source: IND Jaarcijfers, editions {', '.join(map(str, editions[:-1]))} and {editions[-1]}{news}"


def _line_pattern(width: int) -> str:
    """A line of at most `width` pixels and the spaces or line break after it: a regular expression
    that Python and Vega's expressions read alike. A 12px label averages under 7 pixels a character."""
    return f"(.{{1,{width // 7}}})( +|\\n|$)"


def wrapped_label(width: int, breaks: str | None = None, lines: int | None = None) -> str:
    """A label expression that breaks a label into lines of at most `width` pixels at its spaces
    (a longer word stays whole), and at each `breaks` (such as ' · '), so that no label is cut.

    With `lines`, every label has that many (the last ones empty), so that panels whose headers
    wrap differently still line up.
    """
    label = f"join(split(datum.label, '{breaks}'), '\\n')" if breaks else "datum.label"
    text = f"trim(replace({label}, regexp('{_line_pattern(width)}', 'g'), '$1\\n'))"
    if lines is None:
        return f"split({text}, '\\n')"
    empty_lines = "\\n" * (lines - 1)
    return f"slice(split({text} + '{empty_lines}', '\\n'), 0, {lines})"


def label_lines(label: str, width: int, breaks: str | None = None) -> list[str]:
    """The lines `wrapped_label` breaks `label` into, for a chart to make room for them or to
    give every label as many."""
    text = "\n".join(label.split(breaks)) if breaks else label
    return re.sub(_line_pattern(width), "\\1\n", text).strip().split("\n")


def year_axis_x(title: str = "Year") -> alt.X:
    """Years as a number line: Vega shows as many year labels as fit, however many years are loaded."""
    return alt.X(
        "reference_year:Q",
        title=title,
        axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),
        scale=alt.Scale(zero=False, nice=False, padding=12),
    )


def editions_of(rows: list[dict]) -> list[int | None]:
    return [row.get("edition_year") for row in rows]


def finish(
    chart: alt.TopLevelMixin, title: str, rows: list[dict], edition_years: Iterable[int | None] | None = None
) -> alt.TopLevelMixin:
    """Title, source line and the report's shared look.

    A chart whose every row is derived (the rows' is_derived) says that the IND did not publish it.
    """
    derived = bool(rows) and all(row.get("is_derived") for row in rows)
    subtitle = source_line(editions_of(rows) if edition_years is None else edition_years)
    subtitle += "; derived by this project, not published by the IND" if derived else ""
    return (
        chart.properties(
            title=alt.Title(
                title,
                subtitle=subtitle,
                anchor="start",
                fontSize=15,
                subtitleColor=MUTED,
                subtitleFontSize=12,
            )
        )
        # A number axis drops a label that would stand closer than 4 pixels to the one before
        # ("-4.5%-3.5%"); an axis of names keeps every label (labelOverlap is off there).
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=480, labelSeparation=4)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=600, orient="bottom", columns=1)
        .configure_header(labelFontSize=12, titleFontSize=12, labelLimit=300)
        .configure_view(stroke=None)
    )


def year_colour() -> alt.Color:
    return alt.Color(
        "reference_year:O", title="Year", scale=alt.Scale(scheme="blues"), legend=alt.Legend(orient="right", columns=1)
    )


def grouped_bars(
    rows: list[dict],
    *,
    value: str,
    axis_title: str,
    title: str,
    is_share: bool = False,
    text: str = "value_printed",
    text_title: str = "As printed",
) -> alt.TopLevelMixin:
    """One horizontal bar per year for each row label: easy to read across many procedures.

    `value` is the column drawn, `text` the column the tooltip shows (the figure as printed).
    """
    axis = alt.Axis(format="%", tickCount=10) if is_share else alt.Axis()
    scale = alt.Scale(domain=[0, 1]) if is_share else alt.Scale()
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("bar_label:N", title=None, sort=alt.SortField("bar_label")),
            yOffset=alt.YOffset("reference_year:O"),
            x=alt.X(f"{value}:Q", title=axis_title, axis=axis, scale=scale),
            color=year_colour(),
            tooltip=[
                alt.Tooltip("bar_label:N", title="Procedure"),
                alt.Tooltip("bar_label_nl:N", title="Dutch"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip(f"{text}:N", title=text_title),
                alt.Tooltip("edition_year:O", title="Edition"),
            ],
        )
        .properties(width=CHART_WIDTH - 360, height=alt.Step(9))
    )
    return finish(chart, title, rows)
