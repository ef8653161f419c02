"""`jaarcijfers export`: every mart in dbt's manifest as Parquet and CSV, in a valid data package."""

from __future__ import annotations

import csv
import json

import duckdb
import frictionless
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.export import ExportError, export_marts, marts_in_manifest

MANIFEST = PROJECT_DIR / "target" / "manifest.json"


def test_every_mart_is_exported_as_parquet_and_csv_described_by_a_valid_data_package(tmp_path):
    export_marts(PUBLISHED_WAREHOUSE, MANIFEST, tmp_path)
    marts = marts_in_manifest(MANIFEST)

    report = frictionless.validate(tmp_path / "datapackage.json")

    assert report.valid, report.flatten(["type", "message"])
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {mart.name for mart in marts} | {f"{mart.name}-parquet" for mart in marts}
    with duckdb.connect(str(PUBLISHED_WAREHOUSE), read_only=True) as warehouse:
        for mart in marts:
            rows = warehouse.execute(f"select count(*) from marts.{mart.name}").fetchone()[0]
            columns = [row[0] for row in warehouse.execute(f"describe marts.{mart.name}").fetchall()]
            parquet_rows = warehouse.execute(
                "select count(*) from read_parquet(?)", [str(tmp_path / f"{mart.name}.parquet")]
            ).fetchone()[0]
            with (tmp_path / f"{mart.name}.csv").open(encoding="utf-8", newline="") as handle:
                header = next(csv.reader(handle))
            fields = resources[mart.name]["schema"]["fields"]

            assert parquet_rows == rows, mart.name
            assert resources[mart.name]["rows"] == rows, mart.name
            assert header == columns == [field["name"] for field in fields], mart.name
            assert all(field["description"] for field in fields), mart.name


def test_fields_carry_the_units_and_descriptions_of_the_dbt_docs(tmp_path):
    export_marts(PUBLISHED_WAREHOUSE, MANIFEST, tmp_path)
    package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (resource["name"], field["name"]): field
        for resource in package["resources"]
        for field in resource.get("schema", {}).get("fields", [])
    }

    assert fields["fct_volumes", "volume"]["unit"] == "count"
    assert fields["fct_legal_outcomes", "rate"]["unit"] == "ratio"
    assert fields["fct_timeliness", "lead_time_days"]["unit"] == "days"
    assert fields["fct_product_years", "cases_pending"]["unit"] == "count"
    assert fields["fct_penalty_payments", "amount_eur"] == {
        "name": "amount_eur",
        "type": "number",
        "description": "Total paid, in euros (€ 36,8 mln is 36800000).",
        "unit": "eur",
    }


def test_a_mart_in_the_manifest_but_not_in_the_warehouse_stops_the_export_naming_it(tmp_path):
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    manifest["nodes"]["model.ind_jaarcijfers.fct_not_built"] = {
        "resource_type": "model",
        "schema": "marts",
        "name": "fct_not_built",
        "description": "A mart added to the models after the warehouse was published.",
        "columns": {},
    }
    stale_manifest = tmp_path / "manifest.json"
    stale_manifest.write_text(json.dumps(manifest), encoding="utf-8")

    with pytest.raises(ExportError, match=r"has no table marts\.fct_not_built, which dbt's manifest lists"):
        export_marts(PUBLISHED_WAREHOUSE, stale_manifest, tmp_path / "exports")
