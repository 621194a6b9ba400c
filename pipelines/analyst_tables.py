"""Analyst tables in raw/tables/: CSV files an analyst adds beside the reports.

| file | columns (optional in brackets) | one row per |
|---|---|---|
| segment_weights.csv | dimension, member, weight, [report_id], [note] | segment member |
| region_weights.csv | region, weight, [report_id], [note] | region |
| country_weights.csv | region, country, weight, [report_id], [note] | country of a region |
| *facts.csv | metric, scope, value, unit, [report_id], [source], [market], [dimension], [member], | stated figure |
|            | [within_region], [year], [period_start_year], [period_end_year], [currency], [note] | |
| fx_rates.csv | currency, usd_per_unit, [year], [source], [note] | exchange rate |
| market_aliases.csv | alias, market, [parent], [note] | market name (or report id) an analyst maps |

Files are read with DuckDB's CSV reader as text, so that a wrong type is reported with its value and line rather
than guessed. Every row keeps its file, line and the line's exact text and character span in the file.
"""

from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from pipelines.extract.geography import canonical_region
from pipelines.extract.numbers import AmbiguousNumberError, parse_number, rounding_of
from pipelines.ingest import report_id_for
from pipelines.tables import stable_id, typed_table

TABLES_FOLDER = "tables"


@dataclass(frozen=True)
class TableSpec:
    kind: str  # 'weights' | 'facts' | 'fx_rates' | 'market_aliases'
    file_pattern: str  # a glob matched against the file name
    required: tuple[str, ...]
    optional: tuple[str, ...]
    level: str | None = None  # weights only: 'segment' | 'region' | 'country'


TABLE_SPECS = (
    TableSpec("weights", "segment_weights.csv", ("dimension", "member", "weight"), ("report_id", "note"), "segment"),
    TableSpec("weights", "region_weights.csv", ("region", "weight"), ("report_id", "note"), "region"),
    TableSpec("weights", "country_weights.csv", ("region", "country", "weight"), ("report_id", "note"), "country"),
    TableSpec(
        "facts",
        "*facts.csv",
        ("metric", "scope", "value", "unit"),
        (
            "report_id",
            "source",
            "market",
            "dimension",
            "member",
            "within_region",
            "year",
            "period_start_year",
            "period_end_year",
            "currency",
            "note",
        ),
    ),
    TableSpec("fx_rates", "fx_rates.csv", ("currency", "usd_per_unit"), ("year", "source", "note")),
    TableSpec("market_aliases", "market_aliases.csv", ("alias", "market"), ("parent", "note")),
)
PROVENANCE_COLUMNS = {
    "source_file": "string",
    "line": "Int64",
    "line_text": "string",
    "line_start": "Int64",
    "line_end": "Int64",
    "sha256": "string",
}
WEIGHT_COLUMNS = {
    "report_id": "string",
    "level": "string",
    "dimension": "string",
    "member": "string",
    "parent": "string",
    "weight_text": "string",
    "note": "string",
}
UNIT_SCALES_IN_MILLIONS = {
    "thousand": Decimal("0.001"),
    "thousands": Decimal("0.001"),
    "million": Decimal(1),
    "millions": Decimal(1),
    "mn": Decimal(1),
    "billion": Decimal(1000),
    "billions": Decimal(1000),
    "bn": Decimal(1000),
    "trillion": Decimal(1_000_000),
}
PERCENT_UNITS = frozenset({"percent", "%", "pct"})
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r|$)")


class TableRejected(ValueError):
    """The whole file cannot be used; the message names the file and what was expected."""


def spec_for(file_name: str) -> TableSpec | None:
    return next((spec for spec in TABLE_SPECS if Path(file_name).match(spec.file_pattern)), None)


def discover_tables(raw_dir: Path) -> list[Path]:
    folder = raw_dir / TABLES_FOLDER
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.iterdir() if path.is_file() and not path.name.startswith("."))


def _line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of every line's content, without its line break."""
    spans = []
    for match in _LINE.finditer(text):
        if match.start() == len(text):
            break
        spans.append((match.start(), match.start() + len(match.group(0).rstrip("\r\n"))))
    return spans


# The header is always the first line ("EUR,1,08" once made the reader guess there was none); lines that do not
# parse are kept aside by the reader and come back as rows that validation quarantines with their line.
_READ_CSV = (
    "select * from read_csv(?, header = true, all_varchar = true, delim = ?, quote = '\"', store_rejects = true)"
)
_DELIMITERS = (",", ";", "\t", "|")


def _delimiter_of(text: str) -> str:
    """The separator the header line uses the most: ',' unless the header says otherwise ("a;b", "a\tb")."""
    header = text.split("\n", 1)[0]
    return max(_DELIMITERS, key=lambda delimiter: (header.count(delimiter), delimiter == ","))


