"""Split a document into sentences with exact character offsets.

Lines come first (report pages put headings, bullets and list items on lines of their own), then sentence ends
inside a line. Bullet markers and list numbers in front of a sentence are left out of its span.
"""

from __future__ import annotations

import bisect
import re

from pipelines.extract.records import Sentence

_LINE = re.compile(r"[^\r\n]+")
# Prose wrapped at a fixed width ("... with a CAGR of 10.20% during" / "the forecast period."): a line that does not
# end a sentence, a heading or a cell goes on into the next when that one starts in lower case, or when it stops
# on a word no sentence ends with.
_LINE_GOES_ON = re.compile(r"[^.!?:;|\s]\s*$")
_LINE_GOES_ON_WORD = re.compile(
    r"\b(?i:the|of|and|or|a|an|in|to|for|by|with|from|at|on|during|than|as|is|was|are|were|be|will|its|their"
    # "... and is expected to reach" / "$838 million by 2023"
    r"|reach|reached|about|around|nearly|approximately|over|worth|valued|totaled|totalled|hit|exceed)\s*$"
)
# A line that opens in lower case, on a currency symbol or on a bracket goes on the line before it.
_CONTINUATION_START = re.compile(r"\s*(?:[a-z$€£¥]|\((?:CAGR\b|[a-z]))")
_WRAPPED_LINE_WORDS = 6
# A table written one cell per line: "Market Size in 2025 |" then "USD 185.07 Billion |", read as one row.
_LABEL_CELL = re.compile(r"^[^|\d]*(?:(?:19|20)\d{2}[^|\d]*)?\|\s*$")
_VALUE_CELL = re.compile(r"^[^|]{0,40}\d[^|]{0,30}\|?\s*$")
_CELL_WORDS = 8
_WORD_START = re.compile(r"\s*[A-Za-z0-9$]")
# A sentence ends at . ! or ? followed by whitespace and something that can start a sentence.
_SENTENCE_END = re.compile(r"[.!?](?=[\"'”’)]?\s+[\"'“‘(]?[A-Z0-9•])")
# A bullet's dash, not a minus sign: "-2.00 %" on a line of its own keeps its sign
_LEADING_MARKER = re.compile(r"(?:[\s\u2022\u25cf\u25aa\u2023\u2013\u2014*·]|-(?!\d))*(?:\(?\d{1,2}[.)]\s+)?")
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "ltd",
        "corp",
        "co",
        "plc",
        "llc",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "nv",
        "dr",
        "mr",
        "mrs",
        "ms",
        "vs",
        "etc",
        "no",
        "approx",
        "est",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "fig",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "st",
        "mt",
        "rs",  # "Rs. 4 lakh crore": rupees
    ]
)
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_LONGEST_ABBREVIATED_WORD = 30  # a word before a full stop is looked for this far back only
# Abbreviations that also end sentences ("... from Gartner, Inc.", "... in the U.S."), when a sentence's usual
# opening word follows.
_SENTENCE_CAN_END_WITH = frozenset({"inc", "ltd", "corp", "co", "plc", "llc", "gmbh", "ag", "sa", "etc", "u.s", "u.k"})
_SENTENCE_OPENING = re.compile(
    r"\s+(?:In|The|This|These|That|However|It|Its|According|With|For|As|On|At|Meanwhile|Moreover|Furthermore"
    r"|Additionally|Also|Overall|By|From|During|While|Over)\b"
)


def _ends_with_abbreviation(line: str, dot: int) -> bool:
    if line[:dot].strip().isdigit():
        return True  # "1. The market ..." is a numbered list item, not a sentence "1."
    word = _WORD_BEFORE.search(line, max(0, dot - _LONGEST_ABBREVIATED_WORD), dot)
    if word is None:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in _SENTENCE_CAN_END_WITH and _SENTENCE_OPENING.match(line, dot + 1):
        return False  # "according to Gartner, Inc. In 2024, the market ...": the firm's name ends the sentence
    # Single capital letters ("Versha V. Kumar", "U.S.") are initials, not sentence ends.
    return token in _ABBREVIATIONS or len(token) == 1


