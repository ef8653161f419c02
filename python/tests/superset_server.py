"""Superset as `make superset` starts it (bi/superset/serve.py), on a free port with its own state
folder, and a client for its REST API. Used by test_superset.py."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.publish import sha256_of

SUPERSET_PYTHON = PROJECT_DIR / ".venv-superset" / "bin" / "python"
SERVE = PROJECT_DIR / "bi" / "superset" / "serve.py"
STARTUP_TIMEOUT_SECONDS = 400
STOP_TIMEOUT_SECONDS = 60
# A process that lives a second (a `superset` command) is seen at this rate; reading every
# process's command line takes a few milliseconds.
WATCH_INTERVAL_SECONDS = 0.1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SupersetClient:
    """Logged in as admin through the REST API, with the CSRF token Superset asks for on writes."""

    def __init__(self, base_url: str, password: str) -> None:
        self.base_url = base_url
        self.session = requests.Session()
        login = self.session.post(
            f"{base_url}/api/v1/security/login",
            json={"username": "admin", "password": password, "provider": "db", "refresh": True},
            timeout=60,
        )
        login.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {login.json()['access_token']}"
        self.session.headers["X-CSRFToken"] = self.get("/api/v1/security/csrf_token/")["result"]
        self.session.headers["Referer"] = base_url

    def request(self, method: str, path: str, **arguments) -> requests.Response:
        return self.session.request(method, f"{self.base_url}{path}", timeout=120, **arguments)

    def get(self, path: str) -> dict:
        response = self.request("GET", path)
        assert response.status_code == 200, f"GET {path}: {response.status_code} {response.text[:2000]}"
        return response.json()

    def sql(self, database_id: int, sql: str) -> requests.Response:
        """Run `sql` in SQL Lab, as a user typing it would."""
        return self.request(
            "POST", "/api/v1/sqllab/execute/", json={"database_id": database_id, "sql": sql, "runAsync": False}
        )

    def query(self, dataset_id: int, columns: list[str], metrics: list[str]) -> list[dict]:
        """The rows of one query on a dataset through the chart-data API."""
        response = self.request(
            "POST",
            "/api/v1/chart/data",
            json={
                "datasource": {"id": dataset_id, "type": "table"},
                "queries": [{"columns": columns, "metrics": metrics, "row_limit": 10000, "orderby": []}],
                "result_format": "json",
                "result_type": "full",
            },
        )
        assert response.status_code == 200, response.text[:2000]
        return response.json()["result"][0]["data"]

    def dashboard_charts(self, slug: str) -> dict[str, int]:
        return {chart["slice_name"]: chart["id"] for chart in self.get(f"/api/v1/dashboard/{slug}/charts")["result"]}

    def datasets(self) -> list[dict]:
        listed = self.get("/api/v1/dataset/?q=(page_size:100)")["result"]
        return [self.get(f"/api/v1/dataset/{dataset['id']}")["result"] for dataset in listed]


class CommandLineWatch(threading.Thread):
    """Reads the command line of every process of the machine, from before serve.py starts until the
    server stops, and keeps each one that holds the admin's password (once serve.py has written it)
    or one of the passwords `also`.

    /proc/PID/cmdline is readable by every user: a password there is everyone's.
    """

    def __init__(self, secrets: Path, also: tuple[str, ...] = ()) -> None:
        super().__init__(daemon=True)
        self.secrets = secrets
        self.also = tuple(password.encode() for password in also)
        self.seen_with_password: dict[int, str] = {}
        self.scans = 0
        self._stopped = threading.Event()

    def password(self) -> bytes | None:
        try:
            return json.loads(self.secrets.read_text(encoding="utf-8"))["admin_password"].encode()
        except (OSError, ValueError, KeyError):  # not written yet, or being written
            return None

    def scan(self, password: bytes | None) -> None:
        passwords = [found for found in (password, *self.also) if found]
        for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
            try:
                arguments = cmdline.read_bytes()
            except OSError:  # the process ended meanwhile
                continue
            if any(found in arguments for found in passwords):
                self.seen_with_password[int(cmdline.parent.name)] = arguments.replace(b"\0", b" ").decode(
                    errors="replace"
                )
        self.scans += 1

    def run(self) -> None:
        password = None
        while not self._stopped.wait(WATCH_INTERVAL_SECONDS):
            password = password or self.password()
            if password or self.also:
                self.scan(password)

    def stop(self) -> None:
        self._stopped.set()
        self.join()


@dataclass
class SupersetServer:
    process: subprocess.Popen
    base_url: str
    home: Path
    log: Path
    startup_seconds: float
    published_sha256: str
    command_lines: CommandLineWatch = field(repr=False)

    @property
    def password(self) -> str:
        return json.loads((self.home / "secrets.json").read_text(encoding="utf-8"))["admin_password"]

    def client(self) -> SupersetClient:
        return SupersetClient(self.base_url, self.password)

    def stop(self) -> int:
        """Stop gunicorn (serve.py became it, same PID) and wait for it and its worker to end."""
        if self.command_lines.is_alive():
            self.command_lines.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        return self.process.returncode


def start_superset(
    home: Path, target: str = "file", environment: dict[str, str] | None = None, secrets: tuple[str, ...] = ()
) -> SupersetServer:
    """Start serve.py (with --target `target`, and `environment` added to this process's) and wait
    until Superset answers its health check, or fail with its log.

    The published warehouse's sha256 is taken first, for the test that Superset left it unchanged;
    the watch on command lines starts before serve.py, for the test that none holds the admin's
    password or one of `secrets`.
    """
    assert SUPERSET_PYTHON.exists(), (
        f"{SUPERSET_PYTHON} is missing: `make test` (or make .venv-superset/.installed) creates it"
    )
    published_sha256 = sha256_of(PUBLISHED_WAREHOUSE)
    port = free_port()
    log = home / "serve.log"
    command_lines = CommandLineWatch(home / "secrets.json", secrets)
    command_lines.start()
    started = time.monotonic()
    with log.open("w", encoding="utf-8") as output:
        process = subprocess.Popen(
            [str(SUPERSET_PYTHON), str(SERVE), "--port", str(port), "--home", str(home), "--target", target],
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=PROJECT_DIR,
            env={**os.environ, **(environment or {})},
        )
    server = SupersetServer(process, f"http://127.0.0.1:{port}", home, log, 0.0, published_sha256, command_lines)
    try:
        wait_until_healthy(server, started)
    except BaseException:
        server.stop()
        raise
    server.startup_seconds = time.monotonic() - started
    return server


def wait_until_healthy(server: SupersetServer, started: float) -> None:
    while time.monotonic() - started < STARTUP_TIMEOUT_SECONDS:
        if server.process.poll() is not None:
            raise AssertionError(
                f"serve.py exited {server.process.returncode}:\n{server.log.read_text(encoding='utf-8')[-5000:]}"
            )
        try:
            if requests.get(f"{server.base_url}/health", timeout=30).text == "OK":
                return
        except requests.RequestException:  # not listening yet, or its worker still starting
            pass
        time.sleep(1)
    raise AssertionError(
        f"Superset did not answer within {STARTUP_TIMEOUT_SECONDS} s:\n{server.log.read_text(encoding='utf-8')[-5000:]}"
    )
