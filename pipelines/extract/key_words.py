"""Which sentences can hold a match of a costly case-insensitive pattern, judged by key words every match contains.

re tries a case-insensitive alternation at every position of a text; ``str.find`` finds a lower-case word in the
text's ``str.lower()`` far faster. The two agree on every character but 'İ', 'ı' and 'ſ', which re matches to
'i', 'i' and 's' and ``str.lower`` does not lower to them (tests/test_key_words.py checks all of Unicode); a text
holding one of those keeps every sentence.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator

from pipelines.extract.records import Sentence

_LOWER_DISAGREES_WITH_IGNORECASE = re.compile("[\u0130\u0131\u017f]")


def lower_case_agrees_with_re(text: str) -> bool:
    """Whether ``text.lower()`` keeps every offset and reads as re's case-insensitive matching reads ``text``."""
    return _LOWER_DISAGREES_WITH_IGNORECASE.search(text) is None


@functools.lru_cache(maxsize=8)
def lower_cased_for_re(text: str) -> str | None:
    """``text.lower()``, or None when lower-casing does not read ``text`` as re's case-insensitive matching does.
    Cached: a page's rules ask for it many times."""
    return text.lower() if lower_case_agrees_with_re(text) else None


_AS_RE_READS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def lowered_as_re_reads(word: str) -> str:
    """A word re matched case-insensitively, lowered to the spelling it was matched as: 'bıllıon' → 'billion'."""
    return word.translate(_AS_RE_READS).lower()


def sentences_with_key_words(text: str, sentences: list[Sentence], words: tuple[str, ...]) -> list[Sentence]:
    """The sentences of ``text`` in which one of the lower-case ``words`` is written, in any case (or every
    sentence when the text holds a character on which lower-casing and re disagree)."""
    lowered = lower_cased_for_re(text)
    if lowered is None:
        return sentences
    starts = sorted(start for word in words for start in _starts_of(word, lowered))
    kept = []
    for sentence in sentences:
        first_inside = bisect.bisect_left(starts, sentence.char_start)
        if first_inside < len(starts) and starts[first_inside] < sentence.char_end:
            kept.append(sentence)
    return kept


def matches_where_they_can_be(
    pattern: re.Pattern, text: str, *, starts_with: tuple[str, ...] = (), holds: re.Pattern | None = None
) -> Iterator[re.Match]:
    """The matches ``pattern.finditer(text)`` finds, the pattern tried only where it can match: where one of the
    lower-case words ``starts_with`` is written in any case (every match starts with one of them), and only in a text
    whose lower-cased form ``holds`` finds something in (every match holds that, in any case). A text holding a
    character on which lower-casing and re disagree is searched everywhere."""
    lowered = lower_cased_for_re(text)
    if lowered is None:
        yield from pattern.finditer(text)
        return
    if holds is not None and holds.search(lowered) is None:
        return
    if not starts_with:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in sorted({start for word in starts_with for start in _starts_of(word, lowered)}):
        if start >= end and (match := pattern.match(text, start)) is not None:
            yield match
            end = match.end()


def _starts_of(word: str, text: str) -> Iterator[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)
