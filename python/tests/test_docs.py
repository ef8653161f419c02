"""`jaarcijfers docs`: dbt's documentation site, which names nothing of the machine that built it."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.docs import generate_docs
from jaarcijfers.export import marts_in_manifest


def test_the_docs_site_holds_no_absolute_path_of_the_build_machine(tmp_path):
    marts = [mart.name for mart in marts_in_manifest(PROJECT_DIR / "target" / "manifest.json")]

    page = generate_docs(PROJECT_DIR, PUBLISHED_WAREHOUSE, tmp_path / "site", marts).read_text(encoding="utf-8")

    for path in (PROJECT_DIR, PUBLISHED_WAREHOUSE, Path(sys.prefix), tmp_path):
        assert str(path) not in page, f"{path} is in the docs site"
    assert "/jaarcijfers-docs-" not in page, "the scratch folder of dbt docs generate is in the docs site"
    assert '"root_path": "."' in page
    assert all(f'"{name}"' in page for name in marts)
