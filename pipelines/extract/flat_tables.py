"""Tables whose cells were run together on one line when the page was turned into text.

    Semiconductor Market Regional Revenue (USD Billion), By Component        <- caption with the unit
    By Component 2021 2022 2023 North America 126.09 130.80 123.82 Europe 90.83 92.59 86.13 ...

The line holds a run of years (the column headers), then rows: a name followed by exactly one number per year.
Nothing else reads it (there are no bars, and no currency next to the numbers), so without this its figures are
lost. A line is read only when every row has one number per year (a last row cut short where the line ends is
left out) and the caption states the currency and scale.

The same table written one cell per line ("Segment", "2012", "2013", "Video Game Console", "37,400", ...) is read
the same way, from the first cell line to the last, under a caption such as "(Millions of Dollars)". Rows that are
rates ("Growth (%)") are passed over.

Lines that each give one year and its value ("2019 $75.38 Estimated" under "Year Billions of dollars"), and lines
that each name a member and give its amount ("Vet Care $18.11 billion" under "Breakdown:"), are read here too.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from pipelines.extract.numbers import currency_code, parse_number, rounding_of, scale_in_millions
from pipelines.extract.records import Sentence

_TOKEN = re.compile(r"\S+")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SIGNED_NUMBER = re.compile(r"[-−]?\d[\d,]*(?:\.\d+)?")
# A row of rates, not of values: "Growth (%)", "Change", "Share".
_NOT_A_VALUE_ROW = re.compile(r"%|\b(?i:growth|change|share|cagr)\b")
_UNIT = re.compile(
    r"\(\s*(?:(?i:in)\s+)?(?P<currency>USD|US\$|EUR|€|\$)\s*(?P<scale>(?i:billion|million|trillion|bn|mn))\s*\)"
)
# "(Millions of Dollars)", "(Billions of U.S. Dollars)": the scale, then "of" and the currency.
_SCALE_OF_CURRENCY_UNIT = re.compile(
    r"\(\s*(?P<scale>(?i:thousands|millions|billions|trillions))\s+(?i:of)\s+"
    r"(?P<currency>(?:(?i:U\.?S\.?)\s+)?(?i:dollars)|(?i:euros)|USD|EUR)\s*\)"
)
# A line that holds one cell of a table written one cell per line: a year, a number or a short name.
_CELL_LINE_CHARACTERS = 40
_CELL_LINE_WORDS = 5
# "Market size in billion U.S. dollars": a caption that names the scale, then the currency.
_SCALE_THEN_CURRENCY_UNIT = re.compile(
    r"\b(?i:in)\s+(?P<scale>(?i:billion|million|trillion))\s+(?P<currency>(?i:U\.?S\.?\s+dollars|USD|euros?|EUR))\b"
)
# "2014 161" on lines of their own: a year and its value, one per line, under such a caption.
# "2019 $75.38 Estimated": a currency sign before the number and a word on the figure's status after it.
_YEAR_VALUE_LINE = re.compile(
    r"\s*(?P<year>(?:19|20)\d{2})\s*[:|]?\s*[$€£]?\s*(?P<number>\d[\d,]*(?:\.\d+)?)"
    r"(?:\s*\*|\s+\(?(?i:estimated|estimate|actual|forecast|projected|est\.?|e|f|p)\)?)?\s*\|?\s*"
)
# "Year Billions of dollars": a column header that gives the scale and the currency, no brackets.
_YEAR_THEN_SCALE_OF_CURRENCY = re.compile(
    r"\s*(?i:year)\s*[|,]?\s+(?P<scale>(?i:thousands|millions|billions|trillions))\s+(?i:of)\s+"
    r"(?P<currency>(?:(?i:U\.?S\.?)\s+)?(?i:dollars)|(?i:euros)|USD|EUR)\s*"
)
_CAPTION_LINES = 3
_MINIMUM_ROWS = 2
_BY_LABEL = re.compile(r"(?i:by)\s+(?P<dimension>[A-Za-z][\w &/-]{1,40})$")


@dataclass(frozen=True)
class FlatCell:
    member: str
    member_start: int
    year: int
    number_text: str
    start: int
    end: int
    value_millions: Decimal
    rounding_millions: Decimal


@dataclass(frozen=True)
class FlatTable:
    sentence: Sentence
    currency: str
    dimension: str | None  # "By Component 2021 2022 ..." → 'component'
    cells: tuple[FlatCell, ...]
    last_position: int | None = None  # for a table written one cell per line: the position of its last line


def find_flat_year_tables(text: str, sentences: list[Sentence]) -> dict[int, FlatTable]:
    """Flattened tables by the position of their (first) line among ``sentences``."""
    tables = {}
    for position, sentence in enumerate(sentences):
        if len(_YEAR.findall(sentence.text)) < 2:
            continue
        unit = _caption_unit(sentences, position)
        if unit is None:
            continue
        table = _read_line(sentence, unit)
        if table is not None:
            tables[position] = table
    tables.update(_cell_per_line_tables(text, sentences))
    return tables


def _caption_unit(sentences: list[Sentence], position: int) -> re.Match | None:
    """The currency and scale a caption on one of the lines just before ``position`` (or on it) states."""
    for earlier in reversed(sentences[max(0, position - _CAPTION_LINES) : position + 1]):
        if match := _UNIT.search(earlier.text) or _SCALE_OF_CURRENCY_UNIT.search(earlier.text):
            return match
    return None


def _is_cell_line(sentence: Sentence) -> bool:
    cell = sentence.text.strip()
    return 0 < len(cell) <= _CELL_LINE_CHARACTERS and len(cell.split()) <= _CELL_LINE_WORDS and "\n" not in cell


def _cell_per_line_tables(text: str, sentences: list[Sentence]) -> dict[int, FlatTable]:
    """Tables written one cell per line: runs of short lines that hold two or more years in a row."""
    tables = {}
    position = 0
    while position < len(sentences):
        end = position
        while end < len(sentences) and _is_cell_line(sentences[end]):
            end += 1
        years_in_a_row = any(
            _YEAR.fullmatch(sentences[line].text.strip()) and _YEAR.fullmatch(sentences[line + 1].text.strip())
            for line in range(position, end - 1)
        )
        if years_in_a_row and (unit := _caption_unit(sentences, position - 1)) is not None:
            first, last = sentences[position], sentences[end - 1]
            run = Sentence(first.char_start, last.char_end, text[first.char_start : last.char_end])
            table = _read_line(run, unit)
            if table is not None:
                tables[position] = replace(table, last_position=end - 1)
        position = max(end, position + 1)
    return tables


def _read_line(sentence: Sentence, unit: re.Match) -> FlatTable | None:
    tokens = list(_TOKEN.finditer(sentence.text))
    first_year = next((index for index, token in enumerate(tokens) if _YEAR.fullmatch(token.group())), None)
    if first_year is None:
        return None
    years = []
    index = first_year
    while index < len(tokens) and _YEAR.fullmatch(tokens[index].group()):
        years.append(int(tokens[index].group()))
        index += 1
    if len(years) < 2 or years != sorted(set(years)):
        return None
    scale = scale_in_millions(unit.group("scale").lower().removesuffix("s"))
    cells: list[FlatCell] = []
    rows = 0
    while index < len(tokens):
        name_tokens = []
        while index < len(tokens) and not _SIGNED_NUMBER.fullmatch(tokens[index].group()):
            name_tokens.append(tokens[index])
            index += 1
        numbers = tokens[index : index + len(years)]
        if name_tokens and _NOT_A_VALUE_ROW.search(" ".join(token.group() for token in name_tokens)):
            index += len(numbers)  # a row of rates: passed over
            rows += 1
            continue
        if rows and name_tokens and index + len(numbers) == len(tokens) and len(numbers) < len(years):
            # the line was cut short in its last row ("... Dairy & Frozen Desserts 117"): the full rows stand
            rows += 1
            break
        if not name_tokens or len(numbers) < len(years) or not all(_NUMBER.fullmatch(t.group()) for t in numbers):
            return None
        index += len(years)
        member = sentence.text[name_tokens[0].start() : name_tokens[-1].end()]
        for year, token in zip(years, numbers, strict=True):
            try:
                stated = parse_number(token.group())
            except ValueError:
                return None
            cells.append(
                FlatCell(
                    member,
                    sentence.char_start + name_tokens[0].start(),
                    year,
                    token.group(),
                    sentence.char_start + token.start(),
                    sentence.char_start + token.end(),
                    stated * scale,
                    rounding_of(stated) * scale,
                )
            )
        rows += 1
    if rows < _MINIMUM_ROWS:
        return None
    label = sentence.text[: tokens[first_year].start()].strip()
    by_label = _BY_LABEL.search(label)
    currency = currency_code(unit.group("currency"))
    return FlatTable(sentence, currency, by_label.group("dimension").lower() if by_label else None, tuple(cells))


@dataclass(frozen=True)
class YearValueLine:
    """'2014 161' under 'Market size in billion U.S. dollars': the market's value in one year."""

    sentence: Sentence
    year: int
    number_text: str
    start: int
    end: int
    value_millions: Decimal
    rounding_millions: Decimal
    currency: str


