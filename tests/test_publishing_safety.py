"""A failed build or a failed check never touches the published warehouse; bad documents never stop good ones."""

import hashlib
import subprocess
import sys

import dagster as dg
import duckdb
import pytest

from pipelines.config import Settings
from pipelines.warehouse.state import VALIDATION
from tests.conftest import PUBLISHED_FOLDER, SEED_REPORT, build_warehouse

DUCKDB_1X = "duckdb==1.4.4"


def file_digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_failing_blocking_check_stops_publishing_and_keeps_the_last_good_file(published):
    raw_dir, warehouse_path = published
    before = file_digest(warehouse_path)
    # Simulate a defect upstream of the marts: the same figure twice in the validated table.
    working_path = Settings(raw_dir, warehouse_path).working_path
    with duckdb.connect(str(working_path)) as connection:
        connection.execute(
            "insert into validated.stated_figures select * from validated.stated_figures where metric = 'cagr' limit 1"
        )
        # written as validation writes: recorded as a rewrite of that report, which the models then rebuild
        (report_id,) = connection.execute("select any_value(report_id) from validated.stated_figures").fetchone()
        VALIDATION.commit(connection, VALIDATION.stored(connection).rebuilding([report_id]))
    downstream = dg.AssetSelection.groups("warehouse", "publish")
    result = build_warehouse(raw_dir, warehouse_path, selection=downstream)

    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    assert [(e.asset_key.to_user_string(), e.check_name) for e in failed] == [
        ("marts/fct_reported_fact", "unique__fact_id")
    ]
    materialized = {event.asset_key for event in result.get_asset_materialization_events()}
    assert dg.AssetKey("published_warehouse") not in materialized
    assert file_digest(warehouse_path) == before


def test_a_build_that_fails_early_leaves_the_published_file_untouched(published, tmp_path):
    _, warehouse_path = published
    before = file_digest(warehouse_path)
    result = build_warehouse(tmp_path / "no-such-folder", warehouse_path)
    assert not result.success
    assert file_digest(warehouse_path) == before
    assert not [path for path in warehouse_path.parent.iterdir() if ".publishing" in path.name]


@pytest.fixture(scope="session")
def duckdb_1x_path(tmp_path_factory):
    """DuckDB 1.x installed beside the project's 2.x, to open the published file as older BI tools do."""
    target = tmp_path_factory.mktemp("duckdb-1x")
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), DUCKDB_1X],
        check=True,
    )
    return target


def test_published_file_opens_read_only_in_duckdb_1x(published, duckdb_1x_path):
    _, warehouse_path = published
    script = (
        "import sys, duckdb; "
        "c = duckdb.connect(sys.argv[1], read_only=True); "
        "print(duckdb.__version__, c.execute('select sum(value_usd_m) from marts.fct_market_size').fetchone()[0])"
    )
    completed = subprocess.run(
        [
            sys.executable,
            "-I",
            "-c",
            f"import sys; sys.path.insert(0, {str(duckdb_1x_path)!r}); {script}",
            str(warehouse_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    version, total = completed.stdout.split()
    assert version.startswith("1.")
    assert float(total) > 16068.6


def test_a_refresh_patches_a_copy_of_the_published_file_which_duckdb_1x_still_opens(published, duckdb_1x_path):
    raw_dir, warehouse_path = published
    seed = raw_dir / "reports" / "space-mining-market.txt"
    seed.write_bytes(seed.read_bytes().replace(b"USD 997.7 million", b"USD 991.2 million"))
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    (publish,) = [e for e in result.get_asset_materialization_events() if e.asset_key.path == ["published_warehouse"]]
    assert publish.materialization.metadata["published"].value.startswith("rows of 1 changed report(s) rewritten")
    script = (
        "import sys, duckdb; c = duckdb.connect(sys.argv[1], read_only=True); print(duckdb.__version__, "
        "c.execute(\"select value_usd_m from marts.fct_reported_fact where member = 'C-type'\").fetchone()[0])"
    )
    completed = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(duckdb_1x_path)!r}); {script}",
         str(warehouse_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    version, c_type = completed.stdout.split()
    assert (version[:2], float(c_type)) == ("1.", 991.2)


def test_a_refresh_patches_the_tables_that_combine_reports_to_hold_exactly_the_builds_rows(published):
    raw_dir, warehouse_path = published
    seed = raw_dir / "reports" / "space-mining-market.txt"
    seed.write_bytes(seed.read_bytes().replace(b"USD 997.7 million", b"USD 991.2 million"))
    assert build_warehouse(raw_dir, warehouse_path).success
    working = Settings(raw_dir=raw_dir, warehouse_path=warehouse_path).working_path
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        connection.execute(f"attach '{working}' as working (read_only)")
        (published_db,) = connection.execute("select current_database()").fetchone()
        tables = [
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where database_name = current_database()"
            ).fetchall()
            if name not in ("meta_publish", "meta_withheld")
        ]
        assert {"dim_report", "dim_region", "fct_market_estimate", "meta_input"} <= set(tables)
        for table in tables:
            published_only, built_only = (
                connection.execute(
                    f"select count(*) from (select * from {first}.marts.{table} except all "
                    f"select * from {second}.marts.{table})"
                ).fetchone()[0]
                for first, second in ((f'"{published_db}"', "working"), ("working", f'"{published_db}"'))
            )
            assert (table, published_only, built_only) == (table, 0, 0)


def test_a_copy_abandoned_by_a_killed_publish_is_cleaned_up_by_the_next_build(published):
    raw_dir, warehouse_path = published
    abandoned = warehouse_path.with_name(f".{warehouse_path.name}.0123abcd.publishing")
    abandoned.write_bytes(b"half a database")
    assert build_warehouse(raw_dir, warehouse_path).success
    assert sorted(path.name for path in warehouse_path.parent.iterdir()) == PUBLISHED_FOLDER


def test_publishes_patch_the_file_in_a_row_until_every_so_many_then_copy_every_table_to_compact_it(
    published, monkeypatch
):
    from pipelines.warehouse import publish

    monkeypatch.setattr(publish, "PATCHES_BETWEEN_WHOLE_COPIES", 3)
    raw_dir, warehouse_path = published
    seed = raw_dir / "reports" / "space-mining-market.txt"
    counts, hows = [], []
    for figure in (b"991.2", b"991.3", b"991.4", b"991.5"):
        seed.write_bytes(SEED_REPORT.read_bytes().replace(b"997.7", figure))
        result = build_warehouse(raw_dir, warehouse_path)
        assert result.success
        (materialization,) = [
            event.materialization
            for event in result.get_asset_materialization_events()
            if event.asset_key == dg.AssetKey("published_warehouse")
        ]
        hows.append(materialization.metadata["published"].value.split(",")[0])
        with duckdb.connect(str(warehouse_path), read_only=True) as connection:
            counts.append(connection.execute("select patches_since_whole_copy from marts.meta_publish").fetchone()[0])
            stated = connection.execute(
                "select count(*) from marts.fct_reported_fact where value_millions = ?", [float(figure)]
            ).fetchone()[0]
        assert stated >= 1
    assert counts == [1, 2, 0, 1]
    patched = "rows of 1 changed report(s) rewritten in a copy of the published file"
    assert hows == [patched, patched, "every table copied", patched]
