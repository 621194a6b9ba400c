"""Build the SQL models, rebuilding only the reports whose inputs changed since the last complete build.

Most models compute each report's rows from that report's rows alone (their first line says
``-- config(incremental_by='report_id')``). After a complete build, the fingerprint of every report's input rows is
stored (pipelines/warehouse/state.py, stage ``sql_models``). The next build compares fingerprints: when only some
reports changed, their rows are computed in an in-memory database whose tables hold just those reports (the model
SQL runs there unchanged, so it reads the filtered inputs), then swapped into the working database with one delete
and one insert per model. Models that combine the reports of one market (editions, estimates, consensus: their
first line says ``-- config(incremental_by='market_id')``) are rebuilt for the markets the changed reports were or
are on, from the rows of those markets' reports. Models that combine reports across markets (dimensions, meta
tables) are rebuilt whole. Anything that could touch every report (a changed SQL file, an analyst table, a new
DuckDB version, no stored state), or a change to more than a tenth of the reports, rebuilds everything; the market
models are built whole when the changed reports' markets hold more than a tenth of all reports.

Delete-then-insert makes rebuilding a report again after a build killed part-way harmless.
"""

from __future__ import annotations

import graphlib
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb

from pipelines.warehouse.database import MARKET_OF_ROW, column_names, quoted_name, transaction
from pipelines.warehouse.models import SqlModel
from pipelines.warehouse.state import (
    MARKET_KEY,
    MODELS,
    REPORT_KEY,
    VALIDATION,
    Changes,
    Fingerprints,
    code_version,
    combined,
    everything,
    fingerprints_written_by,
    table_fingerprints,
)

CHANGES_ALIAS = "changed_reports"
MARKETS_ALIAS = "changed_markets"
REPORT_MARKETS = "intermediate.int_report_markets"  # the market of every report
WITHOUT_ALIAS = "without_withheld_reports"
# Fewer changed reports than this are always rebuilt in pieces (see plan_build).
FEWEST_FOR_A_WHOLE_BUILD = 2_000


def _in(database: str | None, table: str) -> str:
    """'marts.x' in ``database`` (None: the current one), quoted."""
    return quoted_name(*([database] if database else []), *table.split("."))


def build_order(models: list[SqlModel]) -> list[SqlModel]:
    """Models sorted so that each comes after every model it reads."""
    by_table = {model.table: model for model in models}
    sorter = graphlib.TopologicalSorter(
        {model.table: [table for table in model.upstream_tables if table in by_table] for model in models}
    )
    return [by_table[table] for table in sorter.static_order()]


def models_reading(models: list[SqlModel], table: str) -> list[SqlModel]:
    """The models that read ``table``, directly or through other models, in build order (``table``'s own model
    first, when it is one of ``models``)."""
    reading = {table}
    ordered = []
    for model in build_order(models):
        if model.table == table or reading.intersection(model.upstream_tables):
            reading.add(model.table)
            ordered.append(model)
    return ordered


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


def _missing_tables(connection: duckdb.DuckDBPyConnection, models: list[SqlModel]) -> list[str]:
    existing = {
        f"{schema}.{name}"
        for schema, name in connection.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "union all select schema_name, view_name from duckdb_views() where database_name = current_database()"
        ).fetchall()
    }
    return [model.table for model in models if model.table not in existing]


def models_code_version(models: list[SqlModel]) -> str:
    """Everything about the models that, changed, calls for building and checking every report again: a new test
    must read every row once, not only the changed reports' rows."""
    return code_version(
        f"{model.table}\x1f{model.sql}\x1f{model.incremental_by}\x1f{sorted(model.column_docs.items())}\x1f{model.tests}"
        for model in models
    )


_DOCUMENTS = "landing.raw_documents"


def _input_fingerprints(connection: duckdb.DuckDBPyConnection, inputs: list[str], code: str) -> Fingerprints | None:
    """Per report, what the models read of it: its document's row, and the validated rows, which validation alone
    writes (what it last completed says which changed, without hashing every row); the tables that hold no report
    (analyst tables) are hashed whole. Before validation ever completed, every input's rows are hashed."""
    validated = fingerprints_written_by(VALIDATION, connection)
    if validated is None or _DOCUMENTS not in inputs:
        return table_fingerprints(connection, inputs, code)
    # the text is read only through its sha256 and the figures' quotes, which the validated rows hold
    documents = table_fingerprints(connection, [_DOCUMENTS], code, leave_out=frozenset({"text"}))
    shared_tables = [
        table
        for table in inputs
        if table != _DOCUMENTS
        and table.startswith("validated.")
        and REPORT_KEY not in column_names(connection, *table.split("."))
    ]
    others = [table for table in inputs if table != _DOCUMENTS and not table.startswith("validated.")]
    shared = table_fingerprints(connection, shared_tables + others, code)
    if documents is None or shared is None or any(shared.reports.values()):
        return table_fingerprints(connection, inputs, code)
    return combined(documents, validated, shared)


