"""Refreshes are incremental: only new and changed documents are extracted again; removed ones leave the marts."""

import shutil
from dataclasses import replace

import dagster as dg
import duckdb
import pandas as pd

from pipelines.assets.sql_models import SQL_MODELS
from pipelines.extraction_run import run_extraction, stored_rows_reusable
from pipelines.schemas import DOCUMENT_SCHEMAS
from pipelines.warehouse.incremental import ModelBuilder, build_order, plan_build
from pipelines.warehouse.state import VALIDATION
from tests.conftest import PROJECT_ROOT, SEED_REPORT, build_warehouse, make_raw_dir

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
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
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
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
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


def test_rows_stored_by_an_older_version_with_other_columns_cannot_be_kept():
    documents = pd.DataFrame(
        [{"report_id": "seed", "source_file": "reports/seed.txt", "sha256": "a" * 64, "text": SEED, "sidecar": None}]
    )
    first = run_extraction(documents, None, None)
    assert first.replaces_everything
    today = {table: list(frame.columns) for table, frame in first.fresh_tables.items()}
    older = {**today, "stated_figures": [column for column in today["stated_figures"] if column != "mentions"]}
    assert (stored_rows_reusable(today), stored_rows_reusable(older)) == (True, False)
    for table, frame in first.fresh_tables.items():
        assert list(frame.columns) == list(DOCUMENT_SCHEMAS[table].to_schema().columns)
    assert len(first.fresh_tables["stated_figures"]) == 11


def test_an_unchanged_document_keeps_its_rows_and_a_document_without_stored_rows_is_extracted():
    documents = pd.DataFrame(
        [{"report_id": "seed", "source_file": "reports/seed.txt", "sha256": "a" * 64, "text": SEED, "sidecar": None}]
    )
    first = run_extraction(documents, None, None)
    unchanged = run_extraction(documents, (), first.outcomes)
    assert (unchanged.extracted, unchanged.reused, unchanged.replaces_everything) == ([], ["reports/seed.txt"], False)
    assert (unchanged.replaced_reports, len(unchanged.fresh_tables["stated_figures"])) == ([], 0)
    without_outcome = run_extraction(documents, (), first.outcomes.iloc[0:0])
    assert (without_outcome.extracted, without_outcome.replaced_reports) == (["reports/seed.txt"], ["seed"])


CORPUS = PROJECT_ROOT / "tests" / "data" / "reports"


def built_how(result, table: str) -> str:
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(table.split("."))
    ]
    return materialization.metadata["built"].value


def published_how(result) -> str:
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey("published_warehouse")
    ]
    return materialization.metadata["published"].value


def comparable(row: tuple) -> tuple:
    """Doubles to 9 decimals: DuckDB sums in parallel, so even two full builds can differ in the last bit."""
    return tuple(round(value, 9) if isinstance(value, float) else value for value in row)


def model_tables(working_path) -> dict[str, list[tuple]]:
    """Every validated, intermediate and marts table of a working database, as sorted comparable rows."""
    with duckdb.connect(str(working_path), read_only=True) as connection:
        tables = connection.execute(
            "select schema_name || '.' || table_name from duckdb_tables() "
            "where schema_name in ('validated', 'intermediate', 'marts') order by 1"
        ).fetchall()
        return {
            table: sorted(
                (comparable(row) for row in connection.execute(f"select * from {table}").fetchall()), key=repr
            )
            for (table,) in tables
        }


