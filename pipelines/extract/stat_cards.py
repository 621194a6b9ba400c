"""Stat cards: a line holding only a figure, the next line saying what it is.

    Largest Segment by Type          <- the card's heading (optional)
    60.31 %                          <- the figure
    value share, Textured Vegetable Protein, 2023    <- its label: what, whose, when

Pages built from cards ("2.15 Billion / Market Size in 2024 (USD)", "13.36 % / Projected CAGR, Tempeh, 2024-2029")
state their headline figures this way and nowhere else. A card is read into the same parts as a figure in prose:
metric, member, year or period, amount; the quote spans the figure line and its label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extract.geography import is_known_place
from pipelines.extract.numbers import (
    currency_code,
    find_year_ranges,
    find_years,
    parse_number,
    rounding_of,
    scale_in_millions,
)
from pipelines.extract.records import Sentence

_CARD_FIGURE = re.compile(
    r"^(?:(?P<minus>[-\u2212])|[↗↑▲+])?\s?(?P<currency>USD|US\$|\$|EUR|€)?\s?(?P<number>\d[\d,]*(?:\.\d+)?)\s?"
    r"(?P<unit>%|(?i:billion|million|trillion|thousand|bn|mn|tn|b|m))?\s*$"
)
_LABEL_MAX_LENGTH = 90
_CURRENCY_IN_LABEL = re.compile(
    r"\((?P<currency>USD|US\$|EUR)(?:\s+(?P<scale>Billion|Million|Trillion|Bn|Mn))?\)", re.I
)
_METRIC_WORDS = re.compile(
    r"^(?i:(?:projected\s+|forecast\s+|historical\s+)?(?:cagr|growth\s+rate)|(?:value|volume|market|revenue)\s+share|share"
    r"|market\s+size(?:\s+in\s+.*)?|market\s+value(?:\s+in\s+.*)?)$"
)
# "Leading Market Player / 61.07 % / market share, Lockheed Martin Corporation, 2022": a company's share.
_COMPANY_HEADING = re.compile(r"(?i:player|company|companies|vendor|manufacturer)")
_BY_DIMENSION = re.compile(r"\b(?i:by)\s+(?P<dimension>[A-Za-z][\w &/-]{1,40})$")
_VOLUME = re.compile(r"(?i:volume)")


@dataclass(frozen=True)
class StatCard:
    """One card, read: ``member`` as the label names it (None for the whole market), ``dimension`` from the
    card's heading ("Largest Segment by Type" → 'type'), ``problem`` why it is not a market figure, if it is not."""

    figure_sentence: Sentence
    label_sentence: Sentence
    metric: str | None
    member: str | None
    dimension: str | None
    year: int | None
    period: tuple[int, int] | None
    value_millions: Decimal | None
    pct: Decimal | None
    currency: str | None
    rounding: Decimal
    number_start: int
    number_end: int
    problem: str | None = None

    @property
    def quote_span(self) -> tuple[int, int]:
        """From the first of the two lines to the end of the second."""
        first, last = sorted((self.figure_sentence, self.label_sentence), key=lambda line: line.char_start)
        return first.char_start, last.char_end


def find_stat_cards(text: str, sentences: list[Sentence]) -> dict[int, StatCard]:
    """Cards by the position of their figure line among ``sentences``."""
    cards = {}
    figures = {position: match for position, line in enumerate(sentences) if (match := _CARD_FIGURE.match(line.text))}
    for position, figure in figures.items():
        line = sentences[position]
        above = sentences[position - 1] if position > 0 and _is_label(sentences[position - 1], line) else None
        below = (
            sentences[position + 1]
            if position + 1 < len(sentences) and _is_label(sentences[position + 1], line)
            else None
        )
        read_below = _read_card(line, figure, below, above.text if above else "") if below else None
        # "Market Size (2024E) / US$5.8 Bn", "Growth Rate / ↗ 23.70%": the label above the figure
        read_above = _read_card(line, figure, above, "") if above else None
        if read_below and read_above:
            card = read_above if _labels_above(sentences, figures, position) else read_below
        else:
            card = read_below or read_above
        if card is not None:
            cards[position] = card
    return cards


