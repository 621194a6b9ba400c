"""Several publishers, one market: market keys, consensus, outliers, copies and editions, on the corpus in
tests/data/markets/ (built for real, once). Expected figures are computed here by hand from the pages' numbers."""

import json
import shutil
from pathlib import Path
from statistics import median

import duckdb
import pytest

from pipelines.extract.market_identity import market_identity, publisher_key
from tests.conftest import build_warehouse

CORPUS = Path(__file__).parent / "data" / "markets"
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def markets_warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("markets")
    raw_dir = root / "raw"
    shutil.copytree(CORPUS / "reports", raw_dir / "reports")
    shutil.copytree(CORPUS / "tables", raw_dir / "tables")
    warehouse_path = root / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield connection


def one(connection, sql: str, *parameters):
    (row,) = connection.execute(sql, list(parameters)).fetchall()
    return row


@pytest.mark.parametrize(
    ("name", "market_id", "geography_level"),
    [
        ("Global Space Mining Market Size, Share & Growth Report, 2025-2032", "space-mining", "global"),
        ("Space-Mining Industry Outlook", "space-mining", "global"),
        ("space mining markets", "space-mining", "global"),
        ("India Space Mining", "space-mining--india", "country"),
        ("Space Mining in India", "space-mining--india", "country"),
        ("European Heat Pump Retrofit", "heat-pump-retrofit--europe", "region"),
        ("Asia-Pacific Battery Recycling", "battery-recycling--asia-pacific", "region"),
        ("APAC battery recycling", "battery-recycling--asia-pacific", "region"),
        ("U.S. Fiber Optic Cable", "fiber-optic-cable--us", "country"),
        ("Energy Drinks", "energy-drink", "global"),
        ("Energy Drink", "energy-drink", "global"),
        ("Food & Beverages", "food-and-beverage", "global"),
        ("Aircraft MRO (Maintenance, Repair and Overhaul)", "aircraft-mro", "global"),
        ("Asteroid Mining Market by Type, Application and Region", "asteroid-mining", "global"),
        ("Segments - Toys", "toy", "global"),
        ("Home › Aerospace › Space Mining", "space-mining", "global"),
        ("Space Mining - Global Forecast to 2031", "space-mining", "global"),
        ("Paints & Coatings Global", "paint-and-coating", "global"),
    ],
)
def test_the_name_rule_keys_a_market_by_its_product_words_and_its_place(name, market_id, geography_level):
    identity = market_identity(name)
    assert (identity.market_id, identity.geography_level) == (market_id, geography_level)
    assert identity.rule.startswith(f"name rule: {name!r}")


def test_a_name_with_nothing_to_key_names_no_market():
    assert market_identity(None) is None
    assert market_identity("電気バス") is None


def test_a_publisher_is_one_key_whatever_its_spelling():
    assert publisher_key("ResearchAndMarkets.com") == publisher_key("Research and Markets") == "researchandmarkets"
    assert publisher_key("Market Intelo") == publisher_key("MarketIntelo")
    assert publisher_key("Grand View Research, Inc.") == "grandviewresearch"


def test_dim_market_groups_the_pages_exactly_as_labelled(markets_warehouse):
    labelled = json.loads((CORPUS / "markets.labels.json").read_text(encoding="utf-8"))
    found = dict(markets_warehouse.execute("select report_id, market_id from marts.dim_report").fetchall())
    assert found == labelled
    markets = markets_warehouse.execute(
        "select market_id, market_name, geography, geography_level, parent_market_id, reports, publishers, sources "
        "from marts.dim_market order by market_id"
    ).fetchall()
    assert markets == [
        ("asteroid-mining", "Asteroid Mining", "Global", "global", "space-mining", 3, 3, 3),
        ("satellite-servicing", "Satellite Servicing", "Global", "global", None, 3, 3, 3),
        # 9 pages: two editions of one publisher and a copy of another count once each in the consensus
        ("space-mining", "Space Mining", "Global", "global", None, 9, 7, 7),
        ("space-mining--india", "Space Mining", "India", "country", None, 1, 1, 1),
    ]


def test_a_market_merged_by_the_alias_table_says_which_line_merged_it(markets_warehouse):
    (rule,) = one(
        markets_warehouse,
        "select market_rule from marts.dim_report where report_id = 'perigee-space-resource-utilization'",
    )
    assert rule == "tables/market_aliases.csv:2: alias 'Space Resource Utilization' belongs to Space Mining"
    (rule,) = one(
        markets_warehouse, "select market_rule from marts.dim_report where report_id = 'kestrel-space-mining'"
    )
    assert rule == "name rule: 'Space Mining' → 'Space Mining'"