def test_a_refresh_rebuilds_only_changed_reports_and_equals_a_build_from_scratch(tmp_path):
    pages = {path.name: path.read_bytes() for path in sorted(CORPUS.iterdir()) if path.suffix in (".txt", ".md")}
    pages["space-mining-market.txt"] = SEED_REPORT.read_bytes()
    raw_dir = make_raw_dir(tmp_path / "refreshed", pages)
    warehouse_path = tmp_path / "refreshed" / "warehouse" / "w.duckdb"
    first = build_warehouse(raw_dir, warehouse_path)
    assert first.success
    assert built_how(first, "marts.fct_market_size") == "rebuilt whole"
    assert published_how(first) == "every table copied"

    reports = raw_dir / "reports"
    (reports / "space-mining-market.txt").write_bytes(
        SEED_REPORT.read_bytes().replace(b"USD 997.7 million", b"USD 991.2 million")
    )
    (reports / "marine-hydrogen-market.txt").unlink()
    (reports / "lunar-ice-market.txt").write_bytes(
        b"Lunar Ice Market\n\nThe global lunar ice market was valued at USD 120.5 million in 2024 and is expected "
        b"to reach USD 410.0 million by 2032, growing at a CAGR of 16.5% from 2025 to 2032.\n"
    )
    refreshed = build_warehouse(raw_dir, warehouse_path)
    assert refreshed.success
    assert built_how(refreshed, "marts.fct_market_size") == "rows of 3 changed report(s) rebuilt"
    # the dimensions hold one row per report and member, so they too are rewritten for the changed reports only
    assert built_how(refreshed, "marts.dim_segment") == "rows of 3 changed report(s) rebuilt"
    assert built_how(refreshed, "marts.dim_region") == "rows of 3 changed report(s) rebuilt"
    assert built_how(refreshed, "marts.meta_input") == "rebuilt whole"
    # the market the removed report was on, and the markets of the changed and the new one
    rebuilt_markets = built_how(refreshed, "marts.fct_market_consensus")
    assert rebuilt_markets == "rows of the 3 market(s) of 3 changed report(s) rebuilt"

    scratch_raw = make_raw_dir(tmp_path / "scratch", {path.name: path.read_bytes() for path in reports.iterdir()})
    scratch_warehouse = tmp_path / "scratch" / "warehouse" / "w.duckdb"
    assert build_warehouse(scratch_raw, scratch_warehouse).success

    refreshed_tables = model_tables(warehouse_path.parent / ".build" / "w.working.duckdb")
    scratch_tables = model_tables(scratch_warehouse.parent / ".build" / "w.working.duckdb")
    assert refreshed_tables.keys() == scratch_tables.keys()
    for table, rows in scratch_tables.items():
        if table == "marts.meta_input":
            continue  # when each file was read differs between the two folders
        assert refreshed_tables[table] == rows, table
    published, published_from_scratch = model_tables(warehouse_path), model_tables(scratch_warehouse)
    assert published.keys() == published_from_scratch.keys()
    for table, rows in published_from_scratch.items():
        if table not in ("marts.meta_input", "marts.meta_publish"):
            assert published[table] == rows, table
    assert published_how(refreshed) == (
        "rows of 3 changed report(s) rewritten in a copy of the published file, "
        "the tables by market compared on the rows of 3 market(s)"
    )
    assert any(991.2 in row for row in refreshed_tables["marts.fct_reported_fact"])
    assert not any("marine-hydrogen-market" in row for row in refreshed_tables["marts.dim_report"])


def test_a_refresh_with_nothing_changed_rebuilds_no_report(published):
    raw_dir, warehouse_path = published
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    assert built_how(result, "marts.fct_segment_region_forecast") == "rows of 0 changed report(s) rebuilt"


def test_every_model_and_check_shows_how_long_it_took(published):
    raw_dir, warehouse_path = published
    result = build_warehouse(raw_dir, warehouse_path)
    models = [
        event.materialization.metadata
        for event in result.get_asset_materialization_events()
        if "built" in event.materialization.metadata
    ]
    checks = [evaluation.metadata for evaluation in result.get_asset_check_evaluations()]
    assert len(models) == len(SQL_MODELS) and checks
    assert all(metadata["build seconds"].value >= 0 for metadata in models)
    assert all(metadata["seconds"].value >= 0 for metadata in checks)


