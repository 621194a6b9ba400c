"""Extract: every loaded document's facts, one table per kind of fact, each row with its quote and span."""

import shutil
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.ingest import RAW_DOCUMENTS, rejection_frame
from pipelines.assets.ui_metadata import table_metadata
from pipelines.extraction_run import (
    EXTRACTOR_VERSION,
    REPORTS_KEPT,
    ExtractionPlan,
    bucket_of,
    outcome_frame,
    stored_rows_reusable,
)
from pipelines.extraction_run import extract_bucket as extract_bucket_documents
from pipelines.extraction_run import plan_extraction as plan_extraction_of
from pipelines.previews import markdown_preview
from pipelines.resources import WORKING_DATABASE_TAG, WarehousePaths
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.tables import empty_table
from pipelines.warehouse.database import (
    IN_REPORTS,
    column_names,
    replace_table,
    table_exists,
    transaction,
    with_first_detection,
)
from pipelines.warehouse.exchange import (
    insert_parts,
    read_bucket_documents,
    read_parts,
    remove_abandoned_runs,
    table_parts,
    write_bucket_documents,
    write_table_parts,
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


_PREVIEW_FACTS = 5
OUTCOMES = "extraction_outcomes"
FAILURES = "failures"  # a bucket's failed documents, beside its tables


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


# Documents a bucket's step extracts at a time: its rows are written out after each chunk, so that a bucket of
# 25,000 documents never holds more than one chunk's texts and rows in memory.
CHUNK_DOCUMENTS = 2000


@dataclass
class PlannedExtraction:
    """What plan_extraction hands to the step that loads the buckets' rows."""

    changes: Changes
    plan: ExtractionPlan
    documents: int
    run_folder: str


@dg.op(
    ins={"raw_documents": dg.In(dg.Nothing)},
    out={"planned": dg.Out(), "buckets": dg.DynamicOut(str)},
    tags=WORKING_DATABASE_TAG,
)
def plan_extraction(context: dg.OpExecutionContext, duckdb: DuckDBResource, paths: WarehousePaths):
    """Which documents to extract (new or changed by content, sidecar or extractor version); their texts go to
    one file per bucket (by a hash of the file name), each bucket a step of its own."""
    settings = paths.settings
    run_folder = settings.exchange_dir / context.run_id
    for folder in remove_abandoned_runs(settings.exchange_dir, time.time()):
        context.log.info(f"removed {folder}, left by a run that stopped before loading its rows")
    with duckdb.get_connection() as connection:
        changes = documents_changed(connection)
        documents = connection.execute(
            "select report_id, source_file from landing.raw_documents order by source_file"
        ).df()
        outcomes = (
            connection.execute(f"select report_id, source_file from {EXTRACTED_SCHEMA}.{OUTCOMES}").df()
            if table_exists(connection, EXTRACTED_SCHEMA, OUTCOMES)
            else None
        )
        plan = plan_extraction_of(documents, changes.reports, outcomes)
        source_files = dict(zip(documents["report_id"], documents["source_file"], strict=True))
        buckets: dict[int, list[str]] = {}
        for report_id in plan.to_extract:
            buckets.setdefault(bucket_of(source_files[report_id], settings.extraction_buckets), []).append(report_id)
        for bucket, report_ids in sorted(buckets.items()):
            write_bucket_documents(connection, report_ids, run_folder / f"bucket-{bucket}")
    context.log.info(
        f"{len(documents)} document(s): {len(plan.to_extract)} to extract in {len(buckets)} bucket(s) of "
        f"{settings.extraction_buckets}, {len(plan.reused)} unchanged, {len(plan.removed)} removed "
        f"({changes.summary})"
    )
    yield dg.Output(PlannedExtraction(changes, plan, len(documents), str(run_folder)), "planned")
    for bucket in sorted(buckets):
        yield dg.DynamicOutput(
            str(run_folder / f"bucket-{bucket}"), output_name="buckets", mapping_key=f"bucket_{bucket}"
        )


@dg.op
def extract_bucket(context: dg.OpExecutionContext, bucket_folder: str) -> dict:
    """Extract one bucket's documents (pure extraction, no database) and write their rows beside them."""
    folder = Path(bucket_folder)
    summary = {"folder": bucket_folder, "extracted": [], "failed_reports": [], "reports": []}
    outcomes, failures = [], []
    for part, documents in enumerate(read_bucket_documents(folder, CHUNK_DOCUMENTS)):
        bucket = extract_bucket_documents(documents)
        write_table_parts(
            {
                **bucket.fresh_tables,
                OUTCOMES: outcome_frame(bucket.outcomes),
                FAILURES: rejection_frame(bucket.failures),
            },
            folder,
            part,
        )
        summary["extracted"] += bucket.extracted
        summary["failed_reports"] += bucket.failed_reports
        kept = REPORTS_KEPT - len(summary["reports"])
        summary["reports"] += [extraction_report(name, report) for name, report in list(bucket.reports.items())[:kept]]
        outcomes += bucket.outcomes
        failures += bucket.failures
    context.log.info(f"{folder.name}: {len(outcomes)} document(s) extracted, {len(failures)} failed")
    for failure in failures:
        context.log.error(failure["reason"])
    return summary


@dg.op(
    out={table: dg.Out(dg.Nothing) for table in (*EXTRACTED_TABLE_DESCRIPTIONS, "failed_documents")},
    tags=WORKING_DATABASE_TAG,
)
def load_extracted_rows(
    context: dg.OpExecutionContext, duckdb: DuckDBResource, planned: PlannedExtraction, buckets: list[dict]
):
    """Load every bucket's rows into the extracted tables in place of the rows of the documents extracted again
    (or removed); unchanged documents keep theirs."""
    folders = [Path(bucket["folder"]) for bucket in sorted(buckets, key=lambda bucket: bucket["folder"])]
    plan, changes = planned.plan, planned.changes
    failed_reports = [report_id for bucket in buckets for report_id in bucket["failed_reports"]]
    with duckdb.get_connection() as connection:
        EXTRACTION.begin(connection, changes)
        write_extraction(connection, plan, folders)
        if changes.fingerprints is not None:
            EXTRACTION.commit(connection, changes.fingerprints.rebuilding(failed_reports))
        shared = extraction_metadata(connection, planned, buckets)
        for table in EXTRACTED_TABLE_DESCRIPTIONS:
            yield dg.Output(None, table, metadata={**table_metadata(connection, EXTRACTED_SCHEMA, table), **shared})
        yield dg.Output(
            None, "failed_documents", metadata=table_metadata(connection, EXTRACTED_SCHEMA, "failed_documents")
        )
    shutil.rmtree(planned.run_folder, ignore_errors=True)


@dg.graph_multi_asset(
    outs={
        **{
            table: dg.AssetOut(
                key=extracted_key(table),
                description=description,
                kinds={"python"},
                code_version=EXTRACTOR_VERSION,
                dagster_type=dg.Nothing,
            )
            for table, description in EXTRACTED_TABLE_DESCRIPTIONS.items()
        },
        "failed_documents": dg.AssetOut(
            key=FAILED_DOCUMENTS,
            description="Documents whose extraction raised an error (the others still load).",
            kinds={"python"},
            dagster_type=dg.Nothing,
        ),
    },
    ins={"raw_documents": dg.AssetIn(key=RAW_DOCUMENTS, dagster_type=dg.Nothing)},
    group_name="extract",
)
def extracted_tables(raw_documents):
    """Runs the pure extractor (pipelines/extract/) over the documents that are new or changed since the last run
    (by content, sidecar and extractor version), in buckets that Dagster's executor runs side by side; unchanged
    documents keep their rows, removed ones drop out."""
    planned, buckets = plan_extraction(raw_documents)
    return load_extracted_rows(planned, buckets.map(extract_bucket).collect())


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


def write_extraction(connection, plan: ExtractionPlan, folders: list[Path]) -> None:
    """Every extracted table: the buckets' rows in place of the rows of the documents extracted again or removed
    (all rows, when nothing stored is kept); the outcome of every document; the documents that failed."""
    replaced = plan.to_extract + [report_id for _, report_id in plan.removed]
    for table in DOCUMENT_SCHEMAS:
        qualified = f"{EXTRACTED_SCHEMA}.{table}"
        with transaction(connection):
            if plan.replaces_everything or not table_exists(connection, EXTRACTED_SCHEMA, table):
                replace_table(connection, EXTRACTED_SCHEMA, table, empty_table(table))
            else:
                connection.execute(f"delete from {qualified} where {IN_REPORTS}", [replaced])
            insert_parts(connection, qualified, table_parts(folders, table))
    # one outcome row per document: the stored rows of the documents kept, the fresh rows of the ones extracted
    with transaction(connection):
        if plan.replaces_everything or not table_exists(connection, EXTRACTED_SCHEMA, OUTCOMES):
            replace_table(connection, EXTRACTED_SCHEMA, OUTCOMES, outcome_frame([]))
        else:
            connection.execute(f"delete from {EXTRACTED_SCHEMA}.{OUTCOMES} where {IN_REPORTS}", [replaced])
        insert_parts(connection, f"{EXTRACTED_SCHEMA}.{OUTCOMES}", table_parts(folders, OUTCOMES))
    failures = read_parts(table_parts(folders, FAILURES))
    failures = rejection_frame(failures.to_dict("records") if failures is not None else [])
    failed = with_first_detection(connection, EXTRACTED_SCHEMA, "failed_documents", failures)
    replace_table(connection, EXTRACTED_SCHEMA, "failed_documents", failed)


def extraction_metadata(connection, planned: PlannedExtraction, buckets: list[dict]) -> dict:
    """What the UI shows with every extracted table: what this run extracted, and a report per document."""
    extracted = sorted(source_file for bucket in buckets for source_file in bucket["extracted"])
    reports = [section for bucket in buckets for section in bucket["reports"]][:REPORTS_KEPT]
    outcomes = f"{EXTRACTED_SCHEMA}.{OUTCOMES}"
    figures_by_document = connection.execute(
        f"select source_file, figures, skipped from {outcomes} order by source_file limit {PREVIEWED_DOCUMENTS}"
    ).df()
    (without_figures,) = connection.execute(f"select count(*) from {outcomes} where figures = 0").fetchone()
    return {
        "documents": planned.documents,
        "documents_extracted": len(extracted),
        "documents_unchanged": len(planned.plan.reused),
        "documents_removed": len(planned.plan.removed),
        "failed_documents": sum(len(bucket["failed_reports"]) for bucket in buckets),
        "documents_without_figures": without_figures,
        "extraction_buckets": len(buckets),
        "extracted_files": dg.MetadataValue.json(extracted[:REPORTS_KEPT]),
        "facts_by_kind": dg.MetadataValue.json(facts_by_kind(connection)),
        "facts_by_document": dg.MetadataValue.md(markdown_preview(figures_by_document, rows=PREVIEWED_DOCUMENTS)),
        "extraction_report": dg.MetadataValue.md("\n\n".join(reports) or "_no document extracted in this run_"),
    }


PREVIEWED_DOCUMENTS = 50


def facts_by_kind(connection) -> dict[str, int]:
    rows = connection.execute(
        f"select scope || ' ' || metric, count(*) from {EXTRACTED_SCHEMA}.stated_figures group by 1 order by 1"
    ).fetchall()
    return dict(rows)
