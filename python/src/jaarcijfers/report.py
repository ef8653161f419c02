"""Render the warehouse's marts as one self-contained HTML report of Vega-Lite charts.

Every number in the report comes from a query on the marts, opened read-only, so a new
edition changes the report without a code change. Vega, Vega-Lite and vega-embed are inlined
once (from vl-convert's bundle) and each chart's spec sits beside them as JSON, so the file
opens offline and loads nothing from the network.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import altair as alt
import duckdb
import vl_convert

DOMAIN_ORDER = ("regular_residence", "naturalisation", "asylum", "legal", "services", "organisation")
OVERVIEW_METRICS = ("applications", "decisions", "cases_pending", "first_asylum_applications")
CHANGE_METRICS = ("applications", "decisions", "cases_pending")
CHART_WIDTH = 760
MUTED = "#555555"


@dataclass
class Section:
    anchor: str
    title: str
    intro: str = ""
    charts: list[alt.TopLevelMixin] = field(default_factory=list)


def _query(connection: duckdb.DuckDBPyConnection, sql: str, parameters: list | None = None) -> list[dict]:
    """Rows as dicts with decimals as floats, ready to be a chart's inline data."""
    cursor = connection.execute(sql, parameters or [])
    columns = [column[0] for column in cursor.description]
    return [
        {name: float(value) if isinstance(value, Decimal) else value for name, value in zip(columns, row)}
        for row in cursor.fetchall()
    ]


def source_line(rows: list[dict]) -> str:
    """'IND Jaarcijfers, edition 2024', naming every edition the rows were taken from."""
    editions = sorted({row["edition_year"] for row in rows})
    if len(editions) == 1:
        return f"Source: IND Jaarcijfers, edition {editions[0]}"
    return f"Source: IND Jaarcijfers, editions {', '.join(map(str, editions[:-1]))} and {editions[-1]}"


def _finish(chart: alt.TopLevelMixin, title: str, rows: list[dict], derived: bool = False) -> alt.TopLevelMixin:
    """Title, source line and the report's shared look; a derived chart says it is not published."""
    subtitle = source_line(rows) + ("; derived by this project, not published by the IND" if derived else "")
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
        .configure_axis(labelFontSize=12, titleFontSize=12, labelLimit=480)
        .configure_legend(labelFontSize=12, titleFontSize=12, labelLimit=600, orient="bottom", columns=1)
        .configure_header(labelFontSize=12, titleFontSize=12, labelLimit=300)
        .configure_view(stroke=None)
    )


def _year_colour() -> alt.Color:
    return alt.Color("reference_year:O", title="Year", scale=alt.Scale(scheme="blues"), legend=alt.Legend(orient="right", columns=1))


def _grouped_bars(
    rows: list[dict], value: str, axis_title: str, is_share: bool, title: str, derived: bool = False
) -> alt.TopLevelMixin:
    """One horizontal bar per year for each labelled row: easy to read across many procedures."""
    axis = alt.Axis(format="%", tickCount=10) if is_share else alt.Axis()
    scale = alt.Scale(domain=[0, 1]) if is_share else alt.Scale()
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", title=None, sort=alt.SortField("label")),
            yOffset=alt.YOffset("reference_year:O"),
            x=alt.X(f"{value}:Q", title=axis_title, axis=axis, scale=scale),
            color=_year_colour(),
            tooltip=[
                alt.Tooltip("label:N", title="Procedure"),
                alt.Tooltip("label_nl:N", title="Dutch"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip("value_printed:N", title="Derived as" if derived else "As printed"),
                alt.Tooltip("edition_year:O", title="Edition"),
            ],
        )
        .properties(width=CHART_WIDTH - 360, height=alt.Step(9))
    )
    return _finish(chart, title, rows, derived)


