"""Validate: apply the pandera model of every extracted table; failing rows go to quarantine with the reason."""

import dagster as dg
import pandas as pd
from dagster_duckdb import DuckDBResource

from pipelines.assets.extract import EXTRACTED_SCHEMA, EXTRACTED_TABLE_DESCRIPTIONS, extracted_key
from pipelines.assets.frames import markdown_preview, read_table, replace_table, table_metadata
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
            QUARANTINED_ROWS,
            deps=[extracted_key(table) for table in EXTRACTED_TABLE_DESCRIPTIONS],
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
