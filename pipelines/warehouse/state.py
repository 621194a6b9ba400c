"""What changed since a stage of the build last completed: one table and one small API for every stage.

Each stage (extraction, validation, the SQL models, publishing) fingerprints the inputs it reads, one fingerprint
per report plus a shared one for what concerns every report (the stage's code version, tables without a report,
rows without a report). ``build_state.fingerprints`` keeps, per stage, the fingerprints it last completed with.
A stage asks ``Stage.changes`` which reports differ, marks them with ``Stage.begin`` before it writes (a build
killed part-way then rebuilds them next time, whatever the inputs are by then), and records its new fingerprints
with ``Stage.commit`` once its writes are complete. A report that failed is committed as still rebuilding, so the
next build tries it again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.warehouse.database import IN_REPORTS, column_names, quoted_name, table_exists, transaction

STATE_SCHEMA = "build_state"
STATE_TABLE = "fingerprints"
REPORT_KEY = "report_id"
# Written on every read of raw/, so not part of a report's content.
VOLATILE_COLUMNS = frozenset({"ingested_at"})
_NO_REPORT = "\x00rows without a report"
# Part of every shared fingerprint: fingerprints stored by an older layout of this table call for a full build.
STATE_VERSION = "3"
REBUILDING = "rebuilding"  # the fingerprint of a report a stage began to rewrite and has not finished


def code_version(parts: Iterable[bytes | str | Path]) -> str:
    """The code version of a stage: a digest of its source files (a Path is read) and definitions, in order.
    A stage's stored rows are reused only under the code version that wrote them."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part.encode() if isinstance(part, str) else part
        digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Fingerprints:
    shared: str  # everything that concerns every report: code, tables without report_id, rows without a report
    reports: dict[str, str]  # report_id → fingerprint of that report's rows

    def changed_reports(self, earlier: Fingerprints) -> tuple[str, ...]:
        """Reports added, removed or changed since ``earlier``."""
        names = earlier.reports.keys() | self.reports.keys()
        return tuple(sorted(name for name in names if earlier.reports.get(name) != self.reports.get(name)))

    def rebuilding(self, reports: Iterable[str]) -> Fingerprints:
        """These fingerprints with ``reports`` marked as not built: a stage that commits them rewrites those
        reports next time (a withheld or failed report is tried again, whatever its inputs)."""
        return Fingerprints(self.shared, {**self.reports, **dict.fromkeys(reports, REBUILDING)})

    def with_shared(self, *parts: str) -> Fingerprints:
        """These fingerprints with more that concerns every report folded into the shared one."""
        return Fingerprints(hashlib.sha256("\x1f".join((self.shared, *parts)).encode()).hexdigest(), self.reports)


def table_fingerprints(
    connection: duckdb.DuckDBPyConnection,
    tables: list[str],
    code: str = "",
    leave_out: frozenset[str] = frozenset(),
) -> Fingerprints | None:
    """Fingerprints of the rows of ``tables`` (None when one is missing) under code version ``code``: per report
    for tables with a report_id column, shared for the others. Computed in DuckDB from a hash of every row, with
    the columns in ``leave_out`` (and the volatile ones) left out."""
    shared = hashlib.sha256(f"{STATE_VERSION}\x1f{duckdb.__version__}\x1f{code}".encode())
    per_report_parts = []
    for table in tables:
        left_out = VOLATILE_COLUMNS | leave_out
        columns = [column for column in column_names(connection, *table.split(".")) if column not in left_out]
        if not columns:
            return None
        selected = ", ".join(f'"{column}"' for column in columns)
        rows = f"(select {selected} from {quoted_name(*table.split('.'))}) as row_values"
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


@dataclass(frozen=True)
class Changes:
    """What a stage must rewrite: some reports, or (``reports`` None) everything; and the fingerprints to commit
    once it has (None: there is nothing to commit, the next build starts this stage from scratch)."""

    reports: tuple[str, ...] | None
    reason: str
    fingerprints: Fingerprints | None

    @property
    def full(self) -> bool:
        return self.reports is None

    @property
    def summary(self) -> str:
        if self.full:
            return f"full rebuild: {self.reason}"
        return f"incremental: {len(self.reports)} report(s) changed"


def everything(reason: str, fingerprints: Fingerprints | None = None) -> Changes:
    """Changes that rewrite every report."""
    return Changes(None, reason, fingerprints)


