"""Which year a value or share is for, when its own clause does not say: the year of the amount it equals, the
span of years it is written after, the year its paragraph opens with, or the year list of the line before."""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract.numbers import A_YEAR, Money, Percent, YearMention
from pipelines.extract.records import StatedFigure
from pipelines.extract.sentence_tokens import SentenceTokens
from pipelines.extract.text_tables import CellHint

AMOUNT_EQUALS = re.compile(
    r"[^,;()]{0,40}?(?:\s*\(\s*|,?\s*(?:(?i:and)\s+)?(?i:that['’]s|that\s+is|which\s+is|or|equal\s+to|equivalent\s+to"
    # "over 40% of the global revenue, with a market size of USD 43,032.60 million in 2024"
    r"|worth|with\s+a\s+(?:market\s+)?(?:size|value|valuation|revenue)\s+of)\s+)"
    r"(?:(?i:roughly|about|around|nearly|approximately|some)\s+)?"
)
# "USD 203.24 billion 2032 Projected Market Size: USD 564.87 billion": a year that opens the next label is that
# label's, not the amount's before it.
A_LABEL_AFTER = re.compile(r"(?:\s+[A-Za-z][\w()-]*){1,4}\s*:")
_A_YEARS_OWN_AMOUNT = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}?(?i:figure|total|level|value|size|revenue|sales|tally)\b")
_COMPARED_YEAR_BEFORE = re.compile(r"\b(?i:from|over|than|compared\s+(?:with|to)|versus|vs\.?)\s+(?:(?i:the|in)\s+)?$")
_A_CHANGE_BETWEEN = re.compile(
    r"\d\s?(?:%|(?i:percent|per\s?cent))|\b(?i:decrease|increase|decline|drop|rise|growth|up|down|more|less)\b"
)
_A_YEARS_MARKET = re.compile(r"\s+(?i:market|industry)\b")
_OF_THE = re.compile(r"\b(?i:of\s+the)\s+$")
BULLET = re.compile(r"\s*[-•*·]\s+")
SIZE_HEADING = re.compile(r"\b(?i:market\s+(?:size|value|revenue)|size\s+estimates?|estimates?)\b")
A_YEAR_EARLIER = re.compile(
    r"\s+(?:(?i:a|one)\s+year\s+(?:earlier|before|prior)|(?i:the|in\s+the)\s+(?:previous|prior|preceding)\s+year)\b"
)
A_LABEL_YEAR = re.compile(r"\b(?i:by|in|for)\s+(?P<year>(?:19|20)\d{2})\s*:\s*(?:(?i:about|around|approx\.?|~)\s*)?$")
# "..., while in 2020 ...", "..., and it is expected to double by 2032": a clause of its own, with its own years
OTHER_CLAUSE = re.compile(
    r",?\s+(?i:while|whereas|but|compared\s+(?:with|to)|versus)\b|,\s+(?i:and\s+(?:it|this|they))\s"
    # "was worth $3.5 billion -- and in 2017 it will reach $120 billion"
    r"|\s+(?:--|—|–)\s+(?i:and|but|while)\b"
)
YEAR_OPENING = re.compile(
    r"[-•*·\s]*(?i:in|as\s+of|during|for)\s+(?:(?i:the\s+(?:end|start|beginning)\s+of)\s+)?(?P<year>(?:19|20)\d{2}),"
)
BY_YEAR_OPENING = re.compile(r"[-•*·\s]*(?i:by)\s+(?:(?i:the\s+end\s+of)\s+)?(?P<year>(?:19|20)\d{2}),")
_ROUGHLY = r"(?:(?i:about|around|nearly|over|almost|roughly|approximately|an\s+estimated|more\s+than)\s+)?"
TO_BEFORE = re.compile(r"\b(?i:to)\s+" + _ROUGHLY + "$")
# "forecast to advance 3.9 percent per year through 2019 to $218 billion": the year the amount is reached by
_YEAR_THEN_TO_BEFORE = re.compile(
    r"\b(?i:through|by|until|till)\s+(?P<year>(?:19|20)\d{2})\s*,?\s+(?i:to)\s+" + _ROUGHLY + "$"
)
# "will reach $91.4 billion this year", "USD 6.45 billion in the current year": the year the page was written
THIS_YEAR_AFTER = re.compile(r"[^.;:,()]{0,60}?\b(?i:this\s+year|the\s+current\s+year)\b")
THIS_YEAR_RIGHT_AFTER = re.compile(r"\s+(?:(?i:in)\s+)?(?i:this\s+year|the\s+current\s+year)\b")
# "Since 2022, the industry has grown ... and hit $75 billion": the amount is today's, the year where growth began
SINCE_A_YEAR_OPENING = re.compile(r"[-•*·\s]*(?i:since)\s+(?P<year>(?:19|20)\d{2}),\s+[^.;]*?\b(?i:has|have)\s+\w+")
THIS_YEAR_BEFORE = re.compile(r"\b(?i:this\s+year|the\s+current\s+year)\b(?![^.;]*\b(?:19|20)\d{2}\b)")
CURRENT_YEAR = -3  # a value's year, once the page's own date is known (report.resolve_current_years)
# the page's own year if the page says when it was written, else no year: for amounts whose "this year" is read
# from around them rather than stated right after them
CURRENT_YEAR_IF_KNOWN = -4
# "sales approaching $200 billion by the end of the decade": the decade's last year, once the page names it
DECADE_END_YEAR = -5
END_OF_THE_DECADE = re.compile(
    r"\s+(?i:by|at|before|until|till)\s+the\s+(?i:end|close)\s+of\s+(?i:the|this)\s+decade\b"
)
# "to reach $500 billion by 2030": a target year that ends a decade, as a page names it
_BY_A_DECADES_END = re.compile(r"\b(?i:by|in|until|through|to)\s+(?P<year>20[0-9]0)\b")


