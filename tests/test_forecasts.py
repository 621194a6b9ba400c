"""Segment, region, country and cube forecasts: stated figures reproduced, every dimension adding up, and every
value saying how it was obtained. Hand-made pages have answers computed by hand in the comments."""

import duckdb
import pytest

from tests.conftest import build_warehouse, make_raw_dir

YEARS = list(range(2024, 2033))

# Market: 100 (2024, stated), 110 (2025, geometric interpolation), 121 (2026, stated).
HEADLINE = (
    "The global {market} market size was valued at USD 100 million in 2024 and is projected to reach USD 121 "
    "million by 2026, exhibiting a CAGR of 10% during the forecast period (2025-2026)."
)
WIDGETS = f"""Widget Market

Pages: 10 | Base Year: 2024

{HEADLINE.format(market="widget")}
The alpha segment earned USD 40 million in 2024.
The beta segment held a share of 30% in 2026.
Europe held a share of 25% in 2024.

By Product
Alpha, Beta, Gamma

By Region
North America: U.S., Canada
Europe: Germany, France
Asia Pacific: Japan, China
"""
GROWING_ASIA = WIDGETS.replace(
    "Europe held a share of 25% in 2024.",
    "Europe held a share of 25% in 2024.\nAsia Pacific is expected to grow at a CAGR of 20% over the forecast period.",
)
CONFLICTING = WIDGETS.replace(
    "The alpha segment earned USD 40 million in 2024.", "The alpha segment earned USD 90 million in 2024."
).replace("The beta segment held a share of 30% in 2026.", "The gamma segment earned USD 30 million in 2024.")
# Two products x two regions: one stated cell fixes the whole 2024 table.
CELL = f"""Gadget Market

Pages: 10 | Base Year: 2024

{HEADLINE.format(market="gadget")}
The alpha segment earned USD 40 million in 2024.
Europe held a share of 25% in 2024.
In North America, the alpha segment generated USD 20 million in 2024.

By Product
Alpha, Beta

By Region
North America: U.S., Canada
Europe: Germany, France
"""


def build(tmp_path, reports: dict[str, str], tables: dict[str, str] | None = None):
    raw_dir = make_raw_dir(tmp_path, {name: text.encode("utf-8") for name, text in reports.items()})
    if tables:
        (raw_dir / "tables").mkdir()
        for name, text in tables.items():
            (raw_dir / "tables" / name).write_text(text, encoding="utf-8")
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    return build_warehouse(raw_dir, warehouse_path), warehouse_path


def query(warehouse_path, sql, parameters=()):
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        return connection.execute(sql, list(parameters)).fetchall()


def by_member_year(rows):
    return {(member, year): (round(value, 9), basis) for member, year, value, basis in rows}


# --- the seed -------------------------------------------------------------------------------------------------


def test_seed_regions_reproduce_north_america_and_asia_pacifics_cagr_and_add_up(seed_warehouse):
    regions = seed_warehouse.execute(
        "select region, year, value_usd_m, basis from marts.fct_region_forecast"
    ).fetchall()
    values = {(region, year): (value, basis) for region, year, value, basis in regions}
    assert values[("North America", 2024)] == (938.9, "reported")
    asia_ratio = values[("Asia Pacific", 2032)][0] / values[("Asia Pacific", 2025)][0]
    assert asia_ratio == pytest.approx(1.2568**7, rel=1e-12)
    assert {region for region, _ in values} == {
        "North America",
        "Europe",
        "Asia Pacific",
        "Middle East & Africa",
        "South America",
    }
    totals = dict(seed_warehouse.execute("select year, value_usd_m from marts.fct_market_size").fetchall())
    for year in YEARS:
        regions_sum = sum(value for (_, y), (value, _) in values.items() if y == year)
        assert regions_sum == pytest.approx(totals[year], rel=1e-12)


