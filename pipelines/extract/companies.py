"""The key companies a page names, in the page's order, each with its exact span.

Two layouts are read; the first that yields any name wins:

* a list under a heading such as ``Key Companies in Space Mining Market:``, ``Key Players``, ``Major companies``,
  ``Top 10 companies``, ``Companies profiled``: one name per line (bulleted, numbered or bare), until the next
  heading, a line that reads as prose, a change of bullet style or a wider gap between lines than the list uses;
* a sentence such as ``Major companies operating in the ... market are A, B, C, and D.`` or
  ``Key players include ...``, split on commas and "and".

Corporate suffixes stay with their name: "OffWorld, Inc." is one company, as are "X, Ltd.", "X, LLC", "X, S.A.".
The same company named twice ("Alpha Mining" and "Alpha Mining, Inc.") is kept once, at its first appearance.

The name helpers (``name_run_end``, ``split_names``, ``name_words``) are shared with ``developments``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.extract.key_words import sentences_with_key_words
from pipelines.extract.records import Company, Sentence

_LIST_HEADING = re.compile(
    r"(?i)^(?:(?:list|some)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:key|major|top|leading|prominent|main|notable)\s+(?:\d+\s+)?(?:market\s+)?"
    r"(?:companies|players|vendors|manufacturers|participants|competitors)"
    r"|(?:companies|players|vendors)\s+(?:profiled|covered))\b"
    # A heading names the list and stops; "Key players are investing ..." is prose, not a heading.
    r"(?:(?!\b(?:are|is|were|was|include[sd]?|including|have|has)\b)[^.!?:]){0,80}:?$"
)
_LIST_SENTENCE = re.compile(
    r"(?i:\b(?:key|major|leading|prominent|top|main|notable|dominant)\s+(?:\d+\s+)?(?:market\s+)?"
    r"(?:companies|players|vendors|manufacturers|participants|competitors)\b|\bcompanies\s+profiled\b)"
    r".*?(?:\b(?:are|include|includes|including|such\s+as|comprise|comprises)\s+|:\s+)"
)
_LIST_SENTENCE_WORDS = ("companies", "players", "vendors", "manufacturers", "participants", "competitors")
# Words that make a line a section heading rather than a company name.
_HEADING_WORD = re.compile(
    r"(?i)\b(?:developments?|news|questions|faqs?|segmentation|analysis|overview|landscape|methodology|contents"
    r"|conclusions?|summary|outlook|insights|highlights|report|forecast)\b"
)
_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W_]+")
_NAME_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_COMMA_SEPARATOR = re.compile(r",\s*")
# Lower-case words that still belong to a name: "ispace, inc.", "Acme llc".
_LOWERCASE_SUFFIX = re.compile(r"(?:inc|ltd|corp|co)\.|llc|plc|gmbh|s\.a\.|n\.v\.|b\.v\.")

_SUFFIX_WORDS = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "lp", "corp", "corporation", "co", "company", "plc",
        "gmbh", "ag", "sa", "sas", "spa", "nv", "bv", "pty", "sdn", "bhd", "srl", "kk", "ab", "oy", "se",
    }
)  # fmt: skip
# Suffixes whose full stop is part of the name ("Vermeer Corp."), unlike a sentence's ("Acme Limited.", "Acme LLC.").
_ABBREVIATED_SUFFIXES = frozenset({"inc", "ltd", "corp", "co", "pty", "bhd"})
# "for" is left out: "partnered with NASA for Artemis missions" must end the name at "NASA".
_CONNECTORS = frozenset({"and", "&", "of", "de", "du", "del", "der", "la", "le", "van", "von", "y", "und", "et"})
_OPENING_QUOTES = "(\"'\u201c\u2018"
_TRAILING_PUNCTUATION = ",;:!?"
_MAX_NAME_WORDS = 8


def name_words(name: str) -> tuple[str, ...]:
    """'OffWorld, Inc.' → ('offworld', 'inc'): the words of a name, whatever its case, spacing and punctuation."""
    return tuple(_WORD.findall(name.casefold().replace(".", "")))


def company_identity(name: str) -> tuple[str, ...]:
    """What makes two mentions the same company: its words without trailing corporate suffixes."""
    words = list(name_words(name))
    while len(words) > 1 and words[-1] in _SUFFIX_WORDS:
        words.pop()
    return tuple(words)


def _ends_with_abbreviation(name: str) -> bool:
    """True for "Corp." or an initialism ("S.A.", "U.S."), whose last full stop belongs to the name."""
    words = name.split()
    if not words or not words[-1].endswith("."):
        return False
    last = words[-1]
    last_words = name_words(last)
    return "." in last[:-1] or (len(last_words) == 1 and last_words[0] in _ABBREVIATED_SUFFIXES)


def _is_suffix_only(piece: str) -> bool:
    """'Inc.', 'S.A.', 'Pty Ltd': a piece that completes the name before it rather than naming a company."""
    words = name_words(piece)
    return bool(words) and all(word in _SUFFIX_WORDS for word in words)


def _trimmed_name(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces and trailing punctuation, keeping the dot of "Inc." or "Corp."."""
    while start < end and text[start].isspace():
        start += 1
    while end > start:
        last = text[end - 1]
        is_stray_full_stop = last == "." and not _ends_with_abbreviation(text[start:end])
        if not (last.isspace() or last in _TRAILING_PUNCTUATION or is_stray_full_stop):
            break
        end -= 1
    return start, end


