"""Phrasings and layouts seen on real report pages, press releases and news articles (docs/real-page-patterns.md),
each rewritten in our own words: one test per pattern class, on the pure extractor."""

from decimal import Decimal

import pytest

from pipelines.extract.market_identity import market_identity
from pipelines.extract.numbers import find_money, find_percentages, find_year_ranges, find_years
from pipelines.extract.report import extract_report
from pipelines.extract.sentences import split_sentences


def _figures(text: str, **where):
    report = extract_report(text)
    return [figure for figure in report.figures if all(getattr(figure, name) == value for name, value in where.items())]


def _cagr(text: str):
    (cagr,) = _figures(text, metric="cagr", scope="market")
    return cagr.pct, cagr.period_start_year, cagr.period_end_year, cagr.period_source


# --- 2. a stated figure is never lost for lack of context -------------------------------------------------------


def test_a_cagr_takes_its_period_from_the_values_its_sentence_grows_between():
    text = (
        "The orbital welding market is expected to climb from USD 1.5 billion in 2025 to USD 4.0 billion by 2032, "
        "exhibiting a CAGR of 15.0% during the forecast period.\n"
        "Forecast Period | 2026-2031\n"
    )
    assert _cagr(text) == (15.0, 2025, 2032, "sentence")


def test_a_cagr_by_an_end_year_starts_at_the_year_its_sentence_starts_from():
    text = (
        "The tidal kite market was valued at $1.3 billion in 2024 and may hit $7.9 billion by 2033, "
        "growing at a CAGR of 21.8%.\n"
    )
    assert _cagr(text) == (21.8, 2024, 2033, "sentence")


def test_a_rate_whose_period_the_page_writes_elsewhere_takes_that_period_not_its_values_years():
    text = (
        "Brine Lithium Market\n\n"
        "The brine lithium market is expected to grow from USD 204.4 billion in 2024 to USD 360.8 billion by 2034, "
        "reflecting a CAGR of 6.29%.\n"
        "The brine lithium market is projected to expand at a CAGR of 6.29% between 2025 and 2034.\n"
    )
    (cagr,) = _figures(text, metric="cagr", scope="market")
    assert (cagr.pct, cagr.period_start_year, cagr.period_end_year, cagr.mentions) == (6.29, 2025, 2034, 2)
    text = (
        "Brine Lithium Market\n\n"
        "The brine lithium market will grow at a 53% CAGR from 2020 to 2026.\n"
        "The brine lithium market is expected to grow at a CAGR of 53% from 2021 to 2026.\n"
    )
    periods = {(f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr", scope="market")}
    assert periods == {(2020, 2026), (2021, 2026)}  # two written periods: two statements


def test_a_period_written_from_one_year_until_another_is_the_rates_period():
    text = "Kelp Fibre Market\n\nThe kelp fibre market could see 15 to 20% annual growth from 2021 until 2028.\n"
    (cagr,) = _figures(text, metric="cagr", scope="market")
    assert (cagr.pct, cagr.pct_high, cagr.period_start_year, cagr.period_end_year) == (15.0, 20.0, 2021, 2028)


def test_a_cagr_without_a_period_takes_the_period_the_page_labels():
    text = (
        "Report Attribute | Details\nForecast Period | 2026-2031\n\n"
        "The sea-salt battery market is growing at a robust CAGR of 12.4%.\n"
    )
    assert _cagr(text) == (12.4, 2026, 2031, "page label")


def test_during_the_forecast_period_takes_the_pages_forecast_period():
    text = "The kelp fibre market will expand at a CAGR of 6.2% during the forecast period (2025-2030).\n"
    assert _cagr(text) == (6.2, 2025, 2030, "sentence")
    text = (
        "Forecast period: 2025-2030\nThe kelp fibre market will expand at a CAGR of 6.2% during the forecast period.\n"
    )
    assert _cagr(text)[1:] == (2025, 2030, "forecast period")


def test_a_cagr_with_no_period_anywhere_is_kept_without_one():
    text = "Analysts expect the ice-road logistics market to keep expanding at a CAGR of 9.5%.\n"
    assert _cagr(text) == (9.5, None, None, "none")


@pytest.mark.parametrize(
    ("sentence", "pct"),
    [
        ("The drone mapping market grows at a CAGR of 9.07 per cent from 2025 to 2030.", 9.07),
        ("The drone mapping market shows a compound annual growth rate (CAGR) of 25.08 during 2025 - 2035.", 25.08),
        ("The drone mapping market will rise at an average annual rate of 17.91% from 2024 to 2031.", 17.91),
    ],
)
def test_a_cagr_is_read_without_a_percent_sign_or_the_word_cagr(sentence, pct):
    assert _cagr(sentence + "\n")[0] == pct


def test_a_value_with_no_year_is_kept_with_year_null():
    (value,) = _figures("The global quartz sand market is valued at USD 2 billion.\n", metric="value")
    assert (value.scope, value.year, value.value_millions) == ("market", None, 2000.0)


def test_a_history_value_before_the_base_year_is_stated_and_the_inferred_base_year_never_follows_it():
    text = (
        "Hydrofoil Ferry Market | Forecast Period 2027-2031\n"
        "The hydrofoil ferry market stood at USD 650 million in 2018 and reached USD 900 million in 2025.\n"
    )
    report = extract_report(text)
    assert sorted(f.year for f in report.figures if f.metric == "value") == [2018, 2025]
    assert (report.metadata.base_year, report.metadata.base_year_inferred) == (2025, True)


# --- 3. precision on real prose -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Packaged seaweed snacks now sell for USD 12.65 per item in the US.",
        "Start-ups in the field attracted about $87 million of venture capital in 2022.",
        "The agency has a budget of EUR 1 billion over ten years for the programme.",
        "A single prospecting mission is estimated to cost $2.6 billion in 2026.",
        "Production costs fell to USD 6.20 per pound in 2024.",
    ],
)
def test_prices_funding_budgets_and_costs_are_not_market_figures(sentence):
    assert _figures(sentence + "\n", metric="value") == []


def test_a_percentage_increase_in_something_else_is_not_a_market_figure():
    assert _figures("Operators reported a 20% increase in launches in 2024.\n") == []


@pytest.mark.parametrize(
    ("sentence", "millions"),
    [
        ("The wave energy market reached 1.444 USD Billion in 2025.", 1444.0),
        ("The wave energy market reached USD 1,095 Mn in 2025.", 1095.0),
        ("The wave energy market reached $4.28 Bn in 2025.", 4280.0),
        ("The wave energy market reached USD 2.1 bn in 2025.", 2100.0),
    ],
)
def test_amounts_in_the_ways_publishers_write_them(sentence, millions):
    (value,) = _figures(sentence + "\n", metric="value")
    assert (value.year, value.value_millions) == (2025, millions)


def test_a_takeaway_line_gives_each_figure_to_the_member_that_opens_its_clause():
    text = (
        "- By animal, dogs captured 49.6% of the pet snack market in 2024, whereas cats are projected to post a "
        "7.7% CAGR between 2025 and 2030.\n"
    )
    figures = {(f.metric, f.scope, f.dimension, f.member) for f in extract_report(text).figures}
    assert figures == {("share", "segment", "animal", "dogs"), ("cagr", "segment", "animal", "cats")}


# --- 4. taxonomy and metadata hygiene -------------------------------------------------------------------------------


def test_a_list_tail_names_no_member_and_a_world_region_has_one_name_however_spelled():
    text = "Kelp Fibre Market by Geography (North America, Europe, Asia-Pacific, and More)\n"
    assert extract_report(text).taxonomy.region_names == ("North America", "Europe", "Asia Pacific")
    text = "Kelp Fibre Market by Geography (North America, EUROPE, APAC, and More)\n"
    assert extract_report(text).taxonomy.region_names == ("North America", "Europe", "Asia Pacific")


def test_two_known_places_joined_in_one_item_are_two_regions_and_a_segment_name_with_and_stays_whole():
    text = (
        "By Region: North America, Europe, Latin America and Middle East & Africa\n"
        "By Crop (Fruits and Vegetables, Grains, Others)\n"
    )
    report = extract_report(text)
    assert report.taxonomy.region_names == ("North America", "Europe", "Latin America", "Middle East & Africa")
    assert [row.member for row in report.taxonomy.segments] == ["Fruits and Vegetables", "Grains", "Others"]


def test_market_and_publisher_never_come_from_navigation_or_labels():
    text = (
        "Services\nReport Store\nMarket Insights\nLargest Market\n"
        "Home Energy And Power Tidal Kite Market Report, 2031\n\n"
        "Kestrel Research has published a new report on the tidal kite market. The tidal kite market was valued at "
        "USD 310 million in 2024.\n"
    )
    metadata = extract_report(text).metadata
    assert (metadata.market, metadata.publisher) == ("Tidal Kite", "Kestrel Research")


# --- layouts ---------------------------------------------------------------------------------------------------------


def test_stat_cards_are_read_as_figures_and_a_companys_card_is_not():
    text = (
        "Kelp Fibre Market\n"
        "2.15 Billion\nMarket Size in 2024 (USD)\n"
        "10.17 %\nCAGR (2017-2023)\n"
        "Largest Segment by Type\n60.31 %\nvalue share, Woven Fibre, 2023\n"
        "Fastest-growing Segment by Country\n12.87 %\nProjected CAGR, India, 2024-2029\n"
        "Leading Market Player\n8.53 %\nmarket share, Kestrel Fibres PLC, 2022\n"
    )
    report = extract_report(text)
    facts = {
        (f.metric, f.scope, f.dimension, f.member, f.year, f.period_start_year, f.value_millions or f.pct)
        for f in report.figures
    }
    assert facts == {
        ("value", "market", None, None, 2024, None, 2150.0),
        ("cagr", "market", None, None, None, 2017, 10.17),
        ("share", "segment", "type", "Woven Fibre", 2023, None, 60.31),
        ("cagr", "country", "country", "India", None, 2024, 12.87),
    }
    (company,) = [s for s in report.skipped if "8.53" in s.reason]
    assert "a company's share" in company.reason
    (card,) = [f for f in report.figures if f.metric == "share"]
    assert text[card.char_start : card.char_end] == card.quote == "60.31 %\nvalue share, Woven Fibre, 2023"


def test_a_drivers_impact_on_the_cagr_is_not_a_cagr():
    text = (
        "| Driver | (~) % Impact on CAGR Forecast | Geographic Relevance |\n"
        "|---|---|---|\n"
        "| Rise in premium diets | +1.2% | Global |\n"
    )
    assert [f for f in extract_report(text).figures if f.metric == "cagr"] == []


def test_percentages_listed_after_region_names_are_their_shares_even_without_a_year():
    text = "- Regional Insights: North America 38%, Europe 27%, Asia Pacific 25%.\n"
    shares = {(f.scope, f.member, f.year, f.pct) for f in extract_report(text).figures if f.metric == "share"}
    assert shares == {
        ("region", "North America", None, 38.0),
        ("region", "Europe", None, 27.0),
        ("region", "Asia Pacific", None, 25.0),
    }


def test_exports_and_imports_are_not_market_figures():
    text = "U.S. battery exports reached nearly USD 8 billion in 2024, while imports topped USD 25 billion.\n"
    assert _figures(text, metric="value") == []


def test_a_possessive_title_names_its_market_and_the_place_in_it_is_the_market_not_a_region():
    text = (
        "Europe’s Heat Pump Market Booms Amid Policy Support\n"
        "Europe’s heat pump market reached EUR 15 billion in 2024.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Europe Heat Pump"
    assert [(f.scope, f.value_millions, f.currency) for f in report.figures] == [("market", 15000.0, "EUR")]


def test_a_table_run_together_on_one_line_is_read_row_by_row_under_its_captions_unit():
    text = (
        "Kelp Fibre Market Regional Revenue (USD Billion), By Component\n\n"
        "By Component 2022 2023 North America 1.25 1.40 Europe 0.90 0.95 Marine Textiles 0.40 0.52\n"
    )
    facts = {(f.scope, f.dimension, f.member, f.year, f.value_millions) for f in extract_report(text).figures}
    assert facts == {
        ("region", "region", "North America", 2022, 1250.0),
        ("region", "region", "North America", 2023, 1400.0),
        ("region", "region", "Europe", 2022, 900.0),
        ("region", "region", "Europe", 2023, 950.0),
        ("segment", "component", "Marine Textiles", 2022, 400.0),
        ("segment", "component", "Marine Textiles", 2023, 520.0),
    }


def test_a_table_written_one_cell_per_line_is_read_row_by_row_under_its_caption():
    text = (
        "Table 2. Kelp Fibre Revenue, Worldwide, 2024-2026 (Millions of Dollars)\n\n"
        "Segment\n\n2024\n\n2025\n\n2026\n\n"
        "Apparel Fibre\n\n1,210\n\n1,385\n\n1,590\n\n"
        "Growth (%)\n\n-2.1\n\n14.5\n\n14.8\n\n"
        "Rope Fibre\n\n640\n\n702\n\n779\n\n"
        "Source: a kelp fibre analyst (May 2025)\n"
    )
    facts = {(f.scope, f.member, f.year, f.value_millions) for f in extract_report(text).figures}
    assert facts == {
        ("segment", "Apparel Fibre", 2024, 1210.0),
        ("segment", "Apparel Fibre", 2025, 1385.0),
        ("segment", "Apparel Fibre", 2026, 1590.0),
        ("segment", "Rope Fibre", 2024, 640.0),
        ("segment", "Rope Fibre", 2025, 702.0),
        ("segment", "Rope Fibre", 2026, 779.0),
    }


def test_a_run_together_table_cut_short_in_its_last_row_keeps_its_full_rows():
    text = (
        "Kelp Fibre Market Revenue, by Application, 2023 to 2025 (USD Billion)\n\n"
        "Application 2023 2024 2025 Apparel 3.15 3.42 3.80 Rope & Netting 1\n"
    )
    facts = {(f.scope, f.member, f.year, f.value_millions) for f in extract_report(text).figures}
    assert facts == {
        ("segment", "Apparel", 2023, 3150.0),
        ("segment", "Apparel", 2024, 3420.0),
        ("segment", "Apparel", 2025, 3800.0),
    }


def test_a_line_of_years_and_numbers_that_does_not_fill_its_rows_is_not_a_table():
    text = "Revenue (USD Million)\nIn 2022 2023 the fleet grew from 12 to 15 ships.\n"
    assert extract_report(text).figures == ()


def test_a_cagr_followed_by_the_values_it_grows_between_takes_their_years():
    text = (
        "Analysts put the kelp fibre market's CAGR at 14.1%, rising from $894 million in 2020 "
        "to $2.6 billion in 2028.\n"
    )
    assert _cagr(text) == (14.1, 2020, 2028, "sentence")


def test_an_end_year_without_any_start_gives_no_period_rather_than_half_of_one():
    text = "The kelp fibre market is set to keep expanding at a CAGR of 7.4% through 2026.\n"
    assert _cagr(text) == (7.4, None, None, "none")


def test_a_one_year_step_is_not_the_pages_forecast_period():
    text = (
        "The kelp fibre market grows from $0.15 billion in 2025 to $0.2 billion in 2026, a CAGR of 39.2%.\n"
        "Over the forecast period, the kelp fibre market is expected to grow at a CAGR of 38.3%.\n"
    )
    report = extract_report(text)
    assert (report.forecast_start_year, report.forecast_end_year) == (None, None)
    periods = {
        (f.pct, f.period_start_year, f.period_end_year, f.period_source) for f in report.figures if f.metric == "cagr"
    }
    assert periods == {(39.2, 2025, 2026, "sentence"), (38.3, None, None, "none")}


def test_spending_is_how_analysts_size_some_markets():
    text = "Worldwide 3D printing spending will reach $23B in 2022, according to a new forecast.\n"
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2022, 23000.0)]


def test_an_amount_compared_with_funding_is_funding_too():
    text = (
        "Venture capital for space resources lagged satellite funding in 2022 (about $87 million vs. $4.7 billion).\n"
    )
    assert _figures(text, metric="value") == []


def test_a_card_whose_label_sits_above_its_figure():
    text = "Summary\n2030 Forecast\n$4.28 Bn\nGrowth Rate\n↗ 23.70%\nTop Region\nNorth America\n"
    facts = {(f.metric, f.year, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert facts == {("value", 2030, 4280.0), ("cagr", None, 23.7)}


def test_a_figure_of_another_market_is_not_this_markets_and_a_sub_market_is_a_segment():
    text = (
        "Heat Pump Market Report\n"
        "The heat pump market was valued at USD 60 billion in 2024 and the heat pump market keeps growing.\n"
        "The air-source heat pump market is projected to grow at a CAGR of 8.4% from 2022 to 2028.\n"
        "The whole HVAC equipment market was worth USD 250 billion in 2024.\n"
    )
    report = extract_report(text)
    facts = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in report.figures}
    assert facts == {("value", "market", None, 60000.0), ("cagr", "segment", "air-source heat pump", 8.4)}
    assert any("another market (HVAC equipment)" in skipped.reason for skipped in report.skipped)


def test_a_share_belongs_to_the_member_its_sentence_opens_with():
    text = "Air-to-air heat pumps hold a 44.3% market share in 2024.\n"
    (share,) = extract_report(text).figures
    assert (share.scope, share.member, share.year, share.pct) == ("segment", "Air-to-air heat pumps", 2024, 44.3)


def test_the_size_of_a_market_now_is_kept_without_a_year_and_an_aggregate_growth_rate_is_a_cagr():
    text = (
        "The drone market in agriculture is expected to expand from roughly $1 billion now to over $7 billion in "
        "2027. That is a combined aggregate growth rate of more than 35%.\n"
    )
    facts = {(f.metric, f.year, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert facts == {("value", None, 1000.0), ("value", 2027, 7000.0), ("cagr", None, 35.0)}


def test_rates_in_a_row_are_all_cagrs_and_share_the_range_after_the_last():
    text = (
        "Analysts expect the green hydrogen market to see a compound annual growth rate of 13.4% in volume and "
        "15.7% in value between 2020 and 2028.\n"
    )
    cagrs = {(f.pct, f.period_start_year, f.period_end_year) for f in extract_report(text).figures}
    assert cagrs == {(13.4, 2020, 2028), (15.7, 2020, 2028)}


def test_an_increase_by_an_amount_is_not_the_markets_size():
    text = "Another forecast says the asteroid mining market will expand by USD 1.26 billion between 2023 and 2028.\n"
    assert _figures(text, metric="value") == []


def test_places_named_together_share_the_figure_or_take_one_each_respectively():
    text = "Europe and the United States accounted for 74% of unit sales in 2024.\n"
    (share,) = extract_report(text).figures
    assert (share.scope, share.member, share.pct) == ("region", "Europe and the United States", 74.0)
    text = "North America and Europe held 30% and 25% shares in 2024, respectively.\n"
    assert {(f.member, f.pct) for f in extract_report(text).figures} == {("North America", 30.0), ("Europe", 25.0)}


def test_an_amount_with_its_conversion_in_brackets_takes_the_year_after_the_brackets():
    text = "A new report says the satellite communications sector will be worth $46.5 billion (€39.4bn) by 2028.\n"
    facts = {(f.currency, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert facts == {("USD", 2028, 46500.0), ("EUR", 2028, 39400.0)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Global kelp consumption is growing at a CAGR of 5.5% from 2024 to 2030.",
        "Annual Growth Rate 24-28% year-over-year in 2024.",
    ],
)
def test_a_growth_rate_of_volume_or_of_one_year_is_not_the_markets_cagr(sentence):
    assert _figures(sentence + "\n", metric="cagr") == []


def test_a_study_period_before_a_cagr_is_not_its_period():
    text = "Forecast Period | 2023-2031\nStudy Period 2019-2031 CAGR 7.9%\n"
    assert _cagr(text) == (7.9, 2023, 2031, "page label")


def test_a_by_list_inside_a_title_ends_at_its_bracket():
    text = (
        "Space Tourism Market (By Type: Orbital, Sub-orbital; By End Use: Government, Commercial) - Global "
        "Industry Analysis, Size, Share, Growth, Trends, Regional Outlook and Forecast 2022-2030\n"
    )
    report = extract_report(text)
    assert [(row.dimension, row.member) for row in report.taxonomy.segments] == [
        ("type", "Orbital"), ("type", "Sub-orbital"), ("end use", "Government"), ("end use", "Commercial"),
    ]  # fmt: skip
    assert (report.forecast_start_year, report.forecast_end_year) == (2022, 2030)


def test_a_charts_span_is_not_the_forecast_period_when_the_market_cagr_states_one():
    text = (
        "Space Tourism Market Size 2021 to 2030\n"
        "The space tourism market is expected to grow at a CAGR of 35.08% from 2022 to 2030.\n"
    )
    report = extract_report(text)
    assert (report.forecast_start_year, report.forecast_end_year) == (2022, 2030)


def test_a_share_table_gives_each_row_its_share():
    text = (
        "E-bike Market Share, By Battery Type, 2020 (%)\n"
        "Battery Type Segment | 2020 (%) |\n"
        "Lithium-ion | 30.83% |\n"
        "Lead Acid | 46.41% |\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in extract_report(text).figures}
    assert shares == {("segment", "Lithium-ion", 2020, 30.83), ("segment", "Lead Acid", 2020, 46.41)}


def test_key_findings_lines_give_the_named_member_its_share():
    text = "Key Findings\n- Largest Region (2024): Asia Pacific (50%)\n- By Charger: Normal (87.5%)\n"
    shares = {(f.scope, f.dimension, f.member, f.year, f.pct) for f in extract_report(text).figures}
    assert shares == {("region", "region", "Asia Pacific", 2024, 50.0), ("segment", "charger", "Normal", None, 87.5)}


def test_a_rate_repeated_without_its_period_is_the_same_cagr():
    text = "Key Findings\n- CAGR: 21.99%\n\nThe electric vehicle market shows a CAGR of 21.99% between 2025 and 2050.\n"
    assert {(f.pct, f.period_start_year, f.period_end_year) for f in extract_report(text).figures} == {
        (21.99, 2025, 2050)
    }


def test_an_end_year_counts_from_the_year_of_the_value_the_sentence_starts_at():
    text = (
        "The market for graphene in 2014 was estimated at $15 to $20 million, with a forecast of 40% CAGR "
        "through 2020.\n"
    )
    assert _cagr(text) == (40.0, 2014, 2020, "sentence")


def test_a_rate_whose_sentence_opens_with_a_channel_or_segment_is_that_members():
    text = "The online distribution channel is forecast to register a 6.1% CAGR from 2022 to 2028.\n"
    (cagr,) = extract_report(text).figures
    assert (cagr.scope, cagr.member, cagr.pct) == ("segment", "online distribution channel", 6.1)


def test_regions_with_rates_and_values_respectively_over_the_same_period():
    text = (
        "The global paints market had revenues of $150.7bn in 2017, a CAGR of 6.2% between 2013 and 2017. In "
        "comparison, the Asia-Pacific and US markets grew with CAGRs of 7.4% and 5.1% respectively, over the same "
        "period, to reach respective values of $82.1bn and $23.4bn in 2017.\n"
    )
    facts = {
        (f.metric, f.member, f.year, f.period_start_year, f.period_end_year, f.pct or f.value_millions)
        for f in extract_report(text).figures
        if f.scope != "market"
    }
    assert facts == {
        ("cagr", "Asia Pacific", None, 2013, 2017, 7.4),
        ("cagr", "U.S.", None, 2013, 2017, 5.1),
        ("value", "Asia Pacific", 2017, None, None, 82100.0),
        ("value", "U.S.", 2017, None, None, 23400.0),
    }


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        ("The cold chain market is estimated at USD 278.2 billion in 2023; it is projected to grow at a CAGR of "
         "9.0% to reach USD 428.4 billion by 2028.", (2023, 2028)),
        ("The healthcare IT market is expected to reach USD 270.3 billion by 2021 from USD 227.5 billion in 2020, "
         "at a CAGR of 23.6%.", (2020, 2021)),
        ("The construction equipment market is expected to grow at a CAGR of 6.2 percent from around 161 billion "
         "U.S. dollars in 2014 to about 192 billion U.S. dollars in 2017.", (2014, 2017)),
    ],
)  # fmt: skip
def test_a_cagr_between_the_values_of_its_sentence_in_any_order(sentence, period):
    assert _cagr(sentence + "\n")[1:3] == period


def test_us_before_a_dollar_sign_is_the_currency_not_the_country():
    text = "The water treatment market is projected to grow to US $ 460 billion by 2028.\n"
    (value,) = extract_report(text).figures
    assert (value.scope, value.year, value.value_millions) == ("market", 2028, 460000.0)


def test_year_and_value_lines_under_a_caption_with_the_unit():
    text = "Market size in billion U.S. dollars\n2014 161\n2015 171\n2016 181\n"
    facts = {(f.scope, f.year, f.value_millions, f.currency) for f in extract_report(text).figures}
    assert facts == {("market", 2014, 161000.0, "USD"), ("market", 2015, 171000.0, "USD"),
                     ("market", 2016, 181000.0, "USD")}  # fmt: skip


def test_a_bracketed_amount_in_the_pages_own_dollars_is_not_read_as_us_dollars():
    text = "The global mining equipment market is forecast to exceed $US90 billion ($125 billion) by 2027.\n"
    facts = {(f.currency, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert facts == {("USD", 2027, 90000.0)}


def test_the_largest_segment_is_the_one_named_after_is():
    text = "The market's largest segment is Hotels with a projected market volume of US$312,265m in 2022.\n"
    (value,) = extract_report(text).figures
    assert (value.scope, value.member, value.value_millions) == ("segment", "Hotels", 312265.0)


def test_a_valuation_the_market_reaches_is_its_size():
    text = "The overall lunar mining market is currently forecast to reach a valuation of $20 billion by 2035.\n"
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2035, 20000.0)]


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "Lantern-fish oil sales should rise at a CAGR of 3.5% over the next five years to $9.2 billion by 2023.",
            (2018, 2023),
        ),
        ("Worth USD 200 million in 2024, the market may grow at a CAGR of 10% over the next five years.", (2024, 2029)),
        (
            "Sales are set to grow 3.1 percent per annum over the next decade, to a market of $6.1 billion in 2017.",
            (2007, 2017),
        ),
    ],
)
def test_a_cagr_over_the_next_n_years_counts_from_or_back_to_the_year_its_sentence_states(sentence, period):
    (cagr,) = _figures(sentence, metric="cagr")
    assert (cagr.period_start_year, cagr.period_end_year, cagr.period_source) == (*period, "sentence")


def test_a_cagr_for_the_next_n_year_period_takes_the_forecast_period_only_when_as_long():
    page = (
        "The global market for kelp fibre estimated at US$4.0 Billion in the year 2022, is projected to reach US$6.4 "
        "Billion by 2030, growing at a CAGR of 6% over the analysis period 2022-2030.\n"
        "Growth in the Woven segment is readjusted to a revised 6.7% CAGR for the next 8-year period.\n"
        "Growth in the Felted segment is readjusted to a revised 4.1% CAGR for the next 5-year period.\n"
    )
    periods = {
        figure.member: (figure.period_start_year, figure.period_end_year, figure.period_source)
        for figure in _figures(page, metric="cagr", scope="segment")
    }
    assert periods == {"Woven": (2022, 2030, "forecast period"), "Felted": (None, None, "none")}


def test_years_counted_in_another_clause_or_beside_a_stated_range_are_not_the_rates_period():
    beside_a_range = (
        "In the next five years, from 2010 to 2015, kelp fibre sales will grow at an average annual rate of 13%."
    )
    assert _cagr(beside_a_range)[1:3] == (2010, 2015)
    other_clause = (
        "The kelp fibre market may reach $1.5 billion by 2023 with a CAGR of 64%, while one maker expects growth of "
        "50-70% over the next five years."
    )
    assert _cagr(other_clause)[1:3] == (None, None)


def test_this_forecast_period_takes_the_years_the_previous_sentence_grows_between():
    text = (
        "The satellite internet market will grow from $3.3 billion in 2022 to $7.27 billion by 2027. During this "
        "forecast period, analysts predict a compound annual growth rate (CAGR) of 16.85%.\n"
    )
    assert _cagr(text) == (16.85, 2022, 2027, "sentence")


def test_that_figure_after_a_year_opening_grows_from_the_value_before():
    text = (
        "Kelp Energy Market\n\nIn 2018, the global kelp energy market was worth $52.5 billion. By 2026, that figure is "
        "expected to reach $223 billion, expanding at a compound annual growth rate of 20.5 in just eight years.\n"
    )
    assert _cagr(text)[:3] == (20.5, 2018, 2026)


def test_a_line_of_years_pairs_with_the_amounts_of_the_next_line_in_order():
    text = (
        "Collaborative Robots\nGeographic reference: World\nYear: 2015, 2020 and 2025\n"
        "Market size: $120 million, $3.1 billion (projected) and $12 billion (projected).\n"
    )
    facts = {(f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert facts == {(2015, 120.0), (2020, 3100.0), (2025, 12000.0)}


@pytest.mark.parametrize(
    ("sentence", "member", "metric"),
    [
        ("Organic fruits and vegetables make up about 37% of total organic food sales in 2022.",
         "Organic fruits and vegetables", "share"),
        ("Telecommunications will be the industry that sees the fastest growth in spending, with a CAGR of "
         "13.1 percent from 2016 to 2021.", "Telecommunications", "cagr"),
    ],
)  # fmt: skip
def test_a_member_named_as_the_sentences_subject_takes_its_share_or_rate(sentence, member, metric):
    (figure,) = extract_report(sentence + "\n").figures
    assert (figure.metric, figure.scope, figure.member) == (metric, "segment", member)


def test_a_region_that_contributes_a_percentage_of_revenue_holds_that_share():
    text = "North America is estimated to contribute around 25% in 2021 to the global cosmetics market revenue.\n"
    (share,) = extract_report(text).figures
    assert (share.metric, share.member, share.year, share.pct) == ("share", "North America", 2021, 25.0)


def test_a_year_in_a_table_rows_label_wins_over_the_column_headers():
    text = "Report Metric | 2024 (USD Million) |\n|---|---|\nMarket Size (2031) | 34,612.03 |\n"
    (value,) = extract_report(text).figures
    assert (value.year, value.value_millions) == (2031, 34612.03)


def test_another_industry_named_in_the_sentence_is_not_this_markets_but_a_sectors_share_is_a_members():
    text = (
        "Functional Beverages Market\nThe functional beverages market keeps growing, and the functional beverages "
        "market draws new brands.\nThe energy drinks industry was valued at over $75 billion in 2025.\n"
        "The residential sector accounts for 54% of total demand in 2024.\n"
    )
    report = extract_report(text)
    assert [(f.metric, f.scope, f.member, f.pct) for f in report.figures] == [("share", "segment", "residential", 54.0)]
    assert any("another market (energy drinks)" in skipped.reason for skipped in report.skipped)


def test_shares_in_brackets_after_the_places_of_a_list():
    text = (
        "Europe was the main market for frozen products in 2018, followed by North America (30.6%), "
        "Asia-Pacific (20.0%) and South America (10.3%).\n"
    )
    shares = {(f.member, f.year, f.pct) for f in extract_report(text).figures}
    assert shares == {("North America", 2018, 30.6), ("Asia Pacific", 2018, 20.0), ("South America", 2018, 10.3)}


def test_it_refers_to_the_member_the_previous_sentence_opens_with():
    text = (
        "Furthermore, Europe takes the crown for the largest region. In 2019, it accounted for 48.6%, or $12.14 "
        "billion, of the market.\n"
    )
    facts = {(f.metric, f.scope, f.member, f.year) for f in extract_report(text).figures}
    assert facts == {("share", "region", "Europe", 2019), ("value", "region", "Europe", 2019)}


def test_members_and_shares_paired_respectively():
    text = "Sparkling wine and fortified wine held a share of 11% and 4% in 2019, respectively.\n"
    shares = {(f.member, f.pct) for f in extract_report(text).figures}
    assert shares == {("Sparkling wine", 11.0), ("fortified wine", 4.0)}


def _shares(text: str) -> set[tuple]:
    return {
        (figure.scope, figure.member, figure.year, figure.pct)
        for figure in extract_report(text).figures
        if figure.metric == "share"
    }


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Western Europe held 22% of the heat-battery market in 2024.", "Western Europe"),
        ("Southeast Asia held 14% of the heat-battery market in 2024.", "Southeast Asia"),
        ("The rest of the world held 9% of the heat-battery market in 2024.", "Rest of the World"),
        ("Greater China held 31% of the heat-battery market in 2024.", "Greater China"),
    ],
)
def test_a_part_of_a_continent_is_its_own_region_not_the_continent(sentence, place):
    assert _shares(sentence) == {("region", place, 2024, float(sentence.split("held ")[1].split("%")[0]))}


def test_a_place_named_by_its_adjective_before_market_is_that_place():
    text = "The Chinese market for heat batteries is predicted to be worth $4.2 billion by 2028.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.year, value.value_millions) == ("country", "China", 2028, 4200.0)


def test_a_name_inside_a_compound_word_is_not_that_member():
    text = (
        "By chemistry: Lithium, Sodium, Lead.\n"
        "By chemistry, the lithium-based cell segment accounted for a 51.9% market share in 2024.\n"
    )
    assert ("segment", "lithium-based cell", 2024, 51.9) in _shares(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "- By region, Asia-Pacific led with a 53.2% kelp market share in 2025.",
        "Asia-Pacific accounted for the largest share in the kelp industry of over 53.2% in 2025.",
        "The Asia-Pacific region made up 53.2% of total global kelp revenues in 2025.",
    ],
)
def test_share_wording_after_the_percentage_or_far_before_it(sentence):
    assert _shares(sentence + "\n") == {("region", "Asia Pacific", 2025, 53.2)}


def test_a_sentence_without_a_year_continues_the_year_its_paragraph_opens_with():
    text = (
        "In 2019, the still cider segment accounted for 80% of the cider market's value. "
        "Sparkling cider and ice cider held a share of 15% and 5%, respectively.\n"
    )
    assert _shares(text) >= {("segment", "Sparkling cider", 2019, 15.0), ("segment", "ice cider", 2019, 5.0)}


def test_a_paragraph_does_not_lend_its_year_to_the_next_paragraph():
    text = "In 2019, the still cider segment accounted for 80% of the cider market.\n\nIce cider held a 5% share.\n"
    assert ("segment", "Ice cider", None, 5.0) in _shares(text)


def test_one_of_the_segments_names_the_member_whose_figures_follow():
    text = (
        "The global kiln repair market, estimated at US$10 Billion in the year 2020, is projected to reach US$13 "
        "Billion by 2026, growing at a CAGR of 4.5% over the analysis period. Refractory Bricks, one of the "
        "segments analyzed in the report, is projected to record a 4.1% CAGR and reach US$8.2 Billion by the end of "
        "the analysis period.\n"
    )
    (rate,) = _figures(text, metric="cagr", scope="segment")
    (value,) = _figures(text, metric="value", scope="segment")
    assert (rate.member, rate.pct, rate.period_start_year, rate.period_end_year) == (
        "Refractory Bricks",
        4.1,
        2020,
        2026,
    )
    assert (value.member, value.year, value.value_millions) == ("Refractory Bricks", 2026, 8200.0)


