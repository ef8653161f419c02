"""Which warehouse Superset serves, read by serve.py and superset_config.py alike.

`file` (the default): the published DuckDB file, as bi/superset/assets/databases/ ship it.
`postgres`: the warehouse published on the PostgreSQL server of the libpq variables (PGHOST,
PGPORT, PGDATABASE, with the defaults of the `postgres` target in profiles.yml), connected as the
read-only role (IND_READER_ROLE, default ind_reader), never as PGUSER, the builder. The URI
holds no password: libpq finds it in PGPASSWORD, which serve.py gives Superset's process alone
(from IND_READER_PASSWORD, or PGPASSWORD when PGUSER is the reader), or in ~/.pgpass.
serve.py sets IND_SUPERSET_TARGET for the server it starts, so that superset_config.py allows
that database and no other.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

import yaml

ASSETS = Path(__file__).resolve().parent / "assets"
TARGET_VARIABLE = "IND_SUPERSET_TARGET"
TARGETS = ("file", "postgres")
# python/src/jaarcijfers/publish_postgres.py: the read-only role and the server's defaults.
READER_ROLE_VARIABLE = "IND_READER_ROLE"
DEFAULT_READER_ROLE = "ind_reader"
PROFILE_DEFAULTS = {"PGHOST": "127.0.0.1", "PGPORT": "5432", "PGDATABASE": "ind"}
# Every connection to the server, whatever the database's extra says: read-only transactions,
# named in pg_stat_activity. Nothing an admin writes in the extra (host, user, service,
# passfile) reaches libpq: the URI validator checks the URI, this replaces the rest.
POSTGRES_CONNECT_ARGS = {
    "application_name": "Superset (IND Jaarcijfers)",
    "options": "-c default_transaction_read_only=on",
}


def target() -> str:
    chosen = os.environ.get(TARGET_VARIABLE) or "file"
    if chosen not in TARGETS:
        raise ValueError(f"{TARGET_VARIABLE}={chosen!r}: one of {', '.join(TARGETS)}")
    return chosen


def reader_role() -> str:
    return os.environ.get(READER_ROLE_VARIABLE) or DEFAULT_READER_ROLE


def server() -> dict[str, str]:
    """Host, port and database of the server, as libpq and the `postgres` target read them."""
    return {name: os.environ.get(name) or default for name, default in PROFILE_DEFAULTS.items()}


def postgres_uri() -> str:
    where = server()
    return f"postgresql+psycopg2://{reader_role()}@{where['PGHOST']}:{where['PGPORT']}/{where['PGDATABASE']}"


def shipped_databases() -> list[dict]:
    """The database files of assets/, as shipped (the DuckDB file)."""
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ASSETS / "databases").glob("*.yaml"))]


def databases(chosen: str | None = None) -> list[dict]:
    """The databases Superset serves for the target: the shipped ones, or each of them moved to the
    server, under the same uuid, so that the datasets, charts and dashboard import unchanged."""
    chosen = chosen or target()
    shipped = shipped_databases()
    if chosen == "file":
        return shipped
    moved = []
    for database in shipped:
        database = copy.deepcopy(database)
        database["database_name"] = f"{database['database_name']} (PostgreSQL)"
        database["sqlalchemy_uri"] = postgres_uri()
        database["extra"] = {"engine_params": {"connect_args": dict(POSTGRES_CONNECT_ARGS)}}
        moved.append(database)
    return moved