def _with_rejected_lines(
    frame: pd.DataFrame, rejected: list[tuple[int, str]], text: str, spans: list[tuple[int, int]], delimiter: str
) -> tuple[pd.DataFrame, list[int]]:
    """The reader's rows with the lines it rejected put back in place, and each row's line number. A rejected
    line's fields fill the columns in order, the extra ones joined into the last ("EUR,1,08": usd_per_unit
    "1,08", which validation then quarantines as not a number)."""
    rejected_lines = {line for line, _ in rejected}
    data_lines = [
        line
        for line in range(2, len(spans) + 1)
        if text[spans[line - 1][0] : spans[line - 1][1]].strip() and line not in rejected_lines
    ]
    if len(data_lines) != len(frame):
        data_lines = list(range(2, len(frame) + 2))  # the reader skipped or joined lines: number them in order
    columns = list(frame.columns)
    extra_rows = []
    for _, raw in rejected:
        fields = next(csv.reader([raw], delimiter=delimiter), [])
        head, tail = fields[: len(columns) - 1], fields[len(columns) - 1 :]
        extra_rows.append(dict(zip(columns, [*head, delimiter.join(tail)], strict=False)))
    combined = pd.concat([frame, pd.DataFrame(extra_rows, columns=columns)], ignore_index=True)
    lines = [*data_lines, *(line for line, _ in rejected)]
    order = sorted(range(len(lines)), key=lines.__getitem__)
    return combined.iloc[order].reset_index(drop=True), [lines[index] for index in order]


def read_table_text(path: Path, raw_dir: Path, spec: TableSpec):
    """Every row as text under the spec's column names (missing optional columns empty), with provenance."""
    source_file = path.relative_to(raw_dir).as_posix()
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TableRejected(
            f"{source_file}: not valid UTF-8 (byte at offset {error.start}); save it as UTF-8"
        ) from error
    delimiter = _delimiter_of(text)
    try:
        # A reader of its own, so that the lines it rejects are this file's alone
        with duckdb.connect() as reader:
            frame = reader.execute(_READ_CSV, [str(path), delimiter]).df()
            rejected = reader.execute("select line, csv_line from reject_errors order by line").fetchall()
    except duckdb.Error as error:
        raise TableRejected(f"{source_file}: cannot be read as CSV: {str(error).splitlines()[0]}") from error
    frame.columns = [str(column).strip().lstrip("\ufeff").lower() for column in frame.columns]
    expected = ", ".join(spec.required) + f" (optional: {', '.join(spec.optional)})"
    missing = [column for column in spec.required if column not in frame.columns]
    if missing:
        raise TableRejected(f"{source_file}: missing column(s) {', '.join(missing)}; expected {expected}")
    unexpected = sorted(set(frame.columns) - set(spec.required) - set(spec.optional))
    if unexpected:
        raise TableRejected(f"{source_file}: unexpected column(s) {', '.join(unexpected)}; expected {expected}")

    spans = _line_spans(text)
    frame, lines = _with_rejected_lines(frame, rejected, text, spans, delimiter)
    rows = pd.DataFrame({column: frame.get(column) for column in (*spec.required, *spec.optional)})
    rows = rows.map(lambda value: value.strip() if isinstance(value, str) and value.strip() else None)
    rows["source_file"] = source_file
    rows["line"] = list(lines)
    rows["line_start"] = [spans[line - 1][0] if line <= len(spans) else None for line in lines]
    rows["line_end"] = [spans[line - 1][1] if line <= len(spans) else None for line in lines]
    rows["line_text"] = [
        text[start:end] if start is not None else None
        for start, end in zip(rows["line_start"], rows["line_end"], strict=True)
    ]
    rows["sha256"] = hashlib.sha256(data).hexdigest()
    return rows.astype({**{column: "string" for column in (*spec.required, *spec.optional)}, **PROVENANCE_COLUMNS})


def _canonical_region(name):
    """A region as the extracted pages name it ('Asia-Pacific' → 'Asia Pacific'); a missing cell stays missing."""
    return canonical_region(name) if isinstance(name, str) else name


def as_weight_rows(rows: pd.DataFrame, spec: TableSpec) -> pd.DataFrame:
    """segment / region / country weights in one shape: (level, dimension, member, parent, weight_text)."""
    if spec.level == "segment":
        dimension, member, parent = rows["dimension"], rows["member"], None
    elif spec.level == "region":
        dimension, member, parent = "region", rows["region"].map(_canonical_region), None
    else:
        dimension, member, parent = "country", rows["country"], rows["region"].map(_canonical_region)
    shaped = pd.DataFrame(
        {
            "report_id": rows["report_id"],
            "level": spec.level,
            "dimension": dimension,
            "member": member,
            "parent": parent,
            "weight_text": rows["weight"],
            "note": rows["note"],
        },
        index=rows.index,
    )
    return pd.concat([shaped, rows[list(PROVENANCE_COLUMNS)]], axis=1).astype({**WEIGHT_COLUMNS, **PROVENANCE_COLUMNS})