def test_the_2025_consensus_of_seven_publishers_reproduces_the_hand_computed_figures(markets_warehouse):
    # the 2025 values the latest edition of each publisher states (Meridian's EUR 2,000 million at 1.10 USD/EUR)
    stated = {
        "orbitline-space-mining-2025": 2400.0,
        "kestrel-space-mining": 2600.0,
        "halvorsen-space-mining": 2500.0,
        "meridian-space-mining-eur": 2000.0 * 1.10,
        "norwood-space-mining-conflicting": 2300.0,  # the first of its two 2025 statements
        "zenith-space-mining": 9500.0,
        "perigee-space-resource-utilization": 2450.0,
    }
    ordered = sorted(stated.values())  # 2200, 2300, 2400, 2450, 2500, 2600, 9500
    row = one(
        markets_warehouse,
        "select reports, publishers, consensus_usd_m, method, median_usd_m, min_usd_m, max_usd_m, q1_usd_m, "
        "q3_usd_m, iqr_usd_m, spread, stated, interpolated, extrapolated, report_ids "
        "from marts.fct_market_consensus where market_id = 'space-mining' and year = 2025",
    )
    reports, publishers, consensus, method, middle, low, high, q1, q3, iqr, spread, *counts, report_ids = row
    assert (reports, publishers, counts) == (7, 7, [7, 0, 0])
    assert method == "median of the 7 stated values"
    assert report_ids.split(",") == sorted(stated)
    q1_by_hand = ordered[1] + 0.5 * (ordered[2] - ordered[1])  # position 1.5 of 0..6
    q3_by_hand = ordered[4] + 0.5 * (ordered[5] - ordered[4])  # position 4.5
    expected = [median(ordered), median(ordered), ordered[0], ordered[-1], q1_by_hand, q3_by_hand]
    assert [consensus, middle, low, high, q1, q3] == pytest.approx(expected, abs=TOLERANCE)
    assert iqr == pytest.approx(q3_by_hand - q1_by_hand, abs=TOLERANCE)
    assert spread == pytest.approx(9500.0 / 2200.0, abs=TOLERANCE)


def test_fewer_than_three_stated_values_make_the_consensus_the_median_of_every_value(markets_warehouse):
    # asteroid mining 2025: Kestrel states 700, Sable 750; Orbitline's 2024 (600) and 2030 (2,100) values
    # interpolated geometrically to 2025
    orbitline_2025 = 600.0 * (2100.0 / 600.0) ** (1 / 6)
    consensus, method, stated, interpolated = one(
        markets_warehouse,
        "select consensus_usd_m, method, stated, interpolated from marts.fct_market_consensus "
        "where market_id = 'asteroid-mining' and year = 2025",
    )
    assert consensus == pytest.approx(median([700.0, 750.0, orbitline_2025]), abs=TOLERANCE)
    assert method == "median of all 3 values (2 stated, 1 model-filled): fewer than 3 sources state 2025"
    assert (stated, interpolated) == (2, 1)


def test_the_outlier_is_found_and_only_it(markets_warehouse):
    outliers = markets_warehouse.execute(
        "select report_id, year from marts.fct_market_estimate where is_outlier and year = 2025"
    ).fetchall()
    assert outliers == [("zenith-space-mining", 2025)]
    distance, consensus = one(
        markets_warehouse,
        "select distance_pct, consensus_usd_m from marts.fct_market_estimate "
        "where report_id = 'zenith-space-mining' and year = 2025",
    )
    assert distance == pytest.approx(100 * (9500.0 / 2450.0 - 1), abs=TOLERANCE)
    assert consensus == pytest.approx(2450.0, abs=TOLERANCE)


def test_a_page_in_euros_is_converted_and_keeps_its_currency(markets_warehouse):
    row = one(
        markets_warehouse,
        "select value_usd_m, currency, fx_usd_per_unit, basis from marts.fct_market_estimate "
        "where report_id = 'meridian-space-mining-eur' and year = 2025",
    )
    assert row[1:] == ("EUR", 1.10, "reported")
    assert row[0] == pytest.approx(2000.0 * 1.10, abs=TOLERANCE)


def test_a_copy_of_a_page_is_one_edition_and_never_counts_twice(markets_warehouse):
    copy = one(
        markets_warehouse,
        "select edition, is_latest_edition, copy_of_report_id from marts.dim_report "
        "where report_id = 'kestrel-space-mining-mirror'",
    )
    assert copy == (1, True, "kestrel-space-mining")
    (in_consensus,) = one(
        markets_warehouse,
        "select bool_or(in_consensus) from marts.fct_market_estimate where report_id = 'kestrel-space-mining-mirror'",
    )
    assert in_consensus is False


def test_the_conflicting_page_publishes_its_first_statement_and_shows_the_second(markets_warehouse):
    (value,) = one(
        markets_warehouse,
        "select value_usd_m from marts.fct_market_estimate "
        "where report_id = 'norwood-space-mining-conflicting' and year = 2025",
    )
    assert value == 2300.0
    (detail,) = one(
        markets_warehouse,
        "select detail from marts.audit_consistency where report_id = 'norwood-space-mining-conflicting' "
        "and check_name = 'a figure stated twice with different values' and not passed",
    )
    assert detail == "the warehouse keeps the first statement"


