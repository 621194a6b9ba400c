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
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import duckdb

from pipelines.warehouse.database import IN_REPORTS, column_names, quoted_name, table_exists, transaction

STATE_SCHEMA = "build_state"
STATE_TABLE = "fingerprints"
REPORT_KEY = "report_id"
MARKET_KEY = "market_id"
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
        # the pairs in one and not the other, compared in C: 100,000 reports in milliseconds
        return tuple(sorted({name for name, _ in earlier.reports.items() ^ self.reports.items()}))

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


def fingerprints_written_by(
    upstream: Stage, connection: duckdb.DuckDBPyConnection, *shared_parts: str
) -> Fingerprints | None:
    """The inputs of a stage that reads, per report, only rows ``upstream`` writes: that stage's fingerprints as it
    last completed them (a report it failed is marked rebuilding), with ``shared_parts`` folded into the shared
    one; None before ``upstream`` ever completed. Reading them costs one row per report, where hashing the rows
    themselves costs every row (1.5 s at 100,000 reports)."""
    written = upstream.stored(connection)
    if written is None:
        return None
    return written.with_shared(f"written by {upstream.name}", *shared_parts)


def combined(*parts: Fingerprints) -> Fingerprints:
    """One fingerprint per report of several inputs: a report changed when any of its parts did."""
    reports = sorted(set().union(*(part.reports for part in parts)))
    return Fingerprints(
        hashlib.sha256("\x1f".join(part.shared for part in parts).encode()).hexdigest(),
        {report: "/".join(part.reports.get(report, "") for part in parts) for report in reports},
    )


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

    def _shared(self, connection: duckdb.DuckDBPyConnection) -> str | None:
        """The shared fingerprint this stage last committed (one row), or None when it committed nothing."""
        if not table_exists(connection, STATE_SCHEMA, STATE_TABLE):
            return None
        shared = connection.execute(
            f"select fingerprint from {STATE_SCHEMA}.{STATE_TABLE} where stage = ? and report_id is null limit 1",
            [self.name],
        ).fetchone()
        return shared[0] if shared is not None else None

    def stored(self, connection: duckdb.DuckDBPyConnection) -> Fingerprints | None:
        """What this stage last committed, or None."""
        shared = self._shared(connection)
        if shared is None:
            return None
        # two columns zipped into a dict: 100,000 reports' fingerprints without a Python loop over them (fetched
        # as arrays, 28 ms at 100,000 reports against 41 ms as rows)
        columns = connection.execute(
            f"select report_id, fingerprint from {STATE_SCHEMA}.{STATE_TABLE} where stage = ? and report_id <> ''",
            [self.name],
        ).fetchnumpy()
        reports = zip(columns["report_id"].tolist(), columns["fingerprint"].tolist(), strict=True)
        return Fingerprints(shared, dict(reports))

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
        # whether anything was committed: one row looked at, where ``stored`` reads one per report
        elif changes.reports and self._shared(connection) is not None:
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
        stored = self.stored(connection)
        if stored is None:
            self._write(connection, {None: fingerprints.shared, **fingerprints.reports}, only_these=False)
            return
        # only the rows that differ: a refresh that changed one report writes one row, not one per report
        changed = dict(fingerprints.reports.items() - stored.reports.items())
        removed = list(stored.reports.keys() - fingerprints.reports.keys())
        with transaction(connection):
            connection.execute(
                f"delete from {STATE_SCHEMA}.{STATE_TABLE} "
                f"where stage = ? and ({IN_REPORTS} or (? and report_id is null))",
                [self.name, [*changed, *removed], stored.shared != fingerprints.shared],
            )
            if stored.shared != fingerprints.shared:
                changed = {None: fingerprints.shared, **changed}
            connection.execute(
                f"insert into {STATE_SCHEMA}.{STATE_TABLE} select ?, unnest(?::varchar[]), unnest(?::varchar[])",
                [self.name, list(changed), list(changed.values())],
            )

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
    """Say that no stage reflects any known inputs: the next build reads, extracts, validates and builds
    everything."""
    for table in (STATE_TABLE, RAW_FILES_TABLE):
        if table_exists(connection, STATE_SCHEMA, table):
            connection.execute(f"delete from {STATE_SCHEMA}.{table}")


# git's racy-clean rule: a file modified less than this long before it was read can change again without its size
# or modification time changing (coarse file system clocks), so it is read again next time.
RACY_NANOSECONDS = 2_000_000_000


class FileStamp(NamedTuple):
    """What the file system says about a file without reading it (a tuple: 100,000 of them are made per build)."""

    size: int
    mtime_ns: int
    inode: int


