"""The segmentation a page declares: dimensions with their members, regions with their countries.

Two layouts are read, and merged in order of appearance:

* a scope table flattened to lines: ``By Asteroid`` on one line, ``C-type, S-type, M-type, Others`` on the next;
  for regions one line per region, ``Europe: France, UK, Rest of Europe``;
* an inline list: ``By Mission Phase (Spacecraft Design & Engineering, Launch Services, and Mining Operations)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pipelines.extract.geography import canonical_region, is_known_place
from pipelines.extract.key_words import matches_where_they_can_be, sentences_with_key_words
from pipelines.extract.records import RegionCountry, SegmentMember, Sentence, Taxonomy

_BY_HEADING = re.compile(r"^By\s+(?P<label>[A-Z][\w&/ -]{1,40}?)\s*:?$")
# A dimension's label: one to four words, none of them "by" ("Link Type", "End-Use Industry").
_LABEL = r"(?!(?i:by)\b)[A-Za-z][\w&/-]*(?:\s+(?!(?i:by)\b)[\w&/-]+){0,3}?"
# "... by Application (Ferries, Tugboats), Technology (Fuel Cells, Engines), and Region": a label and its
# members in parentheses, the first introduced by "by", the next ones by a comma, "and" or "|".
_LABELLED_GROUP = re.compile(
    rf"(?:\b(?i:by)|,|\b(?i:and)\b|\|)\s*(?:(?i:and|by)\s+)*(?P<label>{_LABEL})\s*\((?P<members>[^()]+)\)"
)
_GROUP_LIST_CUE = re.compile(
    r"(?i:segmented\s+by|segments?\s+(?:covered|tracked|included)|segment(?:s|ation)?\s+(?:the\s+market\s+)?by"
    r"|market\s+(?:is\s+)?(?:segmented\s+)?by|report\s+by)|\b(?i:by)\s+" + _LABEL + r"\s*\("
)
# Every cue holds one of these words.
_GROUP_LIST_CUE_WORDS = ("by", "covered", "tracked", "included")
# "By Technology: Air-to-Water, Air-to-Air. By Building Type: ..." and "- **By Region:** North America, Europe"
_BY_COLON = re.compile(
    r"\b(?i:by)\s+(?P<label>[A-Z][\w&/ -]{1,40}?)[*_]*\s*:\s*[*_]*\s*(?P<members>[^:|\n();]+?)"
    r"\s*(?=\.\s+(?i:by)\s|\.?\s*$|\.?\s*\n|\s\||\s*[;)])",
    re.MULTILINE,
)
# "Segments tracked: Solar PV, Onshore Wind." / "Geographies covered | North America, Europe, and Rest of the World"
_COVERED_LIST = re.compile(
    r"^(?P<label>(?i:segments?|geograph(?:y|ies)|regions?))\s+(?i:tracked|covered|analy[sz]ed|included)\s*[:|]\s*"
    r"(?P<members>[^()\n]+?)\.?$",
    re.MULTILINE,
)
# Items that name dimensions rather than members ("Segments covered | Application, Technology, and Region").
_DIMENSION_WORDS = frozenset(
    {"application", "applications", "type", "types", "technology", "component", "region", "regions", "geography",
     "end user", "end use", "end-use", "product", "products", "service", "services", "deployment", "vertical",
     "industry", "source", "material", "platform", "channel", "distribution channel", "capacity", "microbe"}
)  # fmt: skip
_REGION_LINE = re.compile(r"^(?P<region>[A-Z][\w&.' -]{1,40}?)\s*(?::|\()\s*(?P<countries>[^()]+?)\)?$")
_LIST_ITEM = re.compile(r"[^,;]+")
_REGION_LABELS = frozenset({"region", "regions", "geography", "geographies", "geographic region", "geographic"})
_TYPE_SUFFIX = re.compile(r"[\s-]type$", re.IGNORECASE)
_GENERIC_MEMBERS = frozenset({"others", "other", "rest of the world", "rest of world"})
_MAX_MEMBER_LENGTH = 60
# "North America, Europe, and More", "Hardware, Software, etc.": the tail says the list goes on; it names nothing.
_LIST_TAIL = re.compile(r"^(?i:(?:and\s+|&\s+)?(?:many\s+)?more|etc\.?|and\s+so\s+on|so\s+on)$")
_TRAILING_ETC = re.compile(r"(?:,?\s+(?i:etc)\.?)$")
# "by one year (USD 1,095 million in 2023, USD 2,082 million by 2032, 7.4%)": figures in brackets, not members.
_FIGURE_IN_ITEM = re.compile(
    r"\d\s?(?:%|(?i:per\s?cent|million|billion|trillion|mn|bn)\b)|(?:USD|US\$|EUR|[$€£])\s?\d|^\d[\d.,]*$"
)
_PLACES_JOINED = re.compile(r"\s+(?:and|&)\s+")


def _list_items(text: str, offset: int) -> Iterator[tuple[str, int, int]]:
    """'A, B, and C' → ('A', start, end), ... with absolute offsets; 'and'/'or' before the last item dropped."""
    for match in _LIST_ITEM.finditer(text):
        start, end = match.start(), match.end()
        item = match.group(0)
        leading = len(item) - len(item.lstrip())
        start += leading
        item = item.strip()
        for conjunction in ("and ", "or "):
            if item.startswith(conjunction):
                start += len(conjunction)
                item = item[len(conjunction) :].lstrip()
        trailing = _TRAILING_ETC.search(item)
        if trailing and trailing.start() > 0:
            item = item[: trailing.start()]
        end = start + len(item)
        if item and len(item) <= _MAX_MEMBER_LENGTH and not _LIST_TAIL.match(item):
            yield item, offset + start, offset + end


def _places(item: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """'Latin America and Middle East & Africa' → two places, where the page lists them in one item and each half
    is a known place; anything else as it is."""
    for joint in _PLACES_JOINED.finditer(item):
        left, right = item[: joint.start()], item[joint.end() :]
        if is_known_place(left) and is_known_place(right):
            return [(left, start, start + len(left)), (right, start + joint.end(), end)]
    return [(item, start, end)]


def _region_row(item: str, country: str | None, position: int, text: str, start: int, end: int) -> RegionCountry:
    return RegionCountry(canonical_region(item), country, position, text[start:end], start, end)


def dimension_name(label: str, members: list[str]) -> str:
    """'Asteroid' with members 'C-type, S-type' → 'asteroid type'; 'Mission Phase' → 'mission phase'."""
    name = " ".join(label.lower().split())
    named = [member for member in members if member.lower() not in _GENERIC_MEMBERS]
    if named and not name.endswith("type") and all(_TYPE_SUFFIX.search(member) for member in named):
        name += " type"
    return name


def _is_region_label(label: str) -> bool:
    return " ".join(label.lower().split()) in _REGION_LABELS


def _segment_rows(label: str, items: list[tuple[str, int, int]], text: str) -> list[SegmentMember]:
    dimension = dimension_name(label, [item for item, _, _ in items])
    return [
        SegmentMember(dimension, item, position, text[start:end], start, end)
        for position, (item, start, end) in enumerate(items, start=1)
    ]


def _region_rows_from_lines(lines: list[Sentence], text: str) -> list[RegionCountry]:
    rows = []
    for line in lines:
        match = _REGION_LINE.match(line.text)
        if match:
            region = canonical_region(match.group("region").strip())
            countries_offset = line.char_start + match.start("countries")
            for position, (country, start, end) in enumerate(
                _list_items(match.group("countries"), countries_offset), start=1
            ):
                rows.append(RegionCountry(region, country, position, text[start:end], start, end))
        else:
            for listed, listed_start, listed_end in _list_items(line.text, line.char_start):
                for item, start, end in _places(listed, listed_start, listed_end):
                    rows.append(_region_row(item, None, 0, text, start, end))
    return rows


def _scope_table(sentences: list[Sentence], text: str) -> tuple[list[SegmentMember], list[RegionCountry]]:
    segments: list[SegmentMember] = []
    regions: list[RegionCountry] = []
    position = 0
    while position < len(sentences):
        heading = _BY_HEADING.match(sentences[position].text)
        position += 1
        if not heading:
            continue
        label = heading.group("label")
        body: list[Sentence] = []
        while position < len(sentences) and not _BY_HEADING.match(sentences[position].text):
            line = sentences[position]
            # The list ends at prose: a line that reads as a sentence, or a heading without any list in it.
            if line.text.endswith((".", "?", "!")) or ("," not in line.text and ":" not in line.text):
                break
            body.append(line)
            position += 1
            if not _is_region_label(label):
                break  # a segment dimension lists its members on a single line
        if not body:
            continue
        if _is_region_label(label):
            regions.extend(_region_rows_from_lines(body, text))
        else:
            segments.extend(_segment_rows(label, list(_list_items(body[0].text, body[0].char_start)), text))
    return segments, regions


def _add_group(label: str, items, text: str, segments: list, regions: list) -> None:
    if _is_region_label(label):
        regions.extend(
            _region_row(item, None, 0, text, start, end) for listed in items for item, start, end in _places(*listed)
        )
    else:
        segments.extend(_segment_rows(label, items, text))


def _inline_lists(text: str, sentences: list[Sentence]) -> tuple[list[SegmentMember], list[RegionCountry]]:
    """Lists written inside prose or on one line: 'by Label (a, b), Label (c, d)', 'By Label: a, b, c'."""
    segments: list[SegmentMember] = []
    regions: list[RegionCountry] = []
    for sentence in sentences_with_key_words(text, sentences, _GROUP_LIST_CUE_WORDS):
        if "(" not in sentence.text or not _GROUP_LIST_CUE.search(sentence.text):  # every group has "(members)"
            continue
        for match in _LABELLED_GROUP.finditer(sentence.text):
            items = list(_list_items(match.group("members"), sentence.char_start + match.start("members")))
            if len(items) >= 2 and not any(_FIGURE_IN_ITEM.search(item) for item, _, _ in items):
                _add_group(match.group("label"), items, text, segments, regions)
    for match in matches_where_they_can_be(_BY_COLON, text, starts_with=("by",)):
        items = list(_list_items(match.group("members"), match.start("members")))
        # "By Type: Steel scrap constitutes 65%, followed by iron scrap at 25%": prose with figures, not a list
        if len(items) >= 2 and not any(_FIGURE_IN_ITEM.search(item) for item, _, _ in items):
            _add_group(match.group("label"), items, text, segments, regions)
    for match in matches_where_they_can_be(_COVERED_LIST, text, starts_with=("segment", "geograph", "region")):
        items = list(_list_items(match.group("members"), match.start("members")))
        if len(items) < 2 or any(item.lower() in _DIMENSION_WORDS for item, _, _ in items):
            continue
        label = "region" if match.group("label").lower().startswith(("geograph", "region")) else "segment"
        _add_group(label, items, text, segments, regions)
    return segments, regions


def _merge_segments(*sources: list[SegmentMember]) -> tuple[SegmentMember, ...]:
    """The first listing of a member wins; later listings add members it did not have."""
    merged: dict[tuple[str, str], SegmentMember] = {}
    for rows in sources:
        for row in rows:
            merged.setdefault((row.dimension, row.member.lower()), row)
    counters: dict[str, int] = {}
    renumbered = []
    for row in merged.values():
        counters[row.dimension] = counters.get(row.dimension, 0) + 1
        renumbered.append(
            SegmentMember(row.dimension, row.member, counters[row.dimension], row.quote, row.char_start, row.char_end)
        )
    return tuple(renumbered)


def _merge_regions(*sources: list[RegionCountry]) -> tuple[RegionCountry, ...]:
    merged: dict[tuple[str, str | None], RegionCountry] = {}
    regions_with_countries = {row.region.lower() for rows in sources for row in rows if row.country}
    for rows in sources:
        for row in rows:
            if row.country is None and row.region.lower() in regions_with_countries:
                continue
            merged.setdefault((row.region.lower(), (row.country or "").lower()), row)
    return tuple(merged.values())


def extract_taxonomy(text: str, sentences: list[Sentence]) -> Taxonomy:
    table_segments, table_regions = _scope_table(sentences, text)
    inline_segments, inline_regions = _inline_lists(text, sentences)
    return Taxonomy(
        segments=_merge_segments(table_segments, inline_segments),
        regions=_merge_regions(table_regions, inline_regions),
    )
