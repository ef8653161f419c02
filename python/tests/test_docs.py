"""`jaarcijfers docs`: dbt's documentation site, which names nothing of the machine that built it; and the
README's and pages' links, which point at files that exist."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE, REPOSITORY
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


# The pages a newcomer reads: the README, docs/ (but not the generated site) and the sources' notes.
PAGES = sorted(
    [
        REPOSITORY / "README.md",
        *(page for page in (REPOSITORY / "docs").rglob("*.md") if "site" not in page.relative_to(REPOSITORY).parts),
        *(REPOSITORY / "publications").rglob("*.md"),
    ]
)
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(REPOSITORY)))
def test_every_relative_link_of_a_page_points_to_a_file_and_heading_that_exist(page: Path):
    links = [target for target in LINK.findall(page.read_text(encoding="utf-8")) if not re.match(r"[a-z]+:", target)]
    for target in links:
        path, _, anchor = target.partition("#")
        linked = page.parent / path if path else page
        assert linked.exists(), f"{page.name} links {target}, which does not exist"
        if anchor and linked.suffix == ".md":
            headings = re.findall(r"^#+ (.*)$", linked.read_text(encoding="utf-8"), flags=re.MULTILINE)
            assert anchor in {_anchor(heading) for heading in headings}, f"{page.name} links {target}: no such heading"
