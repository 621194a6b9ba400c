import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEED_REPORT = PROJECT_ROOT / "raw" / "reports" / "space-mining-market.txt"
# What a build leaves beside the published file: its working folder, the site and the site's versions.
PUBLISHED_FOLDER = [".build", ".site-versions", "markets.duckdb", "site"]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_REPORT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed report built and published once for every test that reads it: (result, raw_dir, warehouse)."""
    root = tmp_path_factory.mktemp("seed-build")
    raw_dir = make_raw_dir(root, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    warehouse_path = root / "warehouse" / "markets.duckdb"
    return build_warehouse(raw_dir, warehouse_path), raw_dir, warehouse_path


@pytest.fixture(scope="session")
def seed_warehouse(seed_build):
    """A read-only connection to the published seed warehouse."""
    import duckdb

    result, _, warehouse_path = seed_build
    assert result.success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield connection


@pytest.fixture()
def published(tmp_path):
    """The seed report built and published in a folder of the test's own: (raw_dir, warehouse_path)."""
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    return raw_dir, warehouse_path


def build_warehouse(raw_dir: Path, warehouse_path: Path, selection=None):
    """Materialise the real asset graph in process, checks included, against the given folders."""
    import dagster as dg

    from pipelines.config import Settings
    from pipelines.definitions import all_assets
    from pipelines.resources import build_resources

    return dg.materialize(
        all_assets,
        resources=build_resources(Settings(raw_dir=raw_dir, warehouse_path=warehouse_path)),
        selection=selection,
        raise_on_error=False,
    )


def make_raw_dir(root: Path, files: dict[str, bytes]) -> Path:
    """A raw folder holding the given files under reports/."""
    raw_dir = root / "raw"
    (raw_dir / "reports").mkdir(parents=True)
    for name, data in files.items():
        (raw_dir / "reports" / name).write_bytes(data)
    return raw_dir


def run_cli(environment: dict[str, str], *arguments: str) -> subprocess.CompletedProcess:
    """`python -m pipelines ARGUMENTS` in a child process, as a user types it, with ``environment`` on top of ours."""
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *arguments],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **environment},
    )
