"""What a report page says about itself: its market, title, header fields (pages, base year, release, author)."""

from __future__ import annotations

import re

from pipelines.extract.numbers import find_months
from pipelines.extract.records import ReportMetadata, Sentence

# "Space Mining Market", "Global Space Mining Market Report", "Space Mining Market Size, Share & Trends"
_TITLE = re.compile(r"^(?:(?i:the\s+)?(?i:global|worldwide)\s+)?(?P<market>[A-Z0-9][\w&+/,.' -]*?)\s+Market\b")
_HEADER_FIELD = re.compile(
    r"(?P<key>(?i:pages|no\. of pages|base year|release date|released|release|published|publication date|"
    r"author|authors|publisher|published by))\s*:\s*(?P<value>[^|\n\r]+)"
)
_SENTENCE_MARKET = re.compile(
    r"\b(?i:the\s+)(?:(?i:global|worldwide)\s+)?(?P<market>[\w&+/ -]{3,60}?)\s+market\s+size\b"
)
_MAX_TITLE_LENGTH = 90
_TITLE_SEARCH_LINES = 40


def _title_sentence(sentences: list[Sentence]) -> tuple[Sentence, str] | None:
    """The first short heading-like line that names a market (no sentence punctuation, title case)."""
    for sentence in sentences[:_TITLE_SEARCH_LINES]:
        line = sentence.text
        if len(line) > _MAX_TITLE_LENGTH or line.endswith((".", "?", "!", ":")):
            continue
        match = _TITLE.match(line)
        if match:
            return sentence, match.group("market").strip(" ,")
    return None


def _header_fields(sentences: list[Sentence]) -> tuple[Sentence | None, dict[str, tuple[str, int]]]:
    """'Pages: 170 | Base Year: 2024 | ...' → {'pages': ('170', offset)}, from the first line that has them."""
    for sentence in sentences[:_TITLE_SEARCH_LINES]:
        fields = {}
        for match in _HEADER_FIELD.finditer(sentence.text):
            key = match.group("key").lower()
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


def extract_metadata(text: str, sentences: list[Sentence]) -> ReportMetadata:
    title_match = _title_sentence(sentences)
    title = title_match[0].text if title_match else None
    market = title_match[1] if title_match else None
    if market is None:
        for sentence in sentences:
            found = _SENTENCE_MARKET.search(sentence.text)
            if found:
                market = found.group("market").strip().title()
                break

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
        publisher=publisher_field[0].strip() if publisher_field else None,
        quote=header.text if header else None,
        char_start=header.char_start if header else None,
        char_end=header.char_end if header else None,
    )
