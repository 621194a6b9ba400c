"""Publish the marts atomically: a reader sees the last good warehouse or the new one, never a half-built file.

The marts are copied from the working database into a private file beside the published path (written in
DuckDB's v1.0.0 storage format, which DuckDB 1.x readers open), checked, checkpointed and closed; then
``os.replace`` swaps it onto the published path in one step. A reader holding the old file keeps its snapshot.
Any failure before the swap removes the private file and leaves the published one untouched.

When only some reports changed since the last publish, the private file starts as a byte copy of the published
one and only those reports' rows are rewritten. Tables that combine reports (dimensions, consensus) are patched by
rows: a row is known by the hash of its values, and only the rows the build no longer has, or has new, are deleted
or inserted; in a table built per market, only the rows of the markets the changed reports were or are on are
compared. Each patched table is then checked against the working one (its row count, and a hash of the rewritten
reports' or markets' rows, or of every row) before the swap. A patched copy's checkpoint does not vacuum (merging
row groups after a patch rewrote hundreds of thousands of rows); every PATCHES_BETWEEN_WHOLE_COPIES-th publish
copies every table instead.

Reports a failed check withheld (pipelines/warehouse/withholding.py) get no rows from the new build in any table
with a report_id column: the rows the published file holds for them, their last good rows, are kept (and
``dim_report.status`` says ``stale: <check>``); a report never published before is left out. ``meta_withheld``
lists them, one row per report and check.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.warehouse.database import (
    IN_MARKETS,
    IN_REPORTS,
    MARKET_OF_ROW,
    NOT_IN_REPORTS,
    column_names,
    quoted_name,
    table_columns,
    vacuum_tasks,
)
from pipelines.warehouse.models import sql_literal
from pipelines.warehouse.state import MARKET_KEY, REPORT_KEY
from pipelines.warehouse.withholding import WithheldReport

PUBLISHED_SCHEMA = "marts"
STORAGE_VERSION = "v1.0.0"
PUBLISHING_ALIAS = "publishing"
PREVIOUS_ALIAS = "previously_published"
PRIVATE_SUFFIX = ".publishing"
# A patched copy is checkpointed without vacuum (see VACUUM_OFF): it keeps the rows it deleted, and gains a small row
# group per patched table. Every PATCHES_BETWEEN_WHOLE_COPIES-th publish copies every table instead, compacting it.
PATCHES_BETWEEN_WHOLE_COPIES = 50


class PublishError(RuntimeError):
    """The new build could not be published; the previously published warehouse is unchanged."""


@dataclass(frozen=True)
class ReportPatch:
    """Publish by patching a copy of the published file: ``tables`` hold one report's rows apart from another's
    (report_id), and only the rows of ``changed_reports`` differ from what is published. In ``market_tables`` a
    market's rows come from its reports alone, so only the markets those reports were or are on can differ."""

    changed_reports: tuple[str, ...]
    tables: frozenset[str]
    market_tables: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ChangedKeys:
    """The reports and markets whose rows a patched publish added, changed or removed."""

    reports: frozenset[str] = frozenset()
    markets: frozenset[str] = frozenset()

    def __or__(self, other: ChangedKeys) -> ChangedKeys:
        return ChangedKeys(self.reports | other.reports, self.markets | other.markets)


@dataclass(frozen=True)
class PublishedWarehouse:
    path: Path
    size_bytes: int
    table_rows: dict[str, int]
    published_at: datetime
    patched: bool = False
    reports_published: int = 0
    withheld: tuple[WithheldReport, ...] = ()
    kept_previous_rows: frozenset[str] = frozenset()  # withheld reports whose last published rows were kept
    markets_compared: int | None = None  # the markets whose rows the per-market tables compared; None: every row


