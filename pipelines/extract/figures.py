"""Stated figures: market sizes, CAGRs, shares and values of regions, countries and segments.

How a figure is read (rules measured on report pages):

* Each kind of token (money, percentage, year, year range, taxonomy name) is found in one pass over the whole
  document, then handed to its sentence (sentence_tokens.py).
* A percentage is a CAGR when CAGR wording stands just before or after it ("9.07 per cent", "an average annual
  rate of", "25.08" after "CAGR of"), a share when share wording does, or when it follows a name in a list
  ("North America 38%, Europe 27%"); a rate of volume or of one year, an effect on a rate, any other percentage
  is skipped with the reason (percentages.py).
* A figure belongs to the nearest region, country or segment named to its left in the same sentence (places named
  together share it, or take one each "respectively"); else "this segment" / "the regional market" refers back to
  the last one named in the previous sentences; else a share or a channel's rate belongs to the member its clause
  opens with ("By pets, dogs captured 49.6%", "Air-to-air heat pumps hold a 44.3% share"); else it is the whole
  market's, unless the sentence names another market (skipped) or a sub-market (a segment): gazetteer.py,
  figure_members.py, market_filters.py.
* Amounts that are not a market's size are skipped with the reason: deals, prices per unit, costs, budgets,
  funding, increases, conversions into dollars the page does not name (market_filters.py).
* A value or share takes the first year after it in its clause ("in 2024", "by 2032"), else the year after the
  amount it is written with ("$46.5 billion (€39.4bn) by 2028"), else the nearest year before it (figure_years.py);
  a value with no year is kept (year null) only where the sentence calls it the market's size. A repeat of a dated
  value or share without its year is the dated statement again.
* A CAGR's period comes from its sentence, a labelled period or the forecast period (cagr_periods.py).
* Stat cards ("60.31 %" over "value share, Textured Vegetable Protein, 2023"), tables flattened to one line or to
  year-and-value lines, and pipe tables are read with their labels and captions (stat_cards.py, flat_tables.py,
  text_tables.py).
* Sentences that open with a month and year ("In February 2025, X raised USD 20 million") are dated
  developments: their amounts are deal sizes, never market figures.
* The same figure stated twice (highlights and body) is one fact; the first statement is kept.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import replace
from decimal import Decimal

from pipelines.extract.cagr_periods import (
    FORECAST_END,
    FORECAST_END_YEAR,
    FORECAST_PERIOD,
    FORECAST_WORDING,
    RATES_IN_A_ROW,
    SAME_PERIOD,
    THAT_GROWTH_OPENING,
    THIS_PERIOD,
    UNSTATED_PERIOD,
    cagr_period,
    year_grown_to,
    years_of_values_before,
)
from pipelines.extract.figure_members import (
    A_FIGURE,
    BY_DIMENSION_OPENING,
    DOMINATED_BY_MEMBER,
    FIRM_EARNS,
    FIRM_NAME,
    FOLLOWED_BY_WORDS,
    GENERIC_MEMBER_NOUN,
    IT_OPENING,
    MEMBER_CONTRIBUTES,
    MEMBER_IS_THE_KIND,
    MEMBER_LEADS_THE_MARKET,
    MEMBER_THEN_VERB,
    NOT_A_MEMBER,
    NOT_IN_A_SUBJECT,
    SEGMENT_APPOSITIVE,
    SEGMENT_NOUN,
    SEGMENT_NOUNS,
    SEGMENT_WORD,
    SENTENCE_SUBJECT,
    THE_OPENING,
    dimension_of_the_opening,
    firm_in_brackets,
    member_followed_by,
    member_listed_with_amount,
    member_of_a_list_without_its_verb,
    member_of_a_respective_amount,
    member_opening_clause,
    members_whose_rate_it_is,
    only_named_in,
    overlaps_a_mention,
    rate_of_something_else,
    reference_in,
    revenue_source,
    scope_for,
    second_of_two_shares_from,
    segment_named_before,
    segment_named_the_kind,
    subject_after_openings,
    subject_of,
    wider_market_named_before,
    without_the_markets_words,
)
from pipelines.extract.figure_years import (
    CURRENT_YEAR,
    CURRENT_YEAR_IF_KNOWN,
    DECADE_END_YEAR,
    END_OF_THE_DECADE,
    SINCE_A_YEAR_OPENING,
    THE_SAME_YEAR,
    THIS_YEAR_AFTER,
    THIS_YEAR_BEFORE,
    THIS_YEAR_RIGHT_AFTER,
    year_for,
    year_in_parallel_list,
    year_of_a_list_heading,
    year_of_the_amount_it_equals,
    year_of_the_sentence_before,
)
from pipelines.extract.flat_tables import (
    FlatTable,
    YearValueLine,
    find_flat_year_tables,
    find_labelled_amount_lines,
    find_labelled_share_lines,
    find_year_value_lines,
)
from pipelines.extract.gazetteer import (
    Gazetteer,
    Mention,
    NamedScope,
    is_a_place_adjective,
    without_revenue_in_the,
)
from pipelines.extract.geography import is_known_place, without_leading_places
from pipelines.extract.key_words import matches_where_they_can_be
from pipelines.extract.market_filters import (
    COMPARED_WITH,
    CONVERSION_OPENING,
    DEAL_BEFORE,
    MARKET_SIZE_WORDING,
    NOW_AFTER,
    is_a_kind_of_the_markets_product,
    is_an_increase,
    is_not_a_market_amount,
    is_unnamed_local_conversion,
    market_named_before,
    one_of_its_joined_parts,
    relation_to_the_market,
    shares_a_word,
    sub_market_named_after_the_market,
)
from pipelines.extract.market_identity import MarketIdentity, market_identity, place_named, product_key
from pipelines.extract.market_place import place_of_a_named_market
from pipelines.extract.name_trie import WORD_SEPARATOR
from pipelines.extract.numbers import (
    A_YEAR,
    AmbiguousNumberError,
    Money,
    Percent,
    find_year_ranges,
    find_years,
    parse_number,
    rounding_of,
    written_with_a_scale,
)
from pipelines.extract.percentages import (
    FOLLOWED_BY,
    FROM_RATE_TO_RATE,
    GROWTH_AFTER,
    RANKED_BEFORE,
    SHARE_BEFORE,
    UP_OR_DOWN_FROM,
    another_market_a_share_is_of,
    classify_percentage,
    compared_with_an_earlier_one,
    end_of_a_change,
    holder_of_a_share,
    is_listed_share,
    leads_in_brackets,
    leads_listed_shares,
    leads_with,
    member_listed_with_percent,
    part_a_whole_is_made_of,
    ranks_shares,
    wider_market_named_after,
)
from pipelines.extract.records import Sentence, SkippedStatement, StatedFigure, Taxonomy
from pipelines.extract.sentence_tokens import SentenceTokens, add_mentions, group_by_sentence
from pipelines.extract.sentences import SentenceIndex
from pipelines.extract.stat_cards import StatCard, find_stat_cards
from pipelines.extract.text_tables import TableRow, find_table_rows

_THE_WHOLE_MARKET_AFTER = re.compile(
    r"\s+(?i:global|worldwide|world|overall|total|entire)\s+(?:[\w&'’-]+\s+){0,4}?(?i:market|industry)\b"
)
# "Standalone facilities hold a 48% market share of the $10 billion market", "Education is a $6T industry"
_A_MARKET_RIGHT_AFTER = re.compile(r"\s+(?i:market|industry)\b(?!\s+(?i:for|of|in|size|share|value|revenues?)\b)")
_SHARE_RIGHT_AFTER = re.compile(r"\s*(?i:market\s+)?(?i:share)\b")
_WITH_A_FIGURE_OPENING = re.compile(
    r"[-•*·\s]*(?i:with)\s+(?:(?i:about|around|nearly|over|almost|roughly|some|just\s+over|more\s+than)\s+)?"
)
_AFTER_AN_OPENING_FIGURE = re.compile(r"(?:\s+(?i:in)\s+(?:19|20)\d{2})?\s*,\s*(?:(?i:the)\s+)?")
_RANKED_AFTER = re.compile(r"[^.;%]{0,80}?\b(?i:ranks?|ranked|ranking|largest|biggest|leading|top)\b")


def _holder_of_an_opening_figure(text: str, sentence_start: int, item, tokens: SentenceTokens) -> NamedScope | None:
    """The place or segment a sentence's subject names right after an opening "With <figure>," clause."""
    if not _WITH_A_FIGURE_OPENING.fullmatch(text, sentence_start, item.start):
        return None
    after = _AFTER_AN_OPENING_FIGURE.match(text, item.end)
    return _named_at(tokens, after.end()) if after else None


_COMPARED_WITH_A_SHARE = re.compile(
    r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?:[\w-]+\s+){0,3}?(?i:market|industry|revenues?|sales)\b)?"
    r"\s*,?\s*(?i:compared\s+(?:with|to)|versus|vs\.?|against)\s+"
)
_FOR_RIGHT_AFTER = re.compile(r"\s+(?i:for)\s+(?:(?i:the)\s+)?")
_SALES_OF_A_PART_OPENING = re.compile(
    r"[-•*·\s]*(?i:sales|revenues?|spending)\s+(?i:of|on)\s+(?P<member>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,4}?)"
    r"\s+(?i:have|has|is|are|was|were|will|continued|continue|grew|grow|rose|increased|fell|declined)\b"
)
_BULLET_BEFORE = re.compile(r"[ \t]*[-•*·][ \t]*")


def _opens_a_bullet_line(text: str, sentence_start: int) -> bool:
    line_start = text.rfind("\n", 0, sentence_start) + 1
    return _BULLET_BEFORE.fullmatch(text, line_start, sentence_start) is not None


# "• Hospital-based laboratories with a 37% share": the member a bullet line opens with
_MEMBER_WITH_A_SHARE = re.compile(
    r"[-•*·\s]*(?P<member>[A-Z][\w&'’/-]*(?:[ -][\w&'’/-]+){0,4}?)\s+(?i:with)\s+(?:(?i:a|an)\s+)?(?:[\w-]+\s+)?"
)
# "• E-commerce (online spending on electronics, apparel), targeting $88 billion", "• Ride hailing, targeting $13
# billion": a bullet line that opens with a member's name, a gloss in brackets, then what it reaches
_BULLET_HEAD_WITH_AN_AMOUNT = re.compile(
    r"[-•*·\s]*(?P<member>[A-Z][\w&'’/-]*(?:[ -][\w&'’/-]+){0,3}?)"
    r"(?:\s*\([^()\n]{1,120}\)|\s+[—–]\s+[^—–\n]{1,80}?\s+[—–])?"
    r"(?:\s*,|\s+(?i:market|segment))?\s+(?i:targeting|reaching|expected\s+to\s+reach|projected\s+to\s+reach"
    r"|valued\s+at|worth)\s+(?:(?i:about|around|nearly|over|an\s+estimated)\s+)?(?=[$€£¥₹]|[A-Z]{2,3}\$?\s?\d)"
)
# "the $40 billion kelp snacks market", "$392 BILLION U.S. automotive aftermarket industry": an amount that sizes the
# market named right after it
_MARKET_NAMED_AFTER = re.compile(r"[ \t]+(?P<name>(?:[\w&'’.-]+[ \t]+){1,6}?)(?i:market|industry)\b")


def _the_market_named_after(text: str, amount_end: int, market: str | None) -> bool:
    named = _MARKET_NAMED_AFTER.match(text, amount_end)
    if named is None or market is None:
        return False
    name = " ".join(without_leading_places(named.group("name").split()))
    return bool(name) and shares_a_word(name, market) and relation_to_the_market(name, market) == "same"


_IN_A_WIDER_MARKET = re.compile(r"\b(?i:in|within|of)\s+(?i:the)\s+(?:(?i:global|overall|wider)\s+)?$")


def _a_wider_market_the_subject_is_in(sentence_text: str, named: str, market: str) -> bool:
    """ "The titanium dioxide is one of the growth markets in the specialty chemicals industry with a CAGR of 7.2%":
    a market the sentence names after its subject, the page's market, as what that market is in."""
    lowered = sentence_text.lower()
    at = lowered.find(named.lower())
    own = lowered.find(market.lower())
    return 0 <= own < at and bool(_IN_A_WIDER_MARKET.search(sentence_text, 0, at))


# "The UK spends a staggering £8 billion a year on pets": what a place spends on the market's product
_A_YEAR_SPENT_ON = re.compile(
    r"\s+(?:(?i:a|per|each)\s+(?i:year|annum)|(?i:annually))\s+(?i:on)\s+(?:(?i:the|their)\s+)?"
)


_UP_TO_THREE_WORDS = re.compile(r"[\w'’-]+(?:\s+[\w'’-]+){0,2}")
_WHAT_IS_BOUGHT = re.compile(r"[a-z][\w'’-]*(?:\s+(?!(?:to|for|and|in|with|that|which|as|by)\b)[a-z][\w'’-]*){0,2}")


def _the_markets_name_right_after(text: str, amount_end: int, market: str | None) -> bool:
    """ "The $20.1 billion titanium dioxide is one of the growth markets": the amount names the market's size; so
    does "£8 billion a year on pets" on a pet page."""
    if not market:
        return False
    if spent_on := _A_YEAR_SPENT_ON.match(text, amount_end):
        named = _UP_TO_THREE_WORDS.match(text, spent_on.end(), spent_on.end() + 40)
        words = named.group(0).split() if named else []
        return any(
            relation_to_the_market(" ".join(words[:size]), market) == "same" for size in range(1, len(words) + 1)
        )
    after = text[amount_end : amount_end + len(market) + 2]
    return (
        after[:1] in " \t"
        and after[1:].lower().startswith(market.lower())
        and not after[1 + len(market) :][:1].isalnum()
    )


