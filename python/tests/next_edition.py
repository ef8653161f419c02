"""A next edition of the annual publication, written from the 2024 text, for the tests.

Like a real next edition: a new year's column, the previous years' figures printed again with
a few of them restated, and the oldest year dropped. The new year's figures are the latest
year's scaled, with cases pending made to follow intake and decisions exactly, so that the only
inconsistencies are the ones planted here on purpose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from jaarcijfers.sources.jaarcijfers.printed_figures import parse_figure

INTAKE_LABELS = ("Aanvragen", "Aanvragen MVV Nareis", "Procedures")
TRACK_HEADINGS = ("Spoor 1 - ", "Spoor 2 - ", "Spoor 4 - ")
GROWTH = {"intake": Decimal("1.06"), "decisions": Decimal("1.04"), "other": Decimal("1.03")}


@dataclass
class Planted:
    """What the generated edition gets wrong on purpose, and what it restates."""

    # (table heading, row label, reference year) -> printed text of the restated figure
    restated: dict[tuple[str, str, int], str] = field(default_factory=dict)
    stock_flow_gap: tuple[str, int] = ("Studenten", 300)
    staff_total_gap: int = 25
    first_applications_above_tracks: int = 500
    penalty_payments_printed: str = "€ 40,0 mln"
    # A table the IND no longer prints, so the edition is loaded only with --allow-missing.
    dropped_table: str = "Ketenservicelijn"


def dutch(number: Decimal | int) -> str:
    """38670 -> '38.670', the publication's way."""
    return f"{int(number):,}".replace(",", ".")


def tens(number: Decimal) -> Decimal:
    return (number / 10).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 10


def _tables(lines: list[str]) -> list[tuple[str, list[int]]]:
    """Each table heading with the indexes of its data rows."""
    tables: list[tuple[str, list[int]]] = []
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) != 4:
            continue
        label, values = cells[0].strip(), cells[1:]
        if all(value.strip() in ("", "2024", "2023", "2022") for value in values):
            if label:
                tables.append((label.rstrip("¹²³⁴⁵⁶⁷⁸⁹* "), []))
        elif tables:
            tables[-1][1].append(index)
    return tables


def next_edition(text_2024: str, planted: Planted) -> str:
    """The 2024 publication as the 2025 edition: columns 2025, 2024, 2023."""
    lines = text_2024.split("\n")
    new_column: dict[int, Decimal | str] = {}
    for heading, rows in _tables(lines):
        cells = {
            lines[index].split("\t")[0].strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹ "): (index, lines[index].split("\t"))
            for index in rows
        }
        printed_2024 = {label: parse_figure(row[1].strip()) for label, (_, row) in cells.items()}
        for label, (index, row) in cells.items():
            latest = printed_2024[label]
            if row[1].strip().endswith("%") or latest is None:
                new_column[index] = row[1].strip()
            elif label.startswith("Doorlooptijd"):
                new_column[index] = latest + 2
            elif heading.startswith("Personele bezetting"):
                new_column[index] = (latest * GROWTH["other"]).quantize(Decimal(1), rounding=ROUND_HALF_UP)
            elif label in INTAKE_LABELS:
                new_column[index] = tens(latest * GROWTH["intake"])
            elif label == "Beslissingen":
                new_column[index] = tens(latest * GROWTH["decisions"])
            else:
                new_column[index] = tens(latest * GROWTH["other"])
        intake = next((label for label in INTAKE_LABELS if label in cells), None)
        if intake and "Beslissingen" in cells and "In behandeling" in cells:
            pending_index = cells["In behandeling"][0]
            decisions_index = cells["Beslissingen"][0]
            # No procedure decides more than it has: the backlog never goes below zero.
            new_column[decisions_index] = min(
                new_column[decisions_index], printed_2024["In behandeling"] + new_column[cells[intake][0]]
            )
            new_column[pending_index] = (
                printed_2024["In behandeling"] + new_column[cells[intake][0]] - new_column[cells["Beslissingen"][0]]
            )
            if heading == planted.stock_flow_gap[0]:
                new_column[pending_index] += planted.stock_flow_gap[1]
        if heading.startswith("Personele bezetting"):
            total = cells["Totale bezetting"][0]
            new_column[total] = (
                new_column[cells["Ambtelijke bezetting"][0]]
                + new_column[cells["Externe medewerkers"][0]]
                + planted.staff_total_gap
            )
    tracks = sum(new_column[rows[0]] for heading, rows in _tables(lines) if heading.startswith(TRACK_HEADINGS))
    first_applications = next(rows[0] for heading, rows in _tables(lines) if heading == "Nieuwe asielaanvragen")
    new_column[first_applications] = tracks + planted.first_applications_above_tracks

    dropped = next(rows for heading, rows in _tables(lines) if heading == planted.dropped_table)
    written = []
    for index, line in enumerate(lines):
        if index in dropped or line.startswith(planted.dropped_table + "\t"):
            continue
        if index in new_column:
            label, value_2024, value_2023, _ = line.split("\t")
            key = label.strip().rstrip("¹²³⁴⁵⁶⁷⁸⁹ ")
            heading = next(heading for heading, rows in _tables(lines) if index in rows)
            value_2024 = planted.restated.get((heading, key, 2024), value_2024)
            value_2025 = new_column[index]
            shown = value_2025 if isinstance(value_2025, str) else dutch(value_2025)
            line = "\t".join([label, shown, value_2024, value_2023])
        else:
            line = line.replace("\t2024\t2023\t2022", "\t2025\t2024\t2023")
            line = line.replace("Jaarcijfers - 2024", "Jaarcijfers - 2025")
            line = line.replace("Top 3 nationaliteiten aanvragen 2024", "Top 3 nationaliteiten aanvragen 2025")
            line = line.replace("is in 2024 € 36,8 mln.", f"is in 2025 {planted.penalty_payments_printed}.")
        written.append(line)
    return "\n".join(written)