def _marts_tables(connection: duckdb.DuckDBPyConnection, database: str) -> list[str]:
    rows = connection.execute(
        "select table_name from duckdb_tables() where database_name = ? and schema_name = ? order by table_name",
        [database, PUBLISHED_SCHEMA],
    ).fetchall()
    return [name for (name,) in rows]


def _working_database(connection: duckdb.DuckDBPyConnection) -> str:
    (name,) = connection.execute("select current_database()").fetchone()
    return name


def _copy_comments(connection: duckdb.DuckDBPyConnection, source_db: str, table: str) -> None:
    (table_comment,) = connection.execute(
        "select comment from duckdb_tables() where database_name = ? and schema_name = ? and table_name = ?",
        [source_db, PUBLISHED_SCHEMA, table],
    ).fetchone()
    if table_comment:
        connection.execute(
            f'comment on table {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}" is {sql_literal(table_comment)}'
        )
    columns = connection.execute(
        "select column_name, comment from duckdb_columns() "
        "where database_name = ? and schema_name = ? and table_name = ? and comment is not null",
        [source_db, PUBLISHED_SCHEMA, table],
    ).fetchall()
    for column, comment in columns:
        connection.execute(
            f'comment on column {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"."{column}" is {sql_literal(comment)}'
        )


_META_PUBLISH_COLUMNS = {
    "published_at": ("timestamptz", "When this warehouse was published (UTC)."),
    "run_id": ("varchar", "The Dagster run that built it."),
    "input_files": ("integer", "How many report files were loaded."),
    "inputs_sha256": (
        "varchar",
        "SHA-256 over the sorted (file, sha256) pairs of the inputs: equal means same inputs.",
    ),
    "pipeline_version": ("varchar", "Version of the pipeline package."),
    "dagster_version": ("varchar", "Dagster version used."),
    "duckdb_version": ("varchar", "DuckDB version that wrote the file."),
    "storage_version": ("varchar", "DuckDB storage format of the file (readable by DuckDB 1.x and newer)."),
    "patched_from_run_id": (
        "varchar",
        "The run whose published file this one was patched from (only what changed rewritten); null when every "
        "table was written whole.",
    ),
    "changed_report_ids": (
        "varchar",
        "When patched: JSON list of the reports whose rows were added, changed or removed in any table with a "
        "report_id column (withheld reports included); null when every table was written whole.",
    ),
    "changed_market_ids": (
        "varchar",
        "When patched: JSON list of the markets whose rows were added, changed or removed in any table with a "
        "market_id column; null when every table was written whole.",
    ),
    "patches_since_whole_copy": (
        "integer",
        f"How many publishes in a row patched the file; 0 when every table was written whole (every "
        f"{PATCHES_BETWEEN_WHOLE_COPIES}th publish is, to compact the file).",
    ),
}


_META_WITHHELD_COLUMNS = {
    "report_id": ("varchar", "The withheld report (dim_report.report_id)."),
    "source_file": ("varchar", "The report's file, relative to the raw folder."),
    "check_name": ("varchar", "The failed check that withheld it (a data test or an audit of sql/marts/schema.yml)."),
    "model": ("varchar", "The table the check is on, e.g. marts.fct_market_size."),
    "failing_rows": ("bigint", "How many of the report's rows break the check."),
    "first_failing_rows": ("varchar", "JSON list of the first 5 failing rows of the report, column → value."),
    "kept_previous_rows": (
        "boolean",
        "True when the report's last published rows are kept (dim_report.status = 'stale: <check>'); false when "
        "it was never published, so it is absent.",
    ),
    "withheld_at": ("timestamptz", "When the check withheld it (UTC)."),
}
_META_WITHHELD_COMMENT = (
    "One row per report and failed check that kept the report's new rows out of this build: the other reports "
    "published; a withheld report keeps its last published rows, or is absent if it never published."
)


