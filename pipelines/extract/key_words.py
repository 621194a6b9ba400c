"""Which sentences can hold a match of a costly case-insensitive pattern, judged by key words every match contains.

re tries a case-insensitive alternation at every position of a text; ``str.find`` finds a lower-case word in the
text's ``str.lower()`` far faster. The two agree on every character but 'İ', 'ı' and 'ſ', which re matches to
'i', 'i' and 's' and ``str.lower`` does not lower to them (tests/test_key_words.py checks all of Unicode); a text
holding one of those keeps every sentence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from pipelines.extract.records import Sentence

_LOWER_DISAGREES_WITH_IGNORECASE = re.compile("[\u0130\u0131\u017f]")


def lower_case_agrees_with_re(text: str) -> bool:
    """Whether ``text.lower()`` keeps every offset and reads as re's case-insensitive matching reads ``text``."""
    return _LOWER_DISAGREES_WITH_IGNORECASE.search(text) is None


_AS_RE_READS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def lowered_as_re_reads(word: str) -> str:
    """A word re matched case-insensitively, lowered to the spelling it was matched as: 'bıllıon' → 'billion'."""
    return word.translate(_AS_RE_READS).lower()


def sentences_with_key_words(text: str, sentences: list[Sentence], words: tuple[str, ...]) -> list[Sentence]:
    """The sentences of ``text`` in which one of the lower-case ``words`` is written, in any case (or every
    sentence when the text holds a character on which lower-casing and re disagree)."""
    if not lower_case_agrees_with_re(text):
        return sentences
    lowered = text.lower()
    starts = sorted(start for word in words for start in _starts_of(word, lowered))
    kept = []
    for sentence in sentences:
        first_inside = bisect.bisect_left(starts, sentence.char_start)
        if first_inside < len(starts) and starts[first_inside] < sentence.char_end:
            kept.append(sentence)
    return kept


def _starts_of(word: str, text: str) -> Iterator[int]:
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)