def _trimmed(text: str, start: int, end: int) -> Sentence | None:
    marker = _LEADING_MARKER.match(text, start, end)
    if marker:
        start = marker.end()
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    return Sentence(start, end, text[start:end])


def _wrapped_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, lines of wrapped prose joined into one."""
    lines: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        # most lines end a sentence: only a line that does not, or a cell ending in "|", can go on
        if lines and text[lines[-1][1] - 1] not in ".!?" and text[lines[-1][1] : line.start()].count("\n") == 1:
            previous = text[lines[-1][0] : lines[-1][1]]
            # wrapped prose runs in long lines; a stat card's "61.49 %" over "value share, ..." is no sentence
            # and lines that open alike ("svg icon Study Period ...", "svg icon CAGR ...") are a list
            opens_alike = previous.split()[:1] == line.group(0).split()[:1]
            if (
                len(previous.split()) >= _WRAPPED_LINE_WORDS
                and not opens_alike
                and _LINE_GOES_ON.search(previous)
                and (
                    _CONTINUATION_START.match(line.group(0))
                    or (_LINE_GOES_ON_WORD.search(previous) and _WORD_START.match(line.group(0)))
                )
            ):
                lines[-1] = (lines[-1][0], line.end())
                continue
            if (
                _LABEL_CELL.match(previous)
                and len(previous.split()) <= _CELL_WORDS
                and _VALUE_CELL.match(line.group(0))
                and not _LABEL_CELL.match(line.group(0))
            ):
                lines[-1] = (lines[-1][0], line.end())
                continue
        lines.append((line.start(), line.end()))
    return lines


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, each with ``text[char_start:char_end] == sentence.text``."""
    sentences: list[Sentence] = []
    for line_start, line_end in _wrapped_lines(text):
        line_text = text[line_start:line_end]
        piece_start = 0
        for end in _SENTENCE_END.finditer(line_text):
            if _ends_with_abbreviation(line_text, end.start()):
                continue
            sentence = _trimmed(text, line_start + piece_start, line_start + end.end())
            if sentence:
                sentences.append(sentence)
            piece_start = end.end()
        sentence = _trimmed(text, line_start + piece_start, line_end)
        if sentence:
            sentences.append(sentence)
    return sentences


_GLUED_ITEM_NUMBER = re.compile(r"^[ \t]*[-•*][ \t]*(?P<digits>\d+)(?=\S)", re.MULTILINE)
_SHORTEST_NUMBERED_RUN = 3


def numbered_items_masked(text: str) -> str:
    """``text`` with the numbers of a numbered list glued to their items blanked out, same length: statistics
    pages render "- 1The market was valued ...", "- 785% of patents ..." (item 7: 85%). A run of three or more bullet
    lines whose digits start with 1, 2, 3, ... in turn holds such numbers; each loses its own number's digits."""
    masked = list(text)
    run: list[re.Match] = []

    def close_run() -> None:
        if len(run) >= _SHORTEST_NUMBERED_RUN:
            for number, match in enumerate(run, start=1):
                start = match.start("digits")
                masked[start : start + len(str(number))] = " " * len(str(number))
        run.clear()

    for match in _GLUED_ITEM_NUMBER.finditer(text):
        expected = str(len(run) + 1)
        if match.group("digits").startswith(expected) and (not run or _only_blank_lines_between(text, run[-1], match)):
            run.append(match)
            continue
        close_run()
        if match.group("digits").startswith("1"):
            run.append(match)
    close_run()
    return "".join(masked) if masked != list(text) else text


def _only_blank_lines_between(text: str, previous: re.Match, following: re.Match) -> bool:
    """Whether ``following`` is on the next line after ``previous``'s line, or after blank lines only."""
    rest_of_line = text.find("\n", previous.end())
    return rest_of_line >= 0 and not text[rest_of_line : following.start()].strip()


class SentenceIndex:
    """Finds the sentence that holds a character offset (one bisect per lookup)."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [sentence.char_start for sentence in sentences]

    def position_of(self, offset: int) -> int | None:
        position = bisect.bisect_right(self._starts, offset) - 1
        if position >= 0 and offset < self.sentences[position].char_end:
            return position
        return None
