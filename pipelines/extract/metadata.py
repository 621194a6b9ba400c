"""What a report page says about itself: its market, title, header fields (pages, base year, release, author)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from pipelines.extract.gazetteer import place_of_adjective
from pipelines.extract.geography import is_known_place, without_leading_places
from pipelines.extract.key_words import matches_where_they_can_be
from pipelines.extract.numbers import find_months
from pipelines.extract.records import ReportMetadata, Sentence

# "Space Mining Market", "Global Space Mining Market Report", "Space Mining Market Size, Share & Trends"
# Words that end a market-research firm's name: "Fortitude Market Insights", "Deccan Mobility Research".
_ORGANISATION_WORD = (
    r"(?:Research|Insights|Analytics|Intelligence|Advisors|Advisory|Partners|Consulting|Consultants|Futures"
    r"|Reports|Associates|Marktforschung|Group|Strategies|Labs)"
)
_TITLE = re.compile(
    r"^(?:(?:Exploring|Understanding|Inside|Unpacking|Navigating|Analy[sz]ing|Examining|Decoding|Mapping)\s+)?"
    # "Billion Dollar Tourism Market": how big, not what
    r"(?:(?:(?i:the|a)\s+)?(?:Multi-?)?(?:Billion|Trillion|Million)[- ](?:Dollar|Euro)\s+)?"
    r"(?:(?i:the\s+)?(?i:global|worldwide)\s+|(?i:the)\s+(?=[A-Z]))?"
    r"(?P<market>[A-Z0-9][\w&+/,.'’() -]*?)\s*(?:[:|–-]\s*)?"
    r"(?:Market|Industry)\b"
    rf"(?!\s+{_ORGANISATION_WORD}\b\s*(?:$|[|·,]))"
)
_ORGANISATION = re.compile(
    rf"(?P<publisher>[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){{0,5}}[ \t]+(?:&[ \t]+)?{_ORGANISATION_WORD}"
    r"(?:\s+(?:GmbH|Ltd\.?|LLC|LLP|Inc\.?|Pvt\.?\s+Ltd\.?|AG|SA))?)"
)
_AN_ORGANISATION_WORD = re.compile(_ORGANISATION_WORD)
_CELL_SEPARATOR = re.compile(r"\s*[|·]\s*|\s+[–—-]\s+")
_TITLE_LINES_OF_ANY_LENGTH = 3
_LOWER_CASE_TITLE = re.compile(
    r"(?:(?i:the)\s+)?(?:(?i:global|worldwide)\s+)?(?P<market>[A-Z0-9][\w&+/'’-]*(?:\s+[\w&+/'’-]+){0,3}?)\s+"
    r"(?:market|industry)(?:\s+(?:in|of)\s+(?:19|20)\d{2})?"
)
_MAX_LOWER_CASE_TITLE_LENGTH = 60
_HEADER_FIELD = re.compile(
    r"(?P<key>(?i:pages|no\. of pages|base year(?:\s+for\s+estimat(?:e|ion))?|release date|released|release|published"
    r"|publication date|author|authors|publisher|published by))\s*:\s*(?P<value>[^|\n\r]+)"
)
_TRAILING_SCOPE = re.compile(r"\s+(?i:global|worldwide)$")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
# "market" as a page uses it of a market; not inside a firm's name ("Future Market Insights").
MARKET_WORD = re.compile(rf"\b(?i:market)\b(?!\s+(?:{_ORGANISATION_WORD}|Growth\s+Reports|Watch)\b)")
_NAME_WORD = re.compile(r"(?:[A-Z]\.){2,}(?!\w)|[\w&+()/’'-]+[,:;]?")  # "U.S." is one word
_ABBREVIATION_IN_BRACKETS = re.compile(r"\([A-Z][^\s()]{0,11}\)")  # "(E-TPU)", "(TiO₂)"
_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_MAX_MARKET_WORDS = 6
_NOT_A_NAME_WORD = re.compile(r"/|\.\w|^[-(]|\d{3}")  # a URL, a file name, a figure
# Words that end a market's name on its left: articles, prepositions, verbs, and what pages put before a name
# ("the current market", "the broader market", "Key Market Trends").
_NOT_IN_A_MARKET_NAME = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "your", "his", "her", "of", "on",
     "in", "for", "per", "to", "from", "with", "by", "at", "as", "into", "across", "about", "within", "than", "over",
     "is", "was", "are", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may", "says",
     "said", "global", "worldwide", "overall", "current", "entire", "whole", "total", "broader", "wider", "key",
     "new", "latest", "growing", "emerging", "expanding", "booming", "largest", "biggest", "fastest-growing",
     "report", "study", "analysis", "trends", "growth", "size", "share", "stock", "stocks", "free", "open",
     "black", "end", "target", "addressable", "value", "most", "transformative", "projected", "estimated",
     "usd", "us$", "eur", "billion", "million", "trillion", "thousand", "bn", "mn", "tn", "which", "where",
     "percent", "per cent", "percentage", "points",
     "while", "when", "what", "how", "why", "if",
     "also", "still", "now", "today", "today’s", "today's", "domestic", "local", "regional", "international",
     "further", "expects", "expected", "include", "includes", "including", "such", "every", "one", "widely",
     "cited", "commonly", "often", "recent", "recently", "another", "separate", "same", "similar", "substantial",
     "significant", "sizeable", "sizable", "considerable", "huge", "massive", "robust", "healthy", "impressive",
     "staggering", "approximate", "potential", "possible", "single", "year", "years", "decade", "yesterday",
     "tomorrow", "quarter", "month", "predicts", "predict", "forecasts", "estimates", "projects", "sees", "finds",
     "values", "puts", "sizes",  # "IGD's new forecast values food-to-go market at £22.9 bn"
     "reveals", "reports", "shows", "believes", "thinks", "driving", "drives", "drive", "fueling", "fuelling",
     "propelling", "boosting", "supporting", "accelerating", "hampering", "restraining", "influencing", "shaping",
     "impacting", "affecting", "dominating", "entering", "disrupting", "transforming", "cover", "see", "saw",
     # "India will be a rising market": words that judge a market, no part of its name
     # (not "big", "large", "major", "dynamic", "competitive": "big data", "large language model", "major
     # appliances", "dynamic positioning", "competitive intelligence" markets)
     "rising", "lucrative", "promising", "attractive", "important", "mature", "profitable", "fragmented",
     "consolidated"}
)  # fmt: skip
_SMALL_WORDS = frozenset({"and", "or", "of", "for", "the", "in", "on", "to", "&"})
# What a title's market should not hold: a figure, a year, a sentence's verb, a breadcrumb.
_TITLE_JUNK = re.compile(r"\d|\b(?i:says|said|home|report|projected|most|key|current|overall|growth\s+in)\b")
_SAID_OFTEN = 3
_SAID_TWICE = 2
_LABEL_WORDS = re.compile(
    r"\b(?i:base\s+year|forecast\s+years?|forecast\s+period|study\s+period|historical\s+years?)\b"
)
# Markdown and rich-text markers around a title line: "# X Market", "**X Market**".
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")
_PUBLISHER_NAME = r"(?P<publisher>[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){0,5})"
# Each pattern with where it can match (key_words.matches_where_they_can_be): the lower-case words its matches start
# with, or what its matches hold after the firm's name, as found in the lower-cased text.
_PUBLISHER_PATTERNS: tuple[tuple[re.Pattern, dict], ...] = (
    (
        re.compile(r"\b(?i:published|provided|compiled|prepared)\s+(?i:by)\s+" + _PUBLISHER_NAME),
        {"starts_with": ("published", "provided", "compiled", "prepared")},
    ),
    (
        re.compile(
            r"(?i:according\s+to\s+(?:a|an|the)\s+(?:new\s+|latest\s+|recent\s+)?"
            r"(?:report|study|analysis|research(?:\s+report)?)(?:\s+(?:published|released))?\s+by)\s+" + _PUBLISHER_NAME
        ),
        {"starts_with": ("according",)},
    ),
    (
        re.compile(_PUBLISHER_NAME + r",?\s+(?i:a\s+(?:leading\s+|global\s+)?market\s+research\s+(?:firm|company))"),
        {"holds": re.compile(r"market\s+research\s+(?:firm|company)")},
    ),
    (
        re.compile(
            r"(?:©|\((?i:c)\)|(?i:copyright)(?:\s+©)?)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s+)?"
            + _PUBLISHER_NAME
        ),
        {"starts_with": ("©", "(c)", "copyright")},
    ),
)
# Firms whose names carry no organisation word ("MarketsandMarkets", "Frost & Sullivan"), or that a news page
# names in passing ("according to IDC"): a page that names one of them is quoting its figures.
KNOWN_PUBLISHERS = (
    "MarketsandMarkets", "Markets and Markets", "Frost & Sullivan", "Technavio", "Gartner", "IDC", "IDTechEx",
    "Freedonia Group", "Zpryme", "Statista", "BloombergNEF", "Wood Mackenzie", "IHS Markit", "Omdia",
    "Allied Market Research", "Grand View Research", "Precedence Research", "Fortune Business Insights",
    "Mordor Intelligence", "Research Nester", "The Business Research Company", "The Insight Partners",
    "Global Market Insights", "Future Market Insights", "Market Research Future", "Coherent Market Insights",
    "Straits Research", "Emergen Research", "Kings Research", "Ken Research", "IMARC Group", "Data Bridge",
    "Polaris Market Research", "SkyQuest", "Verified Market Research", "Transparency Market Research",
    "Persistence Market Research", "Spherical Insights", "Maximize Market Research", "TechSci Research",
    "Global Industry Analysts", "Facts and Factors", "Stratview Research", "BCC Research", "ASDReports",
    "Juniper Research", "ABI Research", "Yole", "Guidehouse Insights", "DataM Intelligence", "Towards FnB",
    "Market Reports World", "Data Insights Market", "Market Growth Reports", "Global Growth Insights",
    "MarketnReports", "Reportprime", "Vision Research Reports", "Reanin", "Cervicorn Consulting", "MarketIntelo",
    "Market Intelo", "Stratistics MRC", "Business Research Insights", "Market.us", "Astute Analytica",
    "Zion Market Research", "Acumen Research and Consulting", "Market Data Forecast", "Expert Market Research",
    "Virtue Market Research", "Custom Market Insights", "Dataintelo", "Growth Market Reports", "Credence Research",
    "Market Research Intellect", "Verified Market Reports", "Cognitive Market Research", "WiseGuy Reports",
    "Fact.MR", "Arizton", "Lucintel", "Meticulous Research", "Vantage Market Research", "Reports and Data",
    "QYResearch", "GlobalData", "ResearchAndMarkets.com", "Research and Markets", "HolonIQ", "Euromonitor",
    "Mintel", "Forrester", "Northern Sky Research", "Euroconsult", "BryceTech", "The Brainy Insight",
    "SNS Insider", "Nova One Advisor", "Towards Healthcare", "Business Communications Company", "PMarketResearch",
    "Market Research Reports", "Emergen Research", "Vision Research", "Report Ocean", "Infinium Global Research",
)  # fmt: skip
# Publishers whose web address is not their name run together: "gminsights.com" is Global Market Insights.
_PUBLISHER_DOMAINS = {
    "gminsights": "Global Market Insights", "strategymrc": "Stratistics MRC", "mordorlabs": "Mordor Intelligence",
    "fortunebusinessinsights": "Fortune Business Insights", "marketsandmarkets": "MarketsandMarkets",
    "researchandmarkets": "ResearchAndMarkets.com", "imarcgroup": "IMARC Group", "databridgemarketresearch":
    "Data Bridge", "polarismarketresearch": "Polaris Market Research", "skyquestt": "SkyQuest", "fmi":
    "Future Market Insights", "alliedmarketresearch": "Allied Market Research", "bccresearch": "BCC Research",
}  # fmt: skip
_SOURCE_LINE = re.compile(r"^\s*(?i:source|url|link)\s*:\s*(?P<url>https?://\S+)", re.MULTILINE)
_SOURCE_SEARCH_CHARACTERS = 400
_KNOWN_PUBLISHER = re.compile(r"\b(?:" + "|".join(re.escape(name) for name in KNOWN_PUBLISHERS) + r")\b")
# The same names without the "\b" in front: a pattern that starts with a choice of letters, which re's search skips
# along the text to. Every name starts with a word character, so the "\b" is "no word character before it".
_KNOWN_PUBLISHER_AT_ANY_START = re.compile(r"(?:" + "|".join(re.escape(name) for name in KNOWN_PUBLISHERS) + r")\b")
_WORD_CHARACTER = re.compile(r"\w")
_KNOWN_PUBLISHER_KEYS = frozenset(name.lower() for name in KNOWN_PUBLISHERS)


def _first_known_publisher(text: str) -> re.Match | None:
    """``_KNOWN_PUBLISHER.search(text)``, faster."""
    position = 0
    while (match := _KNOWN_PUBLISHER_AT_ANY_START.search(text, position)) is not None:
        if match.start() == 0 or not _WORD_CHARACTER.match(text, match.start() - 1):
            return match
        position = match.start() + 1
    return None


# Words a navigation link or a label is made of: "Market Insights", "Key Insights", "Industry Reports".
_GENERIC_NAME_WORDS = frozenset(
    {"market", "markets", "industry", "key", "our", "the", "latest", "global", "research", "insights", "reports",
     "report", "analytics", "intelligence", "news", "trending", "consulting", "group", "labs", "partners",
     "strategies", "advisory", "advisors", "futures", "associates", "all", "more", "home", "about", "us", "segment",
     "segments", "sub-segment", "category", "region", "regional", "country", "this", "that",
     # "the internal market", "the domestic market": which side of a border, not what is sold
     "internal", "domestic", "local", "overseas", "foreign", "external", "national", "export", "exports"}
)  # fmt: skip
# A sentence that names who made the figures: "X has published a new report", "a study by the research firm X".
_PUBLISHER_IN_NEWS: tuple[tuple[re.Pattern, dict], ...] = (
    (
        re.compile(
            r"(?i:(?:study|report|analysis|survey|research)\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?(?:research\s+firm\s+|"
            r"market\s+research\s+(?:firm|company)\s+)?)"
            + r"(?P<publisher>[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){0,4})"
        ),
        {"starts_with": ("study", "report", "analysis", "survey", "research")},
    ),
    # "according to MarketIntelo,", "according to a forthcoming report from market analysts Business Communications
    # Company", "according to Guy Carpenter's new report"
    (
        re.compile(
            r"(?i:according\s+to\s*(?:(?:a|an|the)\s+(?:\w+\s+){0,2}?(?:report|study|analysis|forecast|research)\s+"
            r"(?:by|from)\s+)?(?:(?:market\s+)?analysts\s+|(?:the\s+)?(?:market\s+)?research\s+firm\s+)?)"
            + r"(?P<publisher>[A-Z][\w&'’.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*){0,4})"
            + r"(?=\s*(?:[,.;]|\(|['’]s\s+(?:\w+\s+)?(?:report|study|analysis|data|estimates?|forecast)))"
        ),
        {"starts_with": ("according",)},
    ),
    (
        re.compile(
            r"(?P<publisher>[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){0,4}),?\s+"
            r"(?:in\s+(?:a|its)\s+(?:new\s+)?report|(?i:has|have)\s+(?:published|released|announced)|(?i:published|released)\s+(?:a|its|the)\s+(?:new\s+)?)"
        ),
        {
            "holds": re.compile(
                r"in\s+(?:a|its)\s+(?:new\s+)?report|(?:has|have)\s+(?:published|released|announced)"
                r"|(?:published|released)\s+(?:a|its|the)\s"
            )
        },
    ),
)
# A press release's headline that sizes a market by what it earns: "IDC Forecasts Worldwide Robotics Spending to
# Reach $95 Billion", "Worldwide Spending on Edge Computing Will Grow 14%".
_REVENUE_HEADLINE = re.compile(
    r"\b(?:Worldwide|Global)\s+(?:(?:Spending|Revenue)\s+on\s+(?P<market_on>[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,4})"
    r"|(?P<market>[A-Z][\w&/-]*(?:\s+[A-Z][\w&/-]*){0,4}?)\s+(?:Revenue|Revenues|Spending|Sales))"
    r"\s+(?i:to|will|is|are|forecast|expected|set|on\s+(?:pace|track)|poised|projected|grows?|grew|rises?|rose"
    r"|reaches?|reached|hits?|tops?)\b"
)
_TRADEMARKS = re.compile(r"[™®]|\s+(?i:all\s+rights\s+reserved).*$")
_MAX_TITLE_LENGTH = 90
_TITLE_SEARCH_LINES = 40
_PUBLISHER_HEADER_LINES = 8


_HEADLINE_VERB = re.compile(r"\b(?i:will|would|could|should|is|are|was|were|has|have|had)\b")
_COVER_IMAGE_TEXT = re.compile(r"^.*?\b(?i:report\s+cover|cover\s+image)\s+")
_BREADCRUMB_STEP = re.compile(r"\s+(?:[-–>»|/])\s+")


# "Mattress Industry in India 2026: Size, Growth": the one place the title's market is of
_PLACE_AFTER_THE_MARKET_WORD = re.compile(
    r"\s+(?i:in)\s+(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}?)(?=\s*(?:$|[\d:,|(–-]))"
)


def _title_line(sentences: list[Sentence]) -> tuple[str, str] | None:
    """(title, market) from the first short heading-like line that names a market (no sentence punctuation)."""
    for position, sentence in enumerate(sentences[:_TITLE_SEARCH_LINES]):
        if "Market" not in sentence.text and "Industry" not in sentence.text:
            # "The VR/AR market in 2023": a short heading in lower case
            short = len(sentence.text) <= _MAX_LOWER_CASE_TITLE_LENGTH + 4
            heading = _LOWER_CASE_TITLE.fullmatch(_MARKUP.sub("", sentence.text)) if short else None
            if heading and len(heading.group(0)) <= _MAX_LOWER_CASE_TITLE_LENGTH:
                return heading.group(0), heading.group("market")
            continue  # _TITLE cannot match
        line = _MARKUP.sub("", sentence.text)
        too_long = len(line) > _MAX_TITLE_LENGTH and position >= _TITLE_LINES_OF_ANY_LENGTH
        if too_long or line.endswith((".", "?", "!", ":")) or _LABEL_WORDS.search(line):
            continue
        match = _TITLE.match(line)
        if match:
            # "Markt für PEM-Elektrolyseure / German PEM Electrolyser Market": the name next to "Market"
            market = match.group("market").rsplit(" / ", 1)[-1].strip(" ,:|–-")
            # "Segments - Toys Market by Type", "Chemicals > Adhesives Market": a breadcrumb's last step
            market = _BREADCRUMB_STEP.split(market)[-1].strip(" ,:|–-")
            market = _COVER_IMAGE_TEXT.sub("", market)  # "GVR Report cover U.S. HVAC Systems Market Size"
            market = _POSSESSIVE.sub("", market)  # "Europe’s Heat Pump Market" → "Europe Heat Pump"
            market = _TRAILING_SCOPE.sub("", market)  # "Paints & Coatings Global Industry" → "Paints & Coatings"
            if _HEADLINE_VERB.search(market):
                continue  # "Generative AI Will Make One-Quarter of Total Market Value in 2027": a headline
            place = _PLACE_AFTER_THE_MARKET_WORD.match(line, match.end())
            if place and is_known_place(place.group("place")) and not is_known_place(market.split()[0]):
                market = f"{place.group('place')} {market}"  # "Mattress Industry in India 2026" → "India Mattress"
            return line, market
    for sentence in sentences[:_PUBLISHER_HEADER_LINES]:
        if "Worldwide" not in sentence.text and "Global" not in sentence.text:
            continue  # _REVENUE_HEADLINE cannot match
        headline = _REVENUE_HEADLINE.search(_MARKUP.sub("", sentence.text))
        if headline and "\n" not in sentence.text:
            # "Gartner Forecasts Worldwide Semiconductor Revenue to Grow 14% in 2025": a forecaster's press release
            return _MARKUP.sub("", sentence.text), headline.group("market") or headline.group("market_on")
    return None


def _header_fields(sentences: list[Sentence]) -> tuple[Sentence | None, dict[str, tuple[str, int]]]:
    """'Pages: 170 | Base Year: 2024 | ...' → {'pages': ('170', offset)}, from the first line that has them."""
    for sentence in sentences[:_TITLE_SEARCH_LINES]:
        if ":" not in sentence.text:
            continue  # every field is "key: value"
        fields = {}
        for match in _HEADER_FIELD.finditer(sentence.text):
            key = " ".join(match.group("key").lower().split())
            if key.startswith("base year"):
                key = "base year"  # "Base Year for Estimate: 2020"
            value = match.group("value").strip()
            fields[key] = (value, sentence.char_start + match.start("value"))
        if fields:
            return sentence, fields
    return None, {}


def _first_value(fields: dict[str, tuple[str, int]], *keys: str) -> tuple[str, int] | None:
    for key in keys:
        if key in fields:
            return fields[key]
    return None


def _publisher_in_header(sentences: list[Sentence]) -> str | None:
    """A firm's name standing alone in a header cell: 'Fortitude Market Insights | Aerospace & Defense'."""
    for sentence in sentences[:_PUBLISHER_HEADER_LINES]:
        if not _AN_ORGANISATION_WORD.search(sentence.text):
            continue  # no cell can be a firm's name
        for cell in _CELL_SEPARATOR.split(_MARKUP.sub("", sentence.text)):
            match = _ORGANISATION.fullmatch(cell.strip())
            if match and not is_generic_name(match.group("publisher")):
                return match.group("publisher")
    return None