def test_seed_segments_reproduce_the_stated_figures_and_each_dimension_adds_up(seed_warehouse):
    rows = seed_warehouse.execute(
        "select dimension, member, year, value_usd_m, share_pct, basis from marts.fct_segment_forecast"
    ).fetchall()
    values = {(member, year): (value, share, basis) for _, member, year, value, share, basis in rows}
    assert values[("C-type", 2024)] == (997.7, pytest.approx(997.7 / 2754.6 * 100), "reported")
    assert values[("Spacecraft Design & Engineering", 2032)][::2] == (6704.5, "reported")
    assert values[("Spacecraft Design & Engineering", 2024)][1:] == (pytest.approx(42.17, rel=1e-12), "derived")
    assert values[("Construction", 2032)][::2] == (4810.9, "reported")
    totals = dict(seed_warehouse.execute("select year, value_usd_m from marts.fct_market_size").fetchall())
    dimensions = {dimension for dimension, *_ in rows}
    assert dimensions == {"asteroid type", "mission phase", "application"}
    for dimension in dimensions:
        members = {member for d, member, *_ in rows if d == dimension}
        assert len([row for row in rows if row[0] == dimension]) == len(members) * len(YEARS)
        for year in YEARS:
            total = sum(value for d, _, y, value, _, _ in rows if d == dimension and y == year)
            assert total == pytest.approx(totals[year], rel=1e-12)


def test_seed_forecast_rows_all_say_how_they_were_obtained_and_reported_rows_match_stated_facts(seed_warehouse):
    for table in ("fct_region_forecast", "fct_segment_forecast", "fct_segment_region_forecast"):
        assert seed_warehouse.execute(
            f"select count(*) from marts.{table} where method is null or method = '' or basis is null"
        ).fetchall() == [(0,)]
    unmatched = seed_warehouse.execute(
        """
        select forecast.member, forecast.year from marts.fct_segment_forecast as forecast
        where forecast.basis = 'reported' and not exists (
            select 1 from marts.fct_reported_fact as fact
            where fact.member = forecast.member and fact.year = forecast.year
                and fact.metric = 'value' and fact.value_usd_m = forecast.value_usd_m
        )
        union all
        select forecast.region, forecast.year from marts.fct_region_forecast as forecast
        where forecast.basis = 'reported' and not exists (
            select 1 from marts.fct_reported_fact as fact
            where fact.member = forecast.region and fact.year = forecast.year
                and fact.metric = 'value' and fact.value_usd_m = forecast.value_usd_m
        )
        """
    ).fetchall()
    assert unmatched == []
    assert seed_warehouse.execute("select count(*) from marts.fct_country_forecast").fetchall() == [(0,)]


def test_seed_blocking_audits_pass_and_the_cube_matches_both_forecasts(seed_warehouse):
    assert seed_warehouse.execute(
        "select count(*), count(*) filter (where not passed) from marts.audit_consistency where blocking"
    ).fetchall() == [(49, 0)]  # 4 values + 1 share + 1 CAGR reproduced, 36 sums, 4 non-negative, 3 cube margins
    assert seed_warehouse.execute(
        "select count(*) from marts.audit_consistency where check_name = 'stated figures can all hold' and passed"
    ).fetchall() == [(4,)]
    mismatches = seed_warehouse.execute(
        """
        select cube.dimension, cube.member, cube.year
        from marts.fct_segment_region_forecast as cube
        inner join marts.fct_segment_forecast as segment using (report_id, dimension, member, year)
        group by all
        having abs(sum(cube.value_usd_m) - any_value(segment.value_usd_m)) > 1e-9 * any_value(segment.value_usd_m)
        """
    ).fetchall()
    assert mismatches == []


# --- hand-made pages ------------------------------------------------------------------------------------------


