"""The top-3 nationality lists of a publication: a list heading, then entries ranked 1, 2, 3.

A list printed under a title ``Top 3 nationaliteiten aanvragen YYYY`` is for that year; a list
printed on its own is for the edition's year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jaarcijfers.inputs import quoted
from jaarcijfers.sources.jaarcijfers.lines import Position
from jaarcijfers.sources.jaarcijfers.records import TopNationality

# marts.fct_top_nationalities checks nationality_rank between 1 and 3.
TOP_LIST_LENGTH = 3


@dataclass
class TopList:
    heading: str
    markers: str
    title: str
    reference_year: int
    year_is_printed: bool
    line_number: int
    ranks: list[int] = field(default_factory=list)


class TopListReader:
    def __init__(self, position: Position):
        self.position = position
        # The title ``Top 3 nationaliteiten aanvragen YYYY`` and its year, until a table or section ends it.
        self.title: tuple[str, int] | None = None
        self.current: TopList | None = None
        self.lists: list[TopList] = []
        self.top_nationalities: list[TopNationality] = []

    def open(
        self,
        line_number: int,
        heading: str,
        markers: str,
        title: str,
        reference_year: int,
        year_is_printed: bool,
    ) -> None:
        self.close(line_number)
        if any(existing.heading == heading for existing in self.lists):
            self.position.fail(line_number, f"top-3 list {quoted(heading)} is printed twice")
        self.current = TopList(heading, markers, title, reference_year, year_is_printed, line_number)

    def close(self, line_number: int) -> None:
        current = self.current
        if current is None:
            return
        if not current.ranks:
            self.position.fail(current.line_number, f"top-3 list {quoted(current.heading)} has no entries")
        self.lists.append(current)
        self.current = None

    def on_entry(self, line_number: int, rank: int, name: str) -> None:
        position = self.position
        current = self.current
        if current is None:
            entry = f"{rank}. {name}"
            position.fail(line_number, f"list entry {quoted(entry)} outside a top-3 list")
            return
        expected = len(current.ranks) + 1
        if rank != expected:
            position.fail(line_number, f"rank {rank} in list {quoted(current.heading)}, expected {expected}")
        if rank > TOP_LIST_LENGTH:
            position.fail(
                line_number,
                f"rank {rank} in list {quoted(current.heading)}: a top-3 list ranks 1 to {TOP_LIST_LENGTH}",
            )
        if name not in position.catalogue.nationalities:
            position.fail(
                line_number,
                f"nationality {quoted(name)} is not in {position.catalogue.file('nationalities.csv')}: "
                "add a row with its English name and ISO codes",
            )
        current.ranks.append(rank)
        assert position.edition_year is not None
        self.top_nationalities.append(
            TopNationality(
                edition_year=position.edition_year,
                source_line=line_number,
                section_nl=position.section,
                list_title_printed=current.title,
                list_heading_nl=current.heading,
                list_heading_markers=current.markers,
                reference_year=current.reference_year,
                reference_year_is_printed="true" if current.year_is_printed else "false",
                rank=rank,
                nationality_nl=name,
            )
        )
