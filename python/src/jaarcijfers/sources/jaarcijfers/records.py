"""The rows the Jaarcijfers extractor reads from a publication and writes into its raw seeds."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Figure:
    edition_year: int
    source_line: int
    section_nl: str
    subsection_nl: str
    table_heading_nl: str
    table_footnote_markers: str
    row_label_nl: str
    row_footnote_markers: str
    printed_in: str
    reference_year: int
    value_printed: str


@dataclass(frozen=True)
class TopNationality:
    edition_year: int
    source_line: int
    section_nl: str
    list_title_printed: str
    list_heading_nl: str
    list_heading_markers: str
    reference_year: int
    reference_year_is_printed: str
    rank: int
    nationality_nl: str


@dataclass(frozen=True)
class Footnote:
    edition_year: int
    source_line: int
    footnote_marker: str
    footnote_text: str


@dataclass(frozen=True)
class Publication:
    edition_year: int
    source_file: str
    title_printed: str
    sha256: str
    line_count: int
    table_count: int
    figure_count: int
    top_nationality_count: int
    footnote_count: int


@dataclass
class Edition:
    publication: Publication
    figures: list[Figure]
    top_nationalities: list[TopNationality]
    footnotes: list[Footnote]
    # Where each product's table heading is printed, to point at a table that lost a row.
    table_lines: dict[str, int] = field(default_factory=dict)
    # Footnote markers printed without their footnote text, with the line of their first use.
    unexplained_markers: dict[str, int] = field(default_factory=dict)
