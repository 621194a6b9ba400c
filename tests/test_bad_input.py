"""Bad input of every kind gets a specific reason, the good documents in the same run still load, nothing under
raw/ is touched, every input is accounted for, and a re-run over the same inputs changes nothing."""

import hashlib
import os
import shutil

import duckdb
import pytest

from tests.conftest import SEED_REPORT, build_warehouse, make_raw_dir

HOSTILE = "'); drop table marts.dim_report; --"
GOOD_PAGE = "Lunar Water Market\n\nThe global lunar water market size was valued at USD 120.5 million in 2024.\n"
HUGE_BYTES = 100 * 1024 * 1024
MAX_BYTES = 50 * 1024 * 1024

PAGES = {
    "space-mining-market.txt": SEED_REPORT.read_bytes(),
    "Lunar Water — données (copy)..v2.txt": GOOD_PAGE.encode("utf-8"),
    "utf16.txt": GOOD_PAGE.replace("Lunar Water", "Ice Mining").replace("lunar water", "ice mining").encode("utf-16"),
    "cp1252.txt": "Regolith Market\n\nThe market for régolithe reached € 5 million in 2024.\n".encode("cp1252"),
    "orbital.html": (
        b"<html><head><title>Orbital Tug Market</title><script>var x = 'USD 9 billion in 2024';</script></head>"
        b"<body><p>The orbital tug market was valued at USD 310 million in 2024.</p></body></html>"
    ),
    "million-lines.txt": b"Telemetry Log Market\n" + b"ok\n" * 1_000_000,
    "no-figures.txt": b"Quantum Sensing Market\n\nAn overview of the technology, with no numbers at all.\n",
    "empty.txt": b"",
    "scan.txt": b"%PDF-1.7\x00\x01\x02",
    "undecodable.txt": b"Market \x81\x90 text",
    "decimal-comma.txt": b"Heat Pump Market\n\nThe market reached EUR 3,5 million in 2024.\n",
    "absurd.txt": (
        b"Absurd Market\n\nPages: 10 | Base Year: 2024\n\n"
        b"The global absurd market size was valued at USD 50 million in 2024.\n"
        b"The market was valued at USD -2.5 billion in 2025.\n"
        b"North America held a share of 140% in 2024.\n"
        b"The market is projected to grow at a CAGR of 5000% from 2025 to 2032.\n"
        b"The market was worth USD 7 million in 1850.\n"
        b"The market will reach USD 900 million by 3032.\n"
    ),
    "contradictory.txt": (
        b"Drone Market\n\nThe drone market was valued at USD 1.42 billion in 2024.\n"
        b"Later on the page: the drone market was valued at USD 1.38 billion in 2024.\n"
    ),
    "hostile.txt": (
        f"Hostile Market\n\nBy Type\nAlpha, Robert{HOSTILE}\n\nThe Alpha segment earned USD 5 million in 2024.\n"
    ).encode(),
    f"{HOSTILE}.txt": GOOD_PAGE.replace("Lunar Water", "Bobby Tables").replace("lunar water", "bobby tables").encode(),
    "z-copy-of-space-mining.txt": SEED_REPORT.read_bytes(),
    ".DS_Store": b"\x00\x00\x00\x01Bud1",
}
TABLES = {
    "region_weights.csv": "\ufeffregion,weight\nNorth America,2\nEurope,1\n",
    "segment_weights.csv": "dimension,member\nasteroid type,C-type\n",
    "country_weights.csv": "region,country,weight,colour\nEurope,France,1,blue\n",
    "reported_facts.csv": (
        "report_id,metric,scope,year,value,unit\n"
        "space-mining-market,value,market,2026,abc,million\n"
        "space-mining-market,value,market,20x6,5,million\n"
    ),
}


def tree_digest(folder):
    """Names, sizes, modification times and contents of every file under ``folder``."""
    entries = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            stat = path.stat()
            entries.append((str(path.relative_to(folder)), stat.st_size, stat.st_mtime_ns, path.read_bytes()))
        elif path.is_symlink():
            entries.append((str(path.relative_to(folder)), os.readlink(path)))
    return hashlib.sha256(repr(entries).encode()).hexdigest()


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("bad-input")
    raw_dir = make_raw_dir(root, PAGES)
    with open(raw_dir / "reports" / "huge.txt", "wb") as huge:
        huge.truncate(HUGE_BYTES)  # a 100 MB file (sparse): its size alone must reject it
    outside = root / "outside-secret.txt"
    outside.write_text(GOOD_PAGE, encoding="utf-8")
    (raw_dir / "reports" / "link-outside.txt").symlink_to(outside)
    (raw_dir / "tables").mkdir()
    for name, text in TABLES.items():
        (raw_dir / "tables" / name).write_text(text, encoding="utf-8")
    before = tree_digest(raw_dir)
    warehouse_path = root / "warehouse" / "markets.duckdb"
    result = build_warehouse(raw_dir, warehouse_path)
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield result, connection, raw_dir, warehouse_path, before


