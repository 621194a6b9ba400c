"""Extract a set of documents incrementally: a document whose bytes, sidecar and extractor are unchanged keeps
the rows it had; only new and changed documents are extracted again, and removed ones drop out.

No Dagster and no database here. ``plan_extraction`` says which documents to extract; they are split into buckets
by a hash of their file name (``bucket_of``) and each bucket is extracted on its own (``extract_bucket``), so that
Dagster's executor can run the buckets side by side, on one machine or many; ``run_extraction`` does all of it in
one process.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
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


def bucket_of(source_file: str, buckets: int) -> int:
    """The bucket a document is extracted in: a hash of its file name, the same on every machine and run."""
    return int.from_bytes(hashlib.sha256(source_file.encode("utf-8")).digest()[:8], "big") % buckets


@dataclass
class ExtractionPlan:
    """What an extraction run does: the documents it extracts, the ones whose rows it keeps, the ones gone."""

    to_extract: list[str]  # report ids, in the documents' order
    reused: list[str]  # source files whose previous rows (outcome row included) are kept
    removed: list[tuple[str, str]]  # (source_file, report_id) of documents gone since the previous run
    replaces_everything: bool  # no stored row is kept: what this run extracts is the whole of every table


def plan_extraction(
    documents: pd.DataFrame, changed: tuple[str, ...] | None, outcomes: pd.DataFrame | None
) -> ExtractionPlan:
    """``documents``: landing.raw_documents (its text not needed); ``changed``: the reports whose document changed
    since the last extraction (None: every report); ``outcomes``: the previous run's outcome rows (or None; only
    their report_id and source_file are read)."""
    previous = dict(zip(outcomes["report_id"], outcomes["source_file"], strict=True)) if outcomes is not None else {}
    to_extract = set(documents["report_id"]) if changed is None else set(changed)
    # A document with no outcome row has no stored rows either: extract it whatever the fingerprints say.
    to_extract |= {report_id for report_id in documents["report_id"] if report_id not in previous}
    plan = ExtractionPlan([], [], [], replaces_everything=changed is None)
    for report_id, source_file in zip(documents["report_id"], documents["source_file"], strict=True):
        if report_id in to_extract:
            plan.to_extract.append(report_id)
        else:
            plan.reused.append(source_file)
    current = set(documents["report_id"])
    plan.removed = sorted(
        (source_file, report_id) for report_id, source_file in previous.items() if report_id not in current
    )
    return plan


@dataclass
class BucketExtraction:
    """What extracting some documents gave: every table's rows, and one outcome row per document."""

    fresh_tables: dict[str, pd.DataFrame]
    outcomes: list[dict]
    failures: list[dict]  # one rejection row per document whose extraction raised an error
    extracted: list[str] = field(default_factory=list)  # source files extracted
    failed_reports: list[str] = field(default_factory=list)
    reports: dict[str, ExtractedReport] = field(default_factory=dict)  # the first REPORTS_KEPT, whole


def extract_bucket(documents: Iterable) -> BucketExtraction:
    """Extract ``documents`` (rows with report_id, source_file, sha256, sidecar and text) one after another."""
    rows_by_table: dict[str, list[dict]] = {table: [] for table in DOCUMENT_SCHEMAS}
    bucket = BucketExtraction(fresh_tables={}, outcomes=[], failures=[])
    now = datetime.now(UTC)
    for document in documents:
        report = _extract_one(document.text, document.sidecar)
        if isinstance(report, str):
            reason = f"{document.source_file}: extraction failed: {report}"
            bucket.failures.append(
                {
                    "source_file": document.source_file,
                    "sha256": document.sha256,
                    "stage": "extract",
                    "reason": reason,
                    "detected_at": now,
                }
            )
            bucket.failed_reports.append(document.report_id)
            bucket.outcomes.append(_outcome_row(document, 0, 0, reason))
            continue
        bucket.extracted.append(document.source_file)
        if len(bucket.reports) < REPORTS_KEPT:
            bucket.reports[document.source_file] = report
        for table, table_rows in report_rows(document.report_id, document.source_file, document.sha256, report).items():
            rows_by_table[table].extend(table_rows)
        bucket.outcomes.append(_outcome_row(document, len(report.figures), len(report.skipped), None))
    bucket.fresh_tables = frames_from_rows(rows_by_table)
    return bucket


def outcome_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(OUTCOME_COLUMNS)).astype(OUTCOME_COLUMNS)


def run_extraction(
    documents: pd.DataFrame, changed: tuple[str, ...] | None, outcomes: pd.DataFrame | None
) -> ExtractionRun:
    """Plan and extract in this process. ``documents`` must hold the text column; see ``plan_extraction``."""
    plan = plan_extraction(documents, changed, outcomes)
    pending = set(plan.to_extract)
    bucket = extract_bucket(document for document in documents.itertuples(index=False) if document.report_id in pending)
    stored = outcomes.to_dict("records") if outcomes is not None else []
    outcome_by_report = {row["report_id"]: row for row in [*stored, *bucket.outcomes]}
    outcome_rows = [outcome_by_report[report_id] for report_id in documents["report_id"]]
    return ExtractionRun(
        fresh_tables=bucket.fresh_tables,
        outcomes=outcome_frame(outcome_rows),
        failures=bucket.failures,
        replaces_everything=plan.replaces_everything,
        replaced_reports=plan.to_extract + [report_id for _, report_id in plan.removed],
        failed_reports=bucket.failed_reports,
        extracted=bucket.extracted,
        reused=plan.reused,
        removed=[source_file for source_file, _ in plan.removed],
        reports=bucket.reports,
    )
