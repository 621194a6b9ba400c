"""A refresh opens only the files that changed: a file whose size, modification time and inode are as the last
read found them is not read again, unless it was written so shortly before that read that a later write could
have kept the same stamp (git's racy-clean rule)."""

import os
import time

import dagster as dg
import duckdb

from pipelines.ingest import ingest_reports
from pipelines.raw_listing import hand_over, list_files, reports_handover_key, take_over
from pipelines.warehouse.state import RACY_NANOSECONDS
from tests.conftest import SEED_REPORT, build_warehouse, make_raw_dir

SEED = SEED_REPORT.read_bytes()
TEN_SECONDS_AGO_NS = time.time_ns() - 10 * 10**9


def page(number: int) -> bytes:
    return SEED + f"\nReport edition {number}.\n".encode()


def age(path, mtime_ns: int = TEN_SECONDS_AGO_NS) -> None:
    os.utime(path, ns=(mtime_ns, mtime_ns))


def records_of(ingest) -> dict:
    return {record.source_file: record for record in ingest.known}


def test_a_second_pass_over_unchanged_old_files_reads_no_byte(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number}.txt": page(number) for number in range(3)})
    for path in (raw_dir / "reports").iterdir():
        age(path)
    first = ingest_reports(raw_dir, known={}, stored={})
    assert (first.files_read, len(first.fresh)) == (3, 3)

    stored = {document.source_file: document.sha256 for document in first.fresh}
    second = ingest_reports(raw_dir, records_of(first), stored)
    assert (second.files_read, second.bytes_read, second.fresh, second.dropped) == (0, 0, [], [])
    assert sorted(second.kept) == sorted(stored)


def test_a_changed_file_is_read_and_replaces_its_row_while_the_others_stand(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number}.txt": page(number) for number in range(3)})
    for path in (raw_dir / "reports").iterdir():
        age(path)
    first = ingest_reports(raw_dir, known={}, stored={})
    stored = {document.source_file: document.sha256 for document in first.fresh}

    changed = raw_dir / "reports" / "report-1.txt"
    changed.write_bytes(page(1) + b"Revised.\n")
    age(changed, TEN_SECONDS_AGO_NS + 10**9)
    second = ingest_reports(raw_dir, records_of(first), stored)
    assert second.files_read == 1
    assert [document.source_file for document in second.fresh] == ["reports/report-1.txt"]
    assert second.dropped == ["reports/report-1.txt"]
    assert sorted(second.kept) == ["reports/report-0.txt", "reports/report-2.txt"]


def test_a_file_rewritten_with_the_same_stamp_soon_after_it_was_read_is_read_again(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"report-0.txt": page(0)})
    path = raw_dir / "reports" / "report-0.txt"
    written = path.stat().st_mtime_ns
    first = ingest_reports(raw_dir, known={}, stored={}, now_ns=written + RACY_NANOSECONDS // 2)
    stored = {document.source_file: document.sha256 for document in first.fresh}

    path.write_bytes(page(0).replace(b"Report edition 0", b"Report edition 9"))  # same size, same inode
    age(path, written)
    second = ingest_reports(raw_dir, records_of(first), stored)
    assert second.files_read == 1
    assert [document.sha256 for document in second.fresh] != [first.fresh[0].sha256]


def test_a_sidecar_added_later_makes_its_report_read_again(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"report-0.txt": page(0)})
    age(raw_dir / "reports" / "report-0.txt")
    first = ingest_reports(raw_dir, known={}, stored={})
    stored = {document.source_file: document.sha256 for document in first.fresh}

    (raw_dir / "reports" / "report-0.txt.meta.json").write_text('{"publisher": "Orbit Analytics"}', encoding="utf-8")
    second = ingest_reports(raw_dir, records_of(first), stored)
    assert [document.sidecar for document in second.fresh] == [{"publisher": "Orbit Analytics"}]


