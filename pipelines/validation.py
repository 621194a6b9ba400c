"""Apply a pandera model to a table: rows that pass load, rows that fail are quarantined with their reasons."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pandera.pandas as pa

from pipelines.schemas import SCHEMAS

QUARANTINE_COLUMNS = {
    "table_name": "string",
    "report_id": "string",
    "row_key": "string",
    "stage": "string",
    "reason": "string",
    "quote": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}
_KEY_COLUMNS = ("fact_id", "development_id", "report_id")


def _row_key(row: pd.Series) -> str:
    if "line" in row and pd.notna(row["line"]):
        return f"{row['source_file']}:{row['line']}"
    for column in _KEY_COLUMNS:
        if column in row and pd.notna(row[column]):
            return f"{column}={row[column]}"
    return ""


def _describe_failure(failure: pd.Series) -> str:
    check = str(failure["check"])
    column = failure["column"]
    if failure["schema_context"] == "Column" and pd.notna(column):
        return f"{column}: {check} (got {failure['failure_case']!r})"
    return check


def _row_as_text(row: pd.Series) -> str:
    """A table row (no sentence to quote) as 'column=value' pairs."""
    return ", ".join(f"{name}={value!r}" for name, value in row.items() if pd.notna(value) and name != "sha256")


def quarantine_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(QUARANTINE_COLUMNS))
    return frame.astype(QUARANTINE_COLUMNS)


def validate_table(name: str, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(valid rows, quarantined rows). A failure that no row can be blamed for quarantines the whole table."""
    model = SCHEMAS[name]
    try:
        return model.validate(frame, lazy=True), quarantine_frame([])
    except pa.errors.SchemaErrors as errors:
        failures = errors.failure_cases

    reasons: defaultdict[object, list[str]] = defaultdict(list)
    table_wide: list[str] = []
    for _, failure in failures.iterrows():
        description = _describe_failure(failure)
        if pd.isna(failure["index"]):
            table_wide.append(description)
        elif description not in reasons[failure["index"]]:
            reasons[failure["index"]].append(description)

    failing_index = frame.index if table_wide else frame.index.intersection(list(reasons))
    quarantined = []
    for index in failing_index:
        row = frame.loc[index]
        quarantined.append(
            {
                "table_name": name,
                "report_id": row.get("report_id"),
                "row_key": _row_key(row),
                "stage": "validate",
                "reason": "; ".join(table_wide + reasons.get(index, [])),
                "quote": row.get("quote", _row_as_text(row)),
                "char_start": row.get("char_start"),
                "char_end": row.get("char_end"),
            }
        )
    valid = frame.drop(index=failing_index)
    return model.validate(valid, lazy=True) if len(valid) else valid, quarantine_frame(quarantined)
