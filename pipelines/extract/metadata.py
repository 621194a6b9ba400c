"""What a report page says about itself: its market, title, header fields (pages, base year, release, author)."""

from __future__ import annotations

import re
from dataclasses import replace

from pipelines.extract.numbers import find_months
from pipelines.extract.records import ReportMetadata, Sentence

# "Space Mining Market", "Global Space Mining Market Report", "Space Mining Market Size, Share & Trends"
# Words that end a market-research firm's name: "Fortitude Market Insights", "Deccan Mobility Research".
_ORGANISATION_WORD = (
    r"(?:Research|Insights|Analytics|Intelligence|Advisors|Advisory|Partners|Consulting|Consultants|Futures"
    r"|Reports|Associates|Marktforschung|Group|Strategies|Labs)"
)
_TITLE = re.compile(
    r"^(?:(?i:the\s+)?(?i:global|worldwide)\s+)?(?P<market>[A-Z0-9][\w&+/,.'() -]*?)\s*(?:[:|–-]\s*)?Market\b"
    rf"(?!\s+{_ORGANISATION_WORD}\b\s*(?:$|[|·,]))"
)
_ORGANISATION = re.compile(
    rf"(?P<publisher>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){{0,5}}\s+{_ORGANISATION_WORD}"
    r"(?:\s+(?:GmbH|Ltd\.?|LLC|LLP|Inc\.?|Pvt\.?\s+Ltd\.?|AG|SA))?)"
)
_CELL_SEPARATOR = re.compile(r"\s*[|·]\s*|\s+[–—-]\s+")
_TITLE_LINES_OF_ANY_LENGTH = 3
_HEADER_FIELD = re.compile(
    r"(?P<key>(?i:pages|no\. of pages|base year|release date|released|release|published|publication date|"
    r"author|authors|publisher|published by))\s*:\s*(?P<value>[^|\n\r]+)"
)
_SENTENCE_MARKET = re.compile(
    r"\b(?i:the\s+)(?:(?i:global|worldwide)\s+)?(?P<market>[\w&+/ -]{3,60}?)\s+"
    r"(?i:market\s+(?:size|is|was|will|revenue|value|has|had|stood|reached|accounted))\b"
)
# Markdown and rich-text markers around a title line: "# X Market", "**X Market**".
_MARKUP = re.compile(r"^[#*_\s]+|[*_\s]+$")
_PUBLISHER_NAME = r"(?P<publisher>[A-Z][\w&'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’-]*){0,5})"
_PUBLISHER_PATTERNS = (
    re.compile(r"\b(?i:published|provided|compiled|prepared)\s+(?i:by)\s+" + _PUBLISHER_NAME),
    re.compile(
        r"(?i:according\s+to\s+(?:a|an|the)\s+(?:new\s+|latest\s+|recent\s+)?"
        r"(?:report|study|analysis|research(?:\s+report)?)(?:\s+(?:published|released))?\s+by)\s+" + _PUBLISHER_NAME
    ),
    re.compile(_PUBLISHER_NAME + r",?\s+(?i:a\s+(?:leading\s+|global\s+)?market\s+research\s+(?:firm|company))"),
    re.compile(
        r"(?:©|\((?i:c)\)|(?i:copyright)(?:\s+©)?)\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?\s+)?"
        + _PUBLISHER_NAME
    ),
)
_TRADEMARKS = re.compile(r"[™®]|\s+(?i:all\s+rights\s+reserved).*$")
_MAX_TITLE_LENGTH = 90
_TITLE_SEARCH_LINES = 40
_PUBLISHER_HEADER_LINES = 8


def _title_line(sentences: list[Sentence]) -> tuple[str, str] | None:
    """(title, market) from the first short heading-like line that names a market (no sentence punctuation)."""
    for position, sentence in enumerate(sentences[:_TITLE_SEARCH_LINES]):
        line = _MARKUP.sub("", sentence.text)
        too_long = len(line) > _MAX_TITLE_LENGTH and position >= _TITLE_LINES_OF_ANY_LENGTH
        if too_long or line.endswith((".", "?", "!", ":")):
            continue
        match = _TITLE.match(line)
        if match:
            # "Markt für PEM-Elektrolyseure / German PEM Electrolyser Market": the name next to "Market"
            market = match.group("market").rsplit(" / ", 1)[-1].strip(" ,:|–-")
            return line, market
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


def _publisher_in_header(sentences: list[Sentence]) -> str | None:
    """A firm's name standing alone in a header cell: 'Fortitude Market Insights | Aerospace & Defense'."""
    for sentence in sentences[:_PUBLISHER_HEADER_LINES]:
        for cell in _CELL_SEPARATOR.split(_MARKUP.sub("", sentence.text)):
            match = _ORGANISATION.fullmatch(cell.strip())
            if match:
                return match.group("publisher")
    return None


def _publisher_in_text(text: str) -> str | None:
    """'Published by Acme Research', 'according to a new report by Acme Research', '© 2025 Acme'."""
    for pattern in _PUBLISHER_PATTERNS:
        match = pattern.search(text)
        if match:
            publisher = _TRADEMARKS.sub("", match.group("publisher")).strip(" .,")
            if publisher:
                return publisher
    return None


def apply_sidecar(metadata: ReportMetadata, sidecar: dict | None) -> ReportMetadata:
    """An analyst's "<file>.meta.json" states what the page may not; where both say something, the sidecar wins."""
    if not sidecar:
        return metadata
    updates = {key: sidecar[key] for key in ("publisher", "market", "title", "released_month") if sidecar.get(key)}
    if isinstance(sidecar.get("base_year"), int):
        updates["base_year"] = sidecar["base_year"]
    return replace(metadata, **updates)


def extract_metadata(text: str, sentences: list[Sentence]) -> ReportMetadata:
    title_match = _title_line(sentences)
    title = title_match[0] if title_match else None
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
        publisher=(
            publisher_field[0].strip()
            if publisher_field
            else _publisher_in_header(sentences) or _publisher_in_text(text)
        ),
        quote=header.text if header else None,
        char_start=header.char_start if header else None,
        char_end=header.char_end if header else None,
    )
