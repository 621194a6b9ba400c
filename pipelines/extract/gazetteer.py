"""Where a page names its regions, countries and segments: every name of the page's own taxonomy, with its
aliases, and the common world regions and countries it does not list, found in one pass over the text.

A page's own names are few and new on nearly every page: each is searched on its own, its pattern compiled once
for all pages. The built-in places are searched as one trie on the lower-cased text, built once. The two streams
are merged as one alternation of them all would find them (tests/test_name_trie.py proves it).
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from pipelines.extract.geography import ALIASES, COMMON_COUNTRIES, WORLD_REGIONS, normalised_place
from pipelines.extract.key_words import lower_cased_for_re, matches_where_they_can_be
from pipelines.extract.name_trie import (
    BEFORE_SEGMENT_WORD,
    SEPARATOR_CHARACTERS,
    WORD_SEPARATOR,
    TrieName,
    group_of,
    trie_pattern,
)
from pipelines.extract.records import Sentence, Taxonomy

_DOLLARS_AFTER = re.compile(r"\s(?i:dollars?)\b")
# Countries whose name goes before "$" as a currency: "US $ 460 billion", "HK$ 12 billion"; "China $1.86 trillion"
# in a table is China's figure.
_CURRENCY_COUNTRIES = frozenset({"us", "u.s.", "u.s", "usa", "hk", "nz", "new zealand", "hong kong", "singapore"})


def _a_currency_of(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start``-``end`` names a currency: "US $ 460 billion", "161 billion U.S. dollars"."""
    if _DOLLARS_AFTER.match(text, end):
        return True
    return text[start:end].lower() in _CURRENCY_COUNTRIES and (text.startswith("$", end) or text.startswith(" $", end))


_DATELINE_AFTER = re.compile(
    r",?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}"
    r"|[^.\n]{0,40}/(?i:pr\s?newswire|business\s?wire|globe\s?newswire)/"
)
_CAPITALS_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][A-Z .]*)*\s+[–—-]{1,2}\s")


def place_of_adjective(word: str) -> str | None:
    """'Indian' → 'India': the place a place adjective names, None for any other word."""
    return _DEMONYMS.get(word.lower())


def scope_of_place(place: str) -> str:
    """'country' or 'region': how the warehouse files a place the gazetteer names."""
    return "country" if _normalised(place) in _COUNTRY_NAMES else "region"


def is_a_place_adjective(word: str) -> bool:
    """'Indian', 'European': a word that names a place by its adjective."""
    return word.lower() in _DEMONYMS


def _a_dateline_in_capitals(text: str, start: int, end: int) -> bool:
    """A place in capitals that opens a line, before a dash: "EUROPE – ...", "NEWARK, DELAWARE — ..."."""
    if not text[start:end].isupper():
        return False
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if before.strip(" ,") and not before.isupper():
        return False  # the place opens the line, or follows other words in capitals ("NEWARK, DELAWARE")
    return _CAPITALS_DATELINE_AFTER.match(text, end) is not None


# "London, UK: The global frozen food market ...", "Pune, India – ...": a city, then the place, at a line's start
_CITY_BEFORE = re.compile(r"[ \t]*[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2},[ \t]*")
_DATELINE_END = re.compile(r"[ \t]*(?::|[–—]|-(?=\s))")


