"""Serve Superset on the published warehouse, with the IND Jaarcijfers dashboard imported.

    .venv-superset/bin/python bi/superset/serve.py [--port 8088] [--home DIR] [--target postgres]

`make superset` runs it (`make superset TARGET=postgres`: with --target postgres). Its state
lives in HOME (default `.superset/` at the repo root, not committed): Superset's metadata
database and, generated on first run, `secrets.json` with Superset's SECRET_KEY and the admin's
password, readable by the user only. Each run brings the metadata database up to date (`superset
db upgrade`), syncs roles and permissions (`superset init`), creates the user `admin` if it is
missing, imports `assets/` with the metrics of `metrics.yaml` (replacing what an earlier run
imported), and then becomes gunicorn serving on 127.0.0.1 only, until it is stopped. The
warehouse is opened read-only, relative to the repo root, which is the server's working
directory.

The password never appears on a command line (which every user of the machine can read in
/proc): the admin is created in this process, from secrets.json.

With --target postgres the dashboard reads the warehouse published on the PostgreSQL server of
the libpq variables instead (served_warehouse.py), connected as the read-only role ind_reader, its
state in `.superset-postgres/`. The reader's password comes from IND_READER_PASSWORD, from
PGPASSWORD when PGUSER is the reader, or from ~/.pgpass; Superset's process gets it alone, as
PGPASSWORD in its environment, never the builder's, and never in a URI or on a command line.
Before anything starts, the role must log in, read the published marts and be unable to write.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import yaml

SUPERSET_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(SUPERSET_DIR))
import served_warehouse as warehouse  # noqa: E402 (beside this file, also when loaded by its path)

REPO_ROOT = SUPERSET_DIR.parents[1]
ASSETS = SUPERSET_DIR / "assets"
METRICS = SUPERSET_DIR / "metrics.yaml"
PUBLISHED_WAREHOUSE = REPO_ROOT / "warehouse" / "ind.duckdb"
ADMIN = "admin"
DASHBOARD_PATH = "/superset/dashboard/ind-jaarcijfers/"


class AssetError(Exception):
    pass


def ensure_secrets(home: Path) -> dict[str, str]:
    """The secrets in HOME/secrets.json, generated the first time; the file is the user's alone."""
    home.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = home / "secrets.json"
    if not path.exists():
        generated = {"secret_key": secrets.token_urlsafe(48), "admin_password": secrets.token_urlsafe(16)}
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(generated, handle, indent=2)
    return json.loads(path.read_text(encoding="utf-8"))


def bundle(assets: Path = ASSETS, metrics_file: Path = METRICS, target: str = "file") -> dict[str, str]:
    """The files of `assets` as an import bundle, each dataset given its metrics from `metrics_file`,
    the databases those of `target` (warehouse.databases: the file's, or the server's)."""
    metrics = yaml.safe_load(metrics_file.read_text(encoding="utf-8"))
    served = {database["uuid"]: database for database in warehouse.databases(target)}
    contents: dict[str, str] = {}
    for path in sorted(assets.rglob("*.yaml")):
        name = path.relative_to(assets).as_posix()
        text = path.read_text(encoding="utf-8")
        if name.startswith("databases/"):
            database = yaml.safe_load(text)
            text = yaml.safe_dump(served[database["uuid"]], sort_keys=False, allow_unicode=True)
        if name.startswith("datasets/"):
            dataset = yaml.safe_load(text)
            if dataset.get("metrics"):
                raise AssetError(f"{path}: metrics belong in {metrics_file}, not in the dataset's file")
            dataset["metrics"] = metrics.pop(dataset["table_name"], [])
            text = yaml.safe_dump(dataset, sort_keys=False, allow_unicode=True)
        contents[name] = text
    if metrics:
        raise AssetError(f"{metrics_file}: no dataset in {assets} for {', '.join(sorted(metrics))}")
    return contents


def superset(*arguments: str) -> None:
    command = [str(Path(sys.executable).parent / "superset"), *arguments]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"serve.py: `superset {' '.join(arguments)}` failed:\n{completed.stdout}{completed.stderr}")


def set_up(contents: dict[str, str], password: str) -> None:
    """Create the admin when missing, then import the bundle as Superset's asset import does
    (overwriting by uuid), owned by admin.

    No role may write a database (superset_config.py), so the asset import, which runs with the
    admin's permissions, keeps a database it finds: the shipped databases are imported first, by
    this process, with their settings of `assets/`.
    """
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import db, security_manager
        from superset.commands.database.importers.v1.utils import import_database
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.databases.schemas import ImportV1DatabaseSchema
        from superset.models.slice import Slice
        from superset.utils.core import override_user

        admin = security_manager.find_user(username=ADMIN) or security_manager.add_user(
            ADMIN, "IND", "Admin", "admin@localhost", security_manager.find_role("Admin"), password=password
        )
        if not admin:
            sys.exit(f"serve.py: could not create the user {ADMIN} (see the log above)")
        for name, text in contents.items():
            if name.startswith("databases/"):
                import_database(
                    ImportV1DatabaseSchema().load(yaml.safe_load(text)), overwrite=True, ignore_permissions=True
                )
        with override_user(admin):
            ImportAssetsCommand(contents).run()
        chart_uuids = [yaml.safe_load(text)["uuid"] for name, text in contents.items() if name.startswith("charts/")]
        for chart in db.session.query(Slice).filter(Slice.uuid.in_(chart_uuids)):
            point_query_context_at(chart)
        db.session.commit()


