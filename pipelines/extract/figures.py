"""Stated figures: market sizes, CAGRs, shares and values of regions, countries and segments.

How a figure is read (rules measured on report pages):

* Each kind of token (money, percentage, year, year range, taxonomy name) is found in one pass over the whole
  document, then assigned to its sentence by bisection.
* A percentage is a CAGR when CAGR wording stands just before or after it, a share when share wording does;
  any other percentage is skipped with that reason.
* A figure belongs to the nearest region, country or segment named to its left in the same sentence; else
  "this segment" / "the regional market" refers back to the last one named in the previous sentences; else it is
  the whole market's.
* A value or share takes the first year after it in its clause ("in 2024", "by 2032"), else the nearest year
  before it in the sentence ("... share of 34.09% in 2024, valued at USD 938.9 million").
* A CAGR takes the year range after it ("from 2025 to 2032", "(2025-2032)"), or "the forecast period", or
  "by/through 2032" (from the start of the forecast period); else a range stated before it in the sentence.
* Sentences that open with a month and year ("In February 2025, X raised USD 20 million") are dated
  developments: their amounts are deal sizes, never market figures.
* The same figure stated twice (highlights and body) is one fact; the first statement is kept.
"""

from __future__ import annotations

import bisect
import functools
import heapq
import itertools
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal

from pipelines.extract.flat_tables import FlatTable, YearValueLine, find_flat_year_tables, find_year_value_lines
from pipelines.extract.geography import ALIASES, COMMON_COUNTRIES, WORLD_REGIONS
from pipelines.extract.key_words import lower_case_agrees_with_re
from pipelines.extract.metadata import MARKET_WORD, market_name_before
from pipelines.extract.name_trie import BEFORE_SEGMENT_WORD, TrieName, group_of, trie_pattern
from pipelines.extract.numbers import (
    AmbiguousNumberError,
    Money,
    Percent,
    YearMention,
    YearRange,
    find_money,
    find_percentages,
    find_year_ranges,
    find_years,
    parse_number,
    rounding_of,
)
from pipelines.extract.records import Sentence, SkippedStatement, StatedFigure, Taxonomy
from pipelines.extract.sentences import SentenceIndex
from pipelines.extract.stat_cards import StatCard, find_stat_cards
from pipelines.extract.text_tables import CellHint, TableRow, find_table_rows

# Placeholder periods of a CAGR, resolved once the page's forecast period is known (``resolve_cagr_periods``):
FORECAST_PERIOD = (-1, -1)  # the sentence says "over the forecast period"
UNSTATED_PERIOD = (-2, -2)  # the sentence states no period at all
PERIOD_SOURCES = ("sentence", "page label", "forecast period", "none")

