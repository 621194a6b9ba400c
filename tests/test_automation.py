"""The sensor starts a build when raw/ changes and only then; the daily schedule is defined as documented; a
sensor-started run loads a new report by itself."""

import os
import time

import dagster as dg
import duckdb

from pipelines.automation import describe_changes, scan_raw_folder
from pipelines.config import Settings
from pipelines.definitions import build_definitions
from pipelines.resources import build_resources
from tests.conftest import SEED_REPORT, make_raw_dir

NEW_REPORT = "Lunar Water Market\n\nThe global lunar water market size was valued at USD 120.5 million in 2024.\n"


def sensor_tick(definitions, cursor, settings):
    sensor = definitions.resolve_sensor_def("raw_folder_sensor")
    with dg.build_sensor_context(cursor=cursor, resources=build_resources(settings)) as context:
        return sensor.evaluate_tick(context)


def test_the_sensor_requests_a_run_for_new_changed_or_removed_files_and_none_for_an_unchanged_tree(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    settings = Settings(raw_dir, tmp_path / "warehouse" / "markets.duckdb")
    definitions = build_definitions(settings)

    first = sensor_tick(definitions, None, settings)
    assert len(first.run_requests) == 1
    assert first.run_requests[0].tags["raw/new"] == "1"

    unchanged = sensor_tick(definitions, first.cursor, settings)
    assert unchanged.run_requests == []
    assert unchanged.skip_message == "no file added, changed or removed among 1 under raw/"

    (raw_dir / "reports" / "lunar-water.txt").write_text(NEW_REPORT, encoding="utf-8")
    (raw_dir / "reports" / "space-mining-market.txt").write_bytes(SEED_REPORT.read_bytes() + b"\nUpdated.\n")
    changed = sensor_tick(definitions, unchanged.cursor or first.cursor, settings)
    (request,) = changed.run_requests
    assert (request.tags["raw/new"], request.tags["raw/changed"], request.tags["raw/removed"]) == ("1", "1", "0")
    assert request.run_key != first.run_requests[0].run_key


def test_the_daily_schedule_runs_the_full_build_at_six_utc_and_starts_switched_off(tmp_path):
    definitions = build_definitions(Settings(tmp_path / "raw", tmp_path / "warehouse" / "markets.duckdb"))
    schedule = definitions.resolve_schedule_def("daily_full_refresh")
    assert (schedule.cron_schedule, schedule.execution_timezone, schedule.job_name) == (
        "0 6 * * *",
        "UTC",
        "build_warehouse",
    )
    assert schedule.default_status == dg.DefaultScheduleStatus.STOPPED
    assert definitions.resolve_sensor_def("raw_folder_sensor").default_status == dg.DefaultSensorStatus.RUNNING


def test_a_report_dropped_into_raw_appears_in_the_warehouse_after_the_sensor_ticks(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    settings = Settings(raw_dir, warehouse_path)
    definitions = build_definitions(settings)
    instance = dg.DagsterInstance.ephemeral()
    job = definitions.resolve_job_def("build_warehouse")

    tick = sensor_tick(definitions, None, settings)
    assert job.execute_in_process(instance=instance, tags=tick.run_requests[0].tags).success

    (raw_dir / "reports" / "lunar-water.txt").write_text(NEW_REPORT, encoding="utf-8")
    tick = sensor_tick(definitions, tick.cursor, settings)
    (request,) = tick.run_requests
    assert job.execute_in_process(instance=instance, tags=request.tags).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select report_id from marts.dim_report order by 1").fetchall() == [
            ("lunar-water",),
            ("space-mining-market",),
        ]


def test_a_tick_over_unchanged_files_reads_none_of_them_and_a_rewrite_is_found_by_its_stamp(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number}.txt": f"Page {number}.\n".encode() for number in range(3)})
    long_ago = time.time_ns() - 10 * 10**9
    for path in (raw_dir / "reports").iterdir():
        os.utime(path, ns=(long_ago, long_ago))
    first, read = scan_raw_folder(raw_dir, None)
    assert read == 3

    second, read = scan_raw_folder(raw_dir, first)
    assert (read, second.files) == (0, first.files)

    (raw_dir / "reports" / "report-1.txt").write_bytes(b"Page 9.\n")  # same size, new modification time
    third, read = scan_raw_folder(raw_dir, second)
    assert read == 1
    assert describe_changes(second, third) == {"new": [], "changed": ["reports/report-1.txt"], "removed": []}
