"""One odd report never blocks the others: a report that fails a check is withheld, and the others publish.

The failing input is an analyst table, raw/tables/analyst_facts.csv, stating that the C-type asteroid segment in
North America was USD 5,000 million in 2024: more than the whole market of the seed page that year (USD 2,754.6
million). No segment x region cube holds a cell larger than its margins, so the cube fitted around the stated cell
misses them, and the integrity audit sql/audits/audit_consistency_blocking_checks_pass (the blocking row 'segment x
region cube matches both forecasts' of marts.audit_consistency) fails, for that report only.

Why this input: DuckDB's CSV reader reads it (pipelines/analyst_tables.py), not the text extractor, which is being
reworked, so extraction changes cannot make it pass; and it contradicts itself outright (a part larger than the
whole), so no forecast can reproduce it. (A stated market value before the base year used to fail
market_size_reproduces_stated_values, until the market series began at the earliest stated year.)

The reports are four copies of the seed page, each with a line of its own (byte-for-byte copies are rejected).
"""

import hashlib
import json

import dagster as dg
import duckdb

from tests.conftest import SEED_REPORT, build_warehouse, run_cli

REPORTS = ["space-mining-a", "space-mining-b", "space-mining-c", "space-mining-d"]
CHECK = "audit_consistency_blocking_checks_pass"
FACTS_HEADER = "report_id,metric,scope,dimension,member,within_region,year,value,unit,note\n"
CELL_LARGER_THAN_THE_MARKET = (
    "{report_id},value,segment,asteroid type,C-type,North America,2024,5000,million,larger than the whole market\n"
)
SEED_MARKET = [(2024, 2754.6, "reported"), (2025, 3411.8, "reported"), (2032, 16068.6, "reported")]


def four_reports(root):
    raw_dir = root / "raw"
    (raw_dir / "reports").mkdir(parents=True)
    for report_id in REPORTS:
        (raw_dir / "reports" / f"{report_id}.txt").write_bytes(
            SEED_REPORT.read_bytes() + f"\nCopy {report_id}.\n".encode()
        )
    return raw_dir, root / "warehouse" / "markets.duckdb"


def state_impossible_cells(raw_dir, report_ids):
    (raw_dir / "tables").mkdir(exist_ok=True)
    rows = "".join(CELL_LARGER_THAN_THE_MARKET.format(report_id=report_id) for report_id in report_ids)
    (raw_dir / "tables" / "analyst_facts.csv").write_text(FACTS_HEADER + rows, encoding="utf-8")


def query(warehouse_path, sql, parameters=None):
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        return connection.execute(sql, parameters or []).fetchall()


def tables_with_report_id(warehouse_path):
    return [
        table
        for (table,) in query(
            warehouse_path,
            "select table_name from duckdb_columns() where schema_name = 'marts' and column_name = 'report_id' "
            "order by table_name",
        )
    ]


def rows_of(warehouse_path, report_id):
    """Every row of the report in every published table that has a report_id, sorted."""
    return {
        table: sorted(query(warehouse_path, f"select * from marts.{table} where report_id = ?", [report_id]), key=repr)
        for table in tables_with_report_id(warehouse_path)
        if table != "meta_withheld"
    }


def market_series(warehouse_path):
    return query(
        warehouse_path,
        "select report_id, year, round(value_usd_m, 1), basis from marts.fct_market_size "
        "where basis = 'reported' order by report_id, year",
    )


def check_evaluation(result, name):
    (evaluation,) = [event for event in result.get_asset_check_evaluations() if event.check_name == name]
    return evaluation


