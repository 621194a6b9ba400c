"""Checks on the SQL models: SQLMesh-style queries that return the rows breaking a rule.

Column tests and audits named in sql/<layer>/schema.yml are blocking: a failure stops publishing, so the last good
warehouse stays published. Checks listed under ``warnings`` report without blocking.
"""

import dagster as dg
import duckdb

from pipelines.assets.frames import markdown_preview
from pipelines.config import SQL_DIR
from pipelines.warehouse.models import SqlModel, audit_sql, test_query

_SAMPLE_ROWS = 10


def checks_of_model(model: SqlModel, key: dg.AssetKey) -> list[tuple[dg.AssetCheckSpec, str]]:
    """(spec, query returning the failing rows) for every test and audit the model's schema.yml names."""
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


def run_check(
    connection: duckdb.DuckDBPyConnection, table: str, spec: dg.AssetCheckSpec, query: str
) -> dg.AssetCheckResult:
    (count,) = connection.execute(f"select count(*) from ({query})").fetchone()
    failing = connection.execute(f"select * from ({query}) limit {_SAMPLE_ROWS}").df() if count else None
    return dg.AssetCheckResult(
        check_name=spec.name,
        asset_key=spec.asset_key,
        passed=count == 0,
        severity=dg.AssetCheckSeverity.ERROR if spec.blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "failing_rows": int(count),
            "sample": dg.MetadataValue.md(markdown_preview(failing) if failing is not None else "_no rows_"),
        },
        description=None if count == 0 else f"{count} row(s) of {table} break {spec.name}",
    )