@dataclass(frozen=True)
class Stage:
    """One stage of the build and its record in build_state.fingerprints."""

    name: str

    def stored(self, connection: duckdb.DuckDBPyConnection) -> Fingerprints | None:
        """What this stage last committed, or None."""
        if not table_exists(connection, STATE_SCHEMA, STATE_TABLE):
            return None
        rows = connection.execute(
            f"select report_id, fingerprint from {STATE_SCHEMA}.{STATE_TABLE} where stage = ?", [self.name]
        ).fetchall()
        shared = [fingerprint for report_id, fingerprint in rows if report_id is None]
        if not shared:
            return None
        return Fingerprints(shared[0], {report_id: fingerprint for report_id, fingerprint in rows if report_id})

    def changes(
        self, connection: duckdb.DuckDBPyConnection, current: Fingerprints | None, rewrite_all: str | None = None
    ) -> Changes:
        """The reports whose fingerprints differ from the ones last committed; everything when ``rewrite_all``
        gives a reason to, the inputs could not be fingerprinted, nothing was committed, or the shared fingerprint
        (code, shared tables, DuckDB) changed."""
        if current is None:
            return everything("an input table is missing")
        if rewrite_all:
            return everything(rewrite_all, current)
        stored = self.stored(connection)
        if stored is None:
            return everything("no earlier complete build to start from", current)
        if stored.shared != current.shared:
            return everything("the code, the shared inputs or DuckDB changed", current)
        return Changes(current.changed_reports(stored), "", current)

    def begin(self, connection: duckdb.DuckDBPyConnection, changes: Changes) -> None:
        """Before this stage writes anything: forget what it will rewrite."""
        if changes.full:
            self.forget(connection)
        elif changes.reports and self.stored(connection) is not None:
            # A report new since the last build gets a row too: were it removed again before the next build, that
            # build must still find its rows to delete.
            self._write(connection, dict.fromkeys(changes.reports, REBUILDING), only_these=True)

    def commit(self, connection: duckdb.DuckDBPyConnection, fingerprints: Fingerprints | None) -> None:
        """Record the inputs this stage now reflects, in one transaction; call it only once the stage is complete.
        None forgets them instead: the next build starts this stage from scratch."""
        if fingerprints is None:
            self.forget(connection)
            return
        connection.execute(f"create schema if not exists {STATE_SCHEMA}")
        connection.execute(
            f"create table if not exists {STATE_SCHEMA}.{STATE_TABLE} "
            "(stage varchar, report_id varchar, fingerprint varchar)"
        )
        self._write(connection, {None: fingerprints.shared, **fingerprints.reports}, only_these=False)

    def forget(self, connection: duckdb.DuckDBPyConnection) -> None:
        """Say that this stage reflects no known inputs, so that it and what follows it start from scratch."""
        if table_exists(connection, STATE_SCHEMA, STATE_TABLE):
            connection.execute(f"delete from {STATE_SCHEMA}.{STATE_TABLE} where stage = ?", [self.name])

    def _write(self, connection: duckdb.DuckDBPyConnection, rows: dict[str | None, str], only_these: bool) -> None:
        """Write ``rows`` (report_id, None for the shared one → fingerprint) in one transaction, replacing this
        stage's rows of those reports (``only_these``) or all of its rows."""
        which = f" and {IN_REPORTS}" if only_these else ""
        with transaction(connection):
            connection.execute(
                f"delete from {STATE_SCHEMA}.{STATE_TABLE} where stage = ?{which}",
                [self.name, list(rows)] if only_these else [self.name],
            )
            connection.execute(
                f"insert into {STATE_SCHEMA}.{STATE_TABLE} select ?, unnest(?::varchar[]), unnest(?::varchar[])",
                [self.name, list(rows), list(rows.values())],
            )


EXTRACTION = Stage("extraction")
VALIDATION = Stage("validation")
MODELS = Stage("sql_models")
PUBLISHED = Stage("published")


def forget_every_stage(connection: duckdb.DuckDBPyConnection) -> None:
    """Say that no stage reflects any known inputs: the next build extracts, validates and builds everything."""
    if table_exists(connection, STATE_SCHEMA, STATE_TABLE):
        connection.execute(f"delete from {STATE_SCHEMA}.{STATE_TABLE}")
