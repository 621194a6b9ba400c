"""Checks on the SQL models: SQLMesh-style queries that return the rows breaking a rule.

Column tests and audits named in sql/<layer>/schema.yml withhold reports: when a check's failing rows name reports
(a ``report_id`` column), those reports are withheld from the publish and every other report publishes; when they
name none, or the check fails for more than max(3, 10 %) of the reports, nothing is published
(pipelines/warehouse/withholding.py). Our code decides, not Dagster: the specs are not blocking in Dagster's sense,
which would stop the publish for any failure. Checks listed under ``warnings`` report without withholding.

After a build that rewrote only the changed reports' rows of a model, a check whose rule holds report by report
(``per_report``: a column test of that kind, or an audit whose first line says ``-- config(per_report='true')``)
reads only those rows: the other reports' rows are the ones that passed it before.
"""

from dataclasses import dataclass

import dagster as dg
import duckdb
import pandas as pd

from pipelines.config import SQL_DIR
from pipelines.previews import markdown_preview, row_in_words
from pipelines.warehouse.models import (
    ColumnTest,
    SqlModel,
    audit_holds_per_report,
    audit_sql,
    tables_read_by,
    test_query,
)
from pipelines.warehouse.state import REPORT_KEY
from pipelines.warehouse.withholding import CheckFailure, failing_reports

_SAMPLE_ROWS = 10
FIRST_ROWS_IN_A_MESSAGE = 3
WITHHOLDS = "withholds the reports its failing rows name; stops the publish when they name none or too many"
WARNS = "warns only"


@dataclass(frozen=True)
class ModelCheck:
    spec: dg.AssetCheckSpec
    query: str  # returns the rows that break the rule
    per_report: bool  # whether a row passes or fails by the rows of its own report alone
    withholds: bool = True  # a failure withholds reports (or stops the publish); False: it only warns
    tables_read: tuple[str, ...] = ()  # besides the model's own table ('schema.table')


@dataclass(frozen=True)
class CheckEvaluation:
    """What a check found: how many rows break it, the first of them, and the reports they name."""

    failing_rows: int
    sample: pd.DataFrame | None
    reports: dict[str, tuple[int, str]] | None  # see CheckFailure.reports


def is_per_report(test: ColumnTest) -> bool:
    """A rule on each row alone, or a key that holds report_id: rows of one report cannot break it for another."""
    if test.kind in ("not_null", "accepted_values"):
        return True
    return test.kind == "unique_combination" and REPORT_KEY in test.argument


def _spec(name: str, key: dg.AssetKey, what: str, withholds: bool) -> dg.AssetCheckSpec:
    return dg.AssetCheckSpec(
        name,
        asset=key,
        blocking=False,  # see the module docstring: withholding is decided in pipelines/assets/sql_models.py
        description=f"{what}: {WITHHOLDS if withholds else WARNS}",
        metadata={"on_failure": WITHHOLDS if withholds else WARNS},
    )


def checks_of_model(model: SqlModel, key: dg.AssetKey) -> list[ModelCheck]:
    """Every test and audit the model's schema.yml names, with the query that returns its failing rows."""
    checks = [
        ModelCheck(_spec(test.name, key, test.kind, True), test_query(model, test), is_per_report(test))
        for test in model.tests
    ]
    checks += [_audit_check(name, key, withholds=True) for name in model.audits]
    checks += [_audit_check(name, key, withholds=False) for name in model.warnings]
    return checks


def _audit_check(name: str, key: dg.AssetKey, withholds: bool) -> ModelCheck:
    where = f"audits/{name}.sql"
    sql = audit_sql(SQL_DIR, name)
    per_report = audit_holds_per_report(sql, f"sql/{where}")
    return ModelCheck(
        _spec(name, key, f"sql/{where}", withholds), sql, per_report, withholds, tables_read_by(sql, where)
    )


def evaluate_check(connection: duckdb.DuckDBPyConnection, check: ModelCheck) -> CheckEvaluation:
    """Run the check's query: the count of failing rows, the first of them and, for a check that withholds, the
    reports they name."""
    (count,) = connection.execute(f"select count(*) from ({check.query})").fetchone()
    if not count:
        return CheckEvaluation(0, None, {})
    sample = connection.execute(f"select * from ({check.query}) limit {_SAMPLE_ROWS}").df()
    reports = failing_reports(connection, check.query) if check.withholds else {}
    return CheckEvaluation(int(count), sample, reports)


def check_failure(table: str, check: ModelCheck, evaluation: CheckEvaluation) -> CheckFailure | None:
    """The failure a withholding check found, or None when it passed or only warns."""
    if not evaluation.failing_rows or not check.withholds:
        return None
    first_rows = tuple(row_in_words(row) for row in evaluation.sample.head(FIRST_ROWS_IN_A_MESSAGE).to_dict("records"))
    return CheckFailure(check.spec.name, table, evaluation.failing_rows, evaluation.reports, first_rows)


def check_result(
    table: str,
    check: ModelCheck,
    evaluation: CheckEvaluation,
    rows_checked: str = "every row",
    source_files: dict[str, str] | None = None,
    outcome: str | None = None,
    seconds: float | None = None,
) -> dg.AssetCheckResult:
    """The result shown in the UI: the failing rows (report_id and source_file first) and what the failure did
    (``outcome``: the reports withheld, or why the publish stopped)."""
    spec = check.spec
    sample = evaluation.sample
    if sample is not None and REPORT_KEY in sample.columns:
        if "source_file" not in sample.columns:
            sample = sample.assign(source_file=sample[REPORT_KEY].map(source_files or {}))
        first = [REPORT_KEY, "source_file"]
        sample = sample[first + [column for column in sample.columns if column not in first]]
    metadata = {
        "failing_rows": evaluation.failing_rows,
        "rows_checked": rows_checked,
        "sample": dg.MetadataValue.md(markdown_preview(sample) if sample is not None else "_no rows_"),
    }
    if outcome:
        metadata["outcome"] = outcome
    if seconds is not None:
        metadata["seconds"] = round(seconds, 3)
    if evaluation.reports:
        metadata["reports"] = dg.MetadataValue.json(
            [
                {"report_id": report_id, "source_file": (source_files or {}).get(report_id), "failing_rows": rows}
                for report_id, (rows, _) in sorted(evaluation.reports.items())
            ]
        )
    description = None
    if evaluation.failing_rows:
        description = f"{evaluation.failing_rows} row(s) of {table} break {spec.name}" + (
            f": {outcome}" if outcome else ""
        )
    return dg.AssetCheckResult(
        check_name=spec.name,
        asset_key=spec.asset_key,
        passed=evaluation.failing_rows == 0,
        severity=dg.AssetCheckSeverity.ERROR if check.withholds else dg.AssetCheckSeverity.WARN,
        metadata=metadata,
        description=description,
    )
