"""Dagster resources, built in one place from the environment (see config.py)."""

import os
from pathlib import Path

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines.config import Settings, settings_from_environment

DEFAULT_DUCKDB_MEMORY_LIMIT = "1GB"


class WarehousePaths(dg.ConfigurableResource):
    """Where raw documents are read from and where the warehouse is published."""

    raw_dir: str
    warehouse_path: str

    @property
    def settings(self) -> Settings:
        return Settings(raw_dir=Path(self.raw_dir), warehouse_path=Path(self.warehouse_path))


def build_resources(settings: Settings | None = None) -> dict[str, object]:
    settings = settings or settings_from_environment()
    settings.working_path.parent.mkdir(parents=True, exist_ok=True)
    return {
        "paths": WarehousePaths(raw_dir=str(settings.raw_dir), warehouse_path=str(settings.warehouse_path)),
        # The SQL models run on one connection; without a limit DuckDB keeps up to 80% of RAM in its buffer pool.
        "duckdb": DuckDBResource(
            database=str(settings.working_path),
            connection_config={"memory_limit": os.environ.get("DUCKDB_MEMORY_LIMIT", DEFAULT_DUCKDB_MEMORY_LIMIT)},
        ),
    }
