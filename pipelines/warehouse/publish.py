"""Publish the marts atomically: a reader sees the last good warehouse or the new one, never a half-built file.

The marts are copied from the working database into a private file beside the published path (written in
DuckDB's v1.0.0 storage format, which DuckDB 1.x readers open), checked, checkpointed and closed; then
``os.replace`` swaps it onto the published path in one step. A reader holding the old file keeps its snapshot.
Any failure before the swap removes the private file and leaves the published one untouched.

When only some reports changed since the last publish, the private file starts as a byte copy of the published
one and only those reports' rows are rewritten (tables that combine reports are copied whole); each patched table
is then checked against the working one (its row count, and a hash of the rewritten reports' rows) before the
swap.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.warehouse.database import table_columns
from pipelines.warehouse.models import sql_literal

PUBLISHED_SCHEMA = "marts"
STORAGE_VERSION = "v1.0.0"
PUBLISHING_ALIAS = "publishing"
PRIVATE_SUFFIX = ".publishing"


class PublishError(RuntimeError):
    """The new build could not be published; the previously published warehouse is unchanged."""


@dataclass(frozen=True)
class ReportPatch:
    """Publish by patching a copy of the published file: ``tables`` hold one report's rows apart from another's
    (report_id), and only the rows of ``changed_reports`` differ from what is published."""

    changed_reports: tuple[str, ...]
    tables: frozenset[str]


@dataclass(frozen=True)
class PublishedWarehouse:
    path: Path
    size_bytes: int
    table_rows: dict[str, int]
    published_at: datetime
    patched: bool = False


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
    "inputs": ("varchar", "JSON list of {source_file, sha256} for every input file."),
    "pipeline_version": ("varchar", "Version of the pipeline package."),
    "dagster_version": ("varchar", "Dagster version used."),
    "duckdb_version": ("varchar", "DuckDB version that wrote the file."),
    "storage_version": ("varchar", "DuckDB storage format of the file (readable by DuckDB 1.x and newer)."),
}


def _write_meta_publish(connection: duckdb.DuckDBPyConnection, meta: dict) -> None:
    table = f"{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.meta_publish"
    columns = ", ".join(f"{name} {sql_type}" for name, (sql_type, _) in _META_PUBLISH_COLUMNS.items())
    connection.execute(f"create table {table} ({columns})")
    connection.execute(
        f"insert into {table} values ({', '.join('?' for _ in _META_PUBLISH_COLUMNS)})",
        [meta[name] for name in _META_PUBLISH_COLUMNS],
    )
    connection.execute(f"comment on table {table} is {sql_literal('One row describing this published build.')}")
    for name, (_, description) in _META_PUBLISH_COLUMNS.items():
        connection.execute(f"comment on column {table}.{name} is {sql_literal(description)}")


def _verify_published_copy(path: Path, expected_rows: dict[str, int]) -> None:
    """Open the new file as a BI tool would (read-only, fresh process state) and check every table."""
    with duckdb.connect(str(path), read_only=True) as reader:
        for table, expected in expected_rows.items():
            (rows,) = reader.execute(f'select count(*) from {PUBLISHED_SCHEMA}."{table}"').fetchone()
            if rows != expected:
                raise PublishError(f"{path}: {PUBLISHED_SCHEMA}.{table} has {rows} rows after copying, not {expected}")


def _copy_table_whole(connection: duckdb.DuckDBPyConnection, source_db: str, table: str) -> None:
    connection.execute(f'drop table if exists {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"')
    connection.execute(
        f'create table {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}" as '
        f'select * from "{source_db}".{PUBLISHED_SCHEMA}."{table}"'
    )
    _copy_comments(connection, source_db, table)


def _patch_table(connection: duckdb.DuckDBPyConnection, source_db: str, table: str, reports: list[str]) -> None:
    target = f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"'
    connection.execute(f"delete from {target} where report_id in (select unnest(?::varchar[]))", [reports])
    connection.execute(
        f'insert into {target} by name select * from "{source_db}".{PUBLISHED_SCHEMA}."{table}" '
        "where report_id in (select unnest(?::varchar[]))",
        [reports],
    )


def _reports_digest(connection: duckdb.DuckDBPyConnection, qualified_table: str, reports: list[str]) -> tuple:
    """(rows in all, rows of ``reports``, order-independent hash of those rows): equal for two tables that hold the
    same number of rows and the same rows of ``reports``."""
    return connection.execute(
        f"select (select count(*) from {qualified_table}), count(*), coalesce(sum(hash(row_values)::hugeint), 0) "
        f"from {qualified_table} as row_values where report_id in (select unnest(?::varchar[]))",
        [reports],
    ).fetchone()


def publish_marts(
    connection: duckdb.DuckDBPyConnection,
    published_path: Path,
    run_id: str,
    inputs: list[dict],
    versions: dict,
    patch: ReportPatch | None = None,
) -> PublishedWarehouse:
    """Copy the marts of ``connection``'s database to ``published_path`` atomically; with ``patch``, by rewriting
    only the changed reports' rows of a copy of the file published now."""
    published_path.parent.mkdir(parents=True, exist_ok=True)
    _remove_abandoned_copies(published_path)
    private_path = published_path.with_name(f".{published_path.name}.{uuid.uuid4().hex}{PRIVATE_SUFFIX}")
    source_db = _working_database(connection)
    published_at = datetime.now(UTC)
    patching = patch is not None and published_path.exists()
    try:
        if patching:
            shutil.copyfile(published_path, private_path)
            connection.execute(f"attach ? as {PUBLISHING_ALIAS}", [str(private_path)])
        else:
            connection.execute(
                f"attach ? as {PUBLISHING_ALIAS} (storage_version '{STORAGE_VERSION}')", [str(private_path)]
            )
        try:
            connection.execute(f"create schema if not exists {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}")
            tables = _marts_tables(connection, source_db)
            for stale in set(_marts_tables(connection, PUBLISHING_ALIAS)) - set(tables):
                connection.execute(f'drop table {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{stale}"')
            table_rows, patched = {}, []
            for table in tables:
                same_columns = table_columns(connection, source_db, PUBLISHED_SCHEMA, table) == table_columns(
                    connection, PUBLISHING_ALIAS, PUBLISHED_SCHEMA, table
                )
                if patching and table in patch.tables and same_columns:
                    _patch_table(connection, source_db, table, list(patch.changed_reports))
                    patched.append(table)
                else:
                    _copy_table_whole(connection, source_db, table)
                (table_rows[table],) = connection.execute(
                    f'select count(*) from "{source_db}".{PUBLISHED_SCHEMA}."{table}"'
                ).fetchone()
            for table in patched:  # the other reports' rows are the ones published before, untouched
                reports = list(patch.changed_reports)
                expected = _reports_digest(connection, f'"{source_db}".{PUBLISHED_SCHEMA}."{table}"', reports)
                actual = _reports_digest(connection, f'{PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}."{table}"', reports)
                if actual != expected:
                    raise PublishError(f"{PUBLISHED_SCHEMA}.{table}: the patched copy differs from the build")
            ordered_inputs = sorted(inputs, key=lambda item: item["source_file"])
            connection.execute(f"drop table if exists {PUBLISHING_ALIAS}.{PUBLISHED_SCHEMA}.meta_publish")
            _write_meta_publish(
                connection,
                {
                    "published_at": published_at,
                    "run_id": run_id,
                    "input_files": len(ordered_inputs),
                    "inputs_sha256": _inputs_digest(ordered_inputs),
                    "inputs": json.dumps(ordered_inputs, ensure_ascii=False),
                    "storage_version": STORAGE_VERSION,
                    **versions,
                },
            )
            table_rows["meta_publish"] = 1
            connection.execute(f"checkpoint {PUBLISHING_ALIAS}")
        finally:
            connection.execute(f"detach {PUBLISHING_ALIAS}")
        _verify_published_copy(private_path, table_rows)
        os.replace(private_path, published_path)
        _sync_directory(published_path.parent)
    except BaseException:
        for leftover in (private_path, private_path.with_name(private_path.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise
    return PublishedWarehouse(published_path, published_path.stat().st_size, table_rows, published_at, patching)


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