def is_generic_name(name: str) -> bool:
    """'Market Insights', 'Key Insights': a navigation link or a label, not a firm."""
    return all(word.lower() in _GENERIC_NAME_WORDS for word in re.findall(r"[\w'’]+", name))


def _publisher_in_text(text: str) -> str | None:
    """'Published by Acme Research', 'according to a new report by Acme Research', '© 2025 Acme'; on a news page,
    'Acme Research has published a new report', 'a study by the research firm Acme', or a firm known by name."""
    for pattern, where in _PUBLISHER_PATTERNS:
        match = next(matches_where_they_can_be(pattern, text, **where), None)
        if match:
            publisher = _TRADEMARKS.sub("", match.group("publisher")).strip(" .,")
            if publisher and not is_generic_name(publisher):
                return publisher
    candidates = []
    for pattern, where in _PUBLISHER_IN_NEWS:
        for match in matches_where_they_can_be(pattern, text, **where):
            name = match.group("publisher").strip(" .,")
            if _ORGANISATION.fullmatch(name) or _KNOWN_PUBLISHER.fullmatch(name):
                candidates.append((match.start(), name))
                break
    known = _first_known_publisher(text)
    if known:
        # "The Business Research Company has published": the known name, not the shorter one the pattern took
        candidates = [(start, name) for start, name in candidates if not known.group(0).startswith(name)]
        candidates.append((known.start(), known.group(0)))
    # "Global Market Insights" is made of generic words, and a firm all the same
    candidates = [
        (start, name) for start, name in candidates if _KNOWN_PUBLISHER.fullmatch(name) or not is_generic_name(name)
    ]
    return canonical_publisher(min(candidates)[1]) if candidates else None