def query(connection, sql, parameters=()):
    return connection.execute(sql, list(parameters)).fetchall()


def rejection(connection, source_file):
    return query(connection, "select reason from marts.meta_rejection where source_file = ?", [source_file])


def test_the_build_succeeds_and_the_good_documents_load(bad_build):
    result, connection, *_ = bad_build
    assert result.success
    loaded = {row[0] for row in query(connection, "select source_file from marts.dim_report")}
    assert loaded == {
        "reports/space-mining-market.txt",
        "reports/Lunar Water — données (copy)..v2.txt",
        "reports/utf16.txt",
        "reports/cp1252.txt",
        "reports/orbital.html",
        "reports/million-lines.txt",
        "reports/no-figures.txt",
        "reports/decimal-comma.txt",
        "reports/absurd.txt",
        "reports/contradictory.txt",
        "reports/hostile.txt",
        f"reports/{HOSTILE}.txt",
    }
    assert query(
        connection, "select count(*) from marts.fct_reported_fact where report_id = 'space-mining-market'"
    ) == [(11,)]


def test_empty_binary_and_undecodable_files_are_rejected_with_the_position_and_what_was_expected(bad_build):
    _, connection, *_ = bad_build
    assert rejection(connection, "reports/empty.txt") == [("reports/empty.txt: empty file (0 bytes)",)]
    assert rejection(connection, "reports/scan.txt") == [
        ("reports/scan.txt: binary file (NUL byte at offset 8), expected UTF-8 text",)
    ]
    assert rejection(connection, "reports/undecodable.txt") == [
        (
            "reports/undecodable.txt: not valid UTF-8 (byte 0x81 at offset 7) nor Windows-1252 (byte 0x81 at "
            "offset 7); save the file as UTF-8",
        )
    ]


def test_utf16_and_windows_1252_pages_are_decoded_and_their_figures_load(bad_build):
    _, connection, *_ = bad_build
    assert query(
        connection,
        "select report_id, encoding, stated_figures from marts.dim_report "
        "where report_id in ('utf16', 'cp1252') order by 1",
    ) == [("cp1252", "cp1252", 1), ("utf16", "utf-16", 1)]
    assert query(
        connection, "select value_millions, currency from marts.fct_reported_fact where report_id = 'cp1252'"
    ) == [(5.0, "EUR")]


def test_an_html_page_loads_from_its_visible_text(bad_build):
    _, connection, *_ = bad_build
    assert query(connection, "select year, value_usd_m from marts.fct_reported_fact where report_id = 'orbital'") == [
        (2024, 310.0)
    ]


def test_a_file_over_the_size_limit_is_rejected_by_its_size_without_being_read(bad_build):
    _, connection, *_ = bad_build
    assert rejection(connection, "reports/huge.txt") == [
        (f"reports/huge.txt: {HUGE_BYTES} bytes is over the {MAX_BYTES} byte limit",)
    ]


def test_a_page_of_a_million_lines_and_a_page_without_figures_load_with_zero_figures(bad_build):
    _, connection, *_ = bad_build
    assert query(
        connection,
        "select report_id, stated_figures from marts.dim_report "
        "where report_id in ('million-lines', 'no-figures') order by 1",
    ) == [("million-lines", 0), ("no-figures", 0)]


def test_decimal_commas_and_absurd_values_are_quarantined_with_the_rule_they_break(bad_build):
    _, connection, *_ = bad_build
    quarantined = query(
        connection,
        "select report_id, reason from marts.meta_quarantine "
        "where report_id in ('decimal-comma', 'absurd') order by report_id, char_start",
    )
    assert quarantined == [
        ("absurd", "'USD -2.5 billion' at 137: a negative amount cannot be a market size"),
        ("absurd", "a share is a percentage between 0 and 100"),
        ("absurd", "CAGR 5000% is outside -100..200%"),
        ("absurd", "year: greater_than_or_equal_to(1950) (got 1850); years within 30 years of the report's base year"),
        ("absurd", "year: less_than_or_equal_to(2100) (got 3032); years within 30 years of the report's base year"),
        ("decimal-comma", "'EUR 3,5 million' at 37: \"3,5\": decimal comma is ambiguous"),
    ]
    assert query(connection, "select year, value_usd_m from marts.fct_reported_fact where report_id = 'absurd'") == [
        (2024, 50.0)
    ]