_CAGR_BEFORE = re.compile(
    r"(?i:cagr|compound annual growth rate|annual growth rate|aggregate growth rate|annually"
    r"|(?:average|combined|compound(?:ed)?)\s+annual"
    r"\s+(?:growth\s+)?rate)\W*(?:\w+\W+){0,4}$"
)
_CAGR_AFTER = re.compile(
    r"^\s*(?i:cagr|compound annual growth|annual growth|annually|per\s+(?:year|annum)|a\s+year\b|(?:on\s+)?average"
    r"\s+(?:per\s+year|annually))"
)
# "Regional split: North America 38%, Europe 27%, Asia-Pacific 25%": a name, then its percentage, in a list.
_NAME_THEN_PERCENT = re.compile(r"\s?:?\s?")
_LISTED_SHARES_MINIMUM = 2
_SHARE_BEFORE = re.compile(
    r"(?i:share|accounted for|accounting for|accounts for|captured|captures|held|holds|hold|representing|represented"
    r"|commanded|commands|controlled|controls)"
    r"\W*(?:\w+\W+){0,4}$"
)
_SHARE_AFTER = re.compile(
    r"^\s*(?i:share|market share|of the (?:global |total |overall )?(?:market|revenue)"
    r"|of (?:the )?[\w&' -]{1,40}? (?:market|industry)(?:'s)? (?:share|size|revenue))"
)
# "+1.2% impact on CAGR", "2 points of CAGR": an effect on a growth rate, not a growth rate.
_EFFECT_ON_A_RATE = re.compile(
    r"^\s*(?i:impact|effect|points?\b|pp\b|percentage points?|year[- ]over[- ]year|y/y\b|yoy\b|y-o-y\b)"
)
# "Study Period 2019-2031 CAGR 7.9%": the years a study covers, not the period of its growth rate.
_NOT_A_RATE_PERIOD = re.compile(r"(?i:study\s+period|historical\s+(?:period|data|years)|history)\W*$")
# "global meat consumption is growing at 5-6%": a rate of volume, not of the market's value.
_VOLUME_RATE_BEFORE = re.compile(
    r"\b(?i:consumption|production|shipments?|installations?|deployments?|(?<!end[- ])users?|subscribers?|units?"
    r"|volumes?|launches|capacity)\b(?:(?!\b(?i:market|industry|revenue|value)\b)[^.;])*$"
)
_FORECAST_PERIOD_WORDS = re.compile(
    r"(?i:forecast period|forecast years|projection period|forecast timeframe|(?:upcoming|coming) years|years to come)"
)
_UNTIL_YEAR = re.compile(r"(?i:by|through|till|until|to)\s+(?:the\s+end\s+of\s+)?(?:FY\s?)?(?P<year>(?:19|20)\d{2})\b")
_DEVELOPMENT_OPENING = re.compile(
    r"^(?:(?i:in|on|during|since)\s+)?(?i:january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b"
)
_SEGMENT_REFERENCE = re.compile(r"\b(?i:this|the|that)\s+(?i:segment|sub-segment|category)\b")
_REGION_REFERENCE = re.compile(r"\b(?i:the|this|that)\s+(?i:regional\s+market|region|regional\s+industry)\b")
_REGION_THEN_SEGMENT = re.compile(r"^(?:['’]s)?\s*(?:(?i:market|region))?\s*,?\s*(?:(?i:the)\s+)?$")
_SEGMENT_THEN_REGION = re.compile(
    r"^\s*(?:(?i:segment|category|market))?\s*(?i:in|of|across|within|for)\s+(?:(?i:the)\s+)?$"
)
_REFERENCE_LOOKBACK_SENTENCES = 3
# "Photonlink raised $60 million", "a contract worth USD 120 million": amounts of deals, not of markets.
_DEAL_BEFORE = re.compile(
    r"\b(?i:raised|raises|raising|secured|secures|closed|won|wins|awarded|invested|invests|injected|investment\s+of"
    r"|funding\s+of|financing\s+of|acquired|acquires|acquisition\s+of|bought|ordered|orders|signed|placed"
    r"|(?:contract|deal|order|agreement|grant|round)\s+(?:worth|valued\s+at|of))\b[^.;]*$"
)
# "USD 6.20 per pound", "$87 million of venture capital", "a budget of EUR 1 billion", "$2.6bn set-up costs":
# prices, funding, budgets and costs, not the size of a market.
_NOT_MARKET_AFTER = re.compile(
    r"\s*(?:(?i:per|a|an|each|for\s+(?:a|an|each|one))\s+(?!year\b|annum\b)[a-z]+\b(?!\s+market)|/\s?[a-z]+\b"
    r"|(?i:of|in)\s+(?:(?i:new|fresh|total|private|public|federal|government)\s+)?"
    r"(?i:venture|funding|investments?|financing|capital|grants?|seed|series\s+[a-e]|subsid|budget|revenue\s+for)"
    r"|(?i:(?:in\s+)?(?:set-up\s+|setup\s+|mission\s+|development\s+|capital\s+)?costs?\b|funding|budget)"
    r"|(?i:[a-z-]*\s*)?(?i:contract|deal|investment|acquisition|valuation|funding\s+round))"
)
# "- By Type: Battery Electric Vehicle (52.0%)", "- Largest Region (2024): Asia Pacific (50%)": a key-findings line.
_LABELLED_MEMBER_SHARE = re.compile(
    r"[-•*·\s]*(?:(?i:by)\s+(?P<dimension>[A-Za-z][\w &/-]{1,30}?)|(?i:largest|leading|dominant|top|biggest)\s+"
    r"(?P<largest>[A-Za-z][\w &/-]{1,30}?))\s*(?:\((?P<year>(?:19|20)\d{2})\))?\s*:\s*"
    r"(?P<member>[A-Za-z0-9][^():;]{0,60}?)\s*\(\s*"
)
# "13.4% in volume and 15.7% in economic terms": rates joined in one phrase.
_RATES_IN_A_ROW = re.compile(r"(?:\s+(?i:in|by)\s+[a-z]+(?:\s+[a-z]+)?)?\s*(?:,|(?i:and|or|to))\s*(?:(?i:a|an)\s+)?")
_INCREMENT_BEFORE = re.compile(
    r"\b(?i:grow|grows|grew|growing|expand|expands|expanded|expanding|increase|increases|increased|increasing|rise"
    r"|rises|rising|add|adds|adding)\s+(?i:by|of)\s+(?:(?i:about|around|nearly|over|more\s+than|some)\s+)?$"
)
_JOINED_PLACES = re.compile(r"\s*(?:,\s*(?:(?i:and)\s+)?|(?i:and|&)\s+)(?:(?i:the)\s+)?")
_THIS_PERIOD = re.compile(r"\b(?i:this|that)\s+(?:(?i:forecast|projection)\s+)?(?i:period|timeframe|time\s+frame)\b")
_SAME_PERIOD = re.compile(r"\b(?i:(?:over|during|in|for)\s+the\s+same\s+(?:period|timeframe|time\s+frame|years))\b")
_RESPECTIVELY = re.compile(r"\b(?i:respectively)\b")
_DOLLARS_AFTER = re.compile(r"\s(?i:dollars?)\b")
_AMOUNTS_JOINED = re.compile(r"\s*(?:,|(?i:and)|&)\s*")
_CONVERSION_OPENING = re.compile(r"\s*\(\s*(?:(?i:about|around|approx\.?|approximately|or)\s+)?")
# "$87 million vs. $4.7 billion": an amount compared with one that is not a market figure is not one either.
_COMPARED_WITH = re.compile(r"\s*(?i:vs\.?|versus|compared\s+(?:to|with)|against|and)\s*")
_NOT_MARKET_BEFORE = re.compile(
    r"\b(?i:budget|costs?|costing|spent|price|priced|sold\s+for|funding|funded|venture\s+capital"
    r"|invest(?:ed|ing|ment|ments)?|allocated|authori[sz]ed|grant|grants|subsid(?:y|ies)|revenues?\s+of"
    r"\s+[A-Z]\w*|loan|loans|bond|fine|fined|saved|savings|raise|raising|exports?|exported|imports?|imported"
    r"|shipments?|shipped)\b(?:[^.;]|(?<=vs)\.){0,60}$"
)
# "- By pets, dogs captured 49.6% ... whereas cats are projected to post a 7.7% CAGR": a takeaway line whose
# figures are each about the member that opens its clause.
_BY_DIMENSION_OPENING = re.compile(r"^[-•*·\s]*(?i:by)\s+(?P<dimension>[A-Za-z][\w &/-]{1,40}?),\s+")
_CLAUSE_OPENING = re.compile(r"(?:[;,]\s*(?:(?i:whereas|while|and|but)\s+)?|\b(?i:whereas|while)\s+)")
_MEMBER_THEN_VERB = re.compile(
    r"\s*(?:(?i:the)\s+)?(?P<member>[A-Za-z0-9][\w&'’/-]*(?:\s+[\w&'’/()-]+){0,4}?)(?:\s+(?i:class|category))?\s+"
    r"(?i:captured|captures|capture|held|holds|hold|accounted|accounts|account|commanded|commands|command|led|leads"
    r"|lead|dominated|dominates|dominate|represents|represent"
    r"|generated|registered|records|recorded|contributed|represented|posted|is|are|was|were|will|grew|grows)\b"
)
# Subjects that are no member: "it holds", "the market holds", "this segment holds", "the company holds".
_NOT_A_MEMBER = re.compile(
    r"(?i:it|this|that|they|which|who|market|industry|sector|segment|region|company|the\s+company|firm|player|\w+\s+market"
    r"|\w+\s+industry|top\s+\w+\s+players?|(?:leading|major|key)\s+\w+|\w+\s+(?:inc|corp|ltd|plc)\.?)"
)
_GENERIC_MEMBER_NOUN = re.compile(r"\s+(?i:sector|segment|sub-segment|class|category)$")
_SEGMENT_NOUN = re.compile(r"\s+(?i:segment|sub-segment|channel|category|vertical)$")
_SEGMENT_WORD = re.compile(r"\s+(?i:segment|sub-segment)$")
_REGION_DIMENSIONS = frozenset({"region", "regions", "geography", "geographies", "geographic region"})
# An amount of plain currency units under a million ("USD 6.20", "$98.9") is a price or a line item, never a
# market's size.
_SMALLEST_MARKET_MILLIONS = Decimal(1)
_SCALED = re.compile(r"(?i:thousand|million|billion|trillion|mn|mln|bn|tn|[kmbt])\W*$|(?i:\(.*\))")
# A value with no year is a market figure only where the sentence says it is the market's size or worth.
# "from roughly $1 billion now to over $7 billion in 2027": the market's size today, year unstated.
_NOW_AFTER = re.compile(r"\s+(?i:now|today|currently|at\s+present)\b")
_MARKET_SIZE_WORDING = re.compile(
    r"(?i:market|industry|sector)\b[^.;]{0,80}?"
    r"(?i:valued|value|worth|size|sized|estimated|stood|revenue|at\b|around\b|approximately\b|about\b)"
    r"|(?i:valued|worth|size)\b[^.;]{0,40}?(?i:market|industry|sector)"
)
_DATELINE_AFTER = re.compile(
    r",?\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d{2}"
    r"|[^.\n]{0,40}/(?i:pr\s?newswire|business\s?wire|globe\s?newswire)/"
)
_UNLISTED_SEGMENT = re.compile(
    r"(?:\b(?i:by)\s+(?P<dimension>[a-z][\w -]{1,30}?),\s+)?\b(?i:the)\s+"
    r"(?P<name>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,3}?)\s+(?:(?i:application|product|end[- ]use)\s+)?(?i:segment)\b"
)
_SUPERLATIVE_END = re.compile(
    r"\b(?i:largest|biggest|leading|dominant|fastest[- ]growing|second[- ]largest|smallest|top)$"
)
_SEGMENT_IS = re.compile(r"\s+(?i:is|was|remains|will\s+be)\s+(?P<name>[A-Z][\w&'’/-]*(?:\s+[A-Z][\w&'’/-]*){0,3})")
_NOT_IN_AN_UNLISTED_SEGMENT = re.compile(r"[^\w\s,&'’/-]")
_NOT_SEGMENT_NAMES = frozenset(
    {"this", "that", "largest", "fastest-growing", "fastest growing", "leading", "dominant", "biggest", "smallest",
     "same", "other", "whole", "second-largest", "largest revenue", "fastest", "top", "key", "main", "overall"}
)  # fmt: skip
_GENERIC_MEMBERS = frozenset({"others", "other"})
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")


