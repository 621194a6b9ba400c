"""A full validation of many reports runs in chunks of reports, one after another, so that memory stays bounded;
the validated tables and the quarantine are the same as validating every report at once."""

import duckdb

import pipelines.assets.validate as validate_asset
from pipelines.config import Settings
from tests.conftest import PROJECT_ROOT, build_warehouse, make_raw_dir

CORPUS = PROJECT_ROOT / "tests" / "data" / "reports"
VALIDATED = ["report_metadata", "stated_figures", "segment_members", "region_countries", "quarantined_rows", "fx_rates"]


def corpus(root):
    raw_dir = make_raw_dir(root, {path.name: path.read_bytes() for path in sorted(CORPUS.glob("*.txt"))})
    (raw_dir / "tables").mkdir()
    # one good rate and one that fails its model: a quarantined row that belongs to no report
    (raw_dir / "tables" / "fx_rates.csv").write_text(
        "currency,year,usd_per_unit\nEUR,2024,1.08\nGBP,2024,-3\n", encoding="utf-8"
    )
    return raw_dir


def validated_rows(warehouse_path) -> dict[str, list[tuple]]:
    working = Settings(warehouse_path.parent, warehouse_path).working_path
    with duckdb.connect(str(working), read_only=True) as connection:
        return {
            table: connection.execute(f"select * from validated.{table} order by all").fetchall() for table in VALIDATED
        }


def test_validating_in_chunks_of_five_reports_gives_the_tables_of_one_validation(tmp_path, monkeypatch):
    at_once = tmp_path / "at-once" / "markets.duckdb"
    assert build_warehouse(corpus(tmp_path / "a"), at_once).success

    monkeypatch.setattr(validate_asset, "REPORTS_PER_CHUNK", 5)
    in_chunks = tmp_path / "in-chunks" / "markets.duckdb"
    raw_dir = corpus(tmp_path / "b")
    assert len(list((raw_dir / "reports").iterdir())) > 10  # three chunks or more
    result = build_warehouse(raw_dir, in_chunks)
    assert result.success
    (how,) = {
        event.materialization.metadata["validated"].value
        for event in result.get_asset_materialization_events()
        if "validated" in event.materialization.metadata
    }
    chunks = -(-len(list((raw_dir / "reports").iterdir())) // 5)
    assert how == f"full rebuild: a validated table is missing, in {chunks} chunk(s) of reports"

    expected, actual = validated_rows(at_once), validated_rows(in_chunks)
    assert [row for row in actual["quarantined_rows"] if row[1] is None], "the rate's quarantined row"
    for table in VALIDATED:
        assert actual[table] == expected[table], table