def _conversion_in_brackets_after(text: str, money: Money, tokens: SentenceTokens) -> Money | None:
    paired = next((other for other in tokens.money if other.start >= money.end), None)
    if (
        paired is not None
        and "(" in text[money.end : paired.start]
        and CONVERSION_OPENING.fullmatch(text, money.end, paired.start)
        and text[paired.end : paired.end + 3].lstrip().startswith(")")
    ):
        return paired
    return None


def _next_figure_start(figure_tokens, after: Money, sentence: Sentence) -> int:
    return next((token.start for token in figure_tokens if token.start > after.start), sentence.char_end)


def _contrasted_member(sentence_text: str, member: str) -> bool:
    """Whether ``member`` opens a clause that contrasts it with another member ("..., while X", "... but X")."""
    return bool(
        re.search(rf"\b(?i:but|while|whereas)\s+(?:(?i:the)\s+)?{re.escape(member)}\b", sentence_text)
        and not FIRM_NAME.fullmatch(member)
        and not NOT_A_MEMBER.fullmatch(member)
        # ", while growing at a CAGR of 16.8%": a verb, not a member
        and not (member.islower() and " " not in member and member.endswith(("ing", "ed")))
    )


_BACK_TO_THE_SENTENCE_BEFORE = re.compile(
    r"[-•*·\s]*(?i:that|this)\s+(?:(?P<figure>(?i:represents|means|equates\s+to|translates\s+(?:in)?to|amounts\s+to))"
    r"|(?P<market>(?i:market|region|regional\s+market)))\b"
)
_OF_THE_BEFORE_A_PLACE = re.compile(r"[^.;,%]{0,80}?\b(?i:of|in)\s+(?i:the)\s+$")
_MARKET_WORD_AFTER = re.compile(r"\s+(?i:market|industry)\b")


def _place_market_named_after(text: str, item, tokens: SentenceTokens, clause_start: int) -> NamedScope | None:
    """The place whose market a rate's clause names after it: "The anticipated CAGR of 5.51% underscores the
    resilience of the US market" → the US."""
    for mention in tokens.mentions:
        if mention.start < item.end or mention.target.scope not in ("region", "country"):
            continue
        if (
            _OF_THE_BEFORE_A_PLACE.fullmatch(text, item.end, mention.start)
            and _MARKET_WORD_AFTER.match(text, mention.end)
            and classify_percentage(text, item, clause_start, tokens.sentence.char_end) == "cagr"
        ):
            return mention.target
        return None
    return None


_MEMBER_WITH_THE_LARGEST_SHARE = re.compile(
    r"[-•*·\s]*(?:(?i:of|among)\s+(?:(?i:these|them|all)\b)[^,]{0,30},\s*)?(?:(?i:the)\s+)?"
    r"(?P<member>[a-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,4}?)\s+"
    r"(?i:has|have|had|hold|holds|held|commands?|commanded|accounts?\s+for|accounted\s+for)\s+(?i:the)\s+"
    r"(?i:largest|biggest|highest|greatest|dominant|leading)\s+(?:(?i:market|revenue)\s+)?(?i:share)\b"
)


def _period_of_the_sentence_before(before: SentenceTokens | None) -> tuple[int, int] | None:
    if before is None or len(before.ranges) != 1:
        return None
    return before.ranges[0].first_year, before.ranges[0].last_year


def _member_said_to_lead(sentence: Sentence) -> Mention | None:
    leader = _MEMBER_WITH_THE_LARGEST_SHARE.match(sentence.text)
    if leader is None or NOT_A_MEMBER.fullmatch(leader.group("member")):
        return None
    start, end = sentence.char_start + leader.start("member"), sentence.char_start + leader.end("member")
    return Mention(start, end, NamedScope("segment", None, leader.group("member")))


_A_MARKET_VALUED_AT = re.compile(
    r"\b(?i:a|this|that)\s+(?i:market)\s+(?i:valued|worth|estimated|sized|pegged)\s+(?:(?i:at)\s+)?"
    r"(?:(?i:about|around|nearly|roughly|some|an\s+estimated)\s+)?$"
)
_ATTRIBUTED_TO_AFTER_AN_AMOUNT = re.compile(
    r"[^.;%$€£]{0,30}?\b(?:(?i:was|is|were|are)\s+)?(?i:attribut(?:ed|able))\s+(?i:to)\s+(?:(?i:the)\s+)?"
)
# "with more than 25 billion deriving from the superyacht segment alone"
_FROM_A_SEGMENT_AFTER_AN_AMOUNT = re.compile(
    r"\s+(?i:deriving|derived|coming|came|generated)\s+(?i:from|by)\s+(?:(?i:the)\s+)?"
    r"(?P<member>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,3}?)\s+(?i:segment|sector|category|business)\b"
)
# "The projected value of the industry is about Rs 500,000 crore, which includes Rs 160,000 crore from liquid milk,
# Rs 45,000 crore from ghee, ...": the parts an amount the sentence gives before it includes
_INCLUDES_BEFORE = re.compile(r"\b(?i:which\s+includes?|including|includes|comprising|of\s+which)\b")
_FROM_A_PART_AFTER_AN_AMOUNT = re.compile(
    r"\s+(?i:from)\s+(?:(?i:the)\s+)?(?P<member>[A-Za-z][\w&'’/-]*(?:\s+(?!(?i:and)\b)[\w&'’/-]+){0,5}?)"
    r"(?=\s*(?:[,;.]|\s(?i:and)\s|$))"
)
# "Within the $10.1 billion lip products sector", not "made up 35% of the EUR 5.8 billion plant-based food category"
_THE_BEFORE = re.compile(r"(?<!\bof\s)(?<!\bOf\s)\b(?i:the)\s+$")
_PART_NAMED_AFTER_AN_AMOUNT = re.compile(
    r"\s+(?P<member>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3}?)\s+(?i:sector|segment|category|sub-segment)\b"
)
_PART_WHICH_AT = re.compile(r"(?P<member>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3}),\s+(?i:which|that)\s+(?i:at)\s+$")
_IS_THE_LARGEST_PART = re.compile(
    r",?\s+(?i:is|was|remains)\s+(?i:the)\s+(?:(?i:second|third)[\s-]+)?(?i:largest|biggest|smallest|leading)\b"
)


_AND_AT_BEFORE = re.compile(r",\s*(?i:and)\s+(?i:at)\s+(?:[^.;,]|\.(?=\d)){0,60}$")
_FOR_BEFORE_A_PLACE = re.compile(r"(?:[^.;,]|\.(?=\d)){0,60}?\s(?i:for)\s+(?:(?i:the)\s+)?")
_SENTENCE_END_AFTER = re.compile(r"\s*(?:[.;]|$)")


def _the_place_a_clause_ends_with(text: str, item, tokens: SentenceTokens, sentence: Sentence) -> NamedScope | None:
    """The place named last in a clause "and at <figures> for <place>." that the figure lies in."""
    if not _AND_AT_BEFORE.search(text, max(sentence.char_start, item.start - 80), item.start + 1):
        return None
    for mention in tokens.mentions:
        if (
            mention.start > item.end
            and mention.target.scope in ("region", "country")
            and _FOR_BEFORE_A_PLACE.fullmatch(text, item.end, mention.start)
            and _SENTENCE_END_AFTER.match(text, mention.end)
        ):
            return mention.target
    return None


_IN_A_PLACE_AFTER = re.compile(r"\s+(?i:in|within|across)\s+(?:(?i:the)\s+)?")
_THE_CLAUSE_ENDS_AFTER_A_PLACE = re.compile(
    r"(?:\s+(?i:alone))?\s*(?:[.;,)]|$|\s+(?i:by|in)\s+(?:19|20)\d{2}\s*[.;,]|\s+(?i:and|while|but)\b)"
)


def _the_place_right_after(text: str, money: Money, tokens: SentenceTokens) -> NamedScope | None:
    """The place an amount is said to be "in", right after it, ending its clause: "$13.6 billion in the United
    States alone"."""
    for mention in tokens.mentions:
        if mention.start < money.end:
            continue
        if (
            mention.target.scope in ("region", "country")
            and _IN_A_PLACE_AFTER.fullmatch(text, money.end, mention.start)
            and _THE_CLAUSE_ENDS_AFTER_A_PLACE.match(text, mention.end)
        ):
            return mention.target
        return None
    return None


@functools.lru_cache(maxsize=64)
def _member_opening_then_the_market(sentence_text: str) -> re.Match | None:
    return _MEMBER_OPENING_THEN_THE_MARKET.match(sentence_text)


@functools.lru_cache(maxsize=64)
def _member_leading_the_market(sentence_text: str) -> re.Match | None:
    return MEMBER_LEADS_THE_MARKET.match(sentence_text)


def _in_the_markets_own(text: str, start: int, end: int, market: str) -> bool:
    """Whether the text from ``start`` to ``end`` says "in the (global) <market> market"."""
    return _the_market_as_a_container(market).search(text, start, end) is not None


@functools.lru_cache(maxsize=256)
def _the_market_as_a_container(market: str) -> re.Pattern:
    return re.compile(
        rf"\b(?:in|within)\s+the\s+(?:(?:global|worldwide|overall|wider)\s+)?{re.escape(market)}\s+(?:market|industry)\b",
        re.IGNORECASE,
    )


def _a_part_sized_by_the_amount(text: str, sentence: Sentence, money: Money) -> str | None:
    """The part of the market an amount sizes as a name's attribute: "the $10.1 billion lip products sector";
    "facial makeup, which at $13.2 billion is the largest color cosmetics sector"."""
    if _THE_BEFORE.search(text, max(sentence.char_start, money.start - 5), money.start) and (
        part := _PART_NAMED_AFTER_AN_AMOUNT.match(text, money.end)
    ):
        return part.group("member") if not NOT_A_MEMBER.fullmatch(part.group("member")) else None
    window = max(sentence.char_start, money.start - 60)
    if " at " not in text[window : money.start]:
        return None
    which_at = _PART_WHICH_AT.search(text, window, money.start)
    if (
        which_at
        and _IS_THE_LARGEST_PART.match(text, money.end)
        and not NOT_A_MEMBER.fullmatch(which_at.group("member"))
    ):
        return which_at.group("member")
    return None


_WITH_A_PART_TOTALING = re.compile(
    r",\s+(?i:with)\s+(?P<member>[a-z][a-z'’ -]{2,40}?)\s+(?i:totaling|totalling|totaled|totalled|amounting\s+to"
    r"|reaching|worth)\s+(?:(?i:nearly|about|around|almost|over|more\s+than|some|roughly|approximately)\s+)?$"
)
_MEMBER_OPENING_THEN_THE_MARKET = re.compile(
    r"[-•*·\s]*(?:(?i:in\s+the\s+(?:\w+\s+)?(?:segment|category|field)\s+of|regarding|as\s+for|as\s+regards"
    r"|when\s+it\s+comes\s+to|turning\s+to)\s+)(?:(?i:the)\s+)?(?P<member>[A-Za-z][^,;.]{1,60}?),\s+"
    r"(?:(?i:the|its)\s+)(?:(?i:global|overall)\s+)?(?i:market|revenue|sales)\b"
)
_AMOUNT_AFTER_A_SHARE = re.compile(
    r"(?:[^,.;\d$€£]|(?:19|20)\d\d){0,80},\s*(?i:generating|valued\s+at|worth|purchasing|amounting\s+to|with|bringing\s+in"
    r"|earning|totaling|totalling|or|equal\s+to|equivalent\s+to"
    # "organic fruits and vegetables, which represent 38 percent of total organic food sales, reached nearly $9.5
    # billion": the subject's verb after the aside
    r"|reached|totaled|totalled|generated|hit|amounted\s+to|(?:was|were)\s+worth|grew\s+to|rose\s+to)\s+"
    r"(?:(?i:about|around|approximately|nearly|over|roughly|some|an\s+estimated|almost|more\s+than)\s+)?"
)
_CONTINUES = re.compile(
    # "GDP grew by 5.8% year-on-year, reaching USD 435 billion"
    r"\s*(?:(?i:year[- ]on[- ]year|year[- ]over[- ]year|annually)\s*)?"
    # "Exports, growing by 8.4% to 35.6 billion euros": the level a growth by a percentage reaches
    r",?\s*(?i:reaching|to\s+reach|totaling|totalling|amounting\s+to|to)\s+"
    r"(?:(?i:about|around|nearly|over|some|approximately|roughly)\s+)?"
)
# "DRAM revenue", "global IT spending in 2022", "Connected TV ad revenues": what a sentence's subject takes in
_REVENUE_OF = re.compile(
    r"(?:(?i:the|total|overall|global|worldwide|annual)\s+)*"
    # "Total industry revenue" on a fitness industry page: the bare word "industry" is the page's own market
    r"(?P<what>(?!(?i:total|overall|global|worldwide|annual|the)\b)(?!(?i:industry|market|sector)\s)"
    r"[\w&'’./-]+(?:\s+[\w&'’./-]+){0,3}?)\s+"
    r"(?i:revenues?|spending|sales)(?:\s+(?i:in|for)\s+(?:19|20)\d{2})?"
)
_A_MARKET_WORD = re.compile(r"\b(?i:market|industry|sector)\b")
_LISTED_REVENUES = 3  # how many things' sales one sentence lists, clause after clause, to be a breakdown


def _revenue_of(clause: str) -> re.Match | None:
    """ "Vodka sales" in "Vodka sales were nearly flat, totaling": the thing whose revenue, spending or sales a
    clause opens with ("Worldwide devices spending (which includes PCs, ...)": the words outside brackets)."""
    return _REVENUE_OF.fullmatch(_IN_BRACKETS.sub("", subject_after_openings(clause) or ""))


