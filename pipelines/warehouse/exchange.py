"""Files that carry documents and extracted rows between the extraction steps, in Parquet (DuckDB's own writer and
reader). A bucket's step reads its documents from its folder and writes its rows there; it opens no database, so
that any number of them can run at once, here or on other machines that mount the same folder.

    <exchange dir>/<run id>/bucket-<n>/documents.parquet          the documents to extract
    <exchange dir>/<run id>/bucket-<n>/<table>/part-<k>.parquet   the rows extracted, one part per chunk
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import duckdb
import pandas as pd

from pipelines.warehouse.models import sql_literal

DOCUMENTS_FILE = "documents.parquet"
# A run's folder is removed when its rows are loaded; one a failed run left behind goes after this long.
ABANDONED_AFTER_SECONDS = 24 * 3600


class BucketDocument(NamedTuple):
    report_id: str
    source_file: str
    sha256: str
    sidecar: str | None
    text: str


def remove_abandoned_runs(exchange_dir: Path, now: float) -> list[Path]:
    """Remove the folders of runs that stopped before loading their rows, once ABANDONED_AFTER_SECONDS old (a
    younger one may belong to a run still going); returns the folders removed."""
    removed = []
    for folder in exchange_dir.glob("*") if exchange_dir.is_dir() else []:
        if folder.is_dir() and now - folder.stat().st_mtime > ABANDONED_AFTER_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def write_bucket_documents(connection: duckdb.DuckDBPyConnection, report_ids: list[str], folder: Path) -> None:
    """The landing rows of ``report_ids`` (text included) into ``folder``/documents.parquet."""
    folder.mkdir(parents=True, exist_ok=True)
    connection.execute(
        "create or replace temp table bucket_reports as select unnest(?::varchar[]) as report_id", [report_ids]
    )
    target = sql_literal(str(folder / DOCUMENTS_FILE))
    connection.execute(
        "copy (select report_id, source_file, sha256, sidecar, text from landing.raw_documents "
        f"semi join bucket_reports using (report_id) order by source_file) to {target} (format parquet)"
    )
    connection.execute("drop table bucket_reports")


def read_bucket_documents(folder: Path, chunk: int) -> Iterator[list[BucketDocument]]:
    """The bucket's documents, ``chunk`` at a time (a bucket's texts are never all in memory at once)."""
    with duckdb.connect() as connection:
        result = connection.execute(
            "select report_id, source_file, sha256, sidecar, text from read_parquet(?)", [str(folder / DOCUMENTS_FILE)]
        )
        while rows := result.fetchmany(chunk):
            yield [BucketDocument(*row) for row in rows]


def write_table_parts(frames: dict[str, pd.DataFrame], folder: Path, part: int) -> None:
    """Each non-empty frame into ``folder``/<table>/part-<part>.parquet."""
    with duckdb.connect() as connection:
        for table, frame in frames.items():
            if frame.empty:
                continue
            (folder / table).mkdir(parents=True, exist_ok=True)
            connection.register("table_part", frame)
            target = sql_literal(str(folder / table / f"part-{part}.parquet"))
            connection.execute(f"copy table_part to {target} (format parquet)")
            connection.unregister("table_part")


def table_parts(folders: list[Path], table: str) -> list[str]:
    """Every part file of ``table`` in the given bucket folders, in order."""
    return [str(path) for folder in folders for path in sorted((folder / table).glob("part-*.parquet"))]


def insert_parts(connection: duckdb.DuckDBPyConnection, qualified_table: str, parts: list[str]) -> None:
    """Append the rows of ``parts`` to ``qualified_table``, columns by name."""
    if parts:
        connection.execute(
            f"insert into {qualified_table} by name select * from read_parquet(?::varchar[], union_by_name = true)",
            [parts],
        )


def read_parts(parts: list[str]) -> pd.DataFrame | None:
    """The rows of ``parts`` as one frame (for the small tables), or None when there are none."""
    if not parts:
        return None
    with duckdb.connect() as connection:
        return connection.execute("select * from read_parquet(?::varchar[], union_by_name = true)", [parts]).df()
