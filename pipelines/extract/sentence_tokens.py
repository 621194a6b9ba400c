"""Every token of a page a figure is made of (amounts, percentages, years, year ranges, names), found in one pass
per kind over the whole text and handed out to the sentence each lies in."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pipelines.extract.gazetteer import Mention
from pipelines.extract.numbers import (
    Money,
    Percent,
    YearMention,
    YearRange,
    find_money,
    find_percentages,
    find_year_ranges,
    find_years,
)
from pipelines.extract.records import Sentence
from pipelines.extract.sentences import SentenceIndex

# "The World Golf Report 2023, a study from ..., finds that ...": the year is part of a title, no figure's
_TITLE_BEFORE_A_YEAR = re.compile(
    r"\b[A-Z][\w&-]*\s+(?:Report|Survey|Study|Outlook|Yearbook|Barometer|Review|Index|Census)\s+$"
)


# "Citing the 2023 Allied Market Research, BOT said ...": the year of a study named after it
_A_STUDY_AFTER_A_YEAR = re.compile(
    r"\s+(?:[A-Z][\w&-]*\s+){0,3}?(?:Report|Research|Survey|Study|Outlook|Yearbook|Barometer|Index|Census)\b"
)
_THE_BEFORE_A_YEAR = re.compile(r"\b(?i:the)\s+$")


def _in_a_title(text: str, year: YearMention) -> bool:
    return _TITLE_BEFORE_A_YEAR.search(text, max(0, year.start - _LONGEST_TITLE_WORDS), year.start) is not None or (
        _THE_BEFORE_A_YEAR.search(text, max(0, year.start - 5), year.start) is not None
        and _A_STUDY_AFTER_A_YEAR.match(text, year.end) is not None
    )


_LONGEST_TITLE_WORDS = 40  # characters before the year that the title's last two words fit in


@dataclass
class SentenceTokens:
    sentence: Sentence
    money: list[Money]
    percentages: list[Percent]
    years: list[YearMention]
    ranges: list[YearRange]
    mentions: list[Mention]


def group_by_sentence(index: SentenceIndex, text: str) -> dict[int, SentenceTokens]:
    """The amounts, percentages, years and year ranges of ``text`` by the position of their sentence; names are
    added with ``add_mentions``."""
    grouped: dict[int, SentenceTokens] = {}
    for kind, items in (
        ("money", find_money(text)),
        ("percentages", find_percentages(text)),
        ("years", [year for year in find_years(text) if not _in_a_title(text, year)]),
        ("ranges", find_year_ranges(text)),
    ):
        _hand_out(grouped, index, kind, items)
    return grouped


def add_mentions(grouped: dict[int, SentenceTokens], index: SentenceIndex, mentions: list[Mention]) -> None:
    """The names a gazetteer found, each to its sentence."""
    _hand_out(grouped, index, "mentions", mentions)


def _hand_out(grouped: dict[int, SentenceTokens], index: SentenceIndex, kind: str, items: Iterable) -> None:
    position_of = index.position_of
    for item in items:
        position = position_of(item.start)
        if position is None:
            continue
        tokens = grouped.get(position)
        if tokens is None:
            tokens = grouped[position] = SentenceTokens(index.sentences[position], [], [], [], [], [])
        getattr(tokens, kind).append(item)