def find_year_value_lines(sentences: list[Sentence]) -> dict[int, YearValueLine]:
    """Runs of two or more 'YEAR VALUE' lines right under a caption that gives the scale and currency, by the
    position of each line among ``sentences``."""
    lines: dict[int, YearValueLine] = {}
    position = 0
    while position < len(sentences):
        run_end = position
        while run_end < len(sentences) and _YEAR_VALUE_LINE.fullmatch(sentences[run_end].text):
            run_end += 1
        if run_end - position >= _MINIMUM_ROWS and position > 0:
            caption = sentences[position - 1].text
            unit = (
                _SCALE_THEN_CURRENCY_UNIT.search(caption)
                or _UNIT.search(caption)
                or _YEAR_THEN_SCALE_OF_CURRENCY.fullmatch(caption)
            )
            if unit is not None:
                scale = scale_in_millions(unit.group("scale").lower().removesuffix("s"))
                currency = currency_code(unit.group("currency"))
                for line_position in range(position, run_end):
                    sentence = sentences[line_position]
                    match = _YEAR_VALUE_LINE.fullmatch(sentence.text)
                    try:
                        stated = parse_number(match.group("number"))
                    except ValueError:
                        continue
                    lines[line_position] = YearValueLine(
                        sentence,
                        int(match.group("year")),
                        match.group("number"),
                        sentence.char_start + match.start("number"),
                        sentence.char_start + match.end("number"),
                        stated * scale,
                        rounding_of(stated) * scale,
                        currency,
                    )
        position = max(run_end, position + 1)
    return lines


