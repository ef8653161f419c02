"""docs/answers.md: the same page from the same figures, however a build stored them."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.answers import write_answers
from stored_order import reversed_copy


def test_answers_do_not_depend_on_the_order_a_build_stored_the_rows_in(tmp_path: Path):
    if not PUBLISHED_WAREHOUSE.is_file():
        pytest.fail(f"{PUBLISHED_WAREHOUSE} does not exist: run make build first")
    reversed_warehouse = reversed_copy(PUBLISHED_WAREHOUSE, tmp_path / "reversed" / PUBLISHED_WAREHOUSE.name)

    write_answers(PROJECT_DIR, PUBLISHED_WAREHOUSE, tmp_path / "as-stored.md")
    write_answers(PROJECT_DIR, reversed_warehouse, tmp_path / "reversed.md")

    assert (tmp_path / "reversed.md").read_text(encoding="utf-8") == (tmp_path / "as-stored.md").read_text(
        encoding="utf-8"
    )