def empty_rows(kind: str) -> pd.DataFrame:
    if kind == "weights":
        columns = {**WEIGHT_COLUMNS, **PROVENANCE_COLUMNS}
    else:
        spec = next(spec for spec in TABLE_SPECS if spec.kind == kind)
        columns = {**{column: "string" for column in (*spec.required, *spec.optional)}, **PROVENANCE_COLUMNS}
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in columns.items()})


@dataclass(frozen=True)
class TableFact:
    """A row of a facts table turned into a stated figure, or the reason it cannot be one."""

    row: dict | None
    problem: str | None


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    if not re.fullmatch(r"(?:FY\s?)?\d{4}", text):
        raise ValueError(f"year {text!r} is not a four-digit year")
    return int(text[-4:])


def table_fact(row: dict, loaded_reports: set[str]) -> TableFact:
    """One facts-table row as a stated figure in the shape of the extracted ones, with its file and line."""
    where = f"{row['source_file']}:{row['line']}"
    report_id = row.get("report_id") or (report_id_for(row["source"]) if row.get("source") else None)
    if report_id is None:
        return TableFact(None, f"{where}: names no report_id or source")
    if row.get("report_id") and report_id not in loaded_reports:
        return TableFact(None, f"{where}: report_id {report_id!r} is not a loaded report (give a source instead)")
    unit = (row.get("unit") or "").lower()
    if not re.fullmatch(r"\d[\d.,]*", row.get("value") or ""):
        return TableFact(None, f"{where}: value {row.get('value')!r} is not a number")
    try:
        number = parse_number(row["value"] or "")
        years = {name: _year(row.get(name)) for name in ("year", "period_start_year", "period_end_year")}
    except (AmbiguousNumberError, ValueError) as error:
        return TableFact(None, f"{where}: {error}")
    is_percent = unit in PERCENT_UNITS
    if not is_percent and unit not in UNIT_SCALES_IN_MILLIONS:
        expected = ", ".join(sorted(UNIT_SCALES_IN_MILLIONS)) + ", percent"
        return TableFact(None, f"{where}: unit {row.get('unit')!r} is not one of {expected}")
    scale = Decimal(1) if is_percent else UNIT_SCALES_IN_MILLIONS[unit]
    return TableFact(
        {
            "report_id": report_id,
            "metric": row.get("metric"),
            "scope": row.get("scope"),
            "dimension": row.get("dimension") or ("region" if row.get("scope") == "region" else None),
            "member": _canonical_region(row.get("member")) if row.get("scope") == "region" else row.get("member"),
            "within_region": _canonical_region(row.get("within_region")),
            **years,
            "value_millions": None if is_percent else float(number * scale),
            "value_high_millions": None,
            "pct": float(number) if is_percent else None,
            "pct_high": None,
            "currency": None if is_percent else (row.get("currency") or "USD").upper(),
            "rounding": float(rounding_of(number) * scale),
            "figure_text": f"{row['value']} {row.get('unit')}",
            "figure_start": row["line_start"],
            "figure_end": row["line_end"],
            "quote": row["line_text"],
            "char_start": row["line_start"],
            "char_end": row["line_end"],
            "mentions": 1,
            "period_source": "table row" if row.get("metric") == "cagr" else None,
            "source_kind": "table",
            "source_file": row["source_file"],
            "source_line": row["line"],
        },
        None,
    )


def table_fact_frames(
    landing_facts: pd.DataFrame, report_metadata: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """(stated figures, reports named only by a table's `source`, problems) from the rows of the facts tables."""
    loaded = set(report_metadata["report_id"])
    base_years = dict(zip(report_metadata["report_id"], report_metadata["base_year"], strict=True))
    figures, new_reports, problems = [], {}, []
    for row in landing_facts.astype(object).where(landing_facts.notna(), None).to_dict("records"):
        fact = table_fact(row, loaded)
        if fact.problem:
            problems.append({"row": row, "reason": fact.problem})
            continue
        report_id = fact.row["report_id"]
        if report_id not in loaded and report_id not in new_reports:
            new_reports[report_id] = {
                "report_id": report_id,
                "source_file": row["source_file"],
                "sha256": row["sha256"],
                "market": row.get("market"),
                "publisher": row.get("source"),
                "base_year_inferred": False,
            }
        figures.append(
            {
                **fact.row,
                "fact_id": stable_id("table", row["source_file"], row["line"]),
                "base_year": base_years.get(report_id),
            }
        )
    return (
        typed_table("stated_figures", figures),
        typed_table("report_metadata", new_reports.values()),
        problems,
    )
