"""Validate: apply the pandera model of every table; failing rows go to quarantine with the reason."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.assets.extract import EXTRACTED_SCHEMA, EXTRACTED_TABLE_DESCRIPTIONS, extracted_key
from pipelines.assets.frames import markdown_preview, read_table, replace_table, table_metadata
from pipelines.assets.ingest import FORECAST_WEIGHTS, FX_RATES, TABLE_FACTS
from pipelines.validation import DOCUMENT_TABLES, validate_all

VALIDATED_SCHEMA = "validated"
QUARANTINED_ROWS = dg.AssetKey([VALIDATED_SCHEMA, "quarantined_rows"])


def validated_key(table: str) -> dg.AssetKey:
    return dg.AssetKey([VALIDATED_SCHEMA, table])


_SPECS = [
    *(
        dg.AssetSpec(
            validated_key(table),
            deps=[extracted_key(table), *([TABLE_FACTS] if table in ("stated_figures", "report_metadata") else [])],
            description=f"{EXTRACTED_TABLE_DESCRIPTIONS[table]} Only rows that pass pipelines.schemas.",
            kinds={"pandera", "duckdb"},
        )
        for table in DOCUMENT_TABLES
    ),
    dg.AssetSpec(
        validated_key("forecast_weights"),
        deps=[FORECAST_WEIGHTS, extracted_key("segment_members"), extracted_key("region_countries")],
        description="Analyst weights that pass their pandera model and name a member some report lists.",
        kinds={"pandera", "duckdb"},
    ),
    dg.AssetSpec(
        validated_key("fx_rates"),
        deps=[FX_RATES],
        description="Exchange rates (US dollars per unit) that pass their pandera model.",
        kinds={"pandera", "duckdb"},
    ),
    dg.AssetSpec(
        QUARANTINED_ROWS,
        deps=[
            *(extracted_key(table) for table in EXTRACTED_TABLE_DESCRIPTIONS),
            TABLE_FACTS,
            FORECAST_WEIGHTS,
            FX_RATES,
        ],
        description="Rows kept out of the warehouse, each with the rule it broke (or why extraction skipped it).",
        kinds={"pandera", "duckdb"},
    ),
]


@dg.multi_asset(specs=_SPECS, group_name="validate")
def validated_tables(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Validates with pandera (lazy, so every failure of a row is reported), then loads the valid rows."""
    with duckdb.get_connection() as connection:
        extracted = {table: read_table(connection, EXTRACTED_SCHEMA, table) for table in EXTRACTED_TABLE_DESCRIPTIONS}
        table_facts, weights, fx_rates = (
            read_table(connection, "landing", table) for table in ("table_facts", "forecast_weights", "fx_rates")
        )
    result = validate_all(extracted, table_facts, weights, fx_rates)
    for reason in result.quarantine["reason"].head(20):
        context.log.warning(f"quarantined: {reason}")

    with duckdb.get_connection() as connection:
        for table, frame in result.tables.items():
            replace_table(connection, VALIDATED_SCHEMA, table, frame)
            yield dg.MaterializeResult(
                asset_key=validated_key(table),
                metadata={
                    **table_metadata(connection, VALIDATED_SCHEMA, table),
                    "quarantined_rows": result.quarantined_by_table.get(table, 0),
                },
            )
        replace_table(connection, VALIDATED_SCHEMA, "quarantined_rows", result.quarantine)
        yield dg.MaterializeResult(
            asset_key=QUARANTINED_ROWS,
            metadata={
                **table_metadata(connection, VALIDATED_SCHEMA, "quarantined_rows"),
                "by_table": dg.MetadataValue.json(result.quarantined_by_table),
                "reasons": dg.MetadataValue.md(markdown_preview(result.quarantine[["report_id", "stage", "reason"]])),
            },
        )