def squashed(name: str) -> str:
    """'The Business Research Company' → 'thebusinessresearchcompany': a name as a web address writes it."""
    return re.sub(r"[^a-z0-9]", "", name.lower().replace("&", "and"))


_PUBLISHERS_BY_SQUASHED_NAME: dict[str, str] = {}
for _name in KNOWN_PUBLISHERS:
    _PUBLISHERS_BY_SQUASHED_NAME.setdefault(squashed(_name), _name)  # the first spelling listed is the firm's own
_PUBLISHERS_BY_SQUASHED_NAME |= _PUBLISHER_DOMAINS


def canonical_publisher(name: str | None) -> str | None:
    """'Markets and Markets' → 'MarketsandMarkets': a known firm under one name however a page spells it."""
    return _PUBLISHERS_BY_SQUASHED_NAME.get(squashed(name), name) if name else name


_ADDRESS = re.compile(r"(?:[a-z][a-z0-9+.-]*://)?(?P<host>[^/?#]*)(?P<path>[^?#]*)")


def _host_and_path(url: str) -> tuple[str, str]:
    """'https://www.x.com:8080/it/kelp-market?a=1' → ('www.x.com', '/it/kelp-market'), lower case."""
    address = _ADDRESS.match(url.strip().lower())
    return address.group("host").split(":", 1)[0], address.group("path")