@dataclass(frozen=True)
class NamedScope:
    scope: str  # 'region' | 'country' | 'segment'
    dimension: str
    member: str


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    target: NamedScope


@functools.lru_cache(maxsize=65536)
def _name_pattern(name: str) -> str:
    if _is_acronym(name):
        return f"(?-i:{name})"  # "US", "UK", "APAC" only in capitals: "us" is a pronoun
    tokens = re.split(r"[\s\-]+", name.strip())
    parts = [r"(?:&|and)" if token in ("&", "and") else re.escape(token) for token in tokens]
    return r"[\s\-]+".join(parts)


@functools.lru_cache(maxsize=65536)
def _normalised(name: str) -> str:
    return " ".join(re.split(r"[\s\-]+", name.lower())).replace(" and ", " & ")


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

    def first_at_or_after(self, text: str, lowered: str | None, position: int) -> tuple[int, int, str] | None:
        """(start, end, group) of the match ``self.pattern.search(text, position)`` finds; by the trie on
        ``lowered``, the lower-cased text, unless it is None (lower-casing does not read the text as re does)."""
        if lowered is None or self.lowered_pattern is None:
            match = self.pattern.search(text, position) if self.pattern else None
            return None if match is None else (match.start(), match.end(), match.lastgroup)
        while (match := self.lowered_pattern.search(lowered, position)) is not None:
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

    def ahead_in(self, text: str, lowered: str | None) -> _NamesAhead:
        """The names searched one at a time in ``text``, merged as their single alternation finds them; with
        ``lowered``, the lower-cased text, a name is tried only where its lower-cased spelling is written."""
        return _NamesAhead(text, lowered, self.one_by_one)


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

    def __init__(self, text: str, lowered: str | None, patterns: tuple[tuple[re.Pattern, re.Pattern | None, str], ...]):
        self._text = text
        self._lowered = lowered
        self._patterns = patterns
        self._ahead: list[tuple[int, int, int]] = []  # a heap of (start, the name's place in order, end)
        for order in range(len(patterns)):
            if (match := self._next_match(order, 0)) is not None:
                self._ahead.append((match.start(), order, match.end()))
        heapq.heapify(self._ahead)

    def _next_match(self, order: int, position: int) -> re.Match | None:
        pattern, lower_cased, _ = self._patterns[order]
        if self._lowered is None or lower_cased is None:
            return pattern.search(self._text, position)
        while position <= len(self._lowered) and (candidate := lower_cased.search(self._lowered, position)):
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
    for place, spellings in _BUILTIN_PLACES:
        place_covered = _normalised(place.member) in covered
        for spelling, group in spellings:
            if place_covered or _normalised(spelling) in covered:
                left_out.append(group)
            else:
                covered.add(_normalised(spelling))
    return frozenset(left_out), frozenset(covered)


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
def _place_the_market_starts_with(covered: frozenset[str], market: str | None) -> str | None:
    """A place the market's own name starts with ("India Electric Bus Charging") is the market, not a part of it."""
    if not market:
        return None
    normalised_market = _normalised(market)
    return next((name for name in covered if normalised_market.startswith(name + " ")), None)


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

    def find(self, text: str) -> list[_Mention]:
        """Every named region, country and segment, then the segments a sentence names without a list
        ("the two-wheelers segment"), leaving out datelines and the market's own place."""
        mentions = []
        inside_market_name = (
            [(m.start(), m.end()) for m in self._market_name.finditer(text)] if self._market_name else []
        )
        for start, end, group in self._names_in(text):
            if _within_one_of(inside_market_name, start, end):
                continue
            target = self._targets[group]
            if _DATELINE_AFTER.match(text, end):
                continue  # "PUNE, India, March 4, 2025 /PRNewswire/": where the news was filed
            if text.startswith("$", end) or text.startswith(" $", end) or _DOLLARS_AFTER.match(text, end):
                continue  # "US $ 460 billion", "161 billion U.S. dollars": a currency, not the country
            if self._market_place and _normalised(text[start:end]) == self._market_place:
                continue
            mentions.append(_Mention(start, end, target))
        return sorted([*mentions, *_unlisted_segments(text, mentions)], key=lambda mention: mention.start)

    def _names_in(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, group) of every name, as ``finditer`` of the single alternation of the page's names and the
        built-in names it keeps would find them: at the earliest position the first name in order, then on from
        its end. The page's names and the built-in ones are searched apart, the built-ins with one pattern for every
        page, and the two streams merged; at one position the longer name wins, the page's at equal length."""
        lowered = text.lower() if lower_case_agrees_with_re(text) else None
        page = self._names.page
        page_ahead = page.ahead_in(text, lowered)
        builtin_lengths = _builtin_names().name_lengths
        in_page = page_ahead.first_at_or_after(0)
        builtin = self._first_builtin_at_or_after(text, lowered, 0)
        while in_page is not None or builtin is not None:
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
                builtin = self._first_builtin_at_or_after(text, lowered, position)

    def _first_builtin_at_or_after(self, text: str, lowered: str | None, position: int) -> tuple[int, int, str] | None:
        """The first built-in name the page keeps, found as ``_BuiltinNames.first_at_or_after`` finds names."""
        builtins = _builtin_names()
        while (found := builtins.first_at_or_after(text, lowered, position)) is not None:
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
    if not lower_case_agrees_with_re(text):
        return 0, len(text)
    lowered = text.lower()
    first = lowered.find("segment")
    if first < 0:
        return None
    end = min(len(text), lowered.rfind("segment") + len("segment") + 1)  # + 1: the "\b" after it looks there
    barrier = _NOT_IN_AN_UNLISTED_SEGMENT.search(text[first::-1])
    return (first - barrier.start() + 1 if barrier else 0), end


