"""Extract: every loaded document's facts, one table per kind of fact, each row with its quote and span."""

import json
from collections import Counter
from datetime import UTC, datetime

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.frames import read_table, replace_table, table_metadata, with_first_detection
from pipelines.assets.ingest import RAW_DOCUMENTS, rejection_frame
from pipelines.extract.report import extract_report
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.tables import frames_from_rows, report_rows

EXTRACTED_SCHEMA = "extracted"
FAILED_DOCUMENTS = dg.AssetKey([EXTRACTED_SCHEMA, "failed_documents"])
EXTRACTED_TABLE_DESCRIPTIONS = {
    "report_metadata": "One row per document: market, title, header fields and the inferred forecast period.",
    "segment_members": "Segment dimensions and members from each document's scope list.",
    "region_countries": "Regions and their countries from each document's scope list.",
    "stated_figures": "Every distinct stated value, share and CAGR, with its scope, year(s), quote and span.",
    "companies": "Key companies each document names.",
    "developments": "Dated developments (month, kind, deal amount) with their sentence.",
    "development_companies": "Companies taking part in each development, lead first.",
    "skipped_statements": "Figures the extractor saw but could not read, with the reason.",
}


_REPORTED_DOCUMENTS = 50  # the UI's extraction report lists this many documents in full
_PREVIEW_FACTS = 5


def extraction_report(source_file: str, report) -> str:
    """One document's section of the extraction report: facts by kind, skipped statements and a preview."""
    kinds = Counter(f"{figure.scope} {figure.metric}" for figure in report.figures)
    lines = [
        f"#### {source_file}",
        f"{report.metadata.market or '(market not named)'}; "
        + (", ".join(f"{kind}: {count}" for kind, count in sorted(kinds.items())) or "**no figures stated**"),
    ]
    for figure in report.figures[:_PREVIEW_FACTS]:
        amount = f"{figure.value_millions:g} {figure.currency} m" if figure.metric == "value" else f"{figure.pct:g}%"
        lines.append(
            f"- {figure.metric} · {figure.member or 'market'} · {figure.year or ''} · {amount} — «{figure.quote[:100]}»"
        )
    for skipped in report.skipped:
        lines.append(f"- skipped [{skipped.char_start}:{skipped.char_end}]: {skipped.reason}")
    return "\n".join(lines)


def extracted_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([EXTRACTED_SCHEMA, table])


@dg.multi_asset(
    specs=[
        *(
            dg.AssetSpec(extracted_key(table), deps=[RAW_DOCUMENTS], description=description, kinds={"python"})
            for table, description in EXTRACTED_TABLE_DESCRIPTIONS.items()
        ),
        dg.AssetSpec(
            FAILED_DOCUMENTS,
            deps=[RAW_DOCUMENTS],
            description="Documents whose extraction raised an error (the others still load).",
            kinds={"python"},
        ),
    ],
    group_name="extract",
)
def extracted_tables(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Runs the pure extractor (pipelines/extract/) over every ingested document."""
    with duckdb.get_connection() as connection:
        documents = read_table(connection, "landing", "raw_documents")
    rows_by_table: dict[str, list[dict]] = {table: [] for table in DOCUMENT_SCHEMAS}
    failures = []
    found_by_document = []
    document_reports = []
    facts_by_kind: Counter[str] = Counter()
    without_figures = 0
    for document in documents.itertuples(index=False):
        try:
            sidecar = json.loads(document.sidecar) if isinstance(document.sidecar, str) else None
            report = extract_report(document.text, sidecar)
        except Exception as error:  # one broken document must not stop the others
            reason = f"{document.source_file}: extraction failed: {type(error).__name__}: {error}"
            context.log.error(reason)
            failures.append(
                {
                    "source_file": document.source_file,
                    "sha256": document.sha256,
                    "stage": "extract",
                    "reason": reason,
                    "detected_at": datetime.now(UTC),
                }
            )
            continue
        rows = report_rows(document.report_id, document.source_file, document.sha256, report)
        for table, table_rows in rows.items():
            rows_by_table[table].extend(table_rows)
        kinds = Counter(f"{figure.scope} {figure.metric}" for figure in report.figures)
        facts_by_kind.update(kinds)
        without_figures += not report.figures
        if len(document_reports) < _REPORTED_DOCUMENTS:
            document_reports.append(extraction_report(document.source_file, report))
        found_by_document.append(
            f"| {document.source_file} | {len(report.figures)} | {len(report.skipped)} | "
            f"{', '.join(f'{kind}: {count}' for kind, count in sorted(kinds.items())) or '_no figures_'} |"
        )
    frames = frames_from_rows(rows_by_table)
    summary = "\n".join(["| file | facts | skipped | by kind |", "|---|---|---|---|", *found_by_document])
    with duckdb.get_connection() as connection:
        for table, frame in frames.items():
            replace_table(connection, EXTRACTED_SCHEMA, table, frame)
            yield dg.MaterializeResult(
                asset_key=extracted_key(table),
                metadata={
                    **table_metadata(connection, EXTRACTED_SCHEMA, table),
                    "documents": len(documents),
                    "documents_without_figures": without_figures,
                    "failed_documents": len(failures),
                    "facts_by_kind": dg.MetadataValue.json(dict(sorted(facts_by_kind.items()))),
                    "facts_by_document": dg.MetadataValue.md(summary),
                    "extraction_report": dg.MetadataValue.md("\n\n".join(document_reports) or "_no documents_"),
                },
            )
        failed = with_first_detection(connection, EXTRACTED_SCHEMA, "failed_documents", rejection_frame(failures))
        replace_table(connection, EXTRACTED_SCHEMA, "failed_documents", failed)
        yield dg.MaterializeResult(
            asset_key=FAILED_DOCUMENTS, metadata=table_metadata(connection, EXTRACTED_SCHEMA, "failed_documents")
        )