def publisher_of_url(url: str | None) -> str | None:
    """The known publisher whose site a page came from: 'https://www.precedenceresearch.com/e-bike-market' →
    'Precedence Research'. None for any other site (a news site quoting a report names the firm in its text)."""
    if not url:
        return None
    host, _ = _host_and_path(url)
    return next(
        (_PUBLISHERS_BY_SQUASHED_NAME[label] for label in host.split(".") if label in _PUBLISHERS_BY_SQUASHED_NAME),
        None,
    )


_MARKET_SLUG = re.compile(
    r"(?P<slug>[a-z0-9]+(?:-[a-z0-9]+){0,4}?)-(?:market|industry)s?"
    r"(?:-(?:size|share|report|analysis|forecast|outlook|to|will|is|set|expected|projected|poised|worth|hits?"
    r"|reach(?:es)?|grows?|tops?|surges?)\b.*|-\d+)?"
)
_NOT_IN_A_SLUG_NAME = frozenset({"the", "of", "and", "to", "for", "in", "on", "how", "why", "what", "global", "top"})


def market_of_url(url: str | None) -> str | None:
    """The market a report page's address names: 'https://www.pmarketresearch.com/it/asteroid-mining-market' →
    'Asteroid Mining'. None for an address whose last part is not '<name>-market' (a news article's headline)."""
    if not url:
        return None
    _, path = _host_and_path(url)
    last = path.rstrip("/").rsplit("/", 1)[-1].removesuffix(".html").removesuffix(".htm").removesuffix(".php")
    match = _MARKET_SLUG.fullmatch(last)
    words = match.group("slug").split("-") if match else []
    if not words or _NOT_IN_A_SLUG_NAME.intersection(words) or all(word.isdigit() for word in words):
        return None
    return " ".join(word if word.isupper() else word.capitalize() for word in words)