def resolve_decade_end_years(figures: list[StatedFigure], text: str) -> list[StatedFigure]:
    """A value "by the end of the decade" is for the one decade's end the page names as a target ("by 2030"); with
    none named, or several, it keeps no year."""
    if all(figure.year != DECADE_END_YEAR for figure in figures):
        return figures
    years = {int(found.group("year")) for found in _BY_A_DECADES_END.finditer(text)}
    decade_end = years.pop() if len(years) == 1 else None
    return [replace(figure, year=decade_end) if figure.year == DECADE_END_YEAR else figure for figure in figures]


# "a market volume of US$7.03tn in the same year": the year the sentence before ends with
THE_SAME_YEAR = re.compile(r"\s+(?i:in\s+the\s+same\s+year|in\s+that\s+(?:same\s+)?year|that\s+same\s+year)\b")
_SPAN_WORDS = re.compile(r"\s*,?\s*(?i:between|over|during|in|from)\s+(?:(?i:the\s+(?:period\s+)?))?")
YEARS_LINE = re.compile(r"\s*(?i:years?)\s*:\s*(?P<years>(?:19|20)\d{2}(?:\s*(?:,|(?i:and)|&)\s*(?:19|20)\d{2})+)\s*")


_SINCE_BEFORE = re.compile(r"\b(?i:since)\s+$")


