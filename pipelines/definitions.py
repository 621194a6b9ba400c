"""The one Definitions object: every asset, check, resource, job, sensor and schedule of the warehouse."""

import dagster as dg

from pipelines.assets.extract import extracted_tables
from pipelines.assets.ingest import analyst_tables, raw_documents
from pipelines.assets.publish import published_warehouse
from pipelines.assets.site import published_site
from pipelines.assets.sql_models import warehouse_models
from pipelines.assets.validate import validated_tables
from pipelines.automation import build_automation
from pipelines.config import Settings
from pipelines.resources import build_resources

all_assets = [
    raw_documents,
    analyst_tables,
    extracted_tables,
    validated_tables,
    warehouse_models,
    published_warehouse,
    published_site,
]

build_warehouse_job = dg.define_asset_job(
    "build_warehouse",
    selection=dg.AssetSelection.all(),
    description="Ingest raw/, extract, validate, build the SQL models, check them and publish the warehouse.",
)


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """The Definitions for the folders in ``settings`` (default: RAW_DIR and WAREHOUSE_PATH, see config.py)."""
    raw_folder_sensor, daily_full_refresh = build_automation(build_warehouse_job)
    return dg.Definitions(
        assets=all_assets,
        jobs=[build_warehouse_job],
        sensors=[raw_folder_sensor],
        schedules=[daily_full_refresh],
        resources=build_resources(settings),
        # DuckDB allows one writer per file: steps run one after another in one process.
        executor=dg.in_process_executor,
    )


defs = build_definitions()