def source_url(text: str) -> str | None:
    """The address a saved page names as its source on one of its first lines: 'Source: https://...'."""
    match = _SOURCE_LINE.search(text, 0, _SOURCE_SEARCH_CHARACTERS)
    return match.group("url") if match else None


# Where a page says when it was written: "Source: https://site/articles/2018/03/29/...", "Posted: Oct 01, 2024",
# "date 2023-07-19", "Apr. 18, 2023 /SemiMedia/ --".
_YEAR_IN_ADDRESS = re.compile(
    r"^\s*(?i:source|url|link)\s*:\s*https?://\S*?/(?P<year>(?:19|20)\d{2})/(?:\d{1,2}/)?", re.MULTILINE
)
_DATED = re.compile(
    r"(?:^|\n)[ \t]*(?i:posted|published|updated|date)(?:[ \t]+on)?[ \t]*:?[ \t]*"
    r"(?:(?P<iso>(?:19|20)\d{2})-\d{2}-\d{2}|[A-Za-z]{3,9}\.?[ \t]+\d{1,2},?[ \t]+(?P<year>(?:19|20)\d{2}))"
)
_WIRE_DATELINE = re.compile(r"\b[A-Za-z]{3,9}\.?\s+\d{1,2},\s+(?P<year>(?:19|20)\d{2})\s*/[A-Za-z .]+/")
_DATE_WITHIN = 1500  # a page says when it was written near its top


def publication_year(text: str) -> int | None:
    """The year the page was written, where it says so near its top (its address, a "Posted:" line, a wire
    dateline); None when it does not."""
    top = text[:_DATE_WITHIN]
    for pattern in (_DATED, _WIRE_DATELINE, _YEAR_IN_ADDRESS):
        found = pattern.search(top)
        if found is not None:
            return int(next(year for year in found.groups() if year))
    return None


def apply_sidecar(metadata: ReportMetadata, sidecar: dict | None) -> ReportMetadata:
    """An analyst's "<file>.meta.json" states what the page may not; where both say something, the sidecar wins.
    A page whose text names no publisher takes the known publisher whose site its sidecar's url is on."""
    if not sidecar:
        return metadata
    updates = {
        key: sidecar[key]
        for key in ("publisher", "market", "title", "released_month", "url")
        if isinstance(sidecar.get(key), str) and sidecar[key].strip()
    }
    if "market" not in updates and metadata.market is None and market_of_url(sidecar.get("url")):
        updates["market"] = market_of_url(sidecar.get("url"))
    if "publisher" not in updates and metadata.publisher is None and publisher_of_url(sidecar.get("url")):
        updates["publisher"] = publisher_of_url(sidecar.get("url"))
    if isinstance(sidecar.get("base_year"), int):
        updates["base_year"] = sidecar["base_year"]
    return replace(metadata, **updates)


def market_name_before(text: str, market_word_start: int, earliest: int = 0) -> str | None:
    """The name a page gives the market in "<name> market", where "market" starts at ``market_word_start``: the
    words before it on its line (from ``earliest`` on), back to the first word that cannot be part of a name
    ("the", "of", "is", "current", ...); None for "the market", "the overall market"."""
    # a name is at most a few words: look no further back than a short line's length
    line_start = max(text.rfind("\n", earliest, market_word_start), earliest, market_word_start - 200)
    words = _NAME_WORD.findall(text[line_start:market_word_start])[-_MAX_MARKET_WORDS - 1 :]
    name_words: list[str] = []
    for word in reversed(words):
        if not name_words and _ABBREVIATION_IN_BRACKETS.fullmatch(word):
            continue  # "The global Expanded Thermoplastic Polyurethane (E-TPU) market": the name before its short form
        bare = word.lower().removesuffix("’s").removesuffix("'s")
        if (
            (
                bare in _NOT_IN_A_MARKET_NAME
                # "buy now pay later": a product's name holds "now"
                and not (bare == "now" and [w.lower().strip(",") for w in name_words[:1]] == ["pay"])
            )
            or word == "Home"  # a breadcrumb's first link; "the home healthcare market" is a name
            or bare.isdigit()
            or (_NOT_A_NAME_WORD.search(word.rstrip(",:;")) and not _ABBREVIATION.fullmatch(word))
            or (name_words and word.endswith((",", ":", ";")))
        ):
            break
        name_words.insert(0, word.removesuffix("’s").removesuffix("'s"))
        if bare != word.lower():
            break  # "Europe’s heat pump market": the possessive starts the name
    if not name_words or len(name_words) > _MAX_MARKET_WORDS or is_generic_name(" ".join(name_words)):
        return None
    if name_words[0].lower() in _SMALL_WORDS or name_words[-1].lower() in _SMALL_WORDS:
        return None  # "Global Growth and Market Size", "Drug Forecast and Market Analysis": a heading's words
    return " ".join(name_words).strip(" ,:;")


