"""Build the SQL models, rebuilding only the reports whose inputs changed since the last complete build.

Most models compute each report's rows from that report's rows alone (their first line says
``-- config(incremental_by='report_id')``). After a complete build, the fingerprint of every report's input rows is
stored in ``build_state``. The next build compares fingerprints: when only some reports changed, their rows are
computed in an in-memory database whose tables hold just those reports (the model SQL runs there unchanged, so it
reads the filtered inputs), then swapped into the working database with one delete and one insert per model. Models that
combine reports (dimensions, meta tables) are rebuilt whole. Anything that could touch every report (a changed SQL
file, an analyst table, a new DuckDB version, no stored state) rebuilds everything.

Before writing, a stage marks the reports it will rewrite as rebuilding (a full build forgets every fingerprint), so
a build killed part-way leaves them to be rebuilt next time, whatever the inputs are by then; delete-then-insert
makes that repetition harmless.
"""

from __future__ import annotations

import graphlib
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import duckdb

from pipelines.warehouse.database import IN_REPORTS, column_names, table_exists, transaction
from pipelines.warehouse.models import SqlModel

STATE_SCHEMA = "build_state"
MODELS_STAGE = "sql_models"
REPORT_KEY = "report_id"
CHANGES_ALIAS = "changed_reports"
# Written on every read of raw/, so not part of a report's content.
VOLATILE_COLUMNS = frozenset({"ingested_at"})
_NO_REPORT = "\x00rows without a report"
# Stored fingerprints mean "built, and every check passed" since version 2; older ones call for a full build.
STATE_VERSION = "2"
REBUILDING = "rebuilding"  # the fingerprint of a report a stage began to rewrite and has not finished


@dataclass(frozen=True)
class BuildPlan:
    full: bool
    reason: str
    changed_reports: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        if self.full:
            return f"full rebuild: {self.reason}"
        return f"incremental: {len(self.changed_reports)} report(s) changed"


def build_order(models: list[SqlModel]) -> list[SqlModel]:
    """Models sorted so that each comes after every model it reads."""
    by_table = {model.table: model for model in models}
    sorter = graphlib.TopologicalSorter(
        {model.table: [table for table in model.upstream_tables if table in by_table] for model in models}
    )
    return [by_table[table] for table in sorter.static_order()]


def incremental_inputs(models: list[SqlModel]) -> list[str]:
    """Tables no model builds that the incremental models read, directly or through other models: the inputs
    whose rows decide which reports to rebuild. (Models built whole always read their inputs afresh.)"""
    by_table = {model.table: model for model in models}
    inputs, seen = set(), set()
    pending = [table for model in models if model.incremental_by for table in model.upstream_tables]
    while pending:
        table = pending.pop()
        if table in seen:
            continue
        seen.add(table)
        if table in by_table:
            pending.extend(by_table[table].upstream_tables)
        else:
            inputs.add(table)
    return sorted(inputs)


def _quoted(table: str, database: str | None = None) -> str:
    parts = ([database] if database else []) + table.split(".")
    return ".".join(f'"{part}"' for part in parts)


@dataclass(frozen=True)
class Fingerprints:
    shared: str  # everything that concerns every report: code, tables without report_id, rows without a report
    reports: dict[str, str]  # report_id → fingerprint of that report's rows

    def changed_reports(self, earlier: Fingerprints) -> tuple[str, ...]:
        """Reports added, removed or changed since ``earlier``."""
        names = earlier.reports.keys() | self.reports.keys()
        return tuple(sorted(name for name in names if earlier.reports.get(name) != self.reports.get(name)))

    def rebuilding(self, reports: set[str]) -> Fingerprints:
        """These fingerprints with ``reports`` marked as not built: a stage that stores them rewrites those
        reports next time (a withheld report is rebuilt and checked again, whatever its inputs)."""
        return Fingerprints(self.shared, {**self.reports, **dict.fromkeys(reports, REBUILDING)})


def table_fingerprints(connection: duckdb.DuckDBPyConnection, tables: list[str], salt: str = "") -> Fingerprints | None:
    """Fingerprints of the rows of ``tables`` (None when one is missing): per report for tables with a report_id
    column, shared for the others. Computed in DuckDB from a hash of every row."""
    shared = hashlib.sha256(f"{duckdb.__version__}\x1f{salt}".encode())
    per_report_parts = []
    for table in tables:
        columns = [column for column in column_names(connection, *table.split(".")) if column not in VOLATILE_COLUMNS]
        if not columns:
            return None
        selected = ", ".join(f'"{column}"' for column in columns)
        rows = f"(select {selected} from {_quoted(table)}) as row_values"
        if REPORT_KEY in columns:
            per_report_parts.append(
                f"select coalesce({REPORT_KEY}, '{_NO_REPORT}') as report_key, '{table}' as source, "
                f"count(*) as row_count, sum(hash(row_values)::hugeint) as row_hash from {rows} group by all"
            )
        else:
            (row_count, row_hash) = connection.execute(
                f"select count(*), sum(hash(row_values)::hugeint) from {rows}"
            ).fetchone()
            shared.update(f"{table}\x1f{row_count}\x1f{row_hash}\x1e".encode())
    reports = {}
    if per_report_parts:
        reports = dict(
            connection.execute(
                "select report_key, md5(string_agg(source || ':' || row_count || ':' || row_hash, ';' "
                "order by source)) from (" + " union all ".join(per_report_parts) + ") group by report_key"
            ).fetchall()
        )
    shared.update(reports.pop(_NO_REPORT, "").encode())
    return Fingerprints(shared.hexdigest(), reports)


