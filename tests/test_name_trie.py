"""The trie of a page's names finds what the plain alternation of the names finds, in the same order."""

import re

import pytest

from pipelines.extract.figures import Gazetteer
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
    assert gazetteer._names.lowered_pattern is not None
    plain = [(m.start(), m.end(), m.lastgroup) for m in gazetteer._pattern.finditer(text)]
    assert list(gazetteer._names_in(text)) == plain
