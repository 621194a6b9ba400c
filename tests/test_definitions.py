"""The Definitions load as the UI and CLI load them, and the graph is wired from the SQL itself."""

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg

from pipelines.config import SQL_DIR
from pipelines.definitions import defs
from pipelines.warehouse.checks import WARNS, WITHHOLDS
from pipelines.warehouse.models import discover_models, tables_read_by

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def test_definitions_validate_through_workspace_yaml(tmp_path):
    environment = {**os.environ, "DAGSTER_HOME": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, "-m", "dagster", "definitions", "validate", "-w", "workspace.yaml"],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert completed.returncode == 0, completed.stderr
    assert "All code locations passed validation" in completed.stderr + completed.stdout


def test_every_table_a_sql_model_reads_is_produced_by_an_asset():
    graph = defs.resolve_asset_graph()
    materializable = {key for key in graph.get_all_asset_keys() if graph.get(key).is_materializable}
    for model in discover_models(SQL_DIR):
        for table in model.upstream_tables:
            assert dg.AssetKey(table.split(".")) in materializable, f"{model.path.name} reads {table}"


def test_sql_model_dependencies_come_from_the_parsed_sql_without_cte_names():
    sql = (
        "with figures as (select * from staging.stg_stated_figures), "
        "final as (select * from figures join intermediate.int_report_years using (report_id)) "
        "select * from final"
    )
    assert tables_read_by(sql, "example.sql") == ("intermediate.int_report_years", "staging.stg_stated_figures")


def test_publishing_waits_for_every_mart_and_every_mart_check_withholds_what_it_names():
    graph = defs.resolve_asset_graph()
    marts = {key for key in graph.get_all_asset_keys() if key.path[0] == "marts"}
    assert len(marts) == 20
    assert graph.get(dg.AssetKey("published_warehouse")).parent_keys == marts
    specs = [graph.get_check_spec(key) for key in graph.get_check_keys_for_assets(marts)]
    assert len(specs) >= 40
    # Our code decides what a failure withholds or stops (pipelines/warehouse/checks.py): none blocks in Dagster's
    # sense, which would stop the whole publish for one odd report.
    assert not any(spec.blocking for spec in specs)
    on_failure = [spec.metadata["on_failure"] for spec in specs]
    assert on_failure.count(WARNS) == 1  # market_size_covers_every_year only warns
    assert on_failure.count(WITHHOLDS) == len(specs) - 1
    assert all(spec.description.endswith(spec.metadata["on_failure"]) for spec in specs)


def test_assets_are_grouped_by_stage():
    graph = defs.resolve_asset_graph()
    groups = {graph.get(key).group_name for key in graph.get_all_asset_keys() if graph.get(key).is_materializable}
    assert groups == {"ingest", "extract", "validate", "warehouse", "publish"}


def test_every_mart_column_is_documented_in_schema_yml():
    for model in discover_models(SQL_DIR):
        if model.layer == "marts":
            assert model.description, model.name
            assert model.column_docs, f"{model.name} has no column documentation in sql/marts/schema.yml"
            assert all(model.column_docs.values()), model.name


def test_loading_the_definitions_writes_nothing(tmp_path):
    warehouse = tmp_path / "nowhere-yet" / "market.duckdb"
    environment = {**os.environ, "RAW_DIR": str(tmp_path / "raw"), "WAREHOUSE_PATH": str(warehouse)}
    loaded = subprocess.run(
        [sys.executable, "-c", "import pipelines.definitions"], cwd=PROJECT_ROOT, env=environment, capture_output=True
    )
    assert loaded.returncode == 0, loaded.stderr
    assert not (tmp_path / "nowhere-yet").exists()