def _write_meta_table(
    connection: duckdb.DuckDBPyConnection, name: str, columns: dict, comment: str, rows: list[dict]
) -> None:
    table = f"{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.{name}"
    connection.execute(f"drop table if exists {table}")
    connection.execute(
        f"create table {table} ({', '.join(f'{column} {kind}' for column, (kind, _) in columns.items())})"
    )
    if rows:
        connection.executemany(
            f"insert into {table} values ({', '.join('?' for _ in columns)})",
            [[row[column] for column in columns] for row in rows],
        )
    connection.execute(f"comment on table {table} is {sql_literal(comment)}")
    for column, (_, description) in columns.items():
        connection.execute(f"comment on column {table}.{column} is {sql_literal(description)}")


def _write_meta_publish(connection: duckdb.DuckDBPyConnection, meta: dict) -> None:
    _write_meta_table(
        connection, "meta_publish", _META_PUBLISH_COLUMNS, "One row describing this published build.", [meta]
    )


def _write_meta_withheld(connection: duckdb.DuckDBPyConnection, withheld: list[WithheldReport], kept: set[str]) -> None:
    rows = [{**vars(row), "kept_previous_rows": row.report_id in kept} for row in withheld]
    _write_meta_table(connection, "meta_withheld", _META_WITHHELD_COLUMNS, _META_WITHHELD_COMMENT, rows)


def _verify_published_copy(path: Path, expected_rows: dict[str, int]) -> None:
    """Open the new file as a BI tool would (read-only, fresh process state) and check every table."""
    with duckdb.connect(str(path), read_only=True) as reader:
        for table, expected in expected_rows.items():
            (rows,) = reader.execute(f'select count(*) from {PUBLISHED_SCHEMA}."{table}"').fetchone()
            if rows != expected:
                raise PublishError(f"{path}: {PUBLISHED_SCHEMA}.{table} has {rows} rows after copying, not {expected}")


def _copy_table_whole(connection: duckdb.DuckDBPyConnection, source_db: str, table: str, withheld: list[str]) -> None:
    """The build's table, without the rows of ``withheld`` reports."""
    connection.execute(f'drop table if exists {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"')
    connection.execute(
        f'create table {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}" as '
        f'select * from "{source_db}".{PUBLISHED_SCHEMA}."{table}"' + _without(withheld),
        [withheld] if withheld else [],
    )
    _copy_comments(connection, source_db, table)


def _without(reports: list[str]) -> str:
    return f" where {NOT_IN_REPORTS}" if reports else ""


def _patch_table(
    connection: duckdb.DuckDBPyConnection, source_db: str, table: str, removed: list[str], rewritten: list[str]
) -> None:
    """Delete the rows of ``removed`` reports from the copy, then insert the build's rows of ``rewritten`` ones."""
    target = f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"'
    connection.execute(f"delete from {target} where {IN_REPORTS}", [removed])
    connection.execute(
        f'insert into {target} by name select * from "{source_db}".{PUBLISHED_SCHEMA}."{table}" where {IN_REPORTS}',
        [rewritten],
    )


