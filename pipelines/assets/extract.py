"""Extract: every loaded document's facts, one table per kind of fact, each row with its quote and span."""

from collections import Counter
from functools import partial

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.ingest import RAW_DOCUMENTS, rejection_frame
from pipelines.assets.ui_metadata import table_metadata
from pipelines.extraction_run import (
    EXTRACTOR_VERSION,
    REPORTS_KEPT,
    ExtractionRun,
    run_extraction,
    stored_rows_reusable,
)
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
from pipelines.warehouse.state import EXTRACTION, Changes, table_fingerprints

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
            dg.AssetSpec(
                extracted_key(table),
                deps=[RAW_DOCUMENTS],
                description=description,
                kinds={"python"},
                code_version=EXTRACTOR_VERSION,
            )
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
    (by content, sidecar and extractor version); unchanged documents keep their rows, removed ones drop out."""
    with duckdb.get_connection() as connection:
        changes = documents_changed(connection)
        # Texts are read only for the documents to extract: 10,000 of them take a quarter of a second.
        documents = connection.execute("select * exclude (text) from landing.raw_documents").df()
        outcomes = (
            read_table(connection, EXTRACTED_SCHEMA, OUTCOMES)
            if table_exists(connection, EXTRACTED_SCHEMA, OUTCOMES)
            else None
        )
        run = run_extraction(documents, changes.reports, outcomes, read_texts=partial(document_texts, connection))
    context.log.info(
        f"{len(documents)} document(s): {len(run.extracted)} extracted, {len(run.reused)} unchanged, "
        f"{len(run.removed)} removed, {len(run.failures)} failed ({changes.summary})"
    )
    for failure in run.failures:
        context.log.error(failure["reason"])
    with duckdb.get_connection() as connection:
        EXTRACTION.begin(connection, changes)
        write_extraction(connection, run)
        if changes.fingerprints is not None:
            EXTRACTION.commit(connection, changes.fingerprints.rebuilding(run.failed_reports))
        yield from extraction_results(connection, run, documents=len(documents))


OUTCOMES = "extraction_outcomes"


def documents_changed(connection) -> Changes:
    """The documents whose bytes or sidecar changed (or that were added or removed) since the last extraction;
    every document when the extractor changed or the stored tables cannot be kept."""
    current = table_fingerprints(
        connection, ["landing.raw_documents"], code=EXTRACTOR_VERSION, leave_out=frozenset({"text"})
    )
    stored_columns = {table: column_names(connection, EXTRACTED_SCHEMA, table) for table in DOCUMENT_SCHEMAS}
    rewrite_all = None
    if not stored_rows_reusable(stored_columns) or not table_exists(connection, EXTRACTED_SCHEMA, OUTCOMES):
        rewrite_all = "the extracted tables are missing or have other columns than today's"
    return EXTRACTION.changes(connection, current, rewrite_all)


def write_extraction(connection, run: ExtractionRun) -> None:
    for table, frame in run.fresh_tables.items():
        if run.replaces_everything:
            replace_table(connection, EXTRACTED_SCHEMA, table, frame)
        else:
            replace_report_rows(connection, EXTRACTED_SCHEMA, table, run.replaced_reports, frame)
    replace_table(connection, EXTRACTED_SCHEMA, OUTCOMES, run.outcomes)
    failed = with_first_detection(connection, EXTRACTED_SCHEMA, "failed_documents", rejection_frame(run.failures))
    replace_table(connection, EXTRACTED_SCHEMA, "failed_documents", failed)


def extraction_results(connection, run: ExtractionRun, documents: int):
    """What the UI shows for each extracted table: its rows, what this run extracted, and a report per document."""
    reports = [extraction_report(source_file, report) for source_file, report in run.reports.items()]
    figures_by_document = run.outcomes[["source_file", "figures", "skipped"]].sort_values("source_file")
    shared = {
        "documents": documents,
        "documents_extracted": len(run.extracted),
        "documents_unchanged": len(run.reused),
        "documents_removed": len(run.removed),
        "failed_documents": len(run.failures),
        "documents_without_figures": int((run.outcomes["figures"] == 0).sum()),
        "extracted_files": dg.MetadataValue.json(run.extracted[:_REPORTED_DOCUMENTS]),
        "facts_by_kind": dg.MetadataValue.json(facts_by_kind(connection)),
        "facts_by_document": dg.MetadataValue.md(markdown_preview(figures_by_document, rows=50)),
        "extraction_report": dg.MetadataValue.md("\n\n".join(reports) or "_no document extracted in this run_"),
    }
    for table in run.fresh_tables:
        yield dg.MaterializeResult(
            asset_key=extracted_key(table), metadata={**table_metadata(connection, EXTRACTED_SCHEMA, table), **shared}
        )
    yield dg.MaterializeResult(
        asset_key=FAILED_DOCUMENTS, metadata=table_metadata(connection, EXTRACTED_SCHEMA, "failed_documents")
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
