"""Asset checks on the marts: SQLMesh-style queries that return the rows breaking a rule.

Column tests and audits named in sql/marts/schema.yml are blocking: a failure stops publishing, so the last good
warehouse stays published. Checks listed under ``warnings`` report without blocking.
"""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.frames import markdown_preview
from pipelines.assets.sql_models import SQL_MODELS, asset_key_for_table
from pipelines.config import SQL_DIR
from pipelines.warehouse.models import SqlModel, audit_sql, test_query

_SAMPLE_ROWS = 10


def _model_checks(model: SqlModel) -> list[tuple[dg.AssetCheckSpec, str]]:
    key = asset_key_for_table(model.table)
    checks = [
        (dg.AssetCheckSpec(test.name, asset=key, blocking=True, description=test.kind), test_query(model, test))
        for test in model.tests
    ]
    checks += [
        (
            dg.AssetCheckSpec(name, asset=key, blocking=True, description=f"sql/audits/{name}.sql"),
            audit_sql(SQL_DIR, name),
        )
        for name in model.audits
    ]
    checks += [
        (
            dg.AssetCheckSpec(name, asset=key, blocking=False, description=f"sql/audits/{name}.sql"),
            audit_sql(SQL_DIR, name),
        )
        for name in model.warnings
    ]
    return checks


def build_model_checks(model: SqlModel) -> dg.AssetChecksDefinition:
    checks = _model_checks(model)
    queries = {spec.name: query for spec, query in checks}
    blocking = {spec.name: spec.blocking for spec, _ in checks}

    @dg.multi_asset_check(
        name=f"{model.layer}_{model.name}_checks",
        specs=[spec for spec, _ in checks],
        description=f"Data tests of {model.table}.",
    )
    def model_checks(duckdb: DuckDBResource):
        with duckdb.get_connection() as connection:
            for name, query in queries.items():
                failing = connection.execute(f"select * from ({query}) limit {_SAMPLE_ROWS}").df()
                (count,) = connection.execute(f"select count(*) from ({query})").fetchone()
                yield dg.AssetCheckResult(
                    check_name=name,
                    asset_key=asset_key_for_table(model.table),
                    passed=count == 0,
                    severity=dg.AssetCheckSeverity.ERROR if blocking[name] else dg.AssetCheckSeverity.WARN,
                    metadata={"failing_rows": int(count), "sample": dg.MetadataValue.md(markdown_preview(failing))},
                    description=None if count == 0 else f"{count} row(s) of {model.table} break {name}",
                )

    return model_checks


mart_checks = [build_model_checks(model) for model in SQL_MODELS if model.layer == "marts" and _model_checks(model)]
