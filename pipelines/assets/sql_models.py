"""Warehouse: every SQL model in sql/ as an asset of one step (as dbt assets are), its upstream assets read from
its SQL by sqlglot, with the data tests of sql/<layer>/schema.yml as checks in the same step.

One step rather than one per model: a refresh after one new report then costs a few table swaps, not dozens of
step launches. The UI still shows and can select every model on its own.
"""

import time
from dataclasses import replace

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.ui_metadata import table_metadata
from pipelines.config import SQL_DIR
from pipelines.resources import WORKING_DATABASE_TAG
from pipelines.warehouse.checks import ModelCheck, check_failure, check_result, checks_of_model, evaluate_check
from pipelines.warehouse.incremental import (
    ModelBuilder,
    build_order,
    build_without_reports,
    models_reading,
    plan_build,
)
from pipelines.warehouse.models import SqlModel, discover_models
from pipelines.warehouse.state import MODELS, REPORT_KEY, Changes, code_version, everything
from pipelines.warehouse.withholding import (
    CheckFailure,
    report_count,
    report_source_files,
    stop_reason,
    store_withheld,
    withheld_reports,
)

SQL_MODELS = discover_models(SQL_DIR)
MARKETS = "intermediate.int_report_markets"  # every model that combines reports into markets reads it


def asset_key_for_table(table: str) -> dg.AssetKey:
    """'marts.fct_market_size' → AssetKey(['marts', 'fct_market_size']): a table and its asset share a name."""
    return dg.AssetKey(table.split("."))


MART_KEYS = [asset_key_for_table(model.table) for model in SQL_MODELS if model.layer == "marts"]


def _model_spec(model: SqlModel) -> dg.AssetSpec:
    return dg.AssetSpec(
        key=asset_key_for_table(model.table),
        deps=[asset_key_for_table(table) for table in model.upstream_tables],
        description=model.description,
        group_name="warehouse",
        kinds={"duckdb", "sql"},
        metadata={
            "sql_file": dg.MetadataValue.path(str(model.path.relative_to(SQL_DIR.parent))),
            "incremental_by": model.incremental_by or "",
        },
        code_version=code_version([model.sql]),
    )


_CHECKS = {model.table: checks_of_model(model, asset_key_for_table(model.table)) for model in SQL_MODELS}


class PublishStopped(dg.Failure):
    """A check failed in a way no withholding of reports can contain: nothing is published. Expected, so the
    command line reports it without a stack trace."""


