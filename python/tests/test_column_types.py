"""Counts are whole numbers: every count column of a mart or reporting relation is a bigint.

Which columns are counts comes from the project, not from a list here: a column whose YAML declares
`config: {meta: {unit: count}}`, or whose name ends in `_count` (docs/querying.md, "Types").
Every decimal column must declare its unit, so that no count can hide among the decimals; the
units are those of seeds/reference/indicators.csv, and days, index and mixed (a column whose rows
carry different units, named in the row's `unit` column or its indicator).
"""

from __future__ import annotations

import copy
import csv
import json

import duckdb
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE

MANIFEST = PROJECT_DIR / "target" / "manifest.json"
SCHEMAS = ("marts", "reporting")
COLUMN_ONLY_UNITS = {"days", "index", "mixed"}
DECIMAL_TYPE = "DECIMAL(18,4)"


def indicator_units() -> set[str]:
    with (PROJECT_DIR / "seeds" / "reference" / "indicators.csv").open(encoding="utf-8", newline="") as handle:
        return {row["unit"] for row in csv.DictReader(handle)}


def documented_columns(manifest: dict) -> dict[tuple[str, str, str], dict]:
    """(schema, relation, column) -> the column as dbt's manifest documents it."""
    return {
        (node["schema"], node["name"], name): column
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["schema"] in SCHEMAS
        for name, column in node["columns"].items()
    }


def unit_of(column: dict) -> str | None:
    return (column.get("config", {}).get("meta") or column.get("meta") or {}).get("unit")


def is_count(name: str, column: dict) -> bool:
    return unit_of(column) == "count" or name.endswith("_count")


def built_types() -> dict[tuple[str, str, str], str]:
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as connection:
        rows = connection.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns"
            " where table_schema in ('marts', 'reporting')"
        ).fetchall()
    return {(schema, table, column): data_type for schema, table, column, data_type in rows}


def type_faults(documented: dict[tuple[str, str, str], dict], built: dict[tuple[str, str, str], str]) -> list[str]:
    """Each column whose type breaks the rule, with what is wrong."""
    units = indicator_units() | COLUMN_ONLY_UNITS
    faults = []
    for key, data_type in sorted(built.items()):
        where = ".".join(key)
        column = documented.get(key)
        if column is None:
            faults.append(f"{where}: not in dbt's manifest")
            continue
        unit = unit_of(column)
        contract_type = (column.get("data_type") or "").replace(" ", "").lower()
        if is_count(key[2], column):
            if data_type != "BIGINT" or contract_type != "bigint":
                faults.append(f"{where}: a count, built {data_type}, contract {contract_type or 'none'}; not bigint")
        elif data_type.startswith("DECIMAL") or data_type in ("DOUBLE", "FLOAT", "REAL"):
            if unit is None:
                faults.append(f"{where}: {data_type} without a unit (config: {{meta: {{unit: ...}}}})")
            if data_type != DECIMAL_TYPE:
                faults.append(f"{where}: {data_type}, not {DECIMAL_TYPE}")
        if unit is not None and unit not in units:
            faults.append(f"{where}: unit {unit!r} is none of {sorted(units)}")
        if unit == "mixed" and "mixed units" not in column.get("description", "").lower():
            faults.append(f"{where}: unit mixed, but its description does not say 'Mixed units'")
    return faults


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def test_every_count_column_is_a_bigint_and_every_decimal_column_states_its_unit(manifest):
    documented = documented_columns(manifest)
    built = built_types()

    counts = [key for key in built if key in documented and is_count(key[2], documented[key])]
    assert counts, "no column of the marts is declared a count: the rule would check nothing"
    assert type_faults(documented, built) == []


def test_a_count_column_stored_as_a_decimal_or_a_decimal_without_a_unit_is_found(manifest):
    documented = documented_columns(manifest)
    built = built_types()
    count_key = next(key for key in sorted(built) if key in documented and unit_of(documented[key]) == "count")
    decimal_key = next(key for key in sorted(built) if built[key] == DECIMAL_TYPE and key in documented)
    tampered_built = {**built, count_key: DECIMAL_TYPE}
    tampered_documented = copy.deepcopy(documented)
    tampered_documented[decimal_key].get("config", {}).pop("meta", None)
    tampered_documented[decimal_key].pop("meta", None)

    faults = type_faults(tampered_documented, tampered_built)

    assert any(fault.startswith(".".join(count_key) + ": a count") for fault in faults), faults
    assert any(fault.startswith(".".join(decimal_key) + ": DECIMAL(18,4) without a unit") for fault in faults), faults
