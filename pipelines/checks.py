"""Checks on the SQL models: SQLMesh-style queries that return the rows breaking a rule.

Column tests and audits named in sql/<layer>/schema.yml are blocking: a failure stops publishing, so the last good
warehouse stays published. Checks listed under ``warnings`` report without blocking.

After a build that rewrote only the changed reports' rows of a model, a check whose rule holds report by report
(``per_report``) reads only those rows: the other reports' rows are the ones that passed it before.
"""

from dataclasses import dataclass

import dagster as dg
import duckdb

from pipelines.assets.frames import markdown_preview
from pipelines.config import SQL_DIR
from pipelines.warehouse.incremental import REPORT_KEY
from pipelines.warehouse.models import ColumnTest, SqlModel, audit_sql, test_query

_SAMPLE_ROWS = 10


@dataclass(frozen=True)
class ModelCheck:
    spec: dg.AssetCheckSpec
    query: str  # returns the rows that break the rule
    per_report: bool  # whether a row passes or fails by the rows of its own report alone


def is_per_report(test: ColumnTest) -> bool:
    """A rule on each row alone, or a key that holds report_id: rows of one report cannot break it for another."""
    if test.kind in ("not_null", "accepted_values"):
        return True
    return test.kind == "unique_combination" and REPORT_KEY in test.argument


def checks_of_model(model: SqlModel, key: dg.AssetKey) -> list[ModelCheck]:
    """Every test and audit the model's schema.yml names, with the query that returns its failing rows."""
    checks = [
        ModelCheck(
            dg.AssetCheckSpec(test.name, asset=key, blocking=True, description=test.kind),
            test_query(model, test),
            is_per_report(test),
        )
        for test in model.tests
    ]
    checks += [
        ModelCheck(
            dg.AssetCheckSpec(name, asset=key, blocking=True, description=f"sql/audits/{name}.sql"),
            audit_sql(SQL_DIR, name),
            False,
        )
        for name in model.audits
    ]
    checks += [
        ModelCheck(
            dg.AssetCheckSpec(name, asset=key, blocking=False, description=f"sql/audits/{name}.sql"),
            audit_sql(SQL_DIR, name),
            False,
        )
        for name in model.warnings
    ]
    return checks


def run_check(
    connection: duckdb.DuckDBPyConnection, table: str, check: ModelCheck, rows_checked: str = "every row"
) -> dg.AssetCheckResult:
    spec = check.spec
    (count,) = connection.execute(f"select count(*) from ({check.query})").fetchone()
    failing = connection.execute(f"select * from ({check.query}) limit {_SAMPLE_ROWS}").df() if count else None
    return dg.AssetCheckResult(
        check_name=spec.name,
        asset_key=spec.asset_key,
        passed=count == 0,
        severity=dg.AssetCheckSeverity.ERROR if spec.blocking else dg.AssetCheckSeverity.WARN,
        metadata={
            "failing_rows": int(count),
            "rows_checked": rows_checked,
            "sample": dg.MetadataValue.md(markdown_preview(failing) if failing is not None else "_no rows_"),
        },
        description=None if count == 0 else f"{count} row(s) of {table} break {spec.name}",
    )