def unchanged_since_read(then: FileStamp | None, now: FileStamp | None, read_at_ns: int) -> bool:
    """Whether a file (or its absence) is as a read at ``read_at_ns`` found it, and was not modified so shortly
    before that read that a later write could have kept the same stamp."""
    return then == now and (now is None or now.mtime_ns < read_at_ns - RACY_NANOSECONDS)


def stamp_of(path: Path) -> FileStamp | None:
    """The file's stamp (a link's target), or None when there is no such file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileStamp(status.st_size, status.st_mtime_ns, status.st_ino)


class FileRecord(NamedTuple):
    """A report file and its sidecar as the ingest that last read them found them."""

    source_file: str
    stamp: FileStamp
    sidecar_stamp: FileStamp | None
    read_at_ns: int
    sha256: str
    problem: str | None = None  # why its bytes cannot be a report (empty, binary, encoding); None if they can
    sidecar_sha256: str | None = None
    sidecar_problem: str | None = None  # why its sidecar is ignored

    def still_current(self, stamp: FileStamp | None, sidecar_stamp: FileStamp | None) -> bool:
        """Whether the files are as they were read: same size, modification time and inode, and not modified
        so shortly before the read that a later write could have kept the same stamp."""
        return unchanged_since_read(self.stamp, stamp, self.read_at_ns) and unchanged_since_read(
            self.sidecar_stamp, sidecar_stamp, self.read_at_ns
        )


# What the last ingest found per report file: its stamp, its sidecar's, when it was read and what its bytes held,
# so that the next ingest opens only the files that changed (pipelines/ingest.py, FileRecord).
RAW_FILES_TABLE = "raw_files"
_RAW_FILE_COLUMNS = (
    "source_file varchar primary key, size_bytes bigint, mtime_ns bigint, inode ubigint, sidecar_size_bytes bigint, "
    "sidecar_mtime_ns bigint, sidecar_inode ubigint, read_at_ns bigint, sha256 varchar, problem varchar, "
    "sidecar_sha256 varchar, sidecar_problem varchar"
)


def known_raw_files(connection: duckdb.DuckDBPyConnection, folder: str) -> dict[str, FileRecord]:
    """source_file → what the last read recorded about each file in raw/``folder``/ (empty before the first)."""
    if not table_exists(connection, STATE_SCHEMA, RAW_FILES_TABLE):
        return {}
    rows = connection.execute(
        f"select * from {STATE_SCHEMA}.{RAW_FILES_TABLE} where starts_with(source_file, ?)", [f"{folder}/"]
    ).fetchall()
    return {
        row[0]: FileRecord(
            row[0],
            FileStamp(row[1], row[2], row[3]),
            FileStamp(row[4], row[5], row[6]) if row[4] is not None else None,
            *row[7:],
        )
        for row in rows
    }


def record_raw_files(connection: duckdb.DuckDBPyConnection, recorded: list[FileRecord], forgotten: list[str]) -> None:
    """Replace the records of the files just read and drop the forgotten ones, in one transaction; the records of
    files not read stay as they are."""
    connection.execute(f"create schema if not exists {STATE_SCHEMA}")
    connection.execute(f"create table if not exists {STATE_SCHEMA}.{RAW_FILES_TABLE} ({_RAW_FILE_COLUMNS})")
    if not recorded and not forgotten:
        return
    columns = list(zip(*(_raw_file_row(record) for record in recorded), strict=True)) or [[]] * 12
    with transaction(connection):
        connection.execute(
            f"delete from {STATE_SCHEMA}.{RAW_FILES_TABLE} where source_file in (select unnest(?::varchar[]))",
            [[record.source_file for record in recorded] + forgotten],
        )
        if recorded:
            unnested = ", ".join(f"unnest(?::{kind}[])" for kind in _RAW_FILE_KINDS)
            connection.execute(f"insert into {STATE_SCHEMA}.{RAW_FILES_TABLE} select {unnested}", list(columns))


_RAW_FILE_KINDS = ("varchar", "bigint", "bigint", "ubigint", "bigint", "bigint", "ubigint", "bigint") + ("varchar",) * 4


def _raw_file_row(record: FileRecord) -> tuple:
    sidecar = record.sidecar_stamp
    return (
        record.source_file,
        record.stamp.size,
        record.stamp.mtime_ns,
        record.stamp.inode,
        sidecar.size if sidecar else None,
        sidecar.mtime_ns if sidecar else None,
        sidecar.inode if sidecar else None,
        record.read_at_ns,
        record.sha256,
        record.problem,
        record.sidecar_sha256,
        record.sidecar_problem,
    )
