"""Turn extracted records into typed tables, one row per fact, in the columns the pandera models declare."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from dataclasses import fields

import pandas as pd

from pipelines.extract.records import ExtractedReport
from pipelines.schemas import DOCUMENT_SCHEMAS, SCHEMAS


def empty_table(name: str) -> pd.DataFrame:
    columns = SCHEMAS[name].to_schema().columns
    return pd.DataFrame({column: pd.Series(dtype=str(spec.dtype)) for column, spec in columns.items()})


def typed_table(name: str, rows: Iterable[dict]) -> pd.DataFrame:
    """Rows as a frame with exactly the model's columns, in its order, with its nullable dtypes."""
    columns = SCHEMAS[name].to_schema().columns
    frame = pd.DataFrame(list(rows), columns=list(columns))
    return frame.astype({column: str(spec.dtype) for column, spec in columns.items()})


def conform_to_schema(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with the model's nullable dtypes, e.g. after a round trip through DuckDB (which returns numpy
    int64 and bool); columns the model does not know are left for validation to report."""
    columns = SCHEMAS[name].to_schema().columns
    return frame.astype({column: str(spec.dtype) for column, spec in columns.items() if column in frame.columns})


def stable_id(*parts: object) -> str:
    """A short id that stays the same for the same inputs, across runs and machines."""
    digest = hashlib.sha256("\x1f".join("" if part is None else str(part) for part in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def _fields_of(record) -> dict:
    """A record's fields by name, one level deep: every field of an extracted record is a value or a tuple of
    strings (``dataclasses.asdict`` copies each value recursively, which cost a sixth of a bucket's extraction)."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


@functools.cache
def _field_names(record_type: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(record_type))


def report_rows(report_id: str, source_file: str, sha256: str, report: ExtractedReport) -> dict[str, list[dict]]:
    """Every table's rows for one document (plain dicts, so that many documents concatenate cheaply)."""
    metadata = report.metadata
    base_year = metadata.base_year
    rows: dict[str, list[dict]] = {name: [] for name in DOCUMENT_SCHEMAS}
    rows["report_metadata"].append(
        {
            **_fields_of(metadata),
            "report_id": report_id,
            "source_file": source_file,
            "sha256": sha256,
            "forecast_start_year": report.forecast_start_year,
            "forecast_end_year": report.forecast_end_year,
        }
    )
    rows["segment_members"] = [{**_fields_of(row), "report_id": report_id} for row in report.taxonomy.segments]
    rows["region_countries"] = [{**_fields_of(row), "report_id": report_id} for row in report.taxonomy.regions]
    rows["stated_figures"] = [
        {
            **_fields_of(figure),
            "fact_id": stable_id(report_id, *figure.identity),
            "report_id": report_id,
            "base_year": base_year,
            "source_kind": "text",
            "source_file": source_file,
            "source_line": None,
        }
        for figure in report.figures
    ]
    rows["companies"] = [{**_fields_of(company), "report_id": report_id} for company in report.companies]
    for development in report.developments:
        development_id = stable_id(report_id, development.char_start, development.quote)
        rows["developments"].append(
            {**_fields_of(development), "development_id": development_id, "report_id": report_id}
        )
        rows["development_companies"].extend(
            {
                "development_id": development_id,
                "report_id": report_id,
                "company": company,
                "role": "lead" if position == 1 else "partner",
                "position": position,
            }
            for position, company in enumerate(development.companies, start=1)
        )
    rows["skipped_statements"] = [{**_fields_of(skipped), "report_id": report_id} for skipped in report.skipped]
    return rows


def frames_from_rows(rows_by_table: dict[str, list[dict]]) -> dict[str, pd.DataFrame]:
    return {name: typed_table(name, rows_by_table.get(name, [])) for name in DOCUMENT_SCHEMAS}
