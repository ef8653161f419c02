"""The example questions of analyses/, answered from the published warehouse into one page.

Each file in analyses/ is a question (its leading `-- Question:` comment) and the plain SQL on the
marts that answers it. The page is written from the warehouse, never typed, so after a new edition
or release `make answers` gives the new answers and says what they were computed from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb

MAX_ROWS = 25
QUESTION = re.compile(r"^-- Question: (?P<first>.*)$")


class AnswersError(Exception):
    pass


@dataclass(frozen=True)
class Analysis:
    path: Path
    question: str
    sql: str


def read_analysis(path: Path) -> Analysis:
    lines = path.read_text(encoding="utf-8").splitlines()
    first = QUESTION.match(lines[0]) if lines else None
    if first is None:
        raise AnswersError(f"{path}: the first line must be '-- Question: …'")
    question = [first["first"]]
    for line in lines[1:]:
        if not line.startswith("--"):
            break
        question.append(line.removeprefix("--").strip())
    text = " ".join(question)
    return Analysis(path, text[:1].upper() + text[1:], "\n".join(lines))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        value = value.normalize() if value == value.to_integral() else value
        return f"{value:f}"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def markdown_table(columns: list[str], rows: list[tuple]) -> str:
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows[:MAX_ROWS]]
    if len(rows) > MAX_ROWS:
        lines.append(f"\n{len(rows) - MAX_ROWS} more rows: run the query for all of them.")
    return "\n".join(lines)


def write_answers(project_dir: Path, warehouse: Path, output: Path) -> int:
    """Answer every analysis from `warehouse` into `output`; returns the number of questions."""
    if not warehouse.is_file():
        raise AnswersError(f"{warehouse} does not exist: run `make build` first")
    analyses = [read_analysis(path) for path in sorted((project_dir / "analyses").glob("*.sql"))]
    sections = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        editions = [
            str(year)
            for (year,) in connection.execute("select edition_year from marts.dim_publication order by 1").fetchall()
        ]
        (releases,) = connection.execute("select count(*) from marts.dim_release").fetchone()
        for number, analysis in enumerate(analyses, start=1):
            try:
                cursor = connection.execute(analysis.sql)
            except duckdb.Error as error:
                raise AnswersError(f"{analysis.path}: {error}") from error
            columns = [column[0] for column in cursor.description]
            relative = analysis.path.relative_to(project_dir)
            sections.append(
                f"## {number}. {analysis.question}\n\n[`{relative}`](../{relative})\n\n"
                f"{markdown_table(columns, cursor.fetchall())}\n"
            )
    edition_list = " and ".join([", ".join(editions[:-1]), editions[-1]]) if len(editions) > 1 else "".join(editions)
    page = (
        "# Questions answered from the warehouse\n\n"
        f"Written by `make answers` from `{warehouse.name}`, "
        f"with the Jaarcijfers editions {edition_list} and {releases} IND news releases loaded. "
        "Each answer is the result of the query in `analyses/`, run read-only on the marts; after a new "
        "edition or release, `make answers` writes them again. Run one yourself with "
        "`.venv/bin/duckdb -readonly warehouse/ind.duckdb < analyses/FILE.sql`.\n\n" + "\n".join(sections)
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".partial")
    temporary.write_text(page, encoding="utf-8")
    temporary.replace(output)
    return len(analyses)