def test_a_refused_file_stays_refused_without_being_read_and_its_duplicate_loads_once_it_is_alone(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"a-empty.txt": b"", "b-report.txt": page(0), "c-copy.txt": page(0)})
    for path in (raw_dir / "reports").iterdir():
        age(path)
    first = ingest_reports(raw_dir, known={}, stored={})
    assert [document.source_file for document in first.fresh] == ["reports/b-report.txt"]
    stored = {"reports/b-report.txt": first.fresh[0].sha256}

    second = ingest_reports(raw_dir, records_of(first), stored)
    assert second.files_read == 0
    assert [rejection.reason for rejection in second.rejections] == [rejection.reason for rejection in first.rejections]

    (raw_dir / "reports" / "b-report.txt").unlink()
    third = ingest_reports(raw_dir, records_of(second), stored)
    assert [document.source_file for document in third.fresh] == ["reports/c-copy.txt"]
    assert third.dropped == ["reports/b-report.txt"]
    assert third.forgotten == ["reports/b-report.txt"]


def materialization_metadata(result, landing_table: str) -> dict:
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(["landing", landing_table])
    ]
    return {key: getattr(value, "value", value) for key, value in materialization.metadata.items()}


def test_a_build_with_nothing_changed_reads_no_report_or_table_file(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number}.txt": page(number) for number in range(4)})
    (raw_dir / "tables").mkdir()
    (raw_dir / "tables" / "fx_rates.csv").write_text("currency,year,usd_per_unit\nEUR,2024,1.08\n", encoding="utf-8")
    for path in [*(raw_dir / "reports").iterdir(), raw_dir / "tables" / "fx_rates.csv"]:
        age(path)
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    first = build_warehouse(raw_dir, warehouse_path)
    assert first.success
    assert materialization_metadata(first, "raw_documents")["files_read"] == 4
    assert materialization_metadata(first, "fx_rates")["table_files_read"] == 1

    second = build_warehouse(raw_dir, warehouse_path)
    assert second.success
    metadata = materialization_metadata(second, "raw_documents")
    assert (metadata["files_read"], metadata["bytes_read"], metadata["documents_unchanged"]) == (0, 0, 4)
    assert materialization_metadata(second, "fx_rates")["table_files_read"] == 0
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.dim_report").fetchone() == (4,)
    with duckdb.connect(str(warehouse_path.parent / ".build" / "markets.working.duckdb"), read_only=True) as working:
        assert working.execute("select currency, usd_per_unit from landing.fx_rates").fetchall() == [("EUR", "1.08")]


def test_the_command_lines_listing_is_handed_to_ingest_once_and_ingest_reads_what_it_lists(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number}.txt": page(number) for number in range(3)})
    for path in (raw_dir / "reports").iterdir():
        age(path)
    key = reports_handover_key(raw_dir, tmp_path / "warehouse" / "markets.duckdb")
    listing = list_files(raw_dir, "reports", ".meta.json")
    hand_over(key, (listing[:2], {}, time.time_ns()))
    handed_listing, _, listed_at_ns = take_over(key)
    assert take_over(key) is None  # one use: the next build lists raw/ itself

    ingest = ingest_reports(raw_dir, known={}, stored={}, now_ns=listed_at_ns, listing=handed_listing)
    assert sorted(document.source_file for document in ingest.fresh) == ["reports/report-0.txt", "reports/report-1.txt"]
    assert {record.read_at_ns for record in ingest.known} == {listed_at_ns}  # racy-clean judged from the listing


def test_a_listing_handed_over_long_before_is_not_used(tmp_path, monkeypatch):
    import pipelines.raw_listing

    raw_dir = make_raw_dir(tmp_path, {"report-0.txt": page(0)})
    key = reports_handover_key(raw_dir, tmp_path / "warehouse" / "markets.duckdb")
    hand_over(key, ([], {}, time.time_ns()))
    monkeypatch.setattr(pipelines.raw_listing, "HANDOVER_SECONDS", -1.0)
    assert take_over(key) is None
