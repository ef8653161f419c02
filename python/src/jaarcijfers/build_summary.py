"""What a build changed against the warehouse published before it: figures added, restated and
removed per source, and the consistency checks that newly fail, with their gap.

Both warehouses are read whole (a few thousand rows) through read-only connections and compared
here by their keys; the marts compute everything else. On a PostgreSQL server the two are schema
sets of one database: the published `marts` and the build's `marts__building` (publish_postgres.py).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

SHOWN_CHECKS = 5
WHERE_TO_LOOK = (
    "every discrepancy: select * from marts.fct_consistency_checks where not holds; "
    "every restatement: marts.fct_revisions"
)


@dataclass
class WarehouseState:
    figures: dict[str, tuple[str, str]]  # figure_id -> (source_code, value_printed)
    failing_checks: dict[str, tuple[str, Decimal | None, str]]  # check_id -> (subject, gap, unit)


FIGURES = "select figure_id, source_code, value_printed from {schema}.fct_figures"
FAILING_CHECKS = "select check_id, subject, gap, unit from {schema}.fct_consistency_checks where not holds"


def _state(cursor, schema: str) -> WarehouseState:
    """The state read through a DB-API cursor (DuckDB's connection is one) from the marts in `schema`."""
    cursor.execute(FIGURES.format(schema=schema))
    figure_rows = {figure_id: (source, printed) for figure_id, source, printed in cursor.fetchall()}
    cursor.execute(FAILING_CHECKS.format(schema=schema))
    check_rows = {check_id: (subject, gap, unit) for check_id, subject, gap, unit in cursor.fetchall()}
    return WarehouseState(figure_rows, check_rows)


def read_state(warehouse: Path) -> WarehouseState | None:
    """The figures and failing checks of `warehouse`; None when there is none, or it cannot be read."""
    if not warehouse.is_file():
        return None
    try:
        with duckdb.connect(str(warehouse), read_only=True) as connection:
            return _state(connection, "marts")
    except duckdb.Error:
        return None


def read_server_state(connection, schema: str) -> WarehouseState | None:
    """The figures and failing checks of the marts in `schema` of a PostgreSQL database (a psycopg2
    connection); None when the schema has no marts yet, or they cannot be read."""
    import psycopg2

    try:
        with connection.cursor() as cursor:
            cursor.execute("select to_regclass(%s) is not null", (f'"{schema}".fct_figures',))
            if not cursor.fetchone()[0]:
                return None
            return _state(cursor, f'"{schema}"')
    except psycopg2.Error:
        return None


def _counts(figure_ids: set[str], figures: dict[str, tuple[str, str]]) -> Counter[str]:
    return Counter(figures[figure_id][0] for figure_id in figure_ids)


def summary_lines(before: WarehouseState | None, after: WarehouseState) -> list[str]:
    """A few lines saying what changed from `before` (None: nothing was published) to `after`."""
    if before is None:
        per_source = Counter(source for source, _ in after.figures.values())
        figures = ", ".join(f"{source} {count}" for source, count in sorted(per_source.items()))
        lines = [f"figures: {len(after.figures)} ({figures}); no earlier warehouse to compare with"]
        newly_failing = set(after.failing_checks)
    else:
        added = _counts(set(after.figures) - set(before.figures), after.figures)
        removed = _counts(set(before.figures) - set(after.figures), before.figures)
        restated = _counts(
            {key for key in set(after.figures) & set(before.figures) if after.figures[key] != before.figures[key]},
            after.figures,
        )
        sources = sorted(set(added) | set(removed) | set(restated) | {s for s, _ in after.figures.values()})
        changes = [
            f"{source} +{added[source]} added, {restated[source]} restated, -{removed[source]} removed"
            for source in sources
        ]
        lines = ["figures since the last published build: " + "; ".join(changes)]
        newly_failing = set(after.failing_checks) - set(before.failing_checks)
    lines.append(
        f"consistency checks that do not hold: {len(after.failing_checks)}, of which {len(newly_failing)} newly"
    )
    for check_id in sorted(newly_failing)[:SHOWN_CHECKS]:
        subject, gap, unit = after.failing_checks[check_id]
        shown_gap = format(gap.normalize(), "f") if gap is not None else "unknown"
        lines.append(f"  new: {subject} (gap {shown_gap} {unit})")
    if len(newly_failing) > SHOWN_CHECKS:
        lines.append(f"  … and {len(newly_failing) - SHOWN_CHECKS} more")
    lines.append(WHERE_TO_LOOK)
    return lines
