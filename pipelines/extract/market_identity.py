"""Which market a report is about, as one key that reports from different publishers share.

Publishers name one market many ways: "Global Space Mining Market Size, Share & Growth Report, 2025-2032", "Space
Mining Industry", "space-mining markets". ``market_identity`` reduces a name to its product words and its
geography, so that these meet in one key ('space-mining') while "India Space Mining" (a country's market) and
"European Space Mining" (a region's) stay apart ('space-mining--india', 'space-mining--europe'):

1. the publisher's boilerplate goes: everything from "Market", "Industry", "Size", "Share", "Report",
   "Forecast", "Outlook", "Analysis", "Trends", "by <dimension>", a colon, a bracket or a year on; of a breadcrumb
   ("Segments - Toys", "Reports | Space Mining"), the last part;
2. a place the name starts or ends with ("India", "U.S.", "Asia-Pacific", "European") is its geography;
3. case, "global"/"worldwide"/"the", punctuation, bracketed acronyms and "&"/"and" go, and every word is made
   singular ("Energy Drinks" and "Energy Drink" meet).

What the rule gets wrong (an acronym, a synonym, two markets it merges) an analyst fixes in
raw/tables/market_aliases.csv; the rule never guesses that one market is part of another.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipelines.extract.geography import ALIASES, COMMON_COUNTRIES, WORLD_REGIONS, normalised_place
from pipelines.extract.metadata import canonical_publisher, squashed

GLOBAL = "Global"
_BOILERPLATE = re.compile(
    r"\s*(?:\b(?i:markets?|industry|industries|size|share|report|forecasts?|outlook|analysis|trends|insights"
    r"|by|to)\b|[:(]|\b(?:19|20)\d{2}\b).*$",
    re.DOTALL,
)
# Breadcrumbs and title parts: "Segments - Toys", "Reports | Space Mining" name the market last.
_TITLE_PARTS = re.compile(r"\s+[-–—|›>/]\s+|\s*[|›]\s*")
_LEADING_WORDS = re.compile(r"^(?:(?i:the|global|worldwide|world|international)(?:\s+|$))+")
_SCOPE_WORDS = re.compile(r"\s+(?i:global|worldwide)\b")  # "Paints & Coatings Global Industry"
_BRACKETED = re.compile(r"\([^()]*\)")
_NOT_A_WORD_CHARACTER = re.compile(r"[^0-9a-z&]+")
# Adjectives publishers put before a market for its place: "European Heat Pump", "Indian Chemicals".
_PLACE_ADJECTIVES = {
    "european": "Europe",
    "asian": "Asia",
    "african": "Africa",
    "north american": "North America",
    "latin american": "Latin America",
    "south american": "South America",
    "middle eastern": "Middle East",
    "nordic": "Nordics",
    "american": "U.S.",
    "indian": "India",
    "chinese": "China",
    "japanese": "Japan",
    "korean": "South Korea",
    "south korean": "South Korea",
    "german": "Germany",
    "french": "France",
    "british": "UK",
    "italian": "Italy",
    "spanish": "Spain",
    "russian": "Russia",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "australian": "Australia",
    "saudi": "Saudi Arabia",
    "indonesian": "Indonesia",
    "vietnamese": "Vietnam",
    "turkish": "Turkey",
    "swiss": "Switzerland",
    "dutch": "Netherlands",
    "polish": "Poland",
    "swedish": "Sweden",
    "norwegian": "Norway",
}


def _place_spellings() -> dict[str, tuple[str, str]]:
    """Every way a page writes a place (normalised) → (the place's one name, 'region' | 'country')."""
    spellings: dict[str, tuple[str, str]] = {}
    for level, places in (("region", WORLD_REGIONS), ("country", COMMON_COUNTRIES)):
        for place in places:
            for spelling in (place, *ALIASES.get(normalised_place(place), ())):
                spellings.setdefault(normalised_place(spelling), (place, level))
    for adjective, place in _PLACE_ADJECTIVES.items():
        level = "region" if place in WORLD_REGIONS else "country"
        spellings.setdefault(adjective, (place, level))
    return spellings


_PLACES = _place_spellings()
_LONGEST_PLACE_WORDS = max(len(spelling.split()) for spelling in _PLACES)


@dataclass(frozen=True)
class MarketIdentity:
    market_id: str  # 'space-mining', 'space-mining--india'
    name: str  # the product words as written: 'Space Mining'
    geography: str  # 'Global', or the place: 'India', 'Europe'
    geography_level: str  # 'global' | 'region' | 'country'
    rule: str  # how the name became the key, for dim_report.market_rule


def _singular(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word.removesuffix("s")


def product_key(words: str) -> str:
    """'Energy Drinks & Shots' → 'energy-drink-and-shot': lower case, singular, no punctuation, '&' as 'and'."""
    text = _NOT_A_WORD_CHARACTER.sub(" ", _BRACKETED.sub(" ", words.lower().replace("’", "").replace("'", "")))
    return "-".join(_singular(word) if word != "&" else "and" for word in text.split())


def place_named(written: str) -> tuple[str, str] | None:
    """(level, place) of a place as a page writes it ("Asia-Pacific", "Indian", "U.S."); None for anything else."""
    spelling = normalised_place(written.strip())
    found = _PLACES.get(spelling) or _PLACES.get(spelling.strip(" ,."))
    return (found[1], found[0]) if found else None


def _place_at(words: list[str], at_start: bool) -> tuple[tuple[str, str], int] | None:
    """The longest place the words start (or end) with, and how many words it takes."""
    for size in range(min(_LONGEST_PLACE_WORDS, len(words) - 1), 0, -1):
        part = words[:size] if at_start else words[-size:]
        written = " ".join(part).removesuffix("'s").removesuffix("’s")  # "Europe’s Heat Pump"
        if (found := place_named(written)) is not None:
            level, place = found
            return (place, level), size
    return None


@functools.lru_cache(maxsize=8192)  # pages name the same markets and members many times over
def market_identity(name: str | None) -> MarketIdentity | None:
    """The market a report names, as a key shared across publishers; None for a report that names no market."""
    if name is None or not name.strip():
        return None
    written = " ".join(name.split())
    product = next(
        (
            product
            for part in reversed(_TITLE_PARTS.split(_BOILERPLATE.sub("", written)))
            if (product := _SCOPE_WORDS.sub("", _LEADING_WORDS.sub("", part)).strip(" ,.;-"))
        ),
        _LEADING_WORDS.sub("", written).strip(" ,.;-") or written,
    )
    words = product.split()
    geography, level = GLOBAL, "global"
    for at_start in (True, False):
        found = _place_at(words, at_start) if len(words) > 1 else None
        if found is not None:
            (geography, level), size = found
            words = words[size:] if at_start else words[:-size]
            if words and words[-1].lower() in ("in", "of", "for"):
                words = words[:-1]
            break
    product = " ".join(words)
    key = product_key(product) or product_key(written)
    if not key:
        return None  # no letter or digit a key can be made of ("電気バス")
    market_id = key if level == "global" else f"{key}--{product_key(geography.replace('.', ''))}"
    rule = f"name rule: {written!r} → {product!r}"
    if level != "global":
        rule += f" in {geography} ({level})"
    return MarketIdentity(market_id, product, geography, level, rule)


def publisher_key(name: str | None) -> str | None:
    """'ResearchAndMarkets.com', 'Research and Markets' → 'researchandmarkets': one key per firm, whatever the
    spelling a page or a known-publisher list gives it, its web suffix or its legal form."""
    if name is None:
        return None
    text = re.sub(r"\.(?:com|net|org|io|co)\b", "", canonical_publisher(name).lower())
    return squashed(re.sub(r"\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|pvt)\b\.?", "", text)) or None