def _a_dateline_after_a_city(text: str, start: int, end: int) -> bool:
    """Whether the place follows a city at the start of its line and ends the dateline ("London, UK: ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    return _CITY_BEFORE.fullmatch(text, line_start, start) is not None and _DATELINE_END.match(text, end) is not None


_UNLISTED_SEGMENT = re.compile(
    r"(?:\b(?i:by)\s+(?P<dimension>[a-z][\w -]{1,30}?),\s+)?"
    # "Under the end user segment, hospitals ...": a preposition opens a heading of the dimension, not a name
    r"(?:\b(?i:the)\s+|(?m:^)[-•*·]?[ \t]*(?=[A-Z])(?!(?i:the|under|within|in|among|across|for|of|by|from|on)\s))"
    # "the pet snacks/treats market segment": "market" is no part of the member's name
    r"(?P<name>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,3}?)\s+(?:(?i:application|product|end[- ]use|market)\s+)?(?i:segment)\b"
)
_LEADS_A_DIMENSION_BEFORE = re.compile(
    r"\b(?i:lead|leads|led|leading|dominate|dominates|dominated|dominating|top|tops|topped|head|heads|headed)\s+"
    r"(?i:the)\s+$"
)
_A_DIMENSIONS_HEADING_BEFORE = re.compile(r"(?:^|\n)[-•*·]?[ \t]*(?i:under|within|across)\s+$")
_SUPERLATIVE_END = re.compile(
    r"\b(?i:largest|biggest|leading|dominant|fastest[- ]growing|second[- ]largest|smallest|top)$"
    # "the highest revenue-generating segment": a superlative and what it ranks by
    r"|^(?i:highest|largest|biggest|fastest|leading|dominant|top)\b[\w -]*(?i:generating|growing|grossing|earning)$"
    # "Hydroponics emerged as the largest growth mechanism segment": a rank within a dimension, not a name
    r"|^(?i:largest|biggest|fastest[- ]growing|second[- ]largest|smallest|dominant)\s+[a-z][\w -]*$"
)
_SEGMENT_IS = re.compile(r"\s+(?i:is|was|remains|will\s+be)\s+(?P<name>[A-Z][\w&'’/-]*(?:\s+[A-Z][\w&'’/-]*){0,3})")
_NOT_IN_AN_UNLISTED_SEGMENT = re.compile(r"[^\w\s,&'’/-]")
# What a match cannot hold anywhere: a bullet ("•", "*", "·") can open one that starts a line.
_NOWHERE_IN_AN_UNLISTED_SEGMENT = re.compile(r"[^\w\s,&'’/•*·-]")
_NOT_SEGMENT_NAMES = frozenset(
    {"this", "that", "largest", "fastest-growing", "fastest growing", "leading", "dominant", "biggest", "smallest",
     "same", "other", "whole", "second-largest", "largest revenue", "fastest", "top", "key", "main", "overall"}
)  # fmt: skip
_GENERIC_MEMBERS = frozenset({"others", "other"})
_DETERMINERS = frozenset({"this", "that", "these", "those", "its", "their", "the", "each", "every", "a", "an", "our"})
# "lithium-based", "US-made", "pre-Europe": a name inside a compound word is not the name.
_COMPOUND_AFTER = re.compile(r"-[A-Za-z]")
_COMPOUND_BEFORE = re.compile(r"[A-Za-z]-$")
# Two capitalised words right before a place, not a sentence's opening words: the place ends a name.
# Title-case words that join clauses or end an amount ("... US$1.3 Billion While China is Forecast") are no name's.
_NOT_IN_A_PROPER_NAME = (
    r"(?:In|The|And|Of|For|By|From|To|At|With|On|Across|Within|Both|While|Whereas|But|Billion|Million|Trillion)"
)
_IN_A_PROPER_NAME = re.compile(
    rf"(?<![.!?:;|\n]\s)(?<!^)\b(?!{_NOT_IN_A_PROPER_NAME}\b)[A-Z][a-z]+ (?!{_NOT_IN_A_PROPER_NAME}\b)[A-Z][a-z]+ $"
)
# the name goes on after the place, or its initials follow: "Good Food Institute Europe (GFI)"
_NAME_GOES_ON = re.compile(r" [A-Za-z]| \([A-Z]{2,6}\)")
# "the Chinese market", "the European industry": a place named by its adjective, only in front of "market".
_DEMONYMS = {
    "american": "U.S.", "north american": "North America", "european": "Europe", "asian": "Asia",
    "latin american": "Latin America", "african": "Africa", "chinese": "China", "japanese": "Japan",
    "indian": "India", "korean": "South Korea", "south korean": "South Korea", "german": "Germany",
    "french": "France", "british": "UK", "italian": "Italy", "spanish": "Spain", "canadian": "Canada",
    "mexican": "Mexico", "brazilian": "Brazil", "australian": "Australia", "russian": "Russia",
    "saudi": "Saudi Arabia", "indonesian": "Indonesia", "vietnamese": "Vietnam", "thai": "Thailand",
    "south american": "South America", "central american": "Central America", "middle eastern": "Middle East",
    "southeast asian": "Southeast Asia", "south east asian": "Southeast Asia", "east asian": "East Asia",
    "western european": "Western Europe", "eastern european": "Eastern Europe",
}  # fmt: skip
_PRODUCT_WORDS_BETWEEN = 3  # "the Chinese kelp retail market": lower-case words of the product may stand between


def _word_before(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the word just before ``end``, past the spaces there; None at a punctuation mark."""
    stop = end
    while stop > 0 and text[stop - 1] in " \t":
        stop -= 1
    if stop == end:
        return None
    begin = stop
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-_"):
        begin -= 1
    return (begin, stop) if begin < stop else None


def _demonym_before(text: str, market_word_start: int) -> tuple[int, int, str] | None:
    """(start, end, place) of a place adjective just before "market", or up to three lower-case words before it,
    read word by word backwards."""
    end = market_word_start
    for _ in range(_PRODUCT_WORDS_BETWEEN + 1):
        word = _word_before(text, end)
        if word is None:
            return None
        lowered = text[word[0] : word[1]].lower()
        previous = _word_before(text, word[0])
        if previous is not None:
            pair = f"{text[previous[0] : previous[1]].lower()} {lowered}"
            if pair in _DEMONYMS:
                return previous[0], word[1], _DEMONYMS[pair]
        if lowered in _DEMONYMS:
            return word[0], word[1], _DEMONYMS[lowered]
        if not text[word[0]].islower():
            return None
        end = word[0]
    return None


# Characters that end sentences. A name holds one before a space only as "N. America" does: where no name has the
# word before it, a sentence's end is a place no name stands across (Gazetteer.stretches_to_search).
_SENTENCE_END_CHARACTERS = frozenset('.!?:;|)]"”')
_NAME_SEPARATOR_CHARACTER = re.compile(f"[{SEPARATOR_CHARACTERS}]")


def _words_before_a_space(names: list[str]) -> frozenset[str]:
    """The words of ``names``, in lower case, that end with a sentence's end and go on to another word: 'n.' of
    "N. America"."""
    return frozenset(
        word.lower()
        for name in names
        for word in re.split(WORD_SEPARATOR, name.strip())[:-1]
        if word and word[-1] in _SENTENCE_END_CHARACTERS
    )


_MARKET_OR_INDUSTRY = re.compile(r"(?<=\s)(?i:market|industry)\b")


