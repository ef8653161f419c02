"""The reference seeds the extractor needs to place every line of a publication.

They are the same CSV files dbt loads from ``seeds/reference/``, so the extractor and the
warehouse can never disagree about which tables, rows and sections exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jaarcijfers.inputs import csv_rows


@dataclass(frozen=True)
class Catalogue:
    reference_dir: Path
    product_by_heading: dict[str, str]
    product_by_list_heading: dict[str, str]
    # Tables printed with no section heading of their own: the previous heading does not cover them.
    products_without_section: frozenset[str]
    indicator_by_product_row: dict[tuple[str, str], str]
    indicator_units: dict[str, str]
    sections: frozenset[str]
    section_parents: dict[str, str]
    nationalities: frozenset[str]
    # Each kind of source a publication may be, and whether its editions print every table.
    source_types: dict[str, bool]

    def file(self, name: str) -> str:
        return str(self.reference_dir / name)

    def is_complete_source_type(self, source_type: str) -> bool:
        return self.source_types.get(source_type, False)


def load_catalogue(reference_dir: Path) -> Catalogue:
    products = csv_rows(reference_dir / "products.csv")
    sections = csv_rows(reference_dir / "sections.csv")
    return Catalogue(
        reference_dir=reference_dir,
        product_by_heading={row["table_heading_nl"]: row["product_code"] for row in products},
        product_by_list_heading={
            row["top3_list_heading_nl"]: row["product_code"] for row in products if row["top3_list_heading_nl"]
        },
        products_without_section=frozenset(
            row["product_code"] for row in products if row["has_section_heading"] == "false"
        ),
        indicator_by_product_row={
            (row["product_code"], row["row_label_nl"]): row["indicator_code"]
            for row in csv_rows(reference_dir / "table_rows.csv")
        },
        indicator_units={row["indicator_code"]: row["unit"] for row in csv_rows(reference_dir / "indicators.csv")},
        sections=frozenset(row["section_nl"] for row in sections),
        section_parents={row["section_nl"]: row["parent_section_nl"] for row in sections},
        nationalities=frozenset(row["nationality_nl"] for row in csv_rows(reference_dir / "nationalities.csv")),
        source_types={
            row["source_type"]: row["is_complete_edition"] == "true"
            for row in csv_rows(reference_dir / "source_types.csv")
        },
    )
