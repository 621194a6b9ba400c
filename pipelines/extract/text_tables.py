"""Tables flattened to text: lines of cells separated by ``|`` (Markdown tables, HTML tables reduced to text,
publishers' "Report Attribute | Details" boxes).

A data cell often says only "88.6" or "38.6%"; its header says what it is: "2024 (USD million)", "Share (2024)",
"CAGR 2025–2032". This module reads the header of each table and gives every data cell a hint: the metric, the
year or period, and for bare numbers the currency and scale.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal

from pipelines.extract.numbers import find_year_ranges, find_years
from pipelines.extract.records import Sentence

_SEPARATOR_ROW = re.compile(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?")
_CELL = re.compile(r"[^|]+")
_EFFECT_HEADER = re.compile(r"(?i:impact|effect)")
_CAGR_HEADER = re.compile(r"(?i:cagr|growth\s+rate|annual\s+growth)")
_SHARE_HEADER = re.compile(r"(?i:share|\(%\)|percent|% of)")
_HEADER_CURRENCIES = (("USD", re.compile(r"(?i:usd|us\$|\$)")), ("EUR", re.compile(r"(?i:eur|€)")))
_HEADER_SCALES = (
    (Decimal(1_000_000), re.compile(r"(?i:trillion|\btn\b)")),
    (Decimal(1000), re.compile(r"(?i:billion|\bbn\b|\bb\b)")),
    (Decimal(1), re.compile(r"(?i:million|\bmn\b|\bmln\b|\bm\b)")),
    (Decimal("0.001"), re.compile(r"(?i:thousand|\bk\b)")),
)
_RATE_LABEL = re.compile(r"(?i:cagr|growth|rate\b|share|%)")
_BARE_NUMBER = re.compile(r"\s*[*_]*(?P<number>\d[\d,]*(?:\.\d+)?)[*_]*\s*")


@dataclass(frozen=True)
class CellHint:
    metric: str | None  # 'value' | 'share' | 'cagr', from the header
    year: int | None
    period: tuple[int, int] | None
    currency: str | None  # for bare numbers in a money column
    scale_in_millions: Decimal | None


@dataclass(frozen=True)
class TableCell:
    start: int
    end: int
    hint: CellHint
    bare_number: str | None  # the cell's number when it holds nothing else ("88.6")
    bare_number_start: int | None


@dataclass(frozen=True)
class TableRow:
    label_start: int
    label_end: int
    cells: tuple[TableCell, ...]

    def cell_at(self, offset: int) -> TableCell | None:
        return next((cell for cell in self.cells if cell.start <= offset < cell.end), None)


def _cells(text: str, sentence: Sentence) -> list[tuple[int, int]]:
    spans = []
    for match in _CELL.finditer(text, sentence.char_start, sentence.char_end):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def _is_table_line(text: str, sentence: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sentence.char_start) + 1
    line_end = text.find("\n", sentence.char_end)
    line_end = len(text) if line_end < 0 else line_end
    if text.find("|", line_start, line_end) < 0:
        return False
    before, after = text[line_start : sentence.char_start], text[sentence.char_end : line_end]
    return not before.strip(" \t|") and not after.strip(" \t|")


@functools.lru_cache(maxsize=1024)
def _hint(header: str) -> CellHint:
    """What a column header says about its cells. Cached: the pages of one publisher repeat their headers."""
    ranges = find_year_ranges(header)
    years = find_years(header)
    if _EFFECT_HEADER.search(header):
        metric = None  # "% Impact on CAGR Forecast": how much a driver moves the rate, not a rate
    elif _CAGR_HEADER.search(header):
        metric = "cagr"
    elif _SHARE_HEADER.search(header):
        metric = "share"
    else:
        metric = None
    currency = next((code for code, pattern in _HEADER_CURRENCIES if pattern.search(header)), None)
    scale = next((scale for scale, pattern in _HEADER_SCALES if pattern.search(header)), None)
    if metric is None and currency and scale:
        metric = "value"
    return CellHint(
        metric=metric,
        year=years[0].year if years and not ranges else None,
        period=(ranges[0].first_year, ranges[0].last_year) if ranges else None,
        currency=currency if metric == "value" else None,
        scale_in_millions=scale if metric == "value" else None,
    )


def _unit_of_the_caption(caption: str) -> str | None:
    """ "USD Billion" from a line above a table, "Yarrow Tea Market by Type (USD Billion)": the unit of its bare
    numbers, when the header does not say it."""
    currency = next((code for code, pattern in _HEADER_CURRENCIES if pattern.search(caption)), None)
    scale = next((pattern.search(caption).group(0) for _, pattern in _HEADER_SCALES if pattern.search(caption)), None)
    return f"{currency} {scale}" if currency and scale and "|" not in caption else None


def _with_unit(header: str, unit: str | None) -> str:
    """A year's column header with the caption's unit, when it names no currency itself: "2024" → "2024 (USD
    Billion)"."""
    if unit is None or not find_years(header) or any(pattern.search(header) for _, pattern in _HEADER_CURRENCIES):
        return header
    return f"{header} ({unit})"


def find_table_rows(text: str, sentences: list[Sentence]) -> dict[int, TableRow]:
    """Data rows of every flattened table, by sentence position, each cell with the hint its header gives."""
    rows: dict[int, TableRow] = {}
    header_hints: list[CellHint] | None = None
    previous_table_line: int | None = None
    for position, sentence in enumerate(sentences):
        if not _is_table_line(text, sentence):
            header_hints = None
            continue
        if _SEPARATOR_ROW.fullmatch(sentence.text):
            previous_table_line = position
            continue
        cells = _cells(text, sentence)
        starts_block = header_hints is None or previous_table_line is None or position - previous_table_line > 1
        previous_table_line = position
        if starts_block or len(cells) != len(header_hints):
            unit = _unit_of_the_caption(sentences[position - 1].text) if position else None
            header_hints = [_hint(_with_unit(text[start:end], unit)) for start, end in cells]
            continue
        if len(cells) < 2:
            continue
        table_cells = []
        # "| CAGR (%) | 6.9 |": a row of rates or shares holds no amounts, whatever its columns' unit
        rate_row = _RATE_LABEL.search(text, cells[0][0], cells[0][1]) is not None
        for (start, end), hint in zip(cells[1:], header_hints[1:], strict=True):
            bare = None if rate_row else _BARE_NUMBER.fullmatch(text, start, end)
            table_cells.append(
                TableCell(
                    start,
                    end,
                    hint,
                    bare.group("number") if bare else None,
                    bare.start("number") if bare else None,
                )
            )
        rows[position] = TableRow(cells[0][0], cells[0][1], tuple(table_cells))
    return rows