@dataclass(frozen=True)
class LabelledAmountLine:
    """'Vet Care $18.11 billion' in a run of such lines under 'Actual Sales ... in 2018': one member's amount."""

    member: str
    member_start: int
    year: int | None  # the one year a line just above the run states, if any


# A line that is a name, then one amount: "Food $30.32 billion", "- Vet Care: $18.11 billion".
_LABEL_THEN_AMOUNT = re.compile(
    r"[-•*·\s]*(?P<member>[A-Za-z][\w&/'’() -]{0,50}?)\s*[:–—-]?\s*"
    r"(?:[$€£]|(?:USD|US\$|EUR|GBP)\s?)\d[\d,]*(?:\.\d+)?\s*(?i:trillion|billion|million|bn|mn|tn|b|m)?\s*"
)
_LINES_ABOVE_A_RUN = 3


def find_labelled_amount_lines(text: str, sentences: list[Sentence]) -> dict[int, LabelledAmountLine]:
    """Runs of two or more lines that each name something and give it one amount, by position among
    ``sentences``; each takes the year of the nearest line above the run that states exactly one year."""
    lines: dict[int, LabelledAmountLine] = {}
    for run in _runs_of_lines([_is_a_labelled_amount_line(text, sentence) for sentence in sentences]):
        year = _year_of_the_lines_above(sentences, run.start)
        for line_position in run:
            sentence = sentences[line_position]
            match = _LABEL_THEN_AMOUNT.fullmatch(sentence.text)
            member = match.group("member").strip()
            lines[line_position] = LabelledAmountLine(member, sentence.char_start + match.start("member"), year)
    return lines


def _runs_of_lines(is_a_line_of_the_run: list[bool]) -> list[range]:
    """The positions of each run of at least two sentences in a row that are lines of the run."""
    runs = []
    position = 0
    for is_a_line, lines in itertools.groupby(is_a_line_of_the_run):
        count = len(list(lines))
        if is_a_line and count >= _MINIMUM_ROWS:
            runs.append(range(position, position + count))
        position += count
    return runs


