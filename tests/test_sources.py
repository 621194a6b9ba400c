"""Sources beyond plain text: analyst fact tables with exchange rates, HTML pages, Markdown, metadata sidecars."""

import json

import duckdb
import pytest

from tests.conftest import SEED_REPORT, build_warehouse, make_raw_dir

FACTS_CSV = """\
report_id,source,market,metric,scope,dimension,member,year,period_start_year,period_end_year,value,unit,currency,note
space-mining-market,,,value,market,,,2024,,,2.80,billion,USD,analyst estimate
,Orbit Research 2025,Space Mining,value,market,,,2025,,,2.58,billion,USD,
,Orbit Research 2025,Space Mining,cagr,market,,,,2025,2032,21.5,percent,,
,Orbit Research 2025,Space Mining,value,region,,Europe,2025,,,600,million,EUR,
nosuch,,,value,market,,,2024,,,1,billion,,
space-mining-market,,,value,market,,,2026,,,"3,5",billion,,
"""
FX_CSV = "currency,year,usd_per_unit,source\nEUR,2025,1.08,annual average\n"


@pytest.fixture(scope="module")
def with_tables(tmp_path_factory):
    root = tmp_path_factory.mktemp("tables")
    raw_dir = make_raw_dir(root, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    (raw_dir / "tables").mkdir()
    (raw_dir / "tables" / "reported_facts.csv").write_text(FACTS_CSV, encoding="utf-8")
    (raw_dir / "tables" / "fx_rates.csv").write_text(FX_CSV, encoding="utf-8")
    warehouse_path = root / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        yield connection, raw_dir


def test_table_facts_load_beside_text_facts_with_file_line_and_exact_span(with_tables):
    connection, raw_dir = with_tables
    rows = connection.execute(
        "select report_id, metric, year, period_start_year, value_usd_m, pct, source_file, source_line, quote, "
        "char_start, char_end from marts.fct_reported_fact where source_kind = 'table' order by source_line"
    ).fetchall()
    assert [row[:8] for row in rows] == [
        ("space-mining-market", "value", 2024, None, 2800.0, None, "tables/reported_facts.csv", 2),
        ("orbit-research-2025", "value", 2025, None, 2580.0, None, "tables/reported_facts.csv", 3),
        ("orbit-research-2025", "cagr", None, 2025, None, 21.5, "tables/reported_facts.csv", 4),
        ("orbit-research-2025", "value", 2025, None, 648.0, None, "tables/reported_facts.csv", 5),
    ]
    csv_text = (raw_dir / "tables/reported_facts.csv").read_text(encoding="utf-8")
    assert all(csv_text[start:end] == quote for *_, quote, start, end in rows)


def test_a_source_named_only_in_a_table_becomes_a_report_of_its_own(with_tables):
    connection, _ = with_tables
    assert connection.execute(
        "select market, publisher, source_file from marts.dim_report where report_id = 'orbit-research-2025'"
    ).fetchall() == [("Space Mining", "Orbit Research 2025", "tables/reported_facts.csv")]
    years = connection.execute(
        "select min(year), max(year) from marts.fct_market_size where report_id = 'orbit-research-2025'"
    ).fetchall()
    assert years == [(2025, 2032)]


def test_a_table_and_the_text_disagreeing_are_both_kept_and_the_conflict_is_audited(with_tables):
    connection, _ = with_tables
    assert connection.execute(
        "select stated, implied, passed from marts.audit_consistency "
        "where check_name = 'a figure stated twice with different values' and period = '2024'"
    ).fetchall() == [(2754.6, 2800.0, False)]
    # the text is stated first, so the market series keeps it
    assert connection.execute(
        "select value_usd_m from marts.fct_market_size where report_id = 'space-mining-market' and year = 2024"
    ).fetchall() == [(2754.6,)]


def test_other_currencies_convert_only_with_a_supplied_rate(with_tables):
    connection, _ = with_tables
    assert connection.execute(
        "select currency, fx_usd_per_unit, fx_source from marts.fct_reported_fact where member = 'Europe'"
    ).fetchall() == [("EUR", 1.08, "tables/fx_rates.csv:2")]


def test_bad_table_rows_are_quarantined_with_file_and_line(with_tables):
    connection, _ = with_tables
    assert connection.execute("select row_key, reason from marts.meta_quarantine order by row_key").fetchall() == [
        (
            "tables/reported_facts.csv:6",
            "tables/reported_facts.csv:6: report_id 'nosuch' is not a loaded report (give a source instead)",
        ),
        ("tables/reported_facts.csv:7", 'tables/reported_facts.csv:7: "3,5": decimal comma is ambiguous'),
    ]


def test_a_euro_amount_without_a_rate_keeps_its_currency_and_no_usd_value(tmp_path):
    page = "Lunar Water Market\n\nThe European lunar water market was valued at EUR 350 million in 2024.\n"
    raw_dir = make_raw_dir(tmp_path, {"lunar-water.txt": page.encode("utf-8")})
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute(
            "select value_millions, currency, value_usd_m from marts.fct_reported_fact"
        ).fetchall() == [(350.0, "EUR", None)]


HTML_PAGE = """<!doctype html>
<html><head><title>Orbital Debris Removal Market Report</title>
<style>.x { color: red }</style><script>var hidden = "USD 99 billion in 2024";</script></head>
<body><h1>Orbital Debris Removal Market</h1>
<p>The global orbital debris removal market size was valued at USD&nbsp;1.52 billion in 2024 and is predicted
to reach USD 5.21 billion by 2034, expanding at a CAGR of 13.12% from 2024 to 2034.</p>
<table><tr><th>Region</th><th>Share (2024)</th></tr>
<tr><td>North America</td><td>held a share of 41.5% in 2024</td></tr></table>
</body></html>
"""


def test_an_html_page_is_read_as_its_visible_text_and_quotes_point_into_that_text(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"orbital-debris.html": HTML_PAGE.encode("utf-8")})
    (raw_dir / "reports" / "orbital-debris.html.meta.json").write_text(
        json.dumps({"publisher": "Orbit Analytics", "url": "https://example.com/orbital-debris"}), encoding="utf-8"
    )
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        facts = connection.execute(
            "select metric, scope, member, year, value_usd_m, pct, quote from marts.fct_reported_fact "
            "order by char_start, figure_start"
        ).fetchall()
        report = connection.execute("select market, publisher, title from marts.dim_report").fetchall()
    assert [fact[:6] for fact in facts] == [
        ("value", "market", None, 2024, 1520.0, None),
        ("value", "market", None, 2034, 5210.0, None),
        ("cagr", "market", None, None, None, 13.12),
        ("share", "region", "North America", 2024, None, 41.5),
    ]
    assert facts[0][6].startswith("The global orbital debris removal market size was valued at USD\xa01.52 billion")
    assert "99" not in "".join(fact[6] for fact in facts)  # script content is not page text
    assert report == [("Orbital Debris Removal", "Orbit Analytics", "Orbital Debris Removal Market Report")]


