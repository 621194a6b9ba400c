"""Which sentences can hold a match of a costly case-insensitive pattern, judged by key words every match contains.

re tries a case-insensitive alternation at every position of a text; a lower-case word is found in the text's
``str.lower()`` by a literal search that skips along the text. The two agree on every character but 'İ', 'ı' and
'ſ', which re matches to 'i', 'i' and 's' and ``str.lower`` does not lower to them (tests/test_key_words.py checks
all of Unicode); a text holding one of those keeps every sentence.
"""

from __future__ import annotations

import bisect
import re

from pipelines.extract.records import Sentence

_LOWER_DISAGREES_WITH_IGNORECASE = re.compile("[\u0130\u0131\u017f]")


def lower_case_agrees_with_re(text: str) -> bool:
    """Whether ``text.lower()`` keeps every offset and reads as re's case-insensitive matching reads ``text``."""
    return _LOWER_DISAGREES_WITH_IGNORECASE.search(text) is None


def key_words(*words: str) -> re.Pattern[str]:
    """A pattern for lower-case ``words``, to find them in a lower-cased text."""
    return re.compile("|".join(re.escape(word) for word in words))


def sentences_with_key_words(text: str, sentences: list[Sentence], words: re.Pattern[str]) -> list[Sentence]:
    """The sentences of ``text`` in which one of ``words`` is written, in any case (or every sentence when the
    text holds a character on which lower-casing and re disagree)."""
    if not lower_case_agrees_with_re(text):
        return sentences
    # A word inside a sentence is found, or covered by a word found just before it: either overlaps the sentence.
    found = [(match.start(), match.end()) for match in words.finditer(text.lower())]
    ends = [end for _, end in found]
    kept = []
    for sentence in sentences:
        first_ending_inside = bisect.bisect_right(ends, sentence.char_start)
        if first_ending_inside < len(found) and found[first_ending_inside][0] < sentence.char_end:
            kept.append(sentence)
    return kept