def test_anchored_members_keep_their_figures_and_the_rest_share_the_remainder_equally(tmp_path):
    result, warehouse = build(tmp_path, {"widgets.txt": WIDGETS})
    assert result.success
    segments = by_member_year(
        query(warehouse, "select member, year, value_usd_m, basis from marts.fct_segment_forecast")
    )
    assert segments == {
        # Alpha: stated 40 in 2024, then its 40% share held constant
        ("Alpha", 2024): (40.0, "reported"),
        ("Alpha", 2025): (44.0, "estimated"),
        ("Alpha", 2026): (48.4, "estimated"),
        # Beta: 30% of 121 in 2026, its 30% share held before
        ("Beta", 2024): (30.0, "estimated"),
        ("Beta", 2025): (33.0, "estimated"),
        ("Beta", 2026): (36.3, "derived"),
        # Gamma: what is left
        ("Gamma", 2024): (30.0, "estimated"),
        ("Gamma", 2025): (33.0, "estimated"),
        ("Gamma", 2026): (36.3, "estimated"),
    }
    regions = by_member_year(query(warehouse, "select region, year, value_usd_m, basis from marts.fct_region_forecast"))
    assert regions == {
        ("North America", 2024): (37.5, "estimated"),
        ("North America", 2025): (41.25, "estimated"),
        ("North America", 2026): (45.375, "estimated"),
        ("Europe", 2024): (25.0, "derived"),
        ("Europe", 2025): (27.5, "estimated"),
        ("Europe", 2026): (30.25, "estimated"),
        ("Asia Pacific", 2024): (37.5, "estimated"),
        ("Asia Pacific", 2025): (41.25, "estimated"),
        ("Asia Pacific", 2026): (45.375, "estimated"),
    }
    (method,) = query(
        warehouse, "select method from marts.fct_region_forecast where region = 'North America' and year = 2024"
    )[0]
    assert method == "remainder shared equally among 2 members without figures"
    # independence: Alpha x Europe in 2024 = 40 x 25 / 100
    assert query(
        warehouse,
        "select value_usd_m from marts.fct_segment_region_forecast "
        "where member = 'Alpha' and region = 'Europe' and year = 2024",
    ) == [(10.0,)]


def test_a_member_with_only_a_cagr_takes_a_share_of_the_remainder_once_and_then_grows_at_it(tmp_path):
    result, warehouse = build(tmp_path, {"widgets.txt": GROWING_ASIA})
    assert result.success
    regions = by_member_year(query(warehouse, "select region, year, value_usd_m, basis from marts.fct_region_forecast"))
    # 2025 remainder after Europe's 27.5 is 82.5, shared by 2: Asia Pacific 41.25, then x1.2 a year
    assert regions[("Asia Pacific", 2025)] == (41.25, "estimated")
    assert regions[("Asia Pacific", 2026)] == (49.5, "estimated")
    assert regions[("Asia Pacific", 2024)] == (34.375, "estimated")
    # North America takes what is left: 100 - 25 - 34.375, 110 - 27.5 - 41.25, 121 - 30.25 - 49.5
    assert [regions[("North America", year)][0] for year in (2024, 2025, 2026)] == [40.625, 41.25, 41.25]


def test_analyst_weights_steer_the_remainder_and_country_weights_split_a_region(tmp_path):
    tables = {
        "region_weights.csv": "region,weight,note\nNorth America,3,bigger installed base\nAsia Pacific,1,\n",
        "country_weights.csv": "region,country,weight\nNorth America,U.S.,9\nNorth America,Canada,1\n",
    }
    result, warehouse = build(tmp_path, {"widgets.txt": WIDGETS}, tables)
    assert result.success
    regions = by_member_year(query(warehouse, "select region, year, value_usd_m, basis from marts.fct_region_forecast"))
    # 2024 remainder 75 shared 3:1
    assert regions[("North America", 2024)] == (56.25, "estimated")
    assert regions[("Asia Pacific", 2024)] == (18.75, "estimated")
    assert regions[("Europe", 2024)] == (25.0, "derived")
    (method,) = query(
        warehouse, "select method from marts.fct_region_forecast where region = 'North America' and year = 2024"
    )[0]
    assert method == (
        "remainder shared by weight: 3.0 of 4.0 among 2 members without figures (tables/region_weights.csv:2)"
    )
    countries = query(
        warehouse,
        "select country, value_usd_m, basis from marts.fct_country_forecast where year = 2024 order by country",
    )
    assert countries == [("Canada", 5.625, "estimated"), ("U.S.", 50.625, "estimated")]


def test_a_weight_that_is_not_a_number_is_quarantined_with_its_file_and_line(tmp_path):
    tables = {"region_weights.csv": "region,weight\nNorth America,three\nAsia Pacific,1\nAtlantis,2\n"}
    result, warehouse = build(tmp_path, {"widgets.txt": WIDGETS}, tables)
    assert result.success
    quarantined = query(warehouse, "select row_key, reason from marts.meta_quarantine order by row_key")
    assert quarantined == [
        (
            "tables/region_weights.csv:2",
            "tables/region_weights.csv:2: weight is not a positive number in 'North America,three'",
        ),
        (
            "tables/region_weights.csv:4",
            "tables/region_weights.csv:4: region 'Atlantis' is not listed by any loaded report",
        ),
    ]