def split_names(text: str, start: int, end: int, *, split_on_and: bool = True) -> list[tuple[int, int]]:
    """Spans of the names in 'A, B Ltd., and C, Inc.' → 'A', 'B Ltd.', 'C, Inc.' (suffixes stay with their name)."""
    separator = _NAME_SEPARATOR if split_on_and else _COMMA_SEPARATOR
    pieces = []
    piece_start = start
    for match in separator.finditer(text, start, end):
        pieces.append((piece_start, match.start()))
        piece_start = match.end()
    pieces.append((piece_start, end))
    names: list[tuple[int, int]] = []
    for piece_start, piece_end in pieces:
        piece_start, piece_end = _trimmed_name(text, piece_start, piece_end)
        if piece_start == piece_end or not name_words(text[piece_start:piece_end]):
            continue
        if names and _is_suffix_only(text[piece_start:piece_end]):
            names[-1] = (names[-1][0], piece_end)
        else:
            names.append((piece_start, piece_end))
    return names


def _known_name_end(text: str, start: int, end: int, known: Sequence[str]) -> int | None:
    """End of a known company name written at ``start`` (any case), if one is; ``known`` is longest first."""
    for name in known:
        name_end = start + len(name)
        if name_end > end:
            continue
        at_word_end = name_end == len(text) or not text[name_end].isalnum()
        if at_word_end and text[start:name_end].casefold() == name.casefold():
            return name_end
    return None