def _revenues_listed(sentence: str) -> set[str]:
    """The different things whose sales the clauses of a sentence, split at semicolons, open with."""
    return {earner.group("what").lower() for clause in sentence.split(";") if (earner := _revenue_of(clause))}


_DEVELOPMENT_OPENING = re.compile(
    r"^(?:(?i:in|on|during|since)\s+)?(?i:january|february|march|april|may|june|july|august|september|october"
    r"|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?\s+(?:\d{1,2},?\s+)?(?:19|20)\d{2}\b"
    # "Apr. 18, 2023 /SemiMedia/ -- According to ...": a wire's dateline, not a dated development
    r"(?!\s*(?:/|\(|--|—|–\s))"
)
_REFERENCE_LOOKBACK_SENTENCES = 3
# "- By Type: Battery Electric Vehicle (52.0%)", "- Largest Region (2024): Asia Pacific (50%)": a key-findings line.
_LABELLED_MEMBER_SHARE = re.compile(
    r"[-•*·\s]*(?:(?i:by)\s+(?P<dimension>[A-Za-z][\w &/-]{1,30}?)|(?i:largest|leading|dominant|top|biggest)\s+"
    r"(?P<largest>[A-Za-z][\w &/-]{1,30}?))\s*(?:\((?P<year>(?:19|20)\d{2})\))?\s*:\s*"
    r"(?P<member>[A-Za-z0-9][^():;]{0,60}?)\s*\(\s*"
)
_CLOSES_A_SHARE = re.compile(r"\s*(?:(?i:market\s+|revenue\s+)?(?i:share))?\s*\)")
_LETTERS_ONLY = re.compile(r"[^a-z]")
# A new clause, then the whole world: "..., while the EdTech industry worldwide was expected to reach".
_WORLDWIDE_IN_ANOTHER_CLAUSE = re.compile(
    r"(?:[;,]\s*(?i:while|whereas|but|and)|\b(?i:while|whereas))\b[^;]*?\b(?i:worldwide|globally|global|world['’]s)\b"
)
# A statistics portal's line on one kind of the market's revenue: "Revenue, at home (e.g., ...) in the Coffee market
# amounts to", "The revenue, out-of-home is expected to grow annually by 4.4%", "most revenue, at home is generated".
_REVENUE_OF_A_KIND = re.compile(
    r"[-•*·\s]*(?:(?i:the|most|in\s+global\s+comparison,\s+most)\s+)?(?i:revenue),\s+"
    r"(?P<member>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)\s*(?=\(|\s(?i:in\s+the|is|are|amounts|will)\b)"
)
# "The global automotive wiring harness market by passenger vehicles accounted for USD 28.79 billion": the market
# cut by one of its members, the subject of the sentence; not "the market by type" or "by 2030"
_THE_MARKET_BY_A_MEMBER = re.compile(
    r"[-•*·\s]*(?:(?i:the|global|worldwide)\s+)*[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,5}?\s+(?i:market|industry)\s+"
    r"(?i:by)\s+(?!(?i:types?|regions?|geography|applications?|end[- ]?use(?:rs?)?|products?|components?|segments?"
    r"|technology|technologies|deployment|verticals?|industry|countr(?:y|ies)|channels?|distribution|value|volume"
    r"|revenue|the|a|an|about|around|nearly|over|then|now|far)\b)"
    r"(?P<member>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}?)\s+"
    r"(?=(?i:accounted|accounts|is|was|were|are|stood|stands|reached|reaches|valued|generated|will|is\s+expected)\b)"
)
_OF_THE_MARKET_A_MEMBER = re.compile(
    r"[-•*·\s]*(?i:of|within)\s+(?:(?i:the)\s+)?(?:(?i:global|worldwide|total|overall)\s+)?[\w&'’-]+(?:\s+[\w&'’-]+){0,4}?"
    r"\s+(?i:market|industry|sector),\s*(?P<member>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}?)\s+"
    r"(?=(?i:is|are|was|were|will|has|have|accounts|accounted|holds|held|leads|led|dominates|dominated|represents"
    r"|represented|remains|remained)\b)"
)
_IN_BRACKETS = re.compile(r"\s*\([^()]*\)")
_A_SEGMENT_NOUN = re.compile(rf"\b(?i:{SEGMENT_NOUNS})\b")
_AMOUNTS_JOINED = re.compile(
    r"\s*(?:,|(?i:and)|&)\s*"
    # "the equipment sector was worth nearly $11.5 billion and the apparel sector just below $9 billion in 2021"
    r"(?:(?i:the)\s+[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}?\s+"
    r"(?:(?i:just|at|below|above|about|around|nearly|almost|over|under|roughly)\s+)*)?"
)


def _bare_amounts(text: str, row: TableRow) -> list[Money]:
    """'| North America | 88.6 | 702.4 |' under '2024 (USD million)': numbers whose currency is in the header."""
    amounts = []
    for cell in row.cells:
        hint = cell.hint
        if cell.bare_number is None or hint.metric != "value" or hint.scale_in_millions is None:
            continue
        if A_YEAR.fullmatch(cell.bare_number):
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


_GROUPED_THOUSANDS = re.compile(r"\d,\d{3}")
_UNITS_IN_A_MILLION = 1_000_000


def _scaled_by_the_header(money: Money, row: TableRow) -> Money:
    """'| 2024 | est. $691.5 |' under 'Global TAM (USD Billions)': an amount written with no scale in a column whose
    header states one is in that scale."""
    cell = row.cell_at(money.start)
    scale = cell.hint.scale_in_millions if cell else None
    if scale is None or written_with_a_scale(money.text) or _GROUPED_THOUSANDS.search(money.text):
        # "$11,449" under "(US$ Billions)" would be $11 trillion: such a caption is wrong more often than the number
        return money
    factor = scale * _UNITS_IN_A_MILLION  # the amount was read in plain units, millionths of a million
    high = money.high_millions * factor if money.high_millions is not None else None
    return replace(
        money,
        low_millions=money.low_millions * factor,
        high_millions=high,
        rounding_millions=money.rounding_millions * factor,
    )


# "Embedded finance, worth $85.8 billion in 2025 and forecast to reach ...": a name, then its value in apposition.
VALUED_APPOSITIVE = re.compile(
    r"[-•*·\s]*(?P<subject>[A-Z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}),\s+"
    r"(?i:worth|valued\s+at|estimated\s+at|sized\s+at|a\s+market\s+(?:worth|valued\s+at))\b"
)


def another_market_valued(sentence_text: str, market: str) -> str | None:
    """The other market a sentence opens with and values in apposition ("Embedded finance, worth $85.8 billion"
    on a digital-lending page), or None."""
    opening = VALUED_APPOSITIVE.match(sentence_text)
    # "The sector, valued at $110 billion in 2016, ...": the market itself
    if opening is None or NOT_A_MEMBER.fullmatch(THE_OPENING.sub("", opening.group("subject"))):
        return None
    return opening.group("subject") if relation_to_the_market(opening.group("subject"), market) == "other" else None


# "This number is expected to rise ...", "Projections suggest that this figure will rise ...": the previous value.
THAT_NUMBER = re.compile(
    # "By 2026, that figure is expected to reach $223 billion"
    r"[-•*·\s]*(?:(?i:by|in)\s+(?:19|20)\d{2},\s*)?(?:[A-Z][\w\s,]{0,40}?\b(?i:that)\s+)?(?i:this|that)\s+"
    r"(?i:number|figure|value|amount|total)\b"
    # "... worth $8 bln in 2007. This is expected to increase to over $13.5 bln by 2012, a CAGR of 10.8%"
    r"|[-•*·\s]*(?i:this|it)\s+(?i:is|will|should|could)\s+(?:(?i:expected|projected|forecast|anticipated|set|likely)\s+)?"
    r"(?i:to)\b"
)


def _from_the_number_before(
    before: SentenceTokens | None, tokens: SentenceTokens, period: tuple[int, int]
) -> tuple[int, int]:
    """The period from the one year of the sentence before (the year of the value "this number" refers to) to the
    last year this sentence names or the period already ends in; ``period`` unchanged when either is missing."""
    if before is None or len(before.money) != 1 or len({year.year for year in before.years}) != 1:
        return period
    start = before.years[0].year
    end = period[1] if period[1] is not None and period[1] > 0 else max((y.year for y in tokens.years), default=None)
    return (start, end) if end is not None and start < end else period


_LONGEST_PLACE_NAME = 3  # words: "Middle East & African"


def _without_places(words: list[str]) -> list[str]:
    """The words without the places and place adjectives among them, those of several words too ("North
    American", "Asia Pacific")."""
    kept, position = [], 0
    while position < len(words):
        for size in range(min(_LONGEST_PLACE_NAME, len(words) - position), 0, -1):
            phrase = " ".join(words[position : position + size])
            if is_known_place(phrase) or is_a_place_adjective(phrase):
                position += size
                break
        else:
            kept.append(words[position])
            position += 1
    return kept


def _another_market_of_the_place(
    text: str, sentence_start: int, figure_start: int, place: NamedScope, market: str
) -> str | None:
    """The other market a place's figure is of: "the Indian retail industry to USD 1,200 billion by 2021" on a
    frozen-food page → 'retail'. None for the page's own market there, or a part of it."""
    named = market_named_before(text, sentence_start, figure_start, market)
    if named is None or _LETTERS_ONLY.sub("", named.lower()) == _LETTERS_ONLY.sub("", place.member.lower()):
        return None  # "The U.S. market stood at USD 118.6 million"
    rest = " ".join(_without_places(named.split()))
    if not rest or is_known_place(named) or relation_to_the_market(rest, market) != "other":
        return None
    return None if shares_a_word(rest, market) or rest.lower() == place.member.lower() else rest


def _end_of_place(tokens: SentenceTokens, place: NamedScope, figure_start: int) -> int:
    ends = [mention.end for mention in tokens.mentions if mention.target == place and mention.end <= figure_start]
    return ends[-1] if ends else figure_start


def _named_at(tokens: SentenceTokens, start: int) -> NamedScope | None:
    """The place or segment the gazetteer names starting at ``start``, if any."""
    return next((mention.target for mention in tokens.mentions if mention.start == start), None)


def _place_of_the_led_market(tokens: SentenceTokens, sentence: Sentence, leader: re.Match) -> str | None:
    """ "personal care leads the European market": the region whose market a member leads, if the sentence names
    one there (a country's market is most often the page's own: "lead the way in the US market")."""
    start, end = sentence.char_start + leader.end("member"), sentence.char_start + leader.end()
    return next(
        (
            mention.target.member
            for mention in tokens.mentions
            if start <= mention.start < end and mention.target.scope == "region"
        ),
        None,
    )


def _member_leading_or_named_a_segment(
    text: str, sentence: Sentence, money: Money, amounts: list[Money], market: str | None
) -> NamedScope | None:
    """The member a sentence opens with, when the amount is that member's: the sentence calls it a segment ("the
    specialty chemicals segment is expected to reach $50 billion") or ranks it first ("surface mining equipment led
    in 2020 with $30 billion, followed by underground machinery at $25 billion")."""
    following = next((item for item in amounts if item.start > money.end), None)
    leads = (
        following is not None
        and FOLLOWED_BY_WORDS.search(text, money.end, following.start) is not None
        and FOLLOWED_BY.fullmatch(text, money.end, following.start) is not None
    ) or (
        # "Outdoor sports toys lead the way in the US market with over $3.6 billion in total sales. This is followed
        # by infant and preschool toys [$2.8 billion]": the ranking goes on in the next sentence
        following is None and _FOLLOWED_IN_THE_NEXT_SENTENCE.match(text, sentence.char_end) is not None
    )
    if not leads and not _A_SEGMENT_NOUN.search(sentence.text):
        return None  # the opening member is looked for only where it can be this amount's
    opening = member_opening_clause(text, sentence, money.start, require_by_dimension=False)
    if opening is None:
        return None
    if SEGMENT_NOUN.search(opening.member):
        member = without_revenue_in_the(SEGMENT_NOUN.sub("", opening.member))
        if market and relation_to_the_market(member, market) == "same":
            return None  # "Revenue in the Coffee segment amounts to US$90.28bn": a portal's name for the market
        return replace(opening, member=member)
    return opening if leads else None


_WITHIN_THAT_FIGURE = re.compile(
    r"[-•*·\s]*(?i:within|of|out\s+of)\s+(?i:that|this|the)\s+(?i:figure|total|amount|sum)\b,?\s*"
)
_PERCENTAGES_JOINED = re.compile(r"\s*(?:,\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+)")
_SHARE_BETWEEN_THEM = re.compile(r"\s+(?:(?i:of\s+the)\s+)?(?:(?i:market)\s+)?(?i:shares?)\s+(?i:between\s+them)\b")


def _member_taking_a_share_between_them(
    text: str, tokens: SentenceTokens, percent: Percent, valued: list[StatedFigure]
) -> NamedScope | None:
    """The member a percentage goes to in "A (USD 16.8 billion) and B (USD 15.6 billion) taking 27% and 25% market
    share between them": the percentages in a row, then "share between them", go to the members the sentence has
    just valued, as many as there are percentages, in order."""
    run = [percent]
    for before in reversed([p for p in tokens.percentages if p.end <= percent.start]):
        if not _PERCENTAGES_JOINED.fullmatch(text, before.end, run[0].start):
            break
        run.insert(0, before)
    for after in [p for p in tokens.percentages if p.start >= percent.end]:
        if not _PERCENTAGES_JOINED.fullmatch(text, run[-1].end, after.start):
            break
        run.append(after)
    if len(run) < 2 or not _SHARE_BETWEEN_THEM.match(text, run[-1].end):
        return None
    members = [figure for figure in valued if figure.metric == "value" and figure.scope != "market"]
    if len(members) < len(run):
        return None
    taker = members[-len(run) :][run.index(percent)]
    return NamedScope(taker.scope, taker.dimension, taker.member)


