"""End to end under `dagster dev`: a report dropped into raw/reports/ reaches the published warehouse through the
sensor and the daemon alone, with nobody pressing a button."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from tests.conftest import PROJECT_ROOT, SEED_REPORT, make_raw_dir

NEW_REPORT = "Lunar Water Market\n\nThe global lunar water market size was valued at USD 120.5 million in 2024.\n"
WAIT_SECONDS = 240


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def published_reports(warehouse_path: Path) -> set[str]:
    if not warehouse_path.exists():
        return set()
    try:
        with duckdb.connect(str(warehouse_path), read_only=True) as connection:
            return {row[0] for row in connection.execute("select report_id from marts.dim_report").fetchall()}
    except duckdb.Error:
        return set()  # between the swap and a reader: try again


def wait_for(condition, seconds: int) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(2)
    return False


def test_a_new_report_is_published_by_the_sensor_without_any_other_action(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    home = tmp_path / "dagster-home"
    home.mkdir()
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    executable = Path(sys.executable).with_name("dagster")
    dev = subprocess.Popen(
        [str(executable), "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(free_port())],
        cwd=PROJECT_ROOT,
        env={**os.environ, "DAGSTER_HOME": str(home), "RAW_DIR": str(raw_dir), "WAREHOUSE_PATH": str(warehouse_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        # the sensor starts running with the daemon: its first tick builds what is already there
        assert wait_for(lambda: published_reports(warehouse_path) == {"space-mining-market"}, WAIT_SECONDS)
        (raw_dir / "reports" / "lunar-water.txt").write_text(NEW_REPORT, encoding="utf-8")
        assert wait_for(
            lambda: published_reports(warehouse_path) == {"space-mining-market", "lunar-water"}, WAIT_SECONDS
        )
    finally:
        os.killpg(dev.pid, signal.SIGTERM)
        try:
            dev.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(dev.pid, signal.SIGKILL)
