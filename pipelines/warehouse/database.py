"""DuckDB plumbing every stage shares: a table's columns, and a transaction.

Columns are read with DESCRIBE, which reads the one table (about 0.5 ms); ``duckdb_columns()`` binds every view of
every attached database first (about 3 ms a call on the warehouse), which added up to a second of a refresh.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb


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
