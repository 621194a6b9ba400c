"""Ingest: read every report file under raw/reports/ into the working database, or record why it cannot be."""

import hashlib
import json
import time
from dataclasses import asdict
from datetime import UTC, datetime

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipelines.analyst_tables import (
    TABLE_SPECS,
    TABLES_FOLDER,
    TableRejected,
    as_weight_rows,
    discover_tables,
    empty_rows,
    read_table_text,
    spec_for,
)
from pipelines.assets.ui_metadata import table_metadata
from pipelines.ingest import REPORTS_FOLDER, Document, ingest_reports
from pipelines.raw_listing import reports_handover_key, take_over
from pipelines.resources import WORKING_DATABASE_TAG, WarehousePaths
from pipelines.warehouse.database import replace_table, table_exists, transaction, with_first_detection
from pipelines.warehouse.state import FileRecord, known_raw_files, record_raw_files, stamp_of

RAW_DOCUMENTS = dg.AssetKey(["landing", "raw_documents"])
REJECTED_DOCUMENTS = dg.AssetKey(["landing", "rejected_documents"])
DOCUMENT_COLUMNS = {
    "report_id": "string",
    "source_file": "string",
    "sha256": "string",
    "size_bytes": "Int64",
    "text": "string",
    "source_format": "string",
    "sidecar": "string",
    "encoding": "string",
    "ingested_at": "datetime64[us, UTC]",
}
REJECTION_COLUMNS = {
    "source_file": "string",
    "sha256": "string",
    "stage": "string",
    "reason": "string",
    "detected_at": "datetime64[us, UTC]",
}


def document_rows(documents: list[Document], ingested_at: datetime) -> pd.DataFrame:
    """One row per document, built column by column (a dict per document costs 0.3 s at 10,000)."""
    columns = {
        column: [getattr(document, column) for document in documents]
        for column in DOCUMENT_COLUMNS
        if column not in ("sidecar", "ingested_at")
    }
    columns["sidecar"] = [json.dumps(document.sidecar) if document.sidecar else None for document in documents]
    columns["ingested_at"] = [ingested_at] * len(documents)
    return pd.DataFrame(columns, columns=list(DOCUMENT_COLUMNS)).astype(DOCUMENT_COLUMNS)


def rejection_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(REJECTION_COLUMNS)).astype(REJECTION_COLUMNS)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            RAW_DOCUMENTS,
            description=(
                "The text of every report file under raw/reports/ (.txt, .md, or .html reduced to its visible "
                "text), with its SHA-256 and its metadata sidecar (<file>.meta.json) if it has one."
            ),
            kinds={"duckdb", "python"},
        ),
        dg.AssetSpec(
            REJECTED_DOCUMENTS,
            description="Files under raw/reports/ that cannot be read as report text, each with a specific reason.",
            kinds={"duckdb", "python"},
        ),
    ],
    group_name="ingest",
    op_tags=WORKING_DATABASE_TAG,
)
def raw_documents(context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource):
    """Reads raw/reports/ (never writes there). A file whose size, modification time and inode are as the last
    read found them is not opened again; only new and changed files are read, and only their rows are written."""
    raw_dir = paths.settings.raw_dir
    if not raw_dir.is_dir():
        raise dg.Failure(f"RAW_DIR {raw_dir} is not a folder; set RAW_DIR to the folder that holds reports/")
    with duckdb.get_connection() as connection:
        stored = stored_documents(connection)
        listing, records, listed_at_ns = _listing_and_records(connection, raw_dir, paths)
        ingest = ingest_reports(raw_dir, records, stored, now_ns=listed_at_ns, listing=listing)
        now = datetime.now(UTC)
        context.log.info(
            f"{raw_dir}: {len(ingest.fresh) + len(ingest.kept)} report(s), {len(ingest.fresh)} new or changed, "
            f"{len(ingest.dropped) - _replaced(ingest, stored)} removed, "
            f"{len(ingest.rejections)} rejected; {ingest.files_read} file(s) read"
        )
        for rejection in ingest.rejections:
            context.log.warning(rejection.reason)
        rejected_frame = rejection_frame([{**asdict(rejection), "detected_at": now} for rejection in ingest.rejections])
        write_documents(connection, document_rows(ingest.fresh, now), ingest.dropped)
        rejected_frame = with_first_detection(connection, "landing", "rejected_documents", rejected_frame)
        replace_table(connection, "landing", "rejected_documents", rejected_frame)
        record_raw_files(connection, ingest.recorded, ingest.forgotten)
        yield dg.MaterializeResult(
            asset_key=RAW_DOCUMENTS,
            metadata={
                **table_metadata(connection, "landing", "raw_documents"),
                "raw_dir": str(raw_dir),
                "documents_new_or_changed": len(ingest.fresh),
                "documents_unchanged": len(ingest.kept),
                "files_read": ingest.files_read,
                "bytes_read": ingest.bytes_read,
            },
        )
        yield dg.MaterializeResult(
            asset_key=REJECTED_DOCUMENTS,
            metadata={
                **table_metadata(connection, "landing", "rejected_documents"),
                "reasons": dg.MetadataValue.md("\n".join(f"- {r.reason}" for r in ingest.rejections) or "_none_"),
            },
        )