def _unlisted_segments(text: str, listed: list[_Mention]) -> list[_Mention]:
    """'By vehicle type, the two-wheelers segment ...': a segment the page names without listing it."""
    span = _span_that_can_hold_unlisted_segments(text)
    if span is None:
        return []
    taken = [(mention.start, mention.end) for mention in listed]
    found = []
    for match in _UNLISTED_SEGMENT.finditer(text, *span):
        name = match.group("name")
        superlative = _SUPERLATIVE_END.search(name)
        if superlative and (named := _SEGMENT_IS.match(text, match.end())):
            # "The market's largest segment is Hotels with ...": the segment is the name after "is"
            found.append(_Mention(named.start("name"), named.end("name"), NamedScope("segment", None, named["name"])))
            continue
        if (
            name.lower() in _NOT_SEGMENT_NAMES
            or superlative
            or any(start < match.end() and match.start() < end for start, end in taken)
        ):
            continue
        dimension = match.group("dimension")
        found.append(
            _Mention(
                match.start("name"),
                match.end(),
                NamedScope("segment", dimension.lower() if dimension else None, name),
            )
        )
    return found


@dataclass
class _SentenceTokens:
    sentence: Sentence
    money: list[Money]
    percentages: list[Percent]
    years: list[YearMention]
    ranges: list[YearRange]
    mentions: list[_Mention]


def _group_by_sentence(index: SentenceIndex, text: str, gazetteer: Gazetteer) -> dict[int, _SentenceTokens]:
    grouped: dict[int, _SentenceTokens] = {}
    position_of = index.position_of
    for kind, items in (
        ("money", find_money(text)),
        ("percentages", find_percentages(text)),
        ("years", find_years(text)),
        ("ranges", find_year_ranges(text)),
        ("mentions", gazetteer.find(text)),
    ):
        for item in items:
            position = position_of(item.start)
            if position is None:
                continue
            tokens = grouped.get(position)
            if tokens is None:
                tokens = grouped[position] = _SentenceTokens(index.sentences[position], [], [], [], [], [])
            getattr(tokens, kind).append(item)
    return grouped


def _bare_amounts(text: str, row: TableRow) -> list[Money]:
    """'| North America | 88.6 | 702.4 |' under '2024 (USD million)': numbers whose currency is in the header."""
    amounts = []
    for cell in row.cells:
        hint = cell.hint
        if cell.bare_number is None or hint.metric != "value" or hint.scale_in_millions is None:
            continue
        if _YEAR_LIKE.fullmatch(cell.bare_number):
            continue  # "Base Year | 2024" under a header in USD billion: a year, not an amount
        start = cell.bare_number_start
        end = start + len(cell.bare_number)
        try:
            stated = parse_number(cell.bare_number)
            low, problem = stated * hint.scale_in_millions, None
        except AmbiguousNumberError as error:
            stated, low, problem = Decimal(0), Decimal(0), str(error)
        rounding = rounding_of(stated) * hint.scale_in_millions
        amounts.append(Money(start, end, text[start:end], hint.currency, low, None, rounding, problem))
    return amounts


def _member_opening_clause(
    text: str, sentence: Sentence, position: int, require_by_dimension: bool = True
) -> NamedScope | None:
    """In "By pets, dogs captured 49.6% ... while cats are projected to post a 7.7% CAGR", the member that opens
    the clause holding ``position`` (dogs, cats); None when no member opens it, or, with
    ``require_by_dimension``, outside such a sentence."""
    opening = _BY_DIMENSION_OPENING.match(sentence.text)
    if opening is None and require_by_dimension:
        return None
    relative = position - sentence.char_start
    clause_start = opening.end() if opening else 0
    for boundary in _CLAUSE_OPENING.finditer(sentence.text, clause_start, relative):
        clause_start = boundary.end()
    member = _MEMBER_THEN_VERB.match(sentence.text, clause_start, relative)
    if member is None or _NOT_A_MEMBER.fullmatch(member.group("member")):
        return None
    # "The residential sector accounts for 54%": the member is "residential"
    name = _GENERIC_MEMBER_NOUN.sub("", member.group("member")) or member.group("member")
    if opening is None:
        return NamedScope("segment", None, name)
    dimension = " ".join(opening.group("dimension").lower().split())
    if dimension in _REGION_DIMENSIONS:
        return NamedScope("region", "region", name)
    return NamedScope("segment", dimension, name)


def _is_unnamed_local_conversion(text: str, money: Money, amounts: list[Money]) -> bool:
    """ "$US90 billion ($125 billion)": a bare "$" amount in brackets right after an amount in named US dollars is
    the same figure in the page's own dollars (Australian, Canadian, ...), which it does not name."""
    if not money.text.startswith("$"):
        return False
    previous = next((other for other in reversed(amounts) if other.end <= money.start), None)
    return (
        previous is not None
        and previous.currency == "USD"
        and "US" in previous.text.upper().replace(".", "")
        and _CONVERSION_OPENING.fullmatch(text, previous.end, money.start) is not None
        and "(" in text[previous.end : money.start]
    )


def _is_not_a_market_amount(text: str, money: Money, clause_start: int) -> bool:
    """A price per unit, a cost, a budget, funding or an investment: named just after or before the amount; or
    an increase ("will expand by USD 1.26 billion between 2023 and 2028")."""
    if _INCREMENT_BEFORE.search(text, max(clause_start, money.start - 40), money.start):
        return True
    if money.low_millions < _SMALLEST_MARKET_MILLIONS and not _SCALED.search(money.text):
        return True
    if _NOT_MARKET_AFTER.match(text, money.end):
        return True
    return bool(_NOT_MARKET_BEFORE.search(text, max(clause_start, money.start - 80), money.start))


def _classify_percentage(text: str, percent: Percent, clause_start: int, clause_end: int) -> str | None:
    before = text[clause_start : percent.start]
    after = text[percent.end : clause_end]
    if _EFFECT_ON_A_RATE.match(after):
        return None
    if _CAGR_BEFORE.search(before) or _CAGR_AFTER.match(after):
        return None if _VOLUME_RATE_BEFORE.search(before) else "cagr"
    if _SHARE_BEFORE.search(before) or _SHARE_AFTER.match(after):
        return "share"
    return None


def _is_listed_share(text: str, percent: Percent, tokens: _SentenceTokens) -> bool:
    """'North America 38%, Europe 27%, Asia-Pacific 25%': percentages each written right after a region, country
    or segment, two or more in one sentence, are those members' shares."""
    ends = {mention.end for mention in tokens.mentions}

    def right_after_a_name(item: Percent) -> bool:
        return any(_NAME_THEN_PERCENT.fullmatch(text, end, item.start) for end in ends if end <= item.start)

    if not right_after_a_name(percent):
        return False
    return sum(1 for item in tokens.percentages if right_after_a_name(item)) >= _LISTED_SHARES_MINIMUM


def _year_for(
    figure_start: int, figure_end: int, clause_end: int, tokens: _SentenceTokens, hint: CellHint | None = None
) -> int | None:
    if hint and hint.year:
        # a table cell: a year in the cell itself, else the column header's
        in_cell = [year for year in tokens.years if figure_end <= year.start < clause_end]
        return in_cell[0].year if in_cell else hint.year
    after = [year for year in tokens.years if figure_end <= year.start < clause_end]
    if after:
        return after[0].year
    before = [year for year in tokens.years if year.end <= figure_start]
    return before[-1].year if before else None