def test_a_markdown_page_reads_its_heading_as_the_title(tmp_path):
    page = "# Cold-Chain Drone Market\n\n**Key figure:** the market was valued at **USD 410 million** in 2024.\n"
    raw_dir = make_raw_dir(tmp_path, {"cold-chain-drones.md": page.encode("utf-8")})
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select market, title from marts.dim_report").fetchall() == [
            ("Cold-Chain Drone", "Cold-Chain Drone Market")
        ]
        assert connection.execute("select year, value_usd_m from marts.fct_reported_fact").fetchall() == [(2024, 410.0)]


def test_a_table_line_with_a_decimal_comma_is_quarantined_and_the_rest_of_the_table_loads(tmp_path):
    raw_dir = make_raw_dir(tmp_path, {"space-mining-market.txt": SEED_REPORT.read_bytes()})
    (raw_dir / "tables").mkdir()
    (raw_dir / "tables" / "fx_rates.csv").write_text("currency,usd_per_unit\nEUR,1,08\nGBP,1.27\n", encoding="utf-8")
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        assert connection.execute("select count(*) from marts.meta_rejection").fetchall() == [(0,)]
        quarantined = connection.execute(
            "select row_key, reason from marts.meta_quarantine where row_key like 'tables/%'"
        ).fetchall()
    assert quarantined == [
        ("tables/fx_rates.csv:2", "tables/fx_rates.csv:2: usd_per_unit is not a positive number in 'EUR,1,08'")
    ]
