"""Many names in one pattern for lower-cased text, the names sharing their beginnings (a trie).

re tries the branches of an alternation one after another at every position of a text. With a gazetteer's
150 names that is slow even when gathered by first letter; as a trie, re follows one character at a time.

The pattern finds, at each position, the first name in the given order that matches there, as the plain
alternation does: names that can match at the same position lie on one path of the trie, and at every node
the names ending there are placed before or after the longer names below it by their order. Where that order
cannot be kept (a name ending there falls between longer ones), no trie is built.

It is run on ``text.lower()``, for ASCII names only: the caller checks that lower-casing agrees with re's
case-insensitive matching on the text (see key_words.py), and checks names that must keep their capitals
("US", not the pronoun "us") against the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# What stands between the words of a name: spaces, "-", and the typographic hyphens pages use ("Asia\u2011Pacific").
SEPARATOR_CHARACTERS = r"\s\-\u2010-\u2013"
WORD_SEPARATOR = f"[{SEPARATOR_CHARACTERS}]+"

SEPARATOR = " "  # stands for a run of spaces and hyphens between the words of a name
BEFORE_SEGMENT_WORD = r"(?=\s+(?i:segment|category))"  # "Others" only as "the others segment"


@dataclass(frozen=True)
class TrieName:
    name: str
    group: str
    exact_case: bool  # "US" only in capitals
    before_segment_word: bool  # "Others" only as "the others segment"


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ending: list[tuple[int, str, TrieName]] = field(default_factory=list)  # (order, group, name) ending here
    orders: list[int] = field(default_factory=list)  # orders of every name ending here or below


def spellings(name: str, exact_case: bool) -> list[str]:
    """The name in lower case as the exact pattern reads it, words joined by SEPARATOR; "&" and "and" between
    words both ways. 'Middle East & Africa' → ['middle east & africa', 'middle east and africa']."""
    if exact_case:
        return [name.lower()]
    written = [""]
    for index, word in enumerate(re.split(WORD_SEPARATOR, name.strip())):
        words = ("&", "and") if word in ("&", "and") else (word.lower(),)
        joint = SEPARATOR if index else ""
        written = [before + joint + spelling for before in written for spelling in words]
    return written


def trie_pattern(names: list[TrieName]) -> str | None:
    """A pattern (without the look-behind at its start) that finds the first of ``names``, in their order,
    at each position of lower-cased text. An empty group ends each spelling of a name: the name's group,
    "_" and the spelling's number (see ``group_of``). None when a name is not ASCII, starts or ends with a
    separator, or the order cannot be kept."""
    root = _Node()
    for order, entry in enumerate(names):
        if not entry.name.isascii():
            return None
        for number, spelling in enumerate(spellings(entry.name, entry.exact_case)):
            if not spelling or spelling.startswith(SEPARATOR) or spelling.endswith(SEPARATOR):
                return None
            node = root
            node.orders.append(order)
            for character in spelling:
                node = node.children.setdefault(character, _Node())
                node.orders.append(order)
            node.ending.append((order, f"{entry.group}_{number}", entry))
    return _node_pattern(root)


def group_of(spelling_group: str) -> str:
    """The name's group of a spelling's group: 'n12_1' → 'n12'."""
    return spelling_group.rpartition("_")[0]


def _node_pattern(node: _Node) -> str | None:
    ending_orders = [order for order, _, _ in node.ending]
    before, after = [], []
    for character, child in node.children.items():
        child_pattern = _node_pattern(child)
        if child_pattern is None:
            return None
        edge = WORD_SEPARATOR if character == SEPARATOR else re.escape(character)
        if not ending_orders or max(child.orders) < min(ending_orders):
            before.append(edge + child_pattern)
        elif min(child.orders) > max(ending_orders):
            after.append(edge + child_pattern)
        else:
            return None
    ending = [
        (BEFORE_SEGMENT_WORD if entry.before_segment_word else "") + rf"(?![\w$])(?P<{group}>)"
        for _, group, entry in sorted(node.ending, key=lambda item: item[0])
    ]
    branches = before + ending + after
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