def point_query_context_at(chart) -> None:
    """Give a chart's saved query (what the chart-data API runs) this instance's ids.

    The import rewrites a chart's params to the ids the dataset and chart get here, but leaves the
    ids of the instance it was exported from in its saved query context. A chart exported without
    one (never saved from Explore) keeps none, and the chart-data API says so.
    """
    if not chart.query_context:
        return
    query_context = json.loads(chart.query_context)
    query_context["datasource"] = {"id": chart.datasource_id, "type": chart.datasource_type}
    query_context["form_data"].update(datasource=f"{chart.datasource_id}__{chart.datasource_type}", slice_id=chart.id)
    chart.query_context = json.dumps(query_context)


def as_the_reader() -> None:
    """Leave this process (and what it starts) the libpq variables of the read-only role only:
    PGUSER the reader, PGPASSWORD the reader's password or none (then libpq reads ~/.pgpass)."""
    reader = warehouse.reader_role()
    password = os.environ.pop("IND_READER_PASSWORD", None)
    if password is None and os.environ.get("PGUSER") == reader:
        password = os.environ.get("PGPASSWORD")
    os.environ.pop("PGPASSWORD", None)
    os.environ["PGUSER"] = reader
    if password:
        os.environ["PGPASSWORD"] = password


def check_the_reader() -> str:
    """Connect as the reader, as Superset will; refuse a role that may write, or a server without a
    published warehouse. Returns where the warehouse is, for the log."""
    import psycopg2

    where = warehouse.server()
    described = f"{warehouse.reader_role()} at {where['PGHOST']}:{where['PGPORT']}/{where['PGDATABASE']}"
    try:
        connection = psycopg2.connect(
            host=where["PGHOST"], port=where["PGPORT"], dbname=where["PGDATABASE"], user=warehouse.reader_role()
        )
    except psycopg2.Error as error:
        sys.exit(
            f"serve.py: cannot connect to PostgreSQL as {described} ({str(error).strip()}); give the read-only "
            "role's password in IND_READER_PASSWORD or ~/.pgpass (docs/postgresql.md)"
        )
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                "select rolsuper, has_database_privilege(current_database(), 'create'), "
                "to_regclass('marts.fct_figures') is not null from pg_roles where rolname = current_user"
            )
            superuser, may_create, published = cursor.fetchone()
            cursor.execute(
                "select nspname from pg_namespace where has_schema_privilege(oid, 'create') "
                "and nspname not like 'pg\\_%' and nspname <> 'information_schema'"
            )
            writable = [name for (name,) in cursor.fetchall()]
    finally:
        connection.close()
    if superuser or may_create or writable:
        sys.exit(
            f"serve.py: {described} may write (superuser: {superuser}, create in the database: {may_create}, "
            f"create in schemas: {', '.join(writable) or 'none'}); Superset connects as a read-only role only"
        )
    if not published:
        sys.exit(f"serve.py: {described} reads no marts.fct_figures: run `make build TARGET=postgres` first")
    return described


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8088, help="port on 127.0.0.1 (default: 8088)")
    parser.add_argument(
        "--home", type=Path, help="state folder (default: .superset, with --target postgres .superset-postgres)"
    )
    parser.add_argument(
        "--target",
        choices=warehouse.TARGETS,
        default="file",
        help="the published file (default), or the warehouse on the PostgreSQL server of the libpq variables",
    )
    args = parser.parse_args(argv)
    if args.target == "postgres":
        as_the_reader()
        served = f"on PostgreSQL as {check_the_reader()}"
    elif PUBLISHED_WAREHOUSE.is_file():
        served = f"on {PUBLISHED_WAREHOUSE.relative_to(REPO_ROOT)}"
    else:
        sys.exit(f"serve.py: {PUBLISHED_WAREHOUSE} does not exist: run `make build` first")
    default_home = ".superset" if args.target == "file" else f".superset-{args.target}"
    home = (args.home or REPO_ROOT / default_home).resolve()
    credentials = ensure_secrets(home)
    os.environ.update(
        SUPERSET_HOME=str(home),
        SUPERSET_CONFIG_PATH=str(SUPERSET_DIR / "superset_config.py"),
        **{warehouse.TARGET_VARIABLE: args.target},
    )
    os.chdir(REPO_ROOT)
    contents = bundle(target=args.target)
    superset("db", "upgrade")
    superset("init")
    set_up(contents, credentials["admin_password"])
    print(
        f"Superset {served} on http://127.0.0.1:{args.port}{DASHBOARD_PATH}\n"
        f"user {ADMIN}, password in {home / 'secrets.json'}; stop it with Ctrl-C",
        flush=True,
    )
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    os.execv(
        gunicorn,
        [
            gunicorn,
            "--bind",
            f"127.0.0.1:{args.port}",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "8",
            "--timeout",
            "120",
            "superset.app:create_app()",
        ],
    )


if __name__ == "__main__":
    main()
