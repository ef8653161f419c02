from __future__ import annotations

import csv
import os
import secrets
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from jaarcijfers.inputs import csv_rows
from jaarcijfers.publish_postgres import READER_ROLE, connection_settings
from jaarcijfers.seed_set import render_seed
from jaarcijfers.sources.jaarcijfers.catalogue import Catalogue, load_catalogue
from jaarcijfers.sources.jaarcijfers.seeds import (
    PUBLICATIONS_FOLDER,
    SEED_FILES,
    SEEDS_FOLDER,
    render_csv,
    source_file_of,
)

REPOSITORY = Path(__file__).resolve().parents[2]
# The project whose seeds and warehouse the tests read: this repository, or a copy with another
# edition loaded (test_next_edition.py runs the read-only tests on such a copy this way).
PROJECT_DIR = Path(os.environ.get("IND_PROJECT_DIR", REPOSITORY)).resolve()
PUBLICATION_2024 = PROJECT_DIR / PUBLICATIONS_FOLDER / "jaarcijfers-2024.txt"
PUBLISHED_WAREHOUSE = PROJECT_DIR / "warehouse" / "ind.duckdb"
COPIED_FOR_A_PROJECT = (
    "dbt_project.yml",
    "profiles.yml",
    "seeds",
    "models",
    "macros",
    "tests",
    "analyses",
    "publications",
)


