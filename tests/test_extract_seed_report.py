"""The extractor on the Space Mining seed page: exact values, exact spans."""

import pytest

from pipelines.extract.report import extract_report


@pytest.fixture(scope="module")
def report(seed_text):
    return extract_report(seed_text)


# (metric, scope, dimension, member, year, period, value in USD millions, pct, [char_start, char_end) of the quote)
SEED_FACTS = [
    ("value", "market", None, None, 2024, None, 2754.6, None, (757, 981)),
    ("value", "market", None, None, 2025, None, 3411.8, None, (757, 981)),
    ("value", "market", None, None, 2032, None, 16068.6, None, (757, 981)),
    ("cagr", "market", None, None, None, (2025, 2032), None, 24.53, (757, 981)),
    ("share", "region", "region", "North America", 2024, None, None, 34.09, (1506, 1580)),
    ("value", "region", "region", "North America", 2024, None, 938.9, None, (1506, 1580)),
    ("value", "segment", "asteroid type", "C-type", 2024, None, 997.7, None, (1586, 1651)),
    ("value", "segment", "mission phase", "Spacecraft Design & Engineering", 2032, None, 6704.5, None, (1657, 1750)),
    ("value", "segment", "application", "Construction", 2032, None, 4810.9, None, (1756, 1847)),
    ("cagr", "region", "region", "Asia Pacific", None, (2025, 2032), None, 25.68, (1853, 1934)),
    ("share", "segment", "mission phase", "Spacecraft Design & Engineering", 2024, None, None, 42.17, (9607, 9895)),
]


def _as_row(figure):
    period = (figure.period_start_year, figure.period_end_year) if figure.metric == "cagr" else None
    return (
        figure.metric,
        figure.scope,
        figure.dimension,
        figure.member,
        figure.year,
        period,
        figure.value_millions,
        figure.pct,
        (figure.char_start, figure.char_end),
    )


def test_seed_yields_its_eleven_distinct_figures_with_exact_values_and_spans(report):
    assert [_as_row(figure) for figure in report.figures] == SEED_FACTS


def test_every_quote_is_the_source_text_at_its_span(report, seed_text):
    for figure in report.figures:
        assert seed_text[figure.char_start : figure.char_end] == figure.quote
        assert seed_text[figure.figure_start : figure.figure_end] == figure.figure_text
    for row in (*report.taxonomy.segments, *report.taxonomy.regions, *report.companies, *report.developments):
        assert seed_text[row.char_start : row.char_end] == row.quote


def test_highlights_repeating_the_body_count_as_one_fact_with_their_mentions(report):
    assert sum(figure.mentions for figure in report.figures) == 18
    market_2024 = report.figures[0]
    assert market_2024.mentions == 2
    assert market_2024.quote.startswith("The global space mining market size was valued at USD 2,754.6 million")


def test_money_is_usd_and_carries_the_rounding_of_its_stated_digits(report):
    money = [figure for figure in report.figures if figure.metric == "value"]
    assert {figure.currency for figure in money} == {"USD"}
    assert {figure.rounding for figure in money} == {0.05}
    assert {figure.rounding for figure in report.figures if figure.metric != "value"} == {0.005}


def test_metadata_comes_from_the_title_and_header_line(report, seed_text):
    metadata = report.metadata
    assert (metadata.market, metadata.title) == ("Space Mining", "Space Mining Market")
    assert (metadata.pages, metadata.base_year, metadata.released_month, metadata.author) == (
        170,
        2024,
        "2025-07",
        "Versha V.",
    )
    assert seed_text[metadata.char_start : metadata.char_end] == metadata.quote
    assert (report.forecast_start_year, report.forecast_end_year) == (2025, 2032)


def test_scope_list_gives_three_segment_dimensions_with_thirteen_members(report):
    assert report.taxonomy.dimensions == {
        "asteroid type": ("C-type", "S-type", "M-type", "Others"),
        "mission phase": ("Spacecraft Design & Engineering", "Launch Services", "Mining Operations & Logistics"),
        "application": (
            "Construction",
            "Extraterrestrial Commodity",
            "Resource Harvesting",
            "Fuel Mining",
            "3D Printing",
            "Others",
        ),
    }


def test_scope_list_gives_five_regions_with_their_twenty_five_countries(report):
    countries_by_region = {}
    for row in report.taxonomy.regions:
        countries_by_region.setdefault(row.region, []).append(row.country)
    assert countries_by_region == {
        "North America": ["U.S.", "Canada", "Mexico"],
        "Europe": ["France", "UK", "Spain", "Germany", "Italy", "Russia", "Rest of Europe"],
        "Asia Pacific": ["China", "Japan", "India", "Australia", "ASEAN", "South Korea", "Rest of Asia-Pacific"],
        "Middle East & Africa": ["Turkey", "U.A.E.", "Saudi Arabia", "South Africa", "Rest of Middle East & Africa"],
        "South America": ["Brazil", "Argentina", "Rest of South America"],
    }


def test_deal_amounts_in_developments_are_not_market_figures(report):
    assert all(figure.value_millions != 20.0 for figure in report.figures)
    assert [development.amount_usd_m for development in report.developments].count(20.0) == 1
    assert len(report.developments) == 7
    assert len(report.companies) == 15