def _cagr_period(text: str, percent: Percent, clause_start: int, clause_end: int, tokens: _SentenceTokens):
    """(first year, last year) of a CAGR from its own sentence, in this order: a year range after it ("from 2025
    to 2032", "(2025-2032)"); the years of the values the sentence grows from and to ("from USD 1.5 billion in
    2025 to USD 4.0 billion by 2032, ... a CAGR of 15%"); "by 2032" after it, from the year the sentence starts at
    (else the forecast period's start); a year range before it. Else FORECAST_PERIOD where the sentence says "the
    forecast period", else UNSTATED_PERIOD: both resolved from the page (``resolve_cagr_periods``)."""
    after_ranges = [r for r in tokens.ranges if percent.end <= r.start < clause_end]
    if after_ranges:
        return after_ranges[0].first_year, after_ranges[0].last_year
    # "13.4% in volume and 15.7% in value between 2020 and 2028": rates in a row share the range after the last
    later_ranges = [r for r in tokens.ranges if r.start >= clause_end]
    if later_ranges and not any(m.start < later_ranges[0].start and m.start >= percent.end for m in tokens.money):
        between = [p for p in tokens.percentages if percent.end <= p.start < later_ranges[0].start]
        if between and all(
            _RATES_IN_A_ROW.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise([percent, *between])
        ):
            return later_ranges[0].first_year, later_ranges[0].last_year
    value_years = _years_of_values_before(percent.start, tokens)
    if len(value_years) >= 2 and value_years[-2] != value_years[-1]:
        # "to reach USD 270.3 billion by 2021 from USD 227.5 billion in 2020, at a CAGR of 23.6%": either order
        return min(value_years[-2:]), max(value_years[-2:])
    years_after = _years_of_values_after(percent.end, tokens)
    if len(years_after) >= 2 and years_after[0] < years_after[1]:
        # "a CAGR of 14.1%, rising from $894 million in 2020 to $2.6 billion in 2028"
        return years_after[0], years_after[1]
    year_before = _year_of_last_value_before(percent.start, tokens)
    year_after = _year_of_first_value_after(percent.end, clause_end, tokens)
    if year_before is not None and year_after is not None and year_before < year_after:
        # "estimated at USD 278.2 billion in 2023; ... a CAGR of 9.0% to reach USD 428.4 billion by 2028"
        return year_before, year_after
    after_text = text[percent.end : clause_end]
    until = _UNTIL_YEAR.search(after_text)
    if until and not _FORECAST_PERIOD_WORDS.search(after_text, 0, until.start()):
        end_year = int(until.group("year"))
        # "estimated at $15 to $20 million in 2014, with a forecast of 40% CAGR through 2020": from the year of
        # the value the sentence starts at
        stated_from = value_years[-1] if value_years else _year_of_last_value_before(percent.start, tokens)
        start_year = stated_from if stated_from is not None and stated_from < end_year else FORECAST_PERIOD[0]
        return start_year, end_year
    before_ranges = [
        r
        for r in tokens.ranges
        if r.end <= percent.start and not _NOT_A_RATE_PERIOD.search(text, max(0, r.start - 30), r.start)
    ]
    if before_ranges:
        return before_ranges[-1].first_year, before_ranges[-1].last_year
    if _FORECAST_PERIOD_WORDS.search(tokens.sentence.text):
        return FORECAST_PERIOD
    return UNSTATED_PERIOD


def _year_of_first_value_after(position: int, clause_end: int, tokens: _SentenceTokens) -> int | None:
    """The year of the money value right after ``position`` when no other percentage comes first."""
    following = sorted((item for item in [*tokens.money, *tokens.percentages] if item.start >= position),
                       key=lambda item: item.start)  # fmt: skip
    if not following or not isinstance(following[0], Money):
        return None
    limit = following[1].start if len(following) > 1 else tokens.sentence.char_end
    return next((year.year for year in tokens.years if following[0].end <= year.start < limit), None)


def _year_of_last_value_before(position: int, tokens: _SentenceTokens) -> int | None:
    """The year of the last money value before ``position``: stated after it ("$15 million in 2014, ... 40%"), else
    before it ("in 2014 was estimated at $15 to $20 million, with a forecast of 40% CAGR through 2020")."""
    values = [money for money in tokens.money if money.end <= position]
    if not values:
        return None
    after = next((year.year for year in tokens.years if values[-1].end <= year.start < position), None)
    if after is not None:
        return after
    before = [year.year for year in tokens.years if year.end <= values[-1].start]
    return before[-1] if before else None


def _years_of_values_after(position: int, tokens: _SentenceTokens) -> list[int]:
    """The years of the first two values stated after ``position``, when no other figure comes between."""
    following = [item for item in [*tokens.money, *tokens.percentages] if item.start >= position]
    following.sort(key=lambda item: item.start)
    values = following[:2]
    if len(values) < 2 or not all(isinstance(item, Money) for item in values):
        return []
    boundaries = [values[1].start, tokens.sentence.char_end]
    years = []
    for money, limit in zip(values, boundaries, strict=True):
        year = next((y.year for y in tokens.years if money.end <= y.start < limit), None)
        if year is None:
            return []
        years.append(year)
    return years


def _years_of_values_before(position: int, tokens: _SentenceTokens) -> list[int]:
    """The distinct years, in reading order, that follow the money values stated before ``position``: "from USD
    1.5 billion in 2025 to USD 4.0 billion by 2032" → [2025, 2032]. Only when two or more values are stated."""
    values = [money for money in tokens.money if money.end <= position]
    if len(values) < 2:
        return []
    years: list[int] = []
    for money, following in zip(values, [*values[1:], None], strict=True):
        limit = following.start if following else position
        year = next((y.year for y in tokens.years if money.end <= y.start < limit), None)
        if year is not None and (not years or years[-1] != year):
            years.append(year)
    return years


def _region_of_segment(text: str, mentions: list[_Mention]) -> tuple[NamedScope, str] | None:
    """'In North America, the C-type segment ...' or 'the C-type segment in North America ...': a segment
    figure limited to one region (a cell of the segment x region cube), when the two names are linked directly."""
    if len(mentions) < 2:
        return None
    first, second = mentions[-2], mentions[-1]
    between = text[first.end : second.start]
    if first.target.scope == "region" and second.target.scope == "segment" and _REGION_THEN_SEGMENT.match(between):
        return second.target, first.target.member
    if first.target.scope == "segment" and second.target.scope == "region" and _SEGMENT_THEN_REGION.match(between):
        return first.target, second.target.member
    return None


_NAME_NOISE = frozenset({"global", "worldwide", "world", "overall", "total"})


def _market_named_before(text: str, sentence_start: int, figure_start: int) -> str | None:
    """The name in the last "<name> market" of the sentence before the figure: "the air-source heat pump market is
    projected to grow at 8.4%" → 'air-source heat pump'."""
    last = None
    for match in MARKET_WORD.finditer(text, sentence_start, figure_start):
        last = match
    return market_name_before(text, last.start(), sentence_start) if last else None