def plan_build(
    connection: duckdb.DuckDBPyConnection,
    models: list[SqlModel],
    fewest_for_a_whole_build: int = FEWEST_FOR_A_WHOLE_BUILD,
) -> Changes:
    """What the next build must rebuild, with the fingerprints to commit once it has. When more reports changed
    than a tenth of them (and at least ``fewest_for_a_whole_build``), everything: the changed rows are rebuilt in
    an in-memory database, which at 100,000 reports all changed (an extractor upgrade) ran out of memory, and past
    a tenth the delete-and-insert saves little over a whole build."""
    current = _input_fingerprints(connection, incremental_inputs(models), models_code_version(models))
    missing = _missing_tables(connection, models)
    changes = MODELS.changes(
        connection, current, f"{len(missing)} model table(s) missing, e.g. {missing[0]}" if missing else None
    )
    if not changes.full and _too_many_for_pieces(len(changes.reports), len(current.reports), fewest_for_a_whole_build):
        return everything(
            f"{len(changes.reports)} of {len(current.reports)} reports changed: built whole, not in pieces",
            changes.fingerprints,
        )
    return changes


def _too_many_for_pieces(reports: int, all_reports: int, fewest_for_a_whole_build: int) -> bool:
    """More than a tenth of all reports, and more than ``fewest_for_a_whole_build``: rebuilt whole, not in memory."""
    return reports > max(fewest_for_a_whole_build, all_reports // 10)


def build_model_whole(connection: duckdb.DuckDBPyConnection, model: SqlModel) -> None:
    connection.execute(f'create schema if not exists "{model.layer}"')
    connection.execute(model.build_statement())
    for statement in model.comment_statements():
        connection.execute(statement)


def _build_in(connection: duckdb.DuckDBPyConnection, alias: str, working: str, model: SqlModel) -> None:
    """Run ``model``'s SQL in the attached database ``alias``, whose tables show the rows in scope, into a table of
    its own there; then back to the working database."""
    connection.execute(f"use {alias}")
    try:
        connection.execute(f'create schema if not exists "{model.layer}"')
        connection.execute(f"create or replace table {_in(None, model.table)} as\n{model.sql}")
    finally:
        connection.execute(f'use "{working}"')


def _view_in(
    connection: duckdb.DuckDBPyConnection, alias: str, working: str, table: str, filters: dict[str, str]
) -> None:
    """``table`` of the working database as the attached database ``alias`` sees it: through the condition of the
    first of ``filters`` (column → condition) whose column it has, or every row when it has none of them."""
    columns = column_names(connection, working, *table.split("."))
    condition = next((condition for column, condition in filters.items() if column in columns), None)
    connection.execute(f'create schema if not exists {alias}."{table.split(".")[0]}"')
    connection.execute(
        f"create or replace view {_in(alias, table)} as select * from {_in(working, table)}"
        + (f" where {condition}" if condition else "")
    )


def _is_view(connection: duckdb.DuckDBPyConnection, database: str, table: str) -> bool:
    schema, name = table.split(".")
    (found,) = connection.execute(
        "select count(*) from duckdb_views() where database_name = ? and schema_name = ? and view_name = ?",
        [database, schema, name],
    ).fetchone()
    return bool(found)


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
        self.changed_reports = list(changed_reports)
        self._available: set[str] = set()

    def close(self) -> None:
        self.connection.execute(f'use "{self.working}"')
        self.connection.execute(f"detach {CHANGES_ALIAS}")

    def _changed_rows_view(self, table: str) -> None:
        """``table`` as the changed reports see it: their rows only, or all rows when it has no report_id.

        A view of the working database (a staging model) is copied as the changed reports' rows, selected by a
        list of their ids: DuckDB pushes such a list into the scans under the view, but not a semi join on the
        table of ids, so a model reading the view would compute it for every report (400 ms at 100,000 reports)."""
        if _is_view(self.connection, self.working, table) and REPORT_KEY in column_names(
            self.connection, self.working, *table.split(".")
        ):
            schema = table.split(".")[0]
            self.connection.execute(f'create schema if not exists {CHANGES_ALIAS}."{schema}"')
            self.connection.execute(
                f"create or replace table {_in(CHANGES_ALIAS, table)} as select * from {_in(self.working, table)} "
                f"where list_contains(?::varchar[], {REPORT_KEY})",
                [self.changed_reports],
            )
        else:
            changed = f"{REPORT_KEY} in (select {REPORT_KEY} from {CHANGES_ALIAS}.main.report_ids)"
            _view_in(self.connection, CHANGES_ALIAS, self.working, table, {REPORT_KEY: changed})
        self._available.add(table)

    def make_available(self, tables: tuple[str, ...]) -> None:
        """The changed reports' rows of ``tables`` (or every row of those without report_id), under their names."""
        for table in tables:
            if table not in self._available:
                self._changed_rows_view(table)

    def build(self, model: SqlModel) -> None:
        self.make_available(model.upstream_tables)
        _build_in(self.connection, CHANGES_ALIAS, self.working, model)
        self._available.add(model.table)
        target = _in(self.working, model.table)
        with transaction(self.connection):
            self.connection.execute(
                f"delete from {target} where {REPORT_KEY} in (select {REPORT_KEY} from {CHANGES_ALIAS}.main.report_ids)"
            )
            self.connection.execute(f"insert into {target} by name select * from {_in(CHANGES_ALIAS, model.table)}")


class MarketScopedBuild:
    """Rebuilds, model by model, the rows of the markets the changed reports were on before this build or are on
    now, in an in-memory database whose tables hold those markets' reports only."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, changed_reports: tuple[str, ...]):
        self.connection = connection
        self.changed_reports = list(changed_reports)
        (self.working,) = connection.execute("select current_database()").fetchone()
        connection.execute(f"attach ':memory:' as {MARKETS_ALIAS}")
        connection.execute(f"create table {MARKETS_ALIAS}.main.market_ids (market_key varchar)")
        connection.execute(f"create table {MARKETS_ALIAS}.main.report_ids ({REPORT_KEY} varchar)")
        self._insert_markets_of_changed_reports()  # their markets before this build
        self._reports_known = False

    def close(self) -> None:
        self.connection.execute(f'use "{self.working}"')
        self.connection.execute(f"detach {MARKETS_ALIAS}")

    def _insert_markets_of_changed_reports(self) -> None:
        self.connection.execute(
            f"insert into {MARKETS_ALIAS}.main.market_ids select distinct {MARKET_OF_ROW} "
            f"from {_in(self.working, REPORT_MARKETS)} where {REPORT_KEY} in (select unnest(?::varchar[])) "
            f"and {MARKET_OF_ROW} not in (select market_key from {MARKETS_ALIAS}.main.market_ids)",
            [self.changed_reports],
        )

    def _know_reports(self) -> None:
        """Once the reports' markets are rebuilt: add the markets the changed reports are on now, and list every
        report on the markets rebuilt."""
        if self._reports_known:
            return
        self._insert_markets_of_changed_reports()
        self.connection.execute(
            f"insert into {MARKETS_ALIAS}.main.report_ids select {REPORT_KEY} from {_in(self.working, REPORT_MARKETS)} "
            f"where {MARKET_OF_ROW} in (select market_key from {MARKETS_ALIAS}.main.market_ids)"
        )
        self._reports_known = True

    @property
    def markets(self) -> int:
        (count,) = self.connection.execute(f"select count(*) from {MARKETS_ALIAS}.main.market_ids").fetchone()
        return count

    def covers_most(self, fewest_for_a_whole_build: int) -> bool:
        """Whether the rebuilt markets hold more than a tenth of all reports (and at least
        ``fewest_for_a_whole_build``): a few changed reports on large markets are many rows to rebuild in memory."""
        self._know_reports()
        (in_scope,) = self.connection.execute(f"select count(*) from {MARKETS_ALIAS}.main.report_ids").fetchone()
        (everywhere,) = self.connection.execute(f"select count(*) from {_in(self.working, REPORT_MARKETS)}").fetchone()
        return _too_many_for_pieces(in_scope, everywhere, fewest_for_a_whole_build)

    def _scoped_view(self, table: str) -> None:
        """``table`` as the rebuilt markets see it: their reports' rows (by report_id, else by market_id), or all
        rows when it has neither column."""
        scope = {
            REPORT_KEY: f"{REPORT_KEY} in (select {REPORT_KEY} from {MARKETS_ALIAS}.main.report_ids)",
            MARKET_KEY: f"{MARKET_OF_ROW} in (select market_key from {MARKETS_ALIAS}.main.market_ids)",
        }
        _view_in(self.connection, MARKETS_ALIAS, self.working, table, scope)

    def build(self, model: SqlModel) -> None:
        self._know_reports()
        for table in model.upstream_tables:
            self._scoped_view(table)
        _build_in(self.connection, MARKETS_ALIAS, self.working, model)
        target, built = _in(self.working, model.table), _in(MARKETS_ALIAS, model.table)
        rebuilt = f"{MARKET_OF_ROW} in (select market_key from {MARKETS_ALIAS}.main.market_ids)"
        with transaction(self.connection):
            self.connection.execute(f"delete from {target} where {rebuilt}")
            # only the rebuilt markets' rows: a model may also make rows of markets no report is on (aliases)
            self.connection.execute(f"insert into {target} by name select * from {built} where {rebuilt}")
        self.connection.execute(f"drop table {built}")  # later models read the working table, through a view


def build_without_reports(connection: duckdb.DuckDBPyConnection, models: list[SqlModel], report_ids: list[str]) -> None:
    """Build ``models`` (whole models, in build order) again as if ``report_ids`` were not loaded: in an in-memory
    database where every other table they read shows no rows of those reports, then swapped into the working
    database, one delete and one insert per model (so that its comments stay)."""
    (working,) = connection.execute("select current_database()").fetchone()
    connection.execute(f"attach ':memory:' as {WITHOUT_ALIAS}")
    try:
        connection.execute(f"create table {WITHOUT_ALIAS}.main.report_ids ({REPORT_KEY} varchar)")
        connection.execute(f"insert into {WITHOUT_ALIAS}.main.report_ids select unnest(?::varchar[])", [report_ids])
        built = {model.table for model in models}
        kept = {REPORT_KEY: f"{REPORT_KEY} not in (select {REPORT_KEY} from {WITHOUT_ALIAS}.main.report_ids)"}
        for table in sorted({table for model in models for table in model.upstream_tables} - built):
            _view_in(connection, WITHOUT_ALIAS, working, table, kept)
        for model in models:
            _build_in(connection, WITHOUT_ALIAS, working, model)
        with transaction(connection):
            for model in models:
                connection.execute(f"delete from {_in(working, model.table)}")
                connection.execute(
                    f"insert into {_in(working, model.table)} by name select * from {_in(WITHOUT_ALIAS, model.table)}"
                )
    finally:
        connection.execute(f'use "{working}"')
        connection.execute(f"detach {WITHOUT_ALIAS}")


class ModelBuilder:
    """Builds models one at a time, whole or for the changed reports only, as ``plan`` says. A context manager:
    the in-memory database of changed rows lives as long as the ``with`` block."""

    def __init__(
        self,
        connection: duckdb.DuckDBPyConnection,
        plan: Changes,
        fewest_for_a_whole_build: int = FEWEST_FOR_A_WHOLE_BUILD,
    ):
        self.connection = connection
        self.plan = plan
        self.fewest_for_a_whole_build = fewest_for_a_whole_build
        self._incremental: IncrementalBuild | None = None
        self._markets: MarketScopedBuild | None = None

    def __enter__(self) -> ModelBuilder:
        if not self.plan.full:
            self._incremental = IncrementalBuild(self.connection, self.plan.reports)
            if self.plan.reports:
                self._markets = MarketScopedBuild(self.connection, self.plan.reports)
        return self

    def __exit__(self, *exc_info) -> None:
        if self._markets is not None:
            self._markets.close()
        if self._incremental is not None:
            self._incremental.close()

    def build(self, model: SqlModel) -> str:
        """Build one model (its upstream models first, see build_order); returns how it was built."""
        if self.rebuilt_reports(model) is not None:
            if self.plan.reports:
                self._incremental.build(model)
            return f"rows of {len(self.plan.reports)} changed report(s) rebuilt"
        if self._incremental is not None and model.incremental_by == MARKET_KEY and model.materialization == "table":
            if self._markets is None:
                return "unchanged: no report changed"
            if self._markets.covers_most(self.fewest_for_a_whole_build):
                build_model_whole(self.connection, model)
                return f"rebuilt whole: the {self._markets.markets} market(s) of the changed reports hold most reports"
            self._markets.build(model)
            return (
                f"rows of the {self._markets.markets} market(s) of {len(self.plan.reports)} changed report(s) rebuilt"
            )
        build_model_whole(self.connection, model)
        return "rebuilt whole"

    def rebuilt_reports(self, model: SqlModel) -> tuple[str, ...] | None:
        """The reports whose rows of ``model`` this build rewrites, when it rewrites only theirs; None when it
        builds the model whole (or for some markets)."""
        if self._incremental is not None and model.incremental_by == REPORT_KEY and model.materialization == "table":
            return self.plan.reports
        return None

    @contextmanager
    def reading_rebuilt_rows(self, tables_read: tuple[str, ...] = ()) -> Iterator[None]:
        """Within the block, a model's name stands for the rows this build rewrote, and only those; so do
        ``tables_read`` (the rebuilt reports' rows of them)."""
        if self._incremental is None:
            raise RuntimeError("this build rewrites no model for some reports only")
        self._incremental.make_available(tables_read)
        self.connection.execute(f"use {CHANGES_ALIAS}")
        try:
            yield
        finally:
            self.connection.execute(f'use "{self._incremental.working}"')
