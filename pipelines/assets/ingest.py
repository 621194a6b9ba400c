"""Ingest: read every report file under raw/reports/ into the working database, or record why it cannot be."""

from dataclasses import asdict
from datetime import UTC, datetime

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

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
            description="The text of every report file under raw/reports/ (UTF-8), with its SHA-256.",
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
        [{**asdict(document), "ingested_at": now} for document in documents], columns=list(DOCUMENT_COLUMNS)
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