class _Report:
    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection
        self.editions = _query(connection, "select edition_year, title_printed from marts.dim_publication order by edition_year")
        years = _query(connection, "select max(reference_year) as latest from marts.fct_volumes")
        self.latest_year = years[0]["latest"]
        self.previous_year = self.latest_year - 1

    def query(self, sql: str, parameters: list | None = None) -> list[dict]:
        return _query(self.connection, sql, parameters)

    def sections(self) -> list[Section]:
        sections = [self.overview()]
        sections += [self.domain(code, en, nl) for code, en, nl in self.domains()]
        sections += [self.backlog(), self.nationalities()]
        if len(self.editions) > 1:
            sections.append(self.revisions())
        sections.append(self.glossary())
        return sections

    def domains(self) -> list[tuple[str, str, str]]:
        rows = self.query(
            "select domain_code, any_value(domain_name_en) as en, any_value(domain_name_nl) as nl "
            "from marts.dim_product group by domain_code"
        )
        order = {code: position for position, code in enumerate(DOMAIN_ORDER)}
        rows.sort(key=lambda row: (order.get(row["domain_code"], len(order)), row["domain_code"]))
        return [(row["domain_code"], row["en"], row["nl"]) for row in rows]

    def overview(self) -> Section:
        latest, previous = self.latest_year, self.previous_year
        totals = self.query(
            """
            with both_years as (
                select product_code, indicator_code
                from marts.fct_volumes
                where indicator_code in (select unnest(?)) and reference_year in (?, ?) and volume is not null
                group by all
                having count(*) = 2
            )
            select m.indicator_code, m.indicator_name_en, m.indicator_name_nl, 'count' as unit,
                count(distinct v.product_code) as products,
                sum(v.volume) filter (where v.reference_year = ?) as latest_value,
                sum(v.volume) filter (where v.reference_year = ?) as previous_value,
                min(v.edition_year) as earliest_edition_year, max(v.edition_year) as edition_year
            from marts.fct_volumes as v
            join both_years using (product_code, indicator_code)
            join marts.dim_indicator as m using (indicator_code)
            where v.reference_year in (?, ?)
            group by all
            union all
            select m.indicator_code, m.indicator_name_en, m.indicator_name_nl, 'fte', 1,
                max(s.total_staff_fte) filter (where s.reference_year = ?),
                max(s.total_staff_fte) filter (where s.reference_year = ?),
                min(s.edition_year), max(s.edition_year)
            from marts.fct_staffing as s, marts.dim_indicator as m
            where m.indicator_code = 'total_staff_fte' and s.reference_year in (?, ?)
            group by all
            union all
            select m.indicator_code, m.indicator_name_en, m.indicator_name_nl, 'eur', 1,
                max(p.amount_eur) filter (where p.reference_year = ?),
                max(p.amount_eur) filter (where p.reference_year = ?),
                min(p.edition_year), max(p.edition_year)
            from marts.fct_penalty_payments as p, marts.dim_indicator as m
            where m.indicator_code = 'penalty_payments_eur' and p.reference_year in (?, ?)
            group by all
            """,
            [list(OVERVIEW_METRICS), latest, previous, latest, previous, latest, previous]
            + [latest, previous, latest, previous] * 2,
        )
        order = [*OVERVIEW_METRICS, "total_staff_fte", "penalty_payments_eur"]
        totals.sort(key=lambda row: order.index(row["indicator_code"]))
        cards = "".join(self.card(row) for row in totals if row["latest_value"] is not None)
        intro = (
            f"<p>Headline figures for {latest}, with the change against {previous}. Counts add up "
            "the procedures that print the figure in both years; a procedure's figures are in its "
            "domain's section below.</p>"
            f'<div class="cards">{cards}</div>'
        )
        changes = self.query(
            """
            select p.product_name_en as label, p.product_name_nl as label_nl, p.domain_name_en,
                m.indicator_name_en || ' · ' || m.indicator_name_nl as metric_label,
                v.volume as latest_value, v.previous_year_volume as previous_value,
                v.volume_change_relative as relative_change, v.edition_year
            from marts.fct_volumes as v
            join marts.dim_product as p using (product_code)
            join marts.dim_indicator as m using (indicator_code)
            where v.reference_year = ? and v.indicator_code in (select unnest(?))
                and v.volume_change_relative is not null
            order by label, metric_label
            """,
            [latest, list(CHANGE_METRICS)],
        )
        return Section("overview", f"Overview {latest}", intro, [self.change_heatmap(changes)])

    def card(self, row: dict) -> str:
        latest, previous = row["latest_value"], row["previous_value"]
        shown = _amount(latest, row["unit"])
        if previous:
            change = (latest - previous) / previous
            arrow = "▲" if change > 0 else "▼" if change < 0 else "="
            versus = f"{arrow} {change:+.1%} vs {self.previous_year} ({_amount(previous, row['unit'])})"
        else:
            versus = f"no figure for {self.previous_year}"
        scope = f"{row['products']} procedures" if row["unit"] == "count" and row["products"] > 1 else ""
        return (
            '<div class="card">'
            f'<div class="card-value">{html.escape(shown)}</div>'
            f'<div class="card-label">{html.escape(row["indicator_name_en"])} '
            f'<span class="nl" title="{html.escape(row["indicator_name_nl"])}">{html.escape(row["indicator_name_nl"])}</span></div>'
            f'<div class="card-change">{html.escape(versus)}</div>'
            f'<div class="card-scope">{html.escape(scope)}</div>'
            f'<div class="card-scope">{html.escape(source_line([{"edition_year": row["earliest_edition_year"]}, row]))}</div>'
            "</div>"
        )

    def change_heatmap(self, rows: list[dict]) -> alt.TopLevelMixin:
        base = alt.Chart(alt.Data(values=rows)).encode(
            y=alt.Y("label:N", title=None, sort=alt.EncodingSortField("domain_name_en")),
            x=alt.X(
                "metric_label:N",
                title=None,
                axis=alt.Axis(orient="top", labelAngle=0, labelPadding=20, labelExpr="split(datum.label, ' · ')", labelFontWeight="bold"),
            ),
        )
        cells = base.mark_rect().encode(
            color=alt.Color(
                "relative_change:Q",
                title=f"Change {self.previous_year}–{self.latest_year}",
                scale=alt.Scale(scheme="blueorange", domain=[-1, 1], domainMid=0, clamp=True),
                legend=alt.Legend(format="+.0%", orient="right", gradientLength=180),
            ),
            tooltip=[
                alt.Tooltip("label:N", title="Procedure"),
                alt.Tooltip("label_nl:N", title="Dutch"),
                alt.Tooltip("metric_label:N", title="Figure"),
                alt.Tooltip("previous_value:Q", title=str(self.previous_year), format=","),
                alt.Tooltip("latest_value:Q", title=str(self.latest_year), format=","),
                alt.Tooltip("relative_change:Q", title="Change", format="+.1%"),
            ],
        )
        labels = base.mark_text(fontSize=11).encode(
            text=alt.Text("relative_change:Q", format="+.0%"),
            color=alt.condition("abs(datum.relative_change) > 0.6", alt.value("white"), alt.value("black")),
        )
        chart = (cells + labels).properties(width=alt.Step(150), height=alt.Step(20))
        return _finish(
            chart,
            f"Change from {self.previous_year} to {self.latest_year} in applications, decisions and "
            "cases pending, per procedure (%)",
            rows,
        )

    def domain(self, code: str, name_en: str, name_nl: str) -> Section:
        section = Section(code, f"{name_en} · {name_nl}")
        products = self.query(
            "select product_name_en, product_name_nl from marts.dim_product where domain_code = ? order by product_name_en",
            [code],
        )
        section.intro = _terms_table(
            ("Procedure", "Dutch (tabelkop)"),
            [(product["product_name_en"], product["product_name_nl"]) for product in products],
            summary=f"Procedures in this domain and their Dutch table headings ({len(products)})",
        )
        volumes = self.query(
            """
            select p.product_name_en as label, p.product_name_nl as label_nl, v.reference_year,
                m.indicator_name_en || ' (' || m.indicator_name_nl || ')' as metric_label,
                v.volume, v.value_printed, v.edition_year
            from marts.fct_volumes as v
            join marts.dim_product as p using (product_code)
            join marts.dim_indicator as m using (indicator_code)
            where p.domain_code = ? and v.volume is not null
            order by label, metric_label, v.reference_year
            """,
            [code],
        )
        if volumes:
            section.charts.append(self.volume_lines(volumes, name_en))
        outcomes = self.labelled_rows("fct_legal_outcomes", "rate", "grant_rate", code)
        if outcomes:
            only_grants = all(row["indicator_code"] == "grant_rate" for row in outcomes)
            what = "Grant rate: share of decisions that granted the application" if only_grants else "Grant rates and other outcome rates"
            section.charts.append(_grouped_bars(outcomes, "value", "Share (%)", True, f"{name_en}: {what}, per year"))
        on_time = self.labelled_rows("fct_timeliness", "share_on_time", "decisions_on_time_share", code)
        if on_time:
            only_decisions = all(row["indicator_code"] == "decisions_on_time_share" for row in on_time)
            what = "share of decisions taken within the legal time limit" if only_decisions else "share decided or handled within the time limit"
            section.charts.append(_grouped_bars(on_time, "value", "Share on time (%)", True, f"{name_en}: {what}, per year"))
        lead_times = self.labelled_rows("fct_timeliness", "lead_time_weeks", "lead_time_weeks", code)
        if lead_times:
            section.charts.append(
                _grouped_bars(lead_times, "value", "Average lead time (weeks)", False, f"{name_en}: average time from application to decision, in weeks")
            )
        if code == "organisation":
            section.charts.append(self.staffing())
        return section

    def labelled_rows(self, fact_table: str, column: str, usual_metric: str, domain_code: str) -> list[dict]:
        """A fact's figures in a domain, labelled by procedure, and by metric where it is not the usual one."""
        return self.query(
            f"""
            select f.indicator_code, f.reference_year, f.{column} as value, f.value_printed, f.edition_year,
                p.product_name_en || case when f.indicator_code = ? then '' else ': ' || m.indicator_name_en end as label,
                p.product_name_nl || case when f.indicator_code = ? then '' else ': ' || m.indicator_name_nl end as label_nl
            from marts.{fact_table} as f
            join marts.dim_product as p using (product_code)
            join marts.dim_indicator as m using (indicator_code)
            where p.domain_code = ? and f.{column} is not null
            order by label, f.reference_year
            """,
            [usual_metric, usual_metric, domain_code],
        )

    def volume_lines(self, rows: list[dict], domain_name: str) -> alt.TopLevelMixin:
        products = len({row["label"] for row in rows})
        columns = min(products, 3)
        chart = (
            alt.Chart(alt.Data(values=rows))
            .mark_line(point=alt.OverlayMarkDef(size=50), strokeWidth=2.5)
            .encode(
                x=alt.X("reference_year:O", title="Year", axis=alt.Axis(labelAngle=0)),
                y=alt.Y("volume:Q", title="Number", axis=alt.Axis(format=",.0f"), scale=alt.Scale(zero=True)),
                color=alt.Color("metric_label:N", title=None, scale=alt.Scale(scheme="tableau10")),
                tooltip=[
                    alt.Tooltip("label:N", title="Procedure"),
                    alt.Tooltip("label_nl:N", title="Dutch"),
                    alt.Tooltip("metric_label:N", title="Figure"),
                    alt.Tooltip("reference_year:O", title="Year"),
                    alt.Tooltip("value_printed:N", title="As printed"),
                ],
            )
            .properties(width=(CHART_WIDTH - 60 * columns) // columns, height=150)
            .facet(facet=alt.Facet("label:N", title=None, sort=alt.SortField("label")), columns=columns)
            .resolve_scale(y="independent")
        )
        return _finish(chart, f"{domain_name}: numbers per year, per procedure (each panel its own scale)", rows)

    def staffing(self) -> alt.TopLevelMixin:
        staff = self.query(
            """
            select s.reference_year, s.edition_year, m.indicator_name_en || ' (' || m.indicator_name_nl || ')' as staff_type,
                case m.indicator_code when 'civil_servants_fte' then s.civil_servants_fte else s.external_staff_fte end as fte,
                case m.indicator_code when 'civil_servants_fte' then s.civil_servants_fte_printed else s.external_staff_fte_printed end as value_printed
            from marts.fct_staffing as s
            cross join marts.dim_indicator as m
            where m.indicator_code in ('civil_servants_fte', 'external_staff_fte')
            order by s.reference_year, m.indicator_code
            """
        )
        indexed = self.query(
            """
            with decisions as (
                select reference_year, sum(volume) as value, max(edition_year) as edition_year
                from marts.fct_volumes
                where indicator_code = 'decisions'
                    and product_code in (
                        select product_code from marts.fct_volumes where indicator_code = 'decisions'
                        group by product_code having count(volume) = (select count(distinct reference_year) from marts.fct_volumes)
                    )
                group by reference_year
            ),
            series as (
                select 'Decisions, all procedures (Beslissingen)' as series, reference_year, value, edition_year from decisions
                union all
                select 'Total staff in FTE (Totale bezetting)', reference_year, total_staff_fte, edition_year from marts.fct_staffing
            )
            select series, reference_year, value, edition_year,
                100 * value / first(value order by reference_year) over (partition by series) as index_value
            from series
            order by series, reference_year
            """
        )
        bars = (
            alt.Chart(alt.Data(values=staff))
            .mark_bar()
            .encode(
                x=alt.X("reference_year:O", title="Year (staff at year end)", axis=alt.Axis(labelAngle=0)),
                y=alt.Y("fte:Q", title="Staff (FTE)", stack="zero"),
                color=alt.Color("staff_type:N", title=None, scale=alt.Scale(range=["#1f77b4", "#9ecae1"])),
                tooltip=["staff_type:N", alt.Tooltip("reference_year:O", title="Year"), alt.Tooltip("value_printed:N", title="As printed")],
            )
            .properties(width=220, height=220, title="Staff in FTE")
        )
        first_year = min(row["reference_year"] for row in indexed)
        lines = (
            alt.Chart(alt.Data(values=indexed))
            .mark_line(point=alt.OverlayMarkDef(size=60), strokeWidth=2.5)
            .encode(
                x=alt.X("reference_year:O", title="Year", axis=alt.Axis(labelAngle=0)),
                y=alt.Y("index_value:Q", title=f"Index ({first_year} = 100)", scale=alt.Scale(zero=False)),
                color=alt.Color("series:N", title=None, scale=alt.Scale(range=["#e6550d", "#1f77b4"])),
                tooltip=[
                    "series:N",
                    alt.Tooltip("reference_year:O", title="Year"),
                    alt.Tooltip("value:Q", title="Value", format=",.0f"),
                    alt.Tooltip("index_value:Q", title="Index", format=".0f"),
                ],
            )
            .properties(width=280, height=220, title=f"Growth since {first_year}: staff against decisions")
        )
        chart = alt.hconcat(bars, lines).resolve_scale(color="independent")
        return _finish(chart, "Staffing against decisions: FTE at year end and decisions taken, per year", staff + indexed)

    def backlog(self) -> Section:
        first = self.query("select min(reference_year) as first from marts.fct_volumes")[0]["first"]
        growth = self.query(
            """
            with pairs as (
                select v.product_code, v.indicator_code,
                    max(v.volume) filter (where v.reference_year = ?) as first_value,
                    max(v.volume) filter (where v.reference_year = ?) as latest_value,
                    max(v.edition_year) as edition_year
                from marts.fct_volumes as v
                where v.indicator_code in ('decisions', 'cases_pending')
                group by all
            )
            select p.product_name_en as label, p.product_name_nl as label_nl, p.domain_name_en,
                d.latest_value / d.first_value - 1 as decisions_change,
                c.latest_value / c.first_value - 1 as pending_change,
                c.first_value as pending_first, c.latest_value as pending_latest,
                greatest(d.edition_year, c.edition_year) as edition_year,
                c.latest_value > c.first_value
                    and c.latest_value / c.first_value > d.latest_value / d.first_value as pending_outgrows_decisions
            from pairs as d
            join pairs as c on c.product_code = d.product_code and c.indicator_code = 'cases_pending'
            join marts.dim_product as p on p.product_code = d.product_code
            where d.indicator_code = 'decisions' and d.first_value > 0 and c.first_value > 0
            order by label
            """,
            [first, self.latest_year],
        )
        stock = self.query(
            """
            select p.product_name_en as label, p.product_name_nl as label_nl, c.reference_year,
                12 * c.volume / d.volume as value,
                c.value_printed || ' pending, ' || d.value_printed || ' decisions' as value_printed,
                greatest(c.edition_year, d.edition_year) as edition_year
            from marts.fct_volumes as c
            join marts.fct_volumes as d
                on d.product_code = c.product_code and d.reference_year = c.reference_year and d.indicator_code = 'decisions'
            join marts.dim_product as p on p.product_code = c.product_code
            where c.indicator_code = 'cases_pending' and d.volume > 0
            order by label, c.reference_year
            """
        )
        outgrowing = sorted((row for row in growth if row["pending_outgrows_decisions"]), key=lambda row: -row["pending_change"])
        listed = ", ".join(html.escape(row["label"]) for row in outgrowing) or "none"
        intro = (
            f"<p>From {first} to {self.latest_year}, cases pending grew faster than decisions in "
            f"{len(outgrowing)} of {len(growth)} procedures: {listed}.</p>"
        )
        return Section(
            "backlog",
            "Backlog dynamics · Voorraad en beslissingen",
            intro,
            [self.growth_scatter(growth, first), self.intake_minus_decisions(), self.months_of_stock(stock)],
        )

    def growth_scatter(self, rows: list[dict], first: int) -> alt.TopLevelMixin:
        changes = [row[key] for row in rows for key in ("decisions_change", "pending_change")]
        extent = [min(changes), max(changes)]
        base = alt.Chart(alt.Data(values=rows)).encode(
            x=alt.X("decisions_change:Q", title=f"Change in decisions {first}–{self.latest_year} (%)", axis=alt.Axis(format="%")),
            y=alt.Y("pending_change:Q", title=f"Change in cases pending {first}–{self.latest_year} (%)", axis=alt.Axis(format="%")),
        )
        diagonal = (
            alt.Chart(alt.Data(values=[{"change": extent[0]}, {"change": extent[1]}]))
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
                alt.Tooltip("label:N", title="Procedure"),
                alt.Tooltip("label_nl:N", title="Dutch"),
                alt.Tooltip("decisions_change:Q", title="Decisions", format="+.0%"),
                alt.Tooltip("pending_change:Q", title="Cases pending", format="+.0%"),
                alt.Tooltip("pending_first:Q", title=f"Pending {first}", format=","),
                alt.Tooltip("pending_latest:Q", title=f"Pending {self.latest_year}", format=","),
            ],
        )
        labels = (
            base.transform_filter("datum.pending_outgrows_decisions")
            .mark_text(align="left", dx=8, fontSize=11)
            .encode(text="label:N")
        )
        chart = (diagonal + points + labels).properties(width=CHART_WIDTH - 160, height=380)
        return _finish(
            chart,
            f"Cases pending against decisions, change {first}–{self.latest_year}: above the dashed line the backlog grew faster",
            rows,
        )

    def intake_minus_decisions(self) -> alt.TopLevelMixin:
        rows = self.query(
            """
            select p.product_name_en as label, p.product_name_nl as label_nl, d.reference_year, d.value,
                format('{:,}', d.value::bigint) || ' = ' || d.formula as value_printed, d.edition_year
            from marts.fct_derived_measures as d
            join marts.dim_product as p using (product_code)
            where d.indicator_code = 'intake_minus_decisions'
            order by label, d.reference_year
            """
        )
        return _grouped_bars(
            rows,
            "value",
            "Intake (applications or procedures started) minus decisions (number)",
            False,
            "Intake minus decisions, per procedure and year: above zero the backlog grows",
            derived=True,
        )

    def months_of_stock(self, rows: list[dict]) -> alt.TopLevelMixin:
        return _grouped_bars(
            rows,
            "value",
            "Cases pending at year end, in months of that year's decisions",
            False,
            "How many months of decisions the year-end backlog holds, per procedure",
        )

    def nationalities(self) -> Section:
        rows = self.query(
            """
            select t.edition_year, t.reference_year, t.nationality_rank,
                p.product_name_en || ' (' || t.reference_year || ')' as label, p.product_name_nl as label_nl,
                n.nationality_en || ' (' || n.nationality_nl || ')' as nationality, p.domain_code
            from marts.fct_top_nationalities as t
            join marts.dim_product as p using (product_code)
            join marts.dim_nationality as n using (nationality_code)
            where t.is_latest_edition
                and t.reference_year = (
                    select max(latest.reference_year) from marts.fct_top_nationalities as latest
                    where latest.product_code = t.product_code and latest.is_latest_edition
                )
            order by label, t.nationality_rank
            """
        )
        base = alt.Chart(alt.Data(values=rows)).encode(
            y=alt.Y("label:N", title=None, sort=alt.EncodingSortField("domain_code")),
            x=alt.X(
                "nationality:N",
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
                alt.Tooltip("label:N", title="Procedure"),
                alt.Tooltip("label_nl:N", title="Dutch"),
                alt.Tooltip("nationality:N", title="Nationality"),
                alt.Tooltip("nationality_rank:O", title="Rank"),
            ],
        )
        ranks = base.mark_text(fontSize=12, fontWeight="bold").encode(
            text="nationality_rank:O",
            color=alt.condition("datum.nationality_rank < 3", alt.value("white"), alt.value("black")),
        )
        chart = (cells + ranks).properties(width=alt.Step(40), height=alt.Step(26))
        return Section(
            "nationalities",
            "Top-3 nationalities · Top 3 nationaliteiten",
            "<p>The three nationalities with the most applications, per procedure that prints a list. "
            "The publication gives ranks, not numbers.</p>",
            [_finish(chart, "Top-3 nationalities by applications, per procedure and year of the applications (1 = most)", rows)],
        )

    def revisions(self) -> Section:
        rows = self.query(
            """
            select p.product_name_en || ': ' || m.indicator_name_en || ', ' || r.reference_year as label,
                p.product_name_nl || ': ' || m.indicator_name_nl as label_nl,
                r.reference_year, r.earlier_edition_year, r.later_edition_year,
                r.earlier_value_printed || ' → ' || r.later_value_printed as value_printed,
                r.relative_difference, r.unit
            from marts.fct_revisions as r
            join marts.dim_product as p using (product_code)
            join marts.dim_indicator as m using (indicator_code)
            where r.relative_difference is not null and r.source_code = 'jaarcijfers'
            order by label, r.later_edition_year
            """
        )
        editions = ", ".join(str(edition["edition_year"]) for edition in self.editions)
        section = Section(
            "revisions",
            "Revisions between editions · Bijstellingen",
            f"<p>Editions loaded: {editions}. Figures a later edition restated: {len(rows)}.</p>",
        )
        if rows:
            section.intro += _terms_table(
                ("Figure", "Dutch", "Editions", "As printed"),
                [
                    (row["label"], row["label_nl"], f"{row['earlier_edition_year']} → {row['later_edition_year']}", row["value_printed"])
                    for row in rows
                ],
            )
            chart = (
                alt.Chart(alt.Data(values=rows))
                .mark_bar()
                .encode(
                    y=alt.Y("label:N", title=None, sort=alt.SortField("label")),
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
                        alt.Tooltip("label:N", title="Figure"),
                        alt.Tooltip("label_nl:N", title="Dutch"),
                        alt.Tooltip("earlier_edition_year:O", title="Earlier edition"),
                        alt.Tooltip("later_edition_year:O", title="Later edition"),
                        alt.Tooltip("value_printed:N", title="As printed"),
                        alt.Tooltip("relative_difference:Q", title="Revision", format="+.1%"),
                    ],
                )
                .transform_calculate(direction="datum.relative_difference > 0 ? 'Revised up' : 'Revised down'")
                .properties(width=CHART_WIDTH - 360, height=alt.Step(24))
            )
            sources = [{"edition_year": row[key]} for row in rows for key in ("earlier_edition_year", "later_edition_year")]
            section.charts.append(_finish(chart, "Figures restated by a later edition: change against the earlier edition (%)", sources))
        return section

    def glossary(self) -> Section:
        metrics = self.query(
            "select indicator_name_en, indicator_name_nl, unit, indicator_description, is_derived "
            "from marts.dim_indicator order by is_derived, fact_table, indicator_name_en"
        )
        table = _terms_table(
            ("Figure", "Dutch", "Unit", "Published or derived", "Definition"),
            [
                (
                    metric["indicator_name_en"],
                    metric["indicator_name_nl"],
                    metric["unit"],
                    "derived by this project" if metric["is_derived"] else "published",
                    metric["indicator_description"] or "",
                )
                for metric in metrics
            ],
        )
        return Section("glossary", "Terms · Begrippen", table)


