"""Terms: every indicator in English and Dutch, its unit, and whether it is published or derived."""

from __future__ import annotations

from jaarcijfers.report.page import Section, terms_table
from jaarcijfers.report.reporting import Reporting


def sections(reporting: Reporting) -> list[Section]:
    indicators = reporting.rows(
        "rpt_glossary", order_by=("is_derived", "fact_table", "indicator_name_en", "indicator_code")
    )
    table = terms_table(
        ("Figure", "Dutch", "Unit", "Published or derived", "Definition"),
        [
            (
                row["indicator_name_en"],
                row["indicator_name_nl"],
                row["unit"],
                row["published_or_derived"],
                row["definition"] or "",
            )
            for row in indicators
        ],
    )
    return [Section("glossary", "Terms · Begrippen", table)]
