"""Key companies and dated developments: exact values on the seed page, and the general rules on small texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.extract.companies import extract_companies
from pipelines.extract.developments import extract_developments
from pipelines.extract.records import Company, Development
from pipelines.extract.sentences import split_sentences

SEED = Path(__file__).parent.parent / "raw/reports/space-mining-market.txt"

SEED_COMPANIES = (
    "Moon Express",
    "ispace",
    "Asteroid Mining Corporation",
    "OffWorld, Inc.",
    "Trans Astronautica Corporation",
    "AstroForge",
    "Karman+",
    "Helios Project Ltd",
    "Eartheye Space",
    "Interlune Corporation",
    "SolSys Mining",
    "SpaceGold Corporation",
    "SpaceTIS",
    "USN Solar Sky Mining",
    "NASA",
)

SEED_DEVELOPMENTS = [
    ("2025-02", "funding", ("Karman+",), 20.0, "USD"),
    ("2024-12", "partnership", ("ispace", "Magna Petra"), None, None),
    ("2025-02", "launch", ("AstroForge",), None, None),
    ("2025-04", "milestone", ("NASA",), None, None),
    ("2024-10", "partnership", ("ispace", "Asteroid Mining Corporation"), None, None),
    ("2024-10", "approval", ("AstroForge",), None, None),
    (
        "2025-05",
        "partnership",
        ("Interlune Corporation", "Vermeer Corp.", "U.S. Department of Energy", "Maybell Quantum Industries"),
        None,
        None,
    ),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed_companies(seed_text: str) -> tuple[Company, ...]:
    return extract_companies(seed_text, split_sentences(seed_text))


@pytest.fixture(scope="module")
def seed_developments(seed_text: str, seed_companies: tuple[Company, ...]) -> tuple[Development, ...]:
    known = tuple(company.company for company in seed_companies)
    return extract_developments(seed_text, split_sentences(seed_text), known)


def _companies(text: str) -> list[str]:
    return [company.company for company in extract_companies(text, split_sentences(text))]


def _developments(text: str, known: tuple[str, ...] = ()) -> list[tuple]:
    return [
        (
            development.month,
            development.kind,
            development.companies,
            development.amount_usd_m,
            development.amount_currency,
        )
        for development in extract_developments(text, split_sentences(text), known)
    ]


def test_seed_names_the_fifteen_key_companies_in_page_order(seed_companies: tuple[Company, ...]) -> None:
    assert tuple(company.company for company in seed_companies) == SEED_COMPANIES
    assert [company.position for company in seed_companies] == list(range(1, 16))


def test_seed_company_quotes_are_the_names_exactly_as_written_at_their_spans(
    seed_text: str, seed_companies: tuple[Company, ...]
) -> None:
    for company in seed_companies:
        assert seed_text[company.char_start : company.char_end] == company.quote == company.company


def test_seed_companies_come_from_the_key_companies_list_rather_than_the_earlier_sentence(
    seed_text: str, seed_companies: tuple[Company, ...]
) -> None:
    heading_end = seed_text.index("Key Companies in Space Mining Market:")
    assert all(heading_end < company.char_start < seed_text.index("Recent Developments") for company in seed_companies)


def test_key_players_sentence_keeps_corporate_suffixes_with_their_names() -> None:
    text = "The market is crowded. Key players include Alpha Mining, Beta Resources Ltd., and Gamma Space, Inc."
    companies = extract_companies(text, split_sentences(text))
    assert [company.company for company in companies] == ["Alpha Mining", "Beta Resources Ltd.", "Gamma Space, Inc."]
    assert all(text[company.char_start : company.char_end] == company.quote for company in companies)


def test_major_companies_sentence_is_split_on_commas_and_and_without_splitting_chained_suffixes() -> None:
    text = "Major companies in the lunar market are Alpha Mining, Beta Co., Ltd., Delta, S.A. and Epsilon LLC."
    assert _companies(text) == ["Alpha Mining", "Beta Co., Ltd.", "Delta, S.A.", "Epsilon LLC"]


def test_heading_list_stops_at_the_next_heading() -> None:
    text = "Top Companies\nAlpha Mining\nBeta, LLC\nGamma S.A.\nRecent Developments\nIn May 2025, Alpha raised funds."
    assert _companies(text) == ["Alpha Mining", "Beta, LLC", "Gamma S.A."]


def test_bulleted_heading_list_stops_at_the_first_line_without_a_bullet() -> None:
    text = "Companies Profiled:\n- Alpha Mining\n- Beta Corp.\nLunar Outpost Program\nThe market grows."
    assert _companies(text) == ["Alpha Mining", "Beta Corp."]


def test_same_company_named_twice_is_kept_once_at_its_first_appearance() -> None:
    text = "Key Players\nAlpha Mining\nBeta Corp.\nAlpha Mining, Inc.\nBeta Corp."
    companies = extract_companies(text, split_sentences(text))
    assert [(company.company, company.position, company.char_start) for company in companies] == [
        ("Alpha Mining", 1, 12),
        ("Beta Corp.", 2, 25),
    ]


def test_page_without_a_company_list_names_no_companies() -> None:
    assert _companies("Key players are investing in new missions. Who are the key players in the market?") == []


def test_seed_has_the_seven_dated_developments_in_document_order(
    seed_developments: tuple[Development, ...],
) -> None:
    assert [
        (
            development.month,
            development.kind,
            development.companies,
            development.amount_usd_m,
            development.amount_currency,
        )
        for development in seed_developments
    ] == SEED_DEVELOPMENTS


def test_seed_development_quotes_are_whole_sentences_at_their_spans(
    seed_text: str, seed_developments: tuple[Development, ...]
) -> None:
    sentences = {(sentence.char_start, sentence.char_end) for sentence in split_sentences(seed_text)}
    for development in seed_developments:
        assert seed_text[development.char_start : development.char_end] == development.quote
        assert (development.char_start, development.char_end) in sentences
    assert seed_developments[0].quote == (
        "In February 2025, Karman+ raised USD 20 million to advance\u00a0asteroid mining technologies."
    )


def test_seed_sentences_opening_with_a_place_or_a_phrase_are_not_developments(
    seed_developments: tuple[Development, ...],
) -> None:
    openings = [development.quote.split(",")[0] for development in seed_developments]
    assert not any(opening in ("In the U.S.", "In Luxembourg", "In China", "In response") for opening in openings)
    assert all(development.quote.startswith("In ") for development in seed_developments)


def test_non_usd_amount_keeps_its_currency_and_no_usd_value() -> None:
    text = "In March 2024, Alpha Mining GmbH secured EUR 12 million in funding from Beta Capital."
    assert _developments(text) == [("2024-03", "funding", ("Alpha Mining GmbH",), None, "EUR")]


def test_bare_dollar_sign_is_us_dollars_and_other_dollars_keep_their_currency() -> None:
    assert _developments("In June 2024, Delta Space raised $5 million.") == [
        ("2024-06", "funding", ("Delta Space",), 5.0, "USD")
    ]
    assert _developments("In June 2024, Delta Space raised A$5 million.") == [
        ("2024-06", "funding", ("Delta Space",), None, "AUD")
    ]


def test_month_year_sentence_without_an_acting_company_is_not_a_development() -> None:
    text = (
        "In March 2024, the market recorded strong demand for lunar landers. "
        "In the U.S., NASA leads exploration. Demand rose in July 2025 as Alpha Mining expanded."
    )
    assert _developments(text) == []


def test_stated_day_is_read_past_and_month_precision_is_kept() -> None:
    text = "On March 3, 2024, Beta Robotics acquired Gamma Drilling Ltd. for USD 45.5 million."
    assert _developments(text) == [("2024-03", "acquisition", ("Beta Robotics", "Gamma Drilling Ltd."), 45.5, "USD")]


def test_short_name_and_colon_opening_resolve_to_the_known_company() -> None:
    text = "February 2025: Alpha Mining won a NASA contract worth USD 4.5 million."
    assert _developments(text, ("Alpha Mining Corporation",)) == [
        ("2025-02", "contract", ("Alpha Mining Corporation",), 4.5, "USD")
    ]


def test_partners_stop_before_a_purpose_and_skip_the_article() -> None:
    text = "In July 2024, Orbit Co. teamed up with the European Space Agency and Lunar Outpost for rover tests."
    assert _developments(text) == [
        ("2024-07", "partnership", ("Orbit Co.", "European Space Agency", "Lunar Outpost"), None, None)
    ]