def stored_fingerprints(connection: duckdb.DuckDBPyConnection, stage: str) -> Fingerprints | None:
    """What ``stage`` last recorded with ``store_fingerprints``, or None."""
    (exists,) = connection.execute(
        "select count(*) from duckdb_tables() where database_name = current_database() "
        "and schema_name = ? and table_name = 'fingerprints'",
        [STATE_SCHEMA],
    ).fetchone()
    if not exists:
        return None
    rows = connection.execute(
        f"select report_id, fingerprint from {STATE_SCHEMA}.fingerprints where stage = ?", [stage]
    ).fetchall()
    shared = [fingerprint for report_id, fingerprint in rows if report_id is None]
    if not shared:
        return None
    return Fingerprints(shared[0], {report_id: fingerprint for report_id, fingerprint in rows if report_id})


def forget_fingerprints(connection: duckdb.DuckDBPyConnection, stage: str) -> None:
    """Say that ``stage`` reflects no known inputs, so that what follows it starts from scratch."""
    if stored_fingerprints(connection, stage) is not None:
        connection.execute(f"delete from {STATE_SCHEMA}.fingerprints where stage = ?", [stage])


def forget_every_stage(connection: duckdb.DuckDBPyConnection) -> None:
    """Say that no stage reflects any known inputs: the next build extracts, validates and builds everything."""
    if table_exists(connection, STATE_SCHEMA, "fingerprints"):
        connection.execute(f"delete from {STATE_SCHEMA}.fingerprints")


def mark_rebuilding(
    connection: duckdb.DuckDBPyConnection, stage: str, plan_full: bool, reports: tuple[str, ...]
) -> None:
    """Before ``stage`` writes anything: forget what it will rewrite, so that a build killed part-way leaves those
    reports (or, for a full build, everything) to be rebuilt next time, whatever the inputs are by then."""
    if plan_full:
        forget_fingerprints(connection, stage)
    elif reports and stored_fingerprints(connection, stage) is not None:
        # A report new since the last build gets a row too: were it removed again before the next build, that
        # build must still find its rows to delete.
        _write_fingerprints(connection, stage, dict.fromkeys(reports, REBUILDING), only_these=True)


def store_fingerprints(connection: duckdb.DuckDBPyConnection, stage: str, fingerprints: Fingerprints) -> None:
    """Record the inputs ``stage`` now reflects, in one transaction; call it only once the stage is complete."""
    connection.execute(f"create schema if not exists {STATE_SCHEMA}")
    connection.execute(
        f"create table if not exists {STATE_SCHEMA}.fingerprints "
        "(stage varchar, report_id varchar, fingerprint varchar)"
    )
    _write_fingerprints(connection, stage, {None: fingerprints.shared, **fingerprints.reports}, only_these=False)


def _write_fingerprints(
    connection: duckdb.DuckDBPyConnection, stage: str, rows: dict[str | None, str], only_these: bool
) -> None:
    """Write ``rows`` (report_id, None for the shared one → fingerprint) of ``stage`` in one transaction, replacing
    the stage's rows of those reports (``only_these``) or all of its rows."""
    which = f" and {IN_REPORTS}" if only_these else ""
    with transaction(connection):
        connection.execute(
            f"delete from {STATE_SCHEMA}.fingerprints where stage = ?{which}",
            [stage, list(rows)] if only_these else [stage],
        )
        connection.execute(
            f"insert into {STATE_SCHEMA}.fingerprints select ?, unnest(?::varchar[]), unnest(?::varchar[])",
            [stage, list(rows), list(rows.values())],
        )


def _missing_tables(connection: duckdb.DuckDBPyConnection, models: list[SqlModel]) -> list[str]:
    existing = {
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "union all select schema_name, view_name from duckdb_views() where database_name = current_database()"
        ).fetchall()
    }
    return [model.table for model in models if model.table not in existing]


def _models_salt(models: list[SqlModel]) -> str:
    """Everything about the models that, changed, calls for building and checking every report again: a new test
    must read every row once, not only the changed reports' rows."""
    return STATE_VERSION + "".join(
        f"{model.table}\x1f{model.sql}\x1f{model.incremental_by}\x1f{sorted(model.column_docs.items())}"
        f"\x1f{model.tests}\x1e"
        for model in models
    )