def _market_words(name: str) -> frozenset[str]:
    words = re.split(r"[\s\-/(),]+", name.lower().replace("&", " and "))
    return frozenset(
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
        for word in words
        if word and word not in _NAME_NOISE
    )


def _shares_a_word(named: str, market: str) -> bool:
    return bool(_market_words(named) & _market_words(market))


@functools.lru_cache(maxsize=4096)
def _relation_to_the_market(named: str, market: str) -> str:
    """'same' ("heat pump" on a heat-pump page, or a shorter name for it), 'part' ("air-source heat pump": the
    market's name and more, a segment of it) or 'other' ("space economy" on a space-mining page)."""
    named_words, market_words = _market_words(named), _market_words(market)
    if not named_words or named_words <= market_words:
        return "same"
    if market_words <= named_words:
        return "part"
    return "other"


def _scope_for(
    text: str, figure_start: int, tokens: _SentenceTokens, recent: list[_Mention]
) -> tuple[NamedScope | None, str | None]:
    """(what the figure is about, the region a segment figure is limited to)."""
    named_before = [mention for mention in tokens.mentions if mention.end <= figure_start]
    if named_before:
        cell = _region_of_segment(text, named_before)
        if cell:
            return cell
        return _places_together(text, named_before, tokens, figure_start) or named_before[-1].target, None
    reference = _reference_in(tokens.sentence.text)
    if reference == "segment":
        return next((m.target for m in reversed(recent) if m.target.scope == "segment"), None), None
    if reference == "region":
        regions = (m.target for m in reversed(recent) if m.target.scope == "region")
        return next(regions, None), None
    return None, None


def _places_together(
    text: str, named_before: list[_Mention], tokens: _SentenceTokens, figure_start: int
) -> NamedScope | None:
    """Places named together before a figure share it ("Japan and China held 69%"), named as the page writes
    them. With "respectively", the figures after them go to them one by one, in order."""
    together = [named_before[-1]]
    for mention in reversed(named_before[:-1]):
        if mention.target.scope not in ("region", "country") or not _JOINED_PLACES.fullmatch(
            text, mention.end, together[0].start
        ):
            break
        together.insert(0, mention)
    if len(together) < 2 or together[-1].target.scope not in ("region", "country"):
        return None
    if _RESPECTIVELY.search(tokens.sentence.text):
        # "the Asia-Pacific and US markets grew at 7.4% and 5.1% respectively, to $82.1bn and $23.4bn": one
        # figure of each kind per place, in order
        for kind in (tokens.money, tokens.percentages):
            figures = sorted(item.start for item in kind if item.start > together[-1].end)
            if len(figures) == len(together) and figure_start in figures:
                return together[figures.index(figure_start)].target
        return None
    scope = "region" if any(m.target.scope == "region" for m in together) else "country"
    return NamedScope(scope, scope, text[together[0].start : together[-1].end])


@functools.lru_cache(maxsize=1024)
def _reference_in(sentence_text: str) -> str | None:
    """'segment' for a sentence that says "this segment", 'region' for "the regional market", else None.
    Cached: each figure of the sentence asks."""
    if _SEGMENT_REFERENCE.search(sentence_text):
        return "segment"
    if _REGION_REFERENCE.search(sentence_text):
        return "region"
    return None


def _as_float(number: Decimal | None) -> float | None:
    return float(number) if number is not None else None


