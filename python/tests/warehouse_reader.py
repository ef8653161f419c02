"""A BI tool's view of the published warehouse, run as its own process by the publishing tests.

    python warehouse_reader.py CLIENT WAREHOUSE STOP_FILE

CLIENT is duckdb-cli, python-duckdb or sqlalchemy. The reader opens WAREHOUSE read-only, prints
`ready` once it has counted the rows of every mart, and keeps counting them on the same
connection until STOP_FILE exists. Then it reconnects and prints one JSON line: how many rounds
it ran, and whether the table `published_before_the_build`, which the test adds to the file
published before the build, was there on the first connection throughout and is gone after
reconnecting. It runs on the project's Python and on an older DuckDB's, so it needs only the
standard library and its client. Any error ends it with a traceback and a non-zero exit.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

MARKER_TABLE = "published_before_the_build"
PAUSE_BETWEEN_ROUNDS_SECONDS = 0.2
MARTS_QUERY = "select table_name from information_schema.tables where table_schema = 'marts' order by table_name"
MARKER_QUERY = f"select count(*) from information_schema.tables where table_name = '{MARKER_TABLE}'"


class PythonDuckDB:
    def __init__(self, warehouse: Path) -> None:
        import duckdb

        self.connection = duckdb.connect(str(warehouse), read_only=True)

    def values(self, sql: str) -> list[str]:
        return [str(row[0]) for row in self.connection.execute(sql).fetchall()]

    def close(self) -> None:
        self.connection.close()


class SQLAlchemyDuckDB:
    def __init__(self, warehouse: Path) -> None:
        import sqlalchemy

        self.sqlalchemy = sqlalchemy
        self.engine = sqlalchemy.create_engine(f"duckdb:///{warehouse}", connect_args={"read_only": True})
        self.connection = self.engine.connect()

    def values(self, sql: str) -> list[str]:
        return [str(row[0]) for row in self.connection.execute(self.sqlalchemy.text(sql))]

    def close(self) -> None:
        self.connection.close()
        self.engine.dispose()


class DuckDBCLI:
    """The DuckDB CLI reading queries from a pipe: one CSV line per row, then an end line."""

    END = "--end--"

    def __init__(self, warehouse: Path) -> None:
        cli = Path(sys.executable).parent / "duckdb"
        self.process = subprocess.Popen(
            [str(cli), "-readonly", "-bail", "-csv", "-noheader", str(warehouse)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def values(self, sql: str) -> list[str]:
        self.process.stdin.write(f"{sql};\nselect '{self.END}';\n")
        self.process.stdin.flush()
        lines = []
        while (line := self.process.stdout.readline()) != f"{self.END}\n":
            if not line:
                raise RuntimeError(f"duckdb CLI stopped (exit {self.process.wait()}): {self.process.stderr.read()}")
            lines.append(line.rstrip("\n"))
        return lines

    def close(self) -> None:
        self.process.stdin.close()
        if self.process.wait() != 0:
            raise RuntimeError(f"duckdb CLI exited {self.process.returncode}: {self.process.stderr.read()}")


CLIENTS = {"duckdb-cli": DuckDBCLI, "python-duckdb": PythonDuckDB, "sqlalchemy": SQLAlchemyDuckDB}


def count_every_mart(client) -> None:
    marts = client.values(MARTS_QUERY)
    if not marts:
        raise RuntimeError("the warehouse has no table in schema marts")
    for mart in marts:
        client.values(f"select count(*) from marts.{mart}")


def has_marker(client) -> bool:
    return client.values(MARKER_QUERY) == ["1"]


def main(client_name: str, warehouse: Path, stop_file: Path) -> None:
    client = CLIENTS[client_name](warehouse)
    count_every_mart(client)
    marker_throughout = has_marker(client)
    print("ready", flush=True)
    rounds = 1
    while not stop_file.exists():
        count_every_mart(client)
        marker_throughout = marker_throughout and has_marker(client)
        rounds += 1
        time.sleep(PAUSE_BETWEEN_ROUNDS_SECONDS)
    client.close()

    reconnected = CLIENTS[client_name](warehouse)
    count_every_mart(reconnected)
    marker_after_reconnecting = has_marker(reconnected)
    reconnected.close()
    print(
        json.dumps(
            {
                "rounds": rounds,
                "marker_throughout": marker_throughout,
                "marker_after_reconnecting": marker_after_reconnecting,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