def test_a_stated_cell_is_kept_and_the_cube_is_fitted_around_it(tmp_path):
    result, warehouse = build(tmp_path, {"gadgets.txt": CELL})
    assert result.success
    cells = query(
        warehouse,
        "select member, region, value_usd_m, basis from marts.fct_segment_region_forecast "
        "where year = 2024 order by member, region",
    )
    # margins: Alpha 40, Beta 60; North America 75, Europe 25; stated cell Alpha x North America = 20
    assert [(member, region, round(value, 9), basis) for member, region, value, basis in cells] == [
        ("Alpha", "Europe", 20.0, "estimated"),
        ("Alpha", "North America", 20.0, "reported"),
        ("Beta", "Europe", 5.0, "estimated"),
        ("Beta", "North America", 55.0, "estimated"),
    ]


def test_anchors_that_cannot_all_hold_withhold_that_forecast_name_the_figures_and_the_rest_publishes(tmp_path):
    result, warehouse = build(tmp_path, {"widgets.txt": CONFLICTING, "gadgets.txt": CELL})
    assert result.success
    conflict = "2024: Alpha 90.0 (reported) + Gamma 30.0 (reported) = 120.0 exceeds the market total of 100.0"
    assert query(
        warehouse,
        "select report_id, dimension, period, passed, blocking, detail from marts.audit_consistency "
        "where check_name = 'stated figures can all hold' and not passed",
    ) == [("widgets", "product", "2024", False, False, f"forecast withheld: {conflict}")]
    assert query(
        warehouse, "select report_id, stage, table_name, reason from marts.meta_quarantine where stage = 'forecast'"
    ) == [
        (
            "widgets",
            "forecast",
            "fct_segment_forecast",
            f"forecast withheld, the stated figures cannot all hold: {conflict}",
        )
    ]
    # the conflicting dimension is withheld; the same report's regions and the other report publish in full
    assert query(warehouse, "select report_id, count(*) from marts.fct_segment_forecast group by all order by 1") == [
        ("gadgets", 6)
    ]
    assert query(warehouse, "select report_id, count(*) from marts.fct_region_forecast group by all order by 1") == [
        ("gadgets", 6),
        ("widgets", 9),
    ]
    assert query(warehouse, "select count(*) from marts.audit_consistency where blocking and not passed") == [(0,)]


# --- the market series between, after and before its stated values ---------------------------------------------

# Stated: 1,000 (2024) and 1,210 (2026); CAGR 10%. By hand: 2025 = 1,000 x (1,210 / 1,000)^(1/2) = 1,100;
# 2027 = 1,210 x 1.1 = 1,331; 2028 = 1,464.1; before the first stated year 2023 = 1,000 / 1.1 = 909.0909...;
# 2022 = 1,000 / 1.1^2 = 826.4462...
KELP = """Kelp Battery Market

Pages: 10 | Base Year: 2022 | Forecast Period: 2023-2028

The kelp battery market was valued at USD 1,000 million in 2024 and USD 1,210 million in 2026.
The kelp battery market is expected to grow at a CAGR of 10% during the forecast period.
"""


def test_the_market_series_is_interpolated_grown_and_discounted_to_the_exact_values(tmp_path):
    result, warehouse_path = build(tmp_path, {"kelp.txt": KELP})
    assert result.success
    rows = query(warehouse_path, "select year, value_usd_m, basis from marts.fct_market_size order by year")
    assert [(year, basis) for year, _, basis in rows] == [
        (2022, "extrapolated"),
        (2023, "extrapolated"),
        (2024, "reported"),
        (2025, "interpolated"),
        (2026, "reported"),
        (2027, "extrapolated"),
        (2028, "extrapolated"),
    ]
    values = [value for _, value, _ in rows]
    expected = [1000 / 1.1**2, 1000 / 1.1, 1000.0, 1100.0, 1210.0, 1331.0, 1464.1]
    assert values == pytest.approx(expected, rel=1e-12)
