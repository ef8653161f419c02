"""Superset's settings for the IND warehouse, read through SUPERSET_CONFIG_PATH (set by serve.py).

Only what differs from Superset's defaults is here; every security default (CSRF, Talisman's
content security policy, the block on unsafe database URIs) stays on. The secrets are not in
the repository: serve.py generates them on first run into $SUPERSET_HOME/secrets.json.

The shipped database is the only one, and it reaches no file but the warehouse. A DuckDB
database that Superset lets anyone add, `duckdb:///:memory:`, reads and writes every file the
server's user may (`read_csv('/etc/passwd')`, `COPY ... TO`). So no role, Admin included, may
add, edit or delete a database or upload a file; and since an admin can grant his role those
permissions back, Superset's engine hooks refuse to connect to any other database and open the
shipped one read-only, without external access, its configuration locked, whatever its settings.

With `serve.py --target postgres` (served_warehouse.py) the one database is the warehouse on the
PostgreSQL server, as the read-only role: the only URI allowed is that one, and its connection
arguments are replaced by read-only ones whatever its extra says, so no admin can point it at
another host, user or password file.
"""

import copy
import importlib.util
import json
import os
from pathlib import Path

from superset.security import SupersetSecurityManager

# bi/superset/served_warehouse.py, beside this file, which Superset loads by its path.
_spec = importlib.util.spec_from_file_location(
    "served_warehouse", Path(__file__).resolve().parent / "served_warehouse.py"
)
warehouse = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(warehouse)

SUPERSET_HOME = Path(os.environ["SUPERSET_HOME"])
_SECRETS = json.loads((SUPERSET_HOME / "secrets.json").read_text(encoding="utf-8"))

SECRET_KEY = _SECRETS["secret_key"]
# Superset's own metadata (users, dashboards, charts), not the warehouse.
SQLALCHEMY_DATABASE_URI = f"sqlite:///{SUPERSET_HOME / 'superset.db'}"
# Without this the UI loads an analytics pixel from outside the machine.
SCARF_ANALYTICS = False
# SCARF_ANALYTICS above is Superset's documented opt-out, yet the 6.1.0 frontend on PyPI still
# asks for the pixel (seen in the browser test). So the content security policy is Superset's
# own with every host off this machine left out (the pixel, map tiles, web fonts): the browser
# then refuses such a request instead of sending it.
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}

# The databases of bi/superset/assets, which serve.py imports (moved to the server with
# --target postgres): the only ones Superset connects to.
_SHIPPED_URIS = frozenset(database["sqlalchemy_uri"] for database in warehouse.databases())
# DuckDB's own guard, set when a connection opens: read-only, no file, extension or URL beyond the
# database file, and no `SET` that could loosen either.
_LOCKED_DUCKDB = {"read_only": True, "config": {"enable_external_access": False, "lock_configuration": True}}
# Adding, editing, deleting or test-connecting a database (can_write), uploading a file (can_upload),
# importing a bundle of assets, which replaces any database of the same uuid (can_import_).
_NO_ROLE_MAY = {("can_write", "Database"), ("can_upload", "Database"), ("can_import_", "ImportExportRestApi")}


class WarehouseSecurityManager(SupersetSecurityManager):
    """Superset's roles as `superset init` syncs them, less the permissions of _NO_ROLE_MAY."""

    def set_role(self, role_name, pvm_check, pvms):
        def allowed(pvm) -> bool:
            return (pvm.permission.name, pvm.view_menu.name) not in _NO_ROLE_MAY and pvm_check(pvm)

        super().set_role(role_name, allowed, pvms)


def refuse_all_but_the_shipped_databases(sqlalchemy_url) -> None:
    """Called before each connection: a database with any other URI never connects."""
    if sqlalchemy_url.render_as_string(hide_password=False) not in _SHIPPED_URIS:
        raise ValueError("this Superset connects to the warehouse of bi/superset/assets only")


def lock_duckdb(sqlalchemy_url, engine_kwargs, username, security_manager, source):
    """The connection's arguments for DuckDB, or for the PostgreSQL server, whatever the database's
    extra says."""
    if sqlalchemy_url.get_backend_name() == "duckdb":
        engine_kwargs["connect_args"] = copy.deepcopy(_LOCKED_DUCKDB)
    elif sqlalchemy_url.get_backend_name() == "postgresql":
        engine_kwargs["connect_args"] = dict(warehouse.POSTGRES_CONNECT_ARGS)
    return sqlalchemy_url, engine_kwargs


CUSTOM_SECURITY_MANAGER = WarehouseSecurityManager
DB_SQLA_URI_VALIDATOR = refuse_all_but_the_shipped_databases
DB_CONNECTION_MUTATOR = lock_duckdb
# No upload of any kind passes the file check, nor may a dataset's import fetch its data from a URL.
EXCEL_EXTENSIONS: set[str] = set()
CSV_EXTENSIONS: set[str] = set()
COLUMNAR_EXTENSIONS: set[str] = set()
ALLOWED_EXTENSIONS: set[str] = set()
DATASET_IMPORT_ALLOWED_DATA_URLS: list[str] = []