def test_editions_are_ordered_by_release_and_the_revision_is_found(markets_warehouse):
    editions = markets_warehouse.execute(
        "select report_id, edition, is_latest_edition from marts.dim_report "
        "where publisher_key = 'orbitlineresearch' and market_id = 'space-mining' order by edition"
    ).fetchall()
    assert editions == [("orbitline-space-mining-2024", 1, False), ("orbitline-space-mining-2025", 2, True)]
    # the 2024 edition states 1,700 (2023) and 5,900 (2030); the 2025 edition states 2,000 (2024) and 2,400 (2025)
    old_2024 = 1700.0 * (5900.0 / 1700.0) ** (1 / 7)
    old_2025 = 1700.0 * (5900.0 / 1700.0) ** (2 / 7)
    revisions = markets_warehouse.execute(
        "select year, old_value_usd_m, new_value_usd_m, change_pct, old_basis, new_basis "
        "from marts.fct_estimate_revision where market_id = 'space-mining' and year in (2024, 2025) order by year"
    ).fetchall()
    assert [(year, old_basis, new_basis) for year, *_, old_basis, new_basis in revisions] == [
        (2024, "interpolated", "reported"),
        (2025, "interpolated", "reported"),
    ]
    expected = [(old_2024, 2000.0, 100 * (2000.0 / old_2024 - 1)), (old_2025, 2400.0, 100 * (2400.0 / old_2025 - 1))]
    for (_, old, new, change, *_), by_hand in zip(revisions, expected, strict=True):
        assert (old, new, change) == pytest.approx(by_hand, abs=TOLERANCE)


def test_the_cagr_consensus_counts_stated_and_series_implied_rates_over_a_common_period(markets_warehouse):
    rates = {
        "orbitline-space-mining-2025": 20.8,  # stated for 2025-2032
        "norwood-space-mining-conflicting": 100 * ((7100.0 / 2300.0) ** (1 / 7) - 1),
        "perigee-space-resource-utilization": 100 * ((8100.0 / 2450.0) ** (1 / 7) - 1),
        # Kestrel's series runs 2,600 (2025) to 8,800 (2033), geometric between: the same rate over 2025-2032
        "kestrel-space-mining": 100 * ((8800.0 / 2600.0) ** (1 / 8) - 1),
    }
    row = one(
        markets_warehouse,
        "select reports, stated, implied, median_pct, min_pct, max_pct, report_ids "
        "from marts.fct_market_cagr_consensus where market_id = 'space-mining' "
        "and period_start_year = 2025 and period_end_year = 2032",
    )
    reports, stated, implied, middle, low, high, report_ids = row
    assert (reports, stated, implied) == (4, 1, 3)
    assert report_ids.split(",") == sorted(rates)
    assert [middle, low, high] == pytest.approx(
        [median(rates.values()), min(rates.values()), max(rates.values())], abs=TOLERANCE
    )


def test_dimensions_say_which_report_and_market_each_member_comes_from(markets_warehouse):
    segments = markets_warehouse.execute(
        "select member, report_id, market_id from marts.dim_segment where dimension = 'asteroid type' order by position"
    ).fetchall()
    assert segments == [
        (member, "kestrel-asteroid-mining", "asteroid-mining") for member in ("C-type", "S-type", "M-type")
    ]


def test_alias_rows_that_contradict_earlier_ones_are_quarantined_with_file_and_line(tmp_path):
    raw_dir = tmp_path / "raw"
    shutil.copytree(CORPUS / "reports", raw_dir / "reports")
    (raw_dir / "tables").mkdir()
    (raw_dir / "tables" / "market_aliases.csv").write_text(
        "alias,market,parent,note\n"
        "Space Resource Utilization,Space Mining,,\n"
        "Space Resource Utilization,Asteroid Mining,,a second market for the same alias\n"
        "Asteroid Mining,Asteroid Mining,Asteroid Mining,its own parent\n"
        "Asteroid Mining,Asteroid Mining,Space Mining,\n"
        "Space Mining,Space Mining,Asteroid Mining,a loop\n"
        ",Space Mining,,no alias\n",
        encoding="utf-8",
    )
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        reasons = [
            reason
            for (reason,) in connection.execute(
                "select reason from marts.meta_quarantine where table_name = 'market_aliases' order by reason"
            ).fetchall()
        ]
        parents = dict(connection.execute("select market_id, parent_market_id from marts.dim_market").fetchall())
        (perigee_market,) = one(
            connection, "select market_id from marts.dim_report where report_id = 'perigee-space-resource-utilization'"
        )
    assert reasons == [
        "tables/market_aliases.csv:3: alias 'Space Resource Utilization' already belongs to market 'space-mining' "
        "(line 2)",
        "tables/market_aliases.csv:4: market 'Asteroid Mining' names itself as its parent",
        "tables/market_aliases.csv:6: parent 'Asteroid Mining' is part of 'Space Mining': a market cannot contain "
        "itself",
        "tables/market_aliases.csv:7: an alias and a market with letters or digits are both required "
        "(got ',Space Mining,,no alias')",
    ]
    assert perigee_market == "space-mining"
    assert parents["asteroid-mining"] == "space-mining" and parents["space-mining"] is None