def _patch_table_by_rows(
    connection: duckdb.DuckDBPyConnection, source_db: str, table: str, markets: list[str] | None = None
) -> ChangedKeys:
    """Make the copy's table hold the build's rows by rewriting only the rows that differ, so that a table that
    combines reports (a dimension, the consensus) costs what changed in it; returns the reports and markets of
    the rows rewritten. With ``markets``, only those markets' rows are compared (the others are known to be
    equal). Rows are told apart by the 64-bit hash
    of their values: where a hash counts a different number of rows on the two sides, every row of that hash is
    deleted and the build's rows of that hash inserted (repeated rows stay right)."""
    target = f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"'
    source = f'"{source_db}".{PUBLISHED_SCHEMA}."{table}"'
    scope, scope_and, parameters = "", "", []
    if markets is not None:
        scope, scope_and, parameters = f" where {IN_MARKETS}", f" and {IN_MARKETS}", [markets]
    connection.execute(
        "create or replace temp table publishing_changed_hashes as select row_hash from "
        f"(select hash(row_values) as row_hash, count(*) as rows from {source} as row_values{scope} group by 1) "
        "as built full join "
        f"(select hash(row_values) as row_hash, count(*) as rows from {target} as row_values{scope} group by 1) "
        "as published using (row_hash) where built.rows is distinct from published.rows",
        parameters * 2,
    )
    keys = [
        key for key in (REPORT_KEY, MARKET_KEY) if key in column_names(connection, source_db, PUBLISHED_SCHEMA, table)
    ]
    returning = f" returning {', '.join(keys)}" if keys else ""
    try:
        changed = "(select row_hash from publishing_changed_hashes)"
        deleted = connection.execute(
            f"delete from {target} as row_values where hash(row_values) in {changed}{scope_and}{returning}",
            parameters,
        ).fetchall()
        inserted = connection.execute(
            f"insert into {target} by name select * from {source} as row_values "
            f"where hash(row_values) in {changed}{scope_and}{returning}",
            parameters,
        ).fetchall()
    finally:
        connection.execute("drop table if exists publishing_changed_hashes")
    values = {key: {row[index] for row in deleted + inserted} - {None} for index, key in enumerate(keys)}
    return ChangedKeys(frozenset(values.get(REPORT_KEY, ())), frozenset(values.get(MARKET_KEY, ())))


def _digest(
    connection: duckdb.DuckDBPyConnection, qualified_table: str, condition: str = "", keys: list[str] | None = None
) -> tuple:
    """(rows, order-independent hash of those rows) of the table, or of its rows that meet ``condition`` (whose
    parameter is ``keys``): equal for two tables that hold the same rows."""
    return connection.execute(
        "select count(*), coalesce(sum(hash(row_values)::hugeint), 0) "
        f"from {qualified_table} as row_values{f' where {condition}' if condition else ''}",
        [keys] if condition else [],
    ).fetchone()


def _rows_patched_check(
    connection: duckdb.DuckDBPyConnection, source_db: str, table: str, markets: list[str] | None
) -> tuple[tuple, tuple]:
    """What must be equal in the build and in the copy patched by rows: the digest of every row; with
    ``markets``, the digest of those markets' rows and the count of every row."""
    sides = []
    for qualified in (
        f'"{source_db}".{PUBLISHED_SCHEMA}."{table}"',
        f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"',
    ):
        if markets is None:
            sides.append(_digest(connection, qualified))
        else:
            (rows,) = connection.execute(f"select count(*) from {qualified}").fetchone()
            sides.append((_digest(connection, qualified, IN_MARKETS, markets), rows))
    return sides[0], sides[1]


def _markets_of(connection: duckdb.DuckDBPyConnection, source_db: str, reports: list[str]) -> list[str] | None:
    """The markets ``reports`` are on in the copy (as published) or in the build (market keys as IN_MARKETS reads
    them); None when either side's dim_report has no market_id to tell."""
    sides = [f'"{source_db}".{PUBLISHED_SCHEMA}.dim_report', f"{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.dim_report"]
    for database in (source_db, PUBLISHING_ALIAS):
        if not {REPORT_KEY, MARKET_KEY} <= set(column_names(connection, database, PUBLISHED_SCHEMA, "dim_report")):
            return None
    rows = connection.execute(
        " union ".join(f"select distinct {MARKET_OF_ROW} from {side} where {IN_REPORTS}" for side in sides),
        [reports, reports],
    ).fetchall()
    return sorted(market for (market,) in rows)


