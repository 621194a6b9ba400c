"""Crash safety and concurrent readers: a build killed at any point leaves the published warehouse a complete
earlier or later build, the next run needs no cleanup, and readers holding the file keep a consistent snapshot."""

import os
import signal
import subprocess
import sys
import time

import duckdb
import sqlalchemy as sa

from tests.conftest import PROJECT_ROOT, PUBLISHED_FOLDER, build_warehouse

SECOND_REPORT = "Lunar Water Market\n\nThe global lunar water market size was valued at USD 120.5 million in 2024.\n"
BUILD = (
    "import sys; from pathlib import Path; from tests.conftest import build_warehouse; "
    "result = build_warehouse(Path(sys.argv[1]), Path(sys.argv[2])); "
    "print('BUILD SUCCEEDED' if result.success else 'BUILD FAILED', file=sys.stderr, flush=True)"
)
# Lines of the build's own log at which it is killed: one point per stage, eleven in all (extraction twice: before
# its buckets are written, and once they are written but not loaded).
KILL_POINTS = [
    "raw_documents - STEP_START",
    "extracted_tables.plan_extraction - STEP_START",
    "extracted_tables.load_extracted_rows - STEP_START",
    "validated_tables - STEP_START",
    "building staging.stg_stated_figures",
    "building intermediate.int_member_forecast",
    "building marts.fct_segment_region_forecast",
    "checking marts.audit_consistency",
    "published_warehouse - STEP_START",
    "published_warehouse - STEP_OUTPUT",
    "BUILD SUCCEEDED",
]


def start_build(raw_dir, warehouse_path):
    return subprocess.Popen(
        [sys.executable, "-c", BUILD, str(raw_dir), str(warehouse_path)],
        cwd=PROJECT_ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )


def kill_when_logged(process, marker, timeout=120):
    """SIGKILL the build as soon as its log shows ``marker``; True if it was killed there."""
    deadline = time.monotonic() + timeout
    for line in process.stderr:
        if marker in line:
            process.send_signal(signal.SIGKILL)
            process.wait()
            return True
        if time.monotonic() > deadline:
            break
    process.wait()
    return False


def published_state(warehouse_path):
    """(reports, blocking failures, meta_publish rows) of the published file, read in a fresh process."""
    script = (
        "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); "
        "print(c.execute('select count(*) from marts.dim_report').fetchone()[0], "
        "c.execute('select count(*) from marts.audit_consistency where blocking and not passed').fetchone()[0], "
        "c.execute('select count(*) from marts.meta_publish').fetchone()[0], "
        "c.execute('select count(*) from duckdb_tables() where schema_name = \\'marts\\'').fetchone()[0])"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script, str(warehouse_path)], capture_output=True, text=True, check=True
    )
    return tuple(int(number) for number in completed.stdout.split())


def test_a_build_killed_at_any_of_eleven_points_leaves_a_complete_published_build(published):
    raw_dir, warehouse_path = published
    second = raw_dir / "reports" / "lunar-water.txt"
    killed_at = []
    for number, marker in enumerate(KILL_POINTS):
        # alternate the inputs so that an old and a new build can be told apart
        if number % 2 == 0:
            second.write_text(SECOND_REPORT, encoding="utf-8")
        else:
            second.unlink()
        if kill_when_logged(start_build(raw_dir, warehouse_path), marker):
            killed_at.append(marker)
        reports, blocking_failures, publish_rows, tables = published_state(warehouse_path)
        assert reports in (1, 2)
        assert (blocking_failures, publish_rows, tables) == (0, 1, 22)
    assert killed_at == KILL_POINTS
    # the next run needs no cleanup: it succeeds and leaves no private copies behind
    assert build_warehouse(raw_dir, warehouse_path).success
    assert published_state(warehouse_path)[0] == (2 if second.exists() else 1)
    assert sorted(path.name for path in warehouse_path.parent.iterdir()) == PUBLISHED_FOLDER


# A Superset-like reader in its own process: SQLAlchemy with duckdb-engine and the default connection pool. It
# reads, waits for a line on stdin, and reads again on the same pooled connection.
SQLALCHEMY_READER = """
import sys, sqlalchemy as sa
engine = sa.create_engine("duckdb:///" + sys.argv[1], connect_args={"read_only": True})
with engine.connect() as connection:
    def state():
        reports = connection.execute(sa.text("select count(*) from marts.dim_report")).scalar_one()
        run_id = connection.execute(sa.text("select run_id from marts.meta_publish")).scalar_one()
        return f"{reports} {run_id}"
    print(state(), flush=True)
    sys.stdin.readline()
    print(state(), flush=True)
"""


def test_readers_holding_the_file_keep_their_snapshot_while_a_refresh_publishes(published):
    raw_dir, warehouse_path = published
    reader = duckdb.connect(str(warehouse_path), read_only=True)
    superset_like = subprocess.Popen(
        [sys.executable, "-c", SQLALCHEMY_READER, str(warehouse_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    before = superset_like.stdout.readline().split()
    assert before[0] == "1"

    (raw_dir / "reports" / "lunar-water.txt").write_text(SECOND_REPORT, encoding="utf-8")
    refresh = subprocess.run(
        [sys.executable, "-c", BUILD, str(raw_dir), str(warehouse_path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
    )
    assert "BUILD SUCCEEDED" in refresh.stderr

    # both readers still see the build they opened, whole and consistent
    superset_like.stdin.write("go\n")
    superset_like.stdin.flush()
    assert superset_like.stdout.readline().split() == before
    assert superset_like.wait(timeout=30) == 0
    assert reader.execute("select count(*) from marts.dim_report").fetchone() == (1,)
    assert reader.execute("select run_id from marts.meta_publish").fetchone() == (before[1],)
    reader.close()

    # a new connection sees the new build, through SQLAlchemy as through DuckDB
    fresh = sa.create_engine(
        f"duckdb:///{warehouse_path}", connect_args={"read_only": True}, poolclass=sa.pool.NullPool
    )
    with fresh.connect() as connection:
        assert connection.execute(sa.text("select count(*) from marts.dim_report")).scalar_one() == 2
        assert connection.execute(sa.text("select run_id from marts.meta_publish")).scalar_one() != before[1]


def test_a_report_added_by_a_killed_build_and_removed_before_the_next_leaves_no_row_anywhere(published):
    raw_dir, warehouse_path = published
    second = raw_dir / "reports" / "lunar-water.txt"
    second.write_text(SECOND_REPORT, encoding="utf-8")
    # killed after the intermediate models and some marts hold the new report's rows
    assert kill_when_logged(start_build(raw_dir, warehouse_path), "building marts.fct_segment_region_forecast")
    second.unlink()
    assert build_warehouse(raw_dir, warehouse_path).success
    working_path = warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb"
    for path in (working_path, warehouse_path):
        with duckdb.connect(str(path), read_only=True) as connection:
            tables = connection.execute(
                "select schema_name || '.' || table_name from duckdb_columns() "
                "where column_name = 'report_id' and schema_name in ('extracted', 'validated', 'intermediate', 'marts')"
            ).fetchall()
            assert len(tables) >= 10
            for (table,) in tables:
                (rows,) = connection.execute(f"select count(*) from {table} where report_id = 'lunar-water'").fetchone()
                assert rows == 0, f"{path.name}: {table}"