@dataclass(frozen=True)
class NamedScope:
    scope: str  # 'region' | 'country' | 'segment'
    dimension: str
    member: str


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    target: NamedScope


@functools.lru_cache(maxsize=65536)
def _name_pattern(name: str) -> str:
    if _is_acronym(name):
        return f"(?-i:{name})"  # "US", "UK", "APAC" only in capitals: "us" is a pronoun
    tokens = re.split(WORD_SEPARATOR, name.strip())
    parts = [r"(?:&|and)" if token in ("&", "and") else re.escape(token) for token in tokens]
    return WORD_SEPARATOR.join(parts)


@functools.lru_cache(maxsize=65536)
def _normalised(name: str) -> str:
    return normalised_place(name)


# Built-in places spelled in ordinary case: "PERU" in a page's scope list is Peru, not an acronym.
_ORDINARY_PLACE_NAMES = frozenset(
    _normalised(name) for name in (*WORLD_REGIONS, *COMMON_COUNTRIES) if not name.isupper()
)
_LONGEST_ACRONYM = 4


def _is_acronym(name: str) -> bool:
    """'US', 'UAE', 'APAC': matched only as written, in capitals. A longer word in capitals ('EUROPE', 'HARDWARE'
    in a scope list set in capitals) or a built-in place's name in capitals ('PERU') is matched in any case."""
    return (
        name.isupper()
        and name.isalpha()
        and len(name) <= _LONGEST_ACRONYM
        and _normalised(name) not in _ORDINARY_PLACE_NAMES
    )


_COUNTRY_NAMES = frozenset(
    _normalised(name) for country in COMMON_COUNTRIES for name in (country, *ALIASES.get(_normalised(country), ()))
)


def _first_letter_test(first: str) -> str:
    """A pattern for one character that matches exactly where ``(?i:first)`` does, and that starts with a
    case-sensitive character class: re skips a branch that starts with one after a single lookup. A non-ASCII
    character passes the class and is checked by the lookbehind ('İ', 'ı', 'ſ' and 'K' match ASCII letters)."""
    if not first.isalpha():
        return re.escape(first)
    # Written as "not any other ASCII character": re compiles a class that spans all of Unicode one code at a time.
    other_ascii, start = [], 0
    for code in sorted({ord(first.lower()), ord(first.upper())}):
        if code > start:
            other_ascii.append((start, code - 1))
        start = code + 1
    other_ascii.append((start, 0x7F))
    excluded = "".join(rf"\x{low:02x}-\x{high:02x}" if low < high else rf"\x{low:02x}" for low, high in other_ascii)
    return rf"(?-i:[^{excluded}])(?<=(?i:{first}))"


def _alternation_by_first_letter(named_patterns: list[tuple[str, str, str]]) -> str | None:
    """``(?P<group>pattern)|...`` with the names gathered by first letter, each gathering behind one test of
    that letter, the names in their given order within it. re tries every branch of an alternation at every
    position of the text; this way it tests one character per letter instead of entering every name's group.
    None when a name does not start with an ASCII character matched as written."""
    gathered: dict[str, list[str]] = {}
    for name, group, pattern in named_patterns:
        first = name.strip()[:1]
        if not first or not first.isascii():
            return None
        if pattern.startswith("(?-i:"):
            rest = f"(?-i:(?<={first})" + pattern[len("(?-i:") + 1 :]  # "US" in capitals only: test the "U" again
        elif pattern.startswith(re.escape(first)):
            rest = pattern[len(re.escape(first)) :]
        else:
            return None  # "& Others", "and more", "-type": no single first character
        gathered.setdefault(first.lower(), []).append(f"(?P<{group}>{rest})")
    return "|".join(
        _first_letter_test(first) + "(?:" + "|".join(alternatives) + ")" for first, alternatives in gathered.items()
    )


def _single_alternation(named_patterns: tuple[tuple[str, str, str], ...]) -> re.Pattern | None:
    """One pattern that finds, at each position, the first of ``named_patterns`` (in their order) matching there."""
    if not named_patterns:
        return None
    alternation = _alternation_by_first_letter(named_patterns) or "|".join(
        f"(?P<{group}>{pattern})" for _, group, pattern in named_patterns
    )
    # "US$" is a currency, not the country: no name may touch a "$".
    return re.compile(rf"(?<![\w$])(?i:{alternation})(?![\w$])")


class _NameList:
    """(name, group, pattern) entries, the longest name first (so that "Rest of Europe" wins over "Europe" at the
    same position), else in their given order; searched as their single alternation would search them."""

    def __init__(self, named_patterns: list[tuple[str, str, str]]):
        self.named_patterns = tuple(sorted(named_patterns, key=lambda item: -len(item[0])))
        self.name_lengths = {group: len(name) for name, group, _ in self.named_patterns}

    @functools.cached_property
    def pattern(self) -> re.Pattern | None:
        """The single alternation, compiled when first needed."""
        return _single_alternation(self.named_patterns)


