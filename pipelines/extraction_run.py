"""Extract a set of documents incrementally: a document whose bytes and extractor are unchanged keeps the rows
it had; only new and changed documents are extracted again, and removed ones drop out.

No Dagster and no database here: the extract asset reads the previous rows and the cache, calls ``run_extraction``
and writes what it returns.
"""

from __future__ import annotations

import hashlib
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

_EXTRACTION_CODE = [*sorted((Path(__file__).parent / "extract").glob("*.py")), Path(__file__).parent / "tables.py"]
# Changes whenever the extraction code changes, so that stored rows are never reused across extractor versions.
EXTRACTOR_VERSION = hashlib.sha256(b"".join(path.read_bytes() for path in _EXTRACTION_CODE)).hexdigest()[:16]
# Below this many documents to extract, starting worker processes costs more than it saves.
POOL_THRESHOLD = 256
# Extracted reports kept whole for the UI's extraction report; the rest live on as table rows only.
REPORTS_KEPT = 50
CACHE_COLUMNS = {
    "report_id": "string",
    "source_file": "string",
    "sha256": "string",
    # The sidecar's content is part of what a page's extraction depends on (publisher, market, base year).
    "sidecar_sha256": "string",
    "extractor_version": "string",
    "figures": "Int64",
    "skipped": "Int64",
    "failure": "string",
}


@dataclass
class ExtractionRun:
    fresh_tables: dict[str, pd.DataFrame]  # every document table: the rows of the documents extracted in this run
    cache: pd.DataFrame  # one row per document: what was extracted from which bytes, by which extractor
    failures: list[dict]
    # True when no stored row can be kept (none stored, or stored by an older pipeline with other columns): the
    # fresh tables are then the whole tables. Otherwise the stored rows of ``replaced_reports`` give way to them.
    replaces_everything: bool = True
    replaced_reports: list[str] = field(default_factory=list)  # report ids extracted again, failed or removed
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


def sidecar_digest(sidecar_json: str | None) -> str:
    """SHA-256 of a page's sidecar as landed (JSON text), or of nothing when it has none."""
    return hashlib.sha256((sidecar_json if isinstance(sidecar_json, str) else "").encode("utf-8")).hexdigest()


def _cache_row(document, figures: int, skipped: int, failure: str | None) -> dict:
    return {
        "report_id": document.report_id,
        "source_file": document.source_file,
        "sha256": document.sha256,
        "sidecar_sha256": sidecar_digest(document.sidecar),
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
    stored_columns: dict[str, list[str]],
    cache: pd.DataFrame | None,
    workers: int | None = None,
    read_texts: Callable[[list[str]], dict[str, str]] | None = None,
) -> ExtractionRun:
    """Extract what changed. ``documents``: landing.raw_documents; ``stored_columns``: the columns of each stored
    extracted table (empty when none is stored); ``cache``: the previous run's cache rows (or None); ``workers``:
    processes to extract with (default: one per core when at least POOL_THRESHOLD documents changed, else this
    process); ``read_texts``: report_id → text of the given reports, when ``documents`` comes without its text
    column (a refresh then reads only the texts it extracts)."""
    cached = {}
    if cache is not None and len(cache):
        for row in cache.itertuples(index=False):
            cached[row.report_id] = row
    reusable = stored_rows_reusable(stored_columns)
    unchanged = (
        set()
        if not reusable
        else {
            document.report_id
            for document in documents.itertuples(index=False)
            if (hit := cached.get(document.report_id)) is not None
            and hit.sha256 == document.sha256
            and getattr(hit, "sidecar_sha256", None) == sidecar_digest(document.sidecar)
            and hit.source_file == document.source_file
            and hit.extractor_version == EXTRACTOR_VERSION
            and (pd.isna(hit.failure) or hit.failure is None)
        }
    )
    rows_by_table: dict[str, list[dict]] = {table: [] for table in DOCUMENT_SCHEMAS}
    run = ExtractionRun(fresh_tables={}, cache=pd.DataFrame(), failures=[], replaces_everything=not reusable)
    cache_rows = []
    now = datetime.now(UTC)
    pending = [document for document in documents.itertuples(index=False) if document.report_id not in unchanged]
    texts = (
        read_texts([document.report_id for document in pending])
        if read_texts is not None
        else {document.report_id: document.text for document in pending}
    )
    outcomes = dict(
        zip(
            (document.report_id for document in pending),
            extract_documents([(texts[document.report_id], document.sidecar) for document in pending], workers),
            strict=True,
        )
    )
    for document in documents.itertuples(index=False):
        if document.report_id in unchanged:
            run.reused.append(document.source_file)
            cache_rows.append({**cached[document.report_id]._asdict()})
            continue
        run.replaced_reports.append(document.report_id)
        report = outcomes[document.report_id]
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
            cache_rows.append(_cache_row(document, 0, 0, reason))
            continue
        run.extracted.append(document.source_file)
        if len(run.reports) < REPORTS_KEPT:
            run.reports[document.source_file] = report
        for table, table_rows in report_rows(document.report_id, document.source_file, document.sha256, report).items():
            rows_by_table[table].extend(table_rows)
        cache_rows.append(_cache_row(document, len(report.figures), len(report.skipped), None))
    current = set(documents["report_id"])
    gone = sorted((row.source_file, report_id) for report_id, row in cached.items() if report_id not in current)
    run.removed = [source_file for source_file, _ in gone]
    run.replaced_reports += [report_id for _, report_id in gone]
    run.fresh_tables = frames_from_rows(rows_by_table)
    run.cache = pd.DataFrame(cache_rows, columns=list(CACHE_COLUMNS)).astype(CACHE_COLUMNS)
    return run