def test_a_report_failing_a_check_is_withheld_while_the_three_others_publish(tmp_path):
    raw_dir, warehouse_path = four_reports(tmp_path)
    state_impossible_cells(raw_dir, ["space-mining-d"])

    result = build_warehouse(raw_dir, warehouse_path)

    assert result.success
    assert dg.AssetKey("published_warehouse") in {e.asset_key for e in result.get_asset_materialization_events()}
    assert query(warehouse_path, "select report_id, status from marts.dim_report order by report_id") == [
        ("space-mining-a", "published"),
        ("space-mining-b", "published"),
        ("space-mining-c", "published"),
    ]
    assert market_series(warehouse_path) == [
        (report_id, year, value, basis) for report_id in REPORTS[:3] for year, value, basis in SEED_MARKET
    ]
    published_tables = tables_with_report_id(warehouse_path)
    assert {"dim_report", "fct_market_size", "fct_segment_region_forecast", "audit_consistency"} <= set(
        published_tables
    )
    assert {table: rows for table, rows in rows_of(warehouse_path, "space-mining-d").items() if rows} == {}
    # the market's consensus counts the three published reports, never the withheld one
    assert query(warehouse_path, "select reports, report_ids from marts.fct_market_consensus where year = 2024") == [
        (3, "space-mining-a,space-mining-b,space-mining-c")
    ]
    assert query(warehouse_path, "select market_id, reports from marts.dim_market") == [("space-mining", 3)]

    withheld = query(
        warehouse_path,
        "select report_id, source_file, check_name, model, failing_rows, kept_previous_rows, first_failing_rows "
        "from marts.meta_withheld",
    )
    assert [row[:6] for row in withheld] == [
        ("space-mining-d", "reports/space-mining-d.txt", CHECK, "marts.audit_consistency", 1, False)
    ]
    (first_row,) = json.loads(withheld[0][6])
    implied = first_row.pop("implied")
    assert first_row == {
        "report_id": "space-mining-d",
        "check_name": "segment x region cube matches both forecasts",
        "dimension": "asteroid type",
        "member": None,
        "period": "2024",
        "stated": 0.0,
        "detail": "largest relative difference between a margin of the cube and its forecast",
    }
    assert implied > 1  # a cell larger than the whole market misses its margins by more than 100 %

    evaluation = check_evaluation(result, CHECK)
    assert not evaluation.passed
    assert evaluation.severity == dg.AssetCheckSeverity.ERROR
    assert evaluation.metadata["outcome"].value == "withholds 1 report(s)"
    assert evaluation.metadata["reports"].value == [
        {"report_id": "space-mining-d", "source_file": "reports/space-mining-d.txt", "failing_rows": 1}
    ]
    sample = evaluation.metadata["sample"].value
    assert sample.startswith("| report_id | source_file | check_name |")
    assert "| space-mining-d | reports/space-mining-d.txt | segment x region cube matches both forecasts |" in sample


def built_how(result, table):
    (how,) = [
        event.materialization.metadata["built"].value
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(table.split("."))
    ]
    return how


def test_a_published_report_that_now_fails_keeps_its_last_good_rows_until_it_passes_again(tmp_path):
    raw_dir, warehouse_path = four_reports(tmp_path)
    assert build_warehouse(raw_dir, warehouse_path).success
    last_good = rows_of(warehouse_path, "space-mining-d")
    assert len(last_good["fct_segment_region_forecast"]) == 585

    state_impossible_cells(raw_dir, ["space-mining-d"])
    withheld = build_warehouse(raw_dir, warehouse_path)
    assert withheld.success
    stale = rows_of(warehouse_path, "space-mining-d")
    (dim_report,) = stale.pop("dim_report")
    (good_dim_report,) = last_good.pop("dim_report")
    assert dim_report[-1] == f"stale: {CHECK}"
    assert dim_report[:-1] == good_dim_report[:-1] and good_dim_report[-1] == "published"
    assert stale == last_good  # the analyst table's figure is not published either: fct_reported_fact is as before
    assert query(warehouse_path, "select report_id, kept_previous_rows from marts.meta_withheld") == [
        ("space-mining-d", True)
    ]
    assert query(warehouse_path, "select count(*) from marts.dim_report where status = 'published'") == [(3,)]

    # Nothing changed: the withheld report alone is rebuilt and checked again, and still withheld.
    again = build_warehouse(raw_dir, warehouse_path)
    assert again.success
    assert built_how(again, "marts.fct_market_size") == "rows of 1 changed report(s) rebuilt"
    assert not check_evaluation(again, CHECK).passed
    assert query(warehouse_path, "select status from marts.dim_report where report_id = 'space-mining-d'") == [
        (f"stale: {CHECK}",)
    ]

    # The analyst table is corrected: the report is rebuilt, passes and is published again.
    (raw_dir / "tables" / "analyst_facts.csv").unlink()
    repaired = build_warehouse(raw_dir, warehouse_path)
    assert repaired.success
    assert check_evaluation(repaired, CHECK).passed
    assert query(warehouse_path, "select count(*) from marts.meta_withheld") == [(0,)]
    assert query(warehouse_path, "select report_id, status from marts.dim_report order by report_id") == [
        (report_id, "published") for report_id in REPORTS
    ]
    assert market_series(warehouse_path) == [
        (report_id, year, value, basis) for report_id in REPORTS for year, value, basis in SEED_MARKET
    ]


