"""Extract: every loaded document's facts, one table per kind of fact, each row with its quote and span."""

from collections import Counter

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.ingest import RAW_DOCUMENTS, rejection_frame
from pipelines.assets.ui_metadata import table_metadata
from pipelines.extraction_run import REPORTS_KEPT, run_extraction
from pipelines.previews import markdown_preview
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.warehouse.database import (
    IN_REPORTS,
    column_names,
    read_table,
    replace_report_rows,
    replace_table,
    table_exists,
    with_first_detection,
)

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


_REPORTED_DOCUMENTS = REPORTS_KEPT  # the UI's extraction report lists this many documents in full
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
    """Runs the pure extractor (pipelines/extract/) over the documents that are new or changed since the last run
    (by content hash and extractor version); unchanged documents keep their rows, removed ones drop out."""
    with duckdb.get_connection() as connection:
        # Texts are read only for the documents to extract: 10,000 of them take a quarter of a second.
        documents = connection.execute("select * exclude (text) from landing.raw_documents").df()
        stored_columns = {table: column_names(connection, EXTRACTED_SCHEMA, table) for table in DOCUMENT_SCHEMAS}
        cache = (
            read_table(connection, EXTRACTED_SCHEMA, "extraction_cache")
            if table_exists(connection, EXTRACTED_SCHEMA, "extraction_cache")
            else None
        )
        run = run_extraction(documents, stored_columns, cache, read_texts=lambda ids: document_texts(connection, ids))
    context.log.info(
        f"{len(documents)} document(s): {len(run.extracted)} extracted, {len(run.reused)} unchanged, "
        f"{len(run.removed)} removed, {len(run.failures)} failed"
    )
    for source_file in run.extracted[:20]:
        context.log.info(f"extracted {source_file}")
    for failure in run.failures:
        context.log.error(failure["reason"])
    reports = [extraction_report(source_file, report) for source_file, report in run.reports.items()]
    figures_by_document = run.cache[["source_file", "figures", "skipped"]].sort_values("source_file")
    incremental = {
        "documents": len(documents),
        "documents_extracted": len(run.extracted),
        "documents_unchanged": len(run.reused),
        "documents_removed": len(run.removed),
        "failed_documents": len(run.failures),
        "documents_without_figures": int((run.cache["figures"] == 0).sum()),
        "extracted_files": dg.MetadataValue.json(run.extracted[:_REPORTED_DOCUMENTS]),
    }
    with duckdb.get_connection() as connection:
        forget_cached_extractions(connection, None if run.replaces_everything else run.replaced_reports)
        for table, frame in run.fresh_tables.items():
            if run.replaces_everything:
                replace_table(connection, EXTRACTED_SCHEMA, table, frame)
            else:
                replace_report_rows(connection, EXTRACTED_SCHEMA, table, run.replaced_reports, frame)
        incremental["facts_by_kind"] = dg.MetadataValue.json(facts_by_kind(connection))
        for table in run.fresh_tables:
            yield dg.MaterializeResult(
                asset_key=extracted_key(table),
                metadata={
                    **table_metadata(connection, EXTRACTED_SCHEMA, table),
                    **incremental,
                    "facts_by_document": dg.MetadataValue.md(markdown_preview(figures_by_document, rows=50)),
                    "extraction_report": dg.MetadataValue.md(
                        "\n\n".join(reports) or "_no document extracted in this run_"
                    ),
                },
            )
        replace_table(connection, EXTRACTED_SCHEMA, "extraction_cache", run.cache)
        failed = with_first_detection(connection, EXTRACTED_SCHEMA, "failed_documents", rejection_frame(run.failures))
        replace_table(connection, EXTRACTED_SCHEMA, "failed_documents", failed)
        yield dg.MaterializeResult(
            asset_key=FAILED_DOCUMENTS, metadata=table_metadata(connection, EXTRACTED_SCHEMA, "failed_documents")
        )


def forget_cached_extractions(connection, report_ids: list[str] | None) -> None:
    """Before the extracted tables change: drop the cache rows of the reports about to be rewritten (None: of
    every report), so that a run killed part-way extracts them again next time, whatever their text is by then."""
    if not table_exists(connection, EXTRACTED_SCHEMA, "extraction_cache"):
        return
    if report_ids is None:
        connection.execute(f"delete from {EXTRACTED_SCHEMA}.extraction_cache")
    elif report_ids:
        connection.execute(
            f"delete from {EXTRACTED_SCHEMA}.extraction_cache where {IN_REPORTS}",
            [report_ids],
        )


def document_texts(connection, report_ids: list[str]) -> dict[str, str]:
    return dict(
        connection.execute(
            f"select report_id, text from landing.raw_documents where {IN_REPORTS}",
            [report_ids],
        ).fetchall()
    )


def facts_by_kind(connection) -> dict[str, int]:
    rows = connection.execute(
        f"select scope || ' ' || metric, count(*) from {EXTRACTED_SCHEMA}.stated_figures group by 1 order by 1"
    ).fetchall()
    return dict(rows)