def _keep_previous_rows(connection: duckdb.DuckDBPyConnection, table: str, reports: list[str]) -> None:
    """Copy the previously published rows of ``reports`` into the new table (the columns both have); nothing when
    the previous file has no such table or no report_id column in it."""
    previous = column_names(connection, PREVIOUS_ALIAS, PUBLISHED_SCHEMA, table)
    if reports and REPORT_KEY in previous:
        current = set(column_names(connection, PUBLISHING_ALIAS, PUBLISHED_SCHEMA, table))
        selected = ", ".join(f'"{column}"' for column in previous if column in current)
        connection.execute(
            f"insert into {quoted_name(PUBLISHING_ALIAS, PUBLISHED_SCHEMA, table)} ({selected}) select {selected} "
            f"from {quoted_name(PREVIOUS_ALIAS, PUBLISHED_SCHEMA, table)} "
            f"where {IN_REPORTS}",
            [reports],
        )


def _previous_row_count(connection: duckdb.DuckDBPyConnection, table: str, reports: list[str]) -> int:
    """How many rows of ``reports`` the previously published table holds."""
    if REPORT_KEY not in column_names(connection, PREVIOUS_ALIAS, PUBLISHED_SCHEMA, table):
        return 0
    (rows,) = connection.execute(
        f"select count(*) from {quoted_name(PREVIOUS_ALIAS, PUBLISHED_SCHEMA, table)} where {IN_REPORTS}",
        [reports],
    ).fetchone()
    return rows


def _previously_published(connection: duckdb.DuckDBPyConnection, reports: list[str]) -> set[str]:
    """Which of ``reports`` the previously published file holds (a row in its dim_report)."""
    if not reports or REPORT_KEY not in column_names(connection, PREVIOUS_ALIAS, PUBLISHED_SCHEMA, "dim_report"):
        return set()
    rows = connection.execute(
        f"select distinct {REPORT_KEY} from {PREVIOUS_ALIAS}.{PUBLISHED_SCHEMA}.dim_report where {IN_REPORTS}",
        [reports],
    ).fetchall()
    return {report_id for (report_id,) in rows}


def _mark_stale(connection: duckdb.DuckDBPyConnection, withheld: list[WithheldReport], kept: set[str]) -> None:
    """dim_report.status = 'stale: <check>, ...' for the withheld reports whose last published rows are kept."""
    checks: dict[str, list[str]] = {}
    for row in withheld:
        if row.report_id in kept and row.check_name not in checks.setdefault(row.report_id, []):
            checks[row.report_id].append(row.check_name)
    for report_id, names in sorted(checks.items()):
        connection.execute(
            f"update {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.dim_report set status = ? where {REPORT_KEY} = ?",
            ["stale: " + ", ".join(names), report_id],
        )


