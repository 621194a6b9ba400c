"""Tables shown as Markdown: the previews in the Dagster UI's metadata and in the check results."""

from __future__ import annotations

import pandas as pd

PREVIEW_ROWS = 5
_PREVIEW_CELL_CHARS = 60


def markdown_preview(frame: pd.DataFrame, rows: int = PREVIEW_ROWS) -> str:
    if frame.empty:
        return "_no rows_"
    head = frame.head(rows).astype("string").fillna("")
    head = head.apply(lambda column: column.str.slice(0, _PREVIEW_CELL_CHARS).str.replace("|", "\\|"))
    lines = ["| " + " | ".join(head.columns) + " |", "|" + "---|" * len(head.columns)]
    lines += ["| " + " | ".join(row) + " |" for row in head.itertuples(index=False)]
    return "\n".join(lines)


def row_in_words(row: dict) -> str:
    """A row as 'column value, column value' (empty cells left out): a failing row in a one-line message."""

    def value(item) -> str:
        return f"{item:g}" if isinstance(item, float) else str(item)

    return ", ".join(
        f"{column} {value(item)}" for column, item in row.items() if item is not None and not pd.isna(item)
    )


def markdown_rows(columns: list[str], rows: list[tuple]) -> str:
    """A Markdown table of ``rows`` as markdown_preview draws a frame (without building one)."""
    if not rows:
        return "_no rows_"

    def cell(value) -> str:
        return "" if value is None else str(value)[:_PREVIEW_CELL_CHARS].replace("|", "\\|")

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(lines)
