"""Validate: apply the pandera model of every extracted table; failing rows go to quarantine with the reason."""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipelines.assets.extract import EXTRACTED_SCHEMA, EXTRACTED_TABLE_DESCRIPTIONS, extracted_key
from pipelines.assets.frames import markdown_preview, read_table, replace_table, table_metadata
from pipelines.assets.ingest import FORECAST_WEIGHTS
from pipelines.tables import conform_to_schema
from pipelines.validation import quarantine_frame, validate_table

VALIDATED_SCHEMA = "validated"
VALIDATED_TABLES = tuple(table for table in EXTRACTED_TABLE_DESCRIPTIONS if table != "skipped_statements")
QUARANTINED_ROWS = dg.AssetKey([VALIDATED_SCHEMA, "quarantined_rows"])


def validated_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([VALIDATED_SCHEMA, table])


def skipped_as_quarantine(skipped: pd.DataFrame) -> pd.DataFrame:
    """Statements the extractor could not read join the quarantine, stage 'extract'."""
    return quarantine_frame(
        [
            {
                "table_name": "stated_figures",
                "report_id": row.report_id,
                "row_key": "",
                "stage": "extract",
                "reason": row.reason,
                "quote": row.quote,
                "char_start": row.char_start,
                "char_end": row.char_end,
            }
            for row in skipped.itertuples(index=False)
        ]
    )


def orphans_as_quarantine(
    table: str, frame: pd.DataFrame, valid_reports: set[str]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Rows of a report whose own metadata row failed validation cannot load either."""
    orphaned = ~frame["report_id"].isin(valid_reports)
    rows = [
        {
            "table_name": table,
            "report_id": row.get("report_id"),
            "row_key": "",
            "stage": "validate",
            "reason": "the report's metadata row failed validation",
            "quote": row.get("quote"),
            "char_start": row.get("char_start"),
            "char_end": row.get("char_end"),
        }
        for _, row in frame[orphaned].iterrows()
    ]
    return frame[~orphaned], quarantine_frame(rows)


def validate_weights(weights: pd.DataFrame, valid_tables: dict[str, pd.DataFrame]):
    """(valid weights, quarantined rows, unknown-member rows): the weight parsed from its text, then checked by
    pandera, then matched against the members the loaded reports list."""
    weights = weights.assign(weight=pd.to_numeric(weights["weight_text"], errors="coerce").astype("Float64"))
    weights = conform_to_schema("forecast_weights", weights.drop(columns=["weight_text"]))
    valid, rejected = validate_table("forecast_weights", weights)
    known = known_members(valid_tables["segment_members"], valid_tables["region_countries"])
    keys = list(zip(valid["level"], valid["dimension"].str.lower(), valid["member"].str.lower(), strict=True))
    is_known = pd.Series([key in known for key in keys], index=valid.index, dtype=bool)
    unknown = quarantine_frame(
        [
            {
                "table_name": "forecast_weights",
                "report_id": row.report_id,
                "row_key": f"{row.source_file}:{row.line}",
                "stage": "validate",
                "reason": (
                    f"{row.source_file}:{row.line}: {row.dimension} {row.member!r} is not listed by any loaded report"
                ),
                "quote": None,
                "char_start": None,
                "char_end": None,
            }
            for row in valid[~is_known].itertuples(index=False)
        ]
    )
    return valid[is_known], rejected, unknown


def known_members(segments: pd.DataFrame, regions: pd.DataFrame) -> set[tuple[str, str, str]]:
    """(level, dimension, member) in lower case for every member, region and country the reports list."""
    known = {("segment", d.lower(), m.lower()) for d, m in zip(segments["dimension"], segments["member"], strict=True)}
    known |= {("region", "region", r.lower()) for r in regions["region"]}
    known |= {("country", "country", c.lower()) for c in regions["country"].dropna()}
    return known


@dg.multi_asset(
    specs=[
        *(
            dg.AssetSpec(
                validated_key(table),
                deps=[extracted_key(table)],
                description=f"{EXTRACTED_TABLE_DESCRIPTIONS[table]} Only rows that pass pipelines.schemas.",
                kinds={"pandera", "duckdb"},
            )
            for table in VALIDATED_TABLES
        ),
        dg.AssetSpec(
            validated_key("forecast_weights"),
            deps=[FORECAST_WEIGHTS, validated_key("segment_members"), validated_key("region_countries")],
            description="Analyst weights that pass their pandera model and name a member some report lists.",
            kinds={"pandera", "duckdb"},
        ),
        dg.AssetSpec(
            QUARANTINED_ROWS,
            deps=[*(extracted_key(table) for table in EXTRACTED_TABLE_DESCRIPTIONS), FORECAST_WEIGHTS],
            description="Rows kept out of the warehouse, each with the rule it broke (or why extraction skipped it).",
            kinds={"pandera", "duckdb"},
        ),
    ],
    group_name="validate",
)
def validated_tables(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Validates with pandera (lazy, so every failure of a row is reported), then loads the valid rows."""
    with duckdb.get_connection() as connection:
        extracted = {
            table: conform_to_schema(table, read_table(connection, EXTRACTED_SCHEMA, table))
            for table in EXTRACTED_TABLE_DESCRIPTIONS
        }

    quarantined = [skipped_as_quarantine(extracted["skipped_statements"])]
    valid_tables: dict[str, pd.DataFrame] = {}
    for table in VALIDATED_TABLES:
        valid, rejected = validate_table(table, extracted[table])
        quarantined.append(rejected)
        valid_tables[table] = valid
    valid_reports = set(valid_tables["report_metadata"]["report_id"])
    for table in VALIDATED_TABLES:
        if table != "report_metadata":
            valid_tables[table], orphans = orphans_as_quarantine(table, valid_tables[table], valid_reports)
            quarantined.append(orphans)

    with duckdb.get_connection() as connection:
        weights = read_table(connection, "landing", "forecast_weights")
    valid_tables["forecast_weights"], *weight_rejections = validate_weights(weights, valid_tables)
    quarantined.extend(weight_rejections)

    quarantine = pd.concat(quarantined, ignore_index=True)
    counts_by_table = quarantine.groupby("table_name").size().to_dict() if len(quarantine) else {}
    for reason in quarantine["reason"].head(20):
        context.log.warning(f"quarantined: {reason}")
    with duckdb.get_connection() as connection:
        for table, frame in valid_tables.items():
            replace_table(connection, VALIDATED_SCHEMA, table, frame)
            yield dg.MaterializeResult(
                asset_key=validated_key(table),
                metadata={
                    **table_metadata(connection, VALIDATED_SCHEMA, table),
                    "quarantined_rows": int(counts_by_table.get(table, 0)),
                },
            )
        replace_table(connection, VALIDATED_SCHEMA, "quarantined_rows", quarantine)
        yield dg.MaterializeResult(
            asset_key=QUARANTINED_ROWS,
            metadata={
                **table_metadata(connection, VALIDATED_SCHEMA, "quarantined_rows"),
                "by_table": dg.MetadataValue.json({k: int(v) for k, v in counts_by_table.items()}),
                "reasons": dg.MetadataValue.md(markdown_preview(quarantine[["report_id", "stage", "reason"]])),
            },
        )