def _listing_and_records(connection, raw_dir, paths: WarehousePaths) -> tuple:
    """(listing of raw/reports/, records of the last read, when it was listed): the command line's, when it just
    listed raw/reports/ to choose the executor of this run; else the records alone, and ingest lists the folder."""
    handed = take_over(reports_handover_key(raw_dir, paths.settings.working_path))
    return handed or (None, known_raw_files(connection, REPORTS_FOLDER), None)


def _replaced(ingest, stored: dict[str, str]) -> int:
    """Fresh documents that replace a stored row (changed files): not removals."""
    return sum(1 for document in ingest.fresh if document.source_file in stored)


def stored_documents(connection) -> dict[str, str]:
    """source_file → sha256 of every document landing.raw_documents holds."""
    if not table_exists(connection, "landing", "raw_documents"):
        return {}
    return dict(connection.execute("select source_file, sha256 from landing.raw_documents").fetchall())


def write_documents(connection, fresh: pd.DataFrame, dropped: list[str]) -> None:
    """Delete the dropped documents' rows and add the fresh ones, in one transaction; the rest stay untouched."""
    if not table_exists(connection, "landing", "raw_documents"):
        replace_table(connection, "landing", "raw_documents", fresh)
        return
    with transaction(connection):
        connection.execute(
            "delete from landing.raw_documents where source_file in (select unnest(?::varchar[]))", [dropped]
        )
        if len(fresh):
            connection.register("fresh_documents", fresh)
            connection.execute("insert into landing.raw_documents by name select * from fresh_documents")
            connection.unregister("fresh_documents")