def year_for(
    figure_start: int, figure_end: int, clause_end: int, tokens: SentenceTokens, hint: CellHint | None = None
) -> int | None:
    if hint and hint.year:
        # a table cell: a year in the cell itself, else in the row's label ("Market Size (2031) | USD 34,612.03
        # Million"), else the column header's
        in_cell = [year for year in tokens.years if figure_end <= year.start < clause_end]
        in_label = [year for year in tokens.years if year.end <= figure_start]
        return in_cell[0].year if in_cell else in_label[-1].year if in_label else hint.year
    labelled = A_LABEL_YEAR.search(tokens.sentence.text, 0, figure_start - tokens.sentence.char_start)
    if labelled is not None:
        # "Projected Market Size by 2029: US$ 51.78B (2024)": the label's year, not the source's after the value
        return int(labelled.group("year"))
    reached_by = _YEAR_THEN_TO_BEFORE.search(tokens.sentence.text, 0, figure_start - tokens.sentence.char_start)
    if reached_by is not None:
        return int(reached_by.group("year"))
    # "amounted to $172 billion, while in 2020 the growth rate ...": a year after "while" is the next clause's
    other_clause = OTHER_CLAUSE.search(tokens.sentence.text, figure_end - tokens.sentence.char_start)
    if other_clause is not None:
        clause_end = min(clause_end, tokens.sentence.char_start + other_clause.start())
    reached_over = next((r for r in tokens.ranges if figure_end <= r.start < clause_end), None)
    if (
        reached_over is not None
        and _SPAN_WORDS.fullmatch(tokens.sentence.text, figure_end - tokens.sentence.char_start,
                                  reached_over.start - tokens.sentence.char_start)
        and TO_BEFORE.search(tokens.sentence.text, 0, figure_start - tokens.sentence.char_start)
    ):  # fmt: skip
        # "projected to increase to USD 273.72 billion between 2023-2027": the amount the span ends at
        return reached_over.last_year
    before = [year for year in tokens.years if year.end <= figure_start]
    after = [
        year
        for year in tokens.years
        if figure_end <= year.start < clause_end
        and not A_LABEL_AFTER.match(tokens.sentence.text, year.end - tokens.sentence.char_start)
        # "has grown into an $8-billion-per-year market in the region since 2004": when its growth began
        and not _SINCE_BEFORE.search(tokens.sentence.text, 0, year.start - tokens.sentence.char_start)
        # "$19.1 billion ... will far surpass 2020's figure of $13.7 billion": that year is the next amount's
        and not _A_YEARS_OWN_AMOUNT.match(tokens.sentence.text, year.end - tokens.sentence.char_start)
        # "SALES IN 2008 WERE $78 BILLION, A DECREASE OF LESS THAN 1 PERCENT FROM 2007": the year compared with
        and not (
            before
            and _COMPARED_YEAR_BEFORE.search(tokens.sentence.text, 0, year.start - tokens.sentence.char_start)
            and _A_CHANGE_BETWEEN.search(
                tokens.sentence.text, figure_end - tokens.sentence.char_start, year.start - tokens.sentence.char_start
            )
        )
        # "approach $154.7 billion, and the 2020 market, nearly $306 billion": the next clause's market
        and not (
            _A_YEARS_MARKET.match(tokens.sentence.text, year.end - tokens.sentence.char_start)
            # "accounted for more than $132 billion of the 2011 market": the share of that year's market
            and not _OF_THE.search(tokens.sentence.text, 0, year.start - tokens.sentence.char_start)
        )
    ]
    if after:
        return after[0].year
    spanned = year_in_a_span_before(figure_start, tokens)
    if spanned is not None:
        return spanned
    if before and A_YEAR_EARLIER.match(tokens.sentence.text, figure_end - tokens.sentence.char_start):
        # "In 2023, the market is expected to be worth $107 billion, up from around $100.4 billion a year earlier"
        return before[-1].year - 1
    by_year = BY_YEAR_OPENING.match(tokens.sentence.text)
    if (
        by_year is not None
        and len(before) >= 2
        and before[-1].year < int(by_year.group("year"))
        and TO_BEFORE.search(tokens.sentence.text, 0, figure_start - tokens.sentence.char_start)
    ):
        # "By the end of 2031, the sector is projected to expand from its 2025 value of USD 428.2 billion to USD 1
        # trillion": the amount it grows to is the opening year's
        return int(by_year.group("year"))
    if (
        by_year is not None
        and before
        and before[-1].year < int(by_year.group("year"))
        and _COMPARED_YEAR_BEFORE.search(tokens.sentence.text, 0, before[-1].start - tokens.sentence.char_start)
    ):
        # "By 2020, capacity is expected to reach 1.7 gigawatts, an eightfold increase from 2015, and will have a
        # $2.5 billion market value": the year compared with is no year of the amount; the opening year is
        return int(by_year.group("year"))
    if before and _the_year_of_the_amount_before(before[-1], figure_start, tokens):
        # "expected to fall from 369 billion euros in 2023 to approximately 363 billion": 2023 is the start's year
        return None
    is_a_percentage = any(percent.start == figure_start for percent in tokens.percentages)
    if not before and is_a_percentage and (closing := _year_closing_the_sentence(figure_end, tokens)) is not None:
        return closing
    return before[-1].year if before else None