_FOR_AND_A_NAME = re.compile(r"[ \t]+for[ \t]+(?:the[ \t]+)?(?P<name>[^\n.,;:()]{3,80})")


def _market_name_after_for(text: str, market_word_end: int) -> str | None:
    """The name in "the US market for kelp supplements will ...": the words after "for", up to the first that
    cannot be part of a name."""
    match = _FOR_AND_A_NAME.match(text, market_word_end)
    if match is None:
        return None
    name_words: list[str] = []
    for word in match.group("name").split()[: _MAX_MARKET_WORDS + 1]:
        if word.lower() in _NOT_IN_A_MARKET_NAME or _NOT_A_NAME_WORD.search(word) or word[:1].isdigit():
            break
        name_words.append(word)
    if not name_words or len(name_words) > _MAX_MARKET_WORDS or is_generic_name(" ".join(name_words)):
        return None
    return " ".join(name_words)


class MarketPhrase(NamedTuple):
    key: str  # the name in lower case
    said: int  # how often the text says the name, with or without "market" after it
    name: str  # as first written
    as_a_market: int  # how often the text says "<name> market"


def _market_phrases(text: str, names_after_for: bool = False) -> list[MarketPhrase]:
    """Every "<name> market" the text says, the most often said first: "the global space mining market size" →
    'space mining'. A name is the words just before "market" on its line, back to the first word that cannot be
    part of one ("the", "of", "is", "current", ...). With ``names_after_for``, "the US market for <name>" too."""
    counts: dict[str, list] = {}
    for match in matches_where_they_can_be(MARKET_WORD, text, starts_with=("market",)):
        name = market_name_before(text, match.start())
        if name is None and names_after_for:
            name = _market_name_after_for(text, match.end())
        if name is None or name.lower() in _KNOWN_PUBLISHER_KEYS or is_known_place(name):
            # "Banking - Worldwide | Statista Market Forecast": a publisher's product, not a market; "the
            # Asia-Pacific market": a place's part of the market, not its name
            continue
        entry = counts.setdefault(name.lower(), [0, match.start(), name])
        entry[0] += 1
    # A page names its subject often, with or without "market" after it ("green hydrogen is ..."): the names said
    # as a market are ranked by how often the text says them at all.
    lowered = " ".join(text.lower().split())  # a name wrapped over two lines is said all the same
    # counted as whole words, plurals included: "it" is not said in "with", "carbon credit" is in "carbon credits"
    mentioned = {key: _said_as_words(lowered, key) + _said_with_a_possessive_place(lowered, key) for key in counts}
    # A longer name said as often is the more specific one ("AI chip" over "chip").
    ranked = sorted(
        counts.items(), key=lambda item: (-mentioned[item[0]] * len(item[0].split()), -item[1][0], item[1][1])
    )
    return [MarketPhrase(key, mentioned[key], name, as_a_market) for key, (as_a_market, _, name) in ranked]


def _said_with_a_possessive_place(lowered: str, key: str) -> int:
    """How often a name that opens with a place is said with that place's possessive: 'vietnam kite devices' in
    "Vietnam's kite devices industry"."""
    words = key.split()
    rest = without_leading_places(words)
    if not rest or len(rest) == len(words):
        return 0
    place = " ".join(words[: len(words) - len(rest)])
    return sum(_said_as_words(lowered, f"{place}{mark} {' '.join(rest)}") for mark in ("'s", "’s"))


def _said_as_words(lowered: str, key: str) -> int:
    """How often ``key`` stands in ``lowered`` as whole words, a plural "s" or "es" allowed after it ("lithium-ion
    battery" is said in "lithium-ion batteries" too)."""
    count = _times_said(lowered, key, plural_ending=True)
    if key.endswith("y") and len(key) > 3:
        count += _times_said(lowered, key[:-1] + "ies", plural_ending=False)
    return count


def _times_said(lowered: str, spelling: str, plural_ending: bool) -> int:
    """How often ``spelling`` stands in ``lowered`` as whole words (with ``plural_ending``, an "s" or "es" after it
    still ends the word)."""
    count, position = 0, lowered.find(spelling)
    while position >= 0:
        end = position + len(spelling)
        if plural_ending:
            end += 2 if lowered.startswith("es", end) else 1 if lowered.startswith("s", end) else 0
        before_ok = position == 0 or not lowered[position - 1].isalnum()
        after_ok = end >= len(lowered) or not lowered[end].isalnum()
        if not after_ok and end > position + len(spelling):  # "carbon credit" + "s..." that is a longer word
            end = position + len(spelling)
            after_ok = end >= len(lowered) or not lowered[end].isalnum()
        count += before_ok and after_ok
        position = lowered.find(spelling, position + 1)
    return count


def _said_in_the_text(key: str, text: str) -> bool:
    """Whether the text says a title's market name more than once without "market" after it, a place before it
    left out: "aerospace and defense" on a page titled "U.S. Aerospace and Defense Industry ..."."""
    words = without_leading_places(key.split())
    lowered = " ".join(text.lower().split())
    return _said_as_words(lowered, " ".join(words)) >= _SAID_TWICE


def display_name(name: str) -> str:
    """'space debris monitoring and removal' → 'Space Debris Monitoring and Removal'; a name with capitals as
    written."""
    if any(character.isupper() for character in name[1:]):
        first_word = name.split()[0]
        if first_word.islower() and len(name.split()) > 1:
            return name[:1].upper() + name[1:]  # "automotive LiDAR" → "Automotive LiDAR"; "e-Bike" stays
        return name
    return " ".join(word if word in _SMALL_WORDS else word[:1].upper() + word[1:] for word in name.split())


