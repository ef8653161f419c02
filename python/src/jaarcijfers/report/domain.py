"""One section per domain, in the order of seeds/reference/domains.csv: its procedures' counts,
outcome rates, timeliness and lead times, and staffing where the domain holds the staffing table."""

from __future__ import annotations

import html

import altair as alt

from jaarcijfers.report.charts import CHART_WIDTH, finish, grouped_bars, label_lines, wrapped_label, year_axis_x
from jaarcijfers.report.page import Section, terms_table
from jaarcijfers.report.reporting import Reporting

BY_LABEL_AND_YEAR = ("bar_label", "product_code", "indicator_code", "reference_year")


def sections(reporting: Reporting) -> list[Section]:
    return [
        domain_section(reporting, domain)
        for domain in reporting.rows("rpt_domains", order_by=("domain_display_order", "domain_code"))
    ]


def domain_section(reporting: Reporting, domain: dict) -> Section:
    name = domain["domain_name_en"]
    in_domain = {"domain_code": domain["domain_code"]}
    products = reporting.rows("rpt_domain_products", where=in_domain, order_by=("product_name_en", "product_code"))
    intro = f'<p class="domain-description">{html.escape(domain["domain_description"])}</p>' + terms_table(
        ("Procedure", "Dutch (tabelkop)"),
        [(product["product_name_en"], product["product_name_nl"]) for product in products],
        summary=f"Procedures in this domain and their Dutch table headings ({len(products)})",
    )
    section = Section(domain["domain_code"], f"{name} · {domain['domain_name_nl']}", intro)

    volumes = reporting.rows(
        "rpt_domain_volumes",
        where=in_domain,
        order_by=("product_name_en", "product_code", "indicator_label", "indicator_code", "reference_year"),
    )
    if volumes:
        section.charts.append(volume_lines(volumes, name))
    outcomes = reporting.rows("rpt_domain_outcome_rates", where=in_domain, order_by=BY_LABEL_AND_YEAR)
    if outcomes:
        title = f"{name}: {outcomes[0]['chart_subject']}, per year"
        section.charts.append(grouped_bars(outcomes, value="rate", axis_title="Share (%)", is_share=True, title=title))
    on_time = reporting.rows("rpt_domain_on_time_shares", where=in_domain, order_by=BY_LABEL_AND_YEAR)
    if on_time:
        title = f"{name}: {on_time[0]['chart_subject']}, per year"
        section.charts.append(
            grouped_bars(on_time, value="share_on_time", axis_title="Share on time (%)", is_share=True, title=title)
        )
    lead_times = reporting.rows("rpt_domain_lead_times", where=in_domain, order_by=BY_LABEL_AND_YEAR)
    if lead_times:
        title = f"{name}: average time from application to decision, in weeks"
        section.charts.append(
            grouped_bars(lead_times, value="lead_time_weeks", axis_title="Average lead time (weeks)", title=title)
        )
    staff = reporting.rows("rpt_staff_by_type", where=in_domain, order_by=("reference_year", "indicator_code"))
    if staff:
        indexed = reporting.rows(
            "rpt_staff_against_decisions", order_by=("series_label", "indicator_code", "reference_year")
        )
        section.charts.append(staffing(staff, indexed))
    return section


def volume_lines(rows: list[dict], domain_name: str) -> alt.TopLevelMixin:
    """A small panel per procedure, each with its own scale, a line per count."""
    columns = min(len({row["product_name_en"] for row in rows}), 3)
    panel_width = (CHART_WIDTH - 60 * columns) // columns
    header_lines = max(len(label_lines(row["product_name_en"], panel_width)) for row in rows)
    chart = (
        alt.Chart(alt.Data(values=rows))
        .mark_line(point=alt.OverlayMarkDef(size=50), strokeWidth=2.5)
        .encode(
            x=year_axis_x(),
            y=alt.Y("volume:Q", title="Number", axis=alt.Axis(format=",.0f"), scale=alt.Scale(zero=True)),
            color=alt.Color("indicator_label:N", title=None, scale=alt.Scale(scheme="tableau10")),
            tooltip=[
                alt.Tooltip("product_name_en:N", title="Procedure"),
                alt.Tooltip("product_name_nl:N", title="Dutch"),
                alt.Tooltip("indicator_label:N", title="Figure"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip("value_printed:N", title="As printed"),
            ],
        )
        .properties(width=panel_width, height=150)
        .facet(
            facet=alt.Facet(
                "product_name_en:N",
                title=None,
                sort=alt.SortField("product_name_en"),
                header=alt.Header(labelExpr=wrapped_label(panel_width, lines=header_lines)),
            ),
            columns=columns,
        )
        .resolve_scale(y="independent")
    )
    return finish(chart, f"{domain_name}: numbers per year, per procedure (each panel its own scale)", rows)


def staffing(staff: list[dict], indexed: list[dict]) -> alt.TopLevelMixin:
    """Staff in FTE stacked by type, beside staff and decisions as indexes of their first year."""
    bars = (
        alt.Chart(alt.Data(values=staff))
        .mark_bar()
        .encode(
            x=alt.X("reference_year:O", title="Year (staff at year end)", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("fte:Q", title="Staff (FTE)", stack="zero"),
            color=alt.Color("staff_type_label:N", title=None, scale=alt.Scale(range=["#1f77b4", "#9ecae1"])),
            tooltip=[
                alt.Tooltip("staff_type_label:N", title="Staff"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip("value_printed:N", title="As printed"),
            ],
        )
        .properties(width=220, height=220, title="Staff in FTE")
    )
    base_year = indexed[0]["index_base_year"]
    lines = (
        alt.Chart(alt.Data(values=indexed))
        .mark_line(point=alt.OverlayMarkDef(size=60), strokeWidth=2.5)
        .encode(
            x=year_axis_x(),
            y=alt.Y("index_value:Q", title=f"Index ({base_year} = 100)", scale=alt.Scale(zero=False)),
            color=alt.Color("series_label:N", title=None, scale=alt.Scale(range=["#e6550d", "#1f77b4"])),
            tooltip=[
                alt.Tooltip("series_label:N", title="Series"),
                alt.Tooltip("reference_year:O", title="Year"),
                alt.Tooltip("value:Q", title="Value", format=",.0f"),
                alt.Tooltip("index_value:Q", title="Index", format=".0f"),
            ],
        )
        .properties(width=280, height=220, title=f"Growth since {base_year}: staff against decisions")
    )
    chart = alt.hconcat(bars, lines).resolve_scale(color="independent")
    return finish(
        chart,
        "Staffing against decisions: FTE at year end and decisions taken, per year",
        staff + indexed,
    )
