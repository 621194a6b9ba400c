"""Ingest: read every report file under raw/reports/ into the working database, or record why it cannot be."""

import hashlib
import json
from dataclasses import asdict
from datetime import UTC, datetime

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipelines.analyst_tables import TABLES_FOLDER, WEIGHT_TABLES, TableRejected, empty_weights, read_weight_table
from pipelines.assets.frames import replace_table, table_metadata
from pipelines.ingest import read_reports
from pipelines.resources import WarehousePaths

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
    "ingested_at": "datetime64[us, UTC]",
}
REJECTION_COLUMNS = {
    "source_file": "string",
    "sha256": "string",
    "stage": "string",
    "reason": "string",
    "detected_at": "datetime64[us, UTC]",
}


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
)
def raw_documents(context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource):
    """Reads raw/reports/ (never writes there)."""
    raw_dir = paths.settings.raw_dir
    if not raw_dir.is_dir():
        raise dg.Failure(f"RAW_DIR {raw_dir} is not a folder; set RAW_DIR to the folder that holds reports/")
    documents, rejections = read_reports(raw_dir)
    now = datetime.now(UTC)
    context.log.info(f"{raw_dir}: {len(documents)} report(s) read, {len(rejections)} rejected")
    for rejection in rejections:
        context.log.warning(rejection.reason)
    document_frame = pd.DataFrame(
        [
            {
                **asdict(document),
                "sidecar": json.dumps(document.sidecar) if document.sidecar else None,
                "ingested_at": now,
            }
            for document in documents
        ],
        columns=list(DOCUMENT_COLUMNS),
    ).astype(DOCUMENT_COLUMNS)
    rejected_frame = rejection_frame([{**asdict(rejection), "detected_at": now} for rejection in rejections])
    with duckdb.get_connection() as connection:
        replace_table(connection, "landing", "raw_documents", document_frame)
        replace_table(connection, "landing", "rejected_documents", rejected_frame)
        yield dg.MaterializeResult(
            asset_key=RAW_DOCUMENTS,
            metadata={
                **table_metadata(connection, "landing", "raw_documents"),
                "raw_dir": str(raw_dir),
                "bytes_read": int(document_frame["size_bytes"].sum()),
            },
        )
        yield dg.MaterializeResult(
            asset_key=REJECTED_DOCUMENTS,
            metadata={
                **table_metadata(connection, "landing", "rejected_documents"),
                "reasons": dg.MetadataValue.md("\n".join(f"- {r.reason}" for r in rejections) or "_none_"),
            },
        )


FORECAST_WEIGHTS = dg.AssetKey(["landing", "forecast_weights"])
REJECTED_TABLES = dg.AssetKey(["landing", "rejected_tables"])


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            FORECAST_WEIGHTS,
            description="Rows of the analyst weight tables raw/tables/*_weights.csv, as text with file and line.",
            kinds={"duckdb", "csv"},
        ),
        dg.AssetSpec(
            REJECTED_TABLES,
            description="Analyst tables that cannot be used at all (unreadable, missing or unexpected columns).",
            kinds={"duckdb", "csv"},
        ),
    ],
    group_name="ingest",
)
def analyst_tables(context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource):
    """Reads raw/tables/ with DuckDB's CSV reader (never writes there). Missing tables mean equal weights."""
    raw_dir = paths.settings.raw_dir
    frames = [empty_weights()]
    rejections = []
    now = datetime.now(UTC)
    with duckdb.get_connection() as connection:
        for spec in WEIGHT_TABLES:
            path = raw_dir / TABLES_FOLDER / spec.file_name
            if not path.is_file():
                continue
            try:
                frames.append(read_weight_table(connection, path, raw_dir, spec))
            except TableRejected as rejection:
                context.log.warning(str(rejection))
                rejections.append(
                    {
                        "source_file": path.relative_to(raw_dir).as_posix(),
                        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
                        "stage": "ingest",
                        "reason": str(rejection),
                        "detected_at": now,
                    }
                )
        weights = pd.concat(frames, ignore_index=True)
        replace_table(connection, "landing", "forecast_weights", weights)
        replace_table(connection, "landing", "rejected_tables", rejection_frame(rejections))
        yield dg.MaterializeResult(
            asset_key=FORECAST_WEIGHTS,
            metadata={
                **table_metadata(connection, "landing", "forecast_weights"),
                "tables_dir": str(raw_dir / "tables"),
            },
        )
        yield dg.MaterializeResult(
            asset_key=REJECTED_TABLES, metadata=table_metadata(connection, "landing", "rejected_tables")
        )