def test_the_command_line_names_the_withheld_report_and_exits_5(tmp_path):
    raw_dir, warehouse_path = four_reports(tmp_path)
    state_impossible_cells(raw_dir, ["space-mining-d"])
    dagster_home = tmp_path / "dagster_home"
    dagster_home.mkdir()
    environment = {"RAW_DIR": str(raw_dir), "WAREHOUSE_PATH": str(warehouse_path), "DAGSTER_HOME": str(dagster_home)}

    built = run_cli(environment, "build")
    assert built.returncode == 5, built.stderr
    lines = built.stdout.splitlines()
    assert lines[0] == "published 3 reports; withheld 1:"
    assert lines[1].startswith(
        f"  reports/space-mining-d.txt: {CHECK} (marts.audit_consistency): segment x region cube matches both "
        "forecasts: dimension asteroid type, period 2024, stated 0, implied "
    )
    assert lines[1].endswith(
        "(largest relative difference between a margin of the cube and its forecast) [absent: never published]"
    )
    assert lines[2] == f"published {warehouse_path}"
    assert "Traceback" not in built.stderr and "Stack Trace" not in built.stderr

    refreshed = run_cli(environment, "refresh", str(raw_dir / "reports" / "space-mining-d.txt"))
    assert refreshed.returncode == 5
    assert "reports/space-mining-d.txt: withheld:\n" in refreshed.stdout

    audited = run_cli(environment, "audit")
    assert audited.returncode == 5
    assert "withheld by the latest build: 1\n  reports/space-mining-d.txt: " in audited.stdout

    missing = run_cli(environment, "refresh", str(raw_dir / "reports" / "no-such-report.txt"))
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"{raw_dir / 'reports' / 'no-such-report.txt'}: no such file"

    (raw_dir / "reports" / "scan.txt").write_bytes(b"%PDF\x00\x01")
    rejected = run_cli(environment, "refresh", str(raw_dir / "reports" / "scan.txt"))
    assert rejected.returncode == 2
    assert (
        "reports/scan.txt: rejected: reports/scan.txt: binary file (NUL byte at offset 4), expected UTF-8 text"
        in rejected.stdout
    )

    # The builds are in the Dagster instance of DAGSTER_HOME, as the UI's run history shows them.
    with dg.DagsterInstance.from_config(str(dagster_home)) as instance:
        assert [run.job_name for run in instance.get_runs()] == ["build_warehouse"] * 3


def test_a_check_failing_for_every_report_stops_the_whole_publish(tmp_path):
    raw_dir, warehouse_path = four_reports(tmp_path)
    assert build_warehouse(raw_dir, warehouse_path).success
    before = hashlib.sha256(warehouse_path.read_bytes()).hexdigest()
    state_impossible_cells(raw_dir, REPORTS)

    result = build_warehouse(raw_dir, warehouse_path)

    assert not result.success
    assert dg.AssetKey("published_warehouse") not in {e.asset_key for e in result.get_asset_materialization_events()}
    assert hashlib.sha256(warehouse_path.read_bytes()).hexdigest() == before
    (failure,) = [event for event in result.all_events if event.event_type == dg.DagsterEventType.STEP_FAILURE]
    assert failure.event_specific_data.error.cls_name == "PublishStopped"
    first_row = (
        "  first failing row: report_id space-mining-{}, check_name segment x region cube matches both forecasts, "
        "dimension asteroid type, period 2024, stated 0, implied 5.83141, "
        "detail largest relative difference between a margin of the cube and its forecast"
    )
    stop_message = [
        "1 check(s) failed beyond withholding reports, so nothing is published: marts.audit_consistency "
        f"{CHECK}: it fails for 4 of 4 reports, more than max(3, 10 %): a bug, not a page",
        first_row.format("a"),
        first_row.format("b"),
        first_row.format("c"),
    ]
    assert failure.event_specific_data.error.message.strip().endswith("\n".join(stop_message))
    assert check_evaluation(result, CHECK).metadata["outcome"].value == (
        "stops the publish: it fails for 4 of 4 reports, more than max(3, 10 %): a bug, not a page"
    )

    environment = {"RAW_DIR": str(raw_dir), "WAREHOUSE_PATH": str(warehouse_path)}
    stopped = run_cli({**environment, "DAGSTER_HOME": ""}, "build")
    assert stopped.returncode == 3
    assert stopped.stdout.splitlines() == [*stop_message, f"nothing published; {warehouse_path} is unchanged"]
    assert "Traceback" not in stopped.stderr and "Stack Trace" not in stopped.stderr