class _BuiltinNames(_NameList):
    """The built-in places, which every page searches: in lower-cased text, as a trie (see name_trie.py), fast to
    search and slow to build, built once for all pages; the single alternation where lower-casing misreads the
    text, or for a name that keeps its capitals found in other capitals."""

    def __init__(self, named_patterns: list[tuple[str, str, str]]):
        super().__init__(named_patterns)
        trie_names = [
            TrieName(name, group, pattern.startswith("(?-i:"), pattern.endswith(BEFORE_SEGMENT_WORD))
            for name, group, pattern in self.named_patterns
        ]
        lowered = trie_pattern(trie_names) if trie_names else None
        self.lowered_pattern = re.compile(rf"(?<![\w$]){lowered}") if lowered else None  # for lower-cased text
        self.exact_case_names = {entry.group: entry.name for entry in trie_names if entry.exact_case}  # "US"

    def first_at_or_after(
        self, text: str, lowered: str | None, position: int, endpos: int | None = None
    ) -> tuple[int, int, str] | None:
        """(start, end, group) of the match ``self.pattern.search(text, position, endpos)`` finds; by the trie on
        ``lowered``, the lower-cased text, unless it is None (lower-casing does not read the text as re does)."""
        endpos = len(text) if endpos is None else endpos
        if lowered is None or self.lowered_pattern is None:
            match = self.pattern.search(text, position, endpos) if self.pattern else None
            return None if match is None else (match.start(), match.end(), match.lastgroup)
        while (match := self.lowered_pattern.search(lowered, position, endpos)) is not None:
            start, end, group = match.start(), match.end(), group_of(match.lastgroup)
            exact_case_name = self.exact_case_names.get(group)
            if exact_case_name is not None and text[start:end] != exact_case_name:
                # "us", not "US": the names after it in order may still match here.
                match = self.pattern.match(text, start)
                if match is None:
                    position = start + 1
                    continue
                end, group = match.end(), match.lastgroup
            return start, end, group
        return None


class _PageNames(_NameList):
    """A page's own names. They are few and come in a new list on nearly every page, though the names themselves
    recur ("Hardware", "Europe"): they are searched one name at a time (``ahead_in``), each name's pattern
    compiled once for all pages."""

    @functools.cached_property
    def one_by_one(self) -> tuple[tuple[re.Pattern, re.Pattern | None, str], ...]:
        """(pattern, pattern in the lower-cased text, group) of each name on its own, in order."""
        return tuple(
            (_one_name(pattern), _one_name_lower_cased(name), group) for name, group, pattern in self.named_patterns
        )

    def ahead_in(self, text: str, lowered: str | None, start: int = 0, end: int | None = None) -> _NamesAhead:
        """The names searched one at a time in ``text``, merged as their single alternation finds them; with
        ``lowered``, the lower-cased text, a name is tried only where its lower-cased spelling is written, and
        only from ``start`` on and where it starts before ``end``."""
        return _NamesAhead(text, lowered, self.one_by_one, start, len(text) if end is None else end)


@functools.lru_cache(maxsize=65536)
def _one_name(pattern: str) -> re.Pattern:
    """One name's branch of the single alternation, on its own: pages of new taxonomies name the same things."""
    return re.compile(rf"(?<![\w$])(?i:{pattern})(?![\w$])")


@functools.lru_cache(maxsize=65536)
def _one_name_lower_cased(name: str) -> re.Pattern | None:
    """A pattern that matches in the lower-cased text wherever the name's own pattern can match in the text (and
    perhaps elsewhere): case-sensitive, with a literal start that re searches fast. Only for a name in ASCII: a text
    character that re matches to an ASCII character lowers to it, but for 'İ', 'ı' and 'ſ', kept out of lower-cased
    texts (tests/test_name_trie.py); lower-casing keeps spaces and hyphens where they are. "Middle East And Africa"
    lower-cased also takes "&": a match there is only a place to try the name's own pattern."""
    return re.compile(_name_pattern(name.lower())) if name.isascii() else None


class _NamesAhead:
    """Each name's next match in one text, at or after the last position asked for. The single alternation finds,
    at the earliest position where a name matches, the first name in order that matches there: the earliest of the
    names' next matches, the first name in order among those that start there. A name's next match stays its next
    match until the position passes its start; only then is the name searched again, from the position on."""

    def __init__(
        self,
        text: str,
        lowered: str | None,
        patterns: tuple[tuple[re.Pattern, re.Pattern | None, str], ...],
        start: int,
        end: int,
    ):
        self._text = text
        self._lowered = lowered
        self._patterns = patterns
        self._end = end
        self._ahead: list[tuple[int, int, int]] = []  # a heap of (start, the name's place in order, end)
        for order in range(len(patterns)):
            if (match := self._next_match(order, start)) is not None:
                self._ahead.append((match.start(), order, match.end()))
        heapq.heapify(self._ahead)

    def _next_match(self, order: int, position: int) -> re.Match | None:
        pattern, lower_cased, _ = self._patterns[order]
        if self._lowered is None or lower_cased is None:
            return pattern.search(self._text, position)
        # the end bounds where a lower-cased spelling may start; its match is tried on the whole text
        while position <= self._end and (candidate := lower_cased.search(self._lowered, position, self._end)):
            if (match := pattern.match(self._text, candidate.start())) is not None:
                return match
            position = candidate.start() + 1
        return None

    def first_at_or_after(self, position: int) -> tuple[int, int, str] | None:
        """(start, end, group) of the match the single alternation's ``search(text, position)`` finds."""
        ahead = self._ahead
        while ahead and ahead[0][0] < position:
            order = heapq.heappop(ahead)[1]
            if (match := self._next_match(order, position)) is not None:
                heapq.heappush(ahead, (match.start(), order, match.end()))
        if not ahead:
            return None
        start, order, end = ahead[0]
        return start, end, self._patterns[order][2]


