"""Refreshes are incremental: only new and changed documents are extracted again; removed ones leave the marts."""

import dagster as dg
import duckdb
import pandas as pd

from pipelines.extraction_run import run_extraction
from pipelines.schemas import DOCUMENT_SCHEMAS
from tests.conftest import SEED_REPORT, build_warehouse, make_raw_dir

SEED = SEED_REPORT.read_text(encoding="utf-8")


def page(number: int) -> bytes:
    """A distinct copy of the seed report (its own bytes, so not a duplicate)."""
    return f"{SEED}\nReport edition {number}.\n".encode()


def extraction_metadata(result) -> dict:
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(["extracted", "stated_figures"])
    ]
    return {key: getattr(value, "value", value) for key, value in materialization.metadata.items()}


def test_changing_one_file_of_two_hundred_extracts_exactly_that_file(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {f"report-{number:03d}.txt": page(number) for number in range(200)})
    warehouse_path = tmp_path / "warehouse" / "space_mining.duckdb"
    first = build_warehouse(raw_dir, warehouse_path)
    assert first.success
    assert extraction_metadata(first)["documents_extracted"] == 200

    (raw_dir / "reports" / "report-117.txt").write_bytes(page(117).replace(b"USD 997.7 million", b"USD 999.9 million"))
    second = build_warehouse(raw_dir, warehouse_path)
    assert second.success
    metadata = extraction_metadata(second)
    assert (metadata["documents_extracted"], metadata["documents_unchanged"]) == (1, 199)
    assert metadata["extracted_files"] == ["reports/report-117.txt"]
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        c_type = connection.execute(
            "select report_id, value_usd_m from marts.fct_reported_fact where member = 'C-type' "
            "and report_id in ('report-116', 'report-117') order by 1"
        ).fetchall()
    assert c_type == [("report-116", 997.7), ("report-117", 999.9)]


def test_a_removed_file_leaves_the_marts_on_the_next_refresh(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"first.txt": page(1), "second.txt": page(2)})
    warehouse_path = tmp_path / "warehouse" / "space_mining.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    (raw_dir / "reports" / "second.txt").unlink()
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    metadata = extraction_metadata(result)
    assert (metadata["documents_extracted"], metadata["documents_unchanged"], metadata["documents_removed"]) == (
        0,
        1,
        1,
    )
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select report_id from marts.dim_report").fetchall() == [("first",)]
        assert connection.execute("select distinct report_id from marts.fct_region_forecast").fetchall() == [("first",)]


def test_rows_stored_by_an_older_version_with_other_columns_are_extracted_again_not_reused():
    documents = pd.DataFrame(
        [{"report_id": "seed", "source_file": "reports/seed.txt", "sha256": "a" * 64, "text": SEED, "sidecar": None}]
    )
    first = run_extraction(documents, {}, None)
    older = {table: frame.assign(retired_column=1) for table, frame in first.tables.items()}
    older["stated_figures"] = older["stated_figures"].drop(columns=["mentions"])
    again = run_extraction(documents, older, first.cache)
    assert (again.extracted, again.reused) == (["reports/seed.txt"], [])
    for table, frame in again.tables.items():
        assert list(frame.columns) == list(DOCUMENT_SCHEMAS[table].to_schema().columns)
    assert len(again.tables["stated_figures"]) == 11
    unchanged = run_extraction(documents, again.tables, again.cache)
    assert (unchanged.extracted, unchanged.reused) == ([], ["reports/seed.txt"])
    assert len(unchanged.tables["stated_figures"]) == 11


def test_extracting_across_worker_processes_gives_the_same_rows_as_one_process():
    documents = pd.DataFrame(
        [
            {"report_id": f"r{n}", "source_file": f"reports/r{n}.txt", "sha256": str(n) * 64, "text": page(n).decode(),
             "sidecar": None}
            for n in range(3)
        ]
    )  # fmt: skip
    alone = run_extraction(documents, {}, None, workers=1)
    pooled = run_extraction(documents, {}, None, workers=2)
    for table in DOCUMENT_SCHEMAS:
        pd.testing.assert_frame_equal(alone.tables[table], pooled.tables[table])
    assert pooled.extracted == ["reports/r0.txt", "reports/r1.txt", "reports/r2.txt"]
