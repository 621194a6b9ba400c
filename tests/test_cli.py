"""The command line prints what the extractor reads in one page, with exit codes scripts can rely on."""

import re
import shutil

import duckdb

from pipelines.warehouse.state import MODELS, PUBLISHED, VALIDATION
from tests.conftest import PROJECT_ROOT, SEED_REPORT, run_cli


def test_facts_prints_each_figure_with_its_quote_and_span():
    completed = run_cli({}, "facts", str(SEED_REPORT))
    assert completed.returncode == 0
    assert "11 figure(s):" in completed.stdout
    assert "cagr  region  Asia Pacific" in completed.stdout
    assert "[1853:1934] «Asia Pacific is anticipated to grow at a CAGR of 25.68% over the forecast period.»" in (
        completed.stdout
    )


def test_facts_exits_1_for_a_page_without_figures_and_2_for_an_unreadable_file(tmp_path):
    assert (
        run_cli({}, "facts", str(PROJECT_ROOT / "tests/data/reports/quantum-navigation-overview.txt")).returncode == 1
    )
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF\x00\x01")
    completed = run_cli({}, "facts", str(binary))
    assert completed.returncode == 2
    assert "scan.txt: binary file (NUL byte at offset 4), expected UTF-8 text" in completed.stderr


def test_build_refresh_and_audit_work_from_the_command_line_with_reliable_exit_codes(tmp_path):
    raw_dir = tmp_path / "raw"
    (raw_dir / "reports").mkdir(parents=True)
    report = raw_dir / "reports" / "space-mining-market.txt"
    report.write_bytes(SEED_REPORT.read_bytes())
    environment = {
        "RAW_DIR": str(raw_dir),
        "WAREHOUSE_PATH": str(tmp_path / "warehouse" / "markets.duckdb"),
        # as on a fresh clone under `make test`: DAGSTER_HOME names a folder no `make run` has made yet
        "DAGSTER_HOME": str(tmp_path / "dagster-home-not-made"),
    }

    assert run_cli(environment, "audit").returncode == 2  # nothing published yet
    built = run_cli(environment, "build")
    assert built.returncode == 0, built.stderr
    assert re.search(r"\] (\d+)/\1 tables and checks", built.stderr)  # the bar reaches its end
    assert f"published {tmp_path / 'warehouse' / 'markets.duckdb'}" in built.stdout

    audited = run_cli(environment, "audit")
    assert audited.returncode == 0
    assert "[page] space-mining-market: stated CAGR against the CAGR implied by the stated values" in audited.stdout
    assert run_cli(environment, "audit", "--strict").returncode == 1

    report.write_bytes(SEED_REPORT.read_bytes() + b"\nRevised.\n")
    refreshed = run_cli(environment, "refresh", str(report))
    assert refreshed.returncode == 0
    assert "reports/space-mining-market.txt: extracted again" in refreshed.stdout

    missing = run_cli({**environment, "RAW_DIR": str(tmp_path / "nowhere")}, "build")
    assert missing.returncode == 4
    assert "nothing published" in missing.stdout


def test_a_full_refresh_rebuilds_everything_an_incremental_build_would_trust(tmp_path):
    raw_dir = tmp_path / "raw"
    (raw_dir / "reports").mkdir(parents=True)
    shutil.copyfile(SEED_REPORT, raw_dir / "reports" / SEED_REPORT.name)
    warehouse = tmp_path / "warehouse" / "markets.duckdb"
    environment = {"RAW_DIR": str(raw_dir), "WAREHOUSE_PATH": str(warehouse), "DAGSTER_HOME": ""}
    assert run_cli(environment, "build").returncode == 0
    published = _market_values(warehouse)

    # what an earlier extractor left behind: rows the extraction cache vouches for, but wrong
    working = warehouse.parent / ".build" / f"{warehouse.stem}.working.duckdb"
    with duckdb.connect(str(working)) as connection:
        connection.execute("update extracted.stated_figures set value_millions = value_millions * 10")
        # and a build interrupted after extraction: the next one validates and models the cached rows again
        for stage in (VALIDATION, MODELS, PUBLISHED):
            stage.commit(connection, stage.stored(connection).rebuilding(["space-mining-market"]))
    assert run_cli(environment, "build").returncode == 0
    assert _market_values(warehouse) != published

    refreshed = run_cli(environment, "build", "--full-refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "full refresh" in refreshed.stdout
    assert _market_values(warehouse) == published


def _market_values(warehouse) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        return connection.execute(
            "select year, value_millions from marts.fct_reported_fact where metric = 'value' order by all"
        ).fetchall()
