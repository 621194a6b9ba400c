"""Extract a set of documents incrementally: a document whose bytes, sidecar and extractor are unchanged keeps
the rows it had; only new and changed documents are extracted again, and removed ones drop out.

No Dagster and no database here: the extract asset asks pipelines/warehouse/state.py which documents changed,
calls ``run_extraction`` and writes what it returns.
"""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from pipelines.extract.records import ExtractedReport
from pipelines.extract.report import extract_report
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.tables import frames_from_rows, report_rows
from pipelines.warehouse.state import code_version

_EXTRACTION_CODE = [*sorted((Path(__file__).parent / "extract").glob("*.py")), Path(__file__).parent / "tables.py"]
# Changes whenever the extraction code changes, so that stored rows are never reused across extractor versions.
EXTRACTOR_VERSION = code_version(_EXTRACTION_CODE)
# Below this many documents to extract, starting worker processes costs more than it saves.
POOL_THRESHOLD = 256
# Extracted reports kept whole for the UI's extraction report; the rest live on as table rows only.
REPORTS_KEPT = 50
OUTCOME_COLUMNS = {
    "report_id": "string",
    "source_file": "string",
    "sha256": "string",
    "extractor_version": "string",
    "figures": "Int64",
    "skipped": "Int64",
    "failure": "string",
}


@dataclass
class ExtractionRun:
    fresh_tables: dict[str, pd.DataFrame]  # every document table: the rows of the documents extracted in this run
    outcomes: pd.DataFrame  # one row per document: what was extracted from which bytes, by which extractor
    failures: list[dict]
    # True when no stored row is kept: the fresh tables are then the whole tables. Otherwise the stored rows of
    # ``replaced_reports`` give way to them.
    replaces_everything: bool = True
    replaced_reports: list[str] = field(default_factory=list)  # report ids extracted again, failed or removed
    failed_reports: list[str] = field(default_factory=list)  # report ids whose extraction raised an error
    extracted: list[str] = field(default_factory=list)  # source files extracted in this run
    reused: list[str] = field(default_factory=list)  # source files whose previous rows were kept
    removed: list[str] = field(default_factory=list)  # source files gone since the previous run
    reports: dict[str, object] = field(default_factory=dict)  # ExtractedReport of the first REPORTS_KEPT extracted


def stored_rows_reusable(stored_columns: dict[str, list[str]]) -> bool:
    """Stored rows can be kept only if every document table is stored with at least today's columns (rows
    stored by an older pipeline with other columns are extracted again, never reused)."""
    return all(
        set(DOCUMENT_SCHEMAS[table].to_schema().columns) <= set(stored_columns.get(table, ()))
        for table in DOCUMENT_SCHEMAS
    )


def _outcome_row(document, figures: int, skipped: int, failure: str | None) -> dict:
    return {
        "report_id": document.report_id,
        "source_file": document.source_file,
        "sha256": document.sha256,
        "extractor_version": EXTRACTOR_VERSION,
        "figures": figures,
        "skipped": skipped,
        "failure": failure,
    }


def _extract_one(text: str, sidecar_json: str | None) -> ExtractedReport | str:
    """One document's extraction, or the error that stopped it (one broken document must not stop the others)."""
    try:
        sidecar = json.loads(sidecar_json) if isinstance(sidecar_json, str) else None
        return extract_report(text, sidecar)
    except Exception as error:
        return f"{type(error).__name__}: {error}"


def extract_documents(documents: list[tuple[str, str | None]], workers: int | None = None) -> list:
    """Extract (text, sidecar) pairs in order; across a process pool when there are many, one core each."""
    workers = workers if workers is not None else (os.cpu_count() or 1) if len(documents) >= POOL_THRESHOLD else 1
    if workers <= 1 or len(documents) < 2:
        return [_extract_one(text, sidecar) for text, sidecar in documents]
    # "spawn": the pipeline's own process has threads (Dagster) and open files (DuckDB) a fork would copy.
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        texts, sidecars = zip(*documents, strict=True)
        return list(pool.map(_extract_one, texts, sidecars, chunksize=max(1, len(documents) // (workers * 8))))


def run_extraction(
    documents: pd.DataFrame,
    changed: tuple[str, ...] | None,
    outcomes: pd.DataFrame | None,
    workers: int | None = None,
    read_texts: Callable[[list[str]], dict[str, str]] | None = None,
) -> ExtractionRun:
    """Extract what changed. ``documents``: landing.raw_documents; ``changed``: the reports whose document changed
    since the last extraction (None: every report); ``outcomes``: the previous run's outcome rows (or None);
    ``workers``: processes to extract with (default: one per core when at least POOL_THRESHOLD documents changed,
    else this process); ``read_texts``: report_id → text of the given reports, when ``documents`` comes without its
    text column (a refresh then reads only the texts it extracts)."""
    previous = {row.report_id: row for row in outcomes.itertuples(index=False)} if outcomes is not None else {}
    to_extract = set(documents["report_id"]) if changed is None else set(changed)
    # A document with no outcome row has no stored rows either: extract it whatever the fingerprints say.
    to_extract |= {report_id for report_id in documents["report_id"] if report_id not in previous}
    rows_by_table: dict[str, list[dict]] = {table: [] for table in DOCUMENT_SCHEMAS}
    run = ExtractionRun(fresh_tables={}, outcomes=pd.DataFrame(), failures=[], replaces_everything=changed is None)
    outcome_rows = []
    now = datetime.now(UTC)
    pending = [document for document in documents.itertuples(index=False) if document.report_id in to_extract]
    texts = (
        read_texts([document.report_id for document in pending])
        if read_texts is not None
        else {document.report_id: document.text for document in pending}
    )
    extracted = dict(
        zip(
            (document.report_id for document in pending),
            extract_documents([(texts[document.report_id], document.sidecar) for document in pending], workers),
            strict=True,
        )
    )
    for document in documents.itertuples(index=False):
        if document.report_id not in to_extract:
            run.reused.append(document.source_file)
            outcome_rows.append({**previous[document.report_id]._asdict()})
            continue
        run.replaced_reports.append(document.report_id)
        report = extracted[document.report_id]
        if isinstance(report, str):
            reason = f"{document.source_file}: extraction failed: {report}"
            run.failures.append(
                {
                    "source_file": document.source_file,
                    "sha256": document.sha256,
                    "stage": "extract",
                    "reason": reason,
                    "detected_at": now,
                }
            )
            run.failed_reports.append(document.report_id)
            outcome_rows.append(_outcome_row(document, 0, 0, reason))
            continue
        run.extracted.append(document.source_file)
        if len(run.reports) < REPORTS_KEPT:
            run.reports[document.source_file] = report
        for table, table_rows in report_rows(document.report_id, document.source_file, document.sha256, report).items():
            rows_by_table[table].extend(table_rows)
        outcome_rows.append(_outcome_row(document, len(report.figures), len(report.skipped), None))
    current = set(documents["report_id"])
    gone = sorted((row.source_file, report_id) for report_id, row in previous.items() if report_id not in current)
    run.removed = [source_file for source_file, _ in gone]
    run.replaced_reports += [report_id for _, report_id in gone]
    run.fresh_tables = frames_from_rows(rows_by_table)
    run.outcomes = pd.DataFrame(outcome_rows, columns=list(OUTCOME_COLUMNS)).astype(OUTCOME_COLUMNS)
    return run
