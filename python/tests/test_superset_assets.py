"""The Superset files in bi/superset hang together, checked without starting Superset."""

from __future__ import annotations

import importlib.util
import json
import shutil

import pytest
import yaml

from conftest import PROJECT_DIR

SUPERSET_DIR = PROJECT_DIR / "bi" / "superset"
ASSETS = SUPERSET_DIR / "assets"


def load_serve():
    spec = importlib.util.spec_from_file_location("serve", SUPERSET_DIR / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def files(folder: str) -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ASSETS / folder).rglob("*.yaml"))]


def test_each_dataset_gets_the_metrics_of_metrics_yaml_and_only_there():
    serve = load_serve()
    metrics = yaml.safe_load((SUPERSET_DIR / "metrics.yaml").read_text(encoding="utf-8"))

    bundled = {
        dataset["table_name"]: dataset["metrics"]
        for name, text in serve.bundle().items()
        if name.startswith("datasets/")
        for dataset in [yaml.safe_load(text)]
    }

    assert all(dataset["metrics"] == [] for dataset in files("datasets"))
    assert {name: found for name, found in bundled.items() if found} == metrics


def test_a_dataset_file_with_metrics_of_its_own_or_a_metric_without_its_dataset_is_refused(tmp_path):
    serve = load_serve()
    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    staffing = next(assets.glob("datasets/*/fct_staffing.yaml"))
    dataset = yaml.safe_load(staffing.read_text(encoding="utf-8"))
    staffing.write_text(yaml.safe_dump({**dataset, "metrics": [{"metric_name": "fte", "expression": "sum(1)"}]}))
    with pytest.raises(serve.AssetError, match="metrics belong in"):
        serve.bundle(assets)

    staffing.unlink()
    with pytest.raises(serve.AssetError, match=r"no dataset .* for fct_staffing"):
        serve.bundle(assets)


def test_every_chart_s_saved_query_matches_its_settings_and_is_on_the_dashboard():
    charts = files("charts")
    (dashboard,) = files("dashboards")
    on_dashboard = {
        item["meta"]["uuid"]
        for item in dashboard["position"].values()
        if isinstance(item, dict) and item.get("type") == "CHART"
    }
    datasets = {dataset["uuid"] for dataset in files("datasets")}

    assert on_dashboard == {chart["uuid"] for chart in charts}
    for chart in charts:
        assert chart["dataset_uuid"] in datasets, chart["slice_name"]
        # The saved query is what the chart-data API runs; Explore writes it when a chart is saved.
        form_data = json.loads(chart["query_context"])["form_data"]
        changed = {key for key, value in chart["params"].items() if key != "datasource" and form_data.get(key) != value}
        assert changed == set(), (
            f"{chart['slice_name']}: save the chart from Explore again ({', '.join(sorted(changed))})"
        )


def stage_bound_columns() -> set[str]:
    """The columns of marts.fct_product_years whose description says they are of the stage
    decision_stage says (decisions, cases pending): adding them across stages adds different kinds."""
    (model,) = yaml.safe_load((PROJECT_DIR / "models" / "marts" / "fct_product_years.yml").read_text(encoding="utf-8"))[
        "models"
    ]
    return {
        column["name"]
        for column in model["columns"]
        if column["name"] != "decision_stage" and "decision_stage" in column.get("description", "")
    }


def test_no_chart_adds_decisions_or_stocks_across_stages_unless_it_says_it_is_a_workload():
    """The overlap register (decision_stages_differ) allows no sum across stages but a workload: a chart
    of a stage-bound metric keeps to one stage (a filter on decision_stage), shows each procedure (one
    stage each) or stage apart without stacking, or says in its name or description that it is a workload."""
    metrics = yaml.safe_load((SUPERSET_DIR / "metrics.yaml").read_text(encoding="utf-8"))
    stage_bound = {
        metric["metric_name"]
        for metric in metrics["product_years"]
        if "decision_stage" not in metric["expression"]
        and any(f"({column})" in metric["expression"].replace(" ", "") for column in stage_bound_columns())
    }
    assert {"decisions", "cases_pending"} <= stage_bound
    apart = {"decision_stage", "product_code", "product_name_en", "product_name_nl"}

    adding = []
    for chart in files("charts"):
        params = chart["params"]
        # a saved metric by its name; an ad-hoc one (a dict) by its label
        named = {metric if isinstance(metric, str) else metric.get("label") for metric in params.get("metrics", [])}
        if not stage_bound & named:
            continue
        one_stage = any(item.get("subject") == "decision_stage" for item in params.get("adhoc_filters", []))
        split = apart & {*params.get("groupby", []), params.get("x_axis")} and not params.get("stack")
        said = "workload" in f"{chart['slice_name']} {chart.get('description') or ''}"
        if not (one_stage or split or said):
            adding.append(chart["slice_name"])

    assert adding == []


def test_for_the_server_the_bundle_moves_each_database_to_postgres_as_the_reader_and_keeps_the_rest(monkeypatch):
    serve = load_serve()
    monkeypatch.setenv("PGHOST", "db.example.org")
    monkeypatch.setenv("PGPORT", "6543")
    monkeypatch.setenv("PGDATABASE", "ind_shared")
    monkeypatch.setenv("PGUSER", "ind_builder")
    monkeypatch.setenv("PGPASSWORD", "the builder's")
    monkeypatch.delenv("IND_READER_ROLE", raising=False)

    on_file, on_server = serve.bundle(), serve.bundle(target="postgres")

    assert set(on_file) == set(on_server)
    moved = [name for name in on_file if on_file[name] != on_server[name]]
    assert moved and all(name.startswith("databases/") for name in moved)
    for name in moved:
        file_database, server_database = yaml.safe_load(on_file[name]), yaml.safe_load(on_server[name])
        assert server_database["uuid"] == file_database["uuid"]
        assert server_database["sqlalchemy_uri"] == "postgresql+psycopg2://ind_reader@db.example.org:6543/ind_shared"
        assert server_database["allow_dml"] is False and server_database["allow_file_upload"] is False
        assert "builder" not in on_server[name]
