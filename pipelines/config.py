"""Where the pipeline reads and writes. Every setting has a default that works and an environment override."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_RAW_DIR = PROJECT_ROOT / "raw"
DEFAULT_WAREHOUSE_PATH = PROJECT_ROOT / "warehouse" / "markets.duckdb"
SQL_DIR = PROJECT_ROOT / "sql"


# Extraction runs in this many buckets of documents (by a hash of the file name), each a step Dagster's executor can
# run beside the others: on this machine's cores, or on as many machines as a cluster executor gives it.
DEFAULT_EXTRACTION_BUCKETS = 4


@dataclass(frozen=True)
class Settings:
    raw_dir: Path
    warehouse_path: Path
    extraction_buckets: int = DEFAULT_EXTRACTION_BUCKETS

    @property
    def site_path(self) -> Path:
        """The static site beside the published file: <its folder>/site (a link to the current version)."""
        return self.warehouse_path.parent / "site"

    @property
    def exchange_dir(self) -> Path:
        """Where extraction buckets pass documents and rows between steps (on a cluster: a volume every step
        mounts), one folder per run, removed when the run has loaded them."""
        return self.working_path.parent / "extraction"

    @property
    def working_path(self) -> Path:
        """The private database the assets build into; only `publish` ever writes the published file."""
        return self.warehouse_path.parent / ".build" / f"{self.warehouse_path.stem}.working.duckdb"


def _absolute(value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (Path.cwd() / path)


def _positive_integer(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise ValueError(f"{name}={value!r}: expected a whole number of at least 1")
    return int(value)


def settings_from_environment() -> Settings:
    """RAW_DIR (default raw/), WAREHOUSE_PATH (default warehouse/markets.duckdb) and EXTRACTION_BUCKETS (4)."""
    raw_dir = os.environ.get("RAW_DIR")
    warehouse_path = os.environ.get("WAREHOUSE_PATH")
    return Settings(
        raw_dir=_absolute(raw_dir).resolve() if raw_dir else DEFAULT_RAW_DIR,
        warehouse_path=_absolute(warehouse_path) if warehouse_path else DEFAULT_WAREHOUSE_PATH,
        extraction_buckets=_positive_integer("EXTRACTION_BUCKETS", DEFAULT_EXTRACTION_BUCKETS),
    )