def test_a_takeaway_line_with_a_colon_and_followed_by_gives_each_member_its_share():
    text = "- By Type: Steel offcuts constitute 65%, followed by copper offcuts at 25%.\n"
    assert _shares(text) == {("segment", "Steel offcuts", None, 65.0), ("segment", "copper offcuts", None, 25.0)}


def test_a_clause_opened_by_yet_is_about_its_own_member():
    text = (
        "- By provider, independent shops commanded 49.3% of revenue in 2024, yet OEM workshops are set to expand at "
        "a 5.3% CAGR through 2030.\n"
    )
    (rate,) = _figures(text, metric="cagr")
    assert (rate.scope, rate.member, rate.pct) == ("segment", "OEM workshops", 5.3)


# --- 4. metadata: the publisher ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "publisher"),
    [
        ("Source: https://www.precedenceresearch.com/kelp-market\n\nKelp Market Size\n", "Precedence Research"),
        (
            "The kelp market will reach $2 billion by 2030, according to Global Market Insights.\n",
            "Global Market Insights",
        ),
        ("The kelp market grows, according to MarketIntelo, at 5% a year.\n", "MarketIntelo"),
        ("A study by the research firm Markets and Markets projects growth.\n", "MarketsandMarkets"),
        ("A report released by Armstrong & Associates shows growth.\n", "Armstrong & Associates"),
    ],
)
def test_the_publisher_is_the_firm_the_page_quotes_or_the_known_site_it_came_from(text, publisher):
    assert extract_report(text).metadata.publisher == publisher


def test_a_news_site_in_the_source_line_is_no_publisher():
    text = "Source: https://www.example-news.com/kelp\n\nKelp Market Size\n\nThe kelp market is growing.\n"
    assert extract_report(text).metadata.publisher is None


def test_a_sidecar_url_on_a_known_firms_site_names_the_publisher():
    report = extract_report("Kelp Market Size\n", {"url": "https://straitsresearch.com/report/kelp-market"})
    assert report.metadata.publisher == "Straits Research"


@pytest.mark.parametrize(
    ("url", "market"),
    [
        ("https://www.example-research.com/it/kelp-farming-market", "Kelp Farming"),
        ("https://www.example-research.com/industry-analysis/kelp-farming-market-report", "Kelp Farming"),
        ("https://www.example-research.com/kelp-farming-market-104412", "Kelp Farming"),
        ("https://news.example.com/the-future-of-kelp-farming-and-market-trends", None),
    ],
)
def test_a_page_whose_text_names_no_market_takes_the_one_its_address_names(url, market):
    text = f"Source: {url}\n\nSummary\nInfograph\n2030 Forecast\n$4.28 Bn\nFarmers are planting more kelp.\n"
    assert extract_report(text).metadata.market == market
    assert extract_report("Summary\nFarmers are planting more kelp.\n", {"url": url}).metadata.market == market


def test_a_title_that_ends_in_industry_names_the_market():
    text = "Kelp Farming Industry Outlook 2025-2033\n\nThe kelp farming industry is growing.\n"
    assert extract_report(text).metadata.market == "Kelp Farming"


@pytest.mark.parametrize(
    "sentence",
    [
        "The biggest tournament had a collective prize pool of $29.56 million in 2023.",
        "For 2024, the modeled loss potential is estimated to range from $20 billion to $46 billion.",
        "- Market Cap: $12.2 billion",
    ],
)
def test_prize_pools_losses_and_a_companys_market_cap_are_not_market_sizes(sentence):
    text = "The kelp market was valued at USD 2.0 billion in 2024.\n" + sentence + "\n"
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2024, 2000.0)]


def test_prose_wrapped_at_a_fixed_width_is_read_as_whole_sentences():
    text = (
        "Market Overview\n"
        "The North America Kelp Fibre Market was valued at USD 114.17 Billion in 2024\n"
        "and is expected to reach USD 204.53 Billion by 2030 with a CAGR of 10.20% during\n"
        "the forecast period. The North America Kelp\n"
        "Fibre Market covers the harvesting and spinning of kelp.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "North America Kelp Fibre"
    assert {(f.metric, f.scope, f.year, f.value_millions or f.pct) for f in report.figures} == {
        ("value", "market", 2024, 114170.0),
        ("value", "market", 2030, 204530.0),
        ("cagr", "market", None, 10.2),
    }


def test_short_lines_and_lines_that_open_alike_are_not_joined_as_wrapped_prose():
    text = "61.49 %\nvalue share, above 1000kg, 2022\n"
    assert [s.text for s in split_sentences(text)] == ["61.49 %", "value share, above 1000kg, 2022"]
    text = "svg icon Largest Share by Tier Type Tier 3\nsvg icon CAGR (2024 - 2029) 10.09 %\n"
    assert len(split_sentences(text)) == 2


def test_a_member_that_leads_the_market_takes_the_figures_of_its_sentence():
    text = (
        "Rechargeable cells lead the market by size and growth, with a 2024 value of $21.4 billion and a CAGR of 16%.\n"
    )
    figures = {(f.metric, f.scope, f.member) for f in extract_report(text).figures}
    assert figures == {("value", "segment", "Rechargeable cells"), ("cagr", "segment", "Rechargeable cells")}


def test_an_amount_a_member_contributes_is_that_members_value_but_a_markets_own_size_is_not():
    text = "Sodium cells contributed USD 2.5 billion to the kelp battery market in 2022.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.year) == ("segment", "Sodium cells", 2022)
    text = "The global kelp battery market size accounted for USD 2.23 billion in 2024.\n"
    (value,) = _figures(text, metric="value")
    assert value.scope == "market"


def test_the_years_after_the_market_word_in_a_reports_name_are_its_forecast_period():
    text = (
        "Analysts forecast the global kelp battery market to grow at a CAGR of close to 5% during the forecast "
        "period. Recycling is a major trend in the global kelp battery market 2018-2022.\n"
    )
    assert _cagr(text) == (5.0, 2018, 2022, "forecast period")


def test_a_title_that_puts_a_region_before_the_market_is_that_regions_market():
    text = (
        "North America Kelp Battery Market Size, Share & Growth Report\n\n"
        "The kelp battery market size in North America was valued at USD 79.39 billion in 2024. "
        "The kelp battery market is growing.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "North America Kelp Battery"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.year, value.value_millions) == ("market", 2024, 79390.0)


def test_list_numbers_glued_to_their_items_are_not_read_as_figures():
    text = (
        "Key Takeaways\n"
        "- 1The global kelp battery market size was valued at USD 11.5 billion in 2022\n"
        "- 2The market is projected to grow at a CAGR of 5.8% from 2023 to 2030\n"
        "- 385% of kelp batteries are sold in Asia\n"
    )
    report = extract_report(text)
    assert {(f.metric, f.value_millions or f.pct, f.figure_text) for f in report.figures} == {
        ("value", 11500.0, "USD 11.5 billion"),
        ("cagr", 5.8, "5.8%"),
    }
    assert all(text[f.char_start : f.char_end] == f.quote for f in report.figures)
    assert any(s.quote == "385% of kelp batteries are sold in Asia" for s in report.skipped)


def test_a_share_repeated_without_its_year_is_the_dated_statement_again():
    text = (
        "Asia Pacific Dominance: the region holds a 51.29% market share.\n"
        "The Asia-Pacific region led the kelp market, accounting for 51.29% of the global share in 2023.\n"
    )
    (share,) = _figures(text, metric="share")
    assert (share.member, share.year, share.mentions) == ("Asia Pacific", 2023, 2)


def test_and_after_a_figure_opens_the_next_members_clause_but_not_between_joined_members():
    text = "Sodium cells accounted for a 5% share of the kelp battery market and lead-acid cells took up 31%.\n"
    assert {(s[1], s[3]) for s in _shares(text)} == {("Sodium cells", 5.0), ("lead-acid cells", 31.0)}
    text = "Sodium cells and lead-acid cells held a share of 11% and 4%, respectively.\n"
    assert {(s[1], s[3]) for s in _shares(text)} == {("Sodium cells", 11.0), ("lead-acid cells", 4.0)}


@pytest.mark.parametrize(
    ("sentence", "member", "pct"),
    [
        ("Troponin had the major revenue share of, more than 35%, in the recent past.", "Troponin", 35.0),
        ("Skincare was the leading category, accounting for about 39 % of the global market.", "Skincare", 39.0),
        (
            "In terms of revenue, maritime transport made up 47.9 percent of the marketplace.",
            "maritime transport",
            47.9,
        ),
    ],
)
def test_a_comma_before_any_figure_does_not_cut_the_member_off_its_share(sentence, member, pct):
    assert {(share[1], share[3]) for share in _shares(sentence + "\n")} == {(member, pct)}


@pytest.mark.parametrize(
    "sentence",
    [
        "In terms of volume, maritime transport made up 47.9 percent of the marketplace.",
        "The region represents the largest market in volume, at 47.9% of the global market.",
    ],
)
def test_a_share_of_volume_is_no_share_of_the_markets_value(sentence):
    assert _shares(sentence + "\n") == set()


def test_revenues_of_the_market_are_no_member_of_it():
    text = "Global logistics revenues were led by road transport, with a 2015 market-share of 44.6 percent.\n"
    assert not any(s[1] == "Global logistics revenues" for s in _shares(text))


def test_a_sentence_about_a_kind_of_the_markets_product_is_a_segments_figure():
    text = (
        "Kelp Snacks Market Report\n\n"
        "The global kelp snacks market will reach $9.2B in 2026.\n"
        "Baked kelp snacks will grow 6.2% Y/Y to $3.4B in 2026.\n"
        "Analysts say that kelp snacks will reach $9.2B in 2026.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 9200.0), ("segment", "Baked kelp snacks", 3400.0)}


def test_the_markets_initials_and_generic_words_after_its_name_are_the_same_market():
    text = (
        "Kelp Battery Storage Market Report\n\n"
        "The global KBS market will reach $2.0 billion in 2026.\n"
        "The kelp battery storage systems market was worth $1.5 billion in 2024.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 2026, 2000.0), ("market", 2024, 1500.0)}


def test_a_table_written_one_cell_per_line_is_read_as_rows_and_its_labels_name_no_market():
    text = (
        "Kelp Market size was over USD 978 Billion in 2023 and is anticipated to reach USD 2.4 Trillion by 2036.\n"
        "The kelp market grows with demand for fibre.\n"
        "Base Year |\n2023 |\n"
        "Market Size in 2025 |\nUSD 1,050 Billion |\n"
        "Base Year Market Size (2023) |\nUSD 978 Billion |\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp"
    values = {(f.year, f.value_millions) for f in _figures(text, metric="value", scope="market")}
    assert values == {(2023, 978000.0), (2036, 2400000.0), (2025, 1050000.0)}


def test_a_page_on_a_known_firms_site_is_that_firms_whoever_it_quotes():
    text = (
        "Source: https://www.researchnester.com/reports/kelp-market/1\n\n"
        "According to a report by Forbes in 2024, more people shop online.\n"
    )
    assert extract_report(text).metadata.publisher == "Research Nester"


def test_a_line_that_opens_with_a_segment_names_it():
    text = "Natural kelp segment in the kelp fibre market is set to cross USD 70 Billion by 2036.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.year) == ("segment", "Natural kelp", 2036)


def test_a_share_takes_the_year_of_the_amount_written_as_its_equal():
    text = (
        "In Europe, kelp revenue share will grow from 11 percent ($15-25 billion) in 2022 to 14 percent "
        "($40-70 billion) in 2028.\n"
        "- North America leads with 46.9% of global kelp revenue, and that's roughly USD 2.0 billion in 2025.\n"
    )
    assert _shares(text) == {
        ("region", "Europe", 2022, 11.0),
        ("region", "Europe", 2028, 14.0),
        ("region", "North America", 2025, 46.9),
    }


def test_a_year_before_to_is_not_the_low_end_of_a_percentage_range():
    text = "Kelp's share will rise from 11% in 2022 to 14 percent in 2028."
    assert [(p.text, p.low, p.high) for p in find_percentages(text)] == [
        ("11%", Decimal("11"), None),
        ("14 percent", Decimal("14"), None),
    ]


def test_a_place_that_ends_a_proper_name_is_not_that_place():
    text = "An article in Control Engineering Asia magazine says the robot market will reach $41.17 billion by 2020.\n"
    (value,) = _figures(text, metric="value")
    assert value.scope == "market"
    text = "Regional Leaders North America (39% share), Asia-Pacific (fastest growth)\n"
    assert ("region", "North America", None, 39.0) in _shares(text)


def test_a_companys_revenue_and_share_are_not_the_markets_or_a_members():
    text = (
        "- Abbott Laboratories held 8.2% market share in the global kelp devices market in 2023.\n"
        "- Medtronic reported revenue of USD 31.22 billion from kelp devices in fiscal 2023.\n"
        "- Johnson & Johnson generated USD 30.4 billion in kelp revenue in 2023.\n"
        "- The diagnostic kelp segment accounted for 28.4% of the global kelp devices market revenue in 2023.\n"
    )
    report = extract_report(text)
    # the firm's share is kept with no member, and validation quarantines it as "a share names the region, ..."
    assert {(f.metric, f.scope, f.member, f.pct) for f in report.figures} == {
        ("share", "segment", "diagnostic kelp", 28.4),
        ("share", "market", None, 8.2),
    }
    assert sum("a company" in s.reason for s in report.skipped) == 2


def test_an_amount_in_a_sentence_about_a_members_share_is_that_members():
    text = "Of these, the automotive sector had the largest share in the kelp robot market in 2012 at $7.37 billion.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.year, value.value_millions) == ("segment", "automotive", 2012, 7370.0)


@pytest.mark.parametrize(
    ("sentence", "value", "currency"),
    [
        ("The global kelp market was valued at 307.69 billion dollars in the year 2020.", 307690.0, "USD"),
        ("The global kelp market stood at USD 14758\u00c2\u00a0Billion in 2020.", 14758000.0, "USD"),
        ("The global kelp market was worth 26.5 billion euros in 2020.", 26500.0, "EUR"),
    ],
)
def test_amounts_with_the_currency_spelled_after_or_a_doubly_decoded_space_are_read(sentence, value, currency):
    (figure,) = _figures(sentence + "\n", metric="value")
    assert (figure.year, figure.value_millions, figure.currency) == (2020, value, currency)


def test_a_firms_abbreviation_ends_its_sentence_when_a_sentence_opening_follows():
    text = (
        "Kelp revenue is projected to grow 14% in 2025 to total $717 billion, according to the latest forecast "
        "from Acme, Inc. In 2024, the market is forecast to grow 19% and reach $630 billion.\n"
    )
    assert len(split_sentences(text)) == 2
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2025, 717000.0), (2024, 630000.0)}


def test_the_market_the_page_names_most_is_counted_in_whole_words():
    text = (
        "Source: https://example.org/information-security\n\n"
        "The global information security market reached $216.11 billion in 2021. With it, security spending grew. "
        "The information security market will reach $478.68 billion by 2030. It is driven by the IT market.\n"
    )
    assert extract_report(text).metadata.market == "Information Security"


def test_years_of_a_sentence_are_read_in_their_own_clauses():
    text = (
        "Between 2020 and 2023, the kelp market grew from $5.7 billion to $44.9 billion.\n"
        "Kelp spending in 2021 amounted to $172 billion, while in 2020 the growth rate was 8%.\n"
        "The kelp market reached $139.77 billion by the end of 2021, and by 2029 it will grow to $376.32 billion "
        "while maintaining a CAGR of 13.4%.\n"
        "In 2020, the kelp market was valued at $1.2 billion, with an expected growth rate of 16.2% between 2020 "
        "and 2027.\n"
    )
    values = {(f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {(2020, 5700.0), (2023, 44900.0), (2021, 172000.0), (2021, 139770.0), (2029, 376320.0),
                      (2020, 1200.0)}  # fmt: skip
    rates = {(f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert rates == {(13.4, 2021, 2029), (16.2, 2020, 2027)}


def test_an_amount_without_a_currency_takes_the_one_it_grows_to():
    text = "The kelp market is projected to grow from 734.81 billion in 2024 to USD 932.11 billion by 2032.\n"
    values = {(f.year, f.value_millions, f.currency, f.figure_text) for f in _figures(text, metric="value")}
    assert values == {(2024, 734810.0, "USD", "734.81 billion"), (2032, 932110.0, "USD", "USD 932.11 billion")}


def test_a_headings_word_said_once_is_not_the_market_the_text_keeps_naming():
    text = (
        "Steady Market Expansion in the Kelp Farming Industry\n\n"
        "The kelp farming market has grown. The kelp farming market will reach $3.59 billion by 2030. "
        "Kelp farming market players invest.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp Farming"
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2030, 3590.0)]


def test_a_country_written_with_initials_is_the_market_of_that_country():
    text = (
        "U.S. Kelp Market Size, Share Report\n\n"
        "The U.S. kelp market size was valued at USD 3.87 billion in 2022. The market is projected to grow from "
        "USD 4.10 billion in 2023 to USD 7.01 billion by 2030.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 2022, 3870.0), ("market", 2023, 4100.0), ("market", 2030, 7010.0)}


def test_a_share_of_a_quantity_other_than_the_markets_value_is_not_a_market_share():
    text = (
        "The North American region accounted for 12% of the overall kelp fertilizer consumption in 2018.\n"
        "The United States accounts for nearly 40% of these procedures.\n"
    )
    assert not _figures(text, metric="share")


def test_a_value_for_the_end_of_the_forecast_period_never_becomes_the_inferred_base_year():
    text = (
        "The kelp chemicals market will grow at a CAGR of 3.8% from 2013 to 2018.\n"
        "The kelp chemicals market is expected to reach $149.9 billion by the end of the forecast period.\n"
    )
    report = extract_report(text)
    assert (report.metadata.base_year, report.metadata.base_year_inferred) == (2012, True)
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2018, 149900.0)]


def test_an_amount_in_a_sentence_that_names_a_member_the_fastest_growing_segment_is_that_members():
    text = (
        "Tablet games are the fastest-growing segment of the market, with revenue set to climb from $4.1 billion "
        "in 2023 to $7.5 billion in 2026.\n"
    )
    values = _figures(text, metric="value")
    assert {(value.scope, value.member, value.year) for value in values} == {
        ("segment", "Tablet games", 2023),
        ("segment", "Tablet games", 2026),
    }


def test_the_markets_largest_segment_named_after_the_word_segment_owns_its_market_volume():
    text = "The market's largest segment is the segment Smart Watches with a market volume of US$41,230m in 2024.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.year, value.value_millions) == ("segment", "Smart Watches", 2024, 41230)


def test_a_market_that_is_the_largest_segment_of_a_wider_field_keeps_its_own_size():
    text = (
        "The global kelp battery market is the largest segment of marine energy storage and was valued at "
        "USD 2.2 billion in 2024.\n"
    )
    (value,) = _figures(text, metric="value")
    assert value.scope == "market"


@pytest.mark.parametrize(
    "sentence",
    [
        "The emerging regions contributed 35% of the market's absolute growth over the last five years.\n",
        "Antenna masts make up nearly 45 percent of the total capital expenditure of a network operator.\n",
    ],
)
def test_a_share_of_growth_or_of_spending_is_no_members_market_share(sentence):
    assert _figures(sentence, metric="share") == []


def test_amounts_after_a_place_share_of_a_wider_regional_market_are_the_places():
    text = (
        "However, Canada accounted for the highest share, 61.5 percent, of the North America telehealth market, "
        "with $4.2 billion in 2021 and $7.9 billion in 2026.\n"
    )
    values = _figures(text, metric="value")
    assert {(value.scope, value.member, value.year) for value in values} == {
        ("country", "Canada", 2021),
        ("country", "Canada", 2026),
    }


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "With an expected CAGR of 4.8%, the market is set to grow to USD 912.5 billion by 2031, starting from "
            "USD 640.2 billion in 2024.\n",
            (2024, 2031),
        ),
        (
            "A further rise at a CAGR of 6.2% is expected from 2027, with the market projected to reach "
            "$18.4 trillion by 2032.\n",
            (2027, 2032),
        ),
    ],
)
def test_a_cagr_takes_its_period_from_the_years_after_it_in_either_order(sentence, period):
    (cagr,) = _figures(sentence, metric="cagr")
    assert (cagr.period_start_year, cagr.period_end_year) == period


@pytest.mark.parametrize(
    "sentence",
    [
        "The number of organic dairy farms worldwide has risen by over 7% annually between 2016 and 2023.\n",
        "The installed base of smart meters is growing at a CAGR of 3.9 percent to 1.8 billion in 2027.\n",
    ],
)
def test_a_growth_rate_of_a_count_of_things_is_no_market_cagr(sentence):
    assert _figures(sentence, metric="cagr") == []


def test_amounts_in_brackets_after_firm_names_in_a_sentence_about_companies_are_their_revenues():
    text = (
        "The three largest drone makers by revenue in 2023 were Skyward ($3.1 billion), Aerolift ($1.9 billion) "
        "and Nimbus Corp ($0.8 billion).\n"
        "The top regions in 2023 were North America ($4.2 billion) and Europe ($2.5 billion), ahead of other "
        "suppliers' home markets.\n"
    )
    values = _figures(text, metric="value")
    assert {(value.scope, value.member) for value in values} == {("region", "North America"), ("region", "Europe")}


def test_by_the_end_of_a_year_is_no_by_dimension_opening():
    text = (
        "Pay Later Market\n\n"
        "By the end of 2030, the pay later market is projected to grow from its 2024 value of USD 312.4 billion "
        "to USD 905.1 billion.\n"
    )
    values = _figures(text, metric="value")
    assert {(value.scope, value.year, value.value_millions) for value in values} == {
        ("market", 2024, 312400),
        ("market", 2030, 905100),
    }


def test_another_market_valued_in_apposition_is_not_the_pages_market():
    text = (
        "Digital Lending Market\n\n"
        "The global digital lending market was valued at $9.1 billion in 2024.\n"
        "Buy-side analytics, worth $42.5 billion in 2025 and forecast to reach $96.0 billion by 2033, widens the "
        "lenders' reach.\n"
    )
    values = _figures(text, metric="value")
    assert {(value.scope, value.year, value.value_millions) for value in values} == {("market", 2024, 9100)}


def test_a_ranking_gives_each_figure_to_the_member_named_right_before_it():
    text = (
        "By cell type, zinc-air cells lead the primary cell segment by growth, with a CAGR of 11.2%, followed by "
        "silver-oxide cells at 6.9% and alkaline cells at 4.1%.\n"
        "North America held a 38% share, followed by Europe at 27% and Asia Pacific at 21%.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("cagr", "segment", "zinc-air cells", 11.2),
        ("cagr", "segment", "silver-oxide cells", 6.9),
        ("cagr", "segment", "alkaline cells", 4.1),
        ("share", "region", "North America", 38.0),
        ("share", "region", "Europe", 27.0),
        ("share", "region", "Asia Pacific", 21.0),
    }


def test_a_list_of_places_shares_of_all_users_is_not_a_list_of_market_shares():
    text = (
        "Japan and Korea together account for a fifth of all subscribers (12 percent and 8 percent respectively), "
        "Europe 19 percent, Africa 9 percent and the Middle East 4 percent.\n"
    )
    assert _figures(text, metric="share") == []


def test_a_clause_with_a_verb_before_a_share_names_no_member_of_a_ranking():
    text = "If combined with the islands, then the Pacific region would rank second with an 18.7% share.\n"
    assert [f.scope for f in _figures(text, metric="share") if f.scope == "segment"] == []


def test_a_cagr_by_a_year_before_the_forecast_period_starts_gets_no_inverted_period():
    text = (
        "Kelp Fibre Market\n\n"
        "Forecast Period | 2026-2031\n\n"
        "The kelp fibre market grew at a CAGR of 4.2% through 2025.\n"
    )
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.period_start_year, cagr.period_end_year, cagr.period_source) == (None, None, "none")


def test_a_member_with_a_remark_in_brackets_before_its_verb_keeps_its_share():
    text = "Boat building (including yards and their suppliers) makes up 48% of that total figure.\n"
    (share,) = _figures(text, metric="share")
    assert (share.scope, share.member, share.pct) == ("segment", "Boat building", 48.0)


def test_australasia_is_a_region():
    text = "Australasia has also seen its share nearly double to 4% of the market.\n"
    (share,) = _figures(text, metric="share")
    assert (share.scope, share.member) == ("region", "Australasia")


def test_one_year_that_closes_a_sentence_of_parallel_clauses_is_every_clauses_year():
    text = "Fins made up a further 23 % of the market, while tails accounted for 17 % in 2019.\n"
    assert {(share.member, share.year) for share in _figures(text, metric="share")} == {("Fins", 2019), ("tails", 2019)}


@pytest.mark.parametrize(
    "sentence",
    [
        "The chipmaker has outpaced the broader market this year and has a market value of $14.5 billion.\n",
        "Investment kept its pace, with venture funding peaking at $6 billion in 2021 before settling at around "
        "$3-4 billion a year.\n",
    ],
)
def test_a_companys_market_value_and_funding_further_back_in_the_sentence_are_no_market_size(sentence):
    assert _figures(sentence, metric="value") == []


def test_a_year_that_opens_the_next_label_of_an_echoed_snapshot_is_not_the_amount_before_it():
    text = (
        "2024 Market Size: USD 41.50 billion\n\n"
        "USD 41.50 billion 2031 Projected Market Size: USD 96.20 billion\n\n"
        "USD 96.20 billion CAGR (2024–2031): 12.8%\n"
    )
    values = {(value.year, value.value_millions) for value in _figures(text, metric="value")}
    assert (2031, 41500.0) not in values
    assert {(2024, 41500.0), (2031, 96200.0)} <= values


def test_amounts_in_a_bulleted_list_under_a_dated_size_heading_are_that_years_market_sizes():
    text = (
        "Kelp Fibre Market\n\n"
        "Estimates vary widely between firms.\n"
        "2025 Market Size Estimates\n"
        "- Acme Research: $1.25 billion\n"
        "- Beta Insights: $1.90 billion\n"
        "- Gamma Analytics: $2.40 billion (fibre and yarn)\n"
    )
    values = {(value.scope, value.year, value.value_millions) for value in _figures(text, metric="value")}
    assert values == {("market", 2025, 1250.0), ("market", 2025, 1900.0), ("market", 2025, 2400.0)}


def test_two_amounts_between_which_a_market_is_valued_are_one_range():
    (value,) = _figures(
        "The boat rental market in 2025 is valued between $41 billion and $46 billion.\n", metric="value"
    )
    assert (value.year, value.value_millions, value.value_high_millions) == (2025, 41000.0, 46000.0)


def test_shares_in_brackets_after_each_member_of_a_ranking_are_theirs():
    text = "The gel segment has the largest share in 2023 with 41% share followed by chews (27.5%) and bars (12.1%).\n"
    shares = {(share.member, share.pct) for share in _figures(text, metric="share")}
    assert shares == {("gel", 41.0), ("chews", 27.5), ("bars", 12.1)}


def test_sales_in_the_asian_region_are_asias():
    text = (
        "Worldwide sales reached $31 billion in 2020.\n"
        "Sales in the Asian region are expected to rise to $8.2 billion in 2026, up from $5 billion in 2020.\n"
    )
    assert {(value.scope, value.member) for value in _figures(text, metric="value")} == {
        ("market", None),
        ("region", "Asia"),
    }


def test_a_country_within_the_region_a_sentence_opens_in_holds_the_value_and_its_share_is_the_regions():
    text = (
        "Some context first. In Europe, Spain has the largest demand, with sales of $2.4 billion in 2024.\n"
        "In Europe, Spain has the largest demand, with a market share of 14.2%.\n"
    )
    report = extract_report(text)
    assert [(f.metric, f.scope, f.member) for f in report.figures] == [("value", "country", "Spain")]
    assert any("a share of the Europe market" in skipped.reason for skipped in report.skipped)


def test_a_member_expected_to_be_the_fastest_growing_segment_owns_its_cagr():
    text = "Cargo handling equipment is expected to be the fastest-growing segment, registering a CAGR of 5.2%.\n"
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.scope, cagr.member) == ("segment", "Cargo handling equipment")


def test_alone_after_a_members_name_is_not_part_of_it():
    text = "Public parks alone represented more than 18% of the total kelp fibre market in 2021.\n"
    (share,) = _figures(text, metric="share")
    assert (share.member, share.year) == ("Public parks", 2021)


def test_a_by_the_dimension_opening_with_retained_revenue_and_an_industry_dimension_reads_each_member():
    text = (
        "By the carrier model, classic asset-light carriers retained 78.10% of revenue in 2025, whereas app-first "
        "carriers are growing at a 15.2% CAGR between 2026-2031.\n"
        "By end-user industry, grocery contributed 31.5% of 2025 demand, while medical supplies are the "
        "fastest-growing segment with a 9.1% CAGR between 2026-2031.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("share", "segment", "classic asset-light carriers", 78.1),
        ("cagr", "segment", "app-first carriers", 15.2),
        ("share", "segment", "grocery", 31.5),
        ("cagr", "segment", "medical supplies", 9.1),
    }


def test_a_segment_named_in_a_driven_by_clause_is_a_cause_not_the_figures_owner():
    text = (
        "Skincare Market\n\nBy type: Skincare, Haircare, Makeup.\n\n"
        "Latin America leads the market, driven by rising spending on premium skincare, valued at USD 12.5 billion "
        "in 2024.\n"
    )
    values = {(value.scope, value.member) for value in _figures(text, metric="value")}
    assert values == {("region", "Latin America")}


def test_an_amount_that_sizes_the_global_market_in_a_regions_sentence_is_the_markets():
    text = "North America accounts for a 38% revenue share of the nearly $212 billion global kelp fibre market.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.value_millions) == ("market", 212000.0)


def test_a_countrys_share_of_a_regional_market_is_not_a_share_of_the_whole_market():
    text = (
        "Regionally, Canada leads the markets in North America with a market share of 61.2%, while Korea leads the "
        "Asian market with a 27.4% market share.\n"
    )
    report = extract_report(text)
    assert [f for f in report.figures if f.metric == "share"] == []
    assert sum("a share of the" in skipped.reason for skipped in report.skipped) == 2


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "- In 2024, the global kelp fibre market was valued at $8.1 billion, projected to reach $14.6 billion "
            "by 2031 at a CAGR of 8.8%\n",
            (2024, 2031),
        ),
        ("The market is then expected to reach $64.2 billion in 2026 at a CAGR of 11.0% from 2023.\n", (2023, 2026)),
    ],
)
def test_a_cagr_period_from_a_year_opening_the_sentence_or_from_a_year_after_it(sentence, period):
    (cagr,) = _figures(sentence, metric="cagr")
    assert (cagr.period_start_year, cagr.period_end_year) == period


@pytest.mark.parametrize(
    "sentence",
    [
        "- Average kelp fibre mill revenue in U.S. was $2.4 million in 2023\n",
        "In 2023, cost savings from kelp fibre surged by over 25%, reaching $6.1 billion.\n",
        "Kelp fibre is expected to be 30% cheaper than cotton, potentially contributing to a $40 billion reduction "
        "in costs.\n",
    ],
)
def test_an_average_revenue_a_saving_and_a_reduction_are_no_market_size(sentence):
    assert _figures(sentence, metric="value") == []


def test_a_region_then_particularly_a_country_gives_the_figure_to_the_region():
    text = "North America, particularly the United States, has taken the lead, with a value of $7.5 billion in 2024.\n"
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member) == ("region", "North America")


def test_an_amount_a_year_earlier_is_the_year_before_the_sentences_year():
    text = (
        "In 2024, the global kelp fibre market is expected to be worth approximately $12 billion, up by 5 percent "
        "from around 11.4 billion dollars a year earlier.\n"
    )
    values = {(value.year, value.value_millions) for value in _figures(text, metric="value")}
    assert values == {(2024, 12000.0), (2023, 11400.0)}


def test_a_year_in_the_label_before_a_value_wins_over_a_bracketed_year_after_it():
    text = "- Projected Kelp Fibre Market Size by 2030: US$ 14.25B (2025)\n"
    (value,) = _figures(text, metric="value")
    assert (value.year, value.value_millions) == (2030, 14250.0)


def test_over_the_aforementioned_period_takes_the_period_the_page_just_stated():
    text = (
        "The kelp fibre market is projected to grow at a CAGR of 6.1% between 2020 and 2027.\n"
        "Fastest growth is expected in Latin America, with a projected CAGR of 9.4% over the aforementioned period.\n"
    )
    cagrs = {(f.scope, f.member, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert ("region", "Latin America", 2020, 2027) in cagrs


def test_an_amount_in_infrastructure_transactions_is_no_market_figure():
    text = "The hotspot for tower sales is Sub-Saharan Africa, where $25 billion in infrastructure transactions wait.\n"
    assert _figures(text, metric="value") == []


def test_an_adjective_before_market_size_names_no_other_market():
    text = (
        "Kelp Fibre Market\n\n"
        "The global kelp fibre market is growing, projected to reach a substantial market size of approximately "
        "$3,800 million by 2027.\n"
    )
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.year, value.value_millions) == ("market", 2027, 3800.0)


def test_a_country_that_recorded_an_amount_is_no_firm():
    (value,) = _figures("  • India recorded USD 4.25 billion in 2024.\n", metric="value")
    assert (value.scope, value.member, value.year) == ("country", "India", 2024)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "In 2020, the segment's market size was $12.4 billion. This number is expected to rise to $30.1 billion "
            "in 2027, with a compound annual growth rate (CAGR) of 13.5%\n",
            (2020, 2027),
        ),
        (
            "In 2021, the global value of kelp fibre products was $6.2 billion. That number is projected to grow by "
            "5% annually until 2029.\n",
            (2021, 2029),
        ),
    ],
)
def test_a_cagr_of_this_number_starts_in_the_year_of_the_value_before(text, period):
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.period_start_year, cagr.period_end_year) == period


def test_an_annual_compound_growth_rate_is_a_cagr():
    (cagr,) = _figures(
        "The drone industry is set to have an annual compound growth rate of 21% from 2024.\n", metric="cagr"
    )
    assert cagr.pct == 21.0


def test_a_share_of_revenue_from_a_channel_is_that_channels_share():
    text = "| Channels | Over 64% of revenue from app bookings | Kiosks, call centres |\n"
    (share,) = _figures(text, metric="share")
    assert (share.scope, share.member, share.pct) == ("segment", "app bookings", 64.0)


def test_a_region_written_with_a_non_breaking_hyphen_is_the_region():
    (cagr,) = _figures("Asia\u2011Pacific is expected to grow at a CAGR of 13.8% over the period.\n", metric="cagr")
    assert (cagr.scope, cagr.member) == ("region", "Asia Pacific")


def test_a_sub_market_named_with_revenue_is_the_segment_without_the_word():
    text = (
        "Kelp Fibre Market\n\n"
        "The worldwide kelp fibre yarn revenue market is forecast to grow 12% in 2026, to total $4.2 billion.\n"
    )
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member) == ("segment", "kelp fibre yarn")


