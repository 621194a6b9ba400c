"""The SQL layer reads like dbt: schema.yml files in dbt's version 2 shape, model settings in the model's file,
and every model a chain of CTEs ending in ``final``."""

from pathlib import Path

import pytest
import yaml

from pipelines.config import SQL_DIR
from pipelines.warehouse.models import LAYERS, ModelError, discover_models, model_config

SCHEMA_FILES = sorted(SQL_DIR.glob("*/schema.yml"))
COLUMN_TESTS = {"not_null", "unique", "accepted_values", "relationships"}
MODEL_TESTS = {"dbt_utils.unique_combination_of_columns"}
MODEL_KEYS = {"name", "description", "columns", "data_tests", "meta"}
COLUMN_KEYS = {"name", "description", "data_tests"}


def _test_kind(test) -> str:
    if isinstance(test, str):
        return test
    assert isinstance(test, dict) and len(test) == 1, test
    return next(iter(test))


@pytest.mark.parametrize("path", SCHEMA_FILES, ids=lambda path: path.relative_to(SQL_DIR).as_posix())
def test_a_schema_file_is_a_dbt_version_2_document(path: Path):
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(document) == {"version", "models"} and document["version"] == 2
    models = {path.stem for path in path.parent.glob("*.sql")}
    for model in document["models"]:
        assert set(model) <= MODEL_KEYS and model["name"] in models, model.get("name")
        assert set(model.get("meta") or {}) <= {"audits", "warnings"}, model["name"]
        assert {_test_kind(test) for test in model.get("data_tests") or []} <= MODEL_TESTS, model["name"]
        for column in model.get("columns") or []:
            assert set(column) <= COLUMN_KEYS, (model["name"], column)
            assert {_test_kind(test) for test in column.get("data_tests") or []} <= COLUMN_TESTS, column["name"]
    assert all(len(line) <= 120 for line in path.read_text(encoding="utf-8").splitlines())


def test_a_models_settings_live_in_its_own_file_and_unknown_ones_are_refused():
    assert model_config("-- config(incremental_by='report_id')\n-- What it is.\nselect 1", "x.sql") == {
        "incremental_by": "report_id"
    }
    assert model_config("-- What it is.\nselect 1", "x.sql") == {}
    with pytest.raises(ModelError, match="unknown config materialized"):
        model_config("-- config(materialized='view')\nselect 1", "x.sql")


def test_every_model_is_a_chain_of_ctes_ending_in_final_and_the_per_report_ones_say_so():
    models = discover_models(SQL_DIR)
    assert {model.layer for model in models} == set(LAYERS)
    for model in models:
        body = "\n".join(line for line in model.sql.splitlines() if not line.startswith("--"))
        assert body.rstrip().endswith("select * from final"), model.table
        if model.incremental_by:
            assert model.sql.startswith(f"-- config(incremental_by='{model.incremental_by}')"), model.table
    relationships = {
        (model.name, test.column, test.argument[0]) for model in models for test in model.tests
        if test.kind == "relationships"
    }  # fmt: skip
    assert relationships == {
        ("fct_reported_fact", "report_id", "marts.dim_report"),
        ("fct_market_estimate", "report_id", "marts.dim_report"),
        ("dim_segment", "report_id", "marts.dim_report"),
        ("dim_region", "report_id", "marts.dim_report"),
        ("dim_company", "report_id", "marts.dim_report"),
        ("dim_report", "market_id", "marts.dim_market"),
        ("dim_market", "parent_market_id", "marts.dim_market"),
        ("fct_market_estimate", "market_id", "marts.dim_market"),
        ("fct_market_consensus", "market_id", "marts.dim_market"),
    }
