"""What the Dagster UI shows for every table we write: row count, column schema and a preview."""

from __future__ import annotations

import dagster as dg
import duckdb

from pipelines.previews import PREVIEW_ROWS, markdown_rows
from pipelines.warehouse.database import table_columns


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
    connection: duckdb.DuckDBPyConnection,
    schema: str,
    table: str,
    column_docs: dict[str, str] | None = None,
    is_view: bool = False,
    preview_reports: tuple[str, ...] | None = None,
) -> dict[str, object]:
    """Row count, column schema and a preview: what the UI shows for every table we write. A view gets no row
    count: counting runs its whole query (0.7 s for stg_stated_figures at 100,000 reports, on every build). With
    ``preview_reports``, a view with a report_id column previews those reports' rows: its first rows would run the
    whole query as well (1.0 s for stg_stated_figures at 100,000 reports), theirs are read through the scans."""
    columns = [column for column, _ in table_columns(connection, schema, table)]
    by_report = bool(is_view and preview_reports and "report_id" in columns)
    # fetchmany, not LIMIT alone: DuckDB 2.0.0 drops the LIMIT over a window after two left joins with an empty
    # table (stg_stated_figures without exchange rates), and would hand back every row.
    with connection.cursor() as cursor:
        cursor.execute(
            f'select * from "{schema}"."{table}"'
            + (" where list_contains(?::varchar[], report_id)" if by_report else "")
            + f" limit {PREVIEW_ROWS}",
            [list(preview_reports)] if by_report else [],
        )
        preview = markdown_rows([column for column, *_ in cursor.description], cursor.fetchmany(PREVIEW_ROWS))
    counted = {}
    if not is_view:
        (rows,) = connection.execute(f'select count(*) from "{schema}"."{table}"').fetchone()
        counted["dagster/row_count"] = int(rows)
    return {
        **counted,
        "dagster/column_schema": table_schema(connection, schema, table, column_docs),
        "dagster/table_name": f"{schema}.{table}",
        "preview": dg.MetadataValue.md(preview),
        **({"preview_of": f"the rows of {len(preview_reports)} rebuilt report(s)"} if by_report else {}),
    }