def test_a_changed_sql_model_rebuilds_every_report(published):
    _, warehouse_path = published
    edited = [
        replace(model, sql=model.sql + "\n") if model.table == "marts.fct_market_size" else model
        for model in SQL_MODELS
    ]
    with duckdb.connect(str(warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb")) as working:
        assert not plan_build(working, SQL_MODELS).full
        plan = plan_build(working, edited)
    assert plan.full
    assert plan.reason == "the code, the shared inputs or DuckDB changed"


def test_a_refresh_where_more_than_a_tenth_of_the_reports_changed_builds_the_models_whole(published):
    _, warehouse_path = published
    with duckdb.connect(str(warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb")) as working:
        # validation rewrites the report's rows (and records that it did: the models read what it last completed)
        working.execute("update validated.stated_figures set value_millions = value_millions * 2")
        VALIDATION.commit(working, VALIDATION.stored(working).rebuilding(["space-mining-market"]))
        in_pieces = plan_build(working, SQL_MODELS)
        whole = plan_build(working, SQL_MODELS, fewest_for_a_whole_build=0)
    assert (in_pieces.full, in_pieces.reports) == (False, ("space-mining-market",))
    assert whole.full
    assert whole.reason == "1 of 1 reports changed: built whole, not in pieces"
    assert whole.fingerprints == in_pieces.fingerprints  # committed once the whole build is done


def _market_models_built(working_path, copy_path, fewest_for_a_whole_build: int) -> set[str]:
    """How a refresh builds the market-scoped models, on a copy of the working database."""
    shutil.copyfile(working_path, copy_path)
    with duckdb.connect(str(copy_path)) as working:
        plan = plan_build(working, SQL_MODELS)
        with ModelBuilder(working, plan, fewest_for_a_whole_build) as builder:
            return {builder.build(model) for model in build_order(SQL_MODELS) if model.incremental_by == "market_id"}


def test_market_models_are_built_whole_when_the_changed_reports_markets_hold_most_reports(published, tmp_path):
    _, warehouse_path = published
    working_path = warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb"
    with duckdb.connect(str(working_path)) as working:
        working.execute("update validated.stated_figures set value_millions = value_millions * 2")
        VALIDATION.commit(working, VALIDATION.stored(working).rebuilding(["space-mining-market"]))
    assert _market_models_built(working_path, tmp_path / "a.duckdb", fewest_for_a_whole_build=2_000) == {
        "rows of the 1 market(s) of 1 changed report(s) rebuilt"
    }
    assert _market_models_built(working_path, tmp_path / "b.duckdb", fewest_for_a_whole_build=0) == {
        "rebuilt whole: the 1 market(s) of the changed reports hold most reports"
    }


def validated_how(result) -> str:
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(["validated", "stated_figures"])
    ]
    return materialization.metadata["validated"].value


def test_with_analyst_weights_every_report_is_validated_again_and_the_forecast_follows_a_new_weight(published):
    raw_dir, warehouse_path = published
    (raw_dir / "tables").mkdir()
    weights = raw_dir / "tables" / "region_weights.csv"
    weights.write_text("region,weight\nEurope,1\n", encoding="utf-8")
    assert build_warehouse(raw_dir, warehouse_path).success
    weights.write_text("region,weight\nEurope,2\n", encoding="utf-8")
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    assert validated_how(result) == "full rebuild: analyst facts or weights are loaded, in 1 chunk(s) of reports"
    # A weight changes no report's rows, but every report may use it: the models are rebuilt whole.
    assert built_how(result, "marts.fct_region_forecast") == "rebuilt whole"


def test_building_some_models_alone_makes_the_next_complete_build_rebuild_every_model(published):
    raw_dir, warehouse_path = published
    seed = raw_dir / "reports" / "space-mining-market.txt"
    seed.write_bytes(seed.read_bytes().replace(b"USD 997.7 million", b"USD 991.2 million"))
    one_model = dg.AssetSelection.groups("ingest", "extract", "validate") | dg.AssetSelection.assets(
        dg.AssetKey(["marts", "fct_market_size"])
    )
    alone = build_warehouse(raw_dir, warehouse_path, selection=one_model)
    assert alone.success
    assert built_how(alone, "marts.fct_market_size") == "rebuilt whole"
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    assert built_how(result, "marts.fct_segment_forecast") == "rebuilt whole"
    # The published file still holds the old figures: the report that changed since is patched in.
    assert published_how(result) == (
        "rows of 1 changed report(s) rewritten in a copy of the published file, "
        "the tables by market compared on the rows of 1 market(s)"
    )


def test_a_published_file_replaced_by_someone_else_is_copied_whole_not_patched(published, tmp_path):
    raw_dir, warehouse_path = published
    warehouse_path.write_bytes(warehouse_path.read_bytes())  # same content, but no longer the file we wrote
    seed = raw_dir / "reports" / "space-mining-market.txt"
    seed.write_bytes(seed.read_bytes().replace(b"USD 997.7 million", b"USD 991.2 million"))
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    assert published_how(result) == "every table copied"
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        (c_type,) = connection.execute(
            "select value_usd_m from marts.fct_reported_fact where member = 'C-type'"
        ).fetchone()
    assert c_type == 991.2


def check_scope(result, table: str, check_name: str) -> str:
    (evaluation,) = [
        evaluation
        for evaluation in result.get_asset_check_evaluations()
        if evaluation.asset_key == dg.AssetKey(table.split(".")) and evaluation.check_name == check_name
    ]
    return evaluation.metadata["rows_checked"].value


LUNAR_ICE = (
    b"Lunar Ice Market\n\nThe global lunar ice market was valued at USD 120.5 million in 2024 and is expected "
    b"to reach USD 410.0 million by 2032, growing at a CAGR of 16.5% from 2025 to 2032.\n"
)


def test_a_refresh_checks_rules_that_hold_per_report_on_the_rebuilt_reports_rows_and_other_audits_on_every_row(
    published,
):
    raw_dir, warehouse_path = published
    (raw_dir / "reports" / "lunar-ice-market.txt").write_bytes(LUNAR_ICE)
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    scoped = "rows of the 1 report(s) rebuilt; the other rows passed when they were built"
    assert check_scope(result, "marts.fct_market_size", "unique_combination__report_id_year") == scoped
    assert check_scope(result, "marts.fct_market_size", "not_null__value_usd_m") == scoped
    assert check_scope(result, "marts.fct_market_size", "market_size_reproduces_stated_values") == "every row"
    assert check_scope(result, "marts.fct_reported_fact", "unique__fact_id") == "every row"
    assert check_scope(result, "marts.fct_reported_fact", "reported_fact_quotes_match_source") == scoped


def test_a_per_report_audit_checks_the_rebuilt_report_against_its_own_document_and_withholds_it(published):
    raw_dir, warehouse_path = published
    (raw_dir / "reports" / "lunar-ice-market.txt").write_bytes(LUNAR_ICE)
    assert build_warehouse(raw_dir, warehouse_path).success
    working_path = warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb"
    with duckdb.connect(str(working_path)) as working:  # the stored text of one report no longer holds its quotes
        working.execute(
            "update landing.raw_documents set text = replace(text, 'valued at', 'worth about') "
            "where report_id = 'lunar-ice-market'"
        )
        VALIDATION.commit(working, VALIDATION.stored(working).rebuilding(["lunar-ice-market"]))
    result = build_warehouse(raw_dir, warehouse_path, selection=dg.AssetSelection.groups("warehouse", "publish"))
    assert result.success
    scoped = "rows of the 1 report(s) rebuilt; the other rows passed when they were built"
    assert check_scope(result, "marts.fct_reported_fact", "reported_fact_quotes_match_source") == scoped
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select distinct report_id, check_name from marts.meta_withheld").fetchall() == [
            ("lunar-ice-market", "reported_fact_quotes_match_source")
        ]


def test_after_a_refresh_a_staging_view_previews_the_rebuilt_reports_rows(published):
    raw_dir, warehouse_path = published
    (raw_dir / "reports" / "lunar-ice-market.txt").write_bytes(LUNAR_ICE)
    result = build_warehouse(raw_dir, warehouse_path)
    (materialization,) = [
        event.materialization
        for event in result.get_asset_materialization_events()
        if event.asset_key == dg.AssetKey(["staging", "stg_stated_figures"])
    ]
    assert materialization.metadata["preview_of"].value == "the rows of 1 rebuilt report(s)"
    preview = materialization.metadata["preview"].value
    assert "lunar-ice-market" in preview and "space-mining-market" not in preview


def test_after_a_failed_check_the_next_build_rebuilds_and_checks_the_report_it_withheld(published):
    raw_dir, warehouse_path = published
    working_path = warehouse_path.parent / ".build" / f"{warehouse_path.stem}.working.duckdb"
    with duckdb.connect(str(working_path)) as working:  # a stated total no longer reproduced
        working.execute("update marts.fct_market_size set value_usd_m = value_usd_m + 1 where basis = 'reported'")
    (raw_dir / "reports" / "lunar-ice-market.txt").write_bytes(LUNAR_ICE)
    failed = build_warehouse(raw_dir, warehouse_path)
    assert failed.success  # the new report publishes; the one that fails the check is withheld
    assert check_scope(failed, "marts.fct_market_size", "market_size_reproduces_stated_values") == "every row"
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select report_id, check_name from marts.meta_withheld").fetchall() == [
            ("space-mining-market", "market_size_reproduces_stated_values")
        ]
    repaired = build_warehouse(raw_dir, warehouse_path)
    assert repaired.success
    assert built_how(repaired, "marts.fct_market_size") == "rows of 1 changed report(s) rebuilt"
    assert check_scope(repaired, "marts.fct_market_size", "unique_combination__report_id_year") == (
        "rows of the 1 report(s) rebuilt; the other rows passed when they were built"
    )
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.meta_withheld").fetchall() == [(0,)]
        assert connection.execute("select report_id, status from marts.dim_report order by 1").fetchall() == [
            ("lunar-ice-market", "published"),
            ("space-mining-market", "published"),
        ]