def _labels_above(sentences: list[Sentence], figures: dict, position: int) -> bool:
    """Whether the cards around ``position`` put their labels above their figures: walking back over alternating
    figure and label lines, the run starts with a label ("Market Size (2024E) / US$5.8 Bn / Projected Market Value
    (2031F) / US$11.5 Bn"), not with a figure ("2.15 Billion / Market Size in 2024 (USD) / 3.84 Billion / ...")."""
    first = position
    while first - 2 in figures and _is_label(sentences[first - 1], sentences[first]):
        first -= 2
    # a heading above the run ("North America Van Market Analysis") names no figure: it is no card's label
    return (
        first > 0
        and _is_label(sentences[first - 1], sentences[first])
        and _NAMES_A_FIGURE.search(sentences[first - 1].text) is not None
    )


_NAMES_A_FIGURE = re.compile(r"(?i:cagr|growth|share|size|value|revenue|forecast|valuation)")


def _is_label(line: Sentence, figure_line: Sentence) -> bool:
    """A short line next to the figure's line, not itself a figure nor a sentence."""
    near = abs(line.char_start - figure_line.char_end) <= 2 or abs(figure_line.char_start - line.char_end) <= 2
    return (
        near
        and len(line.text) <= _LABEL_MAX_LENGTH
        and not _CARD_FIGURE.match(line.text)
        and not line.text.endswith((".", "!", "?"))
    )


_MARKET_NAME = re.compile(r"^(?P<name>.+?)\s+(?i:market|industry)$")


def _names_a_market(part: str) -> bool:
    """ "North America Pet Food Market, CAGR": the label's part that names the page's market, not a member (a
    place's market alone, "Asia Pacific Market", stays that place)."""
    found = _MARKET_NAME.match(part)
    return found is not None and not is_known_place(found.group("name"))


def _read_card(figure_sentence: Sentence, figure: re.Match, label: Sentence, heading: str) -> StatCard | None:
    lowered = label.text.lower()
    unit = (figure.group("unit") or "").lower()
    if ("cagr" in lowered or "growth rate" in lowered) and unit == "%":
        metric = "cagr"
    elif "share" in lowered and unit == "%":
        metric = "share"
    elif ("size" in lowered or "value" in lowered or "revenue" in lowered or "forecast" in lowered) and unit != "%":
        metric = "value"
    else:
        return None
    try:
        number = parse_number(figure.group("number"))
    except ValueError:
        return None
    if figure.group("minus"):  # "-2.00 %" over "CAGR (2017-2023)": a market that shrank
        number = -number
    ranges = find_year_ranges(label.text)
    years = [year.year for year in find_years(label.text)]
    parts = [part.strip() for part in label.text.split(",")]
    named = [
        part
        for part in parts
        if part
        and not _METRIC_WORDS.match(part)
        and not find_years(part)
        and not _CURRENCY_IN_LABEL.search(part)
        and not _names_a_market(part)
    ]
    member = named[0] if named else None
    if member and (place_market := _MARKET_NAME.match(member)):
        member = place_market.group("name")  # "Asia Pacific Market, CAGR": the place
    by_dimension = _BY_DIMENSION.search(heading)
    problem = None
    if _COMPANY_HEADING.search(heading):
        problem = "a company's share on a stat card, not a market figure"
    elif _VOLUME.search(label.text):
        problem = "a share of volume on a stat card, not of the market's value"
    elif metric == "share" and member is None:
        problem = "a share on a stat card that names no member"
    number_start = figure_sentence.char_start + figure.start("number")
    number_end = figure_sentence.char_start + figure.end("number")
    common = dict(
        figure_sentence=figure_sentence,
        label_sentence=label,
        metric=metric,
        member=member,
        dimension=by_dimension.group("dimension").strip().lower() if by_dimension and member else None,
        number_start=number_start,
        number_end=number_end,
        problem=problem,
    )
    if metric == "cagr":
        period = (ranges[0].first_year, ranges[0].last_year) if ranges else None
        return StatCard(**common, year=None, period=period, value_millions=None, pct=number, currency=None,
                        rounding=rounding_of(number))  # fmt: skip
    year = years[-1] if years else None
    if metric == "share":
        return StatCard(**common, year=year, period=None, value_millions=None, pct=number, currency=None,
                        rounding=rounding_of(number))  # fmt: skip
    in_label = _CURRENCY_IN_LABEL.search(label.text)
    currency = figure.group("currency") or (in_label.group("currency") if in_label else None)
    scale_word = unit or (in_label.group("scale") if in_label and in_label.group("scale") else "")
    if currency is None or not scale_word:
        return None  # a bare number: no currency or no scale, nothing to read it as
    currency = currency_code(currency)
    scale = scale_in_millions(scale_word)
    return StatCard(**common, year=year, period=None, value_millions=number * scale, pct=None, currency=currency,
                    rounding=rounding_of(number) * scale)  # fmt: skip
