"""Extraction fans out in buckets (by a hash of the file name) that Dagster's multiprocess executor runs side by
side; the rows are the same as one process extracting everything."""

import os
import time
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.config import Settings
from pipelines.definitions import build_warehouse_job_from_environment
from pipelines.extraction_run import bucket_of
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.warehouse.exchange import ABANDONED_AFTER_SECONDS, remove_abandoned_runs
from tests.conftest import PROJECT_ROOT, SEED_REPORT, build_warehouse, make_raw_dir

CORPUS = PROJECT_ROOT / "tests" / "data" / "reports"
BUCKETS = 4


def corpus_files() -> dict[str, bytes]:
    """The development corpus and edited copies of the seed: pages of many shapes, in every one of 4 buckets."""
    files = {path.name: path.read_bytes() for path in sorted(CORPUS.glob("*.txt"))}
    for number in range(6):
        files[f"seed-edition-{number}.txt"] = SEED_REPORT.read_bytes() + f"\nEdition {number}.\n".encode()
    assert {bucket_of(f"reports/{name}", BUCKETS) for name in files} == set(range(BUCKETS))
    return files


def extracted_rows(warehouse_path: Path) -> dict[str, list[tuple]]:
    working = Settings(warehouse_path.parent, warehouse_path).working_path
    with duckdb.connect(str(working), read_only=True) as connection:
        return {
            table: connection.execute(f"select * from extracted.{table} order by all").fetchall()
            for table in [*DOCUMENT_SCHEMAS, "extraction_outcomes"]
        }


def test_four_buckets_on_the_multiprocess_executor_run_side_by_side_and_extract_the_rows_of_one_process(
    tmp_path, monkeypatch
):
    raw_dir = make_raw_dir(tmp_path / "raw-root", corpus_files())
    alone = tmp_path / "alone" / "markets.duckdb"
    assert build_warehouse(raw_dir, alone).success  # in process, one step after another

    fanned_out = tmp_path / "fanned-out" / "markets.duckdb"
    monkeypatch.setenv("RAW_DIR", str(raw_dir))
    monkeypatch.setenv("WAREHOUSE_PATH", str(fanned_out))
    monkeypatch.setenv("EXTRACTION_BUCKETS", str(BUCKETS))
    run_config = {"execution": {"config": {"multiprocess": {"max_concurrent": BUCKETS}}}}
    with dg.instance_for_test() as instance:
        result = dg.execute_job(
            dg.reconstructable(build_warehouse_job_from_environment), instance, run_config=run_config
        )
        assert result.success
        events = instance.all_logs(result.run_id)

    bucket_steps = {f"extracted_tables.extract_bucket[bucket_{bucket}]" for bucket in range(BUCKETS)}
    launched = [event for event in events if event.step_key in bucket_steps and _is(event, "STEP_WORKER_STARTING")]
    finished = [event for event in events if event.step_key in bucket_steps and _is(event, "STEP_SUCCESS")]
    assert {event.step_key for event in finished} == bucket_steps
    # every bucket's process was started before the first bucket finished: they ran side by side
    assert max(event.timestamp for event in launched) < min(event.timestamp for event in finished)
    assert len({event.dagster_event.pid for event in finished}) == BUCKETS

    assert extracted_rows(fanned_out) == extracted_rows(alone)
    with duckdb.connect(str(fanned_out), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.dim_report").fetchone() == (len(corpus_files()),)
    assert not list((fanned_out.parent / ".build" / "extraction").glob("*")), "the run's bucket files are removed"


def _is(event, kind: str) -> bool:
    return event.dagster_event is not None and event.dagster_event.event_type_value == kind


def test_a_run_folder_left_by_a_stopped_run_is_removed_after_a_day_and_a_young_one_is_kept(tmp_path):
    abandoned, running = tmp_path / "run-stopped-yesterday", tmp_path / "run-still-going"
    for folder in (abandoned, running):
        (folder / "bucket-0").mkdir(parents=True)
    now = time.time()
    os.utime(abandoned, (now - 2 * ABANDONED_AFTER_SECONDS, now - 2 * ABANDONED_AFTER_SECONDS))
    assert remove_abandoned_runs(tmp_path, now) == [abandoned]
    assert [path.name for path in tmp_path.iterdir()] == ["run-still-going"]
