"""The report's only way into the warehouse: plain selects from the reporting schema's rpt_ tables.

Every number and label the report shows is a column of a reporting model (models/reporting/),
so a BI user can query the same rows and dbt tests them; the report only lays them out.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import duckdb

_NAME = re.compile(r"[a-z_][a-z0-9_]*")
_ORDER = re.compile(r"[a-z_][a-z0-9_]*( desc)?")


class Reporting:
    """Rows of the reporting tables, read through one read-only connection."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection

    def rows(self, table: str, *, where: dict | None = None, order_by: tuple[str, ...] = ()) -> list[dict]:
        """`select * from reporting.<table> [where column = value and …] [order by column [desc], …]`, as dicts.

        Decimals become floats and dates ISO text (2022-11-01), ready to be a chart's inline data.
        """
        where = where or {}
        names_are_plain = all(_NAME.fullmatch(name) for name in (table, *where)) and all(
            _ORDER.fullmatch(name) for name in order_by
        )
        if not (table.startswith("rpt_") and names_are_plain):
            raise ValueError(
                f"the report reads reporting.rpt_ tables by plain column names, not {table} {where} {order_by}"
            )
        sql = f"select * from reporting.{table}"
        if where:
            sql += " where " + " and ".join(f"{column} = ?" for column in where)
        if order_by:
            sql += " order by " + ", ".join(order_by)
        cursor = self.connection.execute(sql, list(where.values()))
        columns = [column[0] for column in cursor.description]
        return [{name: _inline(value) for name, value in zip(columns, row, strict=True)} for row in cursor.fetchall()]


def _inline(value: object) -> object:
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value