@dg.multi_asset(
    name="warehouse_models",
    specs=[_model_spec(model) for model in SQL_MODELS],
    check_specs=[check.spec for checks in _CHECKS.values() for check in checks],
    can_subset=True,
    op_tags=WORKING_DATABASE_TAG,
)
def warehouse_models(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Builds the selected models in dependency order, then runs their checks. When every model is selected, only
    the reports whose inputs changed since the last complete build are rebuilt (pipelines/warehouse/incremental.py),
    and the checks that hold report by report read only those reports' rows.

    A failed check withholds the reports its failing rows name (recorded in build_state.withheld for the publish,
    and rebuilt and checked again next build); it stops the publish when they name no report, or too many
    (pipelines/warehouse/withholding.py).
    """
    selected = [model for model in SQL_MODELS if asset_key_for_table(model.table) in context.selected_asset_keys]
    checks = {
        model.table: [check for check in _CHECKS[model.table] if check.spec.key in context.selected_asset_check_keys]
        for model in selected
    }
    failures: list[CheckFailure] = []
    with duckdb.get_connection() as connection:
        every_model = len(selected) == len(SQL_MODELS)
        plan = plan_build(connection, SQL_MODELS) if every_model else everything("only some models are selected")
        context.log.info(f"SQL models: {plan.summary}")
        MODELS.begin(connection, plan)
        with ModelBuilder(connection, plan) as builder:
            for model in build_order(selected):
                context.log.info(f"building {model.table}")
                yield _built(connection, builder, model)
            reports = report_count(connection)
            for model in selected:
                if checks[model.table]:
                    context.log.info(f"checking {model.table}")
                for check in checks[model.table]:
                    failure, result = _checked(connection, builder, model, check, reports)
                    failures += [failure] if failure is not None else []
                    yield result
        every_check_ran = sum(map(len, checks.values())) == sum(map(len, _CHECKS.values()))
        withheld, stopping = _record_outcome(connection, plan, failures, reports, every_check_ran)
        if withheld and not stopping:  # markets and consensus again, as if the withheld reports were not loaded
            withheld_ids = sorted({row.report_id for row in withheld})
            build_without_reports(connection, models_reading(selected, MARKETS), withheld_ids)
    for row in withheld:
        context.log.info(f"withheld {row.source_file or row.report_id}: {row.check_name} ({row.model})")
    if stopping:
        raise PublishStopped(
            description=f"{len(stopping)} check(s) failed beyond withholding reports, so nothing is published: "
            + "\n".join(stopping)
        )


def _built(connection, builder: ModelBuilder, model: SqlModel) -> dg.MaterializeResult:
    """Build one model and say how, and in how many seconds."""
    started = time.perf_counter()
    how = builder.build(model)
    seconds = time.perf_counter() - started
    metadata = _metadata(connection, model, how, seconds, builder.plan.reports or None)
    return dg.MaterializeResult(asset_key=asset_key_for_table(model.table), metadata=metadata)


def _metadata(connection, model: SqlModel, how: str, seconds: float, rebuilt: tuple[str, ...] | None) -> dict:
    """What the UI shows of a model's table (a view: no row count, counting would run it; after a refresh, a preview
    of the rebuilt reports' rows), how it was built and in how many seconds."""
    is_view = model.materialization == "view"
    return {
        **table_metadata(connection, model.layer, model.name, model.column_docs, is_view, rebuilt),
        "built": how,
        "build seconds": round(seconds, 3),
    }


def _record_outcome(
    connection, plan: Changes, failures: list[CheckFailure], reports: int, every_check_ran: bool
) -> tuple[list, list[str]]:
    """Record the reports the failed checks withhold, and commit the build's fingerprints when it is complete and
    may publish (withheld reports as still rebuilding, so the next build rebuilds and checks them again). Returns
    the withheld reports and the failures that stop the publish."""
    stopping = [
        f"{failure.model} {failure.check_name}: {reason}"
        + "".join(f"\n  first failing row: {row}" for row in failure.first_rows)
        for failure in failures
        if (reason := stop_reason(failure, reports))
    ]
    withheld = withheld_reports(connection, failures)
    store_withheld(connection, withheld)
    if plan.fingerprints is not None and every_check_ran and not stopping:
        MODELS.commit(connection, plan.fingerprints.rebuilding(row.report_id for row in withheld))
    else:
        # The models reflect inputs not all checked, or newer for some models than for others: the next build
        # starts from scratch and checks every row.
        MODELS.forget(connection)
    return withheld, stopping


def _checked(
    connection, builder: ModelBuilder, model: SqlModel, check: ModelCheck, reports: int
) -> tuple[CheckFailure | None, dg.AssetCheckResult]:
    """The check's failure (None when it passed or only warns) and its result, on every row, or, where this build
    rewrote only some reports' rows and the rule holds report by report, on those rows: every other row passed it
    in the build that wrote it."""
    started = time.perf_counter()
    rebuilt = builder.rebuilt_reports(model) if check.per_report else None
    scope = "every row"
    if rebuilt is None:
        evaluation = evaluate_check(connection, check)
    else:
        scope = f"rows of the {len(rebuilt)} report(s) rebuilt; the other rows passed when they were built"
        if not rebuilt:
            evaluation = evaluate_check(connection, replace(check, query=f"{check.query} limit 0"))
        else:
            with builder.reading_rebuilt_rows(check.tables_read):
                evaluation = evaluate_check(connection, check)
    failure = check_failure(model.table, check, evaluation)
    outcome = None
    if failure is not None:
        outcome = stop_reason(failure, reports)
        outcome = f"stops the publish: {outcome}" if outcome else f"withholds {len(failure.reports)} report(s)"
    named = set(evaluation.reports or {})
    if evaluation.sample is not None and REPORT_KEY in evaluation.sample.columns:
        named |= set(evaluation.sample[REPORT_KEY].dropna())
    files = report_source_files(connection, sorted(named))
    seconds = time.perf_counter() - started
    return failure, check_result(model.table, check, evaluation, scope, files, outcome, seconds)