# Under CI (`.ci/run` sets CI) nothing may skip: a skipped test there is a check that did not run.
UNDER_CI = bool(os.environ.get("CI"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    report = yield
    if UNDER_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped under CI, where every test must run: {reason.removeprefix('Skipped: ')}"
    return report


def pytest_terminal_summary(terminalreporter) -> None:
    """Locally, say what was skipped and how to install what it needs."""
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.section(f"{len(skipped)} skipped: these checks did not run", sep="!")
        for report in skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            terminalreporter.line(f"{report.nodeid}: {reason.removeprefix('Skipped: ')}")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(PROJECT_DIR / "seeds" / "reference")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A throwaway copy of the project's sources, for commands that write seeds or a warehouse."""
    copy = tmp_path / "project"
    copy.mkdir()
    for name in COPIED_FOR_A_PROJECT:
        source = PROJECT_DIR / name
        if source.is_dir():
            shutil.copytree(source, copy / name)
        elif source.exists():
            shutil.copy2(source, copy / name)
    saved_parse = PROJECT_DIR / "target" / "partial_parse.msgpack"
    if saved_parse.is_file():
        # dbt's saved parse of the same sources spares each build in the copy a full parse.
        (copy / "target").mkdir()
        shutil.copyfile(saved_parse, copy / "target" / saved_parse.name)
    return copy


@pytest.fixture
def project_copy_up_to_2024(project_copy: Path) -> Path:
    """The project copy with only the editions up to 2024, whatever later ones the project has
    loaded: the extractor's tests write a next edition, 2025, of their own and compare it with 2024."""
    kept = {}
    for name, record_type in SEED_FILES.items():
        seed = project_copy / SEEDS_FOLDER / name
        with seed.open(encoding="utf-8", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if int(row["edition_year"]) <= 2024]
        seed.write_text(render_csv(record_type, rows), encoding="utf-8", newline="")
        kept[name] = rows
    loaded = {row["source_file"] for row in kept["jaarcijfers_publications.csv"]}
    publications = project_copy / "publications"
    dropped = {source_file_of(text) for text in (project_copy / PUBLICATIONS_FOLDER).glob("*.txt")} - loaded
    for source_file in dropped:
        (publications / source_file).unlink()
    sources = project_copy / "seeds" / "reference" / "publication_sources.csv"
    lines = sources.read_text(encoding="utf-8").splitlines(keepends=True)
    sources.write_text("".join(line for line in lines if line.split(",", 1)[0] not in dropped), encoding="utf-8")
    return project_copy


def keep_only_the_first_file(project: Path, code: str, files_seed: str, seeds_by_files_column: dict[str, str]) -> Path:
    """The project with only the first file of a source loaded, whatever releases were added after it:
    the later files (with their pages file and README) leave publications/<code>/, and each seed keeps
    the rows whose source_file is the first file's value of the files seed's column named for it."""
    seeds = project / "seeds" / "raw" / code
    files = csv_rows(seeds / files_seed)
    first = files[0]
    for later in files[1:]:
        (project / "publications" / later["source_file"]).unlink()
        if later.get("pages_file"):  # a release may come without a pages file beside it
            (project / "publications" / later["pages_file"]).unlink()
        readme = Path(later["source_file"]).with_suffix(".README.md")
        (project / "publications" / readme).unlink(missing_ok=True)
    for name, files_column in {files_seed: "source_file", **seeds_by_files_column}.items():
        with (seeds / name).open(encoding="utf-8", newline="") as handle:
            columns = csv.DictReader(handle).fieldnames
        kept = [row for row in csv_rows(seeds / name) if row["source_file"] == first[files_column]]
        (seeds / name).write_text(render_seed(columns, kept), encoding="utf-8")
    return project


@pytest.fixture
def news_copy(project_copy: Path) -> Path:
    """The project copy with only the first news file loaded (the shared `ind_news/figures.csv`), whatever
    releases the project added after it: the news tests write releases of their own, for months a later
    real release may print otherwise."""
    return keep_only_the_first_file(
        project_copy, "ind_news", "ind_news_files.csv", {"ind_news_figures.csv": "source_file"}
    )


@pytest.fixture
def published_in_copy(project_copy: Path) -> Path:
    """The project's published warehouse, copied to be the project copy's published file."""
    assert PUBLISHED_WAREHOUSE.is_file(), f"{PUBLISHED_WAREHOUSE} is missing: run `make build` first"
    published = project_copy / "warehouse" / "ind.duckdb"
    published.parent.mkdir()
    shutil.copyfile(PUBLISHED_WAREHOUSE, published)
    return published


def older_duckdb_python(version: str) -> Path:
    """The Python of the environment `make test` creates with DuckDB `version` (requirements-duckdb-VERSION.txt)."""
    python = REPOSITORY / f".venv-duckdb-{version}" / "bin" / "python"
    assert python.exists(), f"{python} is missing: `make test` (or `make older-duckdb`) creates it"
    return python


def publication_2024_text() -> str:
    return (REPOSITORY / PUBLICATIONS_FOLDER / "jaarcijfers-2024.txt").read_text(encoding="utf-8")


def as_edition(text: str, year: int) -> str:
    """The 2024 publication's layout with every year moved so that the edition is `year`."""
    shift = year - 2024
    for old in (2024, 2023, 2022):
        text = text.replace(str(old), f"@{old + shift}@")
    return text.replace("@", "")


def raw_seed_bytes(project: Path) -> dict[str, bytes]:
    """Every raw seed of every source, by its path under seeds/raw/."""
    raw = project / "seeds" / "raw"
    return {path.relative_to(raw).as_posix(): path.read_bytes() for path in sorted(raw.rglob("*.csv"))}


def add_publication_source(project: Path, publication: Path, source_type: str = "annual figures publication") -> None:
    """A provenance row for the Jaarcijfers text `publication`, under the name its seeds give it."""
    with (project / "seeds" / "reference" / "publication_sources.csv").open("a", encoding="utf-8") as handle:
        handle.write(
            f"{source_file_of(publication)},{source_type},Immigratie- en Naturalisatiedienst (IND),"
            ",,2026-11-28,Written by a test.\n"
        )


# ---------- a PostgreSQL server, for the tests of the postgres target


def _connection_settings() -> dict[str, str]:
    """The server the postgres target names (its defaults in one place, publish_postgres.py), and the password."""
    settings = {key: value for key, value in connection_settings().items() if key != "dbname"}
    return {**settings, "password": os.environ.get("PGPASSWORD", "")}


@dataclass(frozen=True)
class Server:
    settings: dict[str, str]
    maintenance_database: str

    def connect(self, database: str):
        import psycopg2

        return psycopg2.connect(dbname=database, connect_timeout=5, **self.settings)

    def execute(self, statement: str) -> None:
        connection = self.connect(self.maintenance_database)
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(statement)
        finally:
            connection.close()


@pytest.fixture(scope="session")
def server() -> Server:
    """A PostgreSQL server reached through the libpq variables (`.ci/run` starts one); skipped without."""
    psycopg2 = pytest.importorskip("psycopg2", reason="psycopg2 is not installed: the PostgreSQL tests are skipped")
    settings = _connection_settings()
    errors = []
    for database in (connection_settings()["dbname"], "postgres"):
        try:
            psycopg2.connect(dbname=database, connect_timeout=5, **settings).close()
            return Server(settings, database)
        except psycopg2.OperationalError as error:
            errors.append(str(error).strip().splitlines()[0])
    pytest.skip(
        f"no PostgreSQL server reachable at {settings['host']}:{settings['port']} as {settings['user']} "
        f"({'; '.join(errors)}): the PostgreSQL tests need a server: set PGHOST, PGPORT, PGUSER and "
        "PGPASSWORD (a throwaway one: docs/postgresql.md; .ci/run starts one)"
    )


@pytest.fixture(scope="module")
def throwaway_database(server: Server) -> Iterator[str]:
    name = f"ind_test_{uuid.uuid4().hex[:12]}"
    server.execute(f'create database "{name}"')
    try:
        yield name
    finally:
        server.execute(f'drop database if exists "{name}" with (force)')


@dataclass(frozen=True)
class PublishedOnServer:
    """A project copy built and published by `jaarcijfers build --target postgres` on a throwaway
    database, and the password its read-only role was given."""

    server: Server
    project: Path
    database: str
    reader_password: str
    first_build: subprocess.CompletedProcess

    def build(self) -> subprocess.CompletedProcess[str]:
        return build_on_server(self.project, self.database)

    def environment(self) -> dict[str, str]:
        """The libpq variables of the builder (the server's), naming the throwaway database."""
        settings = self.server.settings
        return {
            "PGHOST": settings["host"],
            "PGPORT": str(settings["port"]),
            "PGUSER": settings["user"],
            "PGPASSWORD": settings["password"],
            "PGDATABASE": self.database,
        }

    def reader_environment(self) -> dict[str, str]:
        """The libpq variables of the read-only role, as a BI tool or analyst would set them."""
        return {**self.environment(), "PGUSER": READER_ROLE, "PGPASSWORD": self.reader_password}


def build_on_server(project: Path, database: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jaarcijfers", "--project-dir", str(project), "build", "--target", "postgres"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PGDATABASE": database},
    )


def set_reader_password(server: Server, database: str, password: str) -> None:
    """As docs/postgresql.md tells the builder: psql, with the statement on its input, not its command line."""
    settings = server.settings
    completed = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"],
        input=f"alter role {READER_ROLE} password '{password}';\n",
        capture_output=True,
        text=True,
        check=False,
        env={
            **os.environ,
            "PGHOST": settings["host"],
            "PGPORT": str(settings["port"]),
            "PGUSER": settings["user"],
            "PGPASSWORD": settings["password"],
            "PGDATABASE": database,
        },
    )
    assert completed.returncode == 0, completed.stderr


@pytest.fixture(scope="session")
def published_on_server(server: Server, tmp_path_factory) -> Iterator[PublishedOnServer]:
    """The warehouse published once per session on a throwaway database of the server, for the tests
    of publishing, of mf and of Superset on the server; the database is dropped at the end."""
    assert PUBLISHED_WAREHOUSE.is_file(), f"{PUBLISHED_WAREHOUSE} is missing: run `make build` first"
    database = f"ind_test_{uuid.uuid4().hex[:12]}"
    server.execute(f'create database "{database}"')
    try:
        project = tmp_path_factory.mktemp("server") / "project"
        project.mkdir()
        for name in COPIED_FOR_A_PROJECT:
            subprocess.run(["cp", "-a", str(PROJECT_DIR / name), str(project / name)], check=True)
        (project / "warehouse").mkdir()
        shutil.copyfile(PUBLISHED_WAREHOUSE, project / "warehouse" / "ind.duckdb")
        built = build_on_server(project, database)
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr
        password = secrets.token_urlsafe(16)
        set_reader_password(server, database, password)
        yield PublishedOnServer(server, project, database, password, built)
    finally:
        server.execute(f'drop database if exists "{database}" with (force)')
