"""Apply the pandera models: rows that pass load, rows that fail are quarantined with their reasons.

``validate_all`` is the whole validation step, with no Dagster and no database: extracted document tables,
analyst tables (facts, weights, exchange rates) in; valid tables and one quarantine table out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from pipelines.analyst_tables import table_fact_frames
from pipelines.extract.market_identity import market_identity, publisher_key
from pipelines.schemas import DOCUMENT_SCHEMAS, ROW_REASONS, SCHEMAS, YEAR_WINDOW, ReportMetadataSchema
from pipelines.tables import conform_to_schema
from pipelines.warehouse.state import code_version

QUARANTINE_COLUMNS = {
    "table_name": "string",
    "report_id": "string",
    "source_file": "string",
    "row_key": "string",
    "stage": "string",
    "reason": "string",
    "quote": "string",
    "char_start": "Int64",
    "char_end": "Int64",
}
# Document tables that load (skipped statements go to the quarantine instead).
DOCUMENT_TABLES = tuple(table for table in DOCUMENT_SCHEMAS if table != "skipped_statements")
_KEY_COLUMNS = ("fact_id", "development_id", "report_id")
_VALIDATION_CODE = [Path(__file__).parent / name for name in ("validation.py", "schemas.py", "analyst_tables.py")]
# Changes whenever the rules change, so that rows validated under other rules are validated again.
VALIDATION_VERSION = code_version(_VALIDATION_CODE)


def _row_key(row: pd.Series) -> str:
    if "line" in row and pd.notna(row["line"]):
        return f"{row['source_file']}:{row['line']}"
    if "source_line" in row and pd.notna(row["source_line"]):
        return f"{row['source_file']}:{row['source_line']}"
    for column in _KEY_COLUMNS:
        if column in row and pd.notna(row[column]):
            return f"{column}={row[column]}"
    return ""


def _value(row: pd.Series | dict, *columns: str):
    for column in columns:
        value = row.get(column)
        if value is not None and not (isinstance(value, float) and pd.isna(value)) and value is not pd.NA:
            return value
    return None


def quarantine_row(table: str, row: pd.Series | dict, stage: str, reason: str) -> dict:
    """A quarantine entry for ``row``, quoting its sentence (documents) or its line (tables)."""
    return {
        "table_name": table,
        "report_id": _value(row, "report_id"),
        "source_file": _value(row, "source_file"),
        "row_key": _row_key(pd.Series(row)) if isinstance(row, dict) else _row_key(row),
        "stage": stage,
        "reason": reason,
        "quote": _value(row, "quote", "line_text"),
        "char_start": _value(row, "char_start", "line_start"),
        "char_end": _value(row, "char_end", "line_end"),
    }


def quarantine_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(QUARANTINE_COLUMNS))
    return frame.astype(QUARANTINE_COLUMNS)


def _describe_failure(failure: pd.Series) -> str:
    check = str(failure["check"])
    column = failure["column"]
    if failure["schema_context"] == "Column" and pd.notna(column):
        return f"{column}: {check} (got {failure['failure_case']!r})"
    return check


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
            continue
        if description in ROW_REASONS and failure["index"] in frame.index:
            description = ROW_REASONS[description](frame.loc[failure["index"]])
        if description not in reasons[failure["index"]]:
            reasons[failure["index"]].append(description)
    for descriptions in reasons.values():
        descriptions.sort()  # pandera reports failures in no fixed order

    failing_index = frame.index if table_wide else frame.index.intersection(list(reasons))
    quarantined = [
        quarantine_row(name, frame.loc[index], "validate", "; ".join(table_wide + reasons.get(index, [])))
        for index in failing_index
    ]
    valid = frame.drop(index=failing_index)
    return model.validate(valid, lazy=True) if len(valid) else valid, quarantine_frame(quarantined)


def _without_orphans(table: str, frame: pd.DataFrame, valid_reports: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of a report whose own metadata row failed validation cannot load either."""
    orphaned = ~frame["report_id"].isin(valid_reports)
    reason = "the report's metadata row failed validation"
    rows = [quarantine_row(table, row, "validate", reason) for _, row in frame[orphaned].iterrows()]
    return frame[~orphaned], quarantine_frame(rows)


