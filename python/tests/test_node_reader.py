"""@duckdb/node-api, the DuckDB driver of Evidence and other JavaScript tools, reads every mart of the
published file, read-only, at the version bi/node/package-lock.json pins."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.publish import sha256_of
from test_readers import mart_row_counts

NODE_READER = PROJECT_DIR / "bi" / "node"


def test_duckdb_s_node_driver_reads_every_row_of_every_mart():
    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js is not installed; install it with: apt-get install nodejs npm")
    assert (NODE_READER / "node_modules" / "@duckdb" / "node-api").is_dir(), "`make test` installs bi/node with npm ci"
    pinned = json.loads((NODE_READER / "package-lock.json").read_text(encoding="utf-8"))["packages"][
        "node_modules/@duckdb/node-api"
    ]
    sha256_before = sha256_of(PUBLISHED_WAREHOUSE)

    completed = subprocess.run(
        [node, str(NODE_READER / "read_marts.mjs"), str(PUBLISHED_WAREHOUSE)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 0, completed.stderr
    read = json.loads(completed.stdout)
    assert read["duckdb"] == "v" + pinned["version"].split("-")[0]
    assert read["marts"] == mart_row_counts()
    assert sha256_of(PUBLISHED_WAREHOUSE) == sha256_before