def _own_spellings(name: str) -> tuple[str, ...]:
    """The name, then each alias that normalises to a name of its own ("Asia-Pacific" is "Asia Pacific" again)."""
    spellings: dict[str, str] = {}
    for variant in (name, *ALIASES.get(_normalised(name), ())):
        spellings.setdefault(_normalised(variant), variant)
    return tuple(spellings.values())


def _numbered_builtin_places() -> tuple[tuple[NamedScope, tuple[tuple[str, str], ...]], ...]:
    """Each built-in place, world regions then countries, with the (spelling, group) of each of its spellings."""
    places = [NamedScope("region", "region", region) for region in WORLD_REGIONS]
    places += [NamedScope("country", "country", country) for country in COMMON_COUNTRIES]
    groups = (f"b{number}" for number in itertools.count())
    return tuple(
        (place, tuple((spelling, next(groups)) for spelling in _own_spellings(place.member))) for place in places
    )


_BUILTIN_PLACES = _numbered_builtin_places()
_BUILTIN_TARGETS = {group: place for place, spellings in _BUILTIN_PLACES for _, group in spellings}


@functools.cache
def _builtin_names() -> _BuiltinNames:
    """Every spelling of every built-in place, compiled once for all pages."""
    return _BuiltinNames(
        [
            (spelling, group, _name_pattern(spelling))
            for _, spellings in _BUILTIN_PLACES
            for spelling, group in spellings
        ]
    )


@functools.cache
def _builtin_words_before_a_space() -> frozenset[str]:
    return _words_before_a_space([name for name, _, _ in _builtin_names().named_patterns])


_BUILTIN_NAME_TEXT = "\n".join(spelling.lower() for _, spellings in _BUILTIN_PLACES for spelling, _ in spellings)


@functools.cache
def _builtins_after(group: str) -> re.Pattern | None:
    """The single alternation of the built-in names after ``group`` in order that start with its letter: what else
    can match where it matched. Every built-in name starts with a letter that it matches in either case (see
    tests/test_name_trie.py), and two letters match one character only if they are one letter in lower case."""
    named_patterns = _builtin_names().named_patterns
    following = next(index for index, (_, other, _) in enumerate(named_patterns) if other == group) + 1
    initial = named_patterns[following - 1][0][0].lower()
    return _single_alternation(tuple(entry for entry in named_patterns[following:] if entry[0][0].lower() == initial))


