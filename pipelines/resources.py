"""Dagster resources, built in one place from the environment (see config.py)."""

import os
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from pydantic import PrivateAttr

from pipelines.config import DEFAULT_EXTRACTION_BUCKETS, Settings, settings_from_environment
from pipelines.warehouse.database import VACUUM_EVERY_CLOSES, VACUUM_OFF, checkpoint_on_close

DEFAULT_DUCKDB_MEMORY_LIMIT = "1GB"
# Steps that open the working database carry this tag, and the executor runs one of them at a time (DuckDB allows
# one writing process per file); steps without it, such as the extraction buckets, run beside them.
WORKING_DATABASE_TAG = {"warehouse/database": "working"}


class WarehousePaths(dg.ConfigurableResource):
    """Where raw documents are read from and where the warehouse is published."""

    raw_dir: str
    warehouse_path: str
    extraction_buckets: int = DEFAULT_EXTRACTION_BUCKETS

    @property
    def settings(self) -> Settings:
        return Settings(Path(self.raw_dir), Path(self.warehouse_path), self.extraction_buckets)


class WorkingDatabase(DuckDBResource):
    """The working database. While a run's resources live, one connection stays open and every ``get_connection``
    is a cursor on it (a connection of its own to the same open database): no reopening the file (15 ms) and no
    checkpoint at every close, which a refresh otherwise paid a dozen times."""

    _opened: AbstractContextManager | None = PrivateAttr(default=None)
    _open_database: duckdb.DuckDBPyConnection | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        # the folder is made when a run starts, not when the definitions load (loading writes nothing)
        Path(self.database).parent.mkdir(parents=True, exist_ok=True)
        self._opened = super().get_connection()
        self._open_database = self._opened.__enter__()

    def teardown_after_execution(self, context: dg.InitResourceContext) -> None:
        if self._opened is not None:
            try:
                if checkpoint_on_close(self._open_database):
                    context.log.info(f"{self.database}: checkpointed with vacuum (every {VACUUM_EVERY_CLOSES}th close)")
            except duckdb.Error as error:  # the close still checkpoints, without vacuum
                context.log.warning(f"{self.database}: no vacuum on close: {error}")
            self._opened.__exit__(None, None, None)
            self._opened = self._open_database = None

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        if self._open_database is None:
            Path(self.database).parent.mkdir(parents=True, exist_ok=True)
            with super().get_connection() as connection:
                yield connection
            return
        cursor = self._open_database.cursor()
        try:
            yield cursor
        finally:
            cursor.close()


def build_resources(settings: Settings | None = None) -> dict[str, object]:
    settings = settings or settings_from_environment()
    return {
        "paths": WarehousePaths(
            raw_dir=str(settings.raw_dir),
            warehouse_path=str(settings.warehouse_path),
            extraction_buckets=settings.extraction_buckets,
        ),
        # The SQL models run on one connection; without a limit DuckDB keeps up to 80% of RAM in its buffer pool.
        "duckdb": WorkingDatabase(
            database=str(settings.working_path),
            connection_config={
                "memory_limit": os.environ.get("DUCKDB_MEMORY_LIMIT", DEFAULT_DUCKDB_MEMORY_LIMIT),
                **VACUUM_OFF,
            },
        ),
    }