# A line that is a name, then one percentage: "• Decorative 38.7%", "- Auto OEM: 5.6%".
_LABEL_THEN_PERCENT = re.compile(
    r"[-•*·\s]*(?P<member>[A-Za-z][\w&/'’() -]{0,50}?)\s*[:–—-]?\s*(?P<pct>\d{1,2}(?:\.\d+)?|100)\s?%\s*"
)
_LONGEST_LABELLED_SHARE_LINE = 70
# "Breakdown of the $88 Billion Asia Pacific Coatings Market by Segment:", "Market share by region:"
_SHARES_HEADING = re.compile(r"\b(?i:breakdown|share|shares|split|composition|distribution)\b")
_GROWTH_HEADING = re.compile(r"\b(?i:growth|grow|growing|cagr|increase|change|rate)\b")
# shares of one whole add up to it, give or take their rounding
_SHARES_OF_A_WHOLE = (95.0, 100.5)


def find_labelled_share_lines(text: str, sentences: list[Sentence]) -> dict[int, LabelledAmountLine]:
    """Runs of two or more lines that each name something and give it one percentage, where the line above the
    run calls them a breakdown or shares (and not growth), or the run's percentages add up to a whole: each
    line's member's share, with the year of the nearest line above that states exactly one year."""
    lines: dict[int, LabelledAmountLine] = {}
    for run in _runs_of_lines([_is_a_labelled_share_line(text, sentence) for sentence in sentences]):
        matches = [_LABEL_THEN_PERCENT.fullmatch(sentences[position].text) for position in run]
        heading = sentences[run.start - 1].text if run.start > 0 else ""
        total = sum(float(match.group("pct")) for match in matches)
        called_shares = _SHARES_HEADING.search(heading) and not _GROWTH_HEADING.search(heading)
        if not called_shares and not _SHARES_OF_A_WHOLE[0] <= total <= _SHARES_OF_A_WHOLE[1]:
            continue
        year = _year_of_the_lines_above(sentences, run.start)
        for position, match in zip(run, matches, strict=True):
            member_start = sentences[position].char_start + match.start("member")
            lines[position] = LabelledAmountLine(match.group("member").strip(), member_start, year)
    return lines


def _is_a_labelled_share_line(text: str, sentence: Sentence) -> bool:
    """A line of its own that is a name and one percentage."""
    if len(sentence.text) > _LONGEST_LABELLED_SHARE_LINE or "%" not in sentence.text:
        return False  # a quick test most lines fail
    return _is_a_labelled_line(text, sentence, _LABEL_THEN_PERCENT)


_LONGEST_LABELLED_AMOUNT_LINE = 90
_A_CURRENCY = re.compile(r"[$€£]|USD|EUR|GBP")


def _is_a_labelled_amount_line(text: str, sentence: Sentence) -> bool:
    """A line of its own (nothing else before or after it on its line) that is a name and one amount."""
    if len(sentence.text) > _LONGEST_LABELLED_AMOUNT_LINE or not _A_CURRENCY.search(sentence.text):
        return False  # a quick test most lines fail
    return _is_a_labelled_line(text, sentence, _LABEL_THEN_AMOUNT)


def _is_a_labelled_line(text: str, sentence: Sentence, label_then_figure: re.Pattern) -> bool:
    """Whether ``sentence`` is a line of its own (nothing but a bullet before it on its line, nothing after it)
    that ``label_then_figure`` reads whole, with no year in its name."""
    line_start = text.rfind("\n", 0, sentence.char_start) + 1
    line_end = text.find("\n", sentence.char_end)
    line_end = len(text) if line_end < 0 else line_end
    return (
        not text[line_start : sentence.char_start].strip(" \t-•*·")
        and not text[sentence.char_end : line_end].strip()
        and (match := label_then_figure.fullmatch(sentence.text)) is not None
        and not _YEAR.search(match.group("member"))
    )


def _year_of_the_lines_above(sentences: list[Sentence], position: int) -> int | None:
    for earlier in reversed(sentences[max(0, position - _LINES_ABOVE_A_RUN) : position]):
        years = set(_YEAR.findall(earlier.text))
        if len(years) == 1:
            return int(years.pop())
        if len(years) > 1:
            return None
    return None
