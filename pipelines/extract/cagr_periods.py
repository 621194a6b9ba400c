"""The period a CAGR covers: from its own sentence, else a period the page labels, else the page's forecast
period, else none; ``period_source`` records which."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from dataclasses import replace

from pipelines.extract.numbers import Money, Percent, find_year_ranges, find_years, whole_year
from pipelines.extract.records import StatedFigure
from pipelines.extract.sentence_tokens import SentenceTokens

# Placeholder periods of a CAGR, resolved once the page's forecast period is known (``resolve_cagr_periods``):
FORECAST_PERIOD = (-1, -1)  # the sentence says "over the forecast period"
UNSTATED_PERIOD = (-2, -2)  # the sentence states no period at all
NEXT_YEARS = -3  # a period's start: "over the next 8 years" with no year to count from; its end holds the 8
PAST_YEARS = (-4, -4)  # "grew at a CAGR of 5.7% over the last 5 years" with no year to count back from
# How far a rate may be from the one its values imply, beyond its own rounding (publishers round the values too).
_RATE_TOLERANCE = 0.05
# How wide, in points, the rates two rounded values imply may be for a rate with no period to be placed between them
_LOOSEST_IMPLIED_RANGE = 5.0
FORECAST_END_YEAR = -1  # a value's year: "to reach US$81.5 Billion by the end of the analysis period"
FORECAST_END = re.compile(
    r"[^.;]{0,40}?\b(?i:by|at|until|till|through)\s+the\s+(?i:end|conclusion|close)\s+of\s+the\s+"
    r"(?i:forecast|analysis|projection|research|study)\s+(?i:period|timeframe)"
)
# "Study Period 2019-2031 CAGR 7.9%": the years a study covers, not the period of its growth rate.
_NOT_A_RATE_PERIOD = re.compile(r"(?i:study\s+period|historical\s+(?:period|data|years)|history)\W*$")
_FORECAST_PERIOD_WORDS = re.compile(
    r"(?i:forecast period|forecast years|projection period|analysis period|research period|forecast timeframe"
    r"|(?:upcoming|coming) years"
    r"|years to come)"
)
_ANOTHER_CLAUSE = re.compile(r"[,;]\s*(?i:while|whereas|but)\b")
_A_FORECAST_PERIOD_BEFORE = re.compile(_FORECAST_PERIOD_WORDS.pattern + r"\W{0,3}(?i:of|from|between)?\W{0,2}$")
# "reaching $739.43 billion by 2030 at a CAGR of 8.0%": a value "by" a year, the rate right after it.
_REACHED_BY_THEN_RATE = re.compile(
    r"\b(?i:reach|reaches|reaching|hit|hits|hitting|touch|touching|surpass|surpassing|exceed|exceeding|to)\s+"
    r"(?:(?i:a\s+(?:projected\s+|revised\s+)?(?:market\s+)?size\s+of)\s+)?"
    r"(?:(?i:about|around|nearly|over|approximately|an\s+estimated)\s+)?[$€£]?\s?(?:USD|US\$|EUR)?\s?[\d.,]+\s*"
    r"(?i:billion|million|trillion|bn|mn|b|m)?\s+(?i:by)\s+(?:(?i:the\s+end\s+of)\s+)?(?P<year>(?:19|20)\d{2}),?\s+"
    r"(?i:at|with|growing\s+at|registering|exhibiting|expanding\s+at)\s+(?:(?i:a|an)\s+)?"
    r"(?:(?i:cagr|compound\s+annual\s+growth\s+rate)(?:\s+\(CAGR\))?\s+(?i:of)\s+)?[^%]{0,25}$"
)
# "is expected to grow", "each forecast to grow at": a rate or period the sentence forecasts, not one it records
FORECAST_WORDING = re.compile(
    r"\b(?i:forecasts?|forecasted|projected|expected|anticipated|predicted|will|poised|set\s+to|estimated\s+to)\b"
)
_UNTIL_YEAR = re.compile(r"(?i:by|through|till|until|to)\s+(?:the\s+end\s+of\s+)?(?:FY\s?)?(?P<year>(?:19|20)\d{2})\b")
_YEAR_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# "for the next 8-year period", "over the next five years", "over a 10-year period", "over the next decade",
# "for ten years"
_NEXT_YEARS = re.compile(
    r"\b(?:(?i:over|for|in|during|within|of)\s+(?i:the\s+(?:next|coming|following)|a)\s+|(?i:over|for)\s+(?=\w+\s+years\b))"
    r"(?:(?P<count>\d{1,2}|"
    + "|".join(_YEAR_COUNTS)
    + r")[-\s](?i:years?)(?:\s+(?i:period))?|(?P<decade>(?i:decade)))\b"
)
_PAST_YEARS_COUNTED = re.compile(
    r"\s(?i:over|in|during|for|across)\s+the\s+(?i:last|past|previous|preceding)\s+(?P<count>\d{1,2}|"
    + "|".join(_YEAR_COUNTS)
    + r")[-\s](?i:years?)\b"
)
_COUNTED_YEARS_UNTIL = re.compile(_NEXT_YEARS.pattern + r"\s+" + _UNTIL_YEAR.pattern)
# "since 2018", "since FY18" (a fiscal year written with two digits is of this century)
_FROM_YEAR = re.compile(
    r"\b(?i:from|since|starting\s+(?:in|from))\s+(?:FY\s?(?P<fiscal>\d{2})|(?:FY\s?)?(?P<year>(?:19|20)\d{2}))\b"
)


def _year_of(stated: re.Match) -> int:
    return whole_year(stated.group("year") or stated.group("fiscal"))


# "13.4% in volume and 15.7% in economic terms": rates joined in one phrase.
# "13.4% in volume and 15.7%", "8.2%, 4.45%, 3.93%, and 0.29%": rates listed one after another (an Oxford comma too)
RATES_IN_A_ROW = re.compile(
    r"(?:\s+(?i:in|by)\s+[a-z]+(?:\s+[a-z]+)?)?\s*(?:,\s*(?:(?i:and|or)\s+)?|(?i:and|or|to))\s*(?:(?i:a|an)\s+)?"
)
THIS_PERIOD = re.compile(r"\b(?i:this|that)\s+(?:(?i:forecast|projection)\s+)?(?i:period|timeframe|time\s+frame)\b")
# "... USD 190.4 billion in 2023, projected to reach USD 298.5 billion by 2028. This represents a CAGR of 9.4%": a
# sentence that opens by naming the growth the one before it told
THAT_GROWTH_OPENING = re.compile(
    r"[-•*·\s]*(?i:this|that|which|it)\s+(?:(?i:growth|increase|rise|expansion|trajectory)\s+)?"
    r"(?:(?i:represents|reflects|implies|translates|equates|corresponds|amounts|marks|means|indicates)\b)"
)
SAME_PERIOD = re.compile(
    r"\b(?i:(?:over|during|in|for)\s+the\s+(?:same|aforementioned|above|said)\s+(?:period|timeframe|time\s+frame|years))\b"
)


def cagr_period(text: str, percent: Percent, clause_start: int, clause_end: int, tokens: SentenceTokens):
    """(first year, last year) of a CAGR from its own sentence, in this order: a year range after it ("from 2025
    to 2032", "(2025-2032)"), or after the rates in a row it opens; the years of the values the sentence grows
    between, before it, after it or on both sides, in either order ("from USD 1.5 billion in 2025 to USD 4.0
    billion by 2032, ... a CAGR of 15%"); "by 2032" after it, from the year of the value the sentence starts at
    (else the forecast period's start); a year range before it that is not a study's span. Else FORECAST_PERIOD
    where the sentence says "the forecast period", else UNSTATED_PERIOD: both resolved from the page
    (``resolve_cagr_periods``)."""
    after_ranges = [
        r
        for r in tokens.ranges
        if percent.end <= r.start < clause_end
        # "Through 2014-17 the CAGR increased by 11.7%, while between 2017-18 it went up 7%": another clause's years
        and not _ANOTHER_CLAUSE.search(text, percent.end, r.start)
    ]
    if after_ranges:
        return after_ranges[0].first_year, after_ranges[0].last_year
    labelled = next(
        (
            r
            for r in tokens.ranges
            if r.start >= percent.end and _A_FORECAST_PERIOD_BEFORE.search(text, max(0, r.start - 30), r.start)
        ),
        None,
    )
    if labelled is not None and len([p for p in tokens.percentages if p.start < labelled.start]) == 1:
        # "accounted as USD 293.56 billion in 2017 and expected to grow at a CAGR of 5.95% to reach 405.23 billion by
        # 2024 during the forecast period 2018-2024": the period the sentence names for its one rate
        return labelled.first_year, labelled.last_year
    # "13.4% in volume and 15.7% in value between 2020 and 2028": rates in a row share the range after the last
    later_ranges = [r for r in tokens.ranges if r.start >= clause_end]
    if later_ranges and not any(m.start < later_ranges[0].start and m.start >= percent.end for m in tokens.money):
        between = [p for p in tokens.percentages if percent.end <= p.start < later_ranges[0].start]
        if between and all(
            RATES_IN_A_ROW.fullmatch(text, a.end, b.start) for a, b in itertools.pairwise([percent, *between])
        ):
            return later_ranges[0].first_year, later_ranges[0].last_year
    dated_values = dated_values_before(percent.start, tokens)
    value_years = [year for year, _ in dated_values]
    if (start_year := start_year_the_rate_reproduces(dated_values, percent)) is not None:
        return start_year, value_years[-1]
    if len(value_years) >= 2 and value_years[-2] != value_years[-1]:
        # "to reach USD 270.3 billion by 2021 from USD 227.5 billion in 2020, at a CAGR of 23.6%": either order
        return min(value_years[-2:]), max(value_years[-2:])
    years_after = _years_of_values_after(percent.end, tokens)
    if len(years_after) >= 2 and years_after[0] != years_after[1]:
        # "a CAGR of 14.1%, rising from $894 million in 2020 to $2.6 billion in 2028"; either order: "a CAGR of
        # 5.6%, ... to USD 878 billion by 2032, starting from USD 598 billion in 2025"
        return min(years_after[:2]), max(years_after[:2])
    year_before = _year_of_last_value_before(percent.start, tokens)
    year_after = _year_of_first_value_after(percent.end, tokens)
    if year_before is not None and year_after is not None and year_before < year_after:
        # "estimated at USD 278.2 billion in 2023; ... a CAGR of 9.0% to reach USD 428.4 billion by 2028"
        return year_before, year_after
    if (
        year_before is not None
        and year_after is not None
        and year_after < year_before
        and _FROM_BEFORE_A_VALUE.search(text, percent.end, _first_value_after(percent.end, tokens))
    ):
        # "to reach $31.3 billion by 2017, up 7.4 percent per year from $21.9 billion in 2012"
        return year_after, year_before
    since = _FROM_YEAR.search(text, percent.end, tokens.sentence.char_end)
    if since is not None and year_after is not None and _year_of(since) < year_after:
        # "a CAGR of 5.94% is predicted from 2028, with a projection of reaching $26.75 trillion by 2033"
        return _year_of(since), year_after
    if since is not None and year_before is not None and _year_of(since) < year_before:
        # "expected to reach $169.4 billion in 2023 at a CAGR of 14.0% from 2021", "From an estimated Rs 9.30 lakh
        # crore in FY25, ... around 7 per cent CAGR since FY18"
        return _year_of(since), year_before
    if (past := _PAST_YEARS_COUNTED.search(text, percent.end, clause_end)) is not None:
        # "grew at a CAGR of 5.7% over the last 5 years and in 2019, it was valued at USD 805 billion": back from the
        # sentence's one year, never the forecast period's
        years = {year.year for year in tokens.years}
        span = _years_in(past)
        return (max(years) - span, max(years)) if len(years) == 1 else PAST_YEARS
    after_text = text[percent.end : clause_end]
    until = _UNTIL_YEAR.search(after_text)
    if not tokens.ranges and (span := _years_counted(text[clause_start:clause_end])) is not None:
        # "a CAGR of 3.5% over the next five years to $91.9 billion by 2023", "worth €200 billion in 2024, ... a CAGR
        # of 10-12% over the next five years": counted from or back to the year the sentence states
        end_year = int(until.group("year")) if until else year_after
        if end_year is None and (counted_until := _COUNTED_YEARS_UNTIL.search(text, clause_start, percent.start)):
            end_year = int(counted_until.group("year"))  # "over a 10-year period till 2028, ... will grow at 4%"
        if end_year is None and (reached_by := _amount_reached_by(text, clause_start, percent.start)) is not None:
            end_year = reached_by  # "expected to generate $1,154 billion by 2022, growing ... over the next six years"
        if end_year is None and year_before is not None and _COUNTED_RATE.search(text, clause_start, clause_end):
            # "expected to reach €736,624 million in 2028, with a five-year compound annual growth rate of 7.3%": the
            # rate's years end at the amount reached
            reached = [money for money in tokens.money if money.end <= percent.start][-1]
            if _REACHED_RIGHT_BEFORE.search(text, tokens.sentence.char_start, reached.start):
                end_year = year_before
        if end_year is not None:
            return end_year - span, end_year
        start_year = value_years[-1] if value_years else year_before
        return (start_year, start_year + span) if start_year is not None else (NEXT_YEARS, span)
    if until and not _FORECAST_PERIOD_WORDS.search(after_text, 0, until.start()):
        end_year = int(until.group("year"))
        # "estimated at $15 to $20 million in 2014, with a forecast of 40% CAGR through 2020": from the year of
        # the value the sentence starts at
        stated_from = value_years[-1] if value_years else _year_of_last_value_before(percent.start, tokens)
        if stated_from is None and (opening := _FROM_YEAR.search(text, tokens.sentence.char_start, percent.start)):
            stated_from = _year_of(opening)  # "Starting from 2023, ... a CAGR of 10.4% up until 2027"
        start_year = stated_from if stated_from is not None and stated_from < end_year else FORECAST_PERIOD[0]
        return start_year, end_year
    before_ranges = [
        r
        for r in tokens.ranges
        if r.end <= percent.start and not _NOT_A_RATE_PERIOD.search(text, max(0, r.start - 30), r.start)
    ]
    if before_ranges:
        return before_ranges[-1].first_year, before_ranges[-1].last_year
    reached = _REACHED_BY_THEN_RATE.search(text, tokens.sentence.char_start, percent.start)
    if reached is not None and len([money for money in tokens.money if money.end <= percent.start]) == 1:
        # "reaching $739.43 billion by 2030 at a CAGR of 8.0%": the one value the rate grows to, from the forecast
        # period's start
        return FORECAST_PERIOD[0], int(reached.group("year"))
    if _FORECAST_PERIOD_WORDS.search(tokens.sentence.text):
        return FORECAST_PERIOD
    return UNSTATED_PERIOD


# "with a five-year compound annual growth rate of 7.3%", "a 5-year CAGR of 11.0%": the rate's own count of years
_COUNTED_RATE = re.compile(
    r"\b(?i:a|an|its|the)\s+(?P<count>\d{1,2}|"
    + "|".join(_YEAR_COUNTS)
    + r")[-\s](?i:year)\s+(?=(?i:cagr|compound|average\s+annual|annual\s+growth)\b)"
)


_REACHED_RIGHT_BEFORE = re.compile(
    r"\b(?i:reach|reaches|reaching|reached|hit|hits|exceed|exceeds|surpass|surpasses|to)\s+"
    r"(?:(?i:about|around|nearly|over|approximately|an\s+estimated)\s+)?$"
)


def _years_counted(sentence: str) -> int | None:
    """8 for "for the next 8-year period", 10 for "over the next decade", 5 for "a five-year CAGR"; None when the
    sentence counts none."""
    found = _NEXT_YEARS.search(sentence) or _COUNTED_RATE.search(sentence)
    if found is None:
        return None
    if found.groupdict().get("decade"):
        return 10
    return _years_in(found)


def _years_in(counted: re.Match) -> int:
    """The years a counting match names: '5', 'five'."""
    count = counted.group("count").lower()
    return int(count) if count.isdigit() else _YEAR_COUNTS[count]


_FROM_BEFORE_A_VALUE = re.compile(r"\b(?i:from|since)\s+(?:(?i:about|around|nearly|roughly)\s+)?$")


def _first_value_after(position: int, tokens: SentenceTokens) -> int:
    return next((money.start for money in tokens.money if money.start >= position), position)


def _year_of_first_value_after(position: int, tokens: SentenceTokens) -> int | None:
    """The year of the money value right after ``position`` when no other percentage comes first."""
    following = sorted((item for item in [*tokens.money, *tokens.percentages] if item.start >= position),
                       key=lambda item: item.start)  # fmt: skip
    if not following or not isinstance(following[0], Money):
        return None
    limit = following[1].start if len(following) > 1 else tokens.sentence.char_end
    return next((year.year for year in tokens.years if following[0].end <= year.start < limit), None)


# "The public relations market is expected to grow to $133.82 billion in 2027 at a CAGR of 5.7%": one value the
# market grows to, with its year, before the rate
_GROWS_TO = re.compile(
    r"\b(?i:grow|grows|growing|rise|rises|rising|increase|increases|increasing|expand|expands|expanding|climb|climbs"
    r"|climbing)\s+(?i:to)\s+(?:(?i:about|around|nearly|approximately|an\s+estimated)\s+)?$"
)


def year_grown_to(text: str, percent: Percent, tokens: SentenceTokens) -> int | None:
    """The year of the one value a rate's sentence says the market grows to, before the rate and with no other
    year or value in the sentence; None otherwise."""
    values = [money for money in tokens.money if money.end <= percent.start]
    if len(tokens.money) != 1 or len(values) != 1 or len(tokens.years) != 1 or tokens.ranges:
        return None
    (value,), (year,) = values, tokens.years
    if not (value.end <= year.start < percent.start) or not _GROWS_TO.search(
        text, tokens.sentence.char_start, value.start
    ):
        return None
    return year.year


def _year_of_last_value_before(position: int, tokens: SentenceTokens) -> int | None:
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


def _years_of_values_after(position: int, tokens: SentenceTokens) -> list[int]:
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


def years_of_values_before(position: int, tokens: SentenceTokens) -> list[int]:
    """The distinct years, in reading order, that follow the money values stated before ``position``: "from USD
    1.5 billion in 2025 to USD 4.0 billion by 2032" → [2025, 2032]. Only when two or more values are stated."""
    return [year for year, _ in dated_values_before(position, tokens)]


def start_year_the_rate_reproduces(dated_values: list[tuple[int, Money]], percent: Percent) -> int | None:
    """Of three or more dated values ("from USD 187.9 billion in 2024 to USD 197.6 billion in 2025, ... USD 288.7
    billion by 2032 and a CAGR of 5.51%"), the year of the one from which the rate, compounded to the last value,
    gives the last value within the rounding of the rate and of both values: 2024 here. None when no start or more
    than one does ("US$ 1.01 billion in 2025 ... from USD 1.24 billion in 2026 to US$ 3.51 Bn by 2031, ... a CAGR
    of 23.04%" compounds from either year)."""
    if len(dated_values) < 3:
        return None
    last_year, last = dated_values[-1]
    last_low = float(last.low_millions - last.rounding_millions)
    last_high = float(last.low_millions + last.rounding_millions)
    low = float(percent.low - percent.rounding) - _RATE_TOLERANCE
    high = float(percent.low + percent.rounding) + _RATE_TOLERANCE
    matching = []
    for year, money in dated_values[:-1]:
        if year >= last_year or money.low_millions <= money.rounding_millions:
            continue
        start_low = float(money.low_millions - money.rounding_millions)
        start_high = float(money.low_millions + money.rounding_millions)
        slowest = _implied_rate(start_high, last_low, last_year - year)
        fastest = _implied_rate(start_low, last_high, last_year - year)
        if slowest <= high and fastest >= low:
            matching.append(year)
    return matching[0] if len(matching) == 1 else None


def dated_values_before(position: int, tokens: SentenceTokens) -> list[tuple[int, Money]]:
    """The money values stated before ``position`` with the distinct years that follow them, in reading order.
    Only when two or more values are stated."""
    values = [money for money in tokens.money if money.end <= position]
    if len(values) < 2:
        return []
    years: list[tuple[int, Money]] = []
    for previous, money, following in zip([None, *values[:-1]], values, [*values[1:], None], strict=True):
        limit = following.start if following else position
        year = next((y.year for y in tokens.years if money.end <= y.start < limit), None)
        if year is None and previous is None:
            # "In 2023, the market was valued at $85.4 billion, projected to reach $152.3 billion by 2032": the
            # first value's year may open the sentence
            year = next((y.year for y in reversed(tokens.years) if y.end <= money.start), None)
        if year is None and previous is not None:
            # "$139.77 billion by the end of 2021, and by 2029 it will grow to $376.32 billion": the year before it
            year = next((y.year for y in reversed(tokens.years) if previous.end <= y.start and y.end <= money.start
                         and (not years or y.year != years[-1][0])), None)  # fmt: skip
        if year is not None and (not years or years[-1][0] != year):
            years.append((year, money))
    return years


def resolve_cagr_periods(
    figures: list[StatedFigure],
    forecast_period: tuple[int | None, int | None],
    labelled: bool,
    title_end_year: int | None = None,
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
    market_periods = {
        (figure.period_start_year, figure.period_end_year)
        for figure in figures
        if figure.metric == "cagr"
        and figure.scope == "market"
        and figure.period_start_year
        and figure.period_start_year > 0
        and figure.period_end_year
        and figure.period_end_year > 0
    }
    resolved = []
    for figure in figures:
        if figure.metric != "cagr":
            resolved.append(figure)
            continue
        period = (figure.period_start_year, figure.period_end_year)
        same_rate = stated_periods.get(_rate_identity(figure), set())
        if (
            period in (UNSTATED_PERIOD, FORECAST_PERIOD)
            and len(same_rate) == 1
            and _years_within(figure.quote, next(iter(same_rate)))
        ):
            # "Neem Soap Market to Reach USD 7.9 Billion by 2032 | CAGR 8.1%" in a headline: a year of the period
            # the body states for the same rate
            (start, end) = next(iter(same_rate))
            resolved.append(replace(figure, period_start_year=start, period_end_year=end, period_source="sentence"))
            continue
        if (
            period == UNSTATED_PERIOD
            and figure.scope != "market"
            and len(market_periods) == 1
            # "Asia-Pacific region grew fastest at 6.5% CAGR, reaching USD 11.2 billion in 2023" beside a market
            # rate over 2024-2030: a year outside that period says the rate is over other years
            and all(start <= year.year <= end for (start, end) in market_periods for year in find_years(figure.quote))
        ):
            # "Software, however, will show the fastest growth rate, with a 11.0% CAGR" under the market's "a CAGR
            # of 10.4% over 2023-2027": a member's rate over the one period the page gives its market's rate
            ((start, end),) = market_periods
            changes = {"period_start_year": start, "period_end_year": end, "period_source": "forecast period"}
        elif period == UNSTATED_PERIOD:
            # Only a period the page labels: one inferred from the page's other figures would be a guess.
            changes = {"period_start_year": first_year, "period_end_year": last_year}
            changes["period_source"] = "page label" if has_period and labelled else "none"
        elif period == FORECAST_PERIOD and not has_period and (start := _year_it_starts_from(figure, title_end_year)):
            # "reached USD 3.5 Billion in 2021 and is expected to register a CAGR of 4.6% during the forecast period"
            # under a title "... Forecast to 2030": from the year of its value to the year the title names
            changes = {
                "period_start_year": start,
                "period_end_year": title_end_year,
                "period_source": "forecast period",
            }
        elif period == FORECAST_PERIOD:
            changes = {"period_start_year": first_year, "period_end_year": last_year}
            changes["period_source"] = "forecast period" if has_period else "none"
        elif period == PAST_YEARS:
            changes = {"period_start_year": None, "period_end_year": None, "period_source": "none"}
        elif figure.period_start_year == NEXT_YEARS:
            # "for the next 8-year period" on a page forecasting 2022-2030: that period, when it is as long
            spans = has_period and last_year - first_year == figure.period_end_year
            changes = {"period_start_year": first_year, "period_end_year": last_year}
            changes["period_source"] = "forecast period" if spans else "none"
        elif figure.period_start_year == FORECAST_PERIOD[0]:
            # "by 2030" with no start: the forecast period's start, or no period at all (never half of one)
            starts_before = has_period and first_year < figure.period_end_year
            changes = {"period_start_year": first_year, "period_source": "sentence" if starts_before else "none"}
        else:
            changes = {"period_source": "sentence"}
        if (
            changes.get("period_source") == "none"
            and not same_rate  # the same rate with a written period elsewhere: the one stated rate, not another
            and (reproduced := _span_of_values_it_reproduces(figure, figures))
        ):
            # "worth $40 billion in 2022 ... $1.3 trillion by 2032" and, a sentence apart, "will grow at a
            # compounded rate of 42% per year": the two stated values the rate turns one into the other
            changes = {
                "period_start_year": reproduced[0],
                "period_end_year": reproduced[1],
                "period_source": "stated values",
            }
        if changes.get("period_source") == "none":
            changes.update(period_start_year=None, period_end_year=None)
        resolved.append(replace(figure, **changes))
    return _written_period_over_value_years(resolved)


def _span_of_values_it_reproduces(rate: StatedFigure, figures: list[StatedFigure]) -> tuple[int, int] | None:
    """The first and last year of the one pair of the page's values, of the rate's own market or member, that the
    rate compounds one into the other, within the rate's rounding and the values'. None when no pair or more than
    one does: a rate with no written period is only placed where the page's own figures agree with it."""
    values: dict[int, StatedFigure] = {}
    for figure in figures:
        if (
            figure.metric == "value"
            and figure.year is not None
            and figure.year > 0
            and figure.value_high_millions is None
            and figure.value_millions
            and (figure.scope, figure.member, figure.within_region) == (rate.scope, rate.member, rate.within_region)
        ):
            if figure.year in values and values[figure.year].value_millions != figure.value_millions:
                return None  # two values for one year: which pair the rate is over cannot be told
            values[figure.year] = figure
    if rate.pct is None or rate.pct_high is not None:
        return None
    low, high = rate.pct - rate.rounding - _RATE_TOLERANCE, rate.pct + rate.rounding + _RATE_TOLERANCE
    matching = []
    for first, last in itertools.combinations(sorted(values), 2):
        start, end = values[first], values[last]
        if start.value_millions <= start.rounding:
            continue
        slowest = _implied_rate(start.value_millions + start.rounding, end.value_millions - end.rounding, last - first)
        fastest = _implied_rate(start.value_millions - start.rounding, end.value_millions + end.rounding, last - first)
        # "$0.15 billion in 2025 to $0.2 billion in 2026" implies anything from 26% to 41%: too loose to place a rate
        if fastest - slowest <= _LOOSEST_IMPLIED_RANGE and slowest <= high and fastest >= low:
            matching.append((first, last))
    return matching[0] if len(matching) == 1 else None


def _implied_rate(first: float, last: float, years: int) -> float:
    return ((max(last, 0.0) / first) ** (1 / years) - 1) * 100


def _amount_reached_by(text: str, start: int, end: int) -> int | None:
    """The year of "by 2022" when it is the last year written between ``start`` and ``end`` (the year an amount
    is reached by, the end of the years a rate is counted over)."""
    years = find_years(text[start:end])
    if not years:
        return None
    last = years[-1].year
    reached = [int(found.group("year")) for found in _UNTIL_YEAR.finditer(text, start, end)]
    return last if reached and reached[-1] == last else None


def _year_it_starts_from(figure: StatedFigure, end_year: int | None) -> int | None:
    """The one year a rate's sentence names, when it comes before ``end_year``."""
    years = {year.year for year in find_years(figure.quote)}
    if end_year is None or len(years) != 1 or (start := next(iter(years))) >= end_year:
        return None
    return start


def _written_period_over_value_years(figures: list[StatedFigure]) -> list[StatedFigure]:
    """ "from USD 204.4 billion in 2024 to USD 360.8 billion by 2034, a CAGR of 6.29%" and elsewhere "a CAGR of
    6.29% between 2025 and 2034": one rate, whose period the page writes out in one statement and the other only
    implies by the years of its values, from the base year. The written period stands for both."""
    written: set[tuple] = {
        (_rate_identity(figure), figure.period_start_year, figure.period_end_year)
        for figure in figures
        if figure.metric == "cagr" and figure.period_start_year is not None and _writes_its_period(figure)
    }
    return [
        replace(figure, period_start_year=figure.period_start_year + 1)
        if figure.metric == "cagr"
        and figure.period_start_year is not None
        and (_rate_identity(figure), figure.period_start_year + 1, figure.period_end_year) in written
        and not _writes_its_period(figure)
        else figure
        for figure in figures
    ]


def _writes_its_period(figure: StatedFigure) -> bool:
    """Whether the CAGR's quote writes its period as a range of years ("2025-2034", "between 2025 and 2034")."""
    return any(
        (years.first_year, years.last_year) == (figure.period_start_year, figure.period_end_year)
        for years in find_year_ranges(figure.quote)
    )


def _years_within(quote: str, period: tuple[int, int]) -> bool:
    """Whether every year ``quote`` names lies in ``period`` (true for a quote that names none)."""
    return all(period[0] <= year.year <= period[1] for year in find_years(quote))


def _rate_identity(figure: StatedFigure) -> tuple:
    return (figure.scope, figure.dimension, figure.member, figure.within_region, figure.pct, figure.pct_high)


def resolve_forecast_end_years(figures: list[StatedFigure], last_year: int | None) -> list[StatedFigure]:
    """A value stated "by the end of the forecast period" is for the forecast period's last year; with no forecast
    period on the page it keeps no year."""
    return [replace(figure, year=last_year) if figure.year == FORECAST_END_YEAR else figure for figure in figures]
