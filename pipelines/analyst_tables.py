"""Analyst tables in raw/tables/: CSV files of weights that steer how a forecast shares out what the report leaves open.

| file | columns (optional in brackets) | one row per |
|---|---|---|
| segment_weights.csv | dimension, member, weight, [report_id], [note] | segment member |
| region_weights.csv | region, weight, [report_id], [note] | region |
| country_weights.csv | region, country, weight, [report_id], [note] | country of a region |

Weights are relative (only their ratios matter) and default to 1. A blank ``report_id`` applies the row to every
report; a row with a ``report_id`` overrides it for that report. The files are read with DuckDB's CSV reader as
text, so that a wrong type is reported with its value and line rather than guessed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

TABLES_FOLDER = "tables"


@dataclass(frozen=True)
class WeightTableSpec:
    file_name: str
    level: str  # 'segment' | 'region' | 'country'
    required: tuple[str, ...]
    optional: tuple[str, ...] = ("report_id", "note")


WEIGHT_TABLES = (
    WeightTableSpec("segment_weights.csv", "segment", ("dimension", "member", "weight")),
    WeightTableSpec("region_weights.csv", "region", ("region", "weight")),
    WeightTableSpec("country_weights.csv", "country", ("region", "country", "weight")),
)
WEIGHT_COLUMNS = {
    "source_file": "string",
    "line": "Int64",
    "report_id": "string",
    "level": "string",
    "dimension": "string",
    "member": "string",
    "parent": "string",
    "weight_text": "string",
    "note": "string",
    "sha256": "string",
}


class TableRejected(ValueError):
    """The whole file cannot be used; the message names the file and what was expected."""


def _read_csv_as_text(connection: duckdb.DuckDBPyConnection, path: Path, source_file: str) -> pd.DataFrame:
    try:
        frame = connection.execute(
            "select * from read_csv(?, header = true, all_varchar = true, auto_detect = true)", [str(path)]
        ).df()
    except duckdb.Error as error:
        raise TableRejected(f"{source_file}: cannot be read as CSV: {str(error).splitlines()[0]}") from error
    frame.columns = [str(column).strip().lstrip("\ufeff").lower() for column in frame.columns]
    return frame


def _check_columns(frame: pd.DataFrame, spec: WeightTableSpec, source_file: str) -> None:
    columns = set(frame.columns)
    expected = ", ".join(spec.required) + f" (optional: {', '.join(spec.optional)})"
    missing = [column for column in spec.required if column not in columns]
    if missing:
        raise TableRejected(f"{source_file}: missing column(s) {', '.join(missing)}; expected {expected}")
    unexpected = sorted(columns - set(spec.required) - set(spec.optional))
    if unexpected:
        raise TableRejected(f"{source_file}: unexpected column(s) {', '.join(unexpected)}; expected {expected}")


def read_weight_table(connection: duckdb.DuckDBPyConnection, path: Path, raw_dir: Path, spec: WeightTableSpec):
    """The file's rows as text in the common weights shape, each with its line number (header is line 1)."""
    source_file = path.relative_to(raw_dir).as_posix()
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    frame = _read_csv_as_text(connection, path, source_file)
    _check_columns(frame, spec, source_file)

    def column(name: str) -> pd.Series:
        return frame[name] if name in frame.columns else pd.Series([None] * len(frame), dtype="object")

    if spec.level == "segment":
        dimension, member, parent = column("dimension"), column("member"), column("report_id").map(lambda _: None)
    elif spec.level == "region":
        dimension, member, parent = "region", column("region"), column("report_id").map(lambda _: None)
    else:
        dimension, member, parent = "country", column("country"), column("region")
    shaped = pd.DataFrame(
        {
            "source_file": source_file,
            "line": range(2, len(frame) + 2),
            "report_id": column("report_id"),
            "level": spec.level,
            "dimension": dimension,
            "member": member,
            "parent": parent,
            "weight_text": column("weight"),
            "note": column("note"),
            "sha256": sha256,
        }
    )
    for name in ("report_id", "dimension", "member", "parent", "note"):
        shaped[name] = shaped[name].map(
            lambda value: value.strip() if isinstance(value, str) and value.strip() else None
        )
    return shaped.astype(WEIGHT_COLUMNS)


def empty_weights() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in WEIGHT_COLUMNS.items()})
