"""The whole pipeline, materialised in process on the seed report, read back from the published file."""

import hashlib

import pytest

from tests.conftest import PUBLISHED_FOLDER, SEED_REPORT


@pytest.fixture(scope="module")
def built(seed_build):
    return seed_build


@pytest.fixture(scope="module")
def warehouse(seed_warehouse):
    return seed_warehouse


def rows(connection, query, parameters=()):
    return connection.execute(query, list(parameters)).fetchall()


def test_build_succeeds_with_every_check_passing_and_publishes_one_clean_file(built):
    result, _, warehouse_path = built
    assert result.success
    evaluations = result.get_asset_check_evaluations()
    assert len(evaluations) >= 40
    assert [e.check_name for e in evaluations if not e.passed] == []
    assert sorted(path.name for path in warehouse_path.parent.iterdir()) == PUBLISHED_FOLDER


def test_market_size_has_every_year_2024_to_2032_with_stated_values_exactly(warehouse):
    series = rows(warehouse, "select year, value_usd_m, basis from marts.fct_market_size order by year")
    assert [year for year, _, _ in series] == list(range(2024, 2033))
    by_year = {year: (value, basis) for year, value, basis in series}
    assert by_year[2024] == (2754.6, "reported")
    assert by_year[2025] == (3411.8, "reported")
    assert by_year[2032] == (16068.6, "reported")
    assert {basis for year, (_, basis) in by_year.items() if 2025 < year < 2032} == {"interpolated"}
    # geometric interpolation: equal growth every year between the stated 2025 and 2032 values
    ratios = {round(by_year[year + 1][0] / by_year[year][0], 12) for year in range(2025, 2032)}
    assert ratios == {round((16068.6 / 3411.8) ** (1 / 7), 12)}


def test_reported_facts_are_the_seeds_eleven_statements_with_quotes_equal_to_the_source_span(warehouse):
    facts = rows(
        warehouse,
        "select metric, scope, dimension, member, year, period_start_year, period_end_year, value_usd_m, pct "
        "from marts.fct_reported_fact order by char_start, figure_start",
    )
    assert facts == [
        ("value", "market", None, None, 2024, None, None, 2754.6, None),
        ("value", "market", None, None, 2025, None, None, 3411.8, None),
        ("value", "market", None, None, 2032, None, None, 16068.6, None),
        ("cagr", "market", None, None, None, 2025, 2032, None, 24.53),
        ("share", "region", "region", "North America", 2024, None, None, None, 34.09),
        ("value", "region", "region", "North America", 2024, None, None, 938.9, None),
        ("value", "segment", "asteroid type", "C-type", 2024, None, None, 997.7, None),
        ("value", "segment", "mission phase", "Spacecraft Design & Engineering", 2032, None, None, 6704.5, None),
        ("value", "segment", "application", "Construction", 2032, None, None, 4810.9, None),
        ("cagr", "region", "region", "Asia Pacific", None, 2025, 2032, None, 25.68),
        ("share", "segment", "mission phase", "Spacecraft Design & Engineering", 2024, None, None, None, 42.17),
    ]
    source_text = SEED_REPORT.read_text(encoding="utf-8")
    spans = rows(warehouse, "select quote, char_start, char_end from marts.fct_reported_fact")
    assert all(source_text[start:end] == quote for quote, start, end in spans)


def test_audit_shows_the_stated_cagr_against_the_one_the_stated_values_imply(warehouse):
    ((stated, implied, passed),) = rows(
        warehouse,
        "select stated, implied, passed from marts.audit_consistency "
        "where scope = 'market' and check_name like 'stated CAGR%' and period = '2025-2032'",
    )
    assert (stated, round(implied, 2), passed) == (24.53, 24.78, False)
    ((share_stated, share_implied, share_passed),) = rows(
        warehouse,
        "select stated, implied, passed from marts.audit_consistency "
        "where member = 'North America' and check_name like 'stated share%'",
    )
    # 34.09% of 2,754.6 is 939.04 against a stated 938.9: within what the stated digits allow
    assert (share_stated, round(share_implied, 2), share_passed) == (938.9, 939.04, True)


def test_dimensions_hold_the_seeds_taxonomy_companies_and_developments(warehouse):
    assert rows(warehouse, "select dimension, count(*) from marts.dim_segment group by all order by 1") == [
        ("application", 6),
        ("asteroid type", 4),
        ("mission phase", 3),
    ]
    regions = rows(warehouse, "select region, count(country) from marts.dim_region group by all order by 1")
    assert regions == [
        ("Asia Pacific", 7),
        ("Europe", 7),
        ("Middle East & Africa", 5),
        ("North America", 3),
        ("South America", 3),
    ]
    assert rows(warehouse, "select count(*) from marts.dim_company") == [(15,)]
    developments = rows(warehouse, "select month, company, kind, amount_usd_m from marts.fct_development")
    assert developments == [
        ("2025-02", "Karman+", "funding", 20.0),
        ("2024-12", "ispace", "partnership", None),
        ("2025-02", "AstroForge", "launch", None),
        ("2025-04", "NASA", "milestone", None),
        ("2024-10", "ispace", "partnership", None),
        ("2024-10", "AstroForge", "approval", None),
        ("2025-05", "Interlune Corporation", "partnership", None),
    ]


def test_dim_report_identifies_the_report_and_its_source_file(warehouse):
    assert rows(
        warehouse,
        "select report_id, market, title, base_year, forecast_start_year, forecast_end_year, released_month, "
        "source_file, sha256 from marts.dim_report",
    ) == [
        (
            "space-mining-market",
            "Space Mining",
            "Space Mining Market",
            2024,
            2025,
            2032,
            "2025-07",
            "reports/space-mining-market.txt",
            hashlib.sha256(SEED_REPORT.read_bytes()).hexdigest(),
        )
    ]


def test_every_published_table_and_column_carries_a_comment(warehouse):
    tables = rows(warehouse, "select table_name, comment from duckdb_tables() where schema_name = 'marts'")
    assert len(tables) == 22  # the 20 models, meta_publish and meta_withheld
    assert [name for name, comment in tables if not comment] == []
    uncommented = rows(
        warehouse,
        "select table_name || '.' || column_name from duckdb_columns() "
        "where schema_name = 'marts' and (comment is null or comment = '')",
    )
    assert uncommented == []


def test_published_file_holds_only_the_marts_and_a_publish_record(warehouse, built):
    _, raw_dir, _ = built
    assert rows(warehouse, "select distinct schema_name from duckdb_tables()") == [("marts",)]
    ((input_files, inputs_sha256, storage_version),) = rows(
        warehouse, "select input_files, inputs_sha256, storage_version from marts.meta_publish"
    )
    assert (input_files, storage_version) == (1, "v1.0.0")
    # the inputs, file by file, are in meta_input; the publish record holds one digest over (file, sha256)
    file_sha256 = hashlib.sha256((raw_dir / "reports/space-mining-market.txt").read_bytes()).hexdigest()
    assert rows(warehouse, "select sha256 from marts.meta_input where kind = 'report'") == [(file_sha256,)]
    pair = f"reports/space-mining-market.txt\x1f{file_sha256}\n"
    assert inputs_sha256 == hashlib.sha256(pair.encode()).hexdigest()


def test_the_raw_folder_is_left_exactly_as_it_was(built):
    _, raw_dir, _ = built
    assert [path.name for path in (raw_dir / "reports").iterdir()] == ["space-mining-market.txt"]
    assert (raw_dir / "reports/space-mining-market.txt").read_bytes() == SEED_REPORT.read_bytes()
