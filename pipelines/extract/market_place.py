"""The place a page's whole market is of, when the page never says so in the market's name.

"Asia-Pacific (APAC) breast cancer market was valued at $2.16 billion in 2017", "The US treatment market for
HER2-positive breast cancer will increase ... from $2.41 billion in 2013", "Plant-based meat in Europe accounted
for EUR 2.01 billion in sales in 2022": the page is about one place's market, so that place's figures are the
market's, not a part of a larger one. A page is read so when its header names one place ("Region: Asia Pacific"),
or when its first dated value (on a page that dates none, its first value) is one place's and no line before it
speaks of the world market; and in either case when that place holds no share, no other place stands beside it (a
region's countries may), no market figure is said to be global and none is larger than the place's in the same
year. The one exception: a page whose world market figures all come after the place's, in a paragraph of their own,
is about the place; those figures are skipped as the worldwide market's.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract.geography import SUB_REGIONS, without_leading_places
from pipelines.extract.market_filters import market_named_before, relation_to_the_market
from pipelines.extract.market_identity import market_identity, place_named
from pipelines.extract.metadata import WORLDWIDE_WORD
from pipelines.extract.records import SkippedStatement, StatedFigure

_PLACE_SCOPES = ("region", "country")
_ADDRESS = re.compile(r"\s*(?i:source|url|link)\s*:")
_WORD = re.compile(r"[a-z]+")
# a place's value below the market's of the same year, beyond rounding, makes the place a part of the market
_SMALLER_THAN_THE_MARKET = 0.9
_INITIALS_APART = re.compile(r"\b([A-Z])\s(?=[A-Z]\b)")


def place_of_a_named_market(named: str, market: str) -> tuple[str, str] | None:
    """(scope, place) when ``named`` is the page's market of one place: "the Indian skin care industry" on a skin
    care page is India's figure, not a segment's."""
    identity = market_identity(named)
    if identity is None or identity.geography_level == "global" or not identity.name:
        return None
    return (
        (identity.geography_level, identity.geography)
        if relation_to_the_market(identity.name, market) == "same"
        else None
    )


def _is_the_place(figure: StatedFigure, place: tuple[str, str]) -> bool:
    return figure.scope == place[0] and figure.member == place[1] and figure.within_region is None


def _another_place_beside(figure: StatedFigure, place: tuple[str, str]) -> bool:
    """A figure of a place other than ``place`` that is not one of its parts (a region's countries and its
    sub-regions are)."""
    if figure.scope not in _PLACE_SCOPES or figure.member is None or figure.member == place[1]:
        return False
    if place[0] == "region" and figure.member in SUB_REGIONS.get(place[1], ()):
        return False
    return not (place[0] == "region" and figure.scope == "country")


def _the_region_it_lies_in(place: tuple[str, str], figures: list[StatedFigure]) -> tuple[str, str]:
    """The larger region a page also gives figures for, when ``place`` is one of its sub-regions ("Middle East"
    first, then the MENA market's own value); else ``place``."""
    for figure in figures:
        if figure.scope == "region" and place[1] in SUB_REGIONS.get(figure.member or "", ()):
            return ("region", figure.member)
    return place


def _the_world_said_before(text: str, end: int, market: str | None) -> bool:
    """Whether a line before ``end`` speaks of the market worldwide: "Global fertilizer consumption is ..."."""
    names = {"market", *(word.lower() for word in (market or "").split() if len(word) > 3)}
    for line in text[:end].splitlines():
        if _ADDRESS.match(line):
            continue
        for worldwide in WORLDWIDE_WORD.finditer(line):
            # "global fertilizer consumption", "the world's halal food market"; not "global investors ... market"
            if names & set(_WORD.findall(line[worldwide.end() :].lower())[:_WORDS_AFTER_WORLDWIDE]):
                return True
    return False


_WORDS_AFTER_WORLDWIDE = 5


# A report page's header field that names its one place: "Region: Asia Pacific", "Geography: India".
_PLACE_FIELD = re.compile(
    r"^[ \t•*·-]*(?i:region|geography|country|geographic(?:al)?\s+(?:scope|coverage))\s*:\s*(?P<place>[^\n,;|/]{2,40}?)"
    r"\s*$",
    re.MULTILINE,
)
_FIELDS_WITHIN = 3000  # a header is near the top


def _labelled_place(text: str) -> tuple[str, str] | None:
    """(scope, place) a header field names as the report's one place; None for "Global" or no such field."""
    field = _PLACE_FIELD.search(text, 0, _FIELDS_WITHIN)
    if field is None:
        return None
    return place_named(field.group("place"))


def _place_in_the_name(market: str) -> tuple[str, str] | None:
    identity = market_identity(market)
    if identity is None or identity.geography_level not in _PLACE_SCOPES:
        return None
    return (identity.geography_level, identity.geography)


def _said_with_the_place(text: str, figure: StatedFigure, of_the_place: list[StatedFigure]) -> bool:
    """Whether a market figure is stated in the sentence of one of the place's figures or in the one right after
    it ("The biosimilar market in Europe reached US$ 2,013 Million in 2017. The market is further projected ...")."""
    return any(
        figure.char_start == own.char_start
        or (figure.char_start >= own.char_end and not text[own.char_end : figure.char_start].strip())
        for own in of_the_place
    )


_COUNTRIES_OF_A_BREAKDOWN = 2


def place_of_the_whole_market(text: str, figures: list[StatedFigure], market: str | None) -> tuple[str, str] | None:
    """(scope, member) of the one place the page's market is of, or None for a market of the world. A market
    whose name holds its place ("US Craft Beer") is of that place, as if a header named it: "The craft beer market
    in the United States ... $29.03 billion" is the market's figure, not a country's."""
    if market and len(without_leading_places(market.split())) < len(market.split()):
        labelled = _place_in_the_name(market)
        if labelled is None:
            return None
    else:
        labelled = _labelled_place(text)
    if labelled is None:
        values = [figure for figure in figures if figure.metric == "value"]
        # the first dated value; on a page that dates none ("in the current year"), the first value
        dated_values = [figure for figure in values if figure.year is not None] or values
        if not dated_values:
            return None
        first = min(dated_values, key=lambda figure: figure.char_start)
        if first.scope not in _PLACE_SCOPES or first.member is None or first.within_region is not None:
            return None
        if _the_world_said_before(text, first.char_start, market):
            return None
    place = labelled or _the_region_it_lies_in((first.scope, first.member), figures)
    of_the_place = [figure for figure in figures if _is_the_place(figure, place)]
    if any(figure.metric == "share" for figure in of_the_place):
        return None  # "accounting for 34 percent of the global market": a part of a larger one
    if any(_another_place_beside(figure, place) for figure in figures):
        return None  # "North America ... Europe ...", "the U.S. ... Canada ...": parts of a larger market
    of_the_market = [figure for figure in figures if figure.scope == "market"]
    worldwide = _worldwide_figures(text, of_the_market)
    if worldwide and labelled is not None and not any(figure.metric == "value" for figure in of_the_place):
        return None  # "U.S. Toy Market" over the world's figures only: no figure of the place to read it by
    if worldwide and labelled is None and not _the_world_follows(text, of_the_place, worldwide):
        return None
    of_the_market = [figure for figure in of_the_market if figure not in worldwide]
    said_with_it = sum(_said_with_the_place(text, figure, of_the_place) for figure in of_the_market)
    # "Europe is a flagship market ..., with retail sales valued at €96 billion in 2023. The biggest European markets
    # ... are Germany (€15.9 billion) and France (€13.7 billion)": a region broken down by its countries
    its_countries = {
        figure.member for figure in figures if place[0] == "region" and figure.scope == "country" and figure.member
    }
    broken_down = len(its_countries) >= _COUNTRIES_OF_A_BREAKDOWN
    if labelled is None and len(of_the_place) + said_with_it < 2 and not broken_down:
        return None  # one figure is too little to read a whole page by
    place_values = {figure.year: figure.value_millions for figure in of_the_place if figure.metric == "value"}
    for figure in of_the_market:
        if figure.metric != "value" or figure.year not in place_values or figure.value_millions is None:
            continue
        if place_values[figure.year] < _SMALLER_THAN_THE_MARKET * figure.value_millions:
            return None
    return place


# "the global label market", "global pet food sales"; not "a global consulting firm, the industry has ..."
_WORLDWIDE_MARKET = re.compile(
    r"\b(?i:globally|worldwide)\b"
    r"|\b(?i:global|world(?:'s|’s)?|international)\s+(?:[\w&'’-]+\s+){0,4}?"
    r"(?i:market|industry|sales|revenues?|spending|consumption)\b"
)


def _worldwide_figures(text: str, of_the_market: list[StatedFigure]) -> list[StatedFigure]:
    """The market figures said to be global, and those that follow one in its paragraph ("The global label market
    is poised to achieve $41.75 billion ... Furthermore, it is anticipated to attain $67.36 billion")."""
    found: list[StatedFigure] = []
    for figure in sorted(of_the_market, key=lambda figure: figure.char_start):
        if _WORLDWIDE_MARKET.search(figure.quote) or (
            found and "\n" not in text[found[-1].char_end : figure.char_start]
        ):
            found.append(figure)
    return found


def _the_world_follows(text: str, of_the_place: list[StatedFigure], worldwide: list[StatedFigure]) -> bool:
    """Whether the worldwide market's figures all come after the place's, in a paragraph of their own ("Sales of
    labels in the United States are set to be valued at $15.7 billion ... The global label market is poised to
    achieve $41.75 billion"): the page is about the place, and names the wider market in passing."""
    if len(of_the_place) < 2:
        return False
    last_own = max(figure.char_end for figure in of_the_place)
    return all(figure.char_start >= last_own and "\n" in text[last_own : figure.char_start] for figure in worldwide)


def figures_of_a_place_market(
    text: str, figures: list[StatedFigure], place: tuple[str, str], market: str | None
) -> tuple[list[StatedFigure], list[SkippedStatement]]:
    """The place's own figures as the market's, or as a segment's where their sentence names a part of the market
    ("the face cosmetics market in India is around $1.24 billion" on a page about India's cosmetics market); its
    shares, of some larger whole, are set aside with the reason."""
    kept, skipped = [], []
    worldwide = _worldwide_figures(text, [figure for figure in figures if figure.scope == "market"])
    for figure in figures:
        if figure in worldwide:
            # "The global label market is poised to achieve $41.75 billion" after the U.S. figures: a wider market
            reason = f"'{figure.figure_text}' at {figure.figure_start}: the worldwide market's, not {place[1]}'s"
            skipped.append(SkippedStatement(reason, figure.quote, figure.char_start, figure.char_end))
        elif not _is_the_place(figure, place):
            kept.append(figure)
        elif market and (part := _part_of_the_market_named(text, figure, market)):
            kept.append(replace(figure, scope="segment", dimension=None, member=part))
        elif figure.metric == "share":
            reason = (
                f"'{figure.figure_text}' at {figure.figure_start}: {place[1]}'s share of a larger whole, "
                f"on a page about {place[1]}'s market"
            )
            skipped.append(SkippedStatement(reason, figure.quote, figure.char_start, figure.char_end))
        else:
            kept.append(replace(figure, scope="market", dimension=None, member=None))
    return kept, skipped


def _part_of_the_market_named(text: str, figure: StatedFigure, market: str) -> str | None:
    named = market_named_before(text, figure.char_start, figure.figure_start, market)
    if named is None:
        return None
    # "U S fiber optic cable" (a name read word by word), "Indian skin care": the place's own market
    identity = market_identity(_INITIALS_APART.sub(r"\1", named))
    name = identity.name if identity is not None else named
    return name if name and relation_to_the_market(name, market) == "part" else None


def market_name_with_its_place(market: str | None, place: tuple[str, str]) -> str | None:
    """'U.S. Fiber Optic Cable'; a name that already holds a place ("Middle East & Africa Biofertilizer") as it is."""
    if not market:
        return None
    identity = market_identity(market)
    return market if identity is not None and identity.geography_level != "global" else f"{place[1]} {market}"


_PLACES_APART = re.compile(r"(?:\s*,\s*(?:(?i:and)\s+|&\s*)?|\s+(?:(?i:and)|&)\s+)(?:(?i:the)\s+)?")


def figures_of_one_place_each(figures: list[StatedFigure]) -> tuple[list[StatedFigure], list[SkippedStatement]]:
    """The figures less those said of several places together ("the US, China, and Italy are the largest markets,
    accounting for almost 80%"): no one place's figure, set aside with the reason. A growth rate said of places
    together is each one's ("Growth in Europe and North America is forecast at a mature 2% annual rate"), and so is a
    figure said of each ("Germany and the U.K. were tied ... as each market generated roughly US$6.2 billion")."""
    kept, skipped = [], []
    for figure in figures:
        if (
            figure.scope in _PLACE_SCOPES
            and (figure.metric == "cagr" or _said_of_each(figure))
            and (places := _places_named_together(figure))
        ):
            kept.extend(replace(figure, scope=scope, dimension=scope, member=member) for scope, member in places)
            continue
        if figure.scope in _PLACE_SCOPES and figure.member and _several_places(figure.member):
            reason = f"'{figure.figure_text}' at {figure.figure_start}: one figure for several places ({figure.member})"
            skipped.append(SkippedStatement(reason, figure.quote, figure.char_start, figure.char_end))
        else:
            kept.append(figure)
    return kept, skipped


# "Germany and the U.K. were tied for second in industry revenue as each market generated roughly US$6.2 billion"
_EACH_BEFORE = re.compile(r"\b(?i:each)\b[^.;%\d]{0,60}$")


def _said_of_each(figure: StatedFigure) -> bool:
    return _EACH_BEFORE.search(figure.quote, 0, figure.figure_start - figure.char_start) is not None


def _places_named_together(figure: StatedFigure) -> list[tuple[str, str]]:
    """(scope, name) of each place a member joins ("Europe and North America"), when every part is a known place
    and the whole is not one ("Middle East and Africa"); else none."""
    if not figure.member or place_named(figure.member) is not None:
        return []
    parts = [part for part in _PLACES_APART.split(figure.member) if part]
    places = [place for part in parts if (place := place_named(part)) is not None]
    return places if len(parts) >= 2 and len(places) == len(parts) else []


def _several_places(member: str) -> bool:
    if place_named(member) is not None:  # "Middle East and Africa" is one region
        return False
    # "Europe and Japan" may be a pair the page counts as one member; a list with commas is not
    parts = [part for part in _PLACES_APART.split(member) if part]
    return "," in member and len(parts) > 2 and all(place_named(part) is not None for part in parts)