def _known_members(segments: pd.DataFrame, regions: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(level, dimension, member) in lower case for every member, region and country the reports list."""
    known = {("segment", d.lower(), m.lower()) for d, m in zip(segments["dimension"], segments["member"], strict=True)}
    known |= {("region", "region", r.lower()) for r in regions["region"]}
    known |= {("country", "country", c.lower()) for c in regions["country"].dropna()}
    return known


def _parsed(frame: pd.DataFrame, text_column: str, number_column: str, table: str) -> pd.DataFrame:
    """The text column as a number (unparseable text becomes missing, which the model then reports)."""
    numbers = pd.to_numeric(frame[text_column], errors="coerce").astype("Float64")
    parsed = frame.drop(columns=[text_column]).assign(**{number_column: numbers})
    return conform_to_schema(table, parsed)


def validate_weights(weights: pd.DataFrame, segments: pd.DataFrame, regions: pd.DataFrame):
    """Valid weights, and the quarantine: pandera failures, then members no loaded report lists."""
    valid, rejected = validate_table("forecast_weights", _parsed(weights, "weight_text", "weight", "forecast_weights"))
    known = _known_members(segments, regions)
    keys = zip(valid["level"], valid["dimension"].str.lower(), valid["member"].str.lower(), strict=True)
    is_known = pd.Series([key in known for key in keys], index=valid.index, dtype=bool)
    unknown = [
        quarantine_row(
            "forecast_weights",
            row,
            "validate",
            f"{row['source_file']}:{row['line']}: {row['dimension']} {row['member']!r} "
            "is not listed by any loaded report",
        )
        for _, row in valid[~is_known].iterrows()
    ]
    return valid[is_known], pd.concat([rejected, quarantine_frame(unknown)], ignore_index=True)


def validate_fx_rates(fx_rates: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    frame = fx_rates.assign(year=pd.to_numeric(fx_rates["year"], errors="coerce").astype("Int64"))
    frame = frame.assign(currency=frame["currency"].str.upper())
    return validate_table("fx_rates", _parsed(frame, "usd_per_unit", "usd_per_unit", "fx_rates"))


def _identity_columns(names: pd.Series, columns: tuple[str, ...]) -> dict[str, list]:
    """The market identity of each name (None for a missing one) as columns: ``columns`` names, in order, the
    columns for its market_id, name, geography, geography_level and rule (fewer names take fewer fields)."""
    identities = [market_identity(name) if isinstance(name, str) else None for name in names]
    fields = ("market_id", "name", "geography", "geography_level", "rule")
    return {
        column: [getattr(identity, field) if identity else None for identity in identities]
        for column, field in zip(columns, fields, strict=False)
    }


def with_market_identity(reports: pd.DataFrame) -> pd.DataFrame:
    """Each report's market and publisher as keys shared across reports (pipelines/extract/market_identity.py)."""
    columns = _identity_columns(
        reports["market"], ("market_id", "market_name", "market_geography", "market_geography_level", "market_rule")
    )
    columns["publisher_key"] = [publisher_key(name) if isinstance(name, str) else None for name in reports["publisher"]]
    return conform_to_schema("report_metadata", reports.assign(**columns))


def validate_market_aliases(aliases: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Valid alias rows, and the quarantine: pandera failures (an empty alias or market, a market its own parent),
    then rows that contradict an earlier line (an alias already given to another market, a second parent for a
    market, a parent that would make a market part of itself). Every reason names the file and line."""
    frame = aliases.assign(
        **_identity_columns(aliases["alias"], ("alias_key",)),
        **_identity_columns(aliases["market"], ("market_id", "market_name", "geography", "geography_level")),
        **_identity_columns(
            aliases["parent"],
            ("parent_market_id", "parent_market_name", "parent_geography", "parent_geography_level"),
        ),
    )
    incomplete = frame["alias_key"].isna() | frame["market_id"].isna()
    contradictions = [
        quarantine_row(
            "market_aliases",
            row,
            "validate",
            f"{row['source_file']}:{row['line']}: an alias and a market with letters or digits are both required "
            f"(got {row['line_text']!r})",
        )
        for _, row in frame[incomplete].iterrows()
    ]
    valid, rejected = validate_table("market_aliases", conform_to_schema("market_aliases", frame[~incomplete]))
    kept = []
    market_of_alias: dict[str, tuple[str, int]] = {}
    parent_of: dict[str, tuple[str, int]] = {}
    for index, row in valid.iterrows():
        where = f"{row['source_file']}:{row['line']}"
        earlier = market_of_alias.get(row["alias"].lower()) or market_of_alias.get(row["alias_key"])
        problem = None
        if earlier and earlier[0] != row["market_id"]:
            problem = f"alias {row['alias']!r} already belongs to market {earlier[0]!r} (line {earlier[1]})"
        elif pd.notna(row["parent_market_id"]):
            given = parent_of.get(row["market_id"])
            if given and given[0] != row["parent_market_id"]:
                problem = f"market {row['market']!r} already has parent {given[0]!r} (line {given[1]})"
            elif _is_part_of(row["parent_market_id"], row["market_id"], parent_of):
                problem = f"parent {row['parent']!r} is part of {row['market']!r}: a market cannot contain itself"
        if problem:
            contradictions.append(quarantine_row("market_aliases", row, "validate", f"{where}: {problem}"))
            continue
        market_of_alias.setdefault(row["alias"].lower(), (row["market_id"], row["line"]))
        market_of_alias.setdefault(row["alias_key"], (row["market_id"], row["line"]))
        if pd.notna(row["parent_market_id"]):
            parent_of.setdefault(row["market_id"], (row["parent_market_id"], row["line"]))
        kept.append(index)
    return valid.loc[kept], pd.concat([rejected, quarantine_frame(contradictions)], ignore_index=True)


def _is_part_of(market_id: str, ancestor: str, parent_of: dict[str, tuple[str, int]]) -> bool:
    """Whether ``market_id`` is ``ancestor`` or lies under it in the parents given so far."""
    seen = set()
    while market_id is not None and market_id not in seen:
        if market_id == ancestor:
            return True
        seen.add(market_id)
        market_id = parent_of.get(market_id, (None, 0))[0]
    return False


def _without_implausible_forecast_periods(reports: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A forecast period that breaks the report model's rules (it ends before it starts, or lies far from the base
    year) is dropped, with a quarantine row that says so; the report itself, and every figure it states, still
    loads."""
    misordered = ~ReportMetadataSchema.forecast_period_is_ordered(reports)
    implausible = misordered | ~ReportMetadataSchema.forecast_period_near_base_year(reports)
    rows = [
        quarantine_row(
            "report_metadata",
            row,
            "validate",
            f"forecast period {row['forecast_start_year']}-{row['forecast_end_year']} "
            + ("ends before it starts" if misordered[index] else f"is over {YEAR_WINDOW} years from the base year")
            + f" {row['base_year']}: the report loads without a forecast period",
        )
        for index, row in reports[implausible].iterrows()
    ]
    kept = reports.copy()
    kept.loc[implausible, ["forecast_start_year", "forecast_end_year"]] = pd.NA
    return kept, quarantine_frame(rows)


def _skipped_as_quarantine(skipped: pd.DataFrame) -> pd.DataFrame:
    """Statements the extractor could not read, stage 'extract'."""
    rows = [quarantine_row("stated_figures", row, "extract", row["reason"]) for _, row in skipped.iterrows()]
    return quarantine_frame(rows)


@dataclass(frozen=True)
class ValidationResult:
    tables: dict[str, pd.DataFrame]  # every validated table, by name
    quarantine: pd.DataFrame

    def of_reports_only(self) -> ValidationResult:
        """This result without the quarantined rows that belong to no report (the analyst tables')."""
        return ValidationResult(self.tables, self.quarantine[self.quarantine["report_id"].notna()])

    @property
    def quarantined_by_table(self) -> dict[str, int]:
        if self.quarantine.empty:
            return {}
        return {str(k): int(v) for k, v in self.quarantine.groupby("table_name").size().items()}


def validate_all(
    extracted: dict[str, pd.DataFrame],
    table_facts: pd.DataFrame,
    weights: pd.DataFrame,
    fx_rates: pd.DataFrame,
    market_aliases: pd.DataFrame,
) -> ValidationResult:
    """Validate every table. Facts from analyst tables join the extracted figures (and reports named only by a
    table's `source` join the reports) before validation, so one model judges both."""
    extracted = {table: conform_to_schema(table, frame) for table, frame in extracted.items()}
    table_figures, table_reports, problems = table_fact_frames(table_facts, extracted["report_metadata"])
    extracted["stated_figures"] = pd.concat([extracted["stated_figures"], table_figures], ignore_index=True)
    extracted["report_metadata"] = pd.concat([extracted["report_metadata"], table_reports], ignore_index=True)

    extracted["report_metadata"], period_problems = _without_implausible_forecast_periods(
        with_market_identity(extracted["report_metadata"])
    )
    quarantined = [
        period_problems,
        _skipped_as_quarantine(extracted["skipped_statements"]),
        quarantine_frame([quarantine_row("stated_figures", p["row"], "validate", p["reason"]) for p in problems]),
    ]
    tables: dict[str, pd.DataFrame] = {}
    for table in DOCUMENT_TABLES:
        tables[table], rejected = validate_table(table, conform_to_schema(table, extracted[table]))
        quarantined.append(rejected)
    valid_reports = set(tables["report_metadata"]["report_id"])
    for table in DOCUMENT_TABLES:
        if table != "report_metadata":
            tables[table], orphans = _without_orphans(table, tables[table], valid_reports)
            quarantined.append(orphans)

    tables["forecast_weights"], rejected = validate_weights(
        weights, tables["segment_members"], tables["region_countries"]
    )
    quarantined.append(rejected)
    tables["fx_rates"], rejected = validate_fx_rates(fx_rates)
    quarantined.append(rejected)
    tables["market_aliases"], rejected = validate_market_aliases(market_aliases)
    quarantined.append(rejected)
    return ValidationResult(tables, pd.concat(quarantined, ignore_index=True).astype(QUARANTINE_COLUMNS))