def plan_build(connection: duckdb.DuckDBPyConnection, models: list[SqlModel]) -> tuple[BuildPlan, Fingerprints | None]:
    """What the next build must rebuild, and the fingerprints to store once it has."""
    current = table_fingerprints(connection, incremental_inputs(models), _models_salt(models))
    stored = stored_fingerprints(connection, MODELS_STAGE)
    if current is None:
        return BuildPlan(True, "an input table is missing"), None
    if stored is None:
        return BuildPlan(True, "no earlier complete build to start from"), current
    if stored.shared != current.shared:
        return BuildPlan(True, "SQL models, analyst tables or DuckDB changed"), current
    missing = _missing_tables(connection, models)
    if missing:
        return BuildPlan(True, f"{len(missing)} model table(s) missing, e.g. {missing[0]}"), current
    return BuildPlan(False, "", current.changed_reports(stored)), current


def build_model_whole(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    connection.execute(f'create schema if not exists "{model.layer}"')
    connection.execute(model.build_statement())
    for statement in model.comment_statements():
        connection.execute(statement)


class IncrementalBuild:
    """Rebuilds the rows of ``changed_reports`` model by model, in an in-memory database of their own."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, changed_reports: tuple[str, ...]):
        self.connection = connection
        (self.working,) = connection.execute("select current_database()").fetchone()
        connection.execute(f"attach ':memory:' as {CHANGES_ALIAS}")
        connection.execute(f"create table {CHANGES_ALIAS}.main.report_ids ({REPORT_KEY} varchar)")
        connection.execute(
            f"insert into {CHANGES_ALIAS}.main.report_ids select unnest(?::varchar[])", [list(changed_reports)]
        )
        self._available: set[str] = set()

    def close(self) -> None:
        self.connection.execute(f'use "{self.working}"')
        self.connection.execute(f"detach {CHANGES_ALIAS}")

    def _changed_rows_view(self, table: str) -> None:
        """``table`` as the changed reports see it: their rows only, or all rows when it has no report_id."""
        schema, _ = table.split(".")
        columns = column_names(self.connection, self.working, *table.split("."))
        where = (
            f" where {REPORT_KEY} in (select {REPORT_KEY} from {CHANGES_ALIAS}.main.report_ids)"
            if REPORT_KEY in columns
            else ""
        )
        self.connection.execute(f'create schema if not exists {CHANGES_ALIAS}."{schema}"')
        self.connection.execute(
            f"create view {_quoted(table, CHANGES_ALIAS)} as select * from {_quoted(table, self.working)}{where}"
        )
        self._available.add(table)

    def build(self, model: SqlModel) -> None:
        for table in model.upstream_tables:
            if table not in self._available:
                self._changed_rows_view(table)
        self.connection.execute(f"use {CHANGES_ALIAS}")
        try:
            self.connection.execute(f'create schema if not exists "{model.layer}"')
            self.connection.execute(f"create table {_quoted(model.table)} as\n{model.sql}")
        finally:
            self.connection.execute(f'use "{self.working}"')
        self._available.add(model.table)
        target = _quoted(model.table, self.working)
        with transaction(self.connection):
            self.connection.execute(
                f"delete from {target} where {REPORT_KEY} in (select {REPORT_KEY} from {CHANGES_ALIAS}.main.report_ids)"
            )
            self.connection.execute(f"insert into {target} by name select * from {_quoted(model.table, CHANGES_ALIAS)}")


class ModelBuilder:
    """Builds models one at a time, whole or for the changed reports only, as ``plan`` says. A context manager:
    the in-memory database of changed rows lives as long as the ``with`` block."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, plan: BuildPlan):
        self.connection = connection
        self.plan = plan
        self._incremental: IncrementalBuild | None = None

    def __enter__(self) -> ModelBuilder:
        if not self.plan.full:
            self._incremental = IncrementalBuild(self.connection, self.plan.changed_reports)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._incremental is not None:
            self._incremental.close()

    def build(self, model: SqlModel) -> str:
        """Build one model (its upstream models first, see build_order); returns how it was built."""
        if self.rebuilt_reports(model) is not None:
            if self.plan.changed_reports:
                self._incremental.build(model)
            return f"rows of {len(self.plan.changed_reports)} changed report(s) rebuilt"
        build_model_whole(self.connection, model)
        return "rebuilt whole"

    def rebuilt_reports(self, model: SqlModel) -> tuple[str, ...] | None:
        """The reports whose rows of ``model`` this build rewrites, when it rewrites only theirs; None when it
        builds the model whole."""
        if self._incremental is not None and model.incremental_by and model.materialization == "table":
            return self.plan.changed_reports
        return None

    @contextmanager
    def reading_rebuilt_rows(self) -> Iterator[None]:
        """Within the block, a model's name stands for the rows this build rewrote, and only those."""
        if self._incremental is None:
            raise RuntimeError("this build rewrites no model for some reports only")
        self.connection.execute(f"use {CHANGES_ALIAS}")
        try:
            yield
        finally:
            self.connection.execute(f'use "{self._incremental.working}"')
