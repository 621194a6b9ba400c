"""Warehouse: one asset per SQL model in sql/, its upstream assets read from its SQL by sqlglot."""

import hashlib

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.frames import table_metadata
from pipelines.config import SQL_DIR
from pipelines.warehouse.models import SqlModel, discover_models


def asset_key_for_table(table: str) -> dg.AssetKey:
    """'marts.fct_market_size' → AssetKey(['marts', 'fct_market_size']): a table and its asset share a name."""
    return dg.AssetKey(table.split("."))


def build_sql_model_asset(model: SqlModel) -> dg.AssetsDefinition:
    @dg.asset(
        key=asset_key_for_table(model.table),
        deps=[asset_key_for_table(table) for table in model.upstream_tables],
        description=model.description,
        group_name="warehouse",
        kinds={"duckdb", "sql"},
        metadata={"sql_file": dg.MetadataValue.path(str(model.path.relative_to(SQL_DIR.parent)))},
        code_version=hashlib.sha256(model.sql.encode("utf-8")).hexdigest()[:12],
    )
    def sql_model(context: dg.AssetExecutionContext, duckdb: DuckDBResource) -> dg.MaterializeResult:
        with duckdb.get_connection() as connection:
            connection.execute(f'create schema if not exists "{model.layer}"')
            connection.execute(model.build_statement())
            for statement in model.comment_statements():
                connection.execute(statement)
            return dg.MaterializeResult(metadata=table_metadata(connection, model.layer, model.name))

    return sql_model


SQL_MODELS = discover_models(SQL_DIR)
sql_model_assets = [build_sql_model_asset(model) for model in SQL_MODELS]
MART_KEYS = [asset_key_for_table(model.table) for model in SQL_MODELS if model.layer == "marts"]