_JUDGING_A_MARKET = frozenset({"emerging", "growing", "expanding", "booming", "thriving", "burgeoning", "fast-growing"})


def _market_name(title_market: str | None, text: str) -> str | None:
    """The market the title names, unless the text never calls it a market and names another one more than once
    ("Home Aerospace And Defense Space Debris ..." from a breadcrumb: the text's 'space debris ...' market)."""
    # "Base Year Market Size (2023)": a table's label, not a market's name
    phrases = [phrase for phrase in _market_phrases(text) if not _LABEL_WORDS.search(phrase.key)]
    if not phrases or phrases[0].said < _SAID_TWICE:
        # a page that only ever says "the market for <name>"
        phrases = [phrase for phrase in _market_phrases(text, True) if not _LABEL_WORDS.search(phrase.key)]
    if title_market and _LABEL_WORDS.search(title_market):
        title_market = None
    if title_market and len(title_market.split()) > 1:
        # "Vietnam’s Emerging Cosmetics Industry": what the title says of the market is no part of its name
        title_market = " ".join(word for word in title_market.split() if word.lower() not in _JUDGING_A_MARKET)
    if title_market:
        key = " ".join(title_market.lower().split())
        said = next((phrase.said for phrase in phrases if phrase.key == key), 0)
        if (
            said <= 1
            and phrases
            and phrases[0].said >= _SAID_OFTEN
            and not set(phrases[0].key.split()) & set(key.split())
            and not _said_in_the_text(key, text)
        ):
            # "Steady Market Expansion in the Aquaculture Industry": a heading's word, said once, against the
            # market the text keeps naming
            return display_name(phrases[0].name)
        for phrase_key, _, name, _ in phrases:
            if phrase_key == key:
                return title_market
            if key.endswith(" " + phrase_key) and len(phrase_key.split()) >= 2:
                place = key.removesuffix(" " + phrase_key)
                if is_known_place(place) or place_of_adjective(place):
                    return title_market  # "North America Cold Chain": the market of one region, named as such
                return display_name(name)  # the title's name behind a breadcrumb or a label
        first_word = title_market.split()[0].lower()
        if first_word not in _NOT_IN_A_MARKET_NAME and not _TITLE_JUNK.search(title_market):
            return title_market
        if not phrases or phrases[0].said < 2:
            return None  # "Largest Market", "Key Market Trends": a label, and no market the text names instead
    if not phrases or phrases[0].said < 2:
        return None
    name = _spelled_out(phrases) or _more_specific_name(phrases, text) or phrases[0].name
    return _with_the_headlines_place(display_name(name), text)


_NOT_AN_INITIAL = frozenset({"and", "of", "the", "for", "&"})


def _spelled_out(phrases: list[MarketPhrase]) -> str | None:
    """'India Air Conditioners' on a page that says "the AC market" more often than it names the market in full:
    the name whose words, a leading place aside, the most-said initials stand for."""
    initials = phrases[0].name
    if not re.fullmatch(r"[A-Z]{2,5}", initials):
        return None
    for phrase in phrases[1:]:
        words = [word for word in without_leading_places(phrase.name.split()) if word.lower() not in _NOT_AN_INITIAL]
        if len(words) == len(initials) and "".join(word[0] for word in words).upper() == initials:
            return phrase.name
    return None


# "global", "the world's", "internationally": words that speak of a market worldwide
WORLDWIDE_WORD = re.compile(r"\b(?i:global(?:ly)?|worldwide|world(?:'s|’s)?|international)\b")


def _with_the_headlines_place(name: str, text: str) -> str:
    """'UK coffee shop' when the page's first line names the market of one place ("UK coffee shop market expected
    to grow 29% ...") and the page never speaks of it worldwide; else ``name``."""
    first_line = text.lstrip().split("\n", 1)[0]
    headline = re.match(
        rf"\W*(?:(?i:the)\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}}?)\s+(?i:{re.escape(name)})\s+"
        r"(?i:market|industry)\b",
        first_line,
    )
    if headline is None or not is_known_place(headline.group("place")):
        return name
    if any(
        WORLDWIDE_WORD.search(text, max(0, at.start() - 60), at.start())
        for at in re.finditer(re.escape(name), text, re.IGNORECASE)
    ):
        return name  # "the global coffee shop market" too: the place's market is a part of it
    return f"{headline.group('place')} {name}"


def _more_specific_name(phrases: list[MarketPhrase], text: str) -> str | None:
    """A longer market name that holds the most-said one, is said at least twice and holds no "market": the one
    the text calls a market at least as often ("the cyber insurance market" beside "the cyber market"), else the
    one it names as a market first ("The lithium-ion battery market has witnessed ..." over "lithium-ion"). A page
    names its subject in full, then shortens it."""
    top = phrases[0]
    top_words = top.key.split()

    def holds_top(phrase: MarketPhrase) -> bool:
        words = phrase.key.split()
        return len(words) > len(top_words) and any(
            words[start : start + len(top_words)] == top_words for start in range(len(words) - len(top_words) + 1)
        )

    longer = [
        phrase
        for phrase in phrases
        if holds_top(phrase) and phrase.said >= _SAID_TWICE and "market" not in phrase.key.split()
    ]
    as_often = [phrase for phrase in longer if phrase.as_a_market >= top.as_a_market]
    if as_often:
        return max(as_often, key=lambda phrase: (phrase.as_a_market, len(phrase.key))).name
    lowered = text.lower()
    if lowered.startswith(("source:", "url:")):
        lowered = " " * (lowered.find("\n") + 1) + lowered[lowered.find("\n") + 1 :]  # not the page's address
    first = min(phrases, key=lambda phrase: (_first_said_at(lowered, phrase.key), -len(phrase.key)))
    return first.name if first in longer else None


def _first_said_at(lowered: str, key: str) -> int:
    position = lowered.find(key)
    return position if position >= 0 else len(lowered)


_INDUSTRY_OR_ECONOMY = re.compile(r"\b(?i:industry|economy)\b")