def test_contradictory_statements_are_both_kept_and_the_conflict_is_audited(bad_build):
    _, connection, *_ = bad_build
    assert query(
        connection,
        "select value_usd_m from marts.fct_reported_fact where report_id = 'contradictory' order by char_start",
    ) == [(1420.0,), (1380.0,)]
    assert query(
        connection,
        "select stated, implied, passed from marts.audit_consistency where report_id = 'contradictory'",
    ) == [(1420.0, 1380.0, False)]


def test_hostile_names_are_stored_as_data_and_never_run_as_sql(bad_build):
    _, connection, *_ = bad_build
    assert query(connection, "select count(*) from marts.dim_report") == [(12,)]
    members = {row[0] for row in query(connection, "select member from marts.dim_segment")}
    assert {"Alpha", "Robert')", "drop table marts.dim_report", "--"} <= members
    assert query(
        connection, "select report_id, source_file from marts.dim_report where source_file like '%drop table%'"
    ) == [("drop-table-marts-dim-report", f"reports/{HOSTILE}.txt")]


def test_links_outside_raw_hidden_files_and_duplicate_copies_are_rejected(bad_build):
    _, connection, *_ = bad_build
    assert rejection(connection, "reports/link-outside.txt") == [
        ("reports/link-outside.txt: a link to a file outside the raw folder",)
    ]
    assert rejection(connection, "reports/.DS_Store") == [
        ("reports/.DS_Store: hidden file (its name starts with '.'), not read",)
    ]
    ((reason,),) = rejection(connection, "reports/z-copy-of-space-mining.txt")
    assert reason.startswith("reports/z-copy-of-space-mining.txt: the same bytes as reports/space-mining-market.txt")


def test_csv_tables_with_wrong_columns_are_rejected_and_wrong_types_quarantined_while_a_bom_is_fine(bad_build):
    _, connection, *_ = bad_build
    assert rejection(connection, "tables/segment_weights.csv") == [
        (
            "tables/segment_weights.csv: missing column(s) weight; expected dimension, member, weight "
            "(optional: report_id, note)",
        )
    ]
    assert rejection(connection, "tables/country_weights.csv") == [
        (
            "tables/country_weights.csv: unexpected column(s) colour; expected region, country, weight "
            "(optional: report_id, note)",
        )
    ]
    assert query(
        connection,
        "select row_key, reason from marts.meta_quarantine where table_name = 'stated_figures' "
        "and source_file = 'tables/reported_facts.csv' order by row_key",
    ) == [
        ("tables/reported_facts.csv:2", "tables/reported_facts.csv:2: value 'abc' is not a number"),
        ("tables/reported_facts.csv:3", "tables/reported_facts.csv:3: year '20x6' is not a four-digit year"),
    ]
    assert query(
        connection,
        "select region, year, method from marts.fct_region_forecast "
        "where report_id = 'space-mining-market' and region = 'Europe' and year = 2024",
    )[0][2].endswith("(tables/region_weights.csv:3)")


def test_nothing_under_raw_is_changed_and_every_input_is_accounted_for(bad_build):
    _, connection, raw_dir, _, before = bad_build
    assert tree_digest(raw_dir) == before
    accounted = {row[0] for row in query(connection, "select source_file from marts.meta_input")}
    on_disk = {
        path.relative_to(raw_dir).as_posix() for path in raw_dir.rglob("*") if path.is_file() or path.is_symlink()
    }
    assert on_disk == accounted


def test_a_rerun_over_the_same_inputs_changes_nothing_but_meta_publish(bad_build):
    _, connection, raw_dir, warehouse_path, _ = bad_build
    tables = [row[0] for row in query(connection, "select table_name from duckdb_tables() where schema_name = 'marts'")]
    first = {table: query(connection, f'select * from marts."{table}" order by all') for table in tables}
    assert build_warehouse(raw_dir, warehouse_path).success
    # this process still holds the first build open under its path: read the new one through a copy
    copy = warehouse_path.with_name("rebuilt.duckdb")
    shutil.copyfile(warehouse_path, copy)
    with duckdb.connect(str(copy), read_only=True) as again:
        second = {table: query(again, f'select * from marts."{table}" order by all') for table in tables}
    changed = [table for table in tables if first[table] != second[table]]
    assert changed == ["meta_publish"]