def extract_figures(
    text: str, sentences: list[Sentence], taxonomy: Taxonomy, market: str | None = None
) -> tuple[list[StatedFigure], list[SkippedStatement]]:
    """All figures stated in ``text``, de-duplicated, with CAGR periods left as FORECAST_PERIOD where the text
    says "over the forecast period" (see ``resolve_forecast_period``)."""
    index = SentenceIndex(sentences)
    grouped = _group_by_sentence(index, text, Gazetteer(taxonomy, market))
    table_rows = find_table_rows(text, sentences)
    figures: list[StatedFigure] = []
    skipped: list[SkippedStatement] = []
    recent_mentions: list[_Mention] = []
    previous_position = -1
    last_cagr_period: tuple[int, int] | None = None  # the last CAGR period a sentence stated
    last_value_years: tuple[int, int] | None = None  # the years the last sentence with two dated values spans

    cards = find_stat_cards(text, sentences)
    flat_tables = find_flat_year_tables(sentences)
    year_value_lines = find_year_value_lines(sentences)
    for position in sorted(set(grouped) | set(table_rows) | set(cards) | set(flat_tables) | set(year_value_lines)):
        tokens = grouped.get(position) or _SentenceTokens(sentences[position], [], [], [], [], [])
        sentence = tokens.sentence
        if position in year_value_lines:
            figures.append(_year_value_figure(year_value_lines[position]))
            continue
        if position in flat_tables:
            figures.extend(_flat_table_figures(flat_tables[position], tokens.mentions))
            recent_mentions.extend(tokens.mentions)
            continue
        if position in cards:
            label_tokens = grouped.get(position + 1)
            figure, problem = _card_figure(text, cards[position], label_tokens.mentions if label_tokens else [])
            if figure is not None:
                figures.append(figure)
            else:
                start, end = cards[position].quote_span
                skipped.append(SkippedStatement(problem, text[start:end], start, end))
            continue
        row = table_rows.get(position)
        if row:
            tokens.money = sorted([*tokens.money, *_bare_amounts(text, row)], key=lambda item: item.start)
        if position - previous_position > _REFERENCE_LOOKBACK_SENTENCES:
            recent_mentions = []
        previous_position = position

        def skip(reason: str, sentence: Sentence = sentence) -> None:
            skipped.append(SkippedStatement(reason, sentence.text, sentence.char_start, sentence.char_end))

        if _DEVELOPMENT_OPENING.match(sentence.text):
            recent_mentions.extend(tokens.mentions)
            continue  # amounts in dated developments are deal sizes (see developments.py)

        # Boundaries between figures: each figure's clause runs to the next figure or the sentence's end.
        figure_tokens = sorted([*tokens.money, *tokens.percentages], key=lambda item: item.start)
        if not figure_tokens:
            recent_mentions.extend(tokens.mentions)
            continue
        boundaries = [item.start for item in figure_tokens[1:]] + [sentence.char_end]
        clause_starts = [sentence.char_start] + [item.end for item in figure_tokens[:-1]]
        not_market_end = None  # where the last amount that is not a market figure ended
        previous_cagr_end = None  # where the last percentage read as a CAGR ended
        for item, clause_start, clause_end in zip(figure_tokens, clause_starts, boundaries, strict=True):
            if item.problem:
                skip(f"{item.text!r} at {item.start}: {item.problem}")
                continue
            if isinstance(item, Money) and _DEAL_BEFORE.search(text, max(clause_start, item.start - 80), item.start):
                skip(f"{item.text!r} at {item.start}: a deal amount (funding, contract, order), not a market figure")
                not_market_end = item.end
                continue
            compared = not_market_end is not None and _COMPARED_WITH.fullmatch(text, not_market_end, item.start)
            if isinstance(item, Money) and not row and (compared or _is_not_a_market_amount(text, item, clause_start)):
                skip(f"{item.text!r} at {item.start}: a price, cost, budget or funding amount, not a market figure")
                not_market_end = item.end
                continue
            if isinstance(item, Money) and _is_unnamed_local_conversion(text, item, tokens.money):
                skip(f"{item.text!r} at {item.start}: a conversion in brackets into dollars the page does not name")
                continue
            target, within_region = _scope_for(text, item.start, tokens, recent_mentions)
            if target is None and market:
                named = _market_named_before(text, sentence.char_start, item.start)
                relation = _relation_to_the_market(named, market) if named else "same"
                if relation != "same" and text.lower().count(named.lower()) > 1 and _shares_a_word(named, market):
                    # a name the page keeps using is its own market, however the title puts it: "commercial
                    # aircraft MRO" on a page titled "Commercial Aircraft Maintenance, Repair, And Overhaul (MRO)"
                    relation = "same"
                if relation == "other":
                    skip(f"{item.text!r} at {item.start}: a figure of another market ({named}), not of {market}")
                    continue
                if relation == "part":
                    target = NamedScope("segment", None, named)
            if target is None and _BY_DIMENSION_OPENING.match(sentence.text):
                target = _member_opening_clause(text, sentence, item.start)
                if target is None:
                    skip(f"{item.text!r} at {item.start}: a figure of one member whose name could not be read")
                    continue
            hint = cell.hint if row and (cell := row.cell_at(item.start)) else None
            common = dict(
                within_region=within_region,
                scope=target.scope if target else "market",
                dimension=target.dimension if target else None,
                member=target.member if target else None,
                rounding=float(item.rounding_millions if isinstance(item, Money) else item.rounding),
                figure_text=item.text,
                figure_start=item.start,
                figure_end=item.end,
                quote=sentence.text,
                char_start=sentence.char_start,
                char_end=sentence.char_end,
            )
            if isinstance(item, Money):
                year = _year_for(item.start, item.end, clause_end, tokens, hint)
                if year is None:
                    # "$46.5 billion (€39.4bn) by 2028", "values of $82.1bn and $23.4bn in 2017": the year after
                    # the amount it is written with
                    paired = next((m for m in tokens.money if m.start >= clause_end), None)
                    if paired is not None and _CONVERSION_OPENING.fullmatch(text, item.end, paired.start):
                        closing = text.find(")", paired.end, sentence.char_end)
                        year = _year_for(item.start, item.end, closing + 20 if closing >= 0 else clause_end, tokens)
                    elif paired is not None and _AMOUNTS_JOINED.fullmatch(text, item.end, paired.start):
                        following = next((m.start for m in tokens.money if m.start > paired.start), None)
                        year = _year_for(paired.start, paired.end, following or sentence.char_end, tokens)
                if (
                    year is None
                    and target is None
                    and not row
                    and not _MARKET_SIZE_WORDING.search(text, clause_start, item.start)
                    and not _NOW_AFTER.match(text, item.end)
                ):
                    skip(
                        f"{item.text!r} at {item.start}: an amount with no year that the sentence does not call "
                        "the market's size"
                    )
                    continue
                figures.append(
                    StatedFigure(
                        metric="value",
                        year=year,
                        period_start_year=None,
                        period_end_year=None,
                        value_millions=_as_float(item.low_millions),
                        value_high_millions=_as_float(item.high_millions),
                        pct=None,
                        pct_high=None,
                        currency=item.currency,
                        **common,
                    )
                )
                continue
            metric = (hint.metric if hint and hint.metric in ("share", "cagr") else None) or _classify_percentage(
                text, item, clause_start, clause_end
            )
            labelled_member = _LABELLED_MEMBER_SHARE.fullmatch(text, sentence.char_start, item.start)
            labelled_year = None
            if metric is None and labelled_member and text.startswith(")", item.end):
                # "- By Type: Battery Electric Vehicle (52.0%)", "- Largest Region (2024): Asia Pacific (50%)"
                metric = "share"
                named = next((m.target for m in tokens.mentions if m.start == labelled_member.start("member")), None)
                dimension = (labelled_member.group("dimension") or labelled_member.group("largest")).lower()
                target = named or NamedScope("segment", dimension, labelled_member.group("member"))
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
                if labelled_member.group("year"):
                    labelled_year = int(labelled_member.group("year"))
            if metric is None and _is_listed_share(text, item, tokens):
                metric = "share"
            if metric == "cagr" and target is None:
                # "The online distribution channel is forecast to register a 6.1% CAGR": a segment's rate
                opening = _member_opening_clause(text, sentence, item.start, require_by_dimension=False)
                if opening is not None and _SEGMENT_NOUN.search(opening.member):
                    target = NamedScope("segment", None, _SEGMENT_WORD.sub("", opening.member))
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if (
                metric is None
                and previous_cagr_end is not None
                and _RATES_IN_A_ROW.fullmatch(text, previous_cagr_end, item.start)
            ):
                metric = "cagr"  # "a CAGR of 13.4% in volume and 15.7% in value"
            previous_cagr_end = item.end if metric == "cagr" else None
            if metric == "share" and target is None:
                # "Air-to-air heat pumps hold a 44.3% market share", "| Lithium-ion | 30.83% |": a share is always
                # some member's, the one its sentence opens with or its table row names
                if row is not None and not _NOT_A_MEMBER.fullmatch(text[row.label_start : row.label_end]):
                    target = NamedScope("segment", None, text[row.label_start : row.label_end])
                else:
                    target = _member_opening_clause(text, sentence, item.start, require_by_dimension=False)
                if target is not None:
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric is None:
                skip(f"{item.text!r} at {item.start}: a percentage with no CAGR or share wording around it")
                continue
            if metric == "cagr":
                year = None
                if hint and hint.metric == "cagr":
                    period_start, period_end = hint.period or UNSTATED_PERIOD
                else:
                    period_start, period_end = _cagr_period(text, item, clause_start, clause_end, tokens)
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and last_cagr_period
                    and _SAME_PERIOD.search(sentence.text)
                ):
                    period_start, period_end = last_cagr_period  # "over the same period"
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and last_value_years
                    and _THIS_PERIOD.search(sentence.text)
                ):
                    # "... from $3.3 billion in 2022 to $7.27 billion by 2027. During this forecast period, ... a CAGR
                    # of 16.85%": the years the previous sentence grew between
                    period_start, period_end = last_value_years
                if period_start is not None and period_start > 0 and period_end is not None:
                    last_cagr_period = (period_start, period_end)
            else:
                year = labelled_year or _year_for(item.start, item.end, clause_end, tokens, hint)
                period_start = period_end = None
            figures.append(
                StatedFigure(
                    metric=metric,
                    year=year,
                    period_start_year=period_start,
                    period_end_year=period_end,
                    value_millions=None,
                    value_high_millions=None,
                    pct=_as_float(item.low),
                    pct_high=_as_float(item.high),
                    currency=None,
                    **common,
                )
            )
        recent_mentions.extend(tokens.mentions)
        spanned = _years_of_values_before(sentence.char_end, tokens)
        if len(spanned) >= 2 and spanned[0] != spanned[-1]:
            last_value_years = (min(spanned), max(spanned))
    return figures, skipped


