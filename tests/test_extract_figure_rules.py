"""General reading rules for figures, each on a small hand-written page."""

import pytest

from pipelines.extract.numbers import (
    SCALES_IN_MILLIONS,
    AmbiguousNumberError,
    find_money,
    find_percentages,
    find_year_ranges,
    parse_number,
)
from pipelines.extract.report import extract_report

TAXONOMY = """Lunar Water Market

By Product
Ice Extraction, Water Processing, Others

By Region
North America: U.S., Canada
Asia-Pacific: Japan, India
"""


def _facts(body: str):
    report = extract_report(TAXONOMY + "\n" + body)
    return [
        (f.metric, f.scope, f.member, f.year, f.period_start_year, f.period_end_year, f.value_millions, f.pct)
        for f in report.figures
    ]


def test_from_a_in_year_to_b_by_year_is_two_values_with_their_own_years():
    assert _facts("The market is set to grow from USD 1.2 billion in 2025 to USD 3.4 billion by 2030.") == [
        ("value", "market", None, 2025, None, None, 1200.0, None),
        ("value", "market", None, 2030, None, None, 3400.0, None),
    ]


def test_cagr_period_is_read_in_its_common_forms():
    facts = _facts(
        "The market will expand at a CAGR of 12.5% from 2025 to 2030. "
        "Japan is expected to register a CAGR of 14.1% during 2025-2030. "
        "India will grow at a 15% CAGR through 2030."
    )
    assert facts == [
        ("cagr", "market", None, None, 2025, 2030, None, 12.5),
        ("cagr", "country", "Japan", None, 2025, 2030, None, 14.1),
        ("cagr", "country", "India", None, 2025, 2030, None, 15.0),
    ]


def test_a_share_takes_its_year_and_the_value_after_it_shares_that_year():
    assert _facts("North America accounted for a 41.5% share in 2024, valued at US$ 0.5 bn.") == [
        ("share", "region", "North America", 2024, None, None, None, 41.5),
        ("value", "region", "North America", 2024, None, None, 500.0, None),
    ]


def test_region_aliases_and_spelling_variants_resolve_to_one_name_for_the_region():
    facts = _facts("Asia Pacific held a share of 30% in 2024. APAC reached USD 2 billion by 2030.")
    assert [fact[2] for fact in facts] == ["Asia Pacific", "Asia Pacific"]


def test_this_segment_refers_back_to_the_segment_named_before():
    facts = _facts("Ice extraction leads the market. This segment earned USD 150.5 million in 2024.")
    assert facts == [("value", "segment", "Ice Extraction", 2024, None, None, 150.5, None)]


def test_a_generic_member_matches_only_as_a_named_segment():
    facts = _facts(
        "The others segment earned USD 10 million in 2024. Others say the market reached USD 90 million in 2024."
    )
    assert [fact[1:3] for fact in facts] == [("segment", "Others"), ("market", None)]


def test_percentages_without_cagr_or_share_wording_are_skipped_with_a_reason():
    report = extract_report(TAXONOMY + "\nAbout 60% of operators plan new missions in 2026.")
    assert report.figures == ()
    assert len(report.skipped) == 1
    assert "no CAGR or share wording" in report.skipped[0].reason


def test_a_decimal_comma_is_refused_not_guessed():
    report = extract_report(TAXONOMY + "\nThe market reached EUR 3,5 million in 2024.")
    assert report.figures == ()
    assert report.skipped[0].reason.endswith('"3,5": decimal comma is ambiguous')


def test_ranges_keep_both_ends():
    report = extract_report(TAXONOMY + "\nThe market was worth $1.99–2.05 billion in 2024.")
    (figure,) = report.figures
    assert (figure.value_millions, figure.value_high_millions, figure.currency) == (1990.0, 2050.0, "USD")


def test_amounts_in_dated_developments_are_not_market_figures():
    report = extract_report(TAXONOMY + "\nIn March 2025, Aqua Lunar Inc. raised USD 45 million in a Series B round.")
    assert report.figures == ()
    assert [(d.month, d.kind, d.amount_usd_m) for d in report.developments] == [("2025-03", "funding", 45.0)]


def test_forecast_period_stated_in_the_text_is_used_for_cagrs_over_the_forecast_period():
    report = extract_report(
        TAXONOMY + "\nThe forecast period (2026–2033) sees the market grow at a CAGR of 9.8% over the forecast period."
    )
    assert (report.forecast_start_year, report.forecast_end_year) == (2026, 2033)
    assert [(f.period_start_year, f.period_end_year) for f in report.figures] == [(2026, 2033)]


def test_numbers_parse_exactly_and_scale_words_are_case_insensitive():
    assert [m.low_millions for m in find_money("USD 2.05 billion, US$ 4.5 Bn, $4.5B, € 900 thousand")] == [
        parse_number("2050"),
        parse_number("4500"),
        parse_number("4500"),
        parse_number("0.9"),
    ]
    assert [(r.first_year, r.last_year) for r in find_year_ranges("2025-32, FY2024-FY2026, 2025 to 2032")] == [
        (2025, 2032),
        (2024, 2026),
        (2025, 2032),
    ]


def test_a_comma_that_is_not_a_thousands_separator_raises():
    try:
        parse_number("1.234,56")
    except AmbiguousNumberError as error:
        assert "decimal comma" in str(error)
    else:
        raise AssertionError("1.234,56 must not be read as a number")