def publish_marts(
    connection: duckdb.DuckDBPyConnection,
    published_path: Path,
    run_id: str,
    inputs: list[dict],
    versions: dict,
    patch: ReportPatch | None = None,
    withheld: list[WithheldReport] | None = None,
) -> PublishedWarehouse:
    """Copy the marts of ``connection``'s database to ``published_path`` atomically; with ``patch``, by rewriting
    only the changed reports' rows of a copy of the file published now. The ``withheld`` reports keep the rows
    published now, if any, instead of the build's."""
    withheld = withheld or []
    published_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_copies(published_path)
    private_path = published_path.with_name(f".{published_path.name}.{uuid.uuid4().hex}{PRIVATE_SUFFIX}")
    source_db = _working_database(connection)
    published_at = datetime.now(UTC)
    patches_before = _patches_since_whole_copy(connection, published_path) if patch is not None else None
    patching = patches_before is not None and patches_before < PATCHES_BETWEEN_WHOLE_COPIES - 1
    withheld_ids = sorted({row.report_id for row in withheld})
    try:
        if patching:
            shutil.copyfile(published_path, private_path)
            connection.execute(f"attach ? as {PUBLISHING_ALIAS}", [str(private_path)])
        else:
            connection.execute(
                f"attach ? as {PUBLISHING_ALIAS} (storage_version '{STORAGE_VERSION}')", [str(private_path)]
            )
        reading_previous = bool(withheld_ids) and published_path.exists()
        try:
            if reading_previous:
                connection.execute(f"attach ? as {PREVIOUS_ALIAS} (read_only)", [str(published_path)])
            kept = sorted(_previously_published(connection, withheld_ids)) if reading_previous else []
            connection.execute(f"create schema if not exists {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}")
            patched_from = _published_run(connection) if patching else None  # before its meta tables go
            tables = _marts_tables(connection, source_db)
            for stale in set(_marts_tables(connection, PUBLISHING_ALIAS)) - set(tables):
                connection.execute(f'drop table {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{stale}"')
            rewritten = sorted(set(patch.changed_reports) - set(withheld_ids)) if patching else []
            never_published = sorted(set(withheld_ids) - set(kept))
            changed = ChangedKeys(frozenset([*rewritten, *withheld_ids, *patched_from[1]])) if patched_from else None
            markets = None
            if patching and patch.market_tables and not withheld_ids:
                markets = _markets_of(connection, source_db, list(patch.changed_reports))
            table_rows, patched, rows_patched = {}, [], []
            for table in tables:
                source_columns = table_columns(connection, source_db, PUBLISHED_SCHEMA, table)
                same_columns = source_columns == table_columns(connection, PUBLISHING_ALIAS, PUBLISHED_SCHEMA, table)
                by_report = REPORT_KEY in dict(source_columns)
                if patching and table in patch.tables and same_columns:
                    # the copy holds the rows published now: those of the withheld reports stay, unless never good
                    _patch_table(connection, source_db, table, rewritten + never_published, rewritten)
                    patched.append(table)
                elif patching and same_columns and not withheld_ids:
                    scope = markets if table in patch.market_tables else None
                    keys = _patch_table_by_rows(connection, source_db, table, scope)
                    changed = changed | keys if changed is not None else None
                    rows_patched.append((table, scope))
                else:
                    changed = None  # a table written whole: what changed in it is not known
                    _copy_table_whole(connection, source_db, table, withheld_ids if by_report else [])
                    if by_report and kept:
                        _keep_previous_rows(connection, table, kept)
                (table_rows[table],) = connection.execute(
                    f'select count(*) from "{source_db}".{PUBLISHED_SCHEMA}."{table}"'
                    + (_without(withheld_ids) if by_report else ""),
                    [withheld_ids] if by_report and withheld_ids else [],
                ).fetchone()
                if by_report and kept:
                    table_rows[table] += _previous_row_count(connection, table, kept)
            for table in patched:  # the other reports' rows are the ones published before, untouched
                expected = _digest(connection, f'"{source_db}".{PUBLISHED_SCHEMA}."{table}"', IN_REPORTS, rewritten)
                actual = _digest(connection, f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"', IN_REPORTS, rewritten)
                if actual != expected:
                    raise PublishError(f"{PUBLISHED_SCHEMA}.{table}: the patched copy differs from the build")
            for table, scope in rows_patched:
                built, copy = _rows_patched_check(connection, source_db, table, scope)
                if built != copy:
                    raise PublishError(f"{PUBLISHED_SCHEMA}.{table}: the copy patched by rows differs from the build")
            _mark_stale(connection, withheld, set(kept))
            ordered_inputs = sorted(inputs, key=lambda item: item["source_file"])
            _write_meta_publish(
                connection,
                {
                    "published_at": published_at,
                    "run_id": run_id,
                    "input_files": len(ordered_inputs),
                    "inputs_sha256": _inputs_digest(ordered_inputs),
                    "storage_version": STORAGE_VERSION,
                    **versions,
                    "patched_from_run_id": patched_from[0] if changed is not None else None,
                    "changed_report_ids": json.dumps(sorted(changed.reports)) if changed is not None else None,
                    "changed_market_ids": json.dumps(sorted(changed.markets)) if changed is not None else None,
                    "patches_since_whole_copy": patches_before + 1 if patching else 0,
                },
            )
            _write_meta_withheld(connection, withheld, set(kept))
            table_rows["meta_publish"] = 1
            table_rows["meta_withheld"] = len(withheld)
            (reports_published,) = connection.execute(
                f"select count(*) from {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.dim_report where status = 'published'"
            ).fetchone()
            with vacuum_tasks(connection, 0) if patching else contextlib.nullcontext():
                connection.execute(f"checkpoint {PUBLISHING_ALIAS}")
        finally:
            connection.execute(f"detach {PUBLISHING_ALIAS}")
            if reading_previous:
                connection.execute(f"detach {PREVIOUS_ALIAS}")
        _verify_published_copy(private_path, table_rows)
        os.replace(private_path, published_path)
        _sync_directory(published_path.parent)
    except BaseException:
        for leftover in (private_path, private_path.with_name(private_path.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    return PublishedWarehouse(
        published_path,
        published_path.stat().st_size,
        table_rows,
        published_at,
        patching,
        reports_published,
        tuple(withheld),
        frozenset(kept),
        len(markets) if markets is not None else None,
    )


def _published_run(connection: duckdb.DuckDBPyConnection) -> tuple[str, tuple[str, ...]] | None:
    """(the run that published the copy being patched, the reports it withheld), read before they are
    rewritten; None when the copy has no meta tables (written by an older version)."""
    if not {"run_id"} <= set(column_names(connection, PUBLISHING_ALIAS, PUBLISHED_SCHEMA, "meta_publish")):
        return None
    (run_id,) = connection.execute(
        f"select any_value(run_id) from {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.meta_publish"
    ).fetchone()
    withheld = ()
    if REPORT_KEY in column_names(connection, PUBLISHING_ALIAS, PUBLISHED_SCHEMA, "meta_withheld"):
        withheld = tuple(
            report_id
            for (report_id,) in connection.execute(
                f"select distinct {REPORT_KEY} from {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.meta_withheld"
            ).fetchall()
        )
    return (run_id, withheld) if run_id is not None else None


def _patches_since_whole_copy(connection: duckdb.DuckDBPyConnection, published_path: Path) -> int | None:
    """How many publishes in a row patched the published file (0 when its meta_publish does not say); None when
    there is no file, or it cannot be read: then every table is copied."""
    if not published_path.exists():
        return None
    try:
        connection.execute(f"attach ? as {PREVIOUS_ALIAS} (read_only)", [str(published_path)])
    except duckdb.Error:
        return None
    try:
        if "patches_since_whole_copy" not in column_names(connection, PREVIOUS_ALIAS, PUBLISHED_SCHEMA, "meta_publish"):
            return 0
        (patches,) = connection.execute(
            f"select coalesce(max(patches_since_whole_copy), 0) from {PREVIOUS_ALIAS}.{PUBLISHED_SCHEMA}.meta_publish"
        ).fetchone()
        return patches
    finally:
        connection.execute(f"detach {PREVIOUS_ALIAS}")


def file_identity(path: Path) -> str | None:
    """What changes whenever the file is replaced or written: device, inode, size and modification time."""
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return f"{status.st_dev}:{status.st_ino}:{status.st_size}:{status.st_mtime_ns}"


def _remove_abandoned_copies(published_path: Path) -> None:
    """Private copies left by a build that was killed mid-publish. Only one build publishes at a time (it holds
    the working database's lock throughout), so any copy found now belongs to a dead build."""
    for leftover in published_path.parent.glob(f".{published_path.name}.*{PRIVATE_SUFFIX}*"):
        leftover.unlink(missing_ok=True)


def _inputs_digest(ordered_inputs: list[dict]) -> str:
    digest = hashlib.sha256()
    for item in ordered_inputs:
        digest.update(f"{item['source_file']}\x1f{item['sha256']}\n".encode())
    return digest.hexdigest()


def _sync_directory(directory: Path) -> None:
    """Make the rename durable: fsync the directory that holds the published file."""
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
