"""A stated figure is never lost for lack of context: built for real (Dagster's materialize) on small pages."""

import json

import duckdb

from tests.conftest import build_warehouse, make_raw_dir

HISTORY_PAGE = """Hydrofoil Ferry Market
Base Year: 2024

The hydrofoil ferry market stood at USD 650 million in 2018.
The hydrofoil ferry market was valued at USD 1,000 million in 2024 and is expected to reach USD 2,000 million by 2030.
Operators also expect the hydrofoil ferry market to keep growing at a CAGR of 8.5%.
The global hydrofoil ferry market is also valued at USD 1.2 billion.
The hydrofoil ferry market is valued at USD 1,000 million.
"""


def _build(tmp_path, files):
    raw_dir = make_raw_dir(tmp_path, files)
    warehouse_path = tmp_path / "warehouse" / "market.duckdb"
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    return raw_dir, warehouse_path


def test_history_before_the_base_year_is_reported_and_yearless_figures_are_kept_out_of_series(tmp_path):
    _, warehouse_path = _build(tmp_path, {"hydrofoil.txt": HISTORY_PAGE.encode()})
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        sizes = connection.execute(
            "select year, value_usd_m, basis from marts.fct_market_size order by year"
        ).fetchall()
        kept = connection.execute(
            "select metric, year, value_usd_m, pct, period_start_year, period_end_year, period_source "
            "from marts.fct_reported_fact where year is null and metric <> 'share' order by metric"
        ).fetchall()
        quarantined = connection.execute("select count(*) from marts.meta_quarantine where stage = 'validate'")
        (quarantined,) = quarantined.fetchone()
        (mentions_2024,) = connection.execute(
            "select mentions from marts.fct_reported_fact where metric = 'value' and year = 2024"
        ).fetchone()
    assert sizes[0] == (2018, 650.0, "reported")
    assert (2024, 1000.0, "reported") in sizes and (2030, 2000.0, "reported") in sizes
    assert [year for year, _, _ in sizes] == list(range(2018, 2031))
    assert kept == [
        ("cagr", None, None, 8.5, None, None, "none"),
        ("value", None, 1200.0, None, None, None, None),
    ]
    # the same amount again without its year is the 2024 statement repeated, not a second figure
    assert mentions_2024 == 2
    assert quarantined == 0


def test_a_sidecar_added_after_its_page_was_read_is_applied_at_the_next_build(tmp_path):
    raw_dir, warehouse_path = _build(tmp_path, {"hydrofoil.txt": HISTORY_PAGE.encode()})
    sidecar = raw_dir / "reports" / "hydrofoil.txt.meta.json"
    sidecar.write_text(json.dumps({"publisher": "Kestrel Research"}), encoding="utf-8")
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        (publisher,) = connection.execute("select publisher from marts.dim_report").fetchone()
    assert publisher == "Kestrel Research"


GAPS_PAGE = """Kelp Fibre Market
Base Year: 2024 | Forecast period: 2025-2030
By Region: North America, Europe, Asia Pacific

The kelp fibre market was valued at USD 1,000 million in 2024 and is expected to reach USD 2,000 million by 2030.
North America held a 40% share in 2024.
Europe accounted for USD 300 million in 2024, while Europe's share is often quoted at 29% in 2024.
The U.S. market was valued at USD 350 million in 2024.
Regional split: North America 41%, Europe 30%.
"""


def test_every_stated_member_figure_is_reproduced_or_named_with_the_reason_it_was_not_used(tmp_path):
    _, warehouse_path = _build(tmp_path, {"kelp.txt": GAPS_PAGE.encode()})
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        stated = connection.execute(
            "select fact_id from marts.fct_reported_fact where scope in ('region', 'country', 'segment')"
        ).fetchall()
        accounted = connection.execute(
            "select unnest(string_split(fact_ids, ',')) from marts.audit_consistency "
            "where check_name like 'forecast reproduces%' or check_name = 'stated figure used in a forecast'"
        ).fetchall()
        not_used = connection.execute(
            "select member, period, stated, blocking, detail from marts.audit_consistency "
            "where check_name = 'stated figure used in a forecast' order by member, period, stated"
        ).fetchall()
    assert {fact_id for (fact_id,) in stated} <= {fact_id for (fact_id,) in accounted}
    assert not_used == [
        ("Europe", "2024", 29.0, False,
         "not used: another figure pins the member in 2024 (a stated value before a share, the first statement "
         "before a later one)"),
        ("Europe", None, 30.0, False, "not used: the page states no year for this figure"),
        ("North America", None, 41.0, False, "not used: the page states no year for this figure"),
        ("U.S.", "2024", 350.0, False, "not used: country forecasts come only from raw/tables/country_weights.csv"),
    ]  # fmt: skip


def test_a_report_whose_forecast_period_cannot_be_right_still_loads_with_its_figures(tmp_path):
    page = (
        "Tidal Kite Market\nBase Year: 2024 | Forecast period: 2070-2080\n\n"
        "The tidal kite market was valued at USD 310 million in 2024.\n"
    )
    _, warehouse_path = _build(tmp_path, {"kite.txt": page.encode()})
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        report = connection.execute("select forecast_start_year, forecast_end_year from marts.dim_report").fetchall()
        facts = connection.execute("select year, value_usd_m from marts.fct_reported_fact").fetchall()
        reasons = connection.execute("select reason from marts.meta_quarantine where stage = 'validate'").fetchall()
    assert report == [(None, None)]
    assert facts == [(2024, 310.0)]
    assert reasons == [
        (
            "forecast period 2070-2080 is over 30 years from the base year 2024: "
            "the report loads without a forecast period",
        )
    ]


RATE_APART_PAGE = """Tidal Kite Market

The tidal kite market was worth USD 40 million in 2022 and is set to reach USD 1.3 billion in 2032.
Developers keep announcing new arrays along the Atlantic coast.
The industry will grow at a compounded rate of 42% per year, analysts say.
"""


def test_a_rate_stated_apart_from_its_values_is_published_over_the_years_of_the_values_it_reproduces(tmp_path):
    _, warehouse_path = _build(tmp_path, {"tidal-kite.txt": RATE_APART_PAGE.encode()})
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        rates = connection.execute(
            "select pct, period_start_year, period_end_year, period_source from marts.fct_reported_fact "
            "where metric = 'cagr'"
        ).fetchall()
        (withheld,) = connection.execute("select count(*) from marts.meta_withheld").fetchone()
    assert rates == [(42.0, 2022, 2032, "stated values")]
    assert withheld == 0
