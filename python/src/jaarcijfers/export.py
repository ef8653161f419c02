"""Write every mart as Parquet and CSV, with a Frictionless data package describing them.

The list of marts, their descriptions, column descriptions and units come from dbt's manifest
(the models' YAML), so the export says what the dbt docs say. Column types come from the
warehouse itself, which the marts' contracts keep equal to the YAML's.

A spreadsheet that opens a CSV file runs a cell starting with = + - @ (or a tab or carriage
return before them) as a formula. The CSV files therefore neutralise such text cells as OWASP
advises ("CSV injection"): a text cell starting with one of those characters gets a ' before it.
Numbers (a negative change is -6) stay numbers; the Parquet files keep every text as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import duckdb

from jaarcijfers.seed_set import sha256_of

MARTS_SCHEMA = "marts"
DATA_PACKAGE = "datapackage.json"
FORMULA_PREFIX_CHARACTERS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED = (
    "A text cell that starts with =, +, -, @, a tab or a carriage return has a ' put before it, so that "
    "a spreadsheet does not run it as a formula (OWASP, CSV injection); strip that ' to get the text as "
    "published, or read the Parquet file, which keeps it. Numbers are not changed."
)

# DuckDB type (without its parameters) -> Frictionless Table Schema field type.
FRICTIONLESS_TYPES = {
    "VARCHAR": "string",
    "BOOLEAN": "boolean",
    "TINYINT": "integer",
    "SMALLINT": "integer",
    "INTEGER": "integer",
    "BIGINT": "integer",
    "HUGEINT": "integer",
    "DECIMAL": "number",
    "DOUBLE": "number",
    "FLOAT": "number",
    "DATE": "date",
    "TIMESTAMP": "datetime",
    "TIMESTAMP WITH TIME ZONE": "datetime",
}


class ExportError(Exception):
    pass


@dataclass(frozen=True)
class Mart:
    name: str
    description: str
    columns: dict[str, dict]
    primary_key: list[str]


def marts_in_manifest(manifest_path: Path) -> list[Mart]:
    """Every model that dbt builds into the marts schema, in name order."""
    if not manifest_path.is_file():
        raise ExportError(f"{manifest_path} does not exist: run `make build` first, it writes dbt's manifest")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    marts = []
    for node in manifest["nodes"].values():
        if node["resource_type"] != "model" or node["schema"] != MARTS_SCHEMA:
            continue
        primary_key = next(
            (
                constraint["columns"]
                for constraint in node.get("constraints", [])
                if constraint["type"] == "primary_key"
            ),
            [],
        )
        marts.append(Mart(node["name"], node["description"].strip(), node["columns"], primary_key))
    if not marts:
        raise ExportError(f"{manifest_path} lists no model in schema '{MARTS_SCHEMA}'")
    return sorted(marts, key=lambda mart: mart.name)


def _is_list(duckdb_type: str) -> bool:
    return duckdb_type.endswith("[]")


def _frictionless_type(duckdb_type: str, mart: str, column: str) -> str:
    if _is_list(duckdb_type):
        return "array"
    base_type = duckdb_type.split("(")[0].strip().upper()
    if base_type not in FRICTIONLESS_TYPES:
        raise ExportError(f"{MARTS_SCHEMA}.{mart}.{column}: no Frictionless type for DuckDB type {duckdb_type}")
    return FRICTIONLESS_TYPES[base_type]


def _field(mart: Mart, column: str, duckdb_type: str) -> dict:
    documented = mart.columns.get(column)
    if documented is None or not documented.get("description", "").strip():
        raise ExportError(
            f"{MARTS_SCHEMA}.{mart.name}.{column} has no description in dbt's manifest: describe it in the marts' YAML"
        )
    field = {
        "name": column,
        "type": _frictionless_type(duckdb_type, mart.name, column),
        "description": documented["description"].strip(),
    }
    unit = documented.get("config", {}).get("meta", {}).get("unit")
    if unit:
        field["unit"] = unit
    return field


def _file_facts(path: Path) -> dict:
    return {"bytes": path.stat().st_size, "hash": f"sha256:{sha256_of(path)}"}


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _csv_column(column: str, duckdb_type: str) -> str:
    """The column as written to CSV: a list as a JSON array, a text neutralised if it reads as a formula."""
    # A list goes into CSV as a JSON array, the form of Frictionless's array type;
    # DuckDB's own text form ([a, b]) is neither JSON nor unambiguous.
    if _is_list(duckdb_type):
        return f'to_json("{column}") as "{column}"'
    if duckdb_type.upper() != "VARCHAR":
        return f'"{column}"'
    prefixes = ", ".join(f"chr({ord(character)})" for character in FORMULA_PREFIX_CHARACTERS)
    apostrophe = _sql_string("'")
    return (
        f'case when left("{column}", 1) in ({prefixes}) then {apostrophe} || "{column}" '
        f'else "{column}" end as "{column}"'
    )


def export_marts(warehouse: Path, manifest_path: Path, export_dir: Path) -> list[Path]:
    """Write each mart to `export_dir` as NAME.parquet and NAME.csv, and the data package; return the files."""
    marts = marts_in_manifest(manifest_path)
    if not warehouse.is_file():
        raise ExportError(f"{warehouse} does not exist: run `make build` first")
    export_dir.mkdir(parents=True, exist_ok=True)
    resources = []
    written = []
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "select table_name from information_schema.tables where table_schema = ?", [MARTS_SCHEMA]
            ).fetchall()
        }
        for mart in marts:
            if mart.name not in tables:
                raise ExportError(
                    f"{warehouse} has no table {MARTS_SCHEMA}.{mart.name}, which dbt's manifest lists: "
                    "run `make build` to publish a warehouse built from the current models"
                )
            columns = connection.execute(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [MARTS_SCHEMA, mart.name],
            ).fetchall()
            fields = [_field(mart, column, duckdb_type) for column, duckdb_type in columns]
            # Sorted rows make each export byte-for-byte reproducible from the same warehouse.
            rows = f"(select * from {MARTS_SCHEMA}.{mart.name} order by all)"
            csv_columns = ", ".join(_csv_column(column, duckdb_type) for column, duckdb_type in columns)
            csv_rows = f"(select {csv_columns} from {MARTS_SCHEMA}.{mart.name} order by all)"
            csv_path = export_dir / f"{mart.name}.csv"
            parquet_path = export_dir / f"{mart.name}.parquet"
            connection.execute(f"copy {csv_rows} to {_sql_string(str(csv_path))} (format csv, header true)")
            connection.execute(f"copy {rows} to {_sql_string(str(parquet_path))} (format parquet)")
            row_count = connection.execute(f"select count(*) from {MARTS_SCHEMA}.{mart.name}").fetchone()[0]
            schema = {"fields": fields}
            if mart.primary_key:
                schema["primaryKey"] = mart.primary_key
            resources.append(
                {
                    "name": mart.name,
                    "path": csv_path.name,
                    "title": f"{MARTS_SCHEMA}.{mart.name}",
                    "description": f"{mart.description}\n\n{NEUTRALISED}",
                    "profile": "tabular-data-resource",
                    "format": "csv",
                    "mediatype": "text/csv",
                    "encoding": "utf-8",
                    "rows": row_count,
                    **_file_facts(csv_path),
                    "schema": schema,
                }
            )
            resources.append(
                {
                    "name": f"{mart.name}-parquet",
                    "path": parquet_path.name,
                    "title": f"{MARTS_SCHEMA}.{mart.name} (Parquet)",
                    # A file resource: Frictionless checks its size and hash; reading Parquet
                    # rows would need its optional Parquet plugin.
                    "description": (
                        f"The same rows and columns as {csv_path.name}, as Parquet with the warehouse's "
                        f"column types; its {row_count} rows and its fields are described in resource '{mart.name}'."
                    ),
                    "type": "file",
                    "format": "parquet",
                    "mediatype": "application/vnd.apache.parquet",
                    **_file_facts(parquet_path),
                }
            )
            written += [csv_path, parquet_path]
    package = {
        "name": "ind-jaarcijfers-marts",
        "title": "IND Jaarcijfers warehouse: marts",
        "description": (
            "Every mart of the IND Jaarcijfers warehouse (schema marts of warehouse/ind.duckdb), "
            "as CSV (UTF-8, with a header) and as Parquet. Descriptions and units are dbt's docs. "
            f"In the CSV files: {NEUTRALISED}"
        ),
        "profile": "data-package",
        "resources": resources,
    }
    package_path = export_dir / DATA_PACKAGE
    package_path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return [*written, package_path]