FORECAST_WEIGHTS = dg.AssetKey(["landing", "forecast_weights"])
TABLE_FACTS = dg.AssetKey(["landing", "table_facts"])
FX_RATES = dg.AssetKey(["landing", "fx_rates"])
MARKET_ALIASES = dg.AssetKey(["landing", "market_aliases"])
REJECTED_TABLES = dg.AssetKey(["landing", "rejected_tables"])
_LANDING_TABLE_BY_KIND = {
    "weights": "forecast_weights",
    "facts": "table_facts",
    "fx_rates": "fx_rates",
    "market_aliases": "market_aliases",
}


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            FORECAST_WEIGHTS,
            description="Rows of the analyst weight tables raw/tables/*_weights.csv, as text with file and line.",
            kinds={"duckdb", "csv"},
        ),
        dg.AssetSpec(
            TABLE_FACTS,
            description="Rows of the analyst fact tables raw/tables/*facts.csv, as text with file and line.",
            kinds={"duckdb", "csv"},
        ),
        dg.AssetSpec(
            FX_RATES,
            description="Rows of raw/tables/fx_rates.csv (US dollars per unit of a currency), as text.",
            kinds={"duckdb", "csv"},
        ),
        dg.AssetSpec(
            MARKET_ALIASES,
            description="Rows of raw/tables/market_aliases.csv (a market name or report id, the market it belongs "
            "to, its parent market), as text.",
            kinds={"duckdb", "csv"},
        ),
        dg.AssetSpec(
            REJECTED_TABLES,
            description="Files in raw/tables/ that cannot be used at all (unknown name, unreadable, wrong columns).",
            kinds={"duckdb", "csv"},
        ),
    ],
    group_name="ingest",
    op_tags=WORKING_DATABASE_TAG,
)
def analyst_tables(context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource):
    """Reads raw/tables/ with DuckDB's CSV reader (never writes there). No tables means equal weights, no extra
    facts, no currency conversion and markets as the name rule keys them."""
    raw_dir = paths.settings.raw_dir
    with duckdb.get_connection() as connection:
        tables = discover_tables(raw_dir)
        records = known_raw_files(connection, TABLES_FOLDER)
        if tables_unchanged(connection, raw_dir, tables, records):
            context.log.info(f"{raw_dir / TABLES_FOLDER}: no table changed since the last read; none read")
            yield from analyst_table_results(connection, raw_dir, files_read=0)
            return
        now_ns = time.time_ns()
        frames, rejections = read_analyst_tables(context, raw_dir, tables)
        for kind, table in _LANDING_TABLE_BY_KIND.items():
            replace_table(connection, "landing", table, pd.concat(frames[kind], ignore_index=True))
        rejected = with_first_detection(connection, "landing", "rejected_tables", rejection_frame(rejections))
        replace_table(connection, "landing", "rejected_tables", rejected)
        read = [
            FileRecord(path.relative_to(raw_dir).as_posix(), stamp_of(path), None, now_ns, _sha256(path))
            for path in tables
        ]
        current = {record.source_file for record in read}
        record_raw_files(connection, read, sorted(set(records) - current))
        yield from analyst_table_results(connection, raw_dir, files_read=len(tables))


def _sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tables_unchanged(connection, raw_dir, tables: list, records: dict) -> bool:
    """Whether every table file is as the last read found it (none added or removed), so that the landing
    tables already hold what reading them again would give."""
    stamps = {path.relative_to(raw_dir).as_posix(): stamp_of(path) for path in tables}
    return (
        set(stamps) == set(records)
        and all(records[source_file].still_current(stamp, None) for source_file, stamp in stamps.items())
        and all(
            table_exists(connection, "landing", table)
            for table in (*_LANDING_TABLE_BY_KIND.values(), "rejected_tables")
        )
    )


def read_analyst_tables(context, raw_dir, tables: list) -> tuple[dict, list[dict]]:
    """Every table file's rows by kind (DuckDB's CSV reader), and the files that cannot be used, with why."""
    frames = {kind: [empty_rows(kind)] for kind in _LANDING_TABLE_BY_KIND}
    rejections = []
    now = datetime.now(UTC)
    known = ", ".join(spec.file_pattern for spec in TABLE_SPECS)
    for path in tables:
        source_file = path.relative_to(raw_dir).as_posix()
        spec = spec_for(path.name)
        try:
            if spec is None:
                raise TableRejected(f"{source_file}: not a known analyst table; expected one of {known}")
            rows = read_table_text(path, raw_dir, spec)
            frames[spec.kind].append(as_weight_rows(rows, spec) if spec.kind == "weights" else rows)
            context.log.info(f"{source_file}: {len(rows)} row(s)")
        except TableRejected as rejection:
            context.log.warning(str(rejection))
            rejections.append(
                {
                    "source_file": source_file,
                    "sha256": _sha256(path),
                    "stage": "ingest",
                    "reason": str(rejection),
                    "detected_at": now,
                }
            )
    return frames, rejections


def analyst_table_results(connection, raw_dir, files_read: int):
    for table in _LANDING_TABLE_BY_KIND.values():
        yield dg.MaterializeResult(
            asset_key=dg.AssetKey(["landing", table]),
            metadata={
                **table_metadata(connection, "landing", table),
                "tables_dir": str(raw_dir / TABLES_FOLDER),
                "table_files_read": files_read,
            },
        )
    yield dg.MaterializeResult(
        asset_key=REJECTED_TABLES, metadata=table_metadata(connection, "landing", "rejected_tables")
    )