_IN_BEFORE_A_YEAR = re.compile(r"\s+(?i:in)\s+$")
_TO_AFTER_A_YEAR = re.compile(r"\s*,?\s+(?i:to|(?:up|down)\s+from)\s+" + _ROUGHLY)


def _the_year_of_the_amount_before(year: YearMention, figure_start: int, tokens: SentenceTokens) -> bool:
    """Whether ``year`` dates the amount just before it ("from 369 billion euros in 2023") and the figure is the
    amount the move goes on "to", or the one it is compared with ("$8.2 billion in 2024, up from $6.7 billion")."""
    offset = tokens.sentence.char_start
    text = tokens.sentence.text
    return _TO_AFTER_A_YEAR.fullmatch(text, year.end - offset, figure_start - offset) is not None and any(
        _IN_BEFORE_A_YEAR.fullmatch(text, money.end - offset, year.start - offset) for money in tokens.money
    )


# "up from", "down from": a figure compared with an earlier one.
# "a slight dip from 27.7% in 2022", "a drop from": the nouns too (not "projected to dip from 30% to 26%", a move)
COMPARED_WORDS = (
    r"up|down|rising|falling|increasing|decreasing|climbing|growing|declining"
    r"|an?\s+(?:\w+\s+)?(?:dip|drop|decline|fall)"
)
_COMPARED_FROM = re.compile(rf"\b(?i:{COMPARED_WORDS})\s+(?i:from)\b")


def _year_closing_the_sentence(figure_end: int, tokens: SentenceTokens) -> int | None:
    """'Hair care made up 21%, while make-up accounted for 19% in 2018.': the one year after a share with none of
    its own, at the very end of the sentence, is the year of every clause. (Not for amounts: "valued at USD 2
    billion, and set to double by 2030" is no 2030 value.)"""
    after = [year for year in tokens.years if year.start >= figure_end]
    offset = tokens.sentence.char_start
    if (
        len(after) == 1
        and not tokens.sentence.text[after[0].end - offset :].strip(" .)")
        # "40% of the market, up from 35% in 2020": the year of the share it is compared with
        and not _COMPARED_FROM.search(tokens.sentence.text, figure_end - offset, after[0].start - offset)
    ):
        return after[0].year
    return None


def year_in_a_span_before(figure_start: int, tokens: SentenceTokens) -> int | None:
    """'Between 2020 and 2023, the market grew from $5.7 billion to $44.9 billion': the two amounts after a span of
    years, with no year of their own, are its first and its last year."""
    spans = [span for span in tokens.ranges if span.end <= figure_start]
    if not spans or any(year.start >= spans[-1].end and year.end <= figure_start for year in tokens.years):
        return None
    amounts = [money.start for money in tokens.money if money.start >= spans[-1].end]
    if len(amounts) != 2 or any(spans[-1].end <= y.start for y in tokens.years if y.start < amounts[-1]):
        return None
    return spans[-1].first_year if figure_start == amounts[0] else spans[-1].last_year