def _builtins_left_out(covered_by_page: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """(the groups of the built-in spellings a page does not get, every name the page then covers): a place the
    page names itself is left out whole, a spelling the page names is left out alone ("USA" listed: "US" kept)."""
    covered = set(covered_by_page)
    left_out = []
    for place, spellings in _normalised_builtin_places():
        place_covered = place in covered
        for spelling, group in spellings:
            if place_covered or spelling in covered:
                left_out.append(group)
            else:
                covered.add(spelling)
    return frozenset(left_out), frozenset(covered)


@functools.cache
def _normalised_builtin_places() -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """Each built-in place's normalised name, with the (normalised spelling, group) of each of its spellings."""
    return tuple(
        (_normalised(place.member), tuple((_normalised(spelling), group) for spelling, group in spellings))
        for place, spellings in _BUILTIN_PLACES
    )


@dataclass(frozen=True)
class _CompiledNames:
    page: _PageNames  # the page's own names and their aliases
    builtins_left_out: frozenset[str]  # built-in groups that the page's names replace
    targets: dict[str, NamedScope]  # the scope each group names, built-in groups included
    covered: frozenset[str]  # the normalised names, built-in ones included


@functools.lru_cache(maxsize=512)
def _compiled_names(
    segments: tuple[tuple[str, str], ...], regions: tuple[str, ...], countries: tuple[str, ...]
) -> _CompiledNames:
    """The patterns for the names of a taxonomy, and which built-in names it leaves out. Pages of one publisher
    share taxonomies, so this is built once per distinct taxonomy, not once per page."""
    targets: dict[str, NamedScope] = {}
    patterns: list[tuple[str, str, str]] = []
    covered: set[str] = set()

    def add(name: str, target: NamedScope, generic: bool = False) -> None:
        for variant in (name, *ALIASES.get(_normalised(name), ())):
            if _normalised(variant) in covered and target.scope != "segment":
                continue  # the page's own spelling of a place wins over a built-in one
            covered.add(_normalised(variant))
            pattern = _name_pattern(variant)
            if generic:
                pattern += BEFORE_SEGMENT_WORD
            group = f"n{len(targets)}"
            targets[group] = target
            patterns.append((variant, group, pattern))

    for dimension, member in segments:
        add(member, NamedScope("segment", dimension, member), member.lower() in _GENERIC_MEMBERS)
    listed = {_normalised(member) for _, member in segments}
    for dimension, member in segments:
        other_number = _in_the_other_number(member)
        if other_number and _normalised(other_number) not in listed:
            add(other_number, NamedScope("segment", dimension, member), generic=True)
    for region in regions:
        # "By Geography: Germany, France, Nordics" lists countries among regions: a country stays a country.
        scope = "country" if _normalised(region) in _COUNTRY_NAMES else "region"
        add(region, NamedScope(scope, scope, region))
    for country in countries:
        add(country, NamedScope("country", "country", country))
    builtins_left_out, all_covered = _builtins_left_out(frozenset(covered))
    return _CompiledNames(
        page=_PageNames(patterns),
        builtins_left_out=builtins_left_out,
        targets={**_BUILTIN_TARGETS, **targets},
        covered=all_covered,
    )


@functools.lru_cache(maxsize=512)
def _in_the_other_number(member: str) -> str | None:
    """'Dogs' → 'dog', 'Cat' → 'cats', 'Batteries' → 'battery': how a sentence may name a scope-list member before
    the word "segment" ("the dog segment held 40%"). Names of several words, acronyms and places are left alone."""
    if " " in member or not member.isalpha() or member.isupper() or len(member) < 3:
        return None
    lowered = member.lower()
    if lowered.endswith("ies"):
        return lowered[:-3] + "y"
    if lowered.endswith(("ss", "us", "is")):
        return None
    if lowered.endswith("s"):
        return lowered[:-1]
    if lowered.endswith("y") and lowered[-2] not in "aeiou":
        return lowered[:-1] + "ies"
    if lowered.endswith(("sh", "ch", "x")):
        return lowered + "es"
    return lowered + "s"


@functools.lru_cache(maxsize=512)
def _place_the_market_starts_with(covered: frozenset[str], market: str | None) -> str | None:
    """A place the market's own name starts with ("India Electric Bus Charging") is the market, not a part of it."""
    if not market:
        return None
    normalised_market = _normalised(market)
    starts = [name for name in covered if normalised_market.startswith(name + " ")]
    # "Indian Furniture": the place the adjective it starts with names
    words = normalised_market.split()
    for size in (2, 1):
        place = _DEMONYMS.get(" ".join(words[:size])) if len(words) > size else None
        if place is not None and _normalised(place) in covered:
            starts.append(_normalised(place))
    # the longest ("asia pacific" over "asia"): the same answer in every process, whatever the set's order
    return max(starts, key=lambda name: (len(name), name), default=None)


class Gazetteer:
    """Finds every region, country and segment of a page's taxonomy in its text, aliases included, and the
    common world regions and countries the page does not list itself."""

    def __init__(self, taxonomy: Taxonomy, market: str | None = None):
        self._names = _compiled_names(
            tuple((row.dimension, row.member) for row in taxonomy.segments),
            taxonomy.region_names,
            tuple(row.country for row in taxonomy.regions if row.country),
        )
        self._targets = self._names.targets
        self._market_place = _place_the_market_starts_with(self._names.covered, market)
        # "The global ground station services market": a member named inside the market's own name is the market.
        self._market_name = re.compile(rf"(?i:{_name_pattern(market)})") if market else None
        self._market_name_starts = _first_word_of(market) if market else ()
        names = [name for name, _, _ in self._names.page.named_patterns]
        self._words_before_a_space = _builtin_words_before_a_space() | _words_before_a_space(names)
        self._page_name_text = "\n".join(name.lower() for name in names)

    def stretches_to_search(
        self, text: str, sentences: list[Sentence], positions: set[int] | None
    ) -> list[tuple[int, int]] | None:
        """Where to look for the names of the sentences at ``positions``: each of them with the sentences around it
        up to sentence ends no name can stand across, in order. Searched on their own, the stretches yield the
        names a search of the whole text finds in them. None, the whole text, for ``positions`` None or a text that
        lower-casing misreads."""
        lowered = lower_cased_for_re(text)
        if positions is None or lowered is None:
            return None
        stretches: list[tuple[int, int]] = []
        start, wanted = 0, False
        for position, sentence in enumerate(sentences):
            wanted = wanted or position in positions
            last = position == len(sentences) - 1
            if not last and not self._no_name_across(lowered, sentence.char_end):
                continue
            end = len(text) if last else sentence.char_end
            if wanted and stretches and stretches[-1][1] == start:
                stretches[-1] = (stretches[-1][0], end)
            elif wanted:
                stretches.append((start, end))
            start, wanted = end, False
        return stretches

    def _no_name_across(self, lowered: str, position: int) -> bool:
        """Whether no name can stand across ``position``, a sentence's end: the character before it ends sentences
        and no name has it before the character after it ("N. America" does before a space, after an "n")."""
        before, after = lowered[position - 1], lowered[position]
        if before not in _SENTENCE_END_CHARACTERS:
            return False
        if _NAME_SEPARATOR_CHARACTER.match(after):
            return not any(
                lowered.startswith(word, position - len(word))
                for word in self._words_before_a_space
                if len(word) <= position
            )
        return (
            after.isascii() and before + after not in self._page_name_text and before + after not in _BUILTIN_NAME_TEXT
        )

    def find(self, text: str, stretches: list[tuple[int, int]] | None = None) -> list[Mention]:
        """Every named region, country and segment, then the segments a sentence names without a list
        ("the two-wheelers segment"), leaving out datelines and the market's own place; only in ``stretches``, when
        given (``stretches_to_search``)."""
        mentions = []
        inside_market_name = (
            [
                (m.start(), m.end())
                for m in matches_where_they_can_be(self._market_name, text, starts_with=self._market_name_starts)
            ]
            if self._market_name
            else []
        )
        for start, end, group in self._names_in(text, stretches):
            if _within_one_of(inside_market_name, start, end):
                continue
            target = self._targets[group]
            if _DATELINE_AFTER.match(text, end):
                continue  # "PUNE, India, March 4, 2025 /PRNewswire/": where the news was filed
            if _a_dateline_in_capitals(text, start, end) or _a_dateline_after_a_city(text, start, end):
                continue  # "EUROPE – The traditional market research sector ...": where the news was filed
            if _a_currency_of(text, start, end):
                continue  # "US $ 460 billion", "161 billion U.S. dollars": a currency, not the country
            if self._market_place and _normalised(text[start:end]) == self._market_place:
                continue
            if _COMPOUND_AFTER.match(text, end) or _COMPOUND_BEFORE.search(text, max(0, start - 2), start):
                continue
            if (
                group.startswith("b")
                and _NAME_GOES_ON.match(text, end)
                and _IN_A_PROPER_NAME.search(text, max(0, start - 40), start)
            ):
                continue  # "Control Engineering Asia magazine", "Food Institute Europe (GFI)": inside a name
            mentions.append(Mention(start, end, target))
        mentions += self._places_by_adjective(text, mentions, stretches)
        # "Revenue in the Coffee segment amounts to ..." on a coffee page: a portal's name for the market itself
        unlisted = [
            mention
            for mention in _unlisted_segments(text, mentions, stretches)
            if not any(
                start == mention.start and _ONLY_A_SEGMENT_NOUN.fullmatch(text, end, mention.end)
                for start, end in inside_market_name
            )
        ]
        return sorted([*mentions, *unlisted], key=lambda mention: mention.start)

    def _places_by_adjective(
        self, text: str, named: list[Mention], stretches: list[tuple[int, int]] | None = None
    ) -> list[Mention]:
        """'the Chinese market is predicted to be worth $43.2 billion': China, unless the market is China's."""
        found = []
        named_spans = [(m.start, m.end) for m in named]
        # each "market" or "industry", then the words just before it
        for word in matches_where_they_can_be(_MARKET_OR_INDUSTRY, text, starts_with=("market", "industry")):
            if stretches is not None and not _within_one_of(stretches, word.start(), word.end()):
                continue  # a word outside them, with the place just before it
            demonym = _demonym_before(text, word.start())
            if demonym is None:
                continue
            start, end, place = demonym
            if self._market_place == _normalised(place) or _within_one_of(named_spans, start, end):
                continue
            scope = scope_of_place(place)
            found.append(Mention(start, end, NamedScope(scope, scope, place)))
        return found

    def _names_in(self, text: str, stretches: list[tuple[int, int]] | None = None) -> Iterator[tuple[int, int, str]]:
        """(start, end, group) of every name, as ``finditer`` of the single alternation of the page's names and the
        built-in names it keeps would find them: at the earliest position the first name in order, then on from
        its end. The page's names and the built-in ones are searched apart, the built-ins with one pattern for every
        page, and the two streams merged; at one position the longer name wins, the page's at equal length. With
        ``stretches`` (no name stands across their ends), the names that start in them."""
        lowered = lower_cased_for_re(text)
        page = self._names.page
        searched = [(0, len(text))] if stretches is None else stretches
        if not searched:
            return
        page_ahead = page.ahead_in(text, lowered, searched[0][0], searched[-1][1])
        builtin_lengths = _builtin_names().name_lengths
        position = 0
        for start, end in searched:
            position = max(position, start)
            in_page = page_ahead.first_at_or_after(position)
            builtin = self._first_builtin_at_or_after(text, lowered, position, end)
            while (in_page is not None and in_page[0] < end) or builtin is not None:
                page_first = builtin is None or (
                    in_page is not None
                    and (in_page[0], -page.name_lengths[in_page[2]]) <= (builtin[0], -builtin_lengths[builtin[2]])
                )
                found = in_page if page_first else builtin
                yield found
                position = found[1]
                if in_page is not None and in_page[0] < position:
                    in_page = page_ahead.first_at_or_after(position)
                if builtin is not None and builtin[0] < position:
                    builtin = self._first_builtin_at_or_after(text, lowered, position, end)

    def _first_builtin_at_or_after(
        self, text: str, lowered: str | None, position: int, endpos: int | None = None
    ) -> tuple[int, int, str] | None:
        """The first built-in name the page keeps, found as ``_BuiltinNames.first_at_or_after`` finds names."""
        builtins = _builtin_names()
        while (found := builtins.first_at_or_after(text, lowered, position, endpos)) is not None:
            kept = self._kept_builtin_at(text, *found)
            if kept is not None:
                return kept
            position = found[0] + 1
        return None

    def _kept_builtin_at(self, text: str, start: int, end: int, group: str) -> tuple[int, int, str] | None:
        """The first built-in name in order at ``start`` that the page keeps, given the first one matching there:
        where the page names a place itself, a shorter built-in may still match ("Middle East" where the page's
        "Middle East And Africa" does not take "Middle East & Africa")."""
        while group in self._names.builtins_left_out:
            following = _builtins_after(group)
            match = following.match(text, start) if following is not None else None
            if match is None:
                return None
            end, group = match.end(), match.lastgroup
        return start, end, group


def _first_word_of(name: str) -> tuple[str, ...]:
    """The word in lower case that every match of ``name``'s pattern starts with, for ``matches_where_they_can_be``;
    none (search everywhere) for a name that starts otherwise or is not in ASCII."""
    first = name if _is_acronym(name) else re.split(WORD_SEPARATOR, name.strip())[0]
    return (first.lower(),) if first and first.isascii() and first.lower() not in ("&", "and") else ()


def _overlaps_one_of(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) shares a character with one of ``spans`` (in order, not overlapping)."""
    last = bisect.bisect_left(spans, (end, -math.inf)) - 1  # the last span that starts before ``end``
    return last >= 0 and spans[last][1] > start


def _within_one_of(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies within one of ``spans`` (in order, not overlapping): the last that starts
    at or before ``start`` is the only one that can hold it."""
    last = bisect.bisect_right(spans, (start, math.inf)) - 1
    return last >= 0 and end <= spans[last][1]


def _span_that_can_hold_unlisted_segments(text: str) -> tuple[int, int] | None:
    """(start, end) for searching ``_UNLISTED_SEGMENT``: every match ends with "segment" and holds only word
    characters, spaces and ",&'’/-", so the search runs from the last other character before the first "segment"
    to the character after the last one (the whole text where lower-casing disagrees with re); None without any
    "segment"."""
    lowered = lower_cased_for_re(text)
    if lowered is None:
        return 0, len(text)
    first = lowered.find("segment")
    if first < 0:
        return None
    end = min(len(text), lowered.rfind("segment") + len("segment") + 1)  # + 1: the "\b" after it looks there
    barrier = _NOT_IN_AN_UNLISTED_SEGMENT.search(text[first::-1])
    return (first - barrier.start() + 1 if barrier else 0), end


def _spans_that_can_hold_unlisted_segments(text: str) -> list[tuple[int, int]]:
    """The stretches of ``_span_that_can_hold_unlisted_segments`` in which ``_UNLISTED_SEGMENT`` finds all it finds
    there: each "segment" with what stands before it back to the last character no match can hold. A match ends
    with a "segment" and holds no such character, so it lies in the stretch of its "segment"; the search of the
    whole span finds nothing in between."""
    span = _span_that_can_hold_unlisted_segments(text)
    lowered = lower_cased_for_re(text)
    if span is None or lowered is None:
        return [span] if span else []
    first, last = span
    barriers = [match.start() for match in _NOWHERE_IN_AN_UNLISTED_SEGMENT.finditer(text, first, last)]
    spans: list[tuple[int, int]] = []
    word_start = lowered.find("segment", first)
    while 0 <= word_start < last:
        before = bisect.bisect_left(barriers, word_start) - 1
        start = barriers[before] + 1 if before >= 0 else first
        end = min(last, word_start + len("segment") + 1)  # + 1: the "\b" after it looks there
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        word_start = lowered.find("segment", word_start + 1)
    return spans


_ONLY_A_SEGMENT_NOUN = re.compile(r"\s+(?i:segment|category)")
# a statistics portal's "Revenue in the Coffee segment amounts to ...": the segment is "Coffee" (and "Revenue from the
# software segment reached ...": "software", "Growth in the Biosimilars segment is readjusted to ...": "Biosimilars")
_REVENUE_IN_THE = re.compile(r"(?i:revenues?|sales|spending|growth|demand)\s+(?i:in|of|from|for)\s+(?i:the)\s+")


def without_revenue_in_the(name: str) -> str:
    """'Revenue in the Coffee' → 'Coffee': a portal's words before a segment's name are no part of it."""
    opening = _REVENUE_IN_THE.match(name)
    return name[opening.end() :] if opening else name


def _unlisted_segments(
    text: str, listed: list[Mention], stretches: list[tuple[int, int]] | None = None
) -> list[Mention]:
    """'By vehicle type, the two-wheelers segment ...': a segment the page names without listing it; only in
    ``stretches``, when given (no match stands across their ends, which follow a character no match holds)."""
    taken = [(mention.start, mention.end) for mention in listed]
    found = []
    spans = [
        span
        for span in _spans_that_can_hold_unlisted_segments(text)
        if stretches is None or _overlaps_one_of(stretches, *span)
    ]
    for match in (match for span in spans for match in _UNLISTED_SEGMENT.finditer(text, *span)):
        name, name_start = match.group("name"), match.start("name")
        if _A_DIMENSIONS_HEADING_BEFORE.search(text, max(0, match.start() - 12), match.start()) or (
            _LEADS_A_DIMENSION_BEFORE.search(text, max(0, match.start() - 24), match.start("name"))
        ):
            # "Under the end user segment, hospitals contribute 50%", "hypermarkets & supermarkets will lead the
            # distribution channel segment with a 37.6% share": the dimension, not a member
            continue
        if revenue_in := _REVENUE_IN_THE.match(name):
            name, name_start = name[revenue_in.end() :], name_start + revenue_in.end()  # "Revenue in the Coffee"
        superlative = _SUPERLATIVE_END.search(name)
        if superlative and (named := _SEGMENT_IS.match(text, match.end())):
            # "The market's largest segment is Hotels with ...": the segment is the name after "is"
            found.append(Mention(named.start("name"), named.end("name"), NamedScope("segment", None, named["name"])))
            continue
        if (
            name.lower() in _NOT_SEGMENT_NAMES
            or name.split()[-1].lower() in _DETERMINERS  # "GlobalData expects this segment to ..."
            or superlative
            or any(start < match.end() and match.start() < end for start, end in taken)
        ):
            continue
        dimension = match.group("dimension")
        found.append(
            Mention(
                name_start,
                match.end(),
                NamedScope("segment", dimension.lower() if dimension else None, name),
            )
        )
    return found
