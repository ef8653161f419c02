"""A copy of the warehouse with every row stored in another order.

A build stores rows in whatever order its threads finish, so a query whose `order by` leaves ties
answers differently from one build to the next. Reading the same figures from a copy that stores
each table's rows in reverse makes such ties show up in a single test run.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

SCHEMAS = ("marts", "reporting")


def reversed_copy(warehouse: Path, copy: Path) -> Path:
    """Every table and view of the marts and reporting schemas as a table of `copy`, its rows reversed."""
    copy.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(copy)) as connection:
        connection.execute(f"attach '{warehouse}' as original (read_only)")
        relations = connection.execute(
            "select table_schema, table_name from information_schema.tables "
            f"where table_catalog = 'original' and table_schema in ({', '.join(map(repr, SCHEMAS))}) "
            "order by table_schema, table_name"
        ).fetchall()
        for schema in SCHEMAS:
            connection.execute(f"create schema {schema}")
        for schema, table in relations:
            connection.execute(
                f"create table {schema}.{table} as "
                "select * exclude (stored_position) from ("
                f"select *, row_number() over () as stored_position from original.{schema}.{table}"
                ") order by stored_position desc"
            )
    return copy