def _amount(value: float, unit: str) -> str:
    if unit == "eur":
        return f"€ {value / 1e6:,.1f} million"
    return f"{value:,.0f}" + (" FTE" if unit == "fte" else "")


def _terms_table(headings: tuple[str, ...], rows: list[tuple[str, ...]], summary: str | None = None) -> str:
    """A table of English and Dutch terms, folded under `summary` when one is given."""
    head = "".join(f"<th>{html.escape(heading)}</th>" for heading in headings)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    table = f'<table class="terms"><tr>{head}</tr>{body}</table>'
    return f"<details><summary>{html.escape(summary)}</summary>{table}</details>" if summary else table


STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  margin: 0; color: #1a1a1a; background: #fafafa; line-height: 1.45; }
header, main { max-width: 1120px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; }
h1 { margin-bottom: 4px; }
h2 { margin-top: 40px; border-bottom: 2px solid #1f77b4; padding-bottom: 4px; }
nav a { margin-right: 12px; }
.nl { color: #555; font-style: italic; }
.chart { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 12px; margin: 16px 0;
  overflow-x: auto; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px; }
.card { background: white; border: 1px solid #ddd; border-radius: 6px; padding: 12px; }
.card-value { font-size: 26px; font-weight: 600; }
.card-label .nl { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.card-change, .card-scope { color: #555; font-size: 13px; }
table.terms { border-collapse: collapse; font-size: 13px; background: white; margin: 8px 0; }
table.terms th, table.terms td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
footer { max-width: 1120px; margin: 40px auto; padding: 0 24px; color: #555; font-size: 13px; }
"""

# vega-embed draws each chart into its container; the page records the outcome on the
# container so that a browser test can tell a drawn chart from a failed one.
EMBED_SCRIPT = """
document.querySelectorAll("div.chart").forEach((container) => {
  const spec = JSON.parse(document.getElementById(container.dataset.spec).textContent);
  vegaEmbed(container, spec, {renderer: "svg", actions: false})
    .then(() => { container.dataset.rendered = "true"; })
    .catch((error) => {
      container.dataset.rendered = "failed";
      console.error("chart " + container.id + " failed: " + error);
    });
});
"""


def render_html(sections: list[Section], editions: list[dict]) -> tuple[str, int]:
    """The page and the number of charts in it."""
    chart_count = 0
    body = []
    for section in sections:
        body.append(f'<section id="{section.anchor}"><h2>{html.escape(section.title)}</h2>{section.intro}')
        for chart in section.charts:
            chart_count += 1
            spec = json.dumps(chart.to_dict(), separators=(",", ":")).replace("</", "<\\/")
            body.append(
                f'<div class="chart" id="chart-{chart_count}" data-spec="spec-{chart_count}"></div>'
                f'<script type="application/json" id="spec-{chart_count}">{spec}</script>'
            )
        body.append("</section>")
    navigation = " ".join(f'<a href="#{section.anchor}">{html.escape(section.title.split(" · ")[0])}</a>' for section in sections)
    latest = editions[-1]
    edition_list = ", ".join(str(edition["edition_year"]) for edition in editions)
    # The bundle's Vega-Lite must be the version Altair writes specs for (v6.4.1 -> v6_4).
    vega_lite_version = "_".join(alt.SCHEMA_VERSION.split(".")[:2])
    bundle = vl_convert.javascript_bundle(vl_version=vega_lite_version).replace("</script", "<\\/script")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>IND Jaarcijfers in charts, edition {latest["edition_year"]}</title>
<style>{STYLE}</style>
<script>{bundle}</script>
</head>
<body data-chart-count="{chart_count}">
<header>
<h1>IND Jaarcijfers in charts</h1>
<p class="nl">Immigratie- en Naturalisatiedienst, jaarcijfers</p>
<p>The annual figures of the Dutch Immigration and Naturalisation Service (IND), drawn from the
warehouse's marts. Editions loaded: {edition_list}. Hover over a chart for the figures as printed;
a figure printed as <i>onb.</i> (onbekend, unknown) has no bar or point.</p>
<nav>{navigation}</nav>
</header>
<main>
{"".join(body)}
</main>
<footer>Source: IND Jaarcijfers ({html.escape(latest["title_printed"])}); built from warehouse/ind.duckdb, schema marts.</footer>
<script>{EMBED_SCRIPT}</script>
</body>
</html>
"""
    return page, chart_count


def build_report(warehouse: Path, output: Path) -> int:
    """Write the report for the warehouse's marts to `output`; returns the number of charts."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        report = _Report(connection)
        page, chart_count = render_html(report.sections(), report.editions)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".partial")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(output)
    return chart_count