@pytest.mark.parametrize(
    ("sentence", "segment_rates"),
    [
        (
            "Yet, independent repair shops are poised to expand at a rate of 6.4% CAGR.",
            [("independent repair shops", 6.4)],
        ),
        # one unit for two numbers is read as one rate: whose it is cannot be told, so it is skipped
        ("The rail and shipping businesses will follow, with CAGRs of 9.2 and 8.8 percent, respectively.", []),
    ],
)
def test_a_growth_rate_of_something_the_sentence_names_is_not_the_markets(sentence, segment_rates):
    text = (
        "Bicycle Maintenance Market\n\n"
        "The global bicycle maintenance market is expected to grow at a CAGR of 7.5% from 2025 to 2032.\n"
        f"{sentence}\n"
    )
    report = extract_report(text)
    market_rates = [figure.pct for figure in report.figures if figure.metric == "cagr" and figure.scope == "market"]
    assert market_rates == [7.5]
    rates = [(figure.member, figure.pct) for figure in report.figures if figure.scope == "segment"]
    assert rates == segment_rates
    if not segment_rates:
        assert any("not of the market" in skipped.reason for skipped in report.skipped)


@pytest.mark.parametrize(
    "sentence",
    [
        "As riders return to commuting after a long pause in most cities, the market is set to grow at a 7.5% CAGR.",
        "It is expected to grow at a CAGR of 7.5% over the next five years.",
        "Sales are projected to climb at a 7.5% CAGR through 2032.",
    ],
)
def test_a_growth_rate_of_the_market_by_another_name_stays_the_markets(sentence):
    text = f"Bicycle Maintenance Market\n\n{sentence}\n"
    (rate,) = _figures(text, metric="cagr")
    assert (rate.scope, rate.pct) == ("market", 7.5)


def test_revenue_of_something_the_market_is_not_is_not_the_markets():
    text = (
        "Bicycle Maintenance Market\n\n"
        "The global bicycle maintenance market was valued at USD 4.2 billion in 2024.\n"
        "Overall, e-scooter rental revenue is expected to total $2.9 billion in 2025.\n"
        "For example, global e-bike insurance spending will reach $3.1 billion in 2026.\n"
        "Bicycle maintenance revenue is expected to total $4.6 billion in 2025.\n"
        "Repair start-ups raised $0.9 billion in 2025, including four rounds of $100 million or more.\n"
    )
    report = extract_report(text)
    market_values = [figure.value_millions for figure in report.figures if figure.scope == "market"]
    assert market_values == [4200.0, 4600.0]
    reasons = " ".join(skipped.reason for skipped in report.skipped)
    assert "revenue or spending of e-scooter rental" in reasons
    assert "revenue or spending of e-bike insurance" in reasons


def test_a_place_in_a_ranking_written_before_a_percentage_is_a_share():
    text = (
        "Cider Market\n\n"
        "In 2023, Europe accounted for the largest share of the global cider market with 51.2% of the total. "
        "North America followed with 21.4%. In third place was Latin America with 9.8%.\n"
    )
    shares = {(figure.member, figure.year, figure.pct) for figure in _figures(text, metric="share")}
    assert shares == {("Europe", 2023, 51.2), ("North America", 2023, 21.4), ("Latin America", 2023, 9.8)}


def test_a_ranking_in_growth_is_not_read_as_shares():
    text = "Cider Market\n\nEurope grew fastest in 2023, at 7.4%. North America followed with 5.1%.\n"
    assert _figures(text, metric="share") == []


def test_sentences_without_a_year_continue_the_year_their_paragraph_opens_with():
    text = (
        "Cider Market\n\n"
        "In 2023, Europe accounted for 51.2% of the market. Asia Pacific held a 20.1% share. "
        "North America held an 18.4% share.\n"
    )
    shares = {(figure.member, figure.year) for figure in _figures(text, metric="share")}
    assert shares == {("Europe", 2023), ("Asia Pacific", 2023), ("North America", 2023)}


