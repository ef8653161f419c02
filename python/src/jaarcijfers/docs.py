"""Build dbt's documentation site (lineage, descriptions, tests) as one HTML file that opens from disk.

`dbt docs generate` reads the warehouse's catalog through a connection that dbt-duckdb opens
for writing, which would wait on readers' locks and could touch the published file. It reads a
copy instead, and writes its own target folder so that it leaves the build's manifest alone.

The page dbt writes names the machine that built it: every node's root_path is the project's
absolute path and its compiled_path is in the scratch folder. Those become relative to the
project (. and target/...), and a page that still holds the project's, the scratch folder's or
the Python environment's absolute path is not written.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SITE_PAGE = "index.html"


class DocsError(Exception):
    pass


def generate_docs(project_dir: Path, published: Path, site_dir: Path, mart_names: list[str]) -> Path:
    """Write the docs site to `site_dir`/index.html from the published warehouse; return its path."""
    if not published.is_file():
        raise DocsError(f"{published} does not exist: run `make build` first")
    dbt = Path(sys.executable).parent / "dbt"
    with tempfile.TemporaryDirectory(prefix="jaarcijfers-docs-") as scratch:
        scratch_dir = Path(scratch)
        warehouse_copy = scratch_dir / published.name
        shutil.copyfile(published, warehouse_copy)
        target_dir = scratch_dir / "target"
        completed = subprocess.run(
            [
                str(dbt),
                "docs",
                "generate",
                "--static",
                "--profiles-dir",
                str(project_dir),
                "--project-dir",
                str(project_dir),
                "--target-path",
                str(target_dir),
            ],
            env={**os.environ, "IND_WAREHOUSE_PATH": str(warehouse_copy)},
            cwd=project_dir,
            capture_output=True,
            text=True,
            check=False,
        )
        static_page = target_dir / "static_index.html"
        if completed.returncode != 0 or not static_page.is_file():
            raise DocsError(
                f"dbt docs generate failed (exit {completed.returncode}), no {static_page.name} written:\n"
                f"{completed.stdout}{completed.stderr}"
            )
        page = _without_machine_paths(static_page.read_text(encoding="utf-8"), project_dir, target_dir)
        missing = [name for name in mart_names if f'"{name}"' not in page]
        if missing:
            raise DocsError(f"{static_page.name} does not document the marts {', '.join(missing)}")
        site_dir.mkdir(parents=True, exist_ok=True)
        site_page = site_dir / SITE_PAGE
        site_page.write_text(page, encoding="utf-8")
    return site_page


def _without_machine_paths(page: str, project_dir: Path, target_dir: Path) -> str:
    """The page with the absolute paths of the project and the scratch target folder made relative."""
    page = page.replace(f"{target_dir}/", "target/").replace(f'"{project_dir}"', '"."').replace(f"{project_dir}/", "")
    left = [str(path) for path in (project_dir, target_dir.parent, Path(sys.prefix)) if str(path) in page]
    if left:
        raise DocsError(f"the docs page still holds the absolute path {left[0]} of this machine; nothing written")
    return page