def _year_value_figure(line: YearValueLine) -> StatedFigure:
    """The market's value in one year, from a 'YEAR VALUE' line under a caption with the unit."""
    return StatedFigure(
        metric="value",
        scope="market",
        dimension=None,
        member=None,
        within_region=None,
        year=line.year,
        period_start_year=None,
        period_end_year=None,
        value_millions=_as_float(line.value_millions),
        value_high_millions=None,
        pct=None,
        pct_high=None,
        currency=line.currency,
        rounding=float(line.rounding_millions),
        figure_text=line.number_text,
        figure_start=line.start,
        figure_end=line.end,
        quote=line.sentence.text,
        char_start=line.sentence.char_start,
        char_end=line.sentence.char_end,
    )


_TOTAL_ROW = frozenset({"total", "global", "world", "worldwide"})


def _flat_table_figures(table: FlatTable, mentions: list[_Mention]) -> list[StatedFigure]:
    """One value per row and year of a table flattened onto one line; a row named by a listed or known place is
    that place's, a "Total" row the market's, any other row a segment of the line's "By ..." dimension."""
    figures = []
    sentence = table.sentence
    for cell in table.cells:
        named = next((mention.target for mention in mentions if mention.start == cell.member_start), None)
        if cell.member.lower() in _TOTAL_ROW:
            target = None
        else:
            target = named or NamedScope("segment", table.dimension, cell.member)
        figures.append(
            StatedFigure(
                metric="value",
                scope=target.scope if target else "market",
                dimension=target.dimension if target else None,
                member=target.member if target else None,
                within_region=None,
                year=cell.year,
                period_start_year=None,
                period_end_year=None,
                value_millions=_as_float(cell.value_millions),
                value_high_millions=None,
                pct=None,
                pct_high=None,
                currency=table.currency,
                rounding=float(cell.rounding_millions),
                figure_text=cell.number_text,
                figure_start=cell.start,
                figure_end=cell.end,
                quote=sentence.text,
                char_start=sentence.char_start,
                char_end=sentence.char_end,
            )
        )
    return figures


def _card_figure(text: str, card: StatCard, label_mentions: list[_Mention]) -> tuple[StatedFigure | None, str]:
    """A stat card as a stated figure, its member looked up among the names the label mentions (a listed segment,
    region or country), else a segment of the card heading's dimension."""
    figure_text = text[card.number_start : card.number_end]
    where = f"{figure_text!r} at {card.number_start}"
    if card.problem:
        return None, f"{where}: {card.problem}"
    target = None
    if card.member is not None:
        member_start = card.label_sentence.char_start + card.label_sentence.text.find(card.member)
        named = [
            m
            for m in label_mentions
            if m.start <= member_start < m.end or member_start <= m.start < member_start + len(card.member)
        ]
        target = named[0].target if named else NamedScope("segment", card.dimension, card.member)
    start, end = card.quote_span
    period = card.period or UNSTATED_PERIOD
    figure = StatedFigure(
        metric=card.metric,
        scope=target.scope if target else "market",
        dimension=target.dimension if target else None,
        member=target.member if target else None,
        within_region=None,
        year=card.year,
        period_start_year=period[0] if card.metric == "cagr" else None,
        period_end_year=period[1] if card.metric == "cagr" else None,
        value_millions=_as_float(card.value_millions),
        value_high_millions=None,
        pct=_as_float(card.pct),
        pct_high=None,
        currency=card.currency,
        rounding=float(card.rounding),
        figure_text=figure_text,
        figure_start=card.number_start,
        figure_end=card.number_end,
        quote=text[start:end],
        char_start=start,
        char_end=end,
    )
    return figure, ""


def resolve_cagr_periods(
    figures: list[StatedFigure], forecast_period: tuple[int | None, int | None], labelled: bool
) -> list[StatedFigure]:
    """Give every CAGR its period and say where it came from (``period_source``): its own sentence; else, for a
    sentence that names no period, a period the page labels ("Forecast Period | 2026-2031") when ``labelled``; for
    one that says "over the forecast period", the page's forecast period however it was found; else none. "By
    2032" with no start year takes the forecast period's start."""
    first_year, last_year = forecast_period
    has_period = first_year is not None and last_year is not None
    # "- CAGR: 21.99%" in a highlights list, and "a CAGR of 21.99% between 2025 and 2050" in the text: one rate,
    # stated twice, the period in one statement only
    stated_periods: dict[tuple, set[tuple[int, int]]] = defaultdict(set)
    for figure in figures:
        if figure.metric == "cagr" and figure.period_start_year and figure.period_start_year > 0:
            stated_periods[_rate_identity(figure)].add((figure.period_start_year, figure.period_end_year))
    resolved = []
    for figure in figures:
        if figure.metric != "cagr":
            resolved.append(figure)
            continue
        period = (figure.period_start_year, figure.period_end_year)
        same_rate = stated_periods.get(_rate_identity(figure), set())
        if period in (UNSTATED_PERIOD, FORECAST_PERIOD) and len(same_rate) == 1 and not find_years(figure.quote):
            (start, end) = next(iter(same_rate))
            resolved.append(replace(figure, period_start_year=start, period_end_year=end, period_source="sentence"))
            continue
        if period == UNSTATED_PERIOD:
            # Only a period the page labels: one inferred from the page's other figures would be a guess.
            changes = {"period_start_year": first_year, "period_end_year": last_year}
            changes["period_source"] = "page label" if has_period and labelled else "none"
        elif period == FORECAST_PERIOD:
            changes = {"period_start_year": first_year, "period_end_year": last_year}
            changes["period_source"] = "forecast period" if has_period else "none"
        elif figure.period_start_year == FORECAST_PERIOD[0]:
            # "by 2030" with no start: the forecast period's start, or no period at all (never half of one)
            changes = {"period_start_year": first_year, "period_source": "sentence" if has_period else "none"}
        else:
            changes = {"period_source": "sentence"}
        if changes.get("period_source") == "none":
            changes.update(period_start_year=None, period_end_year=None)
        resolved.append(replace(figure, **changes))
    return resolved


def _rate_identity(figure: StatedFigure) -> tuple:
    return (figure.scope, figure.dimension, figure.member, figure.within_region, figure.pct, figure.pct_high)


def deduplicate(figures: list[StatedFigure]) -> list[StatedFigure]:
    """One fact per distinct statement; the first statement is kept and the repeats are counted."""
    first_by_identity: dict[tuple, StatedFigure] = {}
    counts: defaultdict[tuple, int] = defaultdict(int)
    for figure in figures:
        identity = figure.identity
        first_by_identity.setdefault(identity, figure)
        counts[identity] += 1
    return [
        figure if figure.mentions == counts[identity] else replace(figure, mentions=counts[identity])
        for identity, figure in first_by_identity.items()
    ]