_WHICH_GREW = re.compile(r"\s*,?\s*(?i:which|that)\s+[^.;%$€£\d]{0,80}")
_LEADS_THE_GROWTH = re.compile(
    r"\b(?i:(?:is|are)\s+(?:leading|driving|outpacing)|leads|led|drives|outpaces)\s+(?i:the)\b"
)
_AND_A_MEMBER_ITS_SHARE = re.compile(
    r"(?:\s+(?i:of)\s+(?:(?i:the)\s+)?(?i:total|market))?\s*,?\s+(?i:and|while)\s+(?:(?i:the)\s+)?"
    r"(?P<member>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,3}?)\s+(?:(?i:at|with)\s+)?"
)
_IN_BRACKETS_AFTER_AN_AMOUNT = re.compile(r"(?:\s+(?i:dollars|euros))?\s*\(\s*")
_CLOSING_BRACKET = re.compile(r"\s*\)")
_SHARE_RIGHT_AFTER_AN_AMOUNT = re.compile(
    r"(?:\s+(?i:in)\s+(?:19|20)\d{2})?\s*(?:\(|,\s*(?:(?i:or|representing|accounting\s+for)\s+)?|\s+(?i:or)\s+)"
    r"\s*(?:(?i:about|around|nearly|roughly|approximately|almost|over|some)\s+)?"
)
_FOLLOWED_IN_THE_NEXT_SENTENCE = re.compile(r"\s*(?i:this|it|that)\s+(?i:is|was)\s+(?i:followed)\s+(?i:by)\b")
_ONLY_A_YEAR = re.compile(r"\s+(?:19|20)\d{2}\s+")


def _another_column_of_the_row(
    text: str, figures: list[StatedFigure], sentence: Sentence, common: dict, year: int | None, money: Money
) -> bool:
    """ "United States $2.58 trillion 2024 $29.18 trillion 8.8%" (market size, year, GDP, % of GDP): an amount
    right after the same member's amount and a year, in one line of a table written with spaces, is another
    column's."""
    previous = figures[-1] if figures else None
    return (
        previous is not None
        and previous.metric == "value"
        and previous.char_start == sentence.char_start
        and (previous.scope, previous.member, previous.within_region, previous.year, previous.currency)
        == (common["scope"], common["member"], common["within_region"], year, money.currency)
        and _ONLY_A_YEAR.fullmatch(text, previous.figure_end, money.start) is not None
    )


_A_FIGURES_NAME = re.compile(
    r"\b(?i:cagr|growth|rate|size|value|revenues?|share|forecast|period|year|volume|estimate|projection|total)\b"
)


def _member_of_the_row(text: str, row: TableRow) -> str | None:
    """The member a table's row names ("| Loose leaf | 1.3 | 2.2 |"), unless it is the whole market ("Total")."""
    label = text[row.label_start : row.label_end].strip(" *_")
    if (
        not label
        or label.lower() in _TOTAL_ROW
        or NOT_A_MEMBER.fullmatch(label)
        or _A_FIGURES_NAME.search(label)  # "| CAGR (%) | 31.57 |": the label says what the figure is
        or any(character.isdigit() for character in label)
    ):
        return None
    return label


_DECLINE_BEFORE = re.compile(
    r"\b(?i:decline|declines|declining|decrease|decreasing|shrink|shrinking|contract|contracting|fall|falling)"
    r"\s+(?i:at|by)\s+(?:[\w()-]+\s+){0,7}?(?i:of\s+)?(?:(?i:about|around|nearly|approximately)\s+)?$"
)


_GROWTH_TOLD_BEFORE = 3  # how many sentences back the growth a rate goes on from may be told


def _part_of_the_market_named(text: str, sentence: Sentence, item: Percent, market: str) -> NamedScope | None:
    """The segment a rate's sentence names as a market before it, when that market is a part of the page's."""
    named = market_named_before(text, sentence.char_start, item.start, market)
    if named is None or relation_to_the_market(named, market) != "part" or place_of_a_named_market(named, market):
        return None
    return _segment_of_a_sub_market(named)


# "Leading Segments: Hotels, Cruises, and Camping", "the fastest-growing segments are camping and cruises"
_SEGMENTS_LISTED = re.compile(
    r"\b(?i:segments|categories)\s*(?::|\s(?i:are|include|were)\s)\s*"
    r"(?P<list>[A-Za-z][\w&'’ -]{0,40}(?:,\s*[A-Za-z][\w&'’ -]{0,40})*)"
)
_LIST_JOINT = re.compile(r"\s*,\s*(?:(?i:and|&)\s+)?|\s+(?i:and|&)\s+")


def _segments_named_in_prose(text: str) -> dict[str, str]:
    """The members a page names as its segments in a sentence or heading, by their product key ("cruise" for
    "Cruises"): the first spelling the page lists."""
    named: dict[str, str] = {}
    for listed in matches_where_they_can_be(_SEGMENTS_LISTED, text, starts_with=("segments", "categories")):
        members = [member.strip() for member in _LIST_JOINT.split(listed.group("list")) if member.strip()]
        if len(members) >= 2:
            for member in members:
                named.setdefault(product_key(member), member)
    return named


def _member_the_sentence_before_is_about(
    text: str, sentences: list[Sentence], position: int, figures: list[StatedFigure]
) -> NamedScope | None:
    """What "it" refers back to when no known place or segment opens the sentence before: the member of that
    sentence's first figure ("In 2012, final part production hit 28.3 percent ... In 2003, it represented just 3.9
    percent"), or, in a sentence with no figure, the member its clause opens with ("Within skincare, facial care
    dominates. It holds nearly 53% of the market share.")."""
    if position == 0:
        return None
    before = sentences[position - 1]
    if "\n\n" in text[before.char_end : sentences[position].char_start]:
        return None  # a new paragraph
    stated = [figure for figure in figures if figure.char_start == before.char_start]
    if stated:
        first = stated[0]
        return NamedScope(first.scope, first.dimension, first.member) if first.scope != "market" else None
    if A_FIGURE.search(before.text):
        return None
    opening = member_opening_clause(text, before, before.char_end, require_by_dimension=False)
    if opening is None or opening.scope != "segment":
        return None
    # "A line-in play is also called a live bet. In 2019, it had a 31.9% market share": the name, not its article
    return NamedScope(opening.scope, opening.dimension, _AN_ARTICLE_OPENING.sub("", opening.member) or opening.member)


def _the_place_is_in_the_markets_own_name(
    text: str, sentence: Sentence, item: Money | Percent, tokens: SentenceTokens, market: str
) -> bool:
    """Whether the place a figure was given to is written inside the page's own market name, as the sentence names
    that market before the figure."""
    named = market_named_before(text, sentence.char_start, item.start, market)
    if named is None or product_key(named) != product_key(market):
        return False
    places = [m for m in tokens.mentions if m.end <= item.start and m.target.scope in ("region", "country")]
    return bool(places) and text[places[-1].start : places[-1].end].lower() in named.lower()


_AN_ARTICLE_OPENING = re.compile(r"^(?i:a|an|the)\s+")
_REACHED_AFTER_A_RANGE = re.compile(
    r"\s*,?\s*(?i:to\s+reach|reaching|to\s+hit|to)\s+(?:(?i:about|around|nearly|over|approximately|roughly)\s+)?"
)


def _said_more_than_once(name: str, text: str) -> bool:
    """Whether the page writes ``name`` more than once as words ("AR" in "the AR market", not in "market")."""
    said = _the_name_as_words(name).finditer(text)
    return next(said, None) is not None and next(said, None) is not None


@functools.lru_cache(maxsize=256)
def _the_name_as_words(name: str) -> re.Pattern:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.IGNORECASE)


_WORLD_WIDE = re.compile(r"^(?:(?i:the)\s+)?(?:(?i:global|worldwide|world|overall|total)\s+)+")


def _names_the_market(member: str | None, market: MarketIdentity | None) -> bool:
    """Whether a member's name is the page's market's under "global" or "overall": "global coffee" on a coffee
    page. (Without such a word, "the Cosmetics segment" may well be a segment of a page whose market was misread.)"""
    if member is None or market is None or not (world_wide := _WORLD_WIDE.match(member)):
        return False
    return product_key(member[world_wide.end() :]) == product_key(market.name)


def _segment_of_a_sub_market(named: str) -> NamedScope:
    """ "air-source heat pump" named as a market on a heat pump page: that segment, its generic noun left out."""
    return NamedScope("segment", None, GENERIC_MEMBER_NOUN.sub("", named) or named)


def _signed(pct: float | None, declining: bool) -> float | None:
    return -pct if declining and pct is not None and pct > 0 else pct


def _as_float(number: Decimal | None) -> float | None:
    return float(number) if number is not None else None


def _sentences_whose_names_are_read(
    sentences: list[Sentence],
    grouped: dict[int, SentenceTokens],
    table_rows: dict[int, TableRow],
    cards: dict[int, StatCard],
    flat_tables: dict[int, FlatTable],
    year_value_lines: dict[int, YearValueLine],
) -> set[int] | None:
    """The positions of the sentences whose regions, countries and segments a figure is read with: the sentences
    that hold one (an amount, a percentage, a table's row or lines, a stat card), each with the sentence before it
    ("In 2019, it accounted for 48.6%") and after it (a stat card's label). None, every sentence, when a figure's
    sentence refers back ("this segment", "the regional market"): that is the last one named anywhere before it."""
    with_figures = {position for position, tokens in grouped.items() if tokens.money or tokens.percentages}
    with_figures |= set(table_rows)
    if any(reference_in(sentences[position].text) for position in with_figures):
        return None
    table_lines = {
        line
        for position, table in flat_tables.items()
        for line in range(position, (table.last_position or position) + 1)
    }
    holding = with_figures | set(cards) | set(year_value_lines) | table_lines
    return {near for position in holding for near in (position - 1, position, position + 1)}


# A report's name in quotes: "According to the market research report “Global Smart Glass market 2012-2017, by
# technology (...), Applications (Architectural [Commercial, Residential], Transportation [..., Marine])”, the smart
# glass market is expected to reach $3.83 billion by 2017": the members its name lists hold none of the figures.
_QUOTED_REPORT_TITLE = re.compile(
    r"[“\"](?=[^”\"\n]{0,600}?\b(?i:market)\b)(?=[^”\"\n]{0,600}?(?:\b(?i:by|forecast)\b|\())[^”\"\n]{20,600}[”\"]"
)


def _segment_named_before_an_amount(
    text: str, sentence_start: int, money: Money, tokens: SentenceTokens
) -> NamedScope | None:
    """The segment a sentence names just before an amount, as what earns it ("Veterinary clinics sold US$ 2.74 Bn
    worth of ...", "the residential sector generated $4 billion") or what dominates the market ("dominated by
    Traditional Banks, which are expected to have a projected market volume of US$7.03tn"); not a firm."""

    def a_segment(name: str) -> bool:
        return not NOT_A_MEMBER.fullmatch(name) and not FIRM_NAME.fullmatch(name)

    contributor = MEMBER_CONTRIBUTES.fullmatch(text, sentence_start, money.start)
    if contributor is not None and a_segment(contributor.group("member")):
        return NamedScope("segment", None, GENERIC_MEMBER_NOUN.sub("", contributor.group("member")))
    dominant = DOMINATED_BY_MEMBER.fullmatch(text, sentence_start, money.start)
    if (
        dominant is not None
        and a_segment(dominant.group("member"))
        and not overlaps_a_mention(tokens, dominant.start("member"), dominant.end("member"))
    ):
        return NamedScope("segment", None, dominant.group("member"))
    return None


# "In healthcare, surgical robotics will grow from $12.5 billion": a field named before the subject
_FIELD_OPENING = re.compile(r"[-•*·\s]*(?i:in|for|within|among|across)\s+[^,\d]{1,40},\s*")
# "The report found that industrial AI is expected to grow": who says it, then what it is about
_SOURCE_SAYS_THAT = re.compile(
    r"[-•*·\s]*(?:(?i:the)\s+)?[\w&'’ -]{1,40}?\s+(?i:found|finds|shows|showed|reveals|revealed|notes|noted|says|said"
    r"|reports|reported)\s+(?i:that)\s+"
)


def _subject_after_a_place_opening(sentence_text: str) -> re.Match | None:
    """The words a sentence opens with up to its verb (SENTENCE_SUBJECT), after an "In <field>," opening or a
    source's "The report found that"."""
    opening = _FIELD_OPENING.match(sentence_text) or _SOURCE_SAYS_THAT.match(sentence_text)
    return SENTENCE_SUBJECT.match(sentence_text, opening.end() if opening else 0)


def _outside_quoted_report_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    if "“" not in text and '"' not in text:
        return mentions
    titles = [(found.start(), found.end()) for found in _QUOTED_REPORT_TITLE.finditer(text)]
    if not titles:
        return mentions
    return [mention for mention in mentions if not any(start <= mention.start < end for start, end in titles)]


_SLASH_BETWEEN = re.compile(r"[ \t]?/[ \t]?")