def _industry_the_text_keeps_naming(text: str) -> str | None:
    """For a page that never names a market: the "<name> industry" or "<name> economy" it names most, at least
    three times ("the satellite industry", "the space economy"), with that word: 'Satellite Industry'."""
    counts: dict[str, list] = {}
    for match in _INDUSTRY_OR_ECONOMY.finditer(text):
        name = market_name_before(text, match.start())
        if name is None:
            continue
        key = f"{name} {match.group(0)}".lower()
        entry = counts.setdefault(key, [0, f"{name} {match.group(0).lower()}"])
        entry[0] += 1
    if not counts:
        return None
    count, name = max(counts.values(), key=lambda entry: entry[0])
    return display_name(name) if count >= _SAID_OFTEN else None


# "The global medical wearable market size was USD 10.75 Million in 2022": a market given a size in money
_SIZED_MARKET = re.compile(
    r"\b(?i:market|(?<=\w\s)sector)(?:\s+(?i:size|value|revenue))?"
    # "The education sector in India was estimated to be worth US$ 117 billion": the market of a place
    r"(?:\s+(?i:in)\s+(?:(?i:the)\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))?"
    r",?\s+(?:(?i:is|was|has\s+been|stood|reached|totall?ed|generated|amounted)\b"
    r"|(?:(?i:is|was)\s+)?(?i:valued|estimated|calculated|worth|projected|expected|anticipated)\b)"
)
_CURRENCY_AMOUNT = re.compile(r"(?:[$€£]|\b(?:USD|US\$|EUR|GBP)\b)\s?\d")
_FIRST_SENTENCES = 30


def _market_sized_first(text: str, sentences: list[Sentence]) -> str | None:
    """On a page that names its market once, the market its first sentence of money gives a size: a news story or
    an excerpt with no title ("The global medical wearable market size was USD 10.75 Million in 2022")."""
    for sentence in sentences[:_FIRST_SENTENCES]:
        if not _CURRENCY_AMOUNT.search(sentence.text):
            continue
        for sized in _SIZED_MARKET.finditer(sentence.text):
            name = market_name_before(text, sentence.char_start + sized.start(), sentence.char_start)
            if not name or _TITLE_JUNK.search(name):
                continue
            if _THE_WORLD.search(sentence.text):
                # "The US cyber insurance market is the largest in the world": one place's part of the market
                name = " ".join(without_leading_places(name.split()))
            elif sized.group("place") and is_known_place(sized.group("place")):
                name = f"{sized.group('place')} {name}"
            return _title_cased(name)
        revenues = _REVENUES_OF_AN_INDUSTRY.search(sentence.text)
        if revenues is not None and not _TITLE_JUNK.search(revenues.group("name")):
            # "Revenues from the pesticide industry in Brazil ... fell 10.4% in 2020 to $12.1 billion"
            place = revenues.group("place")
            name = f"{place} {revenues.group('name')}" if place and is_known_place(place) else revenues.group("name")
            return _title_cased(name)
    return None


def _title_cased(name: str) -> str:
    return " ".join(word if word in _SMALL_WORDS or not word.islower() else word.capitalize() for word in name.split())


_REVENUES_OF_AN_INDUSTRY = re.compile(
    r"^\W*(?i:revenues?|sales)\s+(?i:from|of|in)\s+(?:(?i:the)\s+)?(?P<name>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}?)\s+"
    r"(?i:industry|market|sector)\b(?:\s+(?i:in)\s+(?:(?i:the)\s+)?(?P<place>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}))?"
)


_THE_WORLD = re.compile(r"\b(?i:in\s+the\s+world|worldwide|globally|of\s+the\s+world)\b")
_OPENING_SENTENCES = 2


def _market_the_page_opens_by_sizing(text: str, sentences: list[Sentence], market: str) -> str | None:
    """A page with no title that opens by sizing a market ("The cosmetic packaging market was valued at USD 26.2
    billion in 2020 ...") is about that market, when it calls no other one a market more often; its other words
    ("the cosmetics industry's packaging", said five times) do not outvote its opening."""
    sized = _market_sized_first(text, sentences[:_OPENING_SENTENCES])
    if sized is None or sized.lower() == market.lower():
        return None
    as_a_market = {phrase.key: phrase.as_a_market for phrase in _market_phrases(text)}
    said_as_a_market = as_a_market.get(" ".join(sized.lower().split()), 0)
    if said_as_a_market and said_as_a_market >= as_a_market.get(" ".join(market.lower().split()), 0):
        return sized
    return None


def extract_metadata(text: str, sentences: list[Sentence]) -> ReportMetadata:
    title_match = _title_line(sentences)
    title = title_match[0] if title_match else None
    market = (
        _market_name(title_match[1] if title_match else None, text)
        or market_of_url(source_url(text))
        or _industry_the_text_keeps_naming(text)
        or _market_sized_first(text, sentences)
    )
    if title_match is None and market is not None:
        market = _market_the_page_opens_by_sizing(text, sentences, market) or market

    header, fields = _header_fields(sentences)
    pages_field = _first_value(fields, "pages", "no. of pages")
    pages_digits = re.search(r"\d+", pages_field[0]) if pages_field else None
    base_year_field = _first_value(fields, "base year")
    base_year_digits = re.search(r"(?:19|20)\d{2}", base_year_field[0]) if base_year_field else None
    released_field = _first_value(fields, "release date", "released", "release", "published", "publication date")
    released_months = find_months(released_field[0]) if released_field else []
    author_field = _first_value(fields, "author", "authors")
    publisher_field = _first_value(fields, "publisher", "published by")

    return ReportMetadata(
        market=market,
        title=title,
        pages=int(pages_digits.group(0)) if pages_digits else None,
        base_year=int(base_year_digits.group(0)) if base_year_digits else None,
        released_month=released_months[0].month if released_months else None,
        author=author_field[0].strip() if author_field else None,
        publisher=(
            publisher_field[0].strip()
            if publisher_field
            # a page on a known firm's own site is that firm's, whoever its text quotes
            else publisher_of_url(source_url(text)) or _publisher_in_header(sentences) or _publisher_in_text(text)
        ),
        quote=header.text if header else None,
        char_start=header.char_start if header else None,
        char_end=header.char_end if header else None,
        url=source_url(text),
    )
