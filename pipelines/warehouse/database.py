"""DuckDB plumbing every stage shares: a table's columns, a transaction, whether a table exists, and moving
DataFrames in and out of the working database in bulk.

Columns are read with DESCRIBE, which reads the one table (about 0.5 ms); ``duckdb_columns()`` binds every view of
every attached database first (about 3 ms a call on the warehouse), which added up to a second of a refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import pandas as pd

# "A row of these reports" in a query whose parameter is the list of report ids (DuckDB binds a list as varchar[]).
IN_REPORTS = "report_id in (select unnest(?::varchar[]))"
NOT_IN_REPORTS = "report_id not in (select unnest(?::varchar[]))"
# A market key that also names the rows of reports on no market, and "a row of these markets" by that key.
NO_MARKET = "\x00no market"
MARKET_OF_ROW = f"coalesce(market_id, '{NO_MARKET}')"
IN_MARKETS = f"{MARKET_OF_ROW} in (select unnest(?::varchar[]))"


# A checkpoint that vacuums merges row groups that deletes left short. After a refresh deleted and re-inserted a
# few reports' rows, that rewrote up to three whole row groups per table at every checkpoint: 0.8 s for
# fct_reported_fact's 370,000 quotes, about 4 s of a one-file refresh at 100,000 reports. So a build's
# checkpoints do not vacuum (VACUUM_OFF, in the connection's config), and every VACUUM_EVERY_CLOSES-th close of the
# working database vacuums what the others left: deleted rows and a small row group per patched table each.
VACUUM_OFF = {"max_vacuum_tasks": 0}
VACUUM_EVERY_CLOSES = 50
_VACUUM_TASKS = 100  # DuckDB's default
_CLOSES_TABLE = "build_state.closes_since_vacuum"


def checkpoint_on_close(connection: duckdb.DuckDBPyConnection) -> bool:
    """Count this close of the working database; at every VACUUM_EVERY_CLOSES-th, checkpoint with vacuum on.
    Returns whether it vacuumed."""
    connection.execute("create schema if not exists build_state")
    connection.execute(f"create table if not exists {_CLOSES_TABLE} (closes integer)")
    (closes,) = connection.execute(f"select coalesce(max(closes), 0) + 1 from {_CLOSES_TABLE}").fetchone()
    vacuum = closes >= VACUUM_EVERY_CLOSES
    with transaction(connection):
        connection.execute(f"delete from {_CLOSES_TABLE}")
        connection.execute(f"insert into {_CLOSES_TABLE} values (?)", [0 if vacuum else closes])
    if vacuum:
        with vacuum_tasks(connection, _VACUUM_TASKS):
            connection.execute("force checkpoint")
    return vacuum


@contextmanager
def vacuum_tasks(connection: duckdb.DuckDBPyConnection, tasks: int) -> Iterator[None]:
    """Checkpoints in the block schedule up to ``tasks`` vacuum tasks (0: none); the setting is restored after."""
    (before,) = connection.execute("select current_setting('max_vacuum_tasks')").fetchone()
    connection.execute(f"set max_vacuum_tasks = {int(tasks)}")
    try:
        yield
    finally:
        connection.execute(f"set max_vacuum_tasks = {int(before)}")


@contextmanager
def transaction(connection: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Everything in the block commits together or not at all."""
    connection.execute("begin transaction")
    try:
        yield
        connection.execute("commit")
    except BaseException:
        connection.execute("rollback")
        raise


def quoted_name(*parts: str) -> str:
    """'"schema"."table"' or '"database"."schema"."table"', any quote in a part doubled."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in parts)


def table_columns(connection: duckdb.DuckDBPyConnection, *name: str) -> list[tuple[str, str]]:
    """(column, type) of the table or view ``name`` (schema and table, or database, schema and table), in order;
    empty when there is no such table."""
    try:
        return connection.execute(f"select column_name, column_type from (describe {quoted_name(*name)})").fetchall()
    except duckdb.CatalogException:
        return []


def column_names(connection: duckdb.DuckDBPyConnection, *name: str) -> list[str]:
    return [column for column, _ in table_columns(connection, *name)]


def replace_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str, frame: pd.DataFrame) -> None:
    """Replace ``schema.table`` with ``frame`` in one statement (columns by name, types from the frame)."""
    connection.execute(f'create schema if not exists "{schema}"')
    connection.register("incoming_frame", frame)
    try:
        connection.execute(f'create or replace table "{schema}"."{table}" as select * from incoming_frame')
    finally:
        connection.unregister("incoming_frame")


def replace_report_rows(
    connection: duckdb.DuckDBPyConnection,
    schema: str,
    table: str,
    report_ids: list[str],
    frame: pd.DataFrame,
    rows_without_report: bool = False,
) -> None:
    """Replace the rows of ``report_ids`` (and, if asked, the rows without a report) in ``schema.table`` with
    ``frame``, in one transaction; other reports' rows stay as they are."""
    try:
        with transaction(connection):  # begun first: DuckDB 2.0 refuses register() while a result is unread
            connection.register("incoming_frame", frame)
            without_report = " or report_id is null" if rows_without_report else ""
            connection.execute(
                f'delete from "{schema}"."{table}" where {IN_REPORTS}{without_report}',
                [report_ids],
            )
            connection.execute(f'insert into "{schema}"."{table}" by name select * from incoming_frame')
    finally:
        connection.unregister("incoming_frame")


def read_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> pd.DataFrame:
    return connection.execute(f'select * from "{schema}"."{table}"').df()


def table_exists(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    (count,) = connection.execute(
        "select count(*) from duckdb_tables() where schema_name = ? and table_name = ? "
        "and database_name = current_database()",
        [schema, table],
    ).fetchone()
    return count > 0


def with_first_detection(connection: duckdb.DuckDBPyConnection, schema: str, table: str, frame: pd.DataFrame):
    """``frame`` of rejections with ``detected_at`` carried over from the table's current rows for the same file,
    content and reason, so that a re-run over unchanged inputs changes nothing."""
    if not table_exists(connection, schema, table) or frame.empty:
        return frame
    earlier = connection.execute(f'select source_file, sha256, reason, detected_at from "{schema}"."{table}"').df()
    merged = frame.merge(earlier, on=["source_file", "sha256", "reason"], how="left", suffixes=("", "_earlier"))
    merged["detected_at"] = merged["detected_at_earlier"].fillna(merged["detected_at"])
    return merged.drop(columns=["detected_at_earlier"]).astype(frame.dtypes.to_dict())
