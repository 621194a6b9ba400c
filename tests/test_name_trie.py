"""The trie of a page's names finds what the plain alternation of the names finds, in the same order; the page's
names searched one at a time find what their single alternation finds; the page's names and the built-in names,
searched apart and merged, find what one alternation of them all finds."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extract.gazetteer import (
    Gazetteer,
    NamedScope,
    _builtin_names,
    _NameList,
    _PageNames,
    _single_alternation,
)
from pipelines.extract.key_words import lower_case_agrees_with_re
from pipelines.extract.name_trie import TrieName, group_of, spellings, trie_pattern
from pipelines.extract.records import RegionCountry, SegmentMember, Taxonomy


def test_and_between_words_is_spelt_both_ways_and_capitals_only_names_keep_one_spelling():
    assert spellings("Middle East & Africa", exact_case=False) == ["middle east & africa", "middle east and africa"]
    assert spellings("Rest-of  Europe", exact_case=False) == ["rest of europe"]
    assert spellings("US", exact_case=True) == ["us"]


def test_the_first_name_in_order_wins_where_several_match():
    names = [TrieName("Middle East & Africa", "a", False, False), TrieName("Middle East", "b", False, False)]
    pattern = re.compile(trie_pattern(names))
    assert [(m.group(), group_of(m.lastgroup)) for m in pattern.finditer("middle east and africa; middle east.")] == [
        ("middle east and africa", "a"),
        ("middle east", "b"),
    ]
    shorter_first = re.compile(trie_pattern(list(reversed(names))))
    assert group_of(shorter_first.match("middle east & africa").lastgroup) == "b"


def test_no_trie_when_a_name_ending_on_the_way_falls_between_longer_names():
    names = [TrieName(name, group, False, False) for name, group in (("ab cd", "a"), ("ab", "b"), ("ab ce", "c"))]
    assert trie_pattern(names) is None
    assert trie_pattern([TrieName("Région", "a", False, False)]) is None
    assert trie_pattern([TrieName("x-", "a", False, False)]) is None


def _gazetteer(members: list[str], regions: list[str]) -> Gazetteer:
    segments = tuple(SegmentMember("type", member, i, member, 0, 0) for i, member in enumerate(members, 1))
    rows = tuple(RegionCountry(region, None, 0, region, 0, 0) for region in regions)
    return Gazetteer(Taxonomy(segments=segments, regions=rows), "Widget")


def _single_alternation_finds(gazetteer: Gazetteer, text: str) -> list[tuple[int, int, str]]:
    """What one alternation of the page's names and the built-in names it keeps finds: the page's names first
    among names of one length, then the built-in ones."""
    names = gazetteer._names
    kept_builtins = [entry for entry in _builtin_names().named_patterns if entry[1] not in names.builtins_left_out]
    single = _single_alternation(_NameList([*names.page.named_patterns, *kept_builtins]).named_patterns)
    return [(m.start(), m.end(), m.lastgroup) for m in single.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        "North America and the US lead; us analysts see USA, Usa and U.S. growth in Middle East and Africa.",
        "The OTHERS segment, the others category, Others grew. APAC/apac, Asia-Pacific, asia  pacific.",
        "Hard-ware and HARDWARE in Europe; Rest of Europe, rest-of-europe; Kenya and \u212aenya; US$ 5 in UK.",
        "In Europe, the Services segment; PUNE, India, March 4, 2025 /PRNewswire/ -- India leads.",
    ],
)
def test_the_gazetteer_finds_on_lower_cased_text_what_the_plain_pattern_finds(text):
    gazetteer = _gazetteer(["Hardware", "Services", "OTHERS", "Us"], ["North America", "Europe", "Rest of Europe"])
    assert _builtin_names().lowered_pattern is not None
    assert list(gazetteer._names_in(text)) == _single_alternation_finds(gazetteer, text)


TRICKY_MEMBERS = [
    "Middle East And Africa",
    "EUROPE",
    "Asia",
    "Rest of Asia Pacific",
    "US",
    "Korea",
    "Oil & Gas",
    "Others",
]
TRICKY_REGIONS = ["North America", "Asia-Pacific", "South Korea", "Rest of World", "PERU", "Middle East & Africa"]
TRICKY_TEXTS = [
    "Middle East & Africa, Middle East and Africa, MIDDLE EAST; Europe, EUROPE, europe; Peru, PERU and peru.",
    "Asia Pacific, Asia-Pacific, Rest of Asia Pacific, asia; us, US, USA, Us; South Korea, Korea, south-korea.",
    "Oil and Gas, oil & gas; the others segment, Others; North  America, North-America; Rest of World, U.S.$ 5.",
    "\u0130ndia and As\u0131a Pacific, \u017fouth Korea, Middle East and Africa, US and us, EUROPE and Europe.",
    "Saudi Arabia, South Africa, South America, Singapore, Sweden, Spain; MEA, mea, LATAM, Latam, UAE, U.A.E.",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
@pytest.mark.parametrize(
    ("members", "regions"),
    [(TRICKY_MEMBERS, TRICKY_REGIONS), (TRICKY_MEMBERS[:4], []), ([], TRICKY_REGIONS), (["Région", "Asia"], ["MEA"])],
)
def test_the_merged_page_and_built_in_streams_find_what_one_alternation_of_the_kept_names_finds(members, regions, text):
    gazetteer = _gazetteer(members, regions)
    assert list(gazetteer._names_in(text)) == _single_alternation_finds(gazetteer, text)


def test_a_built_in_place_the_page_names_is_found_as_the_page_names_it_or_not_at_all():
    gazetteer = _gazetteer(["EUROPE"], ["Middle East & Africa"])  # a word in capitals, matched in any case
    text = "Europe, EUROPE, Middle East and Africa, Middle East."
    found = [(text[start:end], gazetteer._targets[group]) for start, end, group in gazetteer._names_in(text)]
    assert found == [
        ("Europe", NamedScope("segment", "type", "EUROPE")),
        ("EUROPE", NamedScope("segment", "type", "EUROPE")),
        ("Middle East and Africa", NamedScope("region", "region", "Middle East & Africa")),
        ("Middle East", NamedScope("region", "region", "Middle East")),
    ]


def test_where_the_page_spells_a_built_in_place_so_that_it_does_not_match_a_shorter_built_in_still_does():
    # "And" is a word of the page's name, not the "&" it is normalised to: the built-in "Middle East & Africa" is
    # left out, the page's name does not match "&", and the built-in "Middle East" after it in order does.
    gazetteer = _gazetteer([], ["Middle East And Africa"])
    text = "Middle East & Africa and Middle East and Africa grew."
    found = [(text[start:end], gazetteer._targets[group].member) for start, end, group in gazetteer._names_in(text)]
    assert found == [
        ("Middle East", "Middle East"),
        ("Africa", "Africa"),
        ("Middle East and Africa", "Middle East And Africa"),
    ]
    assert list(gazetteer._names_in(text)) == _single_alternation_finds(gazetteer, text)


def test_every_built_in_name_starts_with_a_letter_it_matches_in_either_case():
    # _builtins_after relies on it: only names of one first letter can match where one of them did.
    for name, _, pattern in _builtin_names().named_patterns:
        assert name[0].isascii() and name[0].isalpha()
        assert re.match(f"(?i:{pattern})", name.lower()) or pattern.startswith("(?-i:")


NAME_POOL = [*TRICKY_MEMBERS, *TRICKY_REGIONS, "Europe", "Africa", "US", "UK", "U.K.", "In", "Ind", "India", "Indo"]
TEXT_PIECES = [*NAME_POOL, "us", "uk", "europe", "asia pacific", "and", "&", "segment", "$", "-", "\u0130", "x"]


@settings(max_examples=300, deadline=None)
@given(
    members=st.lists(st.sampled_from(NAME_POOL), max_size=6),
    regions=st.lists(st.sampled_from(NAME_POOL), max_size=4),
    pieces=st.lists(st.tuples(st.sampled_from(TEXT_PIECES), st.sampled_from([" ", ", ", "-", "", "  ", "'s "]))),
)
def test_the_merged_streams_equal_one_alternation_on_any_taxonomy_and_text(members, regions, pieces):
    gazetteer = _gazetteer(members, regions)
    text = "".join(piece + separator for piece, separator in pieces)
    assert list(gazetteer._names_in(text)) == _single_alternation_finds(gazetteer, text)


def _one_by_one_finds(names: _PageNames, text: str) -> list[tuple[int, int, str]]:
    lowered = text.lower() if lower_case_agrees_with_re(text) else None
    ahead, found, position = names.ahead_in(text, lowered), [], 0
    while (match := ahead.first_at_or_after(position)) is not None:
        found.append(match)
        position = match[1]
    return found


def _page_alternation_finds(names: _PageNames, text: str) -> list[tuple[int, int, str]]:
    single = _single_alternation(names.named_patterns)
    return [(m.start(), m.end(), m.lastgroup) for m in single.finditer(text)] if single else []


def test_a_character_that_re_matches_to_an_ascii_character_lowers_to_it_but_for_three():
    # The lower-cased pattern of a name in ASCII relies on it (gazetteer._one_name_lower_cased).
    every_character = "".join(map(chr, range(0x110000)))
    matched = set(re.findall(r"(?i:[\x00-\x7f])", every_character))
    disagreeing = {
        c
        for c in matched
        for ascii_character in map(chr, range(0x80))
        if re.fullmatch(f"(?i:{re.escape(ascii_character)})", c) and c.lower() != ascii_character.lower()
    }
    assert disagreeing == {"\u0130", "\u0131", "\u017f"}


ONE_BY_ONE_POOL = [
    *NAME_POOL,
    "Others",
    "OTHERS",
    "& Others",
    "and more",
    "-type",
    "C-type",
    "C",
    "3D Printing",
    "U.S.",
    "Middle East And Africa",
    "Middle East and Africa",
    "R&D",
    "Région",
    "İstanbul",
    "Électrique",
    "Kelvin",
    "Sing",
    "Singapore",
    "Asia",
    "Asian",
]
ONE_BY_ONE_PIECES = [
    *TEXT_PIECES,
    *ONE_BY_ONE_POOL,
    "others segment",
    "OTHERS category",
    "région",
    "\u0131stanbul",
    "\u017finga",
    "\u212aelvin",
    "c type",
    "C\n-type",
    "u.s.",
    "and",
    "3d",
]


@pytest.mark.parametrize("text", [*TRICKY_TEXTS, "\u212aelvin, kelvin; C-type, c  type, \u017fingapore, Sing"])
@pytest.mark.parametrize("members", [ONE_BY_ONE_POOL, list(reversed(ONE_BY_ONE_POOL)), ["US", "Us", "us", "U.S."]])
def test_the_page_names_searched_one_at_a_time_find_what_their_single_alternation_finds(members, text):
    names = _gazetteer(members, TRICKY_REGIONS)._names.page
    assert _one_by_one_finds(names, text) == _page_alternation_finds(names, text)
    assert _one_by_one_finds(names, text.upper()) == _page_alternation_finds(names, text.upper())


@settings(max_examples=300, deadline=None)
@given(
    members=st.lists(st.sampled_from(ONE_BY_ONE_POOL), max_size=8),
    regions=st.lists(st.sampled_from(ONE_BY_ONE_POOL), max_size=4),
    pieces=st.lists(
        st.tuples(st.sampled_from(ONE_BY_ONE_PIECES), st.sampled_from([" ", ", ", "-", "", "  ", "'s ", "$", "\t"]))
    ),
)
def test_the_page_names_one_at_a_time_equal_their_single_alternation_on_any_taxonomy_and_text(members, regions, pieces):
    names = _gazetteer(members, regions)._names.page
    text = "".join(piece + separator for piece, separator in pieces)
    assert _one_by_one_finds(names, text) == _page_alternation_finds(names, text)