def year_of_the_amount_it_equals(text: str, percent: Percent, tokens: SentenceTokens, sentence_end: int) -> int | None:
    """'46.9% of global EO revenue, and that's roughly USD 2.0 billion in 2025', 'from 11 percent ($15-25 billion)
    in 2022': a share takes the year of the amount written as its equal right after it."""
    following = sorted(
        (f for f in [*tokens.money, *tokens.percentages] if f.start >= percent.end), key=lambda f: f.start
    )
    if not following or not isinstance(following[0], Money):
        return None
    money = following[0]
    if not AMOUNT_EQUALS.fullmatch(text, percent.end, money.start):
        return None
    limit = following[1].start if len(following) > 1 else sentence_end
    return next((year.year for year in tokens.years if money.end <= year.start < limit), None)


def year_of_the_sentence_before(
    text: str, position: int, tokens: SentenceTokens, grouped: dict[int, SentenceTokens], sentences: list
) -> int | None:
    """'In 2019, the still wine segment accounted for 85%. Sparkling wine and fortified wine held a share of 11% and
    4%, respectively.': a sentence with no year of its own continues the one before it in its paragraph, when that
    one opens with its year, or continues it in turn (a ranking told over a few sentences)."""
    current = tokens
    for back in range(1, _CONTINUED_SENTENCES + 1):
        if position - back < 0:
            return None
        # a sentence with no number at all ("Skincare, hair care and make-up are the main categories.") has no
        # tokens of its own, and is still followed back through
        before = grouped.get(position - back) or SentenceTokens(sentences[position - back], [], [], [], [], [])
        if current.years or current.ranges:
            return None
        if "\n" in text[before.sentence.char_end : current.sentence.char_start]:
            return None
        if opening := YEAR_OPENING.match(before.sentence.text):
            return int(opening.group("year"))
        if (
            back == 1
            and not before.ranges
            and len({year.year for year in before.years}) == 1
            and (before.money or before.percentages)
        ):
            # "... predicts a 37.5 percent increase in 2017, to $45.0 billion, for wafer processing equipment. The
            # other front-end segment ... is expected to increase 45.8 percent to $2.6 billion": the one year the
            # sentence before dates its amounts by
            return before.years[0].year
        if (
            back == 1
            and not before.ranges
            and not before.years
            and before.money
            and THIS_YEAR_BEFORE.search(before.sentence.text)
        ):
            # "Luxury sales in China this year are forecast at 23 billion euros. Europe and the Americas ...
            # totaling 84 billion euros and 80 billion euros": the page's own year, as the sentence before
            return CURRENT_YEAR_IF_KNOWN
        current = before
    return None


_CONTINUED_SENTENCES = 4  # how far back a paragraph's sentences without a year of their own are followed


def year_of_a_list_heading(text: str, sentences, position: int) -> int | None:
    """'2025 Market Size Estimates' over '- Acme Research: $37.89 billion', '- Beta Insights: $59.01 billion': an
    amount in a bulleted list is for the one year of the heading the list hangs under, when that heading is about
    the market's size."""
    line = position
    while line >= 0 and BULLET.match(text, text.rfind("\n", 0, sentences[line].char_start) + 1):
        line -= 1
    if line < 0 or line == position:
        return None
    heading = sentences[line].text
    years = A_YEAR.findall(heading)
    if len(set(years)) != 1 or not SIZE_HEADING.search(heading) or len(heading.split()) > 8:
        return None
    return int(years[0])


def year_in_parallel_list(previous_line: str, amounts: list[Money], money: Money) -> int | None:
    """The year a 'Year: 2015, 2020 and 2025' line pairs with the amount in the same place of the next line."""
    listed = YEARS_LINE.fullmatch(previous_line)
    if listed is None:
        return None
    years = [int(year) for year in A_YEAR.findall(listed.group("years"))]
    if len(years) != len(amounts):
        return None
    return years[amounts.index(money)]