def _follows_comma(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position >= 0 and text[position] == ","


def _is_name_word(text: str, token: re.Match[str]) -> bool:
    word = token.group(0)
    first = word.lstrip(_OPENING_QUOTES)[:1]
    if first.isupper():
        return True
    if first.isdigit():
        return any(character.isalpha() for character in word)  # "3M", not "45.5" or "2027"
    if _LOWERCASE_SUFFIX.fullmatch(word.rstrip(",;")):
        return True
    # A lower-case item between commas is a list item ("Moon Express, ispace, Asteroid Mining Corporation").
    return word.endswith(",") and _follows_comma(text, token.start())


def name_run_end(text: str, start: int, end: int, known: Sequence[str] = ()) -> int:
    """End of the run of name-like words that starts at ``start`` (``start`` itself when there is none).

    Capitalised words, corporate suffixes and known company names (any case) belong to the run; connectors
    ("and", "of", "&") and stray punctuation belong to it only when a name word follows. The run stops at the
    first other word: usually the verb ("Karman+ raised ...") or what follows a name ("Vermeer Corp. to unveil").
    """
    known_longest_first = sorted(known, key=len, reverse=True)
    run_end = position = start
    after_closing_suffix = False
    while (token := _TOKEN.search(text, position, end)) is not None:
        known_end = _known_name_end(text, token.start(), end, known_longest_first)
        if known_end is not None:
            run_end = position = known_end
            after_closing_suffix = False
            continue
        word = token.group(0)
        if _is_name_word(text, token):
            # "Inc." or "Ltd." closes a name; a capital right after it starts the next sentence, which the
            # splitter cannot see ("... and Gamma Space, Inc. They compete ...").
            if after_closing_suffix and not _is_suffix_only(word):
                break
            run_end = token.end()
            after_closing_suffix = word.endswith(".") and _is_suffix_only(word)
        elif word.casefold() in _CONNECTORS or not name_words(word):
            after_closing_suffix = False
        else:
            break
        position = token.end()
    return run_end


def _is_whole_line(text: str, sentences: list[Sentence], index: int) -> bool:
    """True when nothing but a bullet or a list number shares the sentence's line."""
    sentence = sentences[index]
    before = text[sentences[index - 1].char_end : sentence.char_start] if index > 0 else "\n"
    after = text[sentence.char_end : sentences[index + 1].char_start] if index + 1 < len(sentences) else "\n"
    return "\n" in before and ("\n" in after or sentence.char_end == len(text))


def _has_bullet(text: str, sentence: Sentence) -> bool:
    line_start = text.rfind("\n", 0, sentence.char_start) + 1
    return bool(text[line_start : sentence.char_start].strip())


def _reads_as_names(line: str) -> bool:
    if line.endswith(":") or _HEADING_WORD.search(line):
        return False
    if line.endswith((".", "!", "?")) and not _ends_with_abbreviation(line):
        return False
    return all(len(piece.split()) <= _MAX_NAME_WORDS for piece in line.split(","))


def _list_lines_after(text: str, sentences: list[Sentence], heading_index: int) -> list[Sentence]:
    """The one-name lines under a heading, until the list's layout or content changes."""
    items: list[Sentence] = []
    bulleted = False
    item_gap: int | None = None
    for index in range(heading_index + 1, len(sentences)):
        line = sentences[index]
        if not _is_whole_line(text, sentences, index) or not _reads_as_names(line.text):
            break
        if items:
            gap = text.count("\n", items[-1].char_end, line.char_start)
            if _has_bullet(text, line) != bulleted or (item_gap is not None and gap > item_gap):
                break
            item_gap = gap if item_gap is None else item_gap
        else:
            bulleted = _has_bullet(text, line)
        items.append(line)
    return items


def _names_in_heading_lists(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for index, sentence in enumerate(sentences):
        if _LIST_HEADING.match(sentence.text) and _is_whole_line(text, sentences, index):
            for line in _list_lines_after(text, sentences, index):
                spans.extend(split_names(text, line.char_start, line.char_end, split_on_and=False))
    return spans


def _names_in_list_sentences(text: str, sentences: list[Sentence]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for sentence in sentences_with_key_words(text, sentences, _LIST_SENTENCE_WORDS):
        cue = _LIST_SENTENCE.search(sentence.text)
        if cue is None:
            continue
        list_start = sentence.char_start + cue.end()
        spans.extend(split_names(text, list_start, name_run_end(text, list_start, sentence.char_end)))
    return spans


def _numbered_companies(text: str, spans: list[tuple[int, int]]) -> tuple[Company, ...]:
    """One record per company, at its first appearance, numbered from 1."""
    companies: list[Company] = []
    seen: set[tuple[str, ...]] = set()
    for start, end in spans:
        name = text[start:end]
        identity = company_identity(name)
        if identity in seen:
            continue
        seen.add(identity)
        companies.append(Company(name, len(companies) + 1, name, start, end))
    return tuple(companies)


def extract_companies(text: str, sentences: list[Sentence]) -> tuple[Company, ...]:
    """The key companies of the page: from a heading list if it has one, else from a 'key players are ...' sentence."""
    spans = _names_in_heading_lists(text, sentences) or _names_in_list_sentences(text, sentences)
    return _numbered_companies(text, spans)
