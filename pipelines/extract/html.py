"""Reduce an HTML page to the plain text a reader sees, one block per line.

Python's own ``html.parser`` does the tokenising (entities decoded, malformed markup tolerated). Block elements
become line breaks, list items become bullets, table cells are joined with `` | `` so that a flattened table reads
like the publishers' "Report Attribute | Details" rows; script, style and other invisible elements are dropped.
Every quote and span of an HTML report indexes into this text, which the warehouse keeps beside the facts.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "ul",
    ]
)
_INVISIBLE_ELEMENTS = frozenset(["script", "style", "noscript", "template", "svg", "iframe", "object", "head"])
_VISIBLE_IN_HEAD = frozenset({"title"})
_CELL_ELEMENTS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden_depth = 0
        self.in_title = False
        self.cells_in_row = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in _VISIBLE_IN_HEAD:
            self.in_title = True
        elif tag in _INVISIBLE_ELEMENTS:
            self.hidden_depth += 1
        if self.hidden_depth and not self.in_title:
            return
        if tag == "br":
            self.parts.append("\n")
        elif tag == "tr":
            self.parts.append("\n")
            self.cells_in_row = 0
        elif tag in _CELL_ELEMENTS:
            if self.cells_in_row:
                self.parts.append(" | ")
            self.cells_in_row += 1
        elif tag == "li":
            self.parts.append("\n• ")
        elif tag in _BLOCK_ELEMENTS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VISIBLE_IN_HEAD:
            self.in_title = False
            self.parts.append("\n\n")
        elif tag in _INVISIBLE_ELEMENTS:
            self.hidden_depth = max(0, self.hidden_depth - 1)
        elif not self.hidden_depth and tag in _BLOCK_ELEMENTS and tag not in _CELL_ELEMENTS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.hidden_depth and not self.in_title:
            return
        # Collapse markup whitespace (newlines, tabs) but keep non-breaking spaces, which the page shows.
        self.parts.append(_SPACES.sub(" ", data))


def html_to_text(html: str) -> str:
    """The visible text of ``html``: blocks on their own lines, at most one blank line between them."""
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = [line.strip(" ") for line in "".join(parser.parts).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n") + "\n"