def test_a_garbled_number_after_a_year_is_a_problem_not_a_crash():
    text = "The market is projected to grow at a CAGR of 24.53% from 2025 to 2032.34.09% in 2024."
    garbled = [item for item in find_percentages(text) if item.problem]
    assert [item.text for item in garbled] == ["2032.34.09%"]
    assert "not a number" in garbled[0].problem
    assert [f.pct for f in extract_report("Lunar Water Market\n\n" + text).figures] == [24.53]


def test_world_regions_are_recognised_on_a_page_without_a_scope_list():
    report = extract_report(
        "Satellite Servicing Market\n\nThe global satellite servicing market size was valued at USD 2.58 billion in "
        "2025. North America dominated the market with a market share of 38.5% in 2025."
    )
    assert [(f.metric, f.scope, f.member, f.pct) for f in report.figures if f.metric == "share"] == [
        ("share", "region", "North America", 38.5)
    ]


def test_a_currency_prefix_or_a_pronoun_is_never_read_as_the_united_states():
    report = extract_report(
        "Orbital Debris Removal Market\n\nThe market is calculated at US$ 1.52 billion in 2024. "
        "Write to us: the market reached USD 1.6 billion in 2025. The US held a 40% share in 2025."
    )
    assert [(f.scope, f.member, f.year) for f in report.figures] == [
        ("market", None, 2024),
        ("market", None, 2025),
        ("country", "U.S.", 2025),
    ]


def test_without_a_stated_base_year_it_is_the_year_before_the_forecast_period():
    report = extract_report(
        "Lunar Lander Market\n\nThe Lunar Lander Market size is estimated at USD 2.58 billion in 2025, and is "
        "expected to reach USD 6.20 billion by 2030, at a CAGR of 19.18% during the forecast period (2025-2030)."
    )
    assert (report.metadata.base_year, report.metadata.base_year_inferred) == (2024, True)
    assert (report.forecast_start_year, report.forecast_end_year) == (2025, 2030)
    assert [(f.metric, f.period_start_year, f.period_end_year) for f in report.figures][-1] == ("cagr", 2025, 2030)


def test_a_member_named_inside_the_market_s_own_name_is_the_market():
    report = extract_report(
        "Ground Station Services Market\n\nBy Type: Hardware, Software, Services\n\n"
        "The global ground station services market size was valued at USD 1.4 billion in 2024. "
        "The services segment accounted for USD 0.5 billion in 2024."
    )
    assert [(f.scope, f.member, f.value_millions) for f in report.figures] == [
        ("market", None, 1400.0),
        ("segment", "Services", 500.0),
    ]


def test_a_scope_list_set_in_capitals_still_names_the_places_and_segments_of_the_prose():
    report = extract_report(
        "Cold Chain Drone Market\n\n"
        "Europe held a share of 31.5% in 2024. The hardware segment accounted for USD 400.0 million in 2024. "
        "Peru grew at a CAGR of 9.1% from 2025 to 2032. The US held a 20% share in 2024, and for us it grows.\n\n"
        "BY TYPE: HARDWARE, SOFTWARE, SERVICES\nBY REGION: NORTH AMERICA, EUROPE, ASIA PACIFIC, PERU, US\n"
    )
    assert [(f.scope, f.member, f.metric) for f in report.figures] == [
        ("region", "Europe", "share"),  # a world region has one name, however the list sets it
        ("segment", "HARDWARE", "value"),
        ("country", "PERU", "cagr"),
        ("country", "US", "share"),
    ]


@pytest.mark.parametrize(
    ("written", "millions"),
    [
        ("$450K", "0.450"),
        ("$450k", "0.450"),
        ("USD 450 thousand", "0.450"),
        ("$4.5M", "4.5"),
        ("$4.5m", "4.5"),
        ("USD 4.5 million", "4.5"),
        ("USD 4.5 mn", "4.5"),
        ("USD 4.5 mln", "4.5"),
        ("$4.5B", "4500"),
        ("$4.5b", "4500"),
        ("USD 4.5 billion", "4500"),
        ("USD 4.5 bn", "4500"),
        ("$4.5 bln", "4500"),
        ("US$4.5bil", "4500"),
        ("RM4.5mil", "4.5"),
        ("$4.5T", "4500000"),
        ("$4.5t", "4500000"),
        ("USD 4.5 trillion", "4500000"),
        ("USD 4.5 tn", "4500000"),
        ("INR 4.5 crore", "45"),
        ("INR 4.5 lakh", "0.45"),
        ("INR 4.5 lakh crore", "4500000"),
        ("₹4.5L crore", "4500000"),
        ("₹4.5Lcrore", "4500000"),
        ("USD 4.5", "0.0000045"),
    ],
)
def test_every_scale_word_and_letter_gives_its_exact_amount(written, millions):
    (money,) = find_money(f"The market was worth {written} in 2024.")
    assert (money.text, money.low_millions) == (written, parse_number(millions))


def test_every_scale_the_reader_knows_is_tested():
    tested = {"k", "thousand", "m", "million", "mn", "mln", "b", "billion", "bn", "bln", "t", "trillion", "tn"}
    tested |= {"crore", "lakh", "lakh crore", "l crore", "lcrore", "bil", "mil"}
    assert set(SCALES_IN_MILLIONS) == tested
