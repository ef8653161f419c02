"""The report's page: sections of HTML and charts, with Vega inlined so that it opens offline."""

from __future__ import annotations

import html
import json
from dataclasses import dataclass, field

import altair as alt
import vl_convert


@dataclass
class Section:
    anchor: str
    title: str
    intro: str = ""
    charts: list[alt.TopLevelMixin] = field(default_factory=list)


def terms_table(headings: tuple[str, ...], rows: list[tuple[str, ...]], summary: str | None = None) -> str:
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
# container so that a browser test can tell a drawn chart from a failed one, and keeps the
# chart's Vega view there for a test to read what it drew. Vega cuts an axis or legend label
# at its limit ("Withdra…"); each such label gets its whole text as a tooltip, added to the
# Vega spec that vega-embed compiles (Vega-Lite has no setting for it).
EMBED_SCRIPT = """
function labelTooltips(spec) {
  [...(spec.axes || []), ...(spec.legends || [])].forEach((guide) => {
    const encode = (guide.encode = guide.encode || {});
    const labels = (encode.labels = encode.labels || {});
    labels.interactive = true;
    labels.update = Object.assign({}, labels.update, {tooltip: {signal: "datum.label"}});
  });
  (spec.marks || []).forEach(labelTooltips);
  return spec;
}
document.querySelectorAll("div.chart").forEach((container) => {
  const spec = JSON.parse(document.getElementById(container.dataset.spec).textContent);
  vegaEmbed(container, spec, {renderer: "svg", actions: false, patch: labelTooltips})
    .then((result) => {
      container.vegaView = result.view;
      container.dataset.rendered = "true";
    })
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
    navigation = " ".join(
        f'<a href="#{section.anchor}">{html.escape(section.title.split(" · ")[0])}</a>' for section in sections
    )
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
warehouse's reporting tables. Editions loaded: {edition_list}. Hover over a chart for the figures as printed;
a figure printed as <i>onb.</i> (onbekend, unknown) has no bar or point.</p>
<nav>{navigation}</nav>
</header>
<main>
{"".join(body)}
</main>
<footer>Source: IND Jaarcijfers ({html.escape(latest["title_printed"])});
built from warehouse/ind.duckdb, schema reporting.</footer>
<script>{EMBED_SCRIPT}</script>
</body>
</html>
"""
    return page, chart_count
