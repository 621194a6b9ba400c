"""Moving DataFrames in and out of the working DuckDB database in bulk, and describing them for the UI."""

from __future__ import annotations

import dagster as dg
import duckdb
import pandas as pd

from pipelines.warehouse.database import table_columns, transaction

_PREVIEW_ROWS = 5
_PREVIEW_CELL_CHARS = 60


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
                f'delete from "{schema}"."{table}" where report_id in (select unnest(?::varchar[])){without_report}',
                [report_ids],
            )
            connection.execute(f'insert into "{schema}"."{table}" by name select * from incoming_frame')
    finally:
        connection.unregister("incoming_frame")


def read_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> pd.DataFrame:
    return connection.execute(f'select * from "{schema}"."{table}"').df()


def markdown_preview(frame: pd.DataFrame, rows: int = _PREVIEW_ROWS) -> str:
    if frame.empty:
        return "_no rows_"
    head = frame.head(rows).astype("string").fillna("")
    head = head.apply(lambda column: column.str.slice(0, _PREVIEW_CELL_CHARS).str.replace("|", "\\|"))
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in head.itertuples(index=False)]
    return "\n".join(lines)


def table_schema(
    connection: duckdb.DuckDBPyConnection, schema: str, table: str, column_docs: dict[str, str] | None = None
) -> dg.TableSchema:
    """Columns and types as DuckDB describes them; descriptions from ``column_docs`` (the docs a model's schema.yml
    gives, which are also its column comments). DESCRIBE reads one table; duckdb_columns() binds every view."""
    columns = table_columns(connection, schema, table)
    column_docs = column_docs or {}
    return dg.TableSchema(
        columns=[dg.TableColumn(name, data_type, description=column_docs.get(name)) for name, data_type in columns]
    )


def table_metadata(
    connection: duckdb.DuckDBPyConnection, schema: str, table: str, column_docs: dict[str, str] | None = None
) -> dict[str, object]:
    """Row count, column schema and a preview: what the UI shows for every table we write."""
    (rows,) = connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
    # fetchmany, not LIMIT alone: DuckDB 2.0.0 drops the LIMIT over a window after two left joins with an empty
    # table (stg_stated_figures without exchange rates), and would hand back every row.
    with connection.cursor() as cursor:
        cursor.execute(f'select * from "{schema}"."{table}" limit {_PREVIEW_ROWS}')
        preview = markdown_rows([column for column, *_ in cursor.description], cursor.fetchmany(_PREVIEW_ROWS))
    return {
        "dagster/row_count": int(rows),
        "dagster/column_schema": table_schema(connection, schema, table, column_docs),
        "dagster/table_name": f"{schema}.{table}",
        "preview": dg.MetadataValue.md(preview),
    }


def markdown_rows(columns: list[str], rows: list[tuple]) -> str:
    """A Markdown table of ``rows`` as markdown_preview draws a frame (without building one)."""
    if not rows:
        return "_no rows_"

    def cell(value) -> str:
        return "" if value is None else str(value)[:_PREVIEW_CELL_CHARS].replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)


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
