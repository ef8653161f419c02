"""The warehouse's reporting tables as one self-contained HTML report of Vega-Lite charts.

Each section is a module with `sections(reporting) -> list[Section]`: it reads its rpt_ tables
(models/reporting/) with plain selects and lays their rows out as HTML and Altair charts. Every
number and label comes from those tables, so a new edition changes the report without a code
change. Vega, Vega-Lite and vega-embed are inlined once and each chart's spec sits beside them as
JSON, so the file opens offline and loads nothing from the network.

To add a section: write its rpt_ models and a module here, and add the module to SECTIONS.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from jaarcijfers.report import (
    asylum_influx,
    backlog,
    consistency,
    domain,
    glossary,
    nationalities,
    overview,
    publishers,
    revisions,
)
from jaarcijfers.report.page import render_html
from jaarcijfers.report.reporting import Reporting

SECTIONS = (overview, domain, backlog, nationalities, asylum_influx, publishers, revisions, consistency, glossary)


def build_report(warehouse: Path, output: Path) -> int:
    """Write the report of the warehouse's reporting tables to `output`; returns the number of charts."""
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        reporting = Reporting(connection)
        sections = [section for module in SECTIONS for section in module.sections(reporting)]
        page, chart_count = render_html(sections, reporting.rows("rpt_editions", order_by=("edition_year",)))
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".partial")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(output)
    return chart_count