def test_initials_written_with_an_ampersand_name_a_market_whose_name_says_and():
    text = (
        "Aerospace and Defense Market\n\n"
        "The A&D market is expected to grow from $700.3 billion in 2021 to $755.2 billion in 2022.\n"
    )
    values = {(figure.scope, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", 2021, 700300.0), ("market", 2022, 755200.0)}


def test_units_as_the_subject_of_a_rate_are_a_segment_not_a_volume():
    text = (
        "Tiller Market\n\n"
        "- By power, the 20-40 HP class captured 51.2% of the tiller market share in 2024, while above-40 HP units "
        "are projected to expand at a 6.4% CAGR through 2030.\n"
    )
    (rate,) = _figures(text, metric="cagr", scope="segment")
    assert (rate.member, rate.pct) == ("above-40 HP", 6.4)


def test_a_rate_of_units_shipped_is_still_a_volume():
    text = "Tiller Market\n\nThe number of tillers shipped is expected to rise at a CAGR of 4.1% to 2030.\n"
    assert _figures(text, metric="cagr") == []


def test_the_percentage_a_list_of_shares_follows_on_from_is_the_first_members_share():
    text = (
        "Frozen Dumpling Market\n\n"
        "By region, Asia Pacific was the main market for frozen dumplings in 2022 (41.5%), followed by North America "
        "(22.0%), Europe (19.5%) and Latin America (8.0%).\n"
    )
    shares = {(figure.member, figure.year, figure.pct) for figure in _figures(text, metric="share")}
    assert ("Asia Pacific", 2022, 41.5) in shares
    assert len(shares) == 4


def test_the_first_amount_of_a_ranking_is_the_member_the_sentence_opens_with():
    text = (
        "Quarry Machinery Market\n\n"
        "The study found that crushing equipment led the way in 2021 with a value of about $12 billion, followed by "
        "screening equipment at about $7 billion.\n"
    )
    values = {(figure.scope, figure.member, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("segment", "crushing equipment", 12000.0), ("segment", "screening equipment", 7000.0)}


def test_a_price_range_named_as_a_member_is_not_a_price():
    text = (
        "Pet Toy Market\n\n"
        "Premium price range dominated the market in 2023, with revenue exceeding USD 4.2 billion, and is expected to "
        "reach USD 6.9 billion by 2032.\n"
    )
    values = {(figure.member, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("Premium price range", 2023, 4200.0), ("Premium price range", 2032, 6900.0)}


def test_a_share_of_emissions_is_not_a_share_of_the_market():
    text = (
        "Plant-Based Cheese Market\n\n"
        "A 2023 study estimates that dairy herds account for roughly 4.0% of global man-made greenhouse gas "
        "emissions.\n"
    )
    assert _figures(text, metric="share") == []


def test_a_cagr_after_three_dated_values_runs_from_the_one_it_reproduces():
    text = (
        "Kelp Fibre Market\n\n"
        "The kelp fibre market grew from USD 100.0 billion in 2024 to USD 104.0 billion in 2025, with expectations to "
        "reach USD 153.9 billion by 2032 and a CAGR of 5.53%.\n"
    )
    assert _cagr(text)[:3] == (5.53, 2024, 2032)


def test_a_cagr_after_three_dated_values_that_none_reproduces_runs_between_the_last_two():
    text = (
        "Kelp Fibre Market\n\n"
        "The kelp fibre market grew from USD 100.0 billion in 2024 to USD 104.0 billion in 2025, with expectations to "
        "reach USD 153.9 billion by 2032 and a CAGR of 9.0%.\n"
    )
    assert _cagr(text)[:3] == (9.0, 2025, 2032)


def test_a_cagr_that_two_of_three_rounded_values_both_reproduce_runs_between_the_last_two():
    # 2.03 -> 7.05 over six years gives 23.06%; 2.49 -> 7.05 over five gives 23.14%, and 23.06% too within the two
    # values' rounding: either start fits, and the sentence's own "from ... in 2026 to ... by 2031" is the period
    text = (
        "Kelp Fibre Market\n\n"
        "The global kelp fibre market was valued at USD 2.03 billion in 2025 and is projected to grow from USD 2.49 "
        "billion in 2026 to USD 7.05 billion by 2031, exhibiting a CAGR of 23.06% during the forecast period.\n"
    )
    assert _cagr(text)[:3] == (23.06, 2026, 2031)


def test_the_market_for_something_else_written_after_the_word_market_is_another_market():
    text = (
        "Cobots Market\n\n"
        "The cobots market will reach $12.3 billion by 2030. "
        "The market for service robots will grow by a 21% CAGR over the next three years.\n"
        "The global market for collaborative cobots arms is expected to grow at a CAGR of 33% between 2024 and 2030.\n"
    )
    assert _figures(text, metric="cagr", scope="market") == []
    (segment_rate,) = _figures(text, metric="cagr", scope="segment")
    assert (segment_rate.member, segment_rate.pct) == ("collaborative cobots arms", 33.0)


def test_an_amount_whose_sentence_is_about_something_else_is_not_the_markets():
    text = (
        "Video Game Market\n\n"
        "The video game market will reach $210.5 billion in 2027. "
        "Handheld makers are launching new devices this fall, and existing handheld sales should grow from "
        "$4.1 billion in 2025 to $5.0 billion in 2027.\n"
    )
    values = {(figure.scope, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", 2027, 210500.0)}


def test_an_amount_a_report_or_an_analyst_states_stays_the_markets():
    text = (
        "Video Game Market\n\n"
        "A report released by Pixel Analytics shows spending is expected to reach $210.5 billion in 2027.\n"
        "Analysts at Pixel Analytics, who track 40 countries, expect $230.0 billion in 2028.\n"
    )
    values = {(figure.scope, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", 2027, 210500.0), ("market", 2028, 230000.0)}


def test_a_title_market_the_text_keeps_saying_wins_over_another_market_the_text_names_more_often():
    text = (
        "U.S. Aerospace and Defense Industry Expected to Keep Growing\n\n"
        "According to a new study, the A&D market is expected to grow from $40.0 billion in 2024 to $43.0 billion "
        "in 2025. Aerospace and defense firms are hiring, and aerospace and defense exports rose. The space market "
        "promises more, the space market draws investors, yet the space market is small.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "U.S. Aerospace and Defense"
    values = {(figure.scope, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", 2024, 40000.0), ("market", 2025, 43000.0)}


def test_a_forecasters_headline_names_the_market_by_what_it_earns():
    for headline, market in (
        ("Quorum Forecasts Worldwide Semiconductor Revenue to Grow 12% in 2026", "Semiconductor"),
        ("Worldwide Spending on Edge Computing Will Reach $380 Billion", "Edge Computing"),
    ):
        text = (
            f"{headline}\n\nWorldwide {market.lower()} revenue will total $700.0 billion in 2026, and "
            f"{market.lower()} vendors expect more. "
            "In the near term, the memory market will grow faster, and the memory market will stay tight, as "
            "the memory market recovers.\n"
        )
        assert extract_report(text).metadata.market == market


def _member_shares(text: str) -> set:
    return {(figure.scope, figure.member, figure.pct) for figure in _figures(text, metric="share")}


def test_a_share_goes_to_the_member_after_an_opening_phrase_or_a_verb_like_take_or_stay():
    text = (
        "Kelp Fibre Market\n\n"
        "According to the survey, woven kelp accounted for by far the largest share of total sales, almost 48 per cent."
        "\n- Bleached fibres take 31.5% of the market, making them the most common grade.\n"
        "- Raw fibres stay on top in Asia with 20.5% market share.\n"
    )
    assert ("segment", "woven kelp", 48.0) in _member_shares(text)
    assert ("segment", "Bleached fibres", 31.5) in _member_shares(text)


def test_a_share_goes_to_a_segment_named_as_such_even_with_commas_in_its_name():
    text = (
        "Cold Chain Logistics Market\n\n"
        "Among all applications, the meat, fish and seafood segment generated the highest revenue, accounting for "
        "around 35% of the market in 2015.\n"
        "The skin and sun care products segment dominates the market and accounts for around 30% share.\n"
    )
    shares = _member_shares(text)
    assert ("segment", "meat, fish and seafood", 35.0) in shares
    assert ("segment", "skin and sun care products", 30.0) in shares


def test_a_share_held_by_a_market_named_as_the_sentences_subject_is_that_segments():
    text = (
        "Pharmaceuticals Market\n\n"
        "The antiviral drugs market was the largest segment of the pharmaceuticals market, accounting for 14.5% of "
        "the total in 2022.\n"
        "In terms of service lines, the payroll services market constitutes the largest line, with a share "
        "estimated at 29.3% in 2022.\n"
        "The market accounted for 1.6% of the global GDP.\n"
    )
    assert _member_shares(text) == {("segment", "antiviral drugs", 14.5), ("segment", "payroll services", 29.3)}


def test_a_member_written_with_a_comparison_sign_is_read():
    text = "Heat Pump Market\n\n- By capacity, ≤5-ton systems captured 72% of the heat pump market share in 2024.\n"
    ((scope, member, pct),) = _member_shares(text)
    assert (scope, pct) == ("segment", 72.0) and member.startswith("≤5-ton")


def test_a_share_up_or_down_from_another_is_the_same_members_in_the_other_year():
    text = (
        "Smart Meter Market\n\n"
        "Utility meters will account for 72 percent of total market revenue by 2028, it says - up from 70 percent in "
        "2023. Self-read meters represent 40% of the market, up from 35% in 2020.\n"
    )
    shares = {(figure.member, figure.year, figure.pct) for figure in _figures(text, metric="share")}
    assert shares == {
        ("Utility meters", 2028, 72.0),
        ("Utility meters", 2023, 70.0),
        ("Self-read meters", None, 40.0),
        ("Self-read meters", 2020, 35.0),
    }


def test_a_member_that_led_with_a_percentage_holds_that_share_unless_growth_is_named():
    text = "Digital Payment Market\n\n- In 2023, the Wallet segment led with 61.8%, helped by card tokens.\n"
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {("Wallet", 2023, 61.8)}
    text = "Digital Payment Market\n\n- In 2023, North America led with 9.8% growth.\n"
    assert _figures(text, metric="share") == []


def test_a_places_figure_of_another_market_is_skipped():
    text = (
        "Frozen Dumpling Market\n\n"
        "The frozen dumpling market was valued at USD 9.1 billion in 2024. "
        "India offers strong room for expansion, as shown by the expected growth of the Indian retail industry to "
        "USD 1,100 billion by 2026 from USD 790 billion in 2021. "
        "The United States represents the largest single market at $3.2 billion in 2024. "
        "The U.K. market stood at USD 0.8 billion in 2024.\n"
    )
    values = {(figure.scope, figure.member, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", None, 9100.0), ("country", "U.S.", 3200.0), ("country", "UK", 800.0)}


def test_a_market_written_as_run_together_word_beginnings_is_the_same_market():
    text = (
        "Satellite Communications Market\n\n"
        "SATCOM revenue is projected to rise from USD 27.6 billion in 2026 to USD 83 billion in 2035.\n"
    )
    values = {(figure.scope, figure.year, figure.value_millions) for figure in _figures(text, metric="value")}
    assert values == {("market", 2026, 27600.0), ("market", 2035, 83000.0)}


def test_a_sentences_own_subject_wins_over_this_category_said_after_it():
    text = (
        "Sports Nutrition Market\n\n"
        "Sports drinks is the largest segment. Protein powders are the market leader in this category with 38.2% "
        "share.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {("Protein powders", 38.2)}


def test_a_share_of_a_companys_own_revenue_is_not_a_market_share():
    text = (
        "Semiconductor Market\n\n"
        "Foundry giant Wafertek's 3nm process node accounts for 35% of its 2023 revenue, with 5nm contributing 40%.\n"
    )
    assert _figures(text, metric="share") == []


def test_the_market_for_the_markets_name_in_another_spelling_is_the_same_market():
    text = "Regolith Market\n\nThe market for régolithe reached € 5 million in 2024.\n"
    ((value,),) = [[(figure.scope, figure.value_millions) for figure in _figures(text, metric="value")]]
    assert value == ("market", 5.0)


def test_a_year_range_with_a_garbled_dash_is_read():
    for dash in ("â€“", "โ€“", "ā"):
        text = f"Digital Wallet Market\n\nCAGR (2025{dash}2033): 13.59%\n"
        assert _cagr(text)[:3] == (13.59, 2025, 2033)


def test_gdp_is_not_a_market_figure():
    text = (
        "Construction Market\n\n"
        "GDP from construction across the main economies is expected to reach USD 978 billion in 2024.\n"
    )
    assert _figures(text, metric="value") == []


def test_a_category_named_before_a_rate_holds_it():
    text = (
        "Entertainment Market\n\n"
        "Among the three major categories within the industry—advertising, consumer, and connectivity—the "
        "advertising category is forecast to grow the fastest, with a projected CAGR of 6.1%.\n"
    )
    ((rate,),) = [[(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")]]
    assert rate == ("segment", "advertising", 6.1)


def test_a_rate_in_a_clause_of_although_with_no_main_clause_is_its_subjects():
    text = (
        "Industrial Robotics Market\n\n"
        "The industrial robotics market will grow at a CAGR of 5.4% from 2013 to 2020. "
        "Although gantry robots are expected to grow at a faster pace at a CAGR of 6.5% through 2020.\n"
        "As factories automate, the market is expected to keep growing at a CAGR of 5.4% from 2013 to 2020.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 5.4), ("segment", "gantry robots", 6.5)}


def test_a_rate_after_a_value_reached_by_a_year_runs_from_the_forecast_start_to_that_year():
    text = (
        "Forecast period: 2026-2035\n"
        "Looking ahead, the bridge-inspection market is expected to keep growing, reaching $73.9 billion by 2030 at a "
        "CAGR of 8.0%.\n"
    )
    assert _cagr(text)[:3] == (8.0, 2026, 2030)


def test_a_possessive_year_belongs_to_the_amount_after_it():
    text = (
        "Fibre Backhaul Market\n\n"
        "The fibre backhaul market will bring in $19.1 billion in 2021. "
        "Those $19.1 billion in revenue will far surpass 2020's figure of $13.7 billion, according to the firm.\n"
    )
    values = {(f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert (2020, 19100.0) not in values
    assert (2020, 13700.0) in values


def test_a_place_in_an_earlier_clause_does_not_hold_a_worldwide_amount():
    text = (
        "EdTech Market\n\n"
        "A 2017 paper found that preschool software alone exceeded $8 billion in the US, while the EdTech industry "
        "worldwide was expected to reach $252 billion by 2020.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert ("market", 2020, 252000.0) in values


def test_a_statistics_portals_revenue_of_one_kind_is_a_segment():
    text = (
        "Tea Market\n\n"
        "- Revenue in the Tea market amounts to US$130.2bn in 2024.\n"
        "- Revenue, at home (e.g., revenue generated in supermarkets) in the Tea market amounts to US$61.5bn in 2024.\n"
        "- The revenue, at home is expected to grow annually by 3.1% (CAGR 2024-2028).\n"
    )
    figures = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "market", None, 130200.0),
        ("value", "segment", "at home", 61500.0),
        ("cagr", "segment", "at home", 3.1),
    }


def test_a_cumulative_amount_is_not_a_market_size():
    text = (
        "In-Orbit Servicing Market\n\n"
        "The firm forecasts servicing contracts to generate a cumulative $3B by 2027, growing at a 62% CAGR.\n"
    )
    assert _figures(text, metric="value") == []


def test_a_market_named_in_full_first_then_shortened_keeps_its_full_name():
    text = (
        "Press release\n\n"
        "The lithium-ion battery market has grown quickly. Lithium-ion battery makers expect more, and the "
        "lithium-ion market is tight. The lithium-ion market leaders gain. The lithium-ion market will reach "
        "$200.0 billion in 2030.\n"
    )
    assert extract_report(text).metadata.market == "Lithium-ion Battery"


def test_home_opens_a_market_name_unless_it_is_a_breadcrumb():
    text = (
        "Home Healthcare Market Size and Growth 2024 To 2033\n"
        "The global home healthcare market size was USD 288.4 billion in 2023. The home healthcare market grows.\n"
    )
    assert extract_report(text).metadata.market == "Home Healthcare"


def test_a_page_that_never_names_a_market_is_about_the_industry_it_keeps_naming():
    text = (
        "Report: a record year for satellites\n\n"
        "The satellite industry grew again. Revenue of the satellite industry reached $285 billion in 2023, and the "
        "satellite industry now makes up 71% of the space economy.\n"
    )
    assert extract_report(text).metadata.market == "Satellite Industry"


def test_a_longer_market_name_said_as_a_market_as_often_wins_over_the_shorter_one():
    text = (
        "Report summary\n\n"
        "Robotics is changing factories. The robotics market is large, and robotics firms hire. "
        "The industrial robotics market will reach $45.0 billion in 2030; industrial robotics sales grow.\n"
    )
    assert extract_report(text).metadata.market == "Industrial Robotics"


def test_a_word_for_a_part_of_a_market_is_no_markets_name():
    text = (
        "Betting report\n\n"
        "In 2019, the segment market size was $24.99 billion. The segment market grew, and the segment market "
        "will keep growing.\n"
    )
    assert extract_report(text).metadata.market is None


def test_a_titles_trailing_global_is_no_part_of_the_markets_name():
    text = (
        "Paints & Coatings Global Industry Report 2024\n\n"
        "The paints & coatings market reached $180.0 billion in 2023.\n"
    )
    assert extract_report(text).metadata.market == "Paints & Coatings"


def test_a_growth_rate_of_a_subject_that_is_not_the_market_is_that_members():
    text = (
        "Construction Market\n\n"
        "The construction market will grow at a CAGR of 4.1% from 2024 to 2030. "
        "Yet, small contractors are poised to surge forward at a rate of 5.92% CAGR. "
        "The rail and marine sectors will follow, with CAGRs of 3.4% and 2.8%, respectively. "
        "Healthcare will remain the fastest-growing industry, posting a five-year CAGR of 5.7%.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {
        ("market", None, 4.1),
        ("segment", "small contractors", 5.92),
        ("segment", "rail", 3.4),
        ("segment", "marine", 2.8),
        ("segment", "Healthcare", 5.7),
    }


def test_operations_and_shipments_after_a_members_name_are_left_out():
    text = (
        "Road Freight Market\n\n"
        "- By truckload, full-truck-load operations held 79.83% of the market in 2024.\n"
        "- By destination, domestic shipments captured 62.65% of the market in 2024.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("full-truck-load", 79.83),
        ("domestic", 62.65),
    }


def test_the_subject_after_it_is_worth_mentioning_that_is_what_a_rate_is_of():
    text = (
        "Tech Spend Market\n\n"
        "Global tech spend will grow at a CAGR of 8.1% from 2023 to 2030. It is worth mentioning that investments in "
        "generative AI software are forecast to grow 36 percent annually between 2023 and 2030.\n"
    )
    assert {(f.scope, f.pct) for f in _figures(text, metric="cagr")} == {("market", 8.1)}


@pytest.mark.parametrize(
    ("written", "millions"),
    [
        ("Rs 85 trillion", 85_000_000.0),
        ("₹3,200 crore", 32_000.0),
        ("Rs. 4 lakh crore", 4_000_000.0),
        ("INR 50 lakh", 5.0),
    ],
)
def test_rupee_amounts_in_the_indian_scale_are_read(written, millions):
    text = f"India Consumer Retail Market\n\nThe consumer retail market reached {written} in 2023.\n"
    ((value,),) = [[(f.value_millions, f.currency, f.year) for f in _figures(text, metric="value")]]
    assert value == (millions, "INR", 2023)


def test_a_percentage_before_compound_annual_rate_is_a_cagr():
    text = (
        "Generative AI Market\n\n"
        "The generative AI market will expand at a 42% compound annual rate from $40 billion in 2022 to $1.3 "
        "trillion by 2032.\n"
    )
    assert _cagr(text)[:3] == (42.0, 2022, 2032)


def test_an_amount_with_euro_written_after_its_scale_is_read():
    text = "Food Retail Market\n\nSales of food retailers in Europe will break the 1,000 billion Euro mark in 2009.\n"
    ((value,),) = [[(f.value_millions, f.currency) for f in _figures(text, metric="value")]]
    assert value == (1_000_000.0, "EUR")


def test_the_full_words_of_a_markets_initials_name_the_same_market():
    text = (
        "IT Spending Market\n\n"
        "The information technology market will grow from nearly $2.4 trillion in 2016 to more than $2.7 trillion in "
        "2020.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 2016, 2_400_000.0), ("market", 2020, 2_700_000.0)}


def test_this_figure_after_an_opening_clause_is_the_value_before():
    text = (
        "Pet Food Market\n\n"
        "As of 2023, the global pet food market is valued at $103.3 billion. Projections suggest that this figure "
        "will rise to $139.29 billion by 2030, reflecting a compound annual growth rate (CAGR) of 4.4%.\n"
    )
    assert _cagr(text)[:3] == (4.4, 2023, 2030)


def test_shares_listed_after_the_first_ones_market_are_the_followers():
    text = (
        "Market Research Market\n\n"
        "The US accounts for 44% of the global market, followed by the UK at 14%, Germany with 6% and others.\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("U.S.", 44.0), ("UK", 14.0), ("Germany", 6.0)}


def test_this_segment_refers_back_to_a_member_read_from_prose():
    text = (
        "Internet of Things Market\n\n"
        "The enterprise IoT dominates the overall IoT market, generating 76 per cent of total revenue in 2020.\n\n"
        "GlobalData expects this segment to still occupy 73 per cent of the overall IoT market in 2024.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("enterprise IoT", 2020, 76.0), ("enterprise IoT", 2024, 73.0)}


def test_a_place_in_capitals_before_a_dash_is_a_dateline_not_the_figures_place():
    text = (
        "Market Research Market\n\n"
        "EUROPE – The market research sector has grown slightly and is now valued at more than $47bn in 2018.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 47000.0)}


def test_firms_in_brackets_after_the_one_that_tops_the_list_are_firms():
    text = (
        "Market Research Market\n\n"
        "Nielsen tops the list with $6.5bn turnover in 2018, followed by Quorix ($3.9bn) and Pollster ($2.1bn).\n"
    )
    assert [f for f in _figures(text, metric="value") if f.scope == "segment"] == []


def test_the_former_and_the_latter_are_no_members():
    text = "Breast Cancer Market\n\nAdjuvant and neoadjuvant use drive sales; the former held a 52% share in 2013.\n"
    assert all(f.member not in ("former", "latter") for f in _figures(text, metric="share"))


def test_the_annual_growth_rate_of_one_named_year_is_not_a_cagr():
    text = (
        "IT Spending Market\n\n"
        "Enterprise software spending will be strong this year, with the 2014 annual growth rate in that category "
        "rising by 6.8 percent.\n"
    )
    assert _figures(text, metric="cagr") == []


def test_a_forecasters_headline_on_pace_to_reach_and_a_kinds_spending_wrapped_over_lines():
    text = (
        "Quorum Says Worldwide IT Spending on Pace to Reach $3.8 Trillion in 2013\n\n"
        "Worldwide IT spending is on pace to total $3.8 trillion in 2013, and IT spending keeps rising. "
        "Worldwide devices spending (which includes PCs, tablets, mobile phones and\n"
        "printers) is forecast to reach $718 billion in 2013, up 7.9 percent from 2012.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "IT"
    values = {(f.scope, f.value_millions) for f in report.figures if f.metric == "value"}
    assert values == {("market", 3_800_000.0)}


def test_a_news_address_that_names_the_market_before_the_headline_gives_the_market():
    text = (
        "Source: https://news.example/indian-healthcare-market-to-reach-638-bn-by-2025-report\n\n"
        "The sector, valued at $110 billion in 2016, has grown significantly, reaching $372 billion in 2023.\n"
        "The hospital market size grew from $62 billion in 2020 to $132 billion in 2023.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Indian Healthcare"
    values = {(f.scope, f.year, f.value_millions) for f in report.figures if f.metric == "value"}
    assert values == {("market", 2016, 110_000.0), ("market", 2023, 372_000.0)}


def test_what_a_source_says_that_is_what_an_amount_is_of():
    text = (
        "Generative AI Market\n\n"
        "The generative AI market will reach $1.3 trillion by 2032. But, the report predicts that software will "
        "reach $280 billion in annual revenue by 2032 as commercialization accelerates.\n"
    )
    values = {(f.scope, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 1_300_000.0)}


def test_rates_between_two_percentages_are_one_range():
    text = "Generative AI Market\n\nAll sources agree on compound annual growth rates between 35.9% and 44.2%.\n"
    ((rate,),) = [[(f.pct, f.pct_high) for f in _figures(text, metric="cagr")]]
    assert rate == (35.9, 44.2)


@pytest.mark.parametrize(
    "sentence",
    [
        "Average growth over the past five years has been 10% a year.",
        "Value has risen even more sharply, by an average 13% a year, to $37,000 million in 2011.",
        "With sales growing by 9% a year on average since 2002, the sector holds strong potential.",
    ],
)
def test_a_past_average_growth_with_no_period_is_not_a_cagr(sentence):
    text = f"Energy Drinks Market\n\n{sentence}\n"
    assert _figures(text, metric="cagr") == []


def test_a_past_compound_rate_is_still_a_cagr():
    text = "Energy Drinks Market\n\nThe market has grown at a CAGR of 8.1% over the past five years.\n"
    assert [f.pct for f in _figures(text, metric="cagr")] == [8.1]


def test_a_member_that_remains_the_leading_category_with_a_share_holds_it():
    text = "Heat Pump Market\n\nAir-to-air heat pumps remain the leading product category with 44.3% market share.\n"
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {("Air-to-air heat pumps", 44.3)}


def test_the_share_of_a_member_said_with_its_verb_is_that_members():
    text = (
        "Market Research Market\n\n"
        "Quantitative methods fell to 78%, while the share of qualitative research stayed at 14%.\n"
    )
    assert ("qualitative research", 14.0) in {(f.member, f.pct) for f in _figures(text, metric="share")}


def test_a_year_on_year_growth_is_no_share():
    text = (
        "Wind Turbine Market\n\n"
        "In 2020 alone, 93 GW of new capacity was added globally, representing a 53% year-on-year growth.\n"
    )
    assert _figures(text, metric="share") == []


def test_the_largest_market_in_a_region_is_the_countrys_figure():
    text = (
        "Video Streaming Market\n\n"
        "North America holds the largest market share. The United States is the largest market in North America, "
        "with a market size of USD 33952.7 million in 2024.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("country", "U.S.", 33952.7)}


def test_a_share_takes_the_year_of_the_market_size_written_with_it():
    text = (
        "Video Streaming Market\n\n"
        "North America holds the largest market share, accounting for over 40% of the global revenue, with a market "
        "size of USD 43032.60 million in 2024.\n"
    )
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {("North America", 2024, 40.0)}


def test_a_page_about_one_places_market_reads_that_places_figures_as_the_markets():
    text = (
        "Source: https://news.example/pharma/kelp-supplements-could-double\n\n"
        "The US market for kelp supplements will more than double in value, from $1.20 billion in 2024 to "
        "$2.65 billion by 2031, a new report from Harbour Analytics says. Demand for kelp supplements follows ageing.\n"
        "The capsules segment will grow from $0.70 billion in 2024 to $1.40 billion by 2031.\n"
    )
    report = extract_report(text)
    market_values = {(f.year, f.value_millions) for f in report.figures if f.scope == "market"}
    assert market_values == {(2024, 1200.0), (2031, 2650.0)}
    assert not [f for f in report.figures if f.scope == "country"]
    assert report.metadata.market == "U.S. Kelp Supplements"


def test_a_place_page_that_dates_no_value_reads_its_place_by_the_first_value_and_its_parts_as_segments():
    text = (
        "Kelp Snacks Market in India\nPosted: Oct 01, 2024\n\n"
        "The revenue from the kelp snack sector in India is projected to reach USD 6.45 billion in the current year, "
        "with an annual growth rate of 2.86% (CAGR 2024-2028).\n"
        "The estimated revenue of the baked kelp snack market in India is around $ 1.24 billion, with an anticipated "
        "growth rate of 2.21% (CAGR 2024-2028).\n"
    )
    figures = extract_report(text).figures
    assert {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in figures} == {
        ("value", "market", None, 6450.0),  # in 2024, the year the page was posted
        ("cagr", "market", None, 2.86),
        ("value", "segment", "baked kelp snack", 1240.0),
        ("cagr", "segment", "baked kelp snack", 2.21),
    }


def test_a_place_adjective_a_few_words_before_market_is_that_place():
    text = (
        "Forecasts predict that the Chinese kelp retail market will be worth $8.3 trillion by 2022, twice that of the "
        "equivalent industry in the US ($4.5 trillion).\nIndia is set to be worth almost $4 trillion.\n"
    )
    places = {(f.scope, f.member, f.value_millions) for f in extract_report(text).figures}
    assert ("country", "China", 8300000.0) in places
    assert not [place for place in places if place[0] == "market"]


def test_a_market_name_that_holds_its_place_is_not_given_the_place_again():
    text = (
        "Middle East & Africa Kelp Fertilizer Market - Growth, Trends and Forecast (2020 - 2025)\n\n"
        "The Middle East & African kelp fertilizer market was valued at USD 64.5 million in 2019, registering a CAGR "
        "of 6.4% during the forecast period (2020-2025).\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Middle East & Africa Kelp Fertilizer"
    assert {(f.scope, f.value_millions or f.pct) for f in report.figures} == {("market", 64.5), ("market", 6.4)}


def test_a_region_page_keeps_its_countries_figures_as_the_countries():
    text = (
        "Mycelium leather in Europe reached EUR 410 million in 2024, up from EUR 350 million in 2023.\n"
        "Germany is the largest mycelium leather market in Europe, valued at EUR 120 million in 2024.\n"
    )
    figures = extract_report(text).figures
    assert {(f.year, f.value_millions) for f in figures if f.scope == "market"} == {(2024, 410.0), (2023, 350.0)}
    assert {(f.member, f.value_millions) for f in figures if f.scope == "country"} == {("Germany", 120.0)}


@pytest.mark.parametrize(
    "second_sentence",
    [
        # the place holds a share of a larger whole
        "In 2024, North America accounted for 41 percent of the worldwide total.",
        # a second place stands beside the first
        "Europe followed with $0.6 billion in 2024 and $1.1 billion by 2030.",
        # the market of the world is stated too
        "The global drone insurance market was worth $2.9 billion in 2024.",
    ],
)
def test_a_place_that_is_one_part_of_the_market_stays_a_region(second_sentence):
    text = (
        "Drone Insurance Market\n\n"
        f"Drone insurance in North America generated $1.2 billion in 2024 and will reach $2.0 billion by 2030. "
        f"{second_sentence}\n"
    )
    figures = extract_report(text).figures
    assert (2024, 1200.0) in {(f.year, f.value_millions) for f in figures if f.member == "North America"}


def test_a_cagr_wrapped_onto_a_line_that_opens_with_its_bracketed_initials_stays_in_its_sentence():
    text = (
        "Coral Aquaculture Market\n\n"
        "The coral aquaculture market was valued at $2.16\n"
        "billion in 2017, and is expected to grow at a compound annual growth rate\n"
        "(CAGR) of 11.9% to reach $4.75 billion in 2024.\n"
    )
    assert _cagr(text)[:3] == (11.9, 2017, 2024)


def test_the_market_for_the_pages_own_product_in_a_year_is_the_market():
    text = (
        "Aerogel Blankets Market\n\n"
        "The market for aerogel blankets in 2024 was $310 million, and it will reach $720 million by 2030.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 2024, 310.0), ("market", None, 2030, 720.0)}


def test_the_market_of_a_place_named_by_its_adjective_is_that_places_not_a_segment():
    text = (
        "Seaweed Snacks Industry Statistics\n"
        "The Indian Seaweed Snacks Industry stood at $ 0.8 billion in 2023 and is predicted to grow at a CAGR of 11% "
        "to reach $ 1.5 billion by 2029. Seaweed snacks are a part of the packaged food sector.\n"
    )
    report = extract_report(text)
    assert {(f.metric, f.scope, f.member) for f in report.figures} == {
        ("value", "market", None),
        ("cagr", "market", None),
    }
    assert report.metadata.market == "India Seaweed Snacks"


def test_a_place_markets_size_and_the_forecast_in_the_next_sentence_are_the_markets():
    text = (
        "The kombucha market in Europe reached US$ 1,210 Million in 2023. The market is further projected to exceed "
        "US$ 3,400 Million by 2029, at a CAGR of 18.8% during 2023-2029.\n"
    )
    figures = extract_report(text).figures
    assert {(f.scope, f.year, f.value_millions) for f in figures if f.metric == "value"} == {
        ("market", 2023, 1210.0),
        ("market", 2029, 3400.0),
    }


def test_a_place_after_the_page_speaks_of_the_world_market_stays_a_region():
    text = (
        "Compost Markets\n\n"
        "Global compost use is about 90 million tons a year and is set to reach 110 million tons by 2030.\n"
        "The USA and Canada lead use in North America; this compost market had revenues of US$2.3bn in 2022 and is "
        "expected to approach $3 billion by 2027.\n"
    )
    figures = extract_report(text).figures
    assert {(f.scope, f.member) for f in figures if f.metric == "value"} == {("region", "North America")}


def test_a_statistics_portals_revenue_in_the_markets_own_segment_is_the_markets():
    text = (
        "Tea Market\n\n"
        "Revenue in the Tea segment amounts to US$41.20bn in 2024. The market is expected to grow annually by 3.1% "
        "(CAGR 2024-2028).\n"
    )
    figures = extract_report(text).figures
    assert {(f.metric, f.scope) for f in figures} == {("value", "market"), ("cagr", "market")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The kelp market is due to grow at a rate of 13.9% between 2025 – 2030.",
        "The kelp market is forecasted to expand at an average of 13.9% over the period of 2025 to 2030.",
        "We expect the kelp industry's average annual growth to be about 13.9% between 2025 and 2030.",
        "The kelp market is set to grow at 13.9% over the 2025-2030 period.",
    ],
)
def test_a_growth_rate_over_a_stated_span_of_years_is_a_cagr_without_the_word(sentence):
    assert _cagr(f"Kelp Market\n\n{sentence}\n")[:3] == (13.9, 2025, 2030)


def test_places_growing_at_rates_respectively_over_a_span_have_those_cagrs():
    text = (
        "Kelp Market\n\nThe global kelp market is projected to reach US$6.4 Billion by 2030, growing at a CAGR of 6% "
        "over the analysis period 2022-2030. Among other markets are Japan and Canada, each forecast to grow at 4.2% "
        "and 5.4% respectively over the 2022-2030 period.\n"
    )
    rates = {
        (f.member, f.pct, f.period_start_year, f.period_end_year)
        for f in _figures(text, metric="cagr", scope="country")
    }
    assert rates == {("Japan", 4.2, 2022, 2030), ("Canada", 5.4, 2022, 2030)}


def test_a_rate_glued_to_the_word_before_it_is_read():
    text = (
        "Kelp Market\n\nThe kelp market is estimated at USD 89.20 Bn in 2025 and is expected to reach USD 132.36 Bn "
        "by 2032, exhibiting a compound annual growth rate (CAGR) of5.8% from 2025 to 2032.\n"
    )
    assert _cagr(text) == (5.8, 2025, 2032, "sentence")


def test_a_countrys_history_and_forecast_rates_in_a_pay_later_template():
    text = (
        "Report\n  • Region: Asia Pacific\n  • PayNXT360\n"
        "The BNPL payment market in Asia-Pacific is expected to grow by 17.8% on annual basis to reach US$263.1 "
        "billion in 2026.\n\n"
        "The buy now pay later market in the country has experienced robust growth during 2022-2025, achieving a "
        "CAGR of 24.5%. This upward trajectory is expected to continue, with the market forecast to grow at a CAGR of "
        "13.5% from 2026-2031.\n"
    )
    report = extract_report(text)
    rates = {(f.pct, f.period_start_year, f.period_end_year) for f in report.figures if f.metric == "cagr"}
    assert rates == {(24.5, 2022, 2025), (13.5, 2026, 2031)}
    assert (report.forecast_start_year, report.forecast_end_year) == (2026, 2031)


@pytest.mark.parametrize(
    ("sentence", "period"),
    [
        (
            "Kelp is set to reach $31.3 billion by 2017, up 7.4 percent per year from $21.9 billion in 2012.",
            (2012, 2017),
        ),
        (
            "In 2018, kelp sales were worth EUR 22 billion. These sales grew 7.4% on average during 2016-2018.",
            (2016, 2018),
        ),
        ("From 2014 to 2017, the kelp market grew to over $200 billion following 7.4% yearly growth.", (2014, 2017)),
    ],
)
def test_growth_a_year_on_average_or_from_an_earlier_value_is_a_cagr_over_those_years(sentence, period):
    assert _cagr(f"Kelp Market\n\n{sentence}\n")[:3] == (7.4, *period)


def test_a_one_year_study_average_is_no_cagr():
    text = "Kelp Market\n\n- Kelp farming reduced harvesting time by 70% on average in 2023 studies.\n"
    assert _figures(text, metric="cagr") == []


def test_an_amount_with_two_spaces_before_its_scale_and_an_annual_rate_named_cagr_in_brackets():
    text = (
        "Kelp Packaging Market\n\nThe global kelp packaging market is valued at US$6142  mln in 2015.\n"
        "5. Revenue is predicted to grow at a ~13% annual rate (CAGR 2023-2028), resulting in a market volume of "
        "~$40.00 billion by 2028.\n"
    )
    facts = {(f.metric, f.year, f.value_millions or f.pct, f.period_start_year) for f in extract_report(text).figures}
    assert facts == {("value", 2015, 6142.0, None), ("cagr", None, 13.0, 2023), ("value", 2028, 40000.0, None)}


def test_a_bare_amount_grown_from_takes_the_currency_of_the_amount_before_it():
    text = (
        "Kelp Market\n\nThe kelp market is projected to grow at a CAGR of 1.8% to reach a market size of USD 113.1 "
        "billion by 2025 from 101.7 billion in 2019.\n"
    )
    values = {(f.year, f.value_millions, f.currency) for f in _figures(text, metric="value")}
    assert values == {(2025, 113100.0, "USD"), (2019, 101700.0, "USD")}
    assert _cagr(text)[:3] == (1.8, 2019, 2025)


def test_a_growth_rate_in_one_year_is_no_cagr():
    text = "Kelp Market\n\nThe kelp market is due to grow at a rate of 13.9% in 2025.\n"
    assert _figures(text, metric="cagr") == []


def test_the_revenue_of_a_named_market_is_its_value_and_a_firms_revenue_is_not():
    market = "Kelp Market\n\nThe estimated revenue of the kelp crisps market is around $1.24 billion in 2024.\n"
    assert [(f.scope, f.member, f.value_millions) for f in _figures(market, metric="value")] == [
        ("segment", "kelp crisps", 1240.0)
    ]
    firm = "Kelp Market\n\nThe revenues of Oceanic Foods were $1.24 billion in 2024.\n"
    assert _figures(firm, metric="value") == []


def test_a_portal_page_with_its_product_name_in_the_title_and_a_dominant_segment_in_the_same_year():
    text = (
        "Kelp Farming - Worldwide | Statista Market Forecast (2024)\n\n"
        "Statista Logo\nStatista Logo\n  • About Statista\n  • nxt statista\n\n"
        "    • In 2024, it is projected that the Net Interest Income in the Kelp Farming market worldwide will reach "
        "a staggering amount of US$8.52bn.\n"
        "    • The market is predominantly dominated by Rope Culture, which is expected to have a projected market "
        "volume of US$7.03bn in the same year.\n"
        "    • Moving forward, the Net Interest Income is anticipated to display an annual growth rate (CAGR "
        "2024-2029) of 4.92%.\n"
        "The Kelp Farming market refers to the growing of seaweed at sea.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp Farming"
    facts = {(f.metric, f.scope, f.member, f.year, f.value_millions or f.pct) for f in report.figures}
    assert facts == {
        ("value", "market", None, 2024, 8520.0),
        ("value", "segment", "Rope Culture", 2024, 7030.0),
        ("cagr", "market", None, None, 4.92),
    }


def test_a_market_named_in_the_singular_is_said_in_its_plural_too():
    text = (
        "The sodium-ion battery market size has grown fast, a niche of the broader energy storage market.\n"
        "The global sodium-ion battery market was valued at USD 1.07 billion in 2024.\n"
        "Sodium-ion batteries suit energy storage systems; energy storage buyers like sodium-ion batteries.\n"
        "Energy storage sites and energy storage firms keep buying sodium-ion batteries for the sodium-ion battery "
        "market.\n"
    )
    report = extract_report(text)
    assert report.metadata.market.lower() == "sodium-ion battery"
    assert [(f.scope, f.year, f.value_millions) for f in report.figures] == [("market", 2024, 1070.0)]


def test_a_news_page_ranking_regions_names_its_market_not_the_leading_region():
    text = (
        "Asia overtakes Europe in the kelp harvester market\n\n"
        "According to a new report from Harbour Analytics, the Asia-Pacific region overtakes Europe in kelp "
        "harvesters. With a 57.8% market share the Asia-Pacific market is now the largest market in the world, "
        "followed by Europe with 22.0% and North America with only a 12.4% market share.\n"
        "This growth is set to continue as the Asia-Pacific market is estimated to increase its share to 64.5% by "
        "2016.\n"
        "Positive news is that the compound annual growth rate is expected to increase "
        "to 7.98% over the forecast period 2012-2016.\n"
    )
    report = extract_report(text)
    assert report.metadata.market.lower() == "kelp harvester"
    facts = {(f.metric, f.scope, f.member, f.year, f.pct) for f in report.figures}
    assert facts == {
        ("share", "region", "Asia Pacific", None, 57.8),
        ("share", "region", "Europe", None, 22.0),
        ("share", "region", "North America", None, 12.4),
        ("share", "region", "Asia Pacific", 2016, 64.5),
        ("cagr", "market", None, None, 7.98),
    }


def test_a_country_following_another_in_a_regions_ranking_holds_a_share_of_that_region():
    text = (
        "Kelp Market\n\nIn Europe, the UK has the largest demand, with a market share of 16.4%, followed closely by "
        "Germany with 15.9%.\n"
    )
    assert _figures(text, metric="share") == []


@pytest.mark.parametrize(
    "amount",
    ["between 74 and 92 billion dollars", "between $74 and $92 billion", "between $74 billion and $92 billion"],
)
def test_a_range_between_two_amounts_takes_the_scale_the_second_states(amount):
    text = f"Kelp Market\n\nAs of January 2023, the kelp market oscillates {amount}.\n"
    assert [(f.year, f.value_millions, f.value_high_millions) for f in _figures(text, metric="value")] == [
        (2023, 74000.0, 92000.0)
    ]


def test_an_amount_reached_over_a_span_of_years_is_for_its_last_year():
    text = "Kelp Market\n\nKelp Market Size is projected to increase to USD 273.72 billion between 2023-2027.\n"
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2027, 273720.0)]


def test_a_top_segment_card_with_its_share_in_brackets_names_the_segment():
    text = "Kelp Market\n\n- Leading Country: United States (21.8% share)\n- Top Segment: Dried Sheets (42.7% share)\n"
    shares = {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("country", "U.S.", 21.8), ("segment", "Dried Sheets", 42.7)}


def test_a_share_of_that_revenue_takes_the_year_the_sentence_before_opens_with():
    text = (
        "Kelp Market\n\nAs of the end of 2023, analysts estimate that the kelp market is $262 billion in size. "
        "Farmed kelp environments account for 64 percent of that revenue.\n"
    )
    assert [(f.member, f.year, f.pct) for f in _figures(text, metric="share")] == [
        ("Farmed kelp environments", 2023, 64.0)
    ]


def test_a_superlative_before_a_dimension_and_segment_is_a_rank_not_the_segments_name():
    text = "Kelp Market\n\n  • Longlines emerged as the largest growth mechanism segment with 55% share in 2024.\n"
    assert [(f.member, f.year, f.pct) for f in _figures(text, metric="share")] == [("Longlines", 2024, 55.0)]


def test_a_heading_per_industry_names_no_market():
    text = "Kelp consulting grows to $4.5 billion\n\nPer Industry and Function\nThe healthcare sector rose.\n"
    assert extract_report(text).metadata.market != "Per"


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("Source: https://news.example/articles/2018/03/29/kelp-spending.aspx\n\n", 2018),
        ("Kelp News\nPosted: Oct 01, 2024\n\n", 2024),
        ("Apr. 18, 2023 /KelpWire/ -- ", 2023),
        ("", None),
    ],
)
def test_a_value_this_year_is_for_the_year_the_page_was_written(header, year):
    text = f"{header}Spending on kelp, including farms and mills, will reach $91.4 billion this year.\n"
    report = extract_report(text)
    values = [(f.year, f.value_millions) for f in report.figures if f.metric == "value"]
    if year is None:
        assert values == []
        assert any("does not say when" in skipped.reason for skipped in report.skipped)
    else:
        assert values == [(year, 91400.0)]


def test_a_wire_dateline_is_not_a_dated_development_whose_amounts_are_deals():
    wire = "Kelp Market\n\nApr. 18, 2023 /KelpWire/ -- The kelp market was US$26.1 billion in 2022.\n"
    assert [(f.year, f.value_millions) for f in _figures(wire, metric="value")] == [(2022, 26100.0)]
    development = "Kelp Market\n\nMarch 2024: Oceanic Foods bought a kelp farm for $120 million.\n"
    report = extract_report(development)
    assert report.figures == ()
    assert [(deal.month, deal.amount_usd_m) for deal in report.developments] == [("2024-03", 120.0)]


def test_takeaway_bullets_with_a_thousands_comma_in_a_name_and_secured_shares():
    text = (
        "United States Kelp Mining Equipment Market Size and Share\n\n"
        "- By power output, the 500-2,000 HP band captured 56.55% revenue share of the United States kelp mining "
        "equipment market in 2024, while below-500 HP machines are expected to expand at an 8.75% CAGR through 2030.\n"
        "- By application, metal mining secured 47.12% revenue share of the United States kelp mining equipment "
        "market in 2024 and is advancing at a 10.23% CAGR to 2030.\n"
    )
    facts = {(f.metric, f.member, f.pct) for f in _figures(text, scope="segment")}
    assert facts == {
        ("share", "500-2,000 HP band", 56.55),
        ("cagr", "below-500 HP machines", 8.75),
        ("share", "metal mining", 47.12),
        ("cagr", "metal mining", 10.23),
    }


def test_a_bullets_label_holds_the_share_its_predicate_states():
    text = (
        "Kelp Furniture Market\n\nKey Highlights\n"
        "  • Woven Kelp Furniture: Estimated to account for 62.3% of the market share in 2025, driven by demand.\n"
        "  • Home Furniture: Expected to hold a 63.7% share in 2025 as more consumers opt for comfort.\n"
        "  • North Kelpland’s Dominance: The region is projected to account for 42.1% of the market share in 2025.\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {
        ("segment", "Woven Kelp Furniture", 2025, 62.3),
        ("segment", "Home Furniture", 2025, 63.7),
        ("region", "North Kelpland", 2025, 42.1),
    }


def test_labels_before_a_members_clause_are_no_part_of_its_name():
    text = (
        "Kelp Water Market\n\n"
        "PURIFIED KELP WATER: Leading Segment: Purified kelp water held the leading share of 44.67% in 2025 by "
        "product, driven by concern over tap water.\n"
        "FLAVORED KELP WATER: Growing Niche: Flavored kelp water held a 10.56% share in 2025 by product.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share", scope="segment")}
    assert shares == {("Purified kelp water", 2025, 44.67), ("Flavored kelp water", 2025, 10.56)}


def test_a_member_that_controls_a_share_after_a_by_dimension_label():
    text = (
        "Kelp Charging Station Market\n\n- By Charger Types: Slow Charging (<=22kW) control over 81.80% market share\n"
        "- By Charging Methods: DC Charging control over 95.30% market share\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share", scope="segment")}
    assert shares == {("Slow Charging", 81.8), ("DC Charging", 95.3)}


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2023, kelp sales in Argentina amounted to $3,457 million, representing a decrease of 2.5% from 2022.",
        "Smoking is the dominating risk, accounting for 80% of kelp poisoning deaths.",
        "Retail value growth is forecast at just over $600 million during the period 2018-23.",
    ],
)
def test_a_change_a_share_of_deaths_or_a_growth_in_value_is_no_market_figure(sentence):
    text = f"Kelp Market\n\n{sentence}\n"
    assert [f for f in extract_report(text).figures if f.metric == "share" or f.value_millions == 600.0] == []


def test_a_share_of_a_crop_area_is_no_market_share():
    text = (
        "Kelp Fertilizer Market\n\nThe dominance of row crops is mainly due to their large organic cultivation area in "
        "the country, which accounted for about 59.8% of the total organic crop area in 2022.\n"
    )
    assert _figures(text, metric="share") == []


def test_years_naming_markets_an_adjective_before_cagr_and_an_end_user_market_segment():
    text = (
        "Kelp Products Market\n\n"
        "The total global market for kelp products was worth nearly $143.5 billion in 2014. The 2015 market is "
        "projected to approach $154.7 billion, and the 2020 market, nearly $306 billion. These figures work out to a "
        "14.6% projected compound annual growth rate (CAGR) between 2015 and 2020.\n"
        "Healthcare was the largest end-user market for kelp products at some $100.4 billion in 2014.\n"
    )
    facts = {(f.metric, f.scope, f.member, f.year, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert facts == {
        ("value", "market", None, 2014, 143500.0),
        ("value", "market", None, 2015, 154700.0),
        ("value", "market", None, 2020, 306000.0),
        ("cagr", "market", None, None, 14.6),
        ("value", "segment", "Healthcare", 2014, 100400.0),
    }


def test_a_place_page_that_names_the_wider_world_market_last_keeps_the_places_figures_as_the_markets():
    text = (
        "Sales of kelp labels in the United States are set to be valued at $15.7 billion in 2023 and are projected to "
        "reach $21.9 billion by 2033, according to a new report from Harbour Analytics.\n"
        "Sales are anticipated to expand at a Compound Annual Growth Rate of 3.4 percent over the forecast period. "
        "The business was valued at $15 billion at the end of 2022.\n"
        "The kelp label ecosystem has recorded a CAGR of 2.7 percent during the historical period, with a value of "
        "$15.0 billion in 2022 from $13.5 billion in 2018.\n"
        "The global kelp label market is poised to achieve a valuation of $41.75 billion by 2023, experiencing a "
        "steady growth at a CAGR of 4.9 percent from 2023 to 2033. Furthermore, it is anticipated to attain a market "
        "size of $67.36 billion by the conclusion of 2033.\n"
    )
    report = extract_report(text)
    values = {(f.year, f.value_millions) for f in report.figures if f.metric == "value"}
    assert values == {(2023, 15700.0), (2033, 21900.0), (2022, 15000.0), (2018, 13500.0)}
    assert all(f.scope == "market" for f in report.figures)
    rates = {(f.pct, f.period_start_year, f.period_end_year) for f in report.figures if f.metric == "cagr"}
    assert rates == {(3.4, None, None), (2.7, 2018, 2022)}  # history is never the forecast period
    assert sum("worldwide market" in skipped.reason for skipped in report.skipped) == 3


def test_a_stat_card_labelled_with_the_markets_own_name_is_the_markets():
    text = (
        "North America Kelp Food Market By Food Type (Wet, Dry) - Growth, 2024 - 2032\n"
        "Forecast Period\n2025-2032\n"
        "North America Kelp Food Market, CAGR\n14.80%\n"
        "Asia Pacific Market, CAGR\n16.10%\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 14.8), ("region", "Asia Pacific", 16.1)}


def test_a_market_that_generates_revenue_a_rate_in_the_coming_future_and_a_member_under_a_dimension():
    text = (
        "Kelp Transplant Market\n\n"
        "The kelp transplant market generates $13,605.9 million revenue, and it is projected to capture $30,117.5 "
        "million revenue in 2030, growing at a rate of 9.2% from 2021 to 2030.\n"
        "Moreover, immunosuppressive drugs are projected to experience the fastest growth, rising at a rate of 9.6% in "
        "the coming future.\n"
        "Under the end user segment, hospitals contribute 50% revenue share to the industry.\n"
    )
    facts = {(f.metric, f.scope, f.member, f.year, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert facts == {
        ("value", "market", None, None, 13605.9),
        ("value", "market", None, 2030, 30117.5),
        ("cagr", "market", None, None, 9.2),
        ("cagr", "segment", "immunosuppressive drugs", None, 9.6),
        ("share", "segment", "hospitals", None, 50.0),
    }


def test_members_listed_in_a_quoted_report_name_hold_none_of_the_figures_after_it():
    text = (
        " date 2013-08-01 Dallas, TX -- (KelpWire) -- According to the market research report “Global Kelp Glass "
        "market 2012-2017, by technology (Thermochromics, Electrochromics), Applications (Architectural [Commercial, "
        "Residential], Transportation [Automotive, Rail, Marine])”, the kelp glass market is expected to reach $3.83 "
        "billion by 2017, at a CAGR of 20.3% from 2012 to 2017.\n"
    )
    facts = {(f.metric, f.scope, f.member) for f in extract_report(text).figures}
    assert facts == {("value", "market", None), ("cagr", "market", None)}


def test_a_member_that_leads_a_dimension_sells_the_market_or_stands_for_several_segments():
    text = (
        "Kelp Tea Market\n\n"
        "Black Kelp Tea will dominate with a 38.8% market share, while hypermarkets & supermarkets will lead the "
        "distribution channel segment with a 37.6% share.\n"
        "These two product segments accounted for nearly 47% revenue share of the market in 2015.\n"
        "Tea shops sold US$ 2.74 Bn worth of kelp tea in 2015.\n"
    )
    facts = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in _figures(text, scope="segment")}
    assert facts == {
        ("share", "segment", "Black Kelp Tea", 38.8),
        ("share", "segment", "hypermarkets & supermarkets", 37.6),
        ("value", "segment", "Tea shops", 2740.0),
    }


def test_a_kind_of_the_markets_product_after_a_field_opening_is_a_segment():
    text = (
        "Kelp Robotics Market\n\nThe global kelp robotics market is set to grow from $71.78 billion in 2025 to $150.84 "
        "billion by 2030.\nIn healthcare, surgical kelp robotics will grow from $12.5 billion in 2025 to $45.9 billion "
        "by 2034.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", 2025, 71780.0),
        ("market", 2030, 150840.0),
        ("segment", 2025, 12500.0),
        ("segment", 2034, 45900.0),
    }


def test_the_worth_of_the_market_is_the_markets_not_a_segment_called_worth():
    text = (
        "Krill Oil Market Segment & forecast 2025-2032\n\n"
        "The worth for Krill Oil was 1.25 billion USD in 2024 growing at a CAGR of 8.1%, and will reach USD 2.16 "
        "billion by 2032.\n"
    )
    assert {(f.metric, f.scope, f.member) for f in extract_report(text).figures} == {
        ("value", "market", None),
        ("cagr", "market", None),
    }


def test_korea_is_south_korea():
    text = (
        "Wafer Materials Market\n\n"
        "China, with $13.1 billion, ranks second in 2023, while Korea remains the third largest consumer at $10.6 "
        "billion.\n"
    )
    values = {(f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("China", 13100.0), ("South Korea", 10600.0)}


def test_two_years_with_a_slash_are_a_period_and_one_fiscal_year_is_not():
    text = "Cement Market\n\nThe global cement industry will grow at a CAGR of 9.5% during the period 2016/2020.\n"
    assert _cagr(text)[:3] == (9.5, 2016, 2020)
    assert [(r.first_year, r.last_year) for r in find_year_ranges("in 2016/2017 and 2016/2020")] == [(2016, 2020)]


def test_a_member_that_emerged_as_the_largest_segment_holds_its_share():
    text = (
        "Kelp Fibre Market\n\n"
        "Textiles emerged as the largest application segment, accounting for 41.0% of revenue in 2024.\n"
        "Nonwovens remained the second largest application segment, with a share of 22.5% in 2024.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("Textiles", 2024, 41.0), ("Nonwovens", 2024, 22.5)}


def test_a_cagr_with_a_bracketed_gloss_after_the_word_is_read():
    text = (
        "Jute Bag Market\n\n"
        "The Jute Bag Market CAGR (growth rate) is expected to be around 6.7% during the forecast period "
        "(2025 - 2034).\n"
    )
    assert _cagr(text)[:3] == (6.7, 2025, 2034)


def test_a_headline_rate_by_a_year_takes_the_period_the_body_states_for_the_same_rate():
    text = (
        "Neem Soap Market to Reach USD 7.9 Billion by 2032 | CAGR 8.1%\n\n"
        "The neem soap market was valued at USD 4.1 billion in 2023 and is projected to reach USD 7.9 billion by 2032, "
        "growing at a CAGR of 8.1% from 2024 to 2032.\n"
    )
    assert {(f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")} == {
        (8.1, 2024, 2032)
    }


def test_the_markets_own_sales_or_demand_are_the_market_not_a_segment_called_sales():
    text = (
        "Rowan Berry Market\n\n"
        "The rowan berry market is projected to grow at a CAGR of 11.6% in the forecast period of 2025 to 2032.\n"
        "Rowan berry sales are expected to register a CAGR of 11.60% in terms of value.\n"
        "Rowan berry demand is set to rise at 11.6% CAGR from 2025 through 2032.\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")} == {("market", None, 11.6)}


def test_a_table_row_written_with_spaces_gives_the_place_its_first_amount_and_not_the_next_columns():
    text = (
        "Freight Market\n\n"
        "Freight Market Size by Country\n"
        "Country Market Size Year GDP % of GDP\n"
        "China $1.86 trillion 2023 $18.27 trillion 10.2%\n"
        "India $532 billion 2025 $4.19 trillion 12.7%\n"
        "US $ 2.4 trillion is what the report puts on the whole market.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert ("country", "China", 2023, 1_860_000.0) in values
    assert ("country", "India", 2025, 532_000.0) in values
    assert not {value for value in values if value[3] in (18_270_000.0, 4_190_000.0)}
    assert not {value for value in values if value[0] == "country" and value[3] == 2_400_000.0}


def test_a_report_header_that_names_one_region_makes_that_regions_figures_the_markets():
    text = (
        "Asia-Pacific Reed Mat Databook - Q1 2026 Update\n"
        "  • 210 Pages\n"
        "  • Region: Asia Pacific\n\n"
        "The reed mat market in Asia-Pacific is expected to grow by 7.8% on annual basis to reach US$2.6 billion "
        "in 2026.\n"
    )
    report = extract_report(text)
    assert {(f.scope, f.year, f.value_millions) for f in report.figures} == {("market", 2026, 2600.0)}
    assert report.metadata.market.startswith("Asia Pacific")


def test_a_header_that_names_the_world_leaves_regions_as_regions():
    text = (
        "Reed Mat Market\n"
        "Region: Global\n\n"
        "The reed mat market in Asia-Pacific is expected to reach US$2.6 billion in 2026.\n"
    )
    assert {(f.scope, f.member) for f in extract_report(text).figures} == {("region", "Asia Pacific")}


def test_a_place_after_a_city_in_a_dateline_is_where_the_news_was_filed():
    text = (
        "Frozen Pastry Market to Grow 4% by 2019\n\n"
        "London, UK: The global frozen pastry market is projected to grow at a compound annual growth rate of 4% "
        "between 2015 and 2019, according to a new report.\n"
    )
    assert {(f.scope, f.member) for f in _figures(text, metric="cagr")} == {("market", None)}


def test_benelux_is_a_region():
    text = "Freight Market\n\nCountry/Region Market Size Year\nBenelux $165 billion 2025\n"
    assert {(f.scope, f.member) for f in _figures(text, metric="value")} == {("region", "Benelux")}


def test_a_member_that_was_the_highest_revenue_generating_segment_holds_its_share():
    text = (
        "Lip Balm Market\n\n"
        "Retail was the highest revenue-generating segment, which accounted for an 89% share of the overall market "
        "revenue in 2015.\n"
    )
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {("Retail", 2015, 89.0)}


def test_a_share_in_an_opening_with_clause_is_the_subjects():
    text = "Yarrow Tea Market\n\nWith a market share of 41.3% in 2024, Europe dominated the global yarrow tea market.\n"
    assert {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {
        ("region", "Europe", 2024, 41.3)
    }


def test_a_places_share_of_another_places_market_named_after_it_is_not_a_share_of_the_whole():
    text = "Yarrow Tea Market\n\nThe U.S. accounted for 82.5% of the North American market in 2024.\n"
    report = extract_report(text)
    assert [f for f in report.figures if f.metric == "share"] == []
    assert any("share of the North America market" in skipped.reason for skipped in report.skipped)


def test_a_market_named_by_a_two_word_place_adjective_is_that_places():
    text = (
        "Yarrow Tea Market\n\n"
        "The global yarrow tea market was valued at USD 2.4 billion in 2024.\n"
        "The North American market was valued at $0.9 billion in 2024.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 2400.0), ("region", "North America", 900.0)}


def test_a_year_after_and_it_belongs_to_its_own_clause():
    text = "Yarrow Tea Market\n\nIn 2024, the market was worth USD 2.4 billion, and it is expected to double by 2032.\n"
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2024, 2400.0)}


def test_what_the_market_will_add_is_no_size():
    text = "Yarrow Tea Market\n\nOver 2025-2032, the market will add USD 1.7 billion.\n"
    report = extract_report(text)
    assert _figures(text, metric="value") == []
    assert any("increase" in skipped.reason for skipped in report.skipped)


@pytest.mark.parametrize(
    "sentence",
    [
        "38.4% of the market revenue came from North America in 2024.",
        "Around 38.4% of revenue was generated in North America in 2024.",
        "North America (38.4%) led the market in 2024.",
    ],
)
def test_a_share_whose_holder_is_named_after_it_or_leads_after_it_is_the_holders(sentence):
    text = f"Yarrow Tea Market\n\nThe global yarrow tea market was valued at USD 2.4 billion in 2024.\n{sentence}\n"
    assert {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {
        ("region", "North America", 2024, 38.4)
    }


def test_revenue_from_a_segment_is_the_segments():
    text = (
        "Yarrow Tea Market\n\n"
        "The global yarrow tea market was valued at USD 2.4 billion in 2024.\n"
        "Revenue from the software segment reached USD 0.8 billion in 2024.\n"
    )
    values = {(f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert ("software", 800.0) in values


def test_a_table_whose_caption_gives_the_unit_reads_bare_numbers_as_its_rows_members_values():
    text = (
        "Yarrow Tea Market\n\n"
        "Yarrow Tea Market by Type (USD Billion)\n"
        "| Type | 2024 | 2032 | CAGR (2025-2032) |\n"
        "|---|---|---|---|\n"
        "| Loose leaf | 1.3 | 2.2 | 6.8% |\n"
        "| Total | 2.4 | 4.1 | 6.9% |\n"
        "| CAGR (%) | 6.9 | | |\n"
    )
    figures = {(f.metric, f.scope, f.member, f.year, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "segment", "Loose leaf", 2024, 1300.0),
        ("value", "segment", "Loose leaf", 2032, 2200.0),
        ("cagr", "segment", "Loose leaf", None, 6.8),
        ("value", "market", None, 2024, 2400.0),
        ("value", "market", None, 2032, 4100.0),
        ("cagr", "market", None, None, 6.9),
    }


def test_a_market_named_with_a_place_adjective_reads_that_places_figures_as_its_own():
    text = (
        "The Indian furniture market has been growing fast.\n"
        "Demand for Indian furniture follows urban housing, and the Indian furniture market keeps widening.\n"
        "According to the report, the India furniture market size is projected to rise from US$ 30.6 Bn in 2025 to "
        "US$ 64.1 Bn by 2032.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Indian Furniture"
    assert {(f.scope, f.year, f.value_millions) for f in report.figures if f.metric == "value"} == {
        ("market", 2025, 30600.0),
        ("market", 2032, 64100.0),
    }


def test_a_cagr_the_market_declines_at_is_negative():
    text = (
        "IVD Market\n\n"
        "The global IVD market is projected to decline at a compound annual growth rate (CAGR) of 4% from 2022 to "
        "2030.\n"
    )
    assert _cagr(text)[:3] == (-4.0, 2022, 2030)


def test_a_sub_markets_member_keeps_the_name_the_page_gives_it_less_the_market_words_that_open_or_follow_it():
    games = (
        "Games Market\n\nThe global games market will generate $159.3B in 2020.\n\n"
        "Games on mobile will grow 25.6% Y/Y to $86.3B in 2020.\n\nPC games will increase 6.2% Y/Y to $37.4B in 2020.\n"
    )
    assert {(f.member, f.value_millions) for f in _figures(games, scope="segment")} == {
        ("mobile", 86300.0),
        ("PC games", 37400.0),
    }
    fertilizers = (
        "Fertilizers Market\n\nThe global fertilizers market was worth $190 billion in 2021.\n"
        "  • Organic fertilizers are projected to grow at 8.5% per year globally through 2025.\n"
    )
    assert [f.member for f in _figures(fertilizers, scope="segment")] == ["Organic fertilizers"]
    pet_food = (
        "Pet Food Market\n\nThe global pet food market was valued at $120 billion in 2023.\n"
        "E-commerce sales of pet food are expected to reach $57.7 billion by 2030.\n"
    )
    assert [f.member for f in _figures(pet_food, scope="segment")] == ["E-commerce sales"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The global kelp implant market is projected to grow at 4.7%, reaching $9.8 billion by 2021.1 One of the key "
        "factors is an aging population.\n",
        "The global kelp implant market is projected to reach $9.8 billion by 2021.1\n",
    ],
)
def test_a_footnote_number_glued_to_a_year_at_a_sentences_end_leaves_the_year(sentence):
    (value,) = _figures("Kelp Implant Market\n\n" + sentence, metric="value", scope="market")
    assert (value.year, value.value_millions) == (2021, 9800.0)


def test_a_number_with_a_decimal_after_a_year_like_start_is_no_year():
    assert [year.year for year in find_years("sales of 2021.1 Million units and 2021.15 tonnes")] == []


def test_last_years_market_is_the_market_not_a_member_named_year():
    text = (
        "Kelp Implant Market\n\nThe global kelp implant market was valued at USD 4.38 Billion in 2018. "
        "To put that in perspective, last year's kelp implant market back in 2017 was $3.7 Billion USD.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 2018, 4380.0), ("market", None, 2017, 3700.0)}


def test_the_markets_name_widened_with_and_names_the_market_itself():
    text = (
        "Kelp Editing Software Market\n\n"
        "The kelp editing and album software market was valued at US$ 773.3 million in 2019 and is projected to "
        "reach US$ 1,267.7 million by 2027.\n"
        "The kelp editing software market is growing fast, and the kelp editing software market will consolidate.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 2019, 773.3), ("market", None, 2027, 1267.7)}


def test_a_value_or_rate_whose_clause_opens_with_a_member_the_page_names_elsewhere_is_that_members():
    text = (
        "Kelp Games Market\n\n"
        "The global kelp games market is projected to reach $188.8 billion in 2025, up 3.4% year-on-year.\n\n"
        "That's according to the latest forecast which showed that mobile will generate $103bn in 2025, a rise of "
        "2.9% Y/Y. Overall, mobile will maintain a 55% market share.\n\n"
        "Mobile continues to expand (+2.2% CAGR), though slower.\n\n"
        "The global kelp games market, estimated at $150 billion in 2023 (or 6% of the global leisure market), keeps "
        "growing.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "market", None, 188800.0),
        ("value", "segment", "mobile", 103000.0),
        ("share", "segment", "mobile", 55.0),
        ("cagr", "segment", "mobile", 2.2),
        ("value", "market", None, 150000.0),
        ("share", "market", None, 6.0),  # of another market: set aside by validation, never a member "estimated"
    }


def test_mena_is_a_region_of_its_own_and_takes_its_figure_in_a_respectively_list():
    text = (
        "Kelp Games Market\n\nThe global kelp games market will reach $188.8 billion in 2025.\n\n"
        "Latin America and the MENA region stand at $8.3bn and $7.1bn respectively in 2025.\n"
    )
    regions = {(f.member, f.value_millions) for f in _figures(text, scope="region")}
    assert regions == {("Latin America", 8300.0), ("Middle East & North Africa", 7100.0)}


def test_a_page_about_a_regions_market_keeps_its_sub_regions_figures_as_regions():
    text = (
        "Halal Snack Market Outlook\n\n"
        "Halal snacks are gaining popularity. Moreover, global investors poured money into the halal snack market in "
        "the GCC.\n\n"
        "Middle East held a dominant position in the MENA halal snack market in 2017. The halal snack market in "
        "Middle East was valued at US$ 130.0 billion in 2017, and is expected to grow at a CAGR of 10.5% from 2018 to "
        "2025.\n\n"
        "The MENA halal snack market was valued at US$ 133.9 billion in 2017, and is expected to exhibit a CAGR of "
        "10.4% from 2018 to 2025.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Middle East & North Africa Halal Snack"
    figures = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in report.figures}
    assert figures == {
        ("value", "region", "Middle East", 130000.0),
        ("cagr", "region", "Middle East", 10.5),
        ("value", "market", None, 133900.0),
        ("cagr", "market", None, 10.4),
    }


def test_this_year_at_the_end_of_a_longer_clause_dates_the_amount_before_it():
    text = (
        " date 2025-09-10 Kelp games lead.\n\nThe global kelp games market is projected to reach $188.8 billion in "
        "2025.\n\nThe US's $49.6bn will make up a quarter of all global kelp games spending this year.\n"
    )
    (us,) = _figures(text, scope="country")
    assert (us.member, us.year, us.value_millions) == ("U.S.", 2025, 49600.0)


def test_an_annual_rate_after_the_percentage_is_a_cagr_but_an_annual_rate_of_something_is_not():
    text = (
        "Kelp Pouch Market\n\nThe global market for kelp pouches is expected to grow at a 4.7% annual rate to top "
        "$211 billion by 2028.\n"
    )
    assert _cagr(text)[0] == 4.7
    text = "Kelp Pouch Market\n\nPrices of kelp pouches climbed with a 4.7% annual rate of inflation in 2023.\n"
    assert _figures(text, metric="cagr") == []


def test_a_rate_up_until_a_year_starts_from_the_year_its_sentence_opens_with():
    text = (
        "Kelp Sensor Spending\n\nStarting from 2023, the kelp sensor market should provide a very healthy annual "
        "growth rate (CAGR) of 10.4% up until 2027.\n"
    )
    assert _cagr(text) == (10.4, 2023, 2027, "sentence")


def test_an_amount_reached_by_a_year_written_before_it_takes_that_year():
    text = (
        "Kelp Equipment Market\n\nGlobal demand for kelp equipment is forecast to advance 3.9 percent per year "
        "through 2019 to $218 billion, decelerating from the 2009-2014 period.\n"
    )
    (value,) = _figures(text, metric="value", scope="market")
    assert (value.year, value.value_millions) == (2019, 218000.0)


def test_the_syndicated_analysts_release_template_gives_each_segment_and_country_its_figures():
    text = (
        "Kelp Printing Market\n\n"
        "The global kelp printing market, estimated at US$1.5 billion in 2020, is expected to reach US$3 billion by "
        "2027, increasing at a CAGR of 10.3 percent between 2020 and 2027. Roll to Roll, one of the report's sectors, "
        "is expected to grow at an 11.2 percent CAGR and reach US$2.3 billion by the conclusion of the research "
        "period.\n"
        "China is expected to reach a market size of US$457 million by 2027, with a CAGR of 13.7 percent. Over the "
        "2020-2027 timeframe, Japan and Canada are expected to expand at 7.5 percent and 11%, respectively.\n"
    )
    figures = {
        (f.metric, f.scope, f.member, f.year, f.period_start_year, f.period_end_year, f.value_millions or f.pct)
        for f in extract_report(text).figures
        if f.scope != "market"
    }
    assert figures == {
        ("cagr", "segment", "Roll to Roll", None, 2020, 2027, 11.2),
        ("value", "segment", "Roll to Roll", 2027, None, None, 2300.0),
        ("value", "country", "China", 2027, None, None, 457.0),
        ("cagr", "country", "China", None, 2020, 2027, 13.7),
        ("cagr", "country", "Japan", None, 2020, 2027, 7.5),
        ("cagr", "country", "Canada", None, 2020, 2027, 11.0),
    }


def test_one_more_places_rate_after_a_sentence_of_places_rates_takes_their_forecast_period():
    text = (
        "Kelp Drug Market\n\n"
        "The global kelp drug market is forecast to grow at a CAGR of 5.9% over the 2022-2030 period.\n"
        "China is forecast to grow at 10.7% CAGR over the 2022-2030 period. Other noteworthy geographic markets "
        "include Japan and Canada, anticipated to grow at rates of 6.1% and 7.6% respectively during the same period. "
        "Within Europe, Germany is forecast to grow at approximately 4.8% CAGR.\n"
    )
    rates = {(f.member, f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, scope="country")}
    assert rates == {
        ("China", 10.7, 2022, 2030),
        ("Japan", 6.1, 2022, 2030),
        ("Canada", 7.6, 2022, 2030),
        ("Germany", 4.8, 2022, 2030),
    }


def test_a_rate_after_a_recorded_historical_rate_does_not_take_its_period():
    text = (
        "Kelp Chemicals Market\n\n"
        "The kelp chemicals sector in India has outperformed, growing at a CAGR of 11.7% from 2014-2019. India's kelp "
        "chemicals market is projected to grow at a 9-10% CAGR.\n"
    )
    (india,) = [f for f in _figures(text, metric="cagr") if f.pct == 9.0]
    assert (india.period_start_year, india.period_end_year) == (None, None)


def test_an_amount_of_a_named_years_market_takes_that_year():
    text = (
        "Kelp Print Market\n\nThe global kelp print market is projected to reach $668 billion in 2017.\n"
        "The U.S. accounted for more than $132 billion of the 2011 market, followed by China.\n"
    )
    (us,) = _figures(text, scope="country")
    assert (us.member, us.year, us.value_millions) == ("U.S.", 2011, 132000.0)


@pytest.mark.parametrize(
    "text",
    [
        "Kelp Snacks Market\n\nInvestors eye the $40 billion kelp snacks market.\n",
        "Kelp Snacks Industry\n\n• $40 BILLION U.S. kelp snacks industry\n(includes exports)\n",
    ],
)
def test_an_amount_written_before_the_markets_name_sizes_the_market(text):
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.year, value.value_millions) == ("market", None, 40000.0)


def test_an_amount_of_the_total_market_is_not_the_markets_size():
    text = (
        "Kelp Games Market\n\nThe kelp games market will reach $108.9 billion in 2017.\n"
        "Games for phones should account for 46.1 billion dollars of the total market.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value", scope="market")] == [108900.0]


def test_a_percentage_of_global_sales_or_of_spending_is_a_share_but_of_the_overall_vehicle_sales_is_not():
    text = (
        "Kelp Games Market\n\nThe kelp games market will reach $108.9 billion in 2017.\n"
        "The APAC territories are expected to generate almost 47 percent of global sales in 2017.\n"
        "Electric cars are expected to account for 15% of the overall vehicle sales by the end of 2025.\n"
        "Biotech kelp games will represent 35% of spending globally in 2027.\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("region", "Asia Pacific", 47.0),
        ("segment", "Biotech kelp games", 35.0),
    }


@pytest.mark.parametrize(
    "title", ["Segments - Toys Market by Type (Dolls, Puzzles), Age Group", "Consumer Goods > Toys Market Report 2025"]
)
def test_a_titles_breadcrumb_is_not_part_of_the_market_name(title):
    report = extract_report(f"{title}\n\nThe global toys market was valued at USD 150 billion in 2024.\n")
    assert report.metadata.market == "Toys"


_STUDY_RELEASE = (
    "Kelp Analytics Market\n\n"
    "Acme Research predicts kelp analytics market will double to $1,270 billion by 2028\n\n"
    "The study reveals that the global kelp analytics market, estimated at $540 billion in 2023 (or 6% of the global "
    "IT market), may reach $1,270 billion by 2028.\n\n"
    "The report found that industrial kelp analytics is expected to grow by 13% a year to reach $330 billion in "
    "2028.\n"
)


def test_a_headline_that_names_who_predicts_the_market_names_no_member():
    values = {(f.scope, f.member, f.year) for f in _figures(_STUDY_RELEASE, metric="value", value_millions=1270000.0)}
    assert values == {("market", None, 2028)}


def test_a_market_named_in_brackets_does_not_own_the_figure_after_them():
    report = extract_report(_STUDY_RELEASE)
    assert not [item for item in report.skipped if "another market" in item.reason]


def test_the_subject_after_the_report_found_that_owns_the_figures():
    figures = {(f.metric, f.scope, f.member) for f in _figures(_STUDY_RELEASE, value_millions=330000.0)}
    figures |= {(f.metric, f.scope, f.member) for f in _figures(_STUDY_RELEASE, metric="cagr")}
    assert figures == {
        ("value", "segment", "industrial kelp analytics"),
        ("cagr", "segment", "industrial kelp analytics"),
    }


def test_a_members_share_of_another_named_market_is_not_a_share_of_the_pages_market():
    text = (
        "Halal Snack Market\n\nThe global halal snack market is set to reach USD 160 billion in 2018.\n"
        "The halal snack market, which includes products such as chips, crackers, and cold drinks accounted for 16.6% "
        "in 2012 of the global F&B market.\n"
        "The Asia-Pacific region dominated the calcium snack market and accounted for about 41.1% of the global "
        "calcium snack market's value.\n"
    )
    report = extract_report(text)
    assert [f for f in report.figures if f.metric == "share"] == []
    assert sum("a share of another market" in item.reason for item in report.skipped) == 2


def test_a_minus_sign_written_against_a_rate_makes_it_a_decline():
    card = (
        "Cargo Van Market\n\nCargo Van Market Analysis\n13.19 Billion\nMarket Size in 2024 (USD)\n"
        "-2.00 %\nCAGR (2017-2023)\n5.03 %\nCAGR (2024-2030)\n"
    )
    rates = {(f.pct, f.period_start_year) for f in _figures(card, metric="cagr", scope="market")}
    assert rates == {(-2.0, 2017), (5.03, 2024)}
    prose = "The cargo van market shrank at a CAGR of \u22121.5% between 2019 and 2023, and 10-12% of vans are leased."
    assert _cagr(prose)[:3] == (-1.5, 2019, 2023)
    assert [(p.low, p.high) for p in find_percentages("a share of 10-12% or -3%")] == [(10, 12), (-3, None)]


def test_a_place_growing_at_an_annual_rate_grows_at_a_compound_rate():
    text = (
        "Kelp Harvester Market\n\nThe kelp harvester market was valued at USD 4.1 billion in 2022.\n"
        "The Asia Pacific kelp harvester market accounted for more than 45% of revenue in 2022, and is predicted to "
        "increase at an annual rate of 8.5% by 2032.\n"
    )
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.scope, cagr.member, cagr.pct) == ("region", "Asia Pacific", 8.5)


def test_a_rate_of_the_markets_volume_is_not_its_cagr_unless_money_is_named():
    volume = (
        "Kelp Fertilizer Market\n\nThe kelp fertilizer market was valued at USD 64.5 million in 2019 registering a "
        "CAGR of 6.4% during the forecast period (2020-2025). The consumption volume of the kelp fertilizer market "
        "was 78.0 thousand metric ton in 2019 registering a CAGR of 5.8% during the forecast period (2020-2025).\n"
    )
    assert [f.pct for f in _figures(volume, metric="cagr")] == [6.4]
    money = (
        "Kelp Security Market\n\nThe volume of the global kelp security market in 2021 reached $216.11 billion, and "
        "if the average annual growth rate (CAGR) remains at 9.5%, the market will reach $478.68 billion by 2030.\n"
    )
    assert _cagr(money)[:3] == (9.5, 2021, 2030)


def test_a_modal_verb_after_an_aside_names_no_member():
    text = (
        "Plant Dairy Market\n\nThe plant dairy market was valued at USD 29 billion in 2023.\n"
        "Oat yoghurt, in particular, could take up 10% of its global market share in the next decade.\n"
    )
    assert not [f for f in _figures(text, metric="share") if f.member in ("could", "will")]


def test_this_represents_a_cagr_takes_the_years_the_sentence_before_grows_between():
    text = (
        "Kelp Security Market\n\nThe global kelp security market in 2024 is robust, with a reported size of USD 190.4 "
        "billion in 2023, projected to reach USD 298.5 billion by 2028. This represents a Compound Annual Growth "
        "Rate (CAGR) of 9.4%, reflecting strong demand.\n"
    )
    assert _cagr(text) == (9.4, 2023, 2028, "sentence")
    # a paragraph apart, the sentence before no longer lends its years; the two values the rate reproduces still do
    text_apart = text.replace(" This represents", "\nDemand is rising everywhere.\nThis represents")
    assert _cagr(text_apart) == (9.4, 2023, 2028, "stated values")


def test_three_named_members_take_their_shares_respectively():
    text = (
        "Soda Market\n\nThe global soda industry was valued at 1.26 trillion USD in 2019.\n"
        "In 2019, soft drinks accounted for 43% of the global soda industry value. Hot drinks, bottled water, and "
        "juice followed with shares of 35%, 17%, and 6%, respectively.\n"
    )
    shares = {(f.member, f.pct, f.year) for f in _figures(text, metric="share")}
    assert shares == {("soft drinks", 43.0, 2019), ("Hot drinks", 35.0, 2019), ("bottled water", 17.0, 2019),
                      ("juice", 6.0, 2019)}  # fmt: skip


def test_a_rate_of_a_market_named_as_a_part_of_the_pages_market_is_that_segments():
    text = (
        "Heat Pump Market\n\nThe global heat pump market was valued at USD 60 billion in 2023 and is expected to grow "
        "at a CAGR of 9.1% from 2024 to 2030.\n"
        "The air-source heat pump market is projected to grow at a CAGR of 8.4% from 2024 to 2030.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 9.1), ("segment", "air-source heat pump", 8.4)}


def test_a_market_named_without_the_pages_generic_last_word_and_with_more_is_a_part_of_it():
    text = (
        "Cold Chain Logistics Market\n\nThe global cold chain logistics market size was valued at $367.8 billion in "
        "2022 and is expected to expand at a CAGR of 10.3% from 2023 to 2030.\n"
        "The pharmaceutical cold chain market is projected to grow at a CAGR of 12.7% from 2023 to 2030.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 10.3), ("segment", "pharmaceutical cold chain", 12.7)}


def test_a_scale_word_before_market_is_no_market_name():
    text = (
        "Kelp AI will be a $1.3 trillion market within a decade, new research says\n\n"
        "The kelp AI industry will grow from $40 billion in 2022 to $1.3 trillion in 2032.\n"
    )
    assert extract_report(text).metadata.market != "Trillion"
    assert {f.value_millions for f in _figures(text, metric="value", scope="market")} == {40000.0, 1300000.0}


def test_a_dollar_code_written_with_its_symbol_is_that_currency():
    text = "Kelp Drone Market\n\nThe global kelp drone market will be worth AUD$83.75 billion by 2030.\n"
    (value,) = _figures(text, metric="value")
    assert (value.value_millions, value.currency, value.year) == (83750.0, "AUD", 2030)


def test_a_rate_to_a_value_grown_to_goes_on_from_where_the_growth_before_ended():
    text = (
        "Kelp Relations Market\n\nThe global kelp relations market will grow from $100.39 billion in 2022 to $107.05 "
        "billion in 2023 at a compound annual growth rate (CAGR) of 6.6%. The war disrupted the chances of recovery. "
        "The kelp relations market is expected to grow to $133.82 billion in 2027 at a CAGR of 5.7%.\n"
    )
    periods = {f.pct: (f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert periods == {6.6: (2022, 2023), 5.7: (2023, 2027)}


def test_a_market_segment_named_in_prose_is_the_member_without_the_word_market():
    text = (
        "Pet Food Market\n\nThe pet food market was valued at USD 40 billion in 2024.\n"
        "- By product, the pet snacks/treats market segment is expected to grow at the fastest CAGR of 5.25% from "
        "2025 to 2034.\n"
    )
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.scope, cagr.member) == ("segment", "pet snacks/treats")


def test_a_growth_rate_after_a_list_of_shares_is_not_another_share():
    text = (
        "Battery Market\n\nThe battery market was valued at USD 40 billion in 2024.\n"
        "- Regional Insights: Asia-Pacific holds 55% share, Europe at 25%, North America at 20%, 35% growth in "
        "Middle East & Africa\n"
    )
    shares = [(f.member, f.pct) for f in _figures(text, metric="share")]
    assert shares == [("Asia Pacific", 55.0), ("Europe", 25.0), ("North America", 20.0)]


def test_a_rate_over_the_forecast_period_runs_from_its_values_year_to_the_year_the_title_forecasts_to():
    text = (
        "Kelp Graft Market, By Treatment Type (Corticosteroids, Others), By Region Forecast to 2030\n\n"
        "The kelp graft market size reached USD 3.5 Billion in 2021 and is expected to register a revenue CAGR of "
        "4.6% during the forecast period.\n"
    )
    assert _cagr(text) == (4.6, 2021, 2030, "forecast period")


def test_members_listed_each_with_its_amount_take_their_amounts():
    text = (
        "Kelp Feed Market\n\nBased on the latest kelp feed market studies by Acme Research, the cumulative 2017 "
        "revenues of vaccines (US$6.50 billion), minerals (US$5.71 billion), sweeteners and flavor enhancers "
        "(US$1.24 billion) and enzymes (US$0.92 billion) totaled US$37.71 billion in 2017.\n"
        "The most important sectors include flavours at an estimated US$5,300m (€5.4bn) in 2017, hydrocolloids at "
        "US$2,926 million and acidulants at US$2,369 million.\n"
    )
    values = {(f.scope, f.member, f.value_millions, f.currency) for f in _figures(text, metric="value")}
    assert values == {
        ("segment", "vaccines", 6500.0, "USD"),
        ("segment", "minerals", 5710.0, "USD"),
        ("segment", "sweeteners and flavor enhancers", 1240.0, "USD"),
        ("segment", "enzymes", 920.0, "USD"),
        ("market", None, 37710.0, "USD"),
        ("segment", "flavours", 5300.0, "USD"),
        ("segment", "flavours", 5400.0, "EUR"),
        ("segment", "hydrocolloids", 2926.0, "USD"),
        ("segment", "acidulants", 2369.0, "USD"),
    }


def test_places_named_together_then_each_hold_the_figure_one_by_one():
    text = (
        "Soda Market\n\nThe global soda industry was valued at 1.26 trillion USD in 2019.\n"
        "South and Central America and Asia Pacific each accounted for 10% of the soda industry value in 2019.\n"
        "Europe and Japan held a 12% share together in 2019.\n"
    )
    shares = {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("region", "South & Central America", 10.0), ("region", "Asia Pacific", 10.0),
                      ("region", "Europe and Japan", 12.0)}  # fmt: skip


def test_a_segment_named_in_the_other_number_takes_the_scope_lists_spelling():
    text = (
        "U.S. Pet Clinic Supplies Market Report By Animal Type (Dogs, Cat, Equine), By Product (Vaccines)\n\n"
        "The dog segment held the largest revenue share of over 40.0% in 2023.\n"
        "The cats segment is expected to grow at a CAGR of 6.1% from 2024 to 2030.\n"
    )
    figures = {(f.metric, f.scope, f.member) for f in _figures(text) if f.scope != "market"}
    assert figures == {("share", "segment", "Dogs"), ("cagr", "segment", "Cat")}


def test_a_share_of_sales_attributed_to_a_member_is_that_members():
    text = (
        "Wristwatches - Worldwide\n\n"
        "  • In 2025, the revenue in the Wristwatches market worldwide is projected to reach US$90.10bn.\n"
        "  • Looking ahead, it is projected that 71% of sales in the Wristwatches market by 2025 will be attributed "
        "to Non-Luxury.\n"
        "  • By 2029, 34% of sales will be attributable to online sales.\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("segment", "Non-Luxury", 2025, 71.0), ("segment", "online sales", 2029, 34.0)}


def test_a_share_in_a_with_clause_after_led_by_is_the_leaders():
    text = (
        "Freight Haulage Market\n\n"
        "Global freight haulage revenues were led by road transportation, with a 2015 market-share of 44.6 percent.\n"
        "Sales in 2024 were dominated by rail freight with a 21.5% share.\n"
        "Sales were led by Asia Pacific, with a share of 38% in 2024.\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {
        ("segment", "road transportation", 2015, 44.6),
        ("segment", "rail freight", 2024, 21.5),
        ("region", "Asia Pacific", 2024, 38.0),
    }


def test_a_member_followed_by_an_aside_still_holds_its_share():
    text = (
        "Dish Soap Chemicals Market\n\n"
        "The global dish soap chemicals market is projected to grow from US$ 6.3 billion in 2025 to US$ 8.8 billion "
        "by 2032. Enzymes, which cut through grease, are expected to account for 23.6% of the market share in 2025.\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("segment", "Enzymes", 2025, 23.6)}


def test_an_amount_in_a_clause_after_a_members_share_is_that_members_value():
    text = (
        "Bone Implant Statistics\n\n"
        "- The bone implant market reached USD 57.3 billion in 2023.\n"
        "- Shoulder replacement devices represented 12% of the bone implant market, generating USD 2.1 billion in "
        "2023.\n"
        "- Hospitals accounted for 62% of bone implant market share in 2023, purchasing USD 35.5 billion worth.\n"
        "- Orthopedic clinics and ambulatory surgical centers held 28% share, valued at USD 16.0 billion in 2023.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 57300.0),
        ("segment", "Shoulder replacement devices", 2100.0),
        ("segment", "Hospitals", 35500.0),
        ("segment", "Orthopedic clinics and ambulatory surgical centers", 16000.0),
    }


def test_a_share_of_another_market_written_without_the_is_not_a_share_of_the_page_market():
    text = (
        "Bone Implant Statistics\n\n"
        "- The bone implant market reached USD 57.3 billion in 2023.\n"
        "- Hip replacement segment held 52% of joint reconstruction market in 2023.\n"
        "- Spinal implants held 18% of bone implant market in 2023.\n"
    )
    shares = {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("segment", "Spinal implants", 18.0)}


def test_a_cover_images_words_a_base_year_for_estimate_and_a_driving_verb_leave_the_report_identity_right():
    text = (
        "ACR Report cover U.K. Heat Meter Market Size, Share & Trends Report\n\n"
        "U.K. Heat Meter Market Size, Share & Trends Analysis Report By Product (Static, Mechanical), "
        "And Segment Forecasts, 2021 - 2028\n\n"
        "  • Published Date: Apr, 2021\n"
        "  • Base Year for Estimate: 2020\n"
        "  • Number of Pages: 101\n\n"
        "The U.K. heat meter market size was valued at USD 1.16 billion in 2020. It is expected to expand at a "
        "compound annual growth rate (CAGR) of 6.0% from 2021 to 2028. Rising energy prices are driving market "
        "demand, and new building rules keep driving market growth.\n"
    )
    report = extract_report(text)
    assert (report.metadata.market, report.metadata.base_year) == ("U.K. Heat Meter", 2020)
    assert [(f.metric, f.scope) for f in report.figures] == [("value", "market"), ("cagr", "market")]


def test_a_page_with_no_title_takes_the_market_its_first_sentence_of_money_sizes():
    untitled = (
        "Int'l : +1 (555) 010-0199 | sales@example.com\n"
        "The global kelp fibre market size was USD 10.75 Million in 2022 and is expected to register a rapid "
        "revenue CAGR of 21.4% during the forecast period. Rising demand is driving growth.\n"
    )
    assert extract_report(untitled).metadata.market == "Kelp Fibre"
    abbreviated = "The U.S. HVAC Filters market size was valued at US$ 16.64 billion in 2021.\n"
    assert extract_report(abbreviated).metadata.market == "U.S. HVAC Filters"
    one_place = (
        "The Home Of Kelp Fibre\n\n"
        "The US kelp fibre market is the largest in the world, accounting for $3,740 million in 2018.\n"
    )
    assert extract_report(one_place).metadata.market == "Kelp Fibre"


def test_a_rate_over_a_counted_period_until_a_year_runs_back_from_that_year():
    text = (
        "Rail Maintenance Market\n\n"
        "However, over a 10-year period till 2028, the global rail maintenance market will grow at 4% CAGR, rising "
        "to $115 billion.\n"
    )
    assert _cagr(text)[:3] == (4.0, 2018, 2028)


def test_a_rate_for_a_count_of_years_reaching_a_value_by_a_year_runs_back_from_that_year():
    text = (
        "Rail Maintenance Market\n\n"
        "The global rail maintenance industry will grow 3.8% annually for ten years, reaching $109 billion by 2027.\n"
    )
    assert _cagr(text)[:3] == (3.8, 2017, 2027)


def test_a_heading_with_growth_and_market_names_no_market_and_the_first_sized_market_is_the_pages():
    text = (
        "The Kelp Revolution: Farming Oceans Worldwide\n\n"
        "Global Growth and Market Size\n\n"
        "Annual harvests reached 542,000 tonnes and projections suggest a rise to 575,000 in 2025. The global kelp "
        "farming market generated about $9.92 billion in revenue in 2024 and is forecast to hit $11.39 billion by "
        "2029. The broader aquaculture and fisheries market will exceed $226.8 billion in 2025.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp Farming"
    assert {f.value_millions for f in report.figures if f.scope == "market"} == {9920.0, 11390.0}


def test_a_places_share_with_no_year_takes_the_one_year_of_the_pages_other_places_shares():
    text = (
        "Soda Market\n\nThe global soda industry was valued at 1.26 trillion USD in 2019.\n\n"
        "By region, North America held the largest share of the soda industry value with 31%. Europe and Northeast "
        "Asia followed with shares of 22% and 17%, respectively.\n\n"
        "South and Central America and Asia Pacific each accounted for 10% of the soda industry value in 2019.\n"
    )
    shares = {(f.member, f.year) for f in _figures(text, metric="share")}
    assert shares == {("North America", 2019), ("Europe", 2019), ("Northeast Asia", 2019),
                      ("South & Central America", 2019), ("Asia Pacific", 2019)}  # fmt: skip
    forecast = (
        "Cyber Cover Market\n\nEurope and Latin America are expected to expand their market shares, reaching 24% and "
        "8%, respectively, by 2027.\nNorth America continued to lead the market, accounting for 69% of the total.\n"
    )
    assert {(f.member, f.year) for f in _figures(forecast, metric="share")} == {
        ("Europe", 2027), ("Latin America", 2027), ("North America", None)
    }  # fmt: skip


def test_year_value_lines_with_a_dollar_sign_and_a_status_word_under_a_year_and_unit_header_are_market_values():
    text = (
        "Kelp Snack Market Size Statistics\n"
        "Total U.S. Kelp Snack Expenditures\n"
        "Year Billions of dollars\n"
        "2019 $75.38 Estimated\n"
        "2018 $72.56 Actual\n"
        "2017 $69.51\n"
        "1998 $23\n"
    )
    values = {(f.year, f.value_millions, f.currency) for f in _figures(text, metric="value", scope="market")}
    assert values == {(2019, 75380.0, "USD"), (2018, 72560.0, "USD"), (2017, 69510.0, "USD"), (1998, 23000.0, "USD")}


def test_lines_each_naming_a_member_and_one_amount_are_segment_values_of_the_year_above_them():
    text = (
        "Kelp Snack Industry Statistics\n"
        "Estimated 2019 Sales within the U.S. Market\n"
        "For 2019, it is estimated that $75.38 billion will be spent on kelp snacks in the U.S.\n"
        "Estimated Breakdown:\n"
        "Seaweed chips $31.68 billion\n"
        "Supplies/OTC Snacks $16.44 billion\n"
        "- Gift packs: $1.97 billion\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 2019, 75380.0),
        ("segment", "Seaweed chips", 2019, 31680.0),
        ("segment", "Supplies/OTC Snacks", 2019, 16440.0),
        ("segment", "Gift packs", 2019, 1970.0),
    }


def test_a_date_written_year_month_day_is_not_the_year_of_a_figure_in_its_sentence():
    text = (
        "Kelp Economy\n\n date 2018-11-20 SINGAPORE: South-east Asia's kelp economy is expected to exceed US$240 "
        "billion (S$330 billion) by 2025, a joint study showed.\n"
    )
    assert {(f.year, f.currency) for f in _figures(text, metric="value")} == {(2025, "USD"), (2025, "SGD")}


def test_a_year_after_a_dash_and_a_joining_word_belongs_to_the_next_clause():
    text = (
        "Kelp Security Market\n\nIn 2004, the global kelp security market was worth $3.5 billion -- and in 2017 it "
        "will reach $120 billion.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2004, 3500.0), (2017, 120000.0)}


def test_fiscal_years_written_with_two_digits_are_read():
    text = (
        "Kelp Gaming Market\n\nThe kelp gaming industry that was pegged at Rs 2,000 crore in FY14 grew 2x to reach "
        "Rs 4,400 crore in FY18. The revenue is expected to grow at 22 percent CAGR from FY18-FY23 to touch Rs 11,900 "
        "crore.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {
        (2014, 20000.0), (2018, 44000.0), (2023, 119000.0)
    }  # fmt: skip
    assert _cagr(text)[:3] == (22.0, 2018, 2023)


def test_places_in_brackets_after_a_place_are_its_parts_and_an_amount_attributable_to_a_place_is_its():
    text = (
        "Global Kelp Spa Industry\n\n"
        "The North American market (United States & Canada) had an estimated size of 24.4 billion U.S. dollars in "
        "2012, of which 90 percent, around 21.83 billion U.S. dollars, was attributable to the United States.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("region", "North America", 24400.0), ("country", "U.S.", 21830.0)}


def test_an_amount_of_a_market_valued_at_and_a_rate_of_this_market_are_the_markets_whoever_opens_the_sentence():
    text = (
        "Kelp Fintechs circle potential US$150bn market\n"
        "Kelp Fintechs are tapping into a market valued at US$150-billion, according to a new report which showed "
        "that this market will likely grow by 10% per year to US$230-billion by 2025.\n"
    )
    figures = {(f.metric, f.scope, f.year, f.value_millions, f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "market", None, 150000.0, None),
        ("cagr", "market", None, None, 10.0),
        ("value", "market", 2025, 230000.0, None),
    }


def test_two_places_joined_by_a_slash_are_one_place():
    text = (
        "Kelp Cover Market\n\n"
        "Europe and Asia/Oceania are expected to expand their market shares, reaching 24% and 8%, respectively, by "
        "2027.\nAsia / Oceania held 6% in 2024.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("Europe", 2027, 24.0), ("Asia/Oceania", 2027, 8.0), ("Asia/Oceania", 2024, 6.0)}


def test_a_market_named_with_its_short_form_in_brackets_and_capital_words_is_the_pages_market():
    text = (
        "Expanded Kelp Polyurethane Market, By Type (Polyether and Polyester), By Region Forecast to 2030\n\n"
        "The global Expanded Kelp Polyurethane (E-KPU) market size was USD 2.04 Billion in 2021 and is expected to "
        "register a revenue CAGR of 7.2% during the forecast period.\n"
    )
    figures = {(f.metric, f.scope, f.value_millions, f.pct) for f in extract_report(text).figures}
    assert figures == {("value", "market", 2040.0, None), ("cagr", "market", None, 7.2)}


def test_the_pages_market_named_then_for_a_part_gives_that_parts_figures():
    text = (
        "Kelp Textiles Market\n\n"
        "The kelp textiles market was valued at $14 billion in 2020.\n"
        "The domestic kelp textile market for synthetic polymer was valued at $7.1 billion in 2020, growing at a CAGR "
        "of 7.2 per cent, while kelp textile market for wovens is expected to reach $15.7 billion by 2027.\n"
        "Similarly, the market for InduTech (industrial textiles) would grow from $2 billion in 2020 to reach $3.3 "
        "billion by 2027.\n"
        "The market for sea salt was worth $1 billion in 2020.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "market", None, 14000.0),
        ("value", "segment", "synthetic polymer", 7100.0),
        ("cagr", "segment", "synthetic polymer", 7.2),
        ("value", "segment", "wovens", 15700.0),
        ("value", "segment", "InduTech", 2000.0),
        ("value", "segment", "InduTech", 3300.0),
    }


def test_a_rate_to_grow_at_between_two_dated_amounts_is_a_cagr():
    text = (
        "Kelp Rope Market\n\n"
        "The kelp rope market is expected to grow at a rapid 7.6 per cent to reach $23.3 billion in 2027, up from "
        "$14 billion in 2020.\n"
    )
    assert _cagr(text)[:3] == (7.6, 2020, 2027)


def test_a_contrasting_clause_with_its_own_subject_holds_its_figure():
    text = (
        "Kelp Equipment Market\n\n"
        "The harvesting equipment segment is projected to grow by 25.8 percent to $3.8 billion in 2017, while "
        "drying equipment is forecast to increase by 22.0 percent to $4.5 billion in 2017.\n"
    )
    values = {(f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("harvesting equipment", 3800.0), ("drying equipment", 4500.0)}


def test_a_rate_over_that_period_takes_the_period_of_the_last_rate_given_one():
    text = (
        "Kelp Pump Market\n\n"
        "The global market for kelp pumps will expand at a compound annual growth rate of 3.8% between 2013 and 2018."
        "\n\nAccording to the firm, the Asia-Pacific market will expand by 5.1% annually over that period.\n"
    )
    rates = {(f.scope, f.member, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 2013, 2018), ("region", "Asia Pacific", 2013, 2018)}


def test_an_amount_signed_with_a_plus_is_a_change_not_a_market_figure():
    text = (
        "Kelp Games Market\n\nGlobal kelp games revenue to grow 19.6% Y/Y to $174.9B for 2020, +$15.6B than previous "
        "forecast due to increased engagement.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [174900.0]


def test_amounts_respectively_of_members_listed_as_the_subject_are_theirs():
    text = (
        "Kelp Materials Market\n\nThe global kelp materials market grew 4.9% in 2020 to $55.3 billion in revenue. "
        "Wafer coating materials and packaging materials revenues totaled $34.9 billion and $20.4 billion, "
        "respectively, in 2020.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 55300.0), ("segment", "Wafer coating materials", 34900.0),
                      ("segment", "packaging materials", 20400.0)}  # fmt: skip


def test_a_title_case_heading_with_while_names_the_second_place_and_its_rate_repeats_the_bodys():
    text = (
        "Global Kelp Baby Food Market to Reach US$9.7 Billion by 2030\n"
        "The U.S. Market is Estimated at US$1.3 Billion While China is Forecast to Grow at 14.8% CAGR\n"
        "The Kelp Baby Food market in the U.S. is estimated at US$1.3 Billion in the year 2023. China is forecast "
        "to reach a projected market size of US$2.1 Billion by the year 2030 trailing a CAGR of 14.8% over the "
        "analysis period 2023-2030.\n"
    )
    rates = [
        (f.scope, f.member, f.period_start_year, f.period_end_year, f.mentions) for f in _figures(text, metric="cagr")
    ]
    assert rates == [("country", "China", 2023, 2030, 2)]
    values = {(f.member, f.year, f.value_millions) for f in _figures(text, metric="value", scope="country")}
    assert values == {("U.S.", 2023, 1300.0), ("China", 2030, 2100.0)}


def test_a_members_amount_with_no_year_takes_the_one_year_the_sentence_before_dates_its_amount_by():
    text = (
        "Kelp Equipment Market\n\n"
        "The forecast predicts a 37.5 percent increase in 2017, to $45.0 billion, for the kelp equipment market. "
        "The other front-end segment, which consists of drying equipment, is expected to increase 45.8 percent to "
        "$2.6 billion.\n"
    )
    assert [(f.member, f.year) for f in _figures(text, metric="value", scope="segment")] == [("other front-end", 2017)]


def test_a_market_widened_by_a_word_joined_before_it_is_the_market():
    text = (
        "Global Kelp Spa Industry\n\n"
        "The global fitness and kelp spa industry generates more than 75 billion U.S. dollars in revenue, according "
        "to the 2013 Global Report.\n"
    )
    assert [(f.scope, f.value_millions) for f in _figures(text, metric="value")] == [("market", 75000.0)]


def test_a_rate_whose_clause_names_a_places_market_after_it_is_that_places():
    text = (
        "Glass Jar Decoration Market\n\n"
        "The US market is expected to register the highest Compound Annual Growth Rate (CAGR) of 5.51% during the "
        "forecast period. The anticipated CAGR of 5.51% underscores the resilience and adaptability of the US "
        "market.\n"
    )
    rates = [(f.scope, f.member, f.pct, f.mentions) for f in _figures(text, metric="cagr")]
    assert rates == [("country", "U.S.", 5.51, 2)]


def test_a_share_after_a_rate_and_a_share_verb_is_a_share():
    text = (
        "Kelp Repair Market\n\nChina's kelp repair sector is expected to jump 10.6% annually and eventually occupy "
        "16% of global kelp repair demand. India is forecasted to grow at 5.6% annually, but will represent less "
        "than 3% of the market.\n"
    )
    figures = {(f.metric, f.member, f.pct) for f in extract_report(text).figures}
    assert figures == {("cagr", "China", 10.6), ("share", "China", 16.0), ("cagr", "India", 5.6),
                       ("share", "India", 3.0)}  # fmt: skip


def test_grow_an_annual_rate_without_at_is_a_cagr():
    text = "Kelp Repair Market\n\nThe Asia-Pacific region will grow an annual rate of 4% through 2028.\n"
    assert [(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")] == [("region", "Asia Pacific", 4.0)]


def test_where_the_markets_product_is_used_or_sold_holds_the_share():
    text = (
        "Kelp Supplements Market\n\n"
        "The use of kelp supplements in cities and urban areas accounts for 55.6% of the global market.\n"
        "Sales of kelp supplements in natural food stores comprised 44 per cent of the total, and mass-market retail "
        "accounted for 26 per cent of the total.\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("cities and urban areas", 55.6), ("natural food stores", 44.0), ("mass-market retail", 26.0)}


def test_bln_amounts_this_is_expected_to_and_segments_named_by_their_rank_or_lead():
    text = (
        "Kelp Sensors Market\n\n"
        "Global market for kelp sensors is expected to be worth $8 bln in 2007. This is expected to increase to over "
        "$13.5 bln by 2012, a compound average annual growth rate (CAGR) of 10.8%. Of these, tide sensors have the "
        "largest share of the market. Valued at nearly $4.7 bln in 2007, this segment is expected to be worth $7.7 "
        "bln by 2012. The second largest segment, salinity sensors, was worth an estimated $2.1 bln in 2007.\n"
    )
    figures = {(f.metric, f.member, f.year or (f.period_start_year, f.period_end_year), f.value_millions or f.pct)
               for f in extract_report(text).figures}  # fmt: skip
    assert figures == {
        ("value", None, 2007, 8000.0),
        ("value", None, 2012, 13500.0),
        ("cagr", None, (2007, 2012), 10.8),
        ("value", "tide sensors", 2007, 4700.0),
        ("value", "tide sensors", 2012, 7700.0),
        ("value", "salinity sensors", 2007, 2100.0),
    }


def test_the_largest_category_contributing_revenue_holds_its_share():
    text = (
        "Kelp Sauces Market\n\n"
        "Of these, table sauces was the largest category, contributing more than 30% revenue in the market in 2017. "
        "Cooking ingredients was the second largest category in the kelp sauces market, contributing more than 25% "
        "revenue in 2017. Europe led the market, with a contribution of nearly 40% in 2017.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("table sauces", 2017, 30.0), ("Cooking ingredients", 2017, 25.0), ("Europe", 2017, 40.0)}


def test_places_listed_in_brackets_define_a_name_and_a_report_title_names_no_other_market():
    text = (
        "New drug launches will see kelp eye drops market grow to $3.5 billion by 2030\n\n"
        "Steady growth is expected for the kelp eye drops market across the seven major markets (7MM; USA, France, "
        "Germany, Italy, Spain, UK, Japan) from $2.8 billion in 2020 to $3.5 billion in 2030, at a compound annual "
        "growth rate (CAGR) of 2.0%.\n"
        "According to the latest report, Kelp Eye Drops – Global Drug Forecast and Market Analysis to 2030, the USA "
        "will experience the fastest growth, with a CAGR of 2.7%.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in extract_report(text).figures}
    assert figures == {
        ("value", "market", None, 2800.0),
        ("value", "market", None, 3500.0),
        ("cagr", "market", None, 2.0),
        ("cagr", "country", "U.S.", 2.7),
    }


def test_members_rates_respectively_after_an_aside_in_their_subject():
    text = (
        "Kelp Sensor Spending\n\nState/local government and telecommunications, on the other hand, will show the "
        "fastest spending growth with a CAGR rate of 12.0% and 11.7% respectively.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="cagr")} == {
        ("State/local government", 12.0), ("telecommunications", 11.7)
    }  # fmt: skip


def test_a_market_with_a_chemical_formula_in_brackets_below_many_card_lines_is_named():
    cards = "".join(f"Card {number}\n{2020 + number}\n" for number in range(10))
    text = cards + "The global kelp dioxide (KeO₂) market was valued at USD 23.74 billion in 2024.\n"
    assert extract_report(text).metadata.market == "Kelp Dioxide"


def test_a_rate_over_the_same_period_takes_the_span_of_the_sentence_before_even_of_another_market():
    text = (
        "Kelp Sensors Market\n\n"
        "Light vehicle production is expected to grow at a CAGR of 3.6 percent over the period 2005 to 2010. Over "
        "the same period, the firm expects kelp sensor revenues to grow by 9.8% CAGR.\n"
    )
    assert _cagr(text)[:3] == (9.8, 2005, 2010)


def test_three_or_more_names_each_with_a_percentage_in_brackets_are_shares():
    text = (
        "Kelp Printing Market\n\nAccording to the firm, the biggest markets for kelp printing will be discrete "
        "manufacturing (53.8%), healthcare providers (13.1%), education (8.6%), and others (13.3%). Prices fell "
        "(by 5%) and costs rose (by 3%).\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("discrete manufacturing", 53.8), ("healthcare providers", 13.1), ("education", 8.6),
                      ("others", 13.3)}  # fmt: skip


def test_revenue_of_the_bare_word_industry_is_the_pages_own_market():
    text = (
        "Kelp Farming Industry Figures\n\n"
        "Total industry revenue is put at $4.2bn in 2023, below its high of $5.1bn in 2019.\n"
        "Overall, seaweed snack revenue is expected to total $0.9bn in 2023.\n"
    )
    values = {(f.year, f.value_millions) for f in _figures(text, metric="value", scope="market")}
    assert values == {(2023, 4200.0), (2019, 5100.0)}


@pytest.mark.parametrize(
    ("written", "millions"),
    [("33 500 million Euro", 33500.0), ("EUR 6\u00a0736 million", 6736.0), ("€ 1 204 500 thousand", 1204.5)],
)
def test_thousands_grouped_by_a_space_are_one_number(written, millions):
    text = f"Kelp Snacks Market\n\nThe kelp snacks market in France reached sales of {written} in 2016.\n"
    (value,) = _figures(text, metric="value")
    assert (value.value_millions, value.currency, value.year) == (millions, "EUR", 2016)


def test_a_year_before_an_amount_is_not_a_group_of_its_thousands():
    text = "Kelp Snacks Market\n\nThe kelp snacks market reached in 2016 500 million euros.\n"
    (value,) = _figures(text, metric="value")
    assert value.value_millions == 500.0


def test_a_member_named_the_largest_segment_of_the_market_in_an_aside_owns_its_amounts():
    text = (
        "Kelp Analytics Market\n\nThe global kelp analytics market reached $24bn in 2023. Dashboards, the largest "
        "segment of the kelp analytics market, will hit a $15.5bn value in 2027, up from $9.8bn in 2023.\n"
    )
    segment = {(f.member, f.year, f.value_millions) for f in _figures(text, metric="value", scope="segment")}
    assert segment == {("Dashboards", 2027, 15500.0), ("Dashboards", 2023, 9800.0)}
    assert {f.value_millions for f in _figures(text, metric="value", scope="market")} == {24000.0}


def test_a_headline_with_a_verb_before_market_is_not_the_markets_name():
    text = (
        "Drone Mapping Will Take Half of Total Market Value in 2027\n\n"
        "The global drone survey market is set to reach $4bn in value by 2027. The drone survey market grew 20% "
        "last year.\n"
    )
    assert extract_report(text).metadata.market == "Drone Survey"


def test_a_list_of_members_with_amounts_after_this_comprised_names_the_first_member_alone():
    text = (
        "Kelp Economy Market\n\nThe kelp economy reached US$72 billion in 2018. This comprised kelp farming "
        "(US$8 billion), kelp processing (US$11 billion), kelp tourism (US$30 billion), and kelp retail "
        "(US$23 billion).\n"
    )
    members = {f.member for f in _figures(text, metric="value", scope="segment")}
    assert members == {"kelp farming", "kelp processing", "kelp tourism", "kelp retail"}


def test_an_amount_right_before_this_year_is_the_pages_year_even_beside_a_forecast_year():
    text = (
        "date 2024-07-07 Kelp Gaming Market\n\n"
        "The kelp gaming segment is forecast to hit a $21 billion value by 2030, up from $3.1 billion this year.\n"
    )
    years = {(f.value_millions, f.year) for f in _figures(text, metric="value")}
    assert years == {(21000.0, 2030), (3100.0, 2024)}


def test_an_amount_reached_since_a_year_is_todays_not_that_years():
    text = (
        "date 2024-07-07 Kelp Market\n\n"
        "Since 2022, the entire kelp industry has grown by 63% and hit a $75 billion value.\n"
    )
    (value,) = _figures(text, metric="value", scope="market")
    assert (value.value_millions, value.year) == (75000.0, 2024)


@pytest.mark.parametrize(
    ("written", "millions"),
    [("over half a trillion dollars", 500000.0), ("half a billion euros", 500.0), ("a trillion dollars", 1000000.0)],
)
def test_an_amount_written_in_words_is_read(written, millions):
    text = f"Kelp Market\n\nThe global kelp market is expected to hit {written} by 2030.\n"
    (value,) = _figures(text, metric="value", scope="market")
    assert (value.value_millions, value.year) == (millions, 2030)


def test_a_billion_dollar_adjective_is_no_amount():
    text = "Kelp Market\n\nKelp is a billion-dollar industry, and one million dollars-worth of kelp sells daily.\n"
    assert _figures(text, metric="value") == []


def test_growth_by_an_average_amount_a_year_is_an_increase_not_the_markets_size():
    text = "Kelp Market\n\nThe kelp market is expected to grow by an average of $100 billion per year until 2030.\n"
    assert _figures(text, metric="value") == []


@pytest.mark.parametrize("source", ["Kelpzoo forecasts", "Statistics show"])
def test_a_source_that_forecasts_without_that_is_not_the_member(source):
    text = f"Kelp Game Market\n\n{source} mobile kelp games will hold 37% of the global kelp game market.\n"
    (share,) = _figures(text, metric="share")
    assert share.member == "mobile kelp games"


def test_a_segment_named_in_prose_with_the_markets_name_in_front_is_named_without_it():
    text = (
        "Kelp Metaverse Market\n\nThe kelp metaverse market will be large. The kelp metaverse retail segment is set "
        "to hit $210 billion by 2030.\n"
    )
    (value,) = _figures(text, metric="value", scope="segment")
    assert value.member == "retail"


def test_the_americas_is_a_region_of_a_respectively_list():
    text = (
        "date 2018-11-17 Kelp Goods Market\n\n"
        "Kelp goods sales in Japan this year are forecast to be up 18 percent to 23 billion euros. Europe and the "
        "Americas, still the two largest markets, remain flat, totaling 84 billion euros and 80 billion euros, "
        "respectively.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("country", "Japan", 2018, 23000.0), ("region", "Europe", 2018, 84000.0), ("region", "Americas", 2018, 80000.0)
    }  # fmt: skip


def test_a_place_adjective_of_two_words_names_its_region():
    text = "Kelp Drone Market\n\nThe South American market is expected to grow at a CAGR of 11.3% from 2021 to 2026.\n"
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.scope, cagr.member, cagr.pct) == ("region", "South America", 11.3)


def test_a_report_named_with_its_period_labels_the_period_of_a_rate_that_states_none():
    text = (
        "Kelp drone outlook\n\nResults from the latest Kelp Drone Market Report 2021-2026 are out. The kelp drone "
        "market is set to grow at a 9.4% compound annual growth rate, reaching $41.3 billion by 2026.\n"
    )
    assert _cagr(text) == (9.4, 2021, 2026, "page label")


def test_an_amount_right_before_the_markets_name_is_its_size_and_a_wider_industry_after_it_is_context():
    text = (
        "Kelp Dioxide Market\n\nThe $20.1 billion kelp dioxide is one of the growth markets in the specialty "
        "chemicals industry with a CAGR of 7.2% between 2021 and 2028 to reach a $35.1 billion market size.\n"
    )
    market = {(f.metric, f.year, f.value_millions or f.pct) for f in _figures(text, scope="market")}
    assert market == {("value", None, 20100.0), ("cagr", None, 7.2), ("value", 2028, 35100.0)}


def test_a_member_of_these_that_dominates_the_named_market_owns_the_amount():
    text = (
        "Kelp Dioxide Market\n\nKelp dioxide is used in paints, paper and inks. Of these, the paints and coatings "
        "application dominates the kelp dioxide market with around $12 billion market size.\n"
    )
    (value,) = _figures(text, metric="value")
    assert (value.scope, value.member, value.value_millions) == ("segment", "paints and coatings", 12000.0)


@pytest.mark.parametrize(("written", "currency"), [("827.2 billion yen", "JPY"), ("827.2 billion yuan", "CNY")])
def test_a_currency_named_after_its_scale_in_words(written, currency):
    text = f"Kelp Language Market\n\nThe kelp language market for FY2015 rose to {written}.\n"
    (value,) = _figures(text, metric="value")
    assert (value.value_millions, value.currency, value.year) == (827200.0, currency, 2015)


def test_an_earlier_amount_of_a_deal_after_up_some_percent_from_is_no_market_figure():
    text = (
        "Kelp Device Market\n\nIn the first half of 2014, the kelp device sector raised $ 1.3 billion, up 44 percent "
        "from $ 900 million for the full year.\n"
    )
    assert _figures(text, metric="value") == []


def test_this_market_after_a_sentence_about_a_places_market_is_that_places():
    text = (
        "Kelp Research Market\n\nGlobal kelp research turnover rose to US $31.2 billion in 2010. The North American "
        "market recorded its first net growth after two years of declines. This market, which accounts for 32% of "
        "worldwide turnover, now totals US $9,915m.\n"
    )
    places = {(f.metric, f.member, f.value_millions or f.pct) for f in _figures(text, scope="region")}
    assert places == {("share", "North America", 32.0), ("value", "North America", 9915.0)}


def test_an_amount_in_dirhams_with_its_dollar_conversion_takes_the_year_after_the_brackets():
    text = (
        "Kelp Services Market\n\nThe market size for kelp services in the GCC countries (excluding Saudi Arabia) "
        "stood at Dh17.72 billion ($4.83 billion) in 2006 and is poised to grow, reaching approximately Dh36.7 "
        "billion ($10 billion) by 2012.\n"
    )
    report = extract_report(text)
    values = {(f.scope, f.currency, f.year, f.value_millions) for f in report.figures}
    assert values == {
        ("market", "AED", 2006, 17720.0), ("market", "USD", 2006, 4830.0),
        ("market", "AED", 2012, 36700.0), ("market", "USD", 2012, 10000.0),
    }  # fmt: skip
    assert "Saudi" not in report.metadata.market


def test_a_percentage_representing_part_of_the_total_after_a_cagr_is_a_share_not_a_second_rate():
    text = (
        "Kelp Market\n\nThe kelp market will grow from $4.3 billion in 2010 to $11.5 billion by 2015. Kelp products "
        "will grow at about a 31 percent CAGR, representing about 5.5 percent of total kelp revenue by 2015.\n"
    )
    rates = {(f.metric, f.pct) for f in extract_report(text).figures if f.pct is not None}
    assert rates == {("cagr", 31.0), ("share", 5.5)}


@pytest.mark.parametrize("joint", [" but", ", while"])
def test_a_rate_of_a_member_that_opens_a_contrasting_clause_is_that_members(joint):
    text = (
        "Kelp Marker Market\n\nThe global kelp marker market is expected to reach USD 34 billion by 2018, growing at "
        f"a CAGR of 14.70% from 2011 to 2018. As of now, oncology earned the highest revenue{joint} cardiology is "
        "expected to grow at a faster rate at a CAGR of 16.32% from 2011 to 2018.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("market", None, 14.7), ("segment", "cardiology", 16.32)}


def test_a_market_growing_while_at_a_rate_is_no_member_of_a_contrast():
    text = (
        "Kelp Insurance Market\n\nIn the year 2024, the global kelp insurance market was valued at USD 13,264.90 "
        "million. The size of this market is expected to increase to USD 39,337.24 million by the year 2031, while "
        "growing at a Compounded Annual Growth Rate (CAGR) of 16.8%.\n"
    )
    (cagr,) = _figures(text, metric="cagr")
    assert (cagr.scope, cagr.member, cagr.pct) == ("market", None, 16.8)


def test_an_amount_grouped_in_lakhs_and_crores_is_read():
    text = (
        "Kelp Chain Market\n\nThe Indian kelp chain market size grew to Rs1,81,490 crore in 2022, and it is expected "
        "to reach Rs3,79,870 crore by 2028.\n"
    )
    values = {(f.year, f.value_millions, f.currency) for f in _figures(text, metric="value")}
    assert values == {(2022, 1814900.0, "INR"), (2028, 3798700.0, "INR")}


def test_a_year_an_amount_is_compared_with_is_not_its_year():
    text = (
        "Kelp Toy Market\n\nWORLD KELP TOY SALES IN 2008 WERE $78 BILLION, DOWN SLIGHTLY FROM 2007.\n"
        "The kelp toy market was $5 billion in 2010, up from 2009.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2008, 78000.0), (2010, 5000.0)}


def test_changes_listed_in_brackets_after_places_are_no_shares():
    text = (
        "Kelp Chip Market\n\nMonth-to-month sales in April increased in China (2.9 percent) and Japan (0.9 percent), "
        "but decreased in the Americas (-1.0 percent) and Europe (-0.6 percent).\n"
    )
    assert _figures(text, metric="share") == []


def test_a_sub_market_named_with_the_markets_whole_name_and_more_is_a_segment_however_often_said():
    text = (
        "AI Market\n\nThe global AI market will reach $997 billion by 2028. Early movers in the AI hardware space "
        "have done well. Oppenheimer sees the AI hardware market breaking the $100 billion mark by 2025.\n"
    )
    (segment,) = _figures(text, metric="value", scope="segment")
    assert (segment.member, segment.year, segment.value_millions) == ("AI hardware", 2025, 100000.0)


def test_that_represents_a_rate_of_the_place_the_sentence_before_is_about_and_a_rising_market_is_no_market():
    text = (
        "Kelp Fun Market\n\nThe kelp fun market will grow from $2 billion in 2011 to $3 billion in 2016. India will be "
        "a rising market, with revenue rising to $1.79 billion in 2016 from $670 million in 2011. That represents a "
        "compounded annual growth rate of 18.2% for those years.\n"
    )
    india = {(f.metric, f.year, f.value_millions or f.pct) for f in _figures(text, scope="country", member="India")}
    assert india == {("value", 2016, 1790.0), ("value", 2011, 670.0), ("cagr", None, 18.2)}


def test_spending_between_now_and_a_year_is_a_total_not_a_years_size():
    text = (
        "Commercial kelp drones: a $10 billion market\n\nGoldkelp estimates that businesses and government will "
        "spend $13 billion on kelp drones between now and 2020.\n"
    )
    assert _figures(text, metric="value") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2015 these three segments combined were worth $21.6 billion – flights accounting for $12.5 billion, "
        "hotels $6.6 billion and rides $2.5 billion.",
        "Despite rising costs, Kelpers expert modelling shows kelp films will hold a 25% share in 2028.",
    ],
)
def test_words_about_members_or_a_source_name_no_member(sentence):
    text = f"Kelp Travel Market\n\nThe kelp travel market is large. {sentence}\n"
    members = {f.member for f in extract_report(text).figures if f.member}
    assert not any(word in member for member in members for word in ("these three", "modelling"))


def test_one_months_sales_and_the_months_compared_with_are_no_market_size():
    text = (
        "Kelp Chip Market\n\nThe kelp chip market reached $500 billion in 2023. Meanwhile, the association said global "
        "kelp chip industry sales were $40 billion in April 2023 compared to $39.8 billion in March 2023 and $50.9 "
        "billion in April 2022.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2023, 500000.0)}


def test_a_market_named_with_its_country_takes_that_countrys_figures_as_its_own():
    text = (
        "UK Seaweed Snack Market - Outlook and Forecast 2024-2029\n\n"
        "The seaweed snack market in the United Kingdom grew strongly in 2023, reaching a value of $2.10 billion. "
        "It is expected to reach $3.40 billion by 2029.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", None, 2023, 2100.0), ("market", None, 2029, 3400.0)}


def test_a_rate_in_a_sentence_that_opens_with_volume_is_no_market_cagr():
    text = (
        "Seaweed Snack Market\n\nThe seaweed snack market was worth $2.1 billion in 2023 and will reach $3.4 billion "
        "by 2029, at a CAGR of 8.4%. In terms of volume, the market was valued at 41.5 million BBL in 2023 and is "
        "expected to reach 60.2 million BBL by 2029, growing at a CAGR of 6.4% over the period.\n"
    )
    assert {f.pct for f in _figures(text, metric="cagr")} == {8.4}


def test_one_share_for_a_list_of_several_countries_is_no_countrys_share():
    text = (
        "Seaweed Snack Market\n\nThe seaweed snack market was worth $2.1 billion in 2023. Japan, South Korea, and "
        "China are the largest buyers, together accounting for nearly 70% of world sales. Europe and Japan held "
        "a 12% share together.\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share")}
    assert ("Europe and Japan", 12.0) in shares
    assert not any(pct == 70.0 for _, pct in shares)


def test_a_place_that_ends_an_organisations_name_before_its_initials_is_no_region():
    text = (
        "Kelp Snack Market\n\nShoppers keep buying kelp snacks. A survey by the Ocean Food Council Europe (OFC) "
        "supports this, showing that the turnover for kelp snacks and kelp drinks grew by 9% to €310 million in 2023.\n"
    )
    assert not [f for f in _figures(text) if f.member == "Europe"]


def test_a_global_firm_that_states_a_figure_does_not_make_it_the_worldwide_markets():
    text = (
        "Mumbai: India's kelp tourism industry is growing fast, with forecasts showing that the market will reach $9 "
        "billion by 2028, a new report said on Monday.\nAccording to Tidewater Partners, a global advisory firm, the "
        "industry has seen quick growth, with the market valued at $4 billion in 2023.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 2028, 9000.0), ("market", 2023, 4000.0)}  # both India's: the page's one place


def test_a_rate_at_which_a_count_grows_is_no_market_cagr():
    text = (
        "Kelp Tourism Market\n\nThe kelp tourism market was valued at $4 billion in 2023. Visitor arrivals bounced "
        "back, with arrivals reaching 612,000 in 2023, growing at a CAGR of 38 per cent.\n"
    )
    assert not _figures(text, metric="cagr")


def test_the_market_cut_by_one_member_as_a_sentences_subject_is_that_segments():
    text = (
        "Kelp Harvester Market\n\nThe global kelp harvester market will reach USD 9.1 billion by 2030.\n"
        "In 2024, the trawler segment led the market with a 61.2% share.\n"
        "The global kelp harvester market by trawlers accounted for USD 3.75 billion in 2024, and is expected to "
        "reach USD 5.02 billion by 2030, growing at a CAGR of 5.0%.\n"
        "The kelp harvester market by type is led by trawlers.\n"
    )
    segments = {(f.metric, f.member, f.year) for f in _figures(text, scope="segment")}
    assert segments == {("share", "trawlers", 2024), ("value", "trawlers", 2024), ("value", "trawlers", 2030),
                        ("cagr", "trawlers", None)}  # fmt: skip
    assert {f.value_millions for f in _figures(text, scope="market", metric="value")} == {9100.0}


def test_examples_between_a_member_and_its_verb_leave_the_figure_the_members():
    text = (
        "Kelp Fertiliser Market\n\nThe kelp fertiliser market was worth $2.3 billion in 2023. Row crops, such as "
        "wheat, barley, and rice, leads the market with more than 41% of the total, while fruit is second.\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")} == {("segment", "Row crops", 41.0)}


def test_a_governments_outlay_is_no_market_size():
    text = (
        "Kelp Textiles Market\n\nThe kelp textiles market was worth $2.3 billion in 2023. A national kelp mission, "
        "from 2021-22 to 2024-25 at an outlay of ₹1,250 crore, is expected to help local makers compete.\n"
    )
    assert {f.value_millions for f in _figures(text, metric="value")} == {2300.0}


def test_a_title_that_names_its_market_in_a_place_gives_the_market_that_place():
    text = (
        "Futon Industry in Kenya 2027: Size, Growth, Outlook\n\n"
        "By 2027, Kenya's futon industry is estimated to be worth $410 million, one of the fastest-growing home "
        "goods categories.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kenya Futon"
    assert {(f.scope, f.member, f.year) for f in report.figures if f.metric == "value"} == {("market", None, 2027)}


def test_a_headline_naming_one_places_market_makes_the_page_that_places_market():
    text = (
        "US tea room market expected to grow 18% in next four years to $1.2bn: The tea room market is expected "
        "to grow 18% over the next four years with sales forecast to reach $1.2bn, according to new research. The "
        "tea room market has grown 25% since 2019, from $0.8bn in 2019 to $1.0bn in 2023, and the tea room market "
        "keeps growing.\n"
    )
    report = extract_report(text)
    assert market_identity(report.metadata.market).geography == "U.S."
    assert {(f.scope, f.value_millions) for f in report.figures if f.metric == "value"} == {
        ("market", 1200.0),
        ("market", 800.0),
        ("market", 1000.0),
    }


def test_a_word_that_judges_a_market_is_no_market_name():
    text = (
        "Mobile kelp games will double by 2016, a study says. It forecasts that India will be a rising market, and "
        "that Brazil is a lucrative market too. Meanwhile the big data market and the rising market both grow.\n"
    )
    assert extract_report(text).metadata.market not in ("Rising", "Lucrative")


def test_a_member_a_source_expects_to_be_the_main_component_of_the_market_owns_its_amount():
    text = (
        "Kelp Analytics Market\n\nThe kelp analytics market was worth $20 billion in 2023. Among the different "
        "kelp analytics tools, the research firm expects kelp imaging platforms (KIPs) will be the main component "
        "of the market and grow 25% to reach $6 billion in 2024.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 20000.0),
        ("segment", "kelp imaging platforms (KIPs)", 6000.0),
    }


def test_an_adverb_between_a_member_and_its_verb_is_no_part_of_its_name():
    text = (
        "Kelp Tea Market\n\nThe kelp tea market was worth $3.1 billion in 2023. Green kelp tea currently accounts "
        "for 44.8 per cent of global demand.\n"
    )
    assert {f.member for f in _figures(text, metric="share")} == {"Green kelp tea"}


def test_a_cagr_over_the_next_years_ends_at_the_year_its_amount_is_reached_by():
    text = (
        "The global kite-surfing gear market is expected to bring in $2,310 million by 2030, growing by at least "
        "6.1% (CAGR) annually over the next six years, according to a new study.\n"
    )
    assert _cagr(text) == (6.1, 2024, 2030, "sentence")


def test_an_annual_pace_between_two_stated_values_is_the_markets_cagr_and_names_the_headlines_period():
    text = (
        "Kite-Surfing Gear Market Growing Annually at 7.2% Clip\n\n"
        "The global kite-surfing gear market took in $1,020.5 million in 2019, and is expected to reach "
        "$1,850.0 million by 2027, with a year over year pace of 7.2%, according to a new report.\n"
    )
    (rate,) = {(f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert rate == (7.2, 2019, 2027)


def test_an_amount_stated_for_one_quarter_is_not_a_years_market_size():
    text = (
        "Kite Insurance Market\n\nAccording to the research firm, worldwide kite insurance premiums passed "
        "USD 2 billion for the first time in Q4 2024. Total kite insurance premiums in 2024 reached USD 7.4 billion, "
        "up 9 percent from USD 6.8 billion in 2023.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {(2024, 7400.0), (2023, 6800.0)}


def test_the_markets_economy_is_the_market_itself():
    text = (
        "Kite-Surfing Market\n\nKite-surfing will top $1 billion in 2026, a research firm says. In the coming year, "
        "the global kite-surfing economy will generate revenues of $1.1 billion, a year-on-year growth of 9.5%.\n"
    )
    assert {(f.scope, f.member) for f in _figures(text, metric="value")} == {("market", None)}


def test_a_member_whose_share_is_stated_in_a_which_clause_owns_it():
    text = (
        "Kite Nutrition Market\n\nThe global kite nutrition market was worth $2.1 billion in 2014. Kite bars, which "
        "accounted for nearly 25% of the market in 2014, are expected to grow fastest.\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")} == {("segment", "Kite bars", 25.0)}


def test_a_market_said_mostly_by_its_initials_is_named_in_full():
    text = (
        "Forecast Period | 2027-2031 |\nMarket Size (2025) | USD 5.85 Billion |\nMarket Overview\n"
        "India Kite Boards Market size was valued at USD 5.85 Billion in 2025 and is expected to reach USD 15.41 "
        "Billion by 2031 with a CAGR of 17.57% during the forecast period. Residential kite boards are dominating "
        "the KB market share in India across all segments. Split KBs secured the largest share of the room Kite "
        "Boards Market in 2021. The KB market share in India is also being shaped by housing.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "India Kite Boards"
    assert {(f.scope, f.value_millions) for f in report.figures if f.metric == "value"} == {
        ("market", 5850.0),
        ("market", 15410.0),
    }


def test_a_countrys_gdp_after_a_decimal_growth_rate_is_no_market_value():
    text = (
        "Vietnam Kite Devices Market\n\nIn 2023, Vietnam's GDP grew by 5.8% year-on-year, reaching USD 435 "
        "billion, with a per capita income of USD 4,300. The Vietnam kite devices market was worth USD 1.6 billion "
        "in 2023.\n"
    )
    assert {f.value_millions for f in _figures(text, metric="value")} == {1600.0}


def test_the_year_a_market_has_grown_since_is_not_its_amounts_year():
    text = (
        "Middle East Kite Water Market\n\nKite desalination is the region's oldest water business. It has grown "
        "into an $8-billion-per-year market in the region since 2004. The Middle East kite water market was worth "
        "$25 billion in 2009.\n"
    )
    assert 2004 not in {f.year for f in _figures(text, metric="value")}


def test_a_revenue_of_approximately_an_amount_is_the_markets_not_a_firms():
    text = (
        "India Kite Healthcare Market\n\nThe India kite healthcare market is projected to register a CAGR of 7.98% "
        "during the forecast period, with a revenue of approximately USD 1,083.13 million in 2020 and expected to "
        "reach USD 1,697.15 million by 2026.\n"
    )
    assert {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", 2020, 1083.13),
        ("market", 2026, 1697.15),
    }


def test_a_market_named_with_a_possessive_place_is_the_pages_market():
    text = (
        "Vietnam is a growing economy. Demand drives the development of the Vietnamese kite devices industry. "
        "Investment supports the expansion of Vietnam's kite devices market.\nThe research firm has analyzed that "
        "the market size of Vietnam's kite devices industry was USD 1.67 billion in 2023. Kite devices in Vietnam "
        "can be split into four types.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Vietnam Kite Devices"
    assert {(f.scope, f.value_millions) for f in report.figures if f.metric == "value"} == {("market", 1670.0)}


def test_a_name_holding_the_markets_initials_and_more_is_a_part_of_it():
    text = (
        "Kite Intelligence Market\n\nThe global kite intelligence market is expected to reach $1 trillion by 2028. "
        "The KI market grew fast in 2021. Another analyst sees the KI hardware market breaking the $100 billion "
        "mark by 2025.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 1000000.0),
        ("segment", "KI hardware", 100000.0),
    }


def test_a_rate_with_no_period_takes_the_years_of_the_one_pair_of_values_it_reproduces():
    text = (
        "Kelp Fibre Market\n\nThe kelp fibre market was worth $40 billion in 2022 and will reach $1.3 trillion in "
        "2032.\nBuyers in Asia are signing longer contracts.\nThe industry will grow at a compounded rate of 42% per "
        "year.\n"
    )
    assert _cagr(text) == (42.0, 2022, 2032, "stated values")
    # 42% compounds no pair of these values into the other: the rate keeps no period
    unmatched = text.replace("$1.3 trillion", "$600 billion")
    assert _cagr(unmatched) == (42.0, None, None, "none")


def test_values_too_coarse_to_pin_a_rate_give_it_no_period():
    text = (
        "Kelp Fibre Market\n\nThe kelp fibre market was worth $0.15 billion in 2025 and $0.2 billion in 2026.\n"
        "Buyers in Asia are signing longer contracts.\nThe industry will grow at a compounded rate of 38.3% a year.\n"
    )
    assert _cagr(text) == (38.3, None, None, "none")


def test_a_share_takes_the_year_opening_its_paragraph_across_a_sentence_with_no_number():
    text = (
        "Kelp Cosmetics Market\n\nIn 2018, the kelp cosmetics market grew by about 5.5 percent. Skin care, hair care "
        "and make-up are its main categories. Skin care was the leading category, accounting for about 39% of the "
        "market.\n"
    )
    (share,) = _figures(text, metric="share")
    assert (share.member, share.year, share.pct) == ("Skin care", 2018, 39.0)


def test_a_kind_of_the_markets_product_named_as_its_own_market_is_a_segment():
    text = (
        "India Technical Textile Market\n\nIndia's technical textile market was valued at $14 billion in 2020.\n"
        "The market for industrial textiles was worth $2.0 billion in 2020 and is estimated to reach $3.3 billion "
        "by 2027.\nIndustrial textiles also lead the export figures.\n"
    )
    figures = extract_report(text).figures
    assert {(f.scope, f.member, f.year, f.value_millions) for f in figures if f.metric == "value"} == {
        ("market", None, 2020, 14000.0),
        ("segment", "industrial textiles", 2020, 2000.0),
        ("segment", "industrial textiles", 2027, 3300.0),
    }
    # a last word any market may end with says nothing: "cloud software" is no kind of photo editing software
    other = "Photo Editing Software Market\n\nThe cloud software market was worth $90 billion in 2020.\n"
    assert not [f for f in extract_report(other).figures if f.metric == "value"]


def test_a_page_with_no_title_is_about_the_market_its_opening_sentence_sizes():
    text = (
        "The kelp packaging market was valued at USD 26.2 billion in 2020, and it is expected to reach USD 32.5 "
        "billion by 2027. The kelp industry's packaging has advanced quickly. The kelp industry has the most diverse "
        "needs. Demand for kelp items keeps rising. The global kelp market is large.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp Packaging"
    assert {(f.scope, f.year) for f in report.figures if f.metric == "value"} == {("market", 2020), ("market", 2027)}


def test_a_member_that_amounts_to_a_share_in_a_quote_is_that_members():
    text = (
        "Facial Care Market\n\nThe global facial care market was worth $80 billion in 2012.\n"
        "“Anti-agers amount to just over 25% of the market’s total value, making up the largest segment,” said the "
        "firm. The wet/canned kelp section has a notable 7% share.\n"
    )
    shares = {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("segment", "Anti-agers", 25.0), ("segment", "wet/canned kelp", 7.0)}


def test_a_five_year_rate_ends_at_the_amount_its_sentence_reaches():
    text = (
        "Express Parcels Market\n\nThe global express parcels market is projected to reach EUR 565,962 million in "
        "2024. Looking ahead to 2028, the global parcels market is expected to reach EUR 736,624 million, with a "
        "five-year compound annual growth rate of 7.3%.\n"
    )
    assert _cagr(text) == (7.3, 2023, 2028, "sentence")


def test_a_rate_in_a_sentence_that_counts_units_and_no_money_is_the_volumes():
    text = (
        "Spirits Market\n\nThe global spirits market was worth $80 billion in 2017, with a CAGR of 2.8% from 2017 "
        "to 2022. Volume spirits consumption is estimated to hit 3.2 billion nine-litre cases, a 1.2% rise from "
        "2017-2022, with a CAGR of 0.2%.\n"
    )
    assert [f.pct for f in _figures(text, metric="cagr")] == [2.8]


def test_a_sentence_listing_several_things_sales_clause_by_clause_breaks_the_market_down():
    text = (
        "US Spirits Market\n\nIn 2023, US spirits supplier revenues totaled $37.9 billion. Vodka sales were nearly "
        "flat, totaling $7.2 billion; tequila/mezcal sales were up 7.9% or $476 million, totaling $6.5 billion; "
        "American whiskey sales were up 3.8% or $192 million, totaling $5.3 billion.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 2023, 37900.0),
        ("segment", "Vodka", 2023, 7200.0),
        ("segment", "tequila/mezcal", 2023, 6500.0),
        ("segment", "American whiskey", 2023, 5300.0),
    }
    # one thing's sales alone is still another market's
    alone = (
        "US Spirits Market\n\nIn 2023, US spirits supplier revenues totaled $37.9 billion. Cider sales reached $2 "
        "billion.\n"
    )
    assert [f.value_millions for f in _figures(alone, metric="value")] == [37900.0]


def test_the_end_of_the_decade_is_the_decades_end_the_page_names():
    text = (
        "Kelp Spending Could Reach $500 Billion by 2030\n\nThe kelp market was worth $300 billion in 2023. Kelp "
        "snacks will stay the largest segment, with sales approaching $200 billion by the end of the decade.\n"
    )
    years = {f.value_millions: f.year for f in _figures(text, metric="value")}
    assert years == {500000.0: 2030, 300000.0: 2023, 200000.0: 2030}
    # a page that names no decade's end leaves the segment's value with no year
    unnamed = text.replace(" by 2030", "")
    assert {f.value_millions: f.year for f in _figures(unnamed, metric="value")} == {300000.0: 2023, 200000.0: None}


def test_the_markets_own_name_with_its_place_is_no_kind_of_the_market():
    text = (
        "India Kelp Charging Infrastructure Market Outlook, FY2025-FY2030\n\n"
        "The India kelp charging infrastructure market was valued at USD 212 million in FY2024 and is expected to "
        "reach USD 1,046 million by FY2030.\nThe India kelp charging infrastructure market is led by depots.\n"
        "West India accounted for 34.2% of revenue in FY2024.\n\n"
        "Market Segmentation\nBy Region: North India, West India, South India, East India\n"
    )
    assert {(f.scope, f.year) for f in _figures(text, metric="value")} == {("market", 2024), ("market", 2030)}


def test_a_member_set_against_another_with_versus_takes_its_share():
    text = (
        "Kelp Aid Market\n\nThe worldwide kelp aid market was worth $5 billion in 2010. In 2010, analysts estimated "
        "that Europe accounts for about 38% of the worldwide market versus North America at 31%.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("Europe", 2010, 38.0), ("North America", 2010, 31.0)}


def test_a_growth_rate_of_places_named_together_is_each_ones():
    text = (
        "Kelp Adhesives Market\n\nThe global kelp adhesives market was worth $40 billion in 2014. Growth in Europe "
        "and North America is forecast at a mature 2% annual rate, while the Asia-Pacific region will grow at 7% "
        "annually.\n"
    )
    rates = {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")}
    assert rates == {("region", "Europe", 2.0), ("region", "North America", 2.0), ("region", "Asia Pacific", 7.0)}
    # one region whose name joins two ("Middle East and Africa") stays one
    one = text.replace("Europe and North America", "the Middle East and Africa")
    assert ("region", "Middle East & Africa", 2.0) in {(f.scope, f.member, f.pct) for f in _figures(one, metric="cagr")}


def test_a_share_that_moves_from_one_year_to_another_is_read_at_both_ends():
    text = (
        "Kelp Lubricant Market\n\nThe global kelp lubricant market was worth $9 billion in 2020. Analysts said that "
        "the share of kelp lubricant sales in the Asia-Pacific region would increase from 44.5% in 2020 to 47.5% in "
        "2026, and the market share in Europe will fall slightly from 21.2% to 19.8%. North American demand will "
        "fall from 24.0% to 22.5%.\n"
    )
    shares = {(f.scope, f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {
        ("region", "Asia Pacific", 2020, 44.5),
        ("region", "Asia Pacific", 2026, 47.5),
        ("region", "Europe", 2020, 21.2),
        ("region", "Europe", 2026, 19.8),
        ("region", "North America", 2020, 24.0),
        ("region", "North America", 2026, 22.5),
    }
    # "from 21.2% to 19.8%" is a move between two shares, never one range 19.8-21.2
    assert all(f.pct_high is None for f in _figures(text, metric="share"))


def test_a_share_of_revenues_going_to_a_member_is_that_members():
    text = (
        "Kelp Radio Services Market\n\nThe kelp radio services market was worth $20 billion in 2024. The share of "
        "total kelp radio revenues going to two-way radio services is expected to rise from 58 percent in 2024 to "
        "63 percent in 2030, while paging in the same period is projected to dip from 30 percent to 25 percent.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert shares == {
        ("two-way radio services", 2024, 58.0),
        ("two-way radio services", 2030, 63.0),
        ("paging", 2024, 30.0),
        ("paging", 2030, 25.0),
    }


def test_a_cagr_for_a_long_named_subject_is_read_however_far_the_rate_stands():
    text = (
        "Kelp Device Market\n\nThe global kelp device market was valued at approximately $59 billion in 2022\n"
        "The compound annual growth rate (CAGR) for the kelp device industry is expected to be around 6.4% from 2023 "
        "to 2030\n"
    )
    rates = {(f.scope, f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert rates == {("market", 6.4, 2023, 2030)}


def test_the_european_union_is_a_region_of_its_own_in_a_respectively_list():
    text = (
        "Kelp Chemicals Market\n\nThe global kelp chemicals market was valued at around USD 470 billion in 2019. "
        "China accounts for a major share (37%) followed by the European Union and the US with a market share "
        "percentage of 17% and 14% respectively.\n"
    )
    shares = {(f.member, f.pct) for f in _figures(text, metric="share")}
    assert shares == {("China", 37.0), ("European Union", 17.0), ("U.S.", 14.0)}


def test_rates_in_brackets_after_a_cagr_are_the_next_members_rates():
    text = (
        "Kelp Composites Market\n\nThe global kelp composites market was worth $4 billion in 2022. Over the coming "
        "years, Asia should keep on leading the race with a compound annual growth rate (CAGR) of 4% followed by "
        "North America (3% to 4%) and Europe (1% to 2%).\n"
    )
    rates = {(f.member, f.pct, f.pct_high) for f in _figures(text, metric="cagr")}
    assert rates == {("Asia", 4.0, None), ("North America", 3.0, 4.0), ("Europe", 1.0, 2.0)}
    assert _figures(text, metric="share") == []


def test_a_market_of_an_amount_restating_the_sentence_before_takes_its_year():
    text = (
        "Kelp Composites Market\n\nAccording to the Kelp Observer 2022-2027, at the end of 2022, the kelp composites "
        "market is estimated at 1.2 Mt worldwide. It represents in value a market of $4.1 billion.\n"
    )
    assert {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")} == {("market", 2022, 4100.0)}


def test_a_markets_consumption_growing_to_an_amount_is_the_market():
    text = (
        "Kelp Apparel Market\n\nThe global kelp apparel consumption in 2017 is estimated to be USD 1.8 trillion. "
        "The kelp apparel consumption is forecast to grow at a CAGR of 4% and reach USD 2.6 trillion by 2025.\n"
    )
    values = {(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {("market", 2017, 1800000.0), ("market", 2025, 2600000.0)}
    assert [(f.scope, f.pct) for f in _figures(text, metric="cagr")] == [("market", 4.0)]


def test_a_ranking_goes_on_after_the_leaders_year_and_into_square_brackets():
    text = (
        "Kelp Widget Market\n\nThe global kelp widget market was valued at USD 12.0 billion in 2024. Hardware led "
        "with USD 5.2 billion in 2024, followed by software (USD 3.1 billion) and services [USD 2.5 billion].\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 12000.0),
        ("segment", "Hardware", 5200.0),
        ("segment", "software", 3100.0),
        ("segment", "services", 2500.0),
    }


def test_a_leader_of_the_way_and_its_followers_in_the_next_sentence_are_segments():
    text = (
        "U.S. Kelp Toy Industry\n\nThe U.S. kelp toy market grew to $18.11 billion in 2014.\n"
        "Outdoor kelp toys lead the way in the US market with over $3.6 billion in total sales. This is followed by "
        "infant kelp toys [$2.8 billion] and kelp dolls [$2.3 billion].\n"
        "The smallest component of the kelp toy industry are stuffed animals, which saw $940 million in total sales "
        "in 2014.\n"
    )
    values = {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 18110.0),
        ("segment", "Outdoor kelp toys", 3600.0),
        ("segment", "infant kelp toys", 2800.0),
        ("segment", "kelp dolls", 2300.0),
        ("segment", "stuffed animals", 940.0),
    }


def test_an_amount_the_subject_reached_after_its_share_aside_is_the_subjects():
    text = (
        "Kelp Food Market\n\nThe global kelp food market reached $24.8 billion in 2024. Kelp snacks, which "
        "represent 38 percent of the market, reached nearly $9.4 billion in 2024.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 24800.0),
        ("segment", "Kelp snacks", 9400.0),
    }


def test_a_market_the_page_has_called_one_of_its_segments_is_that_segment():
    text = (
        "Kelp Travel Market\n\nThe global kelp travel market is expected to generate $927 billion in revenue in "
        "2024.\nLeading Segments: Hotels, Cruises, and Camping\nThe fastest-growing segments are camping and cruises. "
        "The cruise industry is projected to grow at a CAGR of 5%, with revenues hitting $35 billion in 2027, up "
        "from $30 billion in 2024.\n"
    )
    values = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert values == {
        ("market", None, 2024, 927000.0),
        ("segment", "Cruises", 2027, 35000.0),
        ("segment", "Cruises", 2024, 30000.0),
    }
    # without the page calling it a segment, the cruise industry is another market
    other = text.replace(
        "Leading Segments: Hotels, Cruises, and Camping\nThe fastest-growing segments are camping and cruises. ", ""
    )
    assert {f.scope for f in _figures(other, metric="value")} == {"market"}
    assert len(_figures(other, metric="value")) == 1


def test_a_share_restating_a_members_amount_is_that_members():
    text = (
        "Kelp Travel Market\n\nThe global kelp travel market will reach $1.1 trillion in 2027. Kelp package holidays "
        "are also significant, expected to contribute $331 billion, or 30% of the total revenue.\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("segment", "Kelp package holidays", 30.0)
    }


def test_assets_under_management_are_no_market_size():
    text = (
        "Kelp Insurance Market\n\nGlobal kelp insurance premiums reached $7.5 trillion in 2023. The kelp insurance "
        "industry's total assets under management (AUM) grew to $35 trillion in 2023.\n"
    )
    assert {f.value_millions for f in _figures(text, metric="value")} == {7500000.0}


def test_premiums_written_globally_are_the_members_own_name_words_aside():
    text = (
        "Kelp Insurance Market\n\nGlobal kelp insurance premiums reached $7.5 trillion in 2023. Life kelp insurance "
        "premiums globally reached $2.8 trillion in 2023.\n"
    )
    assert {(f.scope, f.member) for f in _figures(text, metric="value")} == {
        ("market", None),
        ("segment", "Life kelp insurance"),
    }


def test_a_rate_of_devices_counted_is_no_market_cagr():
    text = (
        "Kelp IoT Market\n\nThe kelp IoT market was worth $250 billion in 2019. At the end of 2019 there were 7.6 "
        "billion active kelp IoT devices, a figure which will grow to 24.1 billion in 2030, a compound annual growth "
        "rate (CAGR) of 11%.\n"
    )
    assert _figures(text, metric="cagr") == []


def test_a_growth_rate_that_has_varied_between_two_rates_is_no_cagr():
    text = (
        "Kelp Device Market\n\nThe European kelp device market is estimated at EUR 150 billion in 2021. The market "
        "regained its momentum in 2010, and since then the annual growth rate has varied between 2.4% and 9.3%.\n"
    )
    assert _figures(text, metric="cagr") == []


def test_a_part_of_the_market_leading_the_charge_has_its_own_rate():
    text = (
        "Kelp Travel Market\n\nThe global kelp travel market will reach $1.1 trillion in 2026.\n"
        "  • Online bookings soaring: Online kelp travel is leading the charge, with a projected compound annual "
        "growth rate (CAGR) of 9.8% from 2023-2026\n"
    )
    assert {(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")} == {
        ("segment", "Online kelp travel", 9.8)
    }


def test_an_amount_after_a_year_compared_with_takes_the_sentences_opening_year():
    text = (
        "Kelp Storage Market\n\nBy 2020, kelp storage capacity is expected to reach 1.7 gigawatts, an eightfold "
        "increase from 2015, and will have a $2.5 billion market value.\n"
    )
    assert [(f.year, f.value_millions) for f in _figures(text, metric="value")] == [(2020, 2500.0)]


def test_what_consumers_spent_in_the_market_is_its_size_but_an_agencys_spending_is_not():
    text = (
        "Kelp Nutrition Market\n\nConsumers spent nearly $4.7 billion in 1999 in the kelp nutrition market. The "
        "agency spent $2 billion in 1999 on kelp nutrition.\n"
    )
    assert [(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")] == [("market", 1999, 4700.0)]


def test_a_percent_market_share_never_names_the_market():
    text = (
        "What's kelp beer worth? Try $27.6 Billion.\n\nRetail dollar value was estimated at $27.6 billion, "
        "representing 24.1 percent market share and 7 percent growth over 2017.\n"
    )
    assert extract_report(text).metadata.market != "Percent"


def test_the_market_for_a_part_expected_to_rise_is_that_segment():
    text = (
        "Kelp Cold Chain Logistics Market\n\nThe global kelp cold chain logistics market was worth $300 billion in "
        "2023. The pharmaceutical industry is a significant contributor to growth, with the market for pharmaceutical "
        "kelp cold chain logistics expected to rise from $5.3 billion in 2023 to $9.6 billion by 2035.\n"
    )
    assert {(f.scope, f.member, f.year) for f in _figures(text, metric="value")} == {
        ("market", None, 2023),
        ("segment", "pharmaceutical kelp cold chain logistics", 2023),
        ("segment", "pharmaceutical kelp cold chain logistics", 2035),
    }


def test_the_top_companies_share_is_no_segments():
    text = (
        "Kelp Nutrition Market\n\nConsumers spent $4.7 billion in 1999 in the kelp nutrition market. The top 22 "
        "companies represented 90 percent of kelp nutrition sales.\n"
    )
    assert not [f for f in _figures(text, metric="share") if f.scope == "segment"]


def test_trade_and_its_growth_rate_are_no_market_figures():
    text = (
        "Kelp Apparel Market\n\nThe global kelp apparel consumption in 2017 is estimated to be USD 1.8 trillion. "
        "Global kelp textile and apparel trade in 2017 was USD 750 bn, which has been increased overall at a CAGR of "
        "2% (2007-2017). The kelp apparel consumption is forecast to grow at a CAGR of 4% and reach USD 2.6 trillion "
        "by 2025.\n"
    )
    assert {(f.year, f.value_millions) for f in _figures(text, metric="value")} == {
        (2017, 1800000.0),
        (2025, 2600000.0),
    }
    # with the trade figure set aside, the 4% compounds the two stated values: 2017-2025
    assert [(f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")] == [
        (4.0, 2017, 2025)
    ]
    # a trade association is no trade
    association = "Kelp Food Market\n\nThe Kelp Trade Association said kelp food sales reached $5 billion in 2020.\n"
    assert [f.value_millions for f in _figures(association, metric="value")] == [5000.0]


def test_a_page_opening_with_an_industrys_revenues_in_a_place_is_about_that_market():
    text = (
        "Revenues from the kelp pesticide industry in Brazil, including biological products, fell 10.4% in 2020 "
        "to $12.1 billion, according to a survey.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Brazil Kelp Pesticide"
    assert [(f.scope, f.year, f.value_millions) for f in report.figures] == [("market", 2020, 12100.0)]


def test_a_members_rate_with_no_period_takes_the_one_period_of_the_markets_rate():
    text = (
        "Global Kelp IoT Market Statistics\n\nGlobal kelp IoT spending is forecast to grow at a CAGR of 10.4% over the "
        "2023-2027 period. Software, however, will show the fastest growth rate, with an 11.0% CAGR.\n"
        "- The global kelp IoT market was worth USD 90 billion in 2022.\n"
        "- Asia-Pacific region grew fastest at 6.5% CAGR, reaching USD 11.2 billion in 2022.\n"
    )
    rates = {
        (f.scope, f.member, f.period_start_year, f.period_end_year, f.period_source)
        for f in _figures(text, metric="cagr")
    }
    assert ("segment", "Software", 2023, 2027, "forecast period") in rates
    # a rate whose sentence names a year outside that period is over other years: no period
    assert ("region", "Asia Pacific", None, None, "none") in rates


def test_it_refers_back_to_the_member_the_sentence_before_is_about():
    text = (
        "Kelp 3D Printing Market\n\nThe kelp 3D printing market was worth $2.2 billion in 2012. In 2012, final part "
        "production hit 28.3 percent of the $2.2 billion spent on kelp 3D printing worldwide. In 2003, it "
        "represented just 3.9 percent of total spending.\n\nWithin kelp skincare, facial care dominates. It holds "
        "nearly 53% of the market share.\n"
    )
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {
        ("final part production", 2012, 28.3),
        ("final part production", 2003, 3.9),
        ("facial care", None, 53.0),
    }
    # the amount a share is "of" is the whole, not the member's
    assert {(f.scope, f.value_millions) for f in _figures(text, metric="value")} == {("market", 2200.0)}


def test_a_whole_made_up_of_parts_gives_each_part_its_share():
    text = (
        "Kelp Chemicals Market\n\nThe global kelp chemicals market was worth $4 trillion.\n\nThe global kelp "
        "chemical industry is made up of 80% commodity chemicals and 20% specialty chemicals.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("commodity chemicals", 80.0),
        ("specialty chemicals", 20.0),
    }


def test_a_source_saying_that_in_a_year_a_member_held_a_share_names_the_member_alone():
    text = (
        "Kelp Security Market\n\nThe kelp security market was worth $37 billion in 2018. Analyst data shows that in "
        "2018 traditional hardware and software deployment accounted for 82 percent of the kelp security market.\n"
    )
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {
        ("traditional hardware and software deployment", 2018, 82.0)
    }


def test_a_share_of_connections_is_no_share_of_the_markets_value_but_of_devices_revenue_is():
    text = (
        "Kelp IoT Market\n\nThe kelp IoT market will be worth $1.5 trillion in 2030. The consumer sector will "
        "dominate in terms of connected devices, accounting for 65% of all connections in 2030. Hardware accounted "
        "for 46.8% of global kelp devices revenue in 2030.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {("Hardware", 46.8)}


def test_a_share_compared_with_earlier_ones_after_a_long_aside_keeps_its_member():
    text = (
        "Kelp Retail Market\n\nTotal kelp retail sales reached USD 1.22 trillion in 2016. Ecommerce accounted for "
        "approximately 7.5% of total kelp retail sales excluding foodservice – mainly restaurant and bar sales – down "
        "from 7.7% in Q1 2016 but up from 6.6% in Q2 2015.\n"
    )
    shares = {(f.member, f.year, f.pct) for f in _figures(text, metric="share")}
    assert {("Ecommerce", 2016, 7.7), ("Ecommerce", 2015, 6.6)} <= shares


def test_a_segments_name_leaves_out_the_opening_year_and_its_kind_word():
    text = (
        "Kelp Travel Market\n\nThe kelp travel market was worth $900 billion in 2015. In the year 2015, adventure and "
        "safari segment led the overall kelp travel market revenue and is expected to grow at a CAGR of 5.8% during "
        "2016-2022. The millennials age group segment is expected to grow at a CAGR of 8.1% during 2016-2022.\n"
    )
    assert {f.member for f in _figures(text, metric="cagr")} == {"adventure and safari", "millennials"}


def test_percentages_listed_after_growth_are_no_shares():
    text = (
        "Kelp Fintech Market\n\nThe kelp fintech market was worth $300 billion in 2020. Other verticals that showed "
        "growth included digital custody (36%), digital asset exchange (33%) and digital savings (26%).\n"
    )
    assert _figures(text, metric="share") == []


def test_a_member_dominating_by_a_percentage_holds_that_share():
    text = (
        "Kelp Crop Protection Market\n\nThe global kelp crop protection market size for 2020 was estimated at USD "
        "62.04 billion. Herbicides continue to dominate the business by a whopping 44% at USD 27.4 billion.\n"
    )
    assert {(f.member, f.year, f.pct) for f in _figures(text, metric="share")} == {("Herbicides", 2020, 44.0)}


def test_shares_taken_between_them_go_to_the_members_just_valued_in_order():
    text = (
        "Kelp Crop Protection Market\n\nThe global kelp crop protection market size for 2020 was estimated at USD "
        "62.04 billion. Herbicides lead at USD 27.4 billion followed by fungicides (USD 16.8 billion) and "
        "insecticides (USD 15.6 billion) taking 27% and 25% market share between them.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("fungicides", 27.0),
        ("insecticides", 25.0),
    }


def test_an_untitled_page_opening_by_sizing_a_sector_in_a_place_is_about_that_market():
    text = (
        "India has the world's largest population of young people, a great opportunity for the kelp education sector. "
        "The kelp education sector in India was estimated to be worth US$ 117 billion in FY20 and is expected to "
        "reach US$ 225 billion by FY25.\nThe Indian kelp edtech market size is expected to reach US$ 30 billion by "
        "2031.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "India Kelp Education"
    assert {(f.scope, f.year, f.value_millions) for f in report.figures if f.scope == "market"} == {
        ("market", 2020, 117000.0),
        ("market", 2025, 225000.0),
    }


def test_a_year_glued_to_a_reports_name_is_no_figures_year():
    text = (
        "UK Kelp Coffee Shop Market\n\nAccording to the latest report, Project Café2016 UK, the branded kelp coffee "
        "chain segment recorded £3.3billion turnover across 6,495 outlets.\n"
    )
    assert [(f.member, f.year) for f in _figures(text, metric="value")] == [("branded kelp coffee chain", None)]
    # a year glued to "in" by a missing space is still one
    glued = text.replace("recorded £3.3billion turnover", "recorded £3.3billion turnover in2016")
    assert [f.year for f in _figures(glued, metric="value")] == [2016]


def test_a_part_within_that_figure_is_a_segment_of_that_figures_year():
    text = (
        "UK Kelp Pet Food Market\n\nThe association described the UK kelp pet food market as challenging. But sales in "
        "2012, including bird food, were worth £2.5bn. Within that figure dog food is worth £1.1bn a year.\n"
    )
    assert {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 2012, 2500.0),
        ("segment", "dog food", 2012, 1100.0),
    }


def test_amounts_without_a_currency_take_the_currency_a_caption_states():
    text = (
        "Kelp is the biggest sea crop\n\nThe size, in billions of euros, of the biggest kelp markets in 2017\n\n"
        "According to the most recent data from 2017, Europe is the biggest kelp market, ahead of the United States "
        "(6.7 billion) and China (4.3 billion).\n"
    )
    assert {(f.member, f.currency, f.value_millions) for f in _figures(text, metric="value")} == {
        ("U.S.", "EUR", 6700.0),
        ("China", "EUR", 4300.0),
    }


def test_an_amount_without_a_currency_continues_its_sentences_currency_but_not_a_count():
    text = (
        "Kelp Market\n\nThe global kelp market reached 33 billion euros in 2022 with more than 25 billion deriving "
        "from the food kelp segment alone. Kelp apps served 3 billion users in 2024 and earned $4 billion, a "
        "figure expected to rise to 4.45 billion by 2029.\n"
    )
    values = {(f.scope, f.member, f.currency, f.value_millions) for f in _figures(text, metric="value")}
    assert {("market", None, "EUR", 33000.0), ("segment", "food kelp", "EUR", 25000.0)} <= values
    assert not any(value == 4450.0 for *_, value in values)  # the 4.45 billion counts users


def test_a_member_leading_a_regions_market_and_its_followers_are_that_regions_parts():
    text = (
        "Kelp Market\n\nThe global kelp market was worth USD 40 billion in 2023. Regarding the most relevant "
        "categories, food kelp leads the European market with more than USD 20.5 billion, followed by feed kelp "
        "(USD 19.8 billion), fertiliser kelp (USD 11.9 billion) and biofuel kelp (USD 11.1 billion).\n"
    )
    assert {(f.member, f.within_region, f.value_millions) for f in _figures(text, metric="value", scope="segment")} == {
        ("food kelp", "Europe", 20500.0),
        ("feed kelp", "Europe", 19800.0),
        ("fertiliser kelp", "Europe", 11900.0),
        ("biofuel kelp", "Europe", 11100.0),
    }


def test_the_markets_product_under_a_word_for_what_it_sells_is_the_market():
    text = (
        "Kelp Market\n\nAccording to sources, in 2021, the global kelp beverage market is estimated to be worth about "
        "44.3 billion U.S. dollars.\n"
    )
    assert [(f.scope, f.year, f.value_millions) for f in _figures(text, metric="value")] == [("market", 2021, 44300.0)]


def test_the_global_segment_named_like_the_market_is_the_market():
    text = (
        "The Worldwide Kelp Market: Trends and Projections\n\nIn 2023, the global kelp segment generated an estimated "
        "revenue of US$495.50 billion, with the United States leading the way with a total of US$95.58 billion.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 495500.0),
        ("country", "U.S.", 95580.0),
    }


def test_prose_wrapped_before_an_amount_stays_one_sentence():
    text = (
        "Kelp Market\n\nThe global kelp market was worth USD 44.3 billion in 2021.\nNorth America witnessed the second "
        "highest growth rate owing to rising demand.\nThe Canada "
        "kelp market was valued at $606 million in 2016, and is expected to reach\n$838 million by 2023, registering "
        "a CAGR of 4.7% during the forecast period.\n"
    )
    figures = {(f.metric, f.scope, f.member, f.year, f.value_millions or f.pct) for f in _figures(text)}
    assert figures == {
        ("value", "market", None, 2021, 44300.0),
        ("value", "country", "Canada", 2016, 606.0),
        ("value", "country", "Canada", 2023, 838.0),
        ("cagr", "country", "Canada", None, 4.7),
    }


def test_a_title_broken_over_two_lines_gives_the_forecast_period_its_cagr_heading_states():
    text = (
        "Global Kelp Market Is Projected To Grow At A\n\nModerate CAGR During The Period 2016-2022\n\n"
        "Asia-Pacific dominates the rest, registering the highest CAGR of around 6.0% in the global kelp market.\n"
    )
    report = extract_report(text)
    assert (report.forecast_start_year, report.forecast_end_year) == (2016, 2022)
    (cagr,) = [f for f in report.figures if f.metric == "cagr"]
    assert (cagr.member, cagr.pct, cagr.period_start_year, cagr.period_end_year) == ("Asia Pacific", 6.0, 2016, 2022)


def test_a_short_lower_case_heading_names_the_market():
    text = (
        "State of Sea Crops 2023\nThe Kelp/Algae market in 2023\nThe Kelp/Algae market is projected to generate "
        "revenue of approximately $32.1 billion in 2023.\nKelp Farms Market in 2023\nKelp farms shipped more.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp/Algae"
    assert [(f.scope, f.value_millions) for f in report.figures] == [("market", 32100.0)]


def test_a_member_the_opening_names_and_its_acronym_are_one_segment_of_a_joined_market():
    text = (
        "The BK/GA market in 2023\nThe combined BK and GA market is projected to generate revenue of approximately "
        "$32.1 billion in 2023. In the specific segment of brown kelp (BK), the market size was valued at $38.56 "
        "billion in 2022. Another projection estimates the BK market size to increase from $29.84 billion in 2023 to "
        "$174.47 billion by 2028. Furthermore, it's expected to expand from $62.75 billion in 2023 to $1,109.71 "
        "billion by 2030. Regarding green algae (GA), the market size was estimated at $59.96 billion in 2022.\n"
    )
    figures = {(f.scope, f.member, f.year, f.value_millions) for f in _figures(text, metric="value")}
    assert figures == {
        ("market", None, 2023, 32100.0),
        ("segment", "brown kelp (BK)", 2022, 38560.0),
        ("segment", "brown kelp (BK)", 2023, 29840.0),
        ("segment", "brown kelp (BK)", 2028, 174470.0),
        ("segment", "brown kelp (BK)", 2023, 62750.0),
        ("segment", "brown kelp (BK)", 2030, 1109710.0),
        ("segment", "green algae (GA)", 2022, 59960.0),
    }


def test_kroner_francs_and_nordic_codes_are_currencies():
    amounts = find_money(
        "Exports were worth 94.5 billion Norwegian kroner in 2017, of which 61 billion kroner went to the EU; sales "
        "reached SEK 12 billion and 3.1 billion Swiss francs."
    )
    assert [(amount.currency, amount.low_millions) for amount in amounts] == [
        ("NOK", 94500),
        ("NOK", 61000),
        ("SEK", 12000),
        ("CHF", 3100),
    ]


def test_an_amount_in_growth_is_an_increase_not_a_market_size():
    text = (
        "Kelp Market\n\nThe largest growth market in 2017 was the United States, with a full USD 1 billion in growth, "
        "for a total kelp value of USD 5.7 billion.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [5700.0]


def test_africas_sub_regions_are_regions_of_their_own():
    text = (
        "Kelp Market\n\nThe global kelp market reached USD 1.2 trillion in 2022. East Africa is the most dynamic "
        "sub-region, ahead of West Africa (a kelp value of USD 277 billion) and Central Africa (USD 57.6 billion "
        "in kelp value).\n"
    )
    regional = {(f.member, f.value_millions) for f in _figures(text, metric="value", scope="region")}
    assert regional == {("West Africa", 277000.0), ("Central Africa", 57600.0)}


def test_two_members_each_with_its_amount_called_the_largest_are_segments():
    text = (
        "Kelp Market\n\nThe global kelp market was worth $500 billion in 2022. Brown kelp ($176 billion in 2022 "
        "sales) and red kelp ($130 billion) were the largest kelp categories by sales.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} == {
        ("market", None, 500000.0),
        ("segment", "Brown kelp", 176000.0),
        ("segment", "red kelp", 130000.0),
    }


def test_shares_contributed_to_the_whole_are_shares_but_not_to_a_countrys_gdp():
    text = (
        "Kelp Market\n\nThe Asia-Pacific region contributed a massive 64% to worldwide consumer spending on kelp in "
        "2023. In stark contrast, North America and Europe trail behind, contributing 18% and 12% respectively to "
        "the total revenue. India is the 3rd largest kelp grower in Asia, contributing 7% to the nation's GDP.\n"
    )
    assert {(f.member, f.pct) for f in _figures(text, metric="share")} == {
        ("Asia Pacific", 64.0),
        ("North America", 18.0),
        ("Europe", 12.0),
    }


def test_what_a_place_spends_a_year_on_the_market_and_on_its_parts():
    text = (
        "Exploring the UK Kelp Industry: 15 Statistics and Trends to Know\n\nThe UK spends a staggering £8 billion a "
        "year on kelp, with kelp snacks totaling nearly £5 billion annually. Additionally, kelp owners spend £1.2 "
        "billion a year on kelp fertiliser to keep their farms growing.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "UK Kelp"
    assert {(f.scope, f.member, f.value_millions) for f in report.figures} == {
        ("market", None, 8000.0),
        ("segment", "kelp snacks", 5000.0),
        ("segment", "kelp fertiliser", 1200.0),
    }


def test_the_forecast_period_a_rates_sentence_names_is_its_period():
    text = (
        "Kelp Market\n\nThe global kelp market is accounted as USD 293.56 billion in 2017 and expected to grow at a "
        "CAGR of 5.95% to reach 405.23 billion by 2024 during the forecast period 2018-2024.\n"
    )
    assert _cagr(text)[:3] == (5.95, 2018, 2024)


def test_a_title_naming_a_regions_market_by_its_adjective_keeps_the_region():
    text = (
        "North American Kelp Market to Reach $49.5 Billion by 2023\n\nIn 2012 the North American kelp market reached "
        "$1.63 billion. The statistics show that the North American kelp market is expected to grow at a CAGR of "
        "17.3 percent by 2023. The kelp market keeps growing.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "North American Kelp"
    assert {(f.metric, f.scope) for f in report.figures} == {("value", "market"), ("cagr", "market")}


def test_parts_sized_by_an_amount_in_their_own_description_are_segments():
    text = (
        "Kelp Snacks Market\n\nGlobal kelp snacks sales reached $36.8 billion in 2007. Meanwhile, kelp chips, which at "
        "$13.2 billion is the largest kelp snacks sector, showed the weakest performance in 2007. Within the $10.1 "
        "billion kelp bars sector, honey bars have been the champion of growth. Kelp crackers made up 35% of the $5.8 "
        "billion savoury kelp category.\n"
    )
    assert {(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")} >= {
        ("market", None, 36800.0),
        ("segment", "kelp chips", 13200.0),
        ("segment", "kelp bars", 10100.0),
    }
    assert not [f for f in _figures(text, metric="value") if f.member == "savoury kelp"]


def test_a_part_said_to_be_in_the_pages_market_is_a_segment_not_another_market():
    text = (
        "Kelp Snacks Market\n\nGlobal kelp snacks sales reached $36.8 billion in 2007. Kelp chips, worth $10.1 "
        "billion, were the engine of dynamism in the global kelp snacks market.\n"
    )
    assert [(f.scope, f.member) for f in _figures(text, metric="value", value_millions=10100.0)] == [
        ("segment", "Kelp chips")
    ]


def test_a_percent_contribution_from_a_part_is_that_parts_share():
    text = (
        "Kelp Market\n\nAccording to estimates, the kelp business recorded total revenue of USD 45 billion in 2010 "
        "with 51% contribution from new kelp sales and 35 and 9 percent contribution from maintenance and "
        "modernization.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("new kelp", 51.0)]
    assert [(f.scope, f.value_millions) for f in _figures(text, metric="value")] == [("market", 45000.0)]


def test_a_percentage_in_brackets_after_a_members_amount_is_its_share():
    text = (
        "Billion Dollar Kelp Market\n\nIn 2005, tourists spent an estimated 682 billion dollars on kelp. Europe "
        "generated a total of 347 billion dollars (51 per cent) last year; Asia generated 139 billion (20 per cent); "
        "the Near East 29 billion (4 per cent).\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Kelp"
    assert {(f.metric, f.member, f.value_millions or f.pct) for f in report.figures} == {
        ("value", None, 682000.0),
        ("value", "Europe", 347000.0),
        ("share", "Europe", 51.0),
        ("value", "Asia", 139000.0),
        ("share", "Asia", 20.0),
        ("value", "Near East", 29000.0),
        ("share", "Near East", 4.0),
    }


def test_a_rates_own_years_before_it_beat_the_years_of_the_next_clause():
    text = (
        "Kelp Market\n\nThrough 2014-17 the CAGR (compound annual rate of growth) increased by 11.7%, while between "
        "2017-18 it went up 7%.\n"
    )
    assert _cagr(text)[:3] == (11.7, 2014, 2017)


def test_a_second_member_whose_share_verb_is_left_out_keeps_its_share():
    text = (
        "Kelp Market\n\nThe kelp market was worth USD 14.8 billion in 2014. With regards to craft composition, brown "
        "kelp accounted for 88.8% of the total and red kelp 11.2%.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("brown kelp", 88.8), ("red kelp", 11.2)]


def test_figures_of_a_clause_ending_with_for_a_place_are_that_places():
    text = (
        "Kelp Market\n\nRevenue for Canada's kelp segment is projected at $2.408 billion, with 1.9% CAGR, and at "
        "$1.705 billion and 6.1% CAGR (2019-2023) for Mexico.\n"
    )
    assert {(f.metric, f.member, f.value_millions or f.pct) for f in _figures(text)} == {
        ("value", "Canada", 2408.0),
        ("cagr", "Canada", 1.9),
        ("value", "Mexico", 1705.0),
        ("cagr", "Mexico", 6.1),
    }


def test_a_segment_named_before_the_markets_name_leaves_the_name_out_but_not_a_kind_of_the_market():
    text = (
        "Kelp Farm Market\n\nThe cloud service providers kelp farm segment will have the highest compound annual "
        "growth rate of 17.7% from 2022 to 2030. The Still kelp farm segment held 83% of the market in 2016.\n"
    )
    assert {(f.metric, f.member) for f in _figures(text, scope="segment")} == {
        ("cagr", "cloud service providers"),
        ("share", "Still kelp farm"),
    }


def test_the_amount_a_move_ends_at_or_is_compared_with_takes_no_year_from_the_other_amount():
    text = (
        "Kelp Market\n\nThe kelp market was worth USD 5.1 billion in 2023. Sales of kelp snacks are expected to fall "
        "from 369 million euros in 2023 to approximately 363 million. The kelp salads segment took 8.2 million "
        "euros in 2024, up from 6.7 million.\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value", currency="EUR")] == [
        (369.0, 2023),
        (363.0, None),
        (8.2, 2024),
        (6.7, None),
    ]


def test_a_fiscal_year_or_season_written_over_two_years_is_the_year_it_ends():
    text = (
        "Kelp Market\n\nThe kelp industry recorded revenues of $39.6 billion in FY 2006-07, up from $30.3 billion in "
        "FY 05-06. The kelp market grew by 4% to €16.3 billion in 2009/10.\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value", scope="market")] == [
        (39600.0, 2007),
        (30300.0, 2006),
        (16300.0, 2010),
    ]


def test_lines_of_a_name_and_a_percentage_under_a_breakdown_heading_are_members_shares():
    text = (
        "Kelp Market\n\nThe kelp market is estimated at $88 billion.\n"
        "Breakdown of the $88 Billion Kelp Market by Segment:\n• Brown 38.7%\n• Red 14.4%\n• Green Wood 6.7%\n"
        "Growth by segment:\n• Brown 4.1%\n• Red 2.5%\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [
        ("Brown", 38.7),
        ("Red", 14.4),
        ("Green Wood", 6.7),
    ]


def test_a_share_of_revenue_that_comes_from_a_member_is_that_members():
    text = (
        "Kelp Market\n\nThe global kelp industry revenue totaled USD 654 billion in 2021. Of the total global revenue, "
        "85% comes from brown kelp, with the remaining 15% from red and green kelp.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [
        ("brown kelp", 85.0),
        ("red and green kelp", 15.0),
    ]


def test_places_that_account_for_shares_respectively_take_them_before_a_while_clause():
    text = (
        "Kelp Market\n\nBy region, the Americas and EMEA account for 37% and 36% of global revenue, respectively, "
        "while APAC holds the remaining 26%.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [
        ("Americas", 37.0),
        ("EMEA", 36.0),
        ("Asia Pacific", 26.0),
    ]


def test_a_share_after_a_dip_from_is_the_same_members_share_in_the_year_after_it():
    text = "Kelp Market\n\nThe EMEA region accounted for 26.5% of global kelp sales, a slight dip from 27.7% in 2022.\n"
    assert [(f.member, f.pct, f.year) for f in _figures(text, metric="share")] == [
        ("EMEA", 26.5, None),
        ("EMEA", 27.7, 2022),
    ]


def test_amounts_listed_after_a_per_capita_amount_are_per_capita_too():
    text = (
        "Kelp Market\n\nIn 2019, the largest kelp market was the United States (€44.7 billion), followed by Germany "
        "(€12.1 billion). In 2019, Denmark had the highest per capita consumption (€344) worldwide, followed by "
        "Switzerland (€338), Luxembourg (€265) and Austria (€216).\n"
    )
    assert [(f.member, f.value_millions) for f in _figures(text, metric="value")] == [
        ("U.S.", 44700.0),
        ("Germany", 12100.0),
    ]


def test_a_place_said_to_be_included_is_not_what_the_regions_figure_is_of():
    text = (
        "Kelp Market\n\nAsia Pacific (excluding China) made a gain of 9% to $5.5B. With China included, the region "
        "accounted for 38.9% of global kelp sales.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("Asia Pacific", 38.9)]


def test_bullet_lines_of_members_with_shares_of_an_amount_that_sizes_the_market():
    text = (
        "Kelp Market\n\nThere are around 100 kelp farms in India.\n\n"
        "  • Standalone farms hold a 48% market share of the $10 billion market \n"
        "  • Cooperative farms with a 37% share \n"
        "  • National chains with a meagre 5% share. \n"
    )
    assert [(f.metric, f.member, f.value_millions or f.pct) for f in _figures(text)] == [
        ("share", "Standalone farms", 48.0),
        ("value", None, 10000.0),
        ("share", "Cooperative farms", 37.0),
        ("share", "National chains", 5.0),
    ]


def test_a_member_that_generates_a_percentage_of_industry_income_holds_that_share():
    text = (
        "Kelp Market\n\nThe kelp sector has two divisions:\n\n  1. Brown kelp, which generates roughly 58% of "
        "industry income.\n  2. Red kelp, which generates 42% of industry revenue, is used in cosmetics.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("Brown kelp", 58.0), ("Red kelp", 42.0)]


def test_a_year_that_is_part_of_a_reports_title_dates_no_figure():
    text = (
        "Kelp Market\n\nThe World Kelp Report 2023, a study from Kelp Datatech, finds that the kelp market was worth "
        "nearly $11.5 billion.\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value")] == [(11500.0, None)]


def test_the_sides_of_a_joined_market_valued_in_one_sentence_are_segments_of_the_year_closing_it():
    text = (
        "Kelp Snacks and Drinks Market\n\nA new study finds that the snacks sector was worth nearly $11.5 billion "
        "and the drinks sector just below $9 billion in 2021.\n"
    )
    assert [(f.member, f.value_millions, f.year) for f in _figures(text, metric="value")] == [
        ("snacks", 11500.0, 2021),
        ("drinks", 9000.0, 2021),
    ]


def test_a_figure_in_an_opening_with_clause_is_the_subjects_that_follows():
    text = (
        "Kelp Market\n\nWith €1,293 billion in 2017, China is still the largest kelp producer in the world. "
        "With 15.6%, the EU kelp industry ranks second in total sales.\n"
    )
    assert [(f.metric, f.member, f.value_millions or f.pct) for f in _figures(text)] == [
        ("value", "China", 1293000.0),
        ("share", "European Union", 15.6),
    ]


def test_a_segment_name_leaves_out_a_closing_year_and_the_sales_channel_words_before_it():
    text = (
        "Kelp Market\n\nBase kelp in 2017 represented 58.5% of total kelp sales. Sales through foodservice "
        "represented 22 percent of sales.\n"
    )
    assert [f.member for f in _figures(text, metric="share")] == ["Base kelp", "foodservice"]


def test_an_amount_said_of_each_of_places_named_together_is_each_ones():
    text = (
        "Kelp Market\n\nGermany and the U.K. were tied for second in kelp revenue as each market generated roughly "
        "US$6.2 billion in 2019.\n"
    )
    assert [(f.member, f.value_millions) for f in _figures(text, metric="value")] == [
        ("Germany", 6200.0),
        ("UK", 6200.0),
    ]


def test_a_share_with_no_year_continues_the_one_year_of_the_sentence_just_before_it():
    text = (
        "Kelp Market\n\nBrown kelp held 40% of the kelp market in 2025. Red kelp is projected to hold 27.2% of the "
        "market share.\n"
    )
    assert [(f.member, f.pct, f.year) for f in _figures(text, metric="share")] == [
        ("Brown kelp", 40.0, 2025),
        ("Red kelp", 27.2, 2025),
    ]


def test_an_industrys_economic_impact_wages_and_taxes_are_not_market_figures():
    text = (
        "Kelp Market\n\nThe kelp industry's annual total economic impact in the U.S. grew to $107.5 billion in 2017. "
        "The U.S. kelp industry generates $34.2 billion in wages for workers, and brings in $14.6 billion in "
        "combined state and federal tax revenue each year. Kelp sales reached $26.5 billion in 2017.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [26500.0]


def test_ringgit_and_amounts_in_bil_and_mil_are_read():
    text = (
        "Kelp Tourism Market\n\nIn 2007, the global kelp tourism market stood at US$261.5bil. Malaysia's total "
        "revenue from the industry rebounded to RM511mil (US$168mil) in 2011.\n"
    )
    assert [(f.member, f.value_millions, f.currency, f.year) for f in _figures(text, metric="value")] == [
        (None, 261500.0, "USD", 2007),
        ("Malaysia", 511.0, "MYR", 2011),
        ("Malaysia", 168.0, "USD", 2011),
    ]


def test_amounts_from_parts_that_an_amount_before_them_includes_are_the_parts_values():
    text = (
        "Kelp Market\n\nThe projected value of the kelp industry is about Rs 500,000 crore, which includes Rs 160,000 "
        "crore from kelp noodles, Rs 50,000 crore from kelp chips / crackers and the balance from other products.\n"
    )
    assert [(f.member, f.value_millions) for f in _figures(text, metric="value")] == [
        (None, 5000000.0),
        ("kelp noodles", 1600000.0),
        ("kelp chips / crackers", 500000.0),
    ]


def test_a_share_compared_with_for_another_place_is_that_places():
    text = (
        "Kelp Market\n\nIn 2017 North America accounted for 48.1% of world kelp sales compared with 22.2%\n"
        "for Europe.\n"
    )
    assert [(f.member, f.pct, f.year) for f in _figures(text, metric="share")] == [
        ("North America", 48.1, 2017),
        ("Europe", 22.2, 2017),
    ]


def test_an_amount_with_no_scale_in_a_table_takes_its_columns_scale():
    text = (
        "Kelp Market\n\n| Year | Global TAM (USD Billions) |\n|---|---|\n"
        "| 2024 | est. $691.5 |\n| 2025 | est. $725.4 |\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value")] == [(691500.0, 2024), (725400.0, 2025)]


def test_sales_of_a_part_of_the_market_opening_a_sentence_make_its_rate_the_parts():
    text = (
        "Kelp Market\n\nIn 2019, the global kelp market reached about €1.3 billion. Sales of dried kelp snacks have "
        "continued to grow at their long-term CAGR of 6%.\n"
    )
    assert [(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")] == [
        ("segment", "dried kelp snacks", 6.0)
    ]


def test_a_segment_named_as_the_markets_own_product_is_the_market():
    text = (
        "The Indian kelp snacks sector is expected to exceed $2 billion by 2027.\n"
        "Revenue in the Kelp Snacks segment amounts to US$612.4m in 2021. The market is expected to grow annually "
        "by 6.2% (CAGR 2021-2025).\n"
    )
    values = [(f.scope, f.member, f.value_millions, f.year) for f in _figures(text, metric="value")]
    assert ("market", None, 612.4, 2021) in values
    assert not _figures(text, scope="segment")


def test_market_caps_allocations_and_needed_sums_are_not_market_figures():
    text = (
        "Kelp Payments Market\n\nThe kelp payments market may reach $2 trillion by 2030.\n"
        "Kelpcard and Kelpay have market caps of more than $30B and $40B respectively.\n"
        "The national kelp programme allocates USD 5 billion for 50,000 dryers by 2030.\n"
        "An estimated $23bn needed annually to close the kelp supply gap by 2035.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [2000000.0]


def test_a_share_of_exports_or_traffic_is_not_a_share_of_the_market():
    text = (
        "Kelp Tools Market\n\nThe kelp tools market reached $1.5 billion in 2024.\n"
        "In 2024, kelp knives accounted for around 47 per cent of exports.\n"
        "- Video Kelp: Accounts for 53.72% of global internet traffic.\n"
    )
    assert not _figures(text, metric="share")


def test_a_number_after_cagr_that_follows_a_percentage_is_a_footnote_not_a_rate():
    text = (
        "- Kelp Analytics Segment: The kelp analytics market is forecasted to expand from $29.3 billion in 2024 to "
        "$72.6 billion by 2031, growing at a 13.5% CAGR 8.\n"
    )
    assert [f.pct for f in _figures(text, metric="cagr")] == [13.5]


def test_shares_that_are_from_members_listed_after_the_first_are_each_members():
    text = (
        "Kelp Games Market\n\nTotal revenue from kelp games was $9.3 billion in 2015. From a revenue stream "
        "perspective, 51% of revenue is from mobile kelp games, 24% is from console kelp games and 25% from "
        "tabletop kelp games.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [
        ("mobile kelp games", 51.0),
        ("console kelp games", 24.0),
        ("tabletop kelp games", 25.0),
    ]


def test_a_percentage_something_increased_by_is_not_its_share():
    text = (
        "Kelp Goods Market\n\nThe kelp goods market grew by 5% to an estimated €1.2 trillion in 2017. Sales of kelp "
        "boats continued to dominate the market, increasing by 6% to reach €489 billion in total.\n"
    )
    assert not _figures(text, metric="share")


def test_an_iso_code_written_after_the_scale_names_the_currency_and_a_listed_exports_series_is_skipped():
    text = (
        "Japanese Kelp Market\n\nThe market size of kelp in Japan was 9.99 trillion JPY in fiscal 2017, 9.87 trillion "
        "JPY in fiscal 2018, and 11.79 trillion JPY in fiscal 2019. The export value of kelp was 170 billion JPY in "
        "fiscal 2017, 190 billion JPY in fiscal 2018, 440 billion JPY in fiscal 2019, 510 billion JPY in fiscal 2020, "
        "and 0.56 trillion JPY in fiscal 2021.\n"
    )
    assert [(f.value_millions, f.currency, f.year) for f in _figures(text, metric="value")] == [
        (9990000.0, "JPY", 2017),
        (9870000.0, "JPY", 2018),
        (11790000.0, "JPY", 2019),
    ]


def test_a_part_named_after_with_and_reaching_its_own_amount_is_a_segment():
    text = (
        "India’s Kelp Retail Market to Hit ₹13.7 Lakh Crore by 2030\n\n"
        "India’s kelp retail market to grow to ₹13.7 lakh crore by 2030, with organised kelp retail exceeding ₹5.1 "
        "lakh crore.\n"
    )
    values = [(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")]
    assert values == [("market", None, 13700000.0), ("segment", "organised kelp retail", 5100000.0)]


def test_rates_of_per_head_quantities_and_birth_rates_and_average_wages_are_not_the_markets():
    text = (
        "UK Kelp Market\n\nThe birth rate per thousand people in 2018 was 11.8, down from 12.1 in 2014, and expected "
        "to decline by a compound annual growth rate (CAGR) of 1.2% between 2019 and 2023.\n"
        "Average UK annual wages for 2018 were US$47.6 thousand, a drop from US$54.4 thousand in 2014.\n"
        "The per capita kelp expenditure in the UK was US$26.4 for 2018 and is projected to increase by a 1.8% CAGR "
        "from 2019 to 2023.\n"
        "The kelp market in the UK was valued at US$3.2 billion in 2018, and is expected to grow by a CAGR of 4.3% "
        "between 2019 and 2022.\n"
    )
    assert [f.pct for f in _figures(text, metric="cagr")] == [4.3]
    assert [f.value_millions for f in _figures(text, metric="value")] == [3200.0]


def test_amounts_listed_after_a_first_with_their_verb_left_out_are_each_members():
    text = (
        "UK Kelp-to-go Market\n\nThe UK kelp-to-go market is expected to reach $29.6 billion by 2023. The kelp bar "
        "segment will likely grow to $8.9 billion by 2023, while kelp cafes will grow to $5.2 billion, convenience "
        "stores to $4.7 billion, and supermarkets and hypermarkets to $2.3 billion.\n"
    )
    assert [(f.member, f.value_millions) for f in _figures(text, scope="segment")] == [
        ("kelp bar", 8900.0),
        ("kelp cafes", 5200.0),
        ("convenience stores", 4700.0),
        ("supermarkets and hypermarkets", 2300.0),
    ]


def test_a_verb_before_market_is_no_part_of_the_markets_name():
    text = "UK Kelp Market\n\nThe new forecast values kelp market at £22.9 bn in 2023.\n"
    assert [(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")] == [
        ("market", None, 22900.0)
    ]


def test_a_member_estimated_to_account_for_a_percentage_of_the_market_holds_that_share():
    text = (
        "Europe Kelp Goods Market\n\nThe kelp goods market in Europe is anticipated to rise from US$ 22.6 Bn in 2025 "
        "to US$ 39.1 Bn by 2032.\n"
        "  • In 2025, the kelp shoes are estimated to account for 36.5% of the kelp goods market in Europe.\n"
    )
    assert [(f.member, f.pct, f.year) for f in _figures(text, metric="share")] == [("kelp shoes", 36.5, 2025)]


def test_a_cagr_followed_by_the_word_growth_is_still_a_cagr():
    text = (
        "Kelp Paint Market\n\nThe kelp paint market has been growing at a CAGR of 11% growth in the last five "
        "years. The total kelp paint market is valued at about Rs. 6,100 crore in 2021.\n"
    )
    assert [f.pct for f in _figures(text, metric="cagr", scope="market")] == [11.0]


def test_one_days_sales_and_it_also_are_not_market_figures_or_members():
    text = (
        "Kelp Delivery Market\n\nThe kelp delivery market was worth $27.1 billion in 2022. According to a report, "
        "U.S. shoppers spent $10.7 billion on Cyber Monday. It also accounts for more than 60 per cent in total kelp "
        "investment.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [27100.0]
    assert not _figures(text, scope="segment")


def test_a_segment_named_as_the_markets_product_with_market_after_it_is_the_market():
    text = (
        "India Kelp Market Overview\n\nThe Kelp market industry is projected to grow from USD 6.7 Billion in 2023 to "
        "USD 8.6 Billion by 2032, exhibiting a CAGR of 3.00% during the forecast period (2024 - 2032).\n"
    )
    assert [(f.scope, f.pct) for f in _figures(text, metric="cagr")] == [("market", 3.0)]


def test_a_share_held_by_a_name_then_which_is_that_names():
    text = (
        "Kelp Apparel Market\n\nThe kelp apparel market reached Rs 9.3 lakh crore in FY25. A key driver of this "
        "expansion is the rapid rise of organised kelp retail, which currently contributes 41 per cent of the "
        "market.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("organised kelp retail", 41.0)]


def test_a_cagr_since_a_two_digit_fiscal_year_runs_to_the_year_of_its_sentences_value():
    text = (
        "Kelp Apparel Market\n\nFrom an estimated Rs 9.30 lakh crore in FY25, the kelp apparel sector is expanding "
        "steadily, supported by a long-term growth trajectory of around 7 per cent CAGR since FY18.\n"
    )
    assert _cagr(text)[:3] == (7.0, 2018, 2025)


def test_a_rate_over_the_last_years_counts_back_from_its_sentences_year_never_the_forecast_period():
    text = (
        "Kelp Market\n\nGlobal specialty kelp industry grew at a CAGR of 5.7% over the last 5 years and in 2019, it "
        "was valued at USD 805 billion. The kelp market would reach USD 1.2 trillion by 2025 at a CAGR 6.4% between "
        "2019 and 2025.\nThe kelp sector has grown at a CAGR of 4% over the past five years.\n"
    )
    periods = {f.pct: (f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")}
    assert periods == {5.7: (2014, 2019), 6.4: (2019, 2025), 4.0: (None, None)}


def test_places_in_a_led_by_opening_are_not_what_the_figure_is_of():
    text = (
        "Healthy Kelp Market\n\nThe healthy kelp market is set to reach $1 trillion by 2030.\n"
        "Led by countries such as Australia, India, and South Korea, the Asia-Pacific region is expected to reach a "
        "market size of $145.5 billion by 2030.\n"
    )
    assert [(f.member, f.value_millions) for f in _figures(text, scope="region")] == [("Asia Pacific", 145500.0)]


def test_an_amount_an_economy_has_surpassed_is_its_size_with_no_year():
    text = (
        "Green Kelp Market\n\nThe global green kelp economy has surpassed $5 trillion and is projected to exceed "
        "$7 trillion annually by 2030.\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value")] == [
        (5000000.0, None),
        (7000000.0, 2030),
    ]


def test_a_yen_sign_on_a_page_about_china_is_the_yuan():
    china = "China's kelp goods market is expected to grow to ¥816 bln by 2025, said a report.\n"
    japan = "Japan's kelp goods market is expected to grow to ¥816 bln by 2025, said a report.\n"
    assert [f.currency for f in _figures(china, metric="value")] == ["CNY"]
    assert [f.currency for f in _figures(japan, metric="value")] == ["JPY"]


def test_a_bullet_line_that_opens_with_a_member_then_what_it_targets_holds_its_figures():
    text = (
        "Kelp Internet Economy\n\nThe kelp Internet economy will reach $200 billion by 2025.\n"
        "Projections for 2025   10-year CAGR  2015-2025\n"
        "  • Kelp commerce (online spending on kelp snacks and kelp tea), targeting $88 billion (10-year CAGR 32%)\n"
        "  • Kelp travel (hotels and boats) market targeting $76.6 billion (10-year CAGR 15%)\n"
        "  • Kelp media — games and advertising — targeting $20 billion (10-year CAGR 18 %)\n"
    )
    segments = [(f.member, f.metric, f.value_millions or f.pct) for f in _figures(text, scope="segment")]
    assert segments == [
        ("Kelp commerce", "value", 88000.0),
        ("Kelp commerce", "cagr", 32.0),
        ("Kelp travel", "value", 76600.0),
        ("Kelp travel", "cagr", 15.0),
        ("Kelp media", "value", 20000.0),
        ("Kelp media", "cagr", 18.0),
    ]


def test_a_place_named_in_the_market_keeps_its_own_figures_when_the_world_market_is_stated_first():
    text = (
        "U.S. Kelp Toy Market\n\nThe global kelp toy market, valued at $104.2 billion in 2021, is expected to grow to "
        "$249.6 billion by 2027. The USA's kelp toy market contributes significantly to this, reaching $34.27 billion "
        "in 2021 and projected to grow to $46.18 billion by 2027.\n"
    )
    values = [(f.scope, f.value_millions, f.year) for f in _figures(text, metric="value")]
    assert values == [("market", 34270.0, 2021), ("market", 46180.0, 2027)]


def test_a_rate_in_brackets_after_followed_by_a_place_written_without_its_last_full_stop():
    text = (
        "Kelp Market\n\nCanada is expected to register the highest CAGR of 7.7 percent (2012 to 2017) respectively "
        "in the overall North America kelp information technology market, followed by the U.S (7.2 percent).\n"
    )
    rates = [(f.member, f.pct, f.period_start_year, f.period_end_year) for f in _figures(text, metric="cagr")]
    assert rates == [("Canada", 7.7, 2012, 2017), ("U.S.", 7.2, 2012, 2017)]


def test_a_semicolon_ends_the_words_before_a_places_market():
    text = (
        "Kelp Market\n\nIn 2014, the kelp market in the Asia Pacific region reached 59.79 billion euros, accounting "
        "for 34.7% of the global total for the same period; Western European market size was 37.56 billion euros, "
        "accounting for 21.8%.\n"
    )
    values = [(f.member, f.value_millions) for f in _figures(text, metric="value")]
    assert values == [("Asia Pacific", 59790.0), ("Western Europe", 37560.0)]


def test_lakh_crore_shortened_to_l_crore_is_read():
    (money,) = find_money("Exports up by 8% to ₹1.92L crore")
    assert (money.text, money.currency, money.low_millions) == ("₹1.92L crore", "INR", Decimal("1920000.00"))


def test_a_page_whose_amounts_are_all_another_markets_is_about_that_market():
    place_page = (
        "Marine Information Technology Outlook\n\nMarine information technology market trends, by the Marine "
        "information technology market team.\n"
        "The ocean IT market in North America is forecasted to reach $31.3 billion by 2017, up 7.4 percent per year "
        "from $21.9 billion in 2012, according to a new report.\n"
    )
    report = extract_report(place_page)
    assert report.metadata.market == "North America Ocean IT"
    assert [(f.scope, f.value_millions) for f in report.figures if f.metric == "value"] == [
        ("market", 31300.0),
        ("market", 21900.0),
    ]
    regions_page = (
        "Algae Skin Care Market Segment\n\nAlgae Skin Care Market Segment\n\n"
        "In 2013, the Asia Pacific marine cosmetics market reached 54.55 billion euros, accounting for 32.8% of the "
        "global total. In 2014, the marine cosmetics market in the Asia Pacific region reached 59.79 billion euros, "
        "accounting for 34.7% of the global total.\n"
    )
    report = extract_report(regions_page)
    assert report.metadata.market == "Marine Cosmetics"
    assert [(f.scope, f.member, f.value_millions) for f in report.figures if f.metric == "value"] == [
        ("region", "Asia Pacific", 54550.0),
        ("region", "Asia Pacific", 59790.0),
    ]


def test_the_internal_or_domestic_market_names_no_market():
    text = (
        "Kelp machinery: a year of growth\n\nThe kelp machinery sector's turnover arrived at 55.4 billion euros in "
        "2022. Demand of the internal market grew. The internal market arrived at 31.7 billion euros.\n"
    )
    assert extract_report(text).metadata.market != "Internal"


def test_an_amount_something_grew_to_by_a_percentage_is_that_things():
    text = (
        "Kelp Machinery Market\n\nThe kelp machinery market reached 55.4 billion euros in 2022. Exports, growing by "
        "8.4% to 35.6 billion euros, exceeded the result of 2018. China's GDP grew by 5.5% year-on-year to 59.30 "
        "trillion yuan in 2023.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [55400.0]


def test_of_the_market_then_a_part_opens_the_parts_figures():
    text = (
        "Global Kelp Packaging Market Worth $304 Billion by 2020\n"
        "Of the kelp packaging market, kelp board is estimated to be the fastest growing market with a forecasted "
        "growth rate of 7.4% during the period 2014-2020. Moreover, it also leads the market having a share of 35%.\n"
    )
    parts = [(f.metric, f.member, f.pct) for f in _figures(text, scope="segment")]
    assert parts == [("cagr", "kelp board", 7.4), ("share", "kelp board", 35.0)]


def test_a_rate_of_a_named_things_revenues_is_that_things_not_the_markets():
    text = (
        "Global Filmed Kelp Spending Will Pick Up Through 2016\n\nWorldwide spending for filmed kelp will grow about "
        "3.1% a year to nearly $100B in 2016. Cinema box office revenues will rise 6.3% a year, but kelp videos will "
        "stagger along up 0.5% a year.\n"
    )
    rates = [(f.scope, f.member, f.pct) for f in _figures(text, metric="cagr")]
    assert rates == [("market", None, 3.1), ("segment", "Cinema box office", 6.3), ("segment", "kelp videos", 0.5)]


def test_a_share_of_a_fleet_is_not_a_share_of_the_market():
    text = (
        "Kelp Machinery Market\n\nThe kelp machinery market reached $12 billion in 2023. Kelp loaders totaled 8,500 "
        "units, with Asia-Pacific representing 42% of the global fleet.\n"
    )
    assert not _figures(text, metric="share")


def test_another_things_spending_after_a_colon_is_not_the_markets():
    text = (
        "Kelp Security Market\n\nThe kelp security market was valued at $216.11 billion in 2021. A similar estimate "
        "is given by a statistics site: IT spending will grow by 5.1% this year and reach $4.55 trillion by the end of "
        "2022.\n"
    )
    assert [f.value_millions for f in _figures(text, metric="value")] == [216110.0]


def test_it_refers_to_the_name_the_sentence_before_opens_with_without_its_article():
    text = (
        "Online Kelp Betting Market\n\nIn terms of the most popular type of bet, the kelp line bet is No.1. A kelp "
        "line bet is also called a live bet. In 2019, it had a 31.9% market share.\n"
    )
    assert [(f.member, f.pct) for f in _figures(text, metric="share")] == [("kelp line bet", 31.9)]


def test_an_amount_reached_after_a_rates_year_range_is_for_the_ranges_last_year():
    text = (
        "Kelp Wine Market\n\nThe global kelp wine sector was valued at US$346.8 billion in 2022 and is expected to "
        "register a compound annual growth rate (CAGR) of 8.8% during 2022-27 to reach US$528.2 billion.\n"
    )
    assert [(f.value_millions, f.year) for f in _figures(text, metric="value")] == [(346800.0, 2022), (528200.0, 2027)]


def test_a_part_with_a_share_and_its_amount_in_brackets_and_a_place_inside_the_markets_own_name():
    text = (
        "Regulated European Kelp Gambling Market\n\n"
        "The regulated European kelp gambling market is expected to reach €137 billion in 2024, with online kelp "
        "gambling accounting for 40% (€55 billion) of this total.\n"
    )
    figures = [(f.metric, f.scope, f.member, f.value_millions or f.pct) for f in extract_report(text).figures]
    assert figures == [
        ("value", "market", None, 137000.0),
        ("share", "segment", "online kelp gambling", 40.0),
        ("value", "segment", "online kelp gambling", 55000.0),
    ]


def test_a_title_that_calls_its_market_emerging_names_the_market_without_that_word():
    text = (
        "Vietnam’s Emerging Kelp Industry: Strong Potential for Growing Market\n\n"
        "Vietnam’s kelp market is rather young. With a market value of up to US$ 2.3 billion in 2021, a briefing "
        "analyses the current situation. Acme Kelp, with a market value of $3 billion, leads it.\n"
    )
    report = extract_report(text)
    assert report.metadata.market == "Vietnam Kelp"
    assert [(f.value_millions, f.year) for f in report.figures if f.metric == "value"] == [(2300.0, 2021)]


def test_amounts_in_baht_and_a_studys_year_that_dates_no_figure():
    text = (
        "Thai Kelp Tourism Market\n\nCiting the 2023 Allied Kelp Research, the bank said that the Thai kelp tourism "
        "market was worth 310 billion baht and would reach 760 billion baht in 2027.\n"
    )
    values = [(f.value_millions, f.currency, f.year) for f in _figures(text, metric="value")]
    assert values == [(310000.0, "THB", None), (760000.0, "THB", 2027)]


def test_a_region_broken_down_by_its_countries_is_the_pages_market():
    text = (
        "Europe is a flagship market for kelp care products, with retail sales valued at €9.6 billion in 2023.\n"
        "The biggest European markets for kelp care products are Germany (€1.59 billion) and France (€1.37 "
        "billion).\n"
    )
    values = [(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")]
    assert values == [("market", None, 9600.0), ("country", "Germany", 1590.0), ("country", "France", 1370.0)]


def test_an_amount_said_to_be_in_a_place_right_after_it_is_that_places():
    text = (
        "Commercial Kelp Drone Market\n\nThe commercial kelp drone market will reach $63.6 billion by 2025. By 2025, "
        "the commercial kelp drone market is expected to reach a value of $13.6 billion in the United States alone.\n"
    )
    values = [(f.scope, f.member, f.value_millions) for f in _figures(text, metric="value")]
    assert values == [("market", None, 63600.0), ("country", "U.S.", 13600.0)]