def _places_joined_by_a_slash(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Asia/Oceania are expected to expand their shares": two places joined by a slash are one place, named as
    the page writes it."""
    if "/" not in text:
        return mentions
    joined: list[Mention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.target.scope in ("region", "country")
            and mention.target.scope in ("region", "country")
            and _SLASH_BETWEEN.fullmatch(text, previous.end, mention.start)
        ):
            scope = "region" if "region" in (previous.target.scope, mention.target.scope) else "country"
            name = f"{text[previous.start : previous.end]}/{text[mention.start : mention.end]}"
            joined[-1] = Mention(previous.start, mention.end, NamedScope(scope, scope, name))
            continue
        joined.append(mention)
    return joined


ANOTHER_MARKETS_FIGURE = "a figure of another market"
_ANOTHER_MARKET_NAMED = re.compile(rf"{ANOTHER_MARKETS_FIGURE}(?: in [^(]+)? \((?P<named>[^()]+)\)")
_FEWEST_FIGURES_OF_THE_MARKET_THE_PAGE_IS_ABOUT = 2


def market_the_figures_are_of(figures: list[StatedFigure], skipped: list[SkippedStatement]) -> str | None:
    """The market a page's amounts are about when it is not the one its name was read as: no amount was read as
    the market's, and two or more were set aside as one other market's ("The health IT market in North America is
    forecasted to reach $31.3 billion, ... from $21.9 billion in 2012" on a page whose headings name "healthcare
    information technology"). None when the page's market holds an amount or a growth rate, or no other market is
    named twice."""
    if any(figure.scope == "market" and figure.metric in ("value", "cagr") for figure in figures):
        return None
    of_another = [(item, found) for item in skipped if (found := _ANOTHER_MARKET_NAMED.search(item.reason))]
    named = Counter(found.group("named") for _, found in of_another)
    if len(named) != 1:
        return None
    ((name, count),) = named.items()
    if count < _FEWEST_FIGURES_OF_THE_MARKET_THE_PAGE_IS_ABOUT:
        return None
    # the page's first amount is that market's: "With a market value of up to US$ 2.3 billion in 2021, ..." before
    # a segment's figures leaves the page its own market
    first_of_another = min(item.char_start for item, _ in of_another)
    amounts_before = [
        item
        for item in skipped
        if item.char_start < first_of_another and written_with_a_scale(item.reason.split(" at ", 1)[0])
    ]
    values_before = [f for f in figures if f.metric == "value" and f.char_start < first_of_another]
    return None if amounts_before or values_before else name


def extract_figures(
    text: str, sentences: list[Sentence], taxonomy: Taxonomy, market: str | None = None
) -> tuple[list[StatedFigure], list[SkippedStatement]]:
    """All figures stated in ``text``, with CAGR periods left as placeholders where the sentence does not state one
    (see ``cagr_periods.resolve_cagr_periods``)."""
    index = SentenceIndex(sentences)
    grouped = group_by_sentence(index, text)
    table_rows = find_table_rows(text, sentences)
    cards = find_stat_cards(text, sentences)
    flat_tables = find_flat_year_tables(text, sentences)
    year_value_lines = find_year_value_lines(sentences)
    labelled_amount_lines = find_labelled_amount_lines(text, sentences)
    labelled_share_lines = find_labelled_share_lines(text, sentences)
    gazetteer = Gazetteer(taxonomy, market)
    read_names_in = _sentences_whose_names_are_read(
        sentences, grouped, table_rows, cards, flat_tables, year_value_lines
    )
    mentions = gazetteer.find(text, gazetteer.stretches_to_search(text, sentences, read_names_in))
    add_mentions(grouped, index, _places_joined_by_a_slash(text, _outside_quoted_report_titles(text, mentions)))
    figures: list[StatedFigure] = []
    skipped: list[SkippedStatement] = []
    recent_mentions: list[Mention] = []
    segments_the_page_names = _segments_named_in_prose(text)
    market_product = market_identity(market) if market else None
    previous_position = -1
    last_cagr_period: tuple[int, int] | None = None  # the last CAGR period a sentence stated
    last_cagr_period_position = -1  # the sentence that stated it
    last_cagr_forecast = False  # and whether that sentence forecast it ("is forecast to grow at"), not recorded it
    last_value_years: tuple[int, int] | None = None  # the years the last sentence with two dated values spans
    last_value_years_at = -1  # and that sentence's position
    last_share_change: tuple[int, int, int] | None = None  # (position, from year, to year) of the last share's move

    for position in sorted(set(grouped) | set(table_rows) | set(cards) | set(flat_tables) | set(year_value_lines)):
        tokens = grouped.get(position) or SentenceTokens(sentences[position], [], [], [], [], [])
        figures_before_the_sentence = len(figures)
        sentence = tokens.sentence
        if position in year_value_lines:
            figures.append(_year_value_figure(year_value_lines[position]))
            continue
        if position in flat_tables:
            table = flat_tables[position]
            lines = range(position, (table.last_position or position) + 1)
            mentions = [mention for line in lines if line in grouped for mention in grouped[line].mentions]
            figures.extend(_flat_table_figures(table, mentions))
            recent_mentions.extend(mentions)
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
            with_scale = [_scaled_by_the_header(money, row) for money in tokens.money]
            tokens.money = sorted([*with_scale, *_bare_amounts(text, row)], key=lambda item: item.start)
        if position - previous_position > _REFERENCE_LOOKBACK_SENTENCES:
            recent_mentions = []
        elif position - previous_position > 1 and (leader := _member_said_to_lead(sentences[position - 1])):
            # "Of these, power train sensors have the largest share of the market. Valued at nearly $4.7 bln in
            # 2007, this segment ...": the member "this segment" then refers to
            recent_mentions.append(leader)
        previous_position = position

        def skip(reason: str, sentence: Sentence = sentence) -> None:
            skipped.append(SkippedStatement(reason, sentence.text, sentence.char_start, sentence.char_end))

        if _DEVELOPMENT_OPENING.match(sentence.text):
            recent_mentions.extend(tokens.mentions)
            continue  # amounts in dated developments are deal sizes, read there (see developments.py)

        # Boundaries between figures: each figure's clause runs to the next figure or the sentence's end.
        figure_tokens = sorted([*tokens.money, *tokens.percentages], key=lambda item: item.start)
        if not figure_tokens:
            recent_mentions.extend(tokens.mentions)
            continue
        boundaries = [item.start for item in figure_tokens[1:]] + [sentence.char_end]
        clause_starts = [sentence.char_start] + [item.end for item in figure_tokens[:-1]]
        not_market_end = None  # where the last amount that is not a market figure ended
        not_market_clause_start = sentence.char_start  # and where its clause started
        previous_rate = None  # (metric, end) of the last percentage read as a CAGR or a share
        share_change_from_year = None  # the year of the share a move in this sentence started from
        for item, clause_start, clause_end, previous_clause_start in zip(
            figure_tokens, clause_starts, boundaries, [sentence.char_start, *clause_starts[:-1]], strict=True
        ):
            if item.problem:
                skip(f"{item.text!r} at {item.start}: {item.problem}")
                continue
            if isinstance(item, Money) and DEAL_BEFORE.search(text, max(clause_start, item.start - 80), item.start):
                skip(f"{item.text!r} at {item.start}: a deal amount (funding, contract, order), not a market figure")
                not_market_end, not_market_clause_start = item.end, clause_start
                continue
            compared = not_market_end is not None and COMPARED_WITH.fullmatch(text, not_market_end, item.start)
            # "venture funding peaking at $7 billion in 2022 before stabilizing around $4-5 billion": what named the
            # last amount no market figure names this one too, unless a market is named between them
            looked_back_from = clause_start
            if not_market_end is not None and not _A_MARKET_WORD.search(text, not_market_end, item.start):
                looked_back_from = not_market_clause_start
            elif _CONTINUES.fullmatch(text, clause_start, item.start):
                # "cost savings from biosimilars surged by over 30%, reaching $12.4 billion": the amount the
                # previous clause's subject reaches
                looked_back_from = previous_clause_start
            # "the cumulative 2017 revenues of vaccines (US$6.50 billion), minerals (US$5.71 billion), ...": an amount
            # listed with its member is that member's value, whatever words open the list
            listed = member_listed_with_amount(text, tokens, item) if isinstance(item, Money) else None
            if (
                isinstance(item, Money)
                and not row
                and (
                    compared
                    or (listed is None and is_not_a_market_amount(text, item, looked_back_from))
                    # "tequila/mezcal sales were up 7.9% or $476 million": a member's increase, however listed (the
                    # percentage it restates ends the clause before)
                    or is_an_increase(text, item, previous_clause_start)
                )
            ):
                skip(
                    f"{item.text!r} at {item.start}: a price, cost, budget, funding amount, increase or one month's "
                    "sales, not a market figure"
                )
                not_market_end, not_market_clause_start = item.end, looked_back_from
                continue
            if (
                isinstance(item, Money)
                and (firm := FIRM_EARNS.fullmatch(text, sentence.char_start, item.start))
                and not overlaps_a_mention(tokens, firm.start("firm"), firm.end("firm"))
            ):
                skip(f"{item.text!r} at {item.start}: revenue of {firm.group('firm')}, a company, not a market figure")
                continue
            if isinstance(item, Money) and (firm := firm_in_brackets(text, item, tokens)):
                skip(f"{item.text!r} at {item.start}: revenue of {firm}, a company, not a market figure")
                continue
            if isinstance(item, Money) and is_unnamed_local_conversion(text, item, tokens.money):
                skip(f"{item.text!r} at {item.start}: a conversion in brackets into dollars the page does not name")
                continue
            target, within_region = scope_for(text, item.start, tokens, recent_mentions)
            if isinstance(item, Money) and (elided := member_of_a_list_without_its_verb(text, tokens, item)):
                target, within_region = elided, None
            if (
                target is not None
                and target.scope in ("region", "country")
                and market
                and _the_place_is_in_the_markets_own_name(text, sentence, item, tokens, market)
            ):
                # "The regulated European gambling market is expected to reach €137 billion" on a page about the
                # regulated European gambling market: the market's own figure, its place part of its name
                target, within_region = None, None
            if (place_after := _the_place_a_clause_ends_with(text, item, tokens, sentence)) is not None:
                # "..., with 1.9% CAGR, and at $1.705 billion and 6.1% CAGR (2019-2023) for Mexico."
                target, within_region = place_after, None
            if (
                target is None
                and isinstance(item, Money)
                and (place_after := _the_place_right_after(text, item, tokens))
            ):
                # "... is expected to reach a value of $13.6 billion in the United States alone."
                target = place_after
            if (opening := _member_opening_then_the_market(sentence.text)) and not NOT_A_MEMBER.fullmatch(
                opening.group("member")
            ):
                # "Regarding virtual reality (VR), the market size was estimated at $59.96 billion": the member the
                # opening names is what "the market" means here
                member_start = sentence.char_start + opening.start("member")
                named = _named_at(tokens, member_start)
                target, within_region = named or NamedScope("segment", None, opening.group("member")), None
            if (
                target is not None
                and target.scope in ("region", "country")
                and isinstance(item, Money)
                and _WORLDWIDE_IN_ANOTHER_CLAUSE.search(text, _end_of_place(tokens, target, item.start), item.start)
            ):
                # "... exceeded $8 billion in the US, while the EdTech industry worldwide was expected to reach $252
                # billion by 2020": the place is the earlier clause's
                target, within_region = None, None
            if (
                target is None
                and isinstance(item, Money)
                and (labelled := labelled_amount_lines.get(position))
                # "2025 Market Size Estimates" over "- Acme Research: $1.25 billion": firms' sizes of the market
                and year_of_a_list_heading(text, sentences, position) is None
            ):
                # "Breakdown:" over "Food $30.32 billion", "Vet Care $18.11 billion": each line's member
                named = _named_at(tokens, labelled.member_start)
                target = named or NamedScope("segment", None, labelled.member)
            if (
                target is None
                and not isinstance(item, Money)
                and (place := _place_market_named_after(text, item, tokens, clause_start))
            ):
                target = place  # "The anticipated CAGR of 5.51% underscores the resilience of the US market"
            if target is None and row is not None and (member := _member_of_the_row(text, row)):
                target = NamedScope("segment", None, member)  # "| Loose leaf | 1.3 | 2.2 | 6.8% |"
            if target is None and (appositive := SEGMENT_APPOSITIVE.match(sentence.text)):
                target = NamedScope("segment", None, appositive.group("member") or appositive.group("named"))
            if target is None and (cut := _THE_MARKET_BY_A_MEMBER.match(sentence.text)):
                target = NamedScope("segment", None, cut.group("member"))
            if (
                target is None
                and (part := _OF_THE_MARKET_A_MEMBER.match(sentence.text)) is not None
                and not NOT_A_MEMBER.fullmatch(part.group("member"))
            ):
                # "Of the paper packaging market, paperboard is estimated to be the fastest growing market with a
                # forecasted growth rate of 7.4%": the part the sentence opens on
                target = NamedScope("segment", None, part.group("member"))
            if target is None and (kind := _REVENUE_OF_A_KIND.match(sentence.text)):
                # "Revenue, at home (e.g., in supermarkets) in the Coffee market amounts to US$94.7bn in 2024"
                target = NamedScope("segment", None, kind.group("member"))
            if target is None and isinstance(item, Money):
                target = _segment_named_before_an_amount(text, sentence.char_start, item, tokens)
            opening_figure_of = _holder_of_an_opening_figure(text, sentence.char_start, item, tokens)
            if target is None and opening_figure_of is not None:
                # "With €1,293 billion in 2017, China is still the largest chemical producer": the subject's
                target = opening_figure_of
            if (
                target is None
                and not isinstance(item, Money)
                and _opens_a_bullet_line(text, sentence.char_start)
                and (holder := _MEMBER_WITH_A_SHARE.fullmatch(text, sentence.char_start, item.start))
                and not NOT_A_MEMBER.fullmatch(holder.group("member"))
                and _SHARE_RIGHT_AFTER.match(text, item.end)
            ):
                target = NamedScope("segment", None, holder.group("member"))
            if (
                target is None
                and _opens_a_bullet_line(text, sentence.char_start)
                and (head := _BULLET_HEAD_WITH_AN_AMOUNT.match(sentence.text)) is not None
                and head.end() <= item.start - sentence.char_start
                and not NOT_A_MEMBER.fullmatch(head.group("member"))
            ):
                # "• Online travel (hotels and airlines) market targeting $76.6 billion (10-year CAGR 15%)": the
                # member the bullet line opens with holds its figures
                start = sentence.char_start + head.start("member")
                target = _named_at(tokens, start) or NamedScope("segment", None, head.group("member"))
            if target is None and listed is not None:
                target = listed
            if (
                target is None
                and isinstance(item, Money)
                and SHARE_BEFORE.search(text, clause_start, item.start)
                and (holder := member_opening_clause(text, sentence, item.start, require_by_dimension=False))
            ):
                # "the automotive sector had the largest share in the market in 2012 at $7.37 billion"
                target = holder
            if (
                target is None
                and isinstance(item, Money)
                and (within := _WITHIN_THAT_FIGURE.match(sentence.text))
                and (part := MEMBER_THEN_VERB.match(sentence.text, within.end()))
                and not NOT_A_MEMBER.fullmatch(part.group("member"))
            ):
                # "But sales in 2012 were worth £2.5bn. Within that figure dog food is worth £1.1bn a year.": a part
                # of the amount the sentence before states
                target, within_region = NamedScope("segment", None, part.group("member")), None
            sizes_the_whole_market = isinstance(item, Money) and (
                _THE_WHOLE_MARKET_AFTER.match(text, item.end) or _A_MARKET_RIGHT_AFTER.match(text, item.end)
            )
            if sizes_the_whole_market:
                # "North America accounts for a 41% share of the nearly $316 billion global e-learning market"
                target, within_region = None, None
            leader = _member_leading_the_market(sentence.text)
            if follower := member_followed_by(text, item, tokens):
                # "personal care leads the European market with 20.5 billion, followed by hygiene products (19.84
                # billion)": the followers are parts of the place's market the leader leads
                target, within_region = follower, leader and _place_of_the_led_market(tokens, sentence, leader)
            if isinstance(item, Money) and (owner := _ATTRIBUTED_TO_AFTER_AN_AMOUNT.match(text, item.end, clause_end)):
                # "... of which around 21.83 billion U.S. dollars was attributable to the United States"
                named = _named_at(tokens, owner.end())
                if named is not None:
                    target, within_region = named, None
            if (
                isinstance(item, Money)
                and market
                and (part := _WITH_A_PART_TOTALING.search(text, max(sentence.char_start, item.start - 80), item.start))
                and not NOT_A_MEMBER.fullmatch(part.group("member"))
                and relation_to_the_market(part.group("member"), market) != "same"
            ):
                # "The UK spends £8 billion a year on pets, with vet bills totaling nearly £5 billion annually"
                target, within_region = NamedScope("segment", None, part.group("member")), None
            if (
                target is None
                and isinstance(item, Money)
                and market
                and (spent_on := _A_YEAR_SPENT_ON.match(text, item.end))
                and (what := _WHAT_IS_BOUGHT.match(text, spent_on.end()))
                and relation_to_the_market(what.group(0), market) != "same"
            ):
                # "pet owners spend £1.2 billion a year on grooming products" on a pet page
                target = NamedScope("segment", None, what.group(0))
            if isinstance(item, Money) and (part := _a_part_sized_by_the_amount(text, sentence, item)):
                # "Within the $10.1 billion lip products sector", "facial makeup, which at $13.2 billion is the largest
                # color cosmetics sector"
                target, within_region = NamedScope("segment", None, part), None
            if (
                isinstance(item, Money)
                and (part := _FROM_A_PART_AFTER_AN_AMOUNT.match(text, item.end))
                and not NOT_A_MEMBER.fullmatch(part.group("member"))
                and _INCLUDES_BEFORE.search(text, sentence.char_start, item.start)
                and any(other.end <= item.start for other in tokens.money)
                and _named_at(tokens, part.start("member")) is None
            ):
                # "..., which includes Rs 160,000 crore from liquid milk, Rs 45,000 crore from ghee"
                target, within_region = NamedScope("segment", None, part.group("member")), None
            if isinstance(item, Money) and (source := _FROM_A_SEGMENT_AFTER_AN_AMOUNT.match(text, item.end)):
                target, within_region = NamedScope("segment", None, source.group("member")), None
            if not isinstance(item, Money) and second_of_two_shares_from(text, item):
                skip(f"{item.text!r} at {item.start}: the second of two shares written with one percent sign")
                continue
            revenue_source_named = not isinstance(item, Money) and (source := revenue_source(text, item, tokens))
            if revenue_source_named:
                target, within_region = source, None
            if (
                follower is None
                and leader
                and not sizes_the_whole_market
                and not NOT_A_MEMBER.fullmatch(leader.group("member"))
                and (target is None or only_named_in(tokens, item.start, sentence.char_start + leader.end("member"),
                                                      sentence.char_start + leader.end()))
            ):  # fmt: skip
                dimension = dimension_of_the_opening(sentence.text)
                target = NamedScope("segment", dimension, GENERIC_MEMBER_NOUN.sub("", leader.group("member")))
                within_region = _place_of_the_led_market(tokens, sentence, leader)
            if target is None and isinstance(item, Money):
                target = segment_named_the_kind(sentence.text, item.start - sentence.char_start)
            if target is None and isinstance(item, Money):
                target = _member_leading_or_named_a_segment(text, sentence, item, tokens.money, market)
            if target is None and IT_OPENING.match(sentence.text):
                # "Europe takes the crown for the largest region. In 2019, it accounted for 48.6%": "it" is the
                # member the previous sentence opens with
                target = subject_of(grouped.get(position - 1)) or _member_the_sentence_before_is_about(
                    text, sentences, position, figures
                )
                if target is not None:
                    within_region = None
            if target is None and (back := _BACK_TO_THE_SENTENCE_BEFORE.match(sentence.text)):
                # "India's revenue will rise to $1.79 billion in 2016. That represents a CAGR of 18.2%": the place or
                # segment the sentence before is about; "The North American market recorded growth. This market,
                # which accounts for 32% of worldwide turnover, now totals US $9,915m": a place's market only
                subject = subject_of(grouped.get(position - 1))
                if subject is not None and (back.lastgroup != "market" or subject.scope in ("region", "country")):
                    target, within_region = subject, None
            if (
                target is None
                and isinstance(item, Money)
                and previous_rate
                and previous_rate[0] == "share"
                and previous_rate[2] is not None
                and _AMOUNT_AFTER_A_SHARE.fullmatch(text, previous_rate[1], item.start)
                and not sizes_the_whole_market
            ):
                # "Trauma devices represented 12% of the market, generating USD 2.1 billion in 2023": the amount of
                # the member whose share the clause before gave
                target = previous_rate[2]
            if isinstance(item, Money) and _A_MARKET_VALUED_AT.search(
                text, max(clause_start, item.start - 60), item.start
            ):
                # "African Fintechs are tapping into a market valued at US$150-billion": the market's amount
                target, within_region = None, None
            # a share is always some member's; an amount or a rate may be another market's
            of_a_market = isinstance(item, Money) or (
                classify_percentage(text, item, clause_start, clause_end, (sentence.char_start, sentence.char_end))
                == "cagr"
            )
            if (
                target is not None
                and target.scope in ("region", "country")
                and market
                and of_a_market
                and (other := _another_market_of_the_place(text, sentence.char_start, item.start, target, market))
            ):
                skip(f"{item.text!r} at {item.start}: {ANOTHER_MARKETS_FIGURE} in {target.member} ({other})")
                continue
            if target is not None and target.scope == "segment" and _names_the_market(target.member, market_product):
                target = None  # "the global coffee segment generated US$495.50 billion" on a coffee page
            if target is None and isinstance(item, Money) and (respective := member_of_a_respective_amount(
                text, tokens, item
            )):  # fmt: skip
                target = respective
            if (
                target is None
                and market
                and of_a_market
                and (sub_market := sub_market_named_after_the_market(text, sentence.char_start, item.start, market))
            ):
                target = NamedScope("segment", None, sub_market)
            if (
                target is None
                and market
                and (sold := _SALES_OF_A_PART_OPENING.match(sentence.text))
                and relation_to_the_market(sold.group("member"), market) == "part"
            ):
                # "Sales of personal luxury goods have continued to grow at their long-term CAGR of 6%" on a luxury
                # page: the part's figure
                target = NamedScope("segment", None, sold.group("member"))
            if target is None and market and of_a_market:
                # "By end-user industry, ...": the words of a "By <dimension>," opening name no market
                opening = BY_DIMENSION_OPENING.match(sentence.text)
                named = market_named_before(
                    text, sentence.char_start + (opening.end() if opening else 0), item.start, market
                )
                relation = relation_to_the_market(named, market) if named else "same"
                # "industrial textiles" on a technical textiles page, however often the page names it
                a_kind_of_its_product = bool(named) and is_a_kind_of_the_markets_product(named, market)
                if (
                    relation != "same"
                    and _said_more_than_once(named, text)
                    and not one_of_its_joined_parts(named, market)  # "AR" on a VR/AR page
                    and shares_a_word(named, market)
                    # "the AI hardware market" on an AI page: the market's whole name and more is a part of it
                    and not set(market.lower().split()) < set(named.lower().split())
                    and not a_kind_of_its_product
                ):
                    # a name the page keeps using is its own market, however the title puts it: "commercial
                    # aircraft MRO" on a page titled "Commercial Aircraft Maintenance, Repair, And Overhaul (MRO)"
                    relation = "same"
                if relation == "other" and _a_wider_market_the_subject_is_in(sentence.text, named, market):
                    relation = "same"
                if relation == "other" and a_kind_of_its_product:
                    relation = "part"
                if relation == "other" and _in_the_markets_own(text, item.end, sentence.char_end, market):
                    # "Eye makeup, worth $10.1 billion, was the engine of dynamism in the global color cosmetics
                    # market": a part of the page's market, said to be in it
                    relation = "part"
                if relation == "other" and product_key(named) in segments_the_page_names:
                    # "Leading Segments: Hotels, Cruises, and Camping ... The global camping market is set to expand
                    # at a CAGR of 7.28%": a market the page has called one of its segments, under its listed name
                    relation, named = "part", segments_the_page_names[product_key(named)]
                if relation == "other":
                    skip(f"{item.text!r} at {item.start}: {ANOTHER_MARKETS_FIGURE} ({named}), not of {market}")
                    continue
                if relation == "part" and (place := place_of_a_named_market(named, market)):
                    target = NamedScope(place[0], place[0], place[1])
                elif relation == "part":
                    target = _segment_of_a_sub_market(named)
                elif named is None and (other := another_market_valued(sentence.text, market)):
                    if not _in_the_markets_own(text, item.end, sentence.char_end, market):
                        skip(f"{item.text!r} at {item.start}: {ANOTHER_MARKETS_FIGURE} ({other}), not of {market}")
                        continue
                    # "Eye makeup, worth $10.1 billion, was the engine of dynamism in the global color cosmetics
                    # market": a part of the page's market, said to be in it
                    target = NamedScope("segment", None, other)
                elif named is None and (subject := _subject_after_a_place_opening(sentence.text)):
                    # "PC games will increase 6.2% Y/Y to $37.4B in 2020" on a games page: a sentence about a kind
                    # of the market's product is about a sub-market, a segment
                    name = subject.group("subject")
                    if (
                        not NOT_A_MEMBER.fullmatch(name)
                        and not NOT_IN_A_SUBJECT.intersection(name.lower().split())
                        and relation_to_the_market(name, market) == "part"
                    ):
                        target = NamedScope("segment", None, without_the_markets_words(name, market))
                # "A similar estimate is given by Statista: IT spending will grow by 5.1% this year and reach $4.55
                # trillion": a clause opens after a semicolon or a colon
                semicolon = max(
                    text.rfind(";", sentence.char_start, item.start), text.rfind(": ", sentence.char_start, item.start)
                )
                clause_opening = semicolon + 1 if semicolon >= 0 else sentence.char_start
                if (
                    target is None
                    and named is None
                    and isinstance(item, Money)
                    and (earner := _revenue_of(text[clause_opening : item.start]))
                    and relation_to_the_market(earner.group("what"), market) == "other"
                ):
                    if len(_revenues_listed(sentence.text)) >= _LISTED_REVENUES:
                        # "Vodka sales were nearly flat, totaling $7.2 billion; tequila/mezcal sales were up 7.9%,
                        # totaling $6.5 billion; American whiskey sales ...": the market broken down, clause by clause
                        target = NamedScope("segment", None, earner.group("what"))
                    else:
                        # "Overall, DRAM revenue is expected to total $115.6 billion" on a memory page: another
                        # thing's
                        skip(
                            f"{item.text!r} at {item.start}: revenue or spending of {earner.group('what')}, "
                            f"not of {market}"
                        )
                        continue
                if (
                    target is None
                    and named is None
                    and isinstance(item, Money)
                    and not _THE_WHOLE_MARKET_AFTER.match(text, item.end)
                    and (owner := rate_of_something_else(text[sentence.char_start : item.start], market))
                ):
                    skip(f"{item.text!r} at {item.start}: an amount of {owner}, not of {market}")
                    continue
            by_dimension = BY_DIMENSION_OPENING.match(sentence.text)
            if target is None and by_dimension:
                target = member_opening_clause(text, sentence, item.start)
                # "- By Type: Battery Electric Vehicle (52.0%)" is read as a labelled share below
                if target is None and by_dimension.group("separator") == ",":
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
                # "hit a $210 billion value by 2030, up from $30.6 billion this year": the page's own year
                this_year = not hint and THIS_YEAR_RIGHT_AFTER.match(text, item.end)
                # "Dh36.7 billion ($10 billion) by 2012": the year after the amount's conversion in brackets
                converted = _conversion_in_brackets_after(text, item, tokens)
                year_end, year_clause_end = (
                    (converted.end, _next_figure_start(figure_tokens, converted, sentence))
                    if converted
                    else (item.end, clause_end)
                )
                year = CURRENT_YEAR if this_year else year_for(item.start, year_end, year_clause_end, tokens, hint)
                reached_after = next(
                    (r for r in tokens.ranges if _REACHED_AFTER_A_RANGE.fullmatch(text, r.end, item.start)), None
                )
                if reached_after is not None and not any(item.end <= y.start < clause_end for y in tokens.years):
                    # "a CAGR of 8.8% during 2022-27 to reach US$528.2 billion": the amount at the range's end
                    year = reached_after.last_year
                since = SINCE_A_YEAR_OPENING.match(sentence.text)
                if since and not hint and year == int(since.group("year")):
                    # "Since 2022, the industry has grown by 63% and hit a $75 billion value": today's amount
                    year = CURRENT_YEAR_IF_KNOWN
                if year is None and position > 0:
                    # "Year: 2015, 2020 and 2025" then "Market size: $120 million, $3.1 billion and $12 billion"
                    year = year_in_parallel_list(sentences[position - 1].text, tokens.money, item)
                if year is None:
                    # "$46.5 billion (€39.4bn) by 2028", "values of $82.1bn and $23.4bn in 2017": the year after
                    # the amount it is written with
                    paired = next((m for m in tokens.money if m.start >= clause_end), None)
                    if paired is not None and (
                        CONVERSION_OPENING.fullmatch(text, item.end, paired.start)
                        or _AMOUNTS_JOINED.fullmatch(text, item.end, paired.start)
                    ):
                        following = next((f.start for f in figure_tokens if f.start > paired.start), None)
                        year = year_for(paired.start, paired.end, following or sentence.char_end, tokens)
                if year is None and position > 0 and THE_SAME_YEAR.match(text, item.end):
                    # "... US$8.52tn. The market is dominated by X, with a market volume of US$7.03tn in the same
                    # year": the last year of the sentence before
                    year = next(reversed(find_years(sentences[position - 1].text)), None)
                    year = year.year if year is not None else None
                if (
                    year is None
                    and target is None
                    and position > 0
                    and _IT_REPRESENTS_OPENING.match(sentence.text)
                    and MARKET_SIZE_WORDING.search(text, clause_start, item.start)
                    and len(said := _years_outside_ranges(sentences[position - 1].text)) == 1
                ):
                    # "... at the end of 2022, the market is estimated at 12.7 Mt worldwide. It represents in value a
                    # market of $41 billion": the one year of the statement "it" restates
                    year = said.pop()
                if year is None and target is not None and _WITHIN_THAT_FIGURE.match(sentence.text):
                    # "Within that figure dog food is worth £1.1bn a year": the year of that figure
                    year = next(
                        (
                            f.year
                            for f in reversed(figures)
                            if f.metric == "value" and f.char_end <= sentence.char_start
                        ),
                        None,
                    )
                if year is None and THIS_YEAR_AFTER.match(text, item.end):
                    year = CURRENT_YEAR  # the page's own year, once it is known
                if year is None and THIS_YEAR_BEFORE.search(text, sentence.char_start, item.start):
                    # "Luxury sales in China this year are forecast to be up 18 percent to 23 billion euros"
                    year = CURRENT_YEAR_IF_KNOWN
                if year is None and FORECAST_END.match(text, item.end):
                    year = FORECAST_END_YEAR  # the forecast period's last year, once the page's period is known
                if year is None and END_OF_THE_DECADE.match(text, item.end):
                    year = DECADE_END_YEAR  # the decade's end the page names, once the whole page is read
                if year is None and target is not None and not row:
                    year = year_of_the_sentence_before(text, position, tokens, grouped, sentences)
                if year is None and target is None and not row:
                    year = year_of_a_list_heading(text, sentences, position)
                if year is None and position in labelled_amount_lines:
                    year = labelled_amount_lines[position].year
                if (
                    year is None
                    and target is None
                    and not row
                    and not MARKET_SIZE_WORDING.search(text, clause_start, item.start)
                    and not _THE_WHOLE_MARKET_AFTER.match(text, item.end)
                    # a page's title ("Commercial drones: a $10 billion market") restates what its body says
                    and not (position > 0 and _A_MARKET_RIGHT_AFTER.match(text, item.end))
                    and not NOW_AFTER.match(text, item.end)
                    and not _the_market_named_after(text, item.end, market)
                    and not _the_markets_name_right_after(text, item.end, market)
                ):
                    skip(
                        f"{item.text!r} at {item.start}: an amount with no year that the sentence does not call "
                        "the market's size"
                    )
                    continue
                if _another_column_of_the_row(text, figures, sentence, common, year, item):
                    skip(f"{item.text!r} at {item.start}: a second amount of the same row and year, another column")
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
            metric = (hint.metric if hint and hint.metric in ("share", "cagr") else None) or classify_percentage(
                text, item, clause_start, clause_end, (sentence.char_start, sentence.char_end)
            )
            if metric == "share" and (wider := wider_market_named_before(text, tokens, item.start)):
                skip(f"{item.text!r} at {item.start}: a share of the {wider} market, not of the whole market")
                continue
            labelled_member = _LABELLED_MEMBER_SHARE.fullmatch(text, sentence.char_start, item.start)
            labelled_year = None
            if metric in (None, "share") and labelled_member and _CLOSES_A_SHARE.match(text, item.end):
                # "- By Type: Battery Electric Vehicle (52.0%)", "- Largest Region (2024): Asia Pacific (50%)",
                # "- Top Segment: Video-sharing Platforms (42.7% share)"
                metric = "share"
                named = _named_at(tokens, labelled_member.start("member"))
                dimension = (labelled_member.group("dimension") or labelled_member.group("largest")).lower()
                target = named or NamedScope("segment", dimension, labelled_member.group("member"))
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
                if labelled_member.group("year"):
                    labelled_year = int(labelled_member.group("year"))
            if metric in (None, "share") and (labelled_share := labelled_share_lines.get(position)):
                # "Breakdown of the $88 Billion Asia Pacific Coatings Market by Segment:" over "• Decorative 38.7%",
                # "• General Industrial 14.4%": each line's member's share
                metric = "share"
                target = _named_at(tokens, labelled_share.member_start) or NamedScope(
                    "segment", None, labelled_share.member
                )
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
                labelled_year = labelled_share.year
            if (
                metric is None
                and previous_rate
                and previous_rate[0] == "cagr"
                and FOLLOWED_BY.fullmatch(text, previous_rate[1], item.start)
            ):
                # "a compound annual growth rate (CAGR) of 4% followed by North America (3% to 4%)": the next
                # member's rate, never a share for being a name with a percentage in brackets
                metric = "cagr"
            if (metric is None or (metric == "share" and target is None)) and (
                part := part_a_whole_is_made_of(text, item, sentence)
            ):
                metric, target = "share", part  # "made up of 80% commodity chemicals and 20% specialty chemicals"
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric is None and is_listed_share(text, item, tokens):
                metric = "share"
            if metric is None and (listed_share := member_listed_with_percent(text, item, tokens)):
                metric, target = "share", listed_share
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric is None and target is not None and leads_listed_shares(text, item, tokens):
                metric = "share"
            if (
                metric is None
                and target is not None
                and RANKED_BEFORE.search(text, clause_start, item.start)
                and ranks_shares(text, sentences, position, item.start)
            ):
                # "North America followed with 18.45%", "In third place was Northeast Asia with 10.52%"
                metric = "share"
            if (
                metric is None
                and previous_rate
                and (
                    RATES_IN_A_ROW.fullmatch(text, previous_rate[1], item.start)
                    or FOLLOWED_BY.fullmatch(text, previous_rate[1], item.start)
                    or FROM_RATE_TO_RATE.fullmatch(text, previous_rate[1], item.start)
                )
                # "North America at 20%, 35% growth in Middle East & Africa": a growth rate ends a list of shares
                and not (previous_rate[0] == "share" and GROWTH_AFTER.match(text, item.end))
            ):
                metric = previous_rate[0]  # "a CAGR of 13.4% in volume and 15.7% in value", "a share of 11% and 4%"
            if (
                metric is None
                and previous_rate
                and previous_rate[0] == "share"
                and _COMPARED_WITH_A_SHARE.fullmatch(text, previous_rate[1], item.start)
                and (for_whom := _FOR_RIGHT_AFTER.match(text, item.end))
                and (compared := _named_at(tokens, for_whom.end())) is not None
                and compared != previous_rate[2]
            ):
                # "North America accounted for 48.1% of world sales compared with 22.2% for Europe"
                metric, target = "share", compared
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric is None and opening_figure_of is not None and _RANKED_AFTER.match(text, item.end):
                metric = "share"  # "With 15.6%, the EU chemical industry ranks second"
            if metric is None and revenue_source_named:
                metric = "share"  # "Of the total global revenue, 85% comes from temporary staffing"
            if metric == "share" and (wider := wider_market_named_before(text, tokens, item.start)):
                # "In Europe, the UK has ... a market share of 16.4%, followed closely by Germany with 15.9%"
                skip(f"{item.text!r} at {item.start}: a share of the {wider} market, not of the whole market")
                continue
            if (
                metric == "cagr"
                and target is None
                and not_market_end is not None
                and _WHICH_GREW.fullmatch(text, not_market_end, item.start)
                and not _A_MARKET_WORD.search(text, not_market_end, item.start)
            ):
                # "Global textile and apparel trade in 2017 was USD 750 bn, which has been increased overall at a CAGR
                # of 2%": the rate of the amount just set aside
                skip(f"{item.text!r} at {item.start}: the growth rate of an amount that is not a market figure")
                continue
            if metric == "cagr" and target is None:
                # "The online distribution channel is forecast to register a 6.1% CAGR", "Telecommunications will
                # be the industry that sees the fastest growth, with a CAGR of 13.1 percent": a segment's rate
                opening = member_opening_clause(text, sentence, item.start, require_by_dimension=False)
                kind_of_member = MEMBER_IS_THE_KIND.match(sentence.text)
                if opening is not None and SEGMENT_NOUN.search(opening.member):
                    target = NamedScope("segment", None, SEGMENT_WORD.sub("", opening.member))
                elif opening is not None and _contrasted_member(sentence.text, opening.member):
                    # "oncology earned the highest revenue but cardiology is expected to grow at a faster rate at a
                    # CAGR of 16.32%": the member a contrasting clause opens with
                    target = opening
                elif kind_of_member and not NOT_A_MEMBER.fullmatch(kind_of_member.group("member")):
                    target = NamedScope("segment", None, kind_of_member.group("member"))
                elif (
                    opening is not None
                    and market
                    and not is_known_place(opening.member.split()[0])
                    and relation_to_the_market(opening.member, market) == "part"
                    and _LEADS_THE_GROWTH.search(sentence.text)
                ):
                    # "Online travel is leading the charge, with a projected CAGR of 9.8%" on a travel page
                    target = opening
                else:
                    # "... the advertising category is forecast to grow the fastest, with a projected CAGR of 6.1%"
                    target = segment_named_before(text, sentence.char_start, item.start)
                if (
                    target is None
                    and market
                    and (sub_market := _part_of_the_market_named(text, sentence, item, market))
                ):
                    target = sub_market  # "The pharmaceutical cold chain market is projected to grow at 12.7%"
                if target is not None:
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
                elif not row and (owner := rate_of_something_else(text[sentence.char_start : item.start], market)):
                    target = members_whose_rate_it_is(owner, tokens, item)
                    if target is None:
                        skip(f"{item.text!r} at {item.start}: a growth rate of {owner}, not of the market")
                        continue
                    # "Yet, small contractors are poised to surge at a rate of 5.92% CAGR": that member's rate
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if (
                metric is None
                and previous_rate
                and previous_rate[0] == "share"
                and UP_OR_DOWN_FROM.fullmatch(text, previous_rate[1], item.start)
            ):
                # "Enterprise IoT will account for 72 percent by 2028 - up from 70 percent in 2023": the same
                # member's share in another year
                metric = "share"
                if target is None and previous_rate[2] is not None:
                    target = previous_rate[2]
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric is None and target is not None and leads_with(text, item, clause_start, clause_end):
                metric = "share"  # "In 2023, the Solution segment led with 69.8%"
            if metric is None and target is not None and leads_in_brackets(text, item, tokens):
                metric = "share"  # "North America (38.4%) led the market in 2024"

            if (metric is None or (metric == "share" and target is None)) and (
                taker := _member_taking_a_share_between_them(text, tokens, item, figures[figures_before_the_sentence:])
            ):
                # "followed by fungicides (USD 16.8 billion) and insecticides (USD 15.6 billion) taking 27% and 25%
                # market share between them": the members just valued, in order
                metric, target = "share", taker
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            change = end_of_a_change(text, item, tokens)
            if (
                metric is None
                and change
                and last_share_change
                and last_share_change[0] >= position - 1
                and (holder := target or holder_of_a_share(text, sentence, item, tokens, row, market)) is not None
            ):
                # "... would increase from 46.9% in 2015 to 49.9% in 2021. North American demand will fall from
                # 23.1% to 21.1%": another member's share, moving over the same years
                metric, target = "share", holder
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            amount_before = figures[-1] if len(figures) > figures_before_the_sentence else None
            if (
                metric == "share"
                and amount_before is not None
                and amount_before.metric == "value"
                and amount_before.scope != "market"
                and (restated := _SHARE_RIGHT_AFTER_AN_AMOUNT.fullmatch(text, amount_before.figure_end, item.start))
                # "a total of 145 billion dollars (21 per cent)": in brackets, whatever else the sentence names
                and (target is None or "(" in restated.group(0))
            ):
                # "Package holidays are also significant, expected to contribute $331 billion, or 30% of the total
                # revenue": the share of the member whose amount it restates
                target = NamedScope(amount_before.scope, amount_before.dimension, amount_before.member)
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if metric == "share" and target is None:
                target = holder_of_a_share(text, sentence, item, tokens, row, market)
                if target is not None:
                    common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if (
                metric == "share"
                and target is not None
                and (wider := wider_market_named_after(text, tokens, item, target))
            ):
                skip(f"{item.text!r} at {item.start}: {target.member}'s share of the {wider} market, not of the whole")
                continue
            if metric == "share" and target is not None and (other := another_market_a_share_is_of(text, item, market)):
                skip(f"{item.text!r} at {item.start}: a share of another market ({other}), not of {market}")
                continue
            if (
                metric is None
                and previous_rate
                and previous_rate[0] == "share"
                and previous_rate[1] >= sentence.char_start
                and (elided := _AND_A_MEMBER_ITS_SHARE.fullmatch(text, previous_rate[1], item.start))
                and not NOT_A_MEMBER.fullmatch(elided.group("member"))
            ):
                # "motorboats accounted for 88.8% of the total and sailboats 11.2%": the verb left out
                member_start = elided.start("member")
                named = _named_at(tokens, member_start)
                metric, target = "share", named or NamedScope("segment", None, elided.group("member"))
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            if (
                metric is None
                and amount_before is not None
                and amount_before.metric == "value"
                and amount_before.scope in ("region", "country", "segment")
                and _IN_BRACKETS_AFTER_AN_AMOUNT.fullmatch(text, amount_before.figure_end, item.start)
                and _CLOSING_BRACKET.match(text, item.end)
            ):
                # "Asia (incl. the Pacific region) generated 139 billion (20 per cent)": the member's part of the whole
                metric, target = "share", NamedScope(amount_before.scope, amount_before.dimension, amount_before.member)
                common.update(scope=target.scope, dimension=target.dimension, member=target.member)
            previous_rate = (metric, item.end, target) if metric in ("cagr", "share") else None
            if metric is None:
                skip(f"{item.text!r} at {item.start}: a percentage with no CAGR or share wording around it")
                continue
            if metric == "cagr":
                year = None
                if hint and hint.metric == "cagr":
                    period_start, period_end = hint.period or UNSTATED_PERIOD
                else:
                    period_start, period_end = cagr_period(text, item, clause_start, clause_end, tokens)
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and SAME_PERIOD.search(sentence.text)
                    and (same := _period_of_the_sentence_before(grouped.get(position - 1)) or last_cagr_period)
                ):
                    # "over the same period": the one span the sentence before states ("Light vehicle production is
                    # expected to grow at a CAGR of 3.6 percent over the period 2005 to 2010"), else the last rate's
                    period_start, period_end = same
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and last_cagr_period
                    and last_cagr_period_position == position - 1
                    and last_cagr_forecast
                    and target is not None
                    and target.scope in ("region", "country")
                    and "\n" not in text[sentences[position - 1].char_end : sentence.char_start]
                ):
                    # "... Japan and Canada, each forecast to grow at 4.2% and 5.4% respectively over the 2022-2030
                    # period. Within Europe, Germany is forecast to grow at approximately 4.8% CAGR.": one more
                    # place's rate over the period the sentence before gave its places
                    period_start, period_end = last_cagr_period
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and last_value_years
                    and (
                        THIS_PERIOD.search(sentence.text)
                        or (last_value_years_at == position - 1 and THAT_GROWTH_OPENING.match(sentence.text))
                    )
                ):
                    # "... from $3.3 billion in 2022 to $7.27 billion by 2027. During this forecast period, ... a CAGR
                    # of 16.85%": the years the previous sentence grew between
                    period_start, period_end = last_value_years
                if (
                    (period_start, period_end) in (UNSTATED_PERIOD, FORECAST_PERIOD)
                    and last_cagr_period
                    and THIS_PERIOD.search(sentence.text)
                ):
                    # "... a CAGR of 3.8% between 2013 and 2018. ... the Asia-Pacific market will expand by 5.1%
                    # annually over that period": the period of the last rate the page gave one
                    period_start, period_end = last_cagr_period
                if (
                    (period_start, period_end) == UNSTATED_PERIOD
                    and last_value_years
                    and 0 < position - last_value_years_at <= _GROWTH_TOLD_BEFORE
                    and "\n" not in text[sentences[last_value_years_at].char_end : sentence.char_start]
                    and (grown_to := year_grown_to(text, item, tokens)) is not None
                    and last_value_years[1] < grown_to
                ):
                    # "It will grow from $100.39 billion in 2022 to $107.05 billion in 2023 ... The market is expected
                    # to grow to $133.82 billion in 2027 at a CAGR of 5.7%": on from where the growth before ended
                    period_start, period_end = last_value_years[1], grown_to
                if period_start is not None and period_start < 0 and THAT_NUMBER.match(sentence.text):
                    # "In 2019, the market size was $24.99 billion. This number is expected to rise to $59.53 billion
                    # in 2026, with a CAGR of 13.6%": from the year of the value "this number" is
                    period_start, period_end = _from_the_number_before(
                        grouped.get(position - 1), tokens, (period_start, period_end)
                    )
                if period_start is not None and period_start > 0 and period_end is not None:
                    last_cagr_period = (period_start, period_end)
                    last_cagr_period_position = position
                    last_cagr_forecast = bool(FORECAST_WORDING.search(text, sentence.char_start, item.start))
            else:
                year = labelled_year or year_for(item.start, item.end, clause_end, tokens, hint)
                in_clause = any(item.end <= y.start < clause_end for y in tokens.years)
                if (
                    not labelled_year
                    and not in_clause
                    and not row
                    and not compared_with_an_earlier_one(text, item, tokens)
                ):
                    # "to 14 percent ($40-70 billion) in 2028": the year of its amount, before any earlier year
                    year = year_of_the_amount_it_equals(text, item, tokens, sentence.char_end) or year
                if change and not in_clause and last_share_change and last_share_change[0] >= position - 1:
                    year = last_share_change[1] if change == "from" else last_share_change[2]
                if year is None and not row:
                    year = year_of_the_sentence_before(text, position, tokens, grouped, sentences)
                if change == "from":
                    share_change_from_year = year
                elif change == "to" and share_change_from_year and year and share_change_from_year < year:
                    last_share_change = (position, share_change_from_year, year)
                period_start = period_end = None
            # "projected to decline at a compound annual growth rate (CAGR) of 4%": a rate of -4%
            declining = metric == "cagr" and _DECLINE_BEFORE.search(text, clause_start, item.start) is not None
            figures.append(
                StatedFigure(
                    metric=metric,
                    year=year,
                    period_start_year=period_start,
                    period_end_year=period_end,
                    value_millions=None,
                    value_high_millions=None,
                    pct=_signed(_as_float(item.low), declining),
                    pct_high=_signed(_as_float(item.high), declining),
                    currency=None,
                    **common,
                )
            )
            if common["scope"] == "segment" and not any(m.target.member == common["member"] for m in tokens.mentions):
                # "The enterprise IoT dominates ..., generating 76 per cent ... GlobalData expects this segment to
                # still occupy 73 per cent": a member read from prose is what "this segment" refers back to
                prose_member = NamedScope("segment", common["dimension"], common["member"])
                recent_mentions.append(Mention(item.start, item.end, prose_member))
        figures[figures_before_the_sentence:] = _each_place_its_own(text, tokens, figures[figures_before_the_sentence:])
        recent_mentions.extend(tokens.mentions)
        spanned = years_of_values_before(sentence.char_end, tokens)
        if len(spanned) >= 2 and spanned[0] != spanned[-1]:
            last_value_years, last_value_years_at = (min(spanned), max(spanned)), position
    return figures, skipped


def _years_outside_ranges(sentence_text: str) -> set[int]:
    """The years a sentence names on their own, not as the ends of a span ("the JEC Observer 2022-2027")."""
    spans = find_year_ranges(sentence_text)
    return {
        found.year
        for found in find_years(sentence_text)
        if not any(span.start <= found.start < span.end for span in spans)
    }


_IT_REPRESENTS_OPENING = re.compile(
    r"(?i:it|this|that)\s+(?i:represents|represented|corresponds|corresponded|equals|equalled|equaled|amounts|amounted"
    r"|translates|translated)\b"
)
_EACH_AFTER = re.compile(r"\s*,?\s*(?i:each)\b")


def _each_place_its_own(text: str, tokens: SentenceTokens, figures: list[StatedFigure]) -> list[StatedFigure]:
    """ "South and Central America and Asia Pacific each accounted for 10%": places named together, then "each",
    hold the figure one by one, not jointly."""
    result = []
    for figure in figures:
        start = text.rfind(figure.member, tokens.sentence.char_start, figure.figure_start) if figure.member else -1
        places = [
            mention.target
            for mention in tokens.mentions
            if start >= 0 and start <= mention.start and mention.end <= start + len(figure.member)
        ]
        if (
            figure.scope in ("region", "country")
            and len(places) >= 2
            and _EACH_AFTER.match(text, start + len(figure.member))
        ):
            result += [
                replace(figure, scope=place.scope, dimension=place.dimension, member=place.member) for place in places
            ]
        else:
            result.append(figure)
    return result


def _table_value(
    target: NamedScope | None,
    year: int,
    value_millions: Decimal,
    rounding_millions: Decimal,
    currency: str,
    number: tuple[str, int, int],
    sentence: Sentence,
) -> StatedFigure:
    """A value read from a table's cell: its ``number`` (text, start, end), quoting the table's line."""
    figure_text, figure_start, figure_end = number
    return StatedFigure(
        metric="value",
        scope=target.scope if target else "market",
        dimension=target.dimension if target else None,
        member=target.member if target else None,
        within_region=None,
        year=year,
        period_start_year=None,
        period_end_year=None,
        value_millions=_as_float(value_millions),
        value_high_millions=None,
        pct=None,
        pct_high=None,
        currency=currency,
        rounding=float(rounding_millions),
        figure_text=figure_text,
        figure_start=figure_start,
        figure_end=figure_end,
        quote=sentence.text,
        char_start=sentence.char_start,
        char_end=sentence.char_end,
    )


def _year_value_figure(line: YearValueLine) -> StatedFigure:
    """The market's value in one year, from a 'YEAR VALUE' line under a caption with the unit."""
    number = (line.number_text, line.start, line.end)
    return _table_value(
        None, line.year, line.value_millions, line.rounding_millions, line.currency, number, line.sentence
    )


_TOTAL_ROW = frozenset({"total", "global", "world", "worldwide", "revenue", "revenues", "total revenue", "market"})


def _flat_table_figures(table: FlatTable, mentions: list[Mention]) -> list[StatedFigure]:
    """One value per row and year of a table flattened onto one line; a row named by a listed or known place is
    that place's, a "Total" row the market's, any other row a segment of the line's "By ..." dimension."""
    figures = []
    for cell in table.cells:
        named = next((mention.target for mention in mentions if mention.start == cell.member_start), None)
        target = (
            None if cell.member.lower() in _TOTAL_ROW else named or NamedScope("segment", table.dimension, cell.member)
        )
        number = (cell.number_text, cell.start, cell.end)
        figures.append(
            _table_value(
                target, cell.year, cell.value_millions, cell.rounding_millions, table.currency, number, table.sentence
            )
        )
    return figures


def _card_figure(text: str, card: StatCard, label_mentions: list[Mention]) -> tuple[StatedFigure | None, str]:
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
        place = place_named(card.member) if not named else None
        if named:
            target = named[0].target
        elif place is not None:
            target = NamedScope(place[0], place[0], place[1])  # "Asia Pacific Market, CAGR"
        else:
            target = NamedScope("segment", card.dimension, card.member)
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


def _amount_identity(figure: StatedFigure) -> tuple:
    """A value or share as stated, whatever its year: the same amount of the same member."""
    member = " ".join(re.split(WORD_SEPARATOR, figure.member.lower())) if figure.member else None
    return (figure.metric, figure.scope, member, figure.within_region, figure.value_millions,
            figure.value_high_millions, figure.pct, figure.pct_high, figure.currency)  # fmt: skip


def _undated(figure: StatedFigure) -> bool:
    """A value or share with no year, or a rate with no period at all."""
    if figure.metric == "cagr":
        return figure.period_start_year is None and figure.period_end_year is None
    return figure.year is None


def deduplicate(figures: list[StatedFigure]) -> list[StatedFigure]:
    """One fact per distinct statement; the first statement is kept and the repeats are counted. A value or share
    repeated without its year ("The region holds a 51.29% market share" after "... 51.29% of the global share in
    2023"), or a rate without its period ("While China is Forecast to Grow at 14.8% CAGR" over "China ... a CAGR of
    14.8% over the analysis period 2023-2030"), is a repeat of the dated statement."""
    dated = {_amount_identity(f): f.identity for f in figures if not _undated(f)}
    first_by_identity: dict[tuple, StatedFigure] = {}
    counts: defaultdict[tuple, int] = defaultdict(int)
    for figure in figures:
        identity = figure.identity
        if _undated(figure) and _amount_identity(figure) in dated:
            counts[dated[_amount_identity(figure)]] += 1  # the dated statement stands for it
            continue
        first_by_identity.setdefault(identity, figure)
        counts[identity] += 1
    return [
        figure if figure.mentions == counts[identity] else replace(figure, mentions=counts[identity])
        for identity, figure in first_by_identity.items()
    ]
