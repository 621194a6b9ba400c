"""Dated developments: 'In February 2025, Karman+ raised USD 20 million ...'.

A development is a sentence that opens with a month and year ("In February 2025, ...", "On March 3, 2024, ...",
"February 2025: ...") and goes on with the companies that act and what they did. The month stays month precision
('2025-02'); a stated day is read past, never stored, and no day is invented. "In the U.S., ..." or
"In March 2024, the market grew ..." are not developments: the first has no month, the second no company.

``companies`` lists the actors, lead first: the names before the verb, then the partners the sentence introduces
("partnered with X", "collaborated with X", "signed ... with X", "agreement(s) with X", "acquired X"). A name that
obviously refers to a known company ("Interlune" → "Interlune Corporation", "ispace, inc." → "ispace") takes the
known company's name; any other name is kept as written, trimmed of trailing punctuation.

``kind`` comes from the first verb phrase of this vocabulary after the actors:

* funding: raised, secured/closed/received funding, financing, investment or a round
* acquisition: acquired, merged, completed the acquisition
* contract: awarded/won/secured/signed a contract, was awarded
* approval: received/obtained/was granted approval, a licence, clearance, certification or a permit
* partnership: partnered, collaborated, teamed up, signed/entered/formed a memorandum, agreement or partnership
* launch: launched, unveiled, introduced, released, rolled out
* milestone: completed/confirmed testing, a trial or a demonstration; achieved; reached a milestone
* other: none of the above

The deal amount is the first amount the sentence states (``numbers.find_money``): ``amount_usd_m`` only when it is
in US dollars (``USD``, ``US$``, a bare ``$``), ``amount_currency`` the currency as normalised by ``numbers``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipelines.extract.companies import company_identity, name_run_end, name_words, split_names
from pipelines.extract.numbers import find_money, find_months
from pipelines.extract.records import Development, Sentence

_DATED_OPENING = re.compile(
    r"(?:(?:In|On|During)\s+)?(?:(?:early|mid|late)[\s-]+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
    r"(?P<month>[A-Z][a-z]{2,8})\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?(?P<year>(?:19|20)\d{2})\b"
    r"(?![-\u2013\u2014]\d)\s*[,:;\u2013\u2014-]?\s*"
)
_LEADING_ARTICLE = re.compile(r"[Tt]he\s+")
_STARTS_WITH_VERB = re.compile(r"[\s,]*[a-z]")
_PARTNER_CUE = re.compile(
    r"\b(?:(?:partnered|collaborated|teamed\s+up|joined\s+forces|merged|partnerships?|collaborations?|agreements?"
    r"|contracts?|deals?|memorandum\s+of\s+understanding|MoU)\s+with"
    r"|signed(?:\s+[\w-]+){1,6}?\s+with"
    r"|acquired|agreed\s+to\s+acquire|acquisition\s+of)\s+"
)
# Words that start with a capital but name no company ("In March 2024, the Company ...").
_GENERIC_ACTORS = frozenset(
    {"company", "companies", "firm", "firms", "market", "industry", "government", "report", "segment", "region"}
)

# Up to five words between a verb and its object: "closed a USD 20 million seed round".
_GAP = r"(?:\s+\S+){0,5}?\s+"
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "funding",
        re.compile(
            rf"\b(?:rais(?:ed|es)\b|(?:secured|closed|received|completed|announced){_GAP}"
            r"(?:funding|financing|investments?|capital|round|grants?)\b)"
        ),
    ),
    (
        "acquisition",
        re.compile(
            r"\b(?:acquired|acquires|merged|merges|agreed\s+to\s+acquire"
            r"|(?:completed|announced|finali[sz]ed)\s+(?:the|its)\s+acquisition)\b"
        ),
    ),
    (
        "contract",
        re.compile(rf"\b(?:(?:awarded|won|secured|received|signed|landed){_GAP}contracts?|(?:was|were)\s+awarded)\b"),
    ),
    (
        "approval",
        re.compile(
            rf"\b(?:(?:received|obtained|secured|won|gained|(?:was|were)\s+granted){_GAP}"
            r"(?:approvals?|licen[cs]es?|clearances?|certifications?|authori[sz]ations?|permits?)|(?:was|were)\s+granted)\b"
        ),
    ),
    (
        "partnership",
        re.compile(
            rf"\b(?:partnered|collaborated|teamed\s+up|joined\s+forces|(?:signed|entered|formed|announced|established)"
            rf"{_GAP}(?:memorandum|MoU|MOU|agreements?|partnerships?|collaborations?|alliances?|joint\s+ventures?"
            r"|letters?\s+of\s+intent))\b"
        ),
    ),
    (
        "launch",
        re.compile(
            r"\b(?:launched|unveiled|introduced|released|debuted|rolled\s+out"
            r"|announced\s+the\s+(?:launch|introduction|release))\b"
        ),
    ),
    (
        "milestone",
        re.compile(
            rf"\b(?:(?:completed|confirmed|concluded|passed|conducted){_GAP}"
            r"(?:tests?|testing|trials?|demonstrations?|validation|qualification)"
            rf"|achieved|reached{_GAP}milestones?|successfully\s+(?:tested|demonstrated|completed|landed|deployed))\b"
        ),
    ),
)


def _opening_month(sentence: Sentence) -> tuple[str, int] | None:
    """('2025-02', offset after the opening) for 'In February 2025, ...'; None when the sentence opens otherwise."""
    opening = _DATED_OPENING.match(sentence.text)
    if opening is None:
        return None
    months = find_months(f"{opening.group('month')} {opening.group('year')}")
    if not months:
        return None  # a capitalised word before a year that is not a month: "In Europe 2024 ..."
    return months[0].month, sentence.char_start + opening.end()


def known_company_name(name: str, known_companies: Sequence[str]) -> str:
    """The known company ``name`` obviously refers to ('Interlune' → 'Interlune Corporation'), else ``name``."""
    words = name_words(name)
    known_words = [(known, name_words(known)) for known in known_companies]
    for known, candidate in known_words:
        if candidate == words:
            return known
    # The name starts with a known company ("ispace, inc."): the longest such company is the one meant.
    starts_with_known = [
        (len(candidate), known) for known, candidate in known_words if words[: len(candidate)] == candidate
    ]
    if starts_with_known:
        return max(starts_with_known)[1]
    for known, candidate in known_words:
        if candidate[: len(words)] == words:
            return known
    return name


def _name_run(text: str, start: int, end: int, known_companies: Sequence[str]) -> tuple[int, int]:
    """The span of the names that start at ``start``, after a leading "the" ("with the U.S. Department of ...")."""
    article = _LEADING_ARTICLE.match(text, start, end)
    if article:
        start = article.end()
    return start, name_run_end(text, start, end, known_companies)


def _resolved_names(text: str, start: int, end: int, known_companies: Sequence[str]) -> list[str]:
    """The company names in a run, each resolved against the known companies."""
    names = []
    for name_start, name_end in split_names(text, start, end):
        name = text[name_start:name_end]
        if any(character.isalpha() for character in name) and name.casefold() not in _GENERIC_ACTORS:
            names.append(known_company_name(name, known_companies))
    return names


def _partners(text: str, start: int, end: int, known_companies: Sequence[str]) -> list[str]:
    partners = []
    for cue in _PARTNER_CUE.finditer(text, start, end):
        partners.extend(_resolved_names(text, *_name_run(text, cue.end(), end, known_companies), known_companies))
    return partners


def _kind(text: str, start: int, end: int) -> str:
    """The kind of the earliest vocabulary verb phrase; on a tie, the earlier kind in the vocabulary."""
    found = []
    for order, (kind, pattern) in enumerate(_KINDS):
        match = pattern.search(text, start, end)
        if match:
            found.append((match.start(), order, kind))
    return min(found)[2] if found else "other"


def _deal_amount(quote: str) -> tuple[float | None, str | None]:
    for money in find_money(quote):
        if money.problem is None:
            usd_millions = float(money.low_millions) if money.currency == "USD" else None
            return usd_millions, money.currency
    return None, None


def _unique_names(names: list[str]) -> tuple[str, ...]:
    by_identity: dict[tuple[str, ...], str] = {}
    for name in names:
        by_identity.setdefault(company_identity(name), name)
    return tuple(by_identity.values())


def _development(text: str, sentence: Sentence, known_companies: Sequence[str]) -> Development | None:
    opening = _opening_month(sentence)
    if opening is None:
        return None
    month, after_opening = opening
    subject_start, subject_end = _name_run(text, after_opening, sentence.char_end, known_companies)
    actors = _resolved_names(text, subject_start, subject_end, known_companies)
    if not actors or not _STARTS_WITH_VERB.match(text, subject_end, sentence.char_end):
        return None
    partners = _partners(text, subject_end, sentence.char_end, known_companies)
    amount_usd_m, amount_currency = _deal_amount(sentence.text)
    return Development(
        month=month,
        kind=_kind(text, subject_end, sentence.char_end),
        companies=_unique_names(actors + partners),
        amount_usd_m=amount_usd_m,
        amount_currency=amount_currency,
        quote=sentence.text,
        char_start=sentence.char_start,
        char_end=sentence.char_end,
    )


def extract_developments(
    text: str, sentences: list[Sentence], known_companies: tuple[str, ...]
) -> tuple[Development, ...]:
    """Every dated development in document order; a sentence the page repeats word for word is kept once."""
    developments = []
    seen_quotes: set[str] = set()
    for sentence in sentences:
        development = _development(text, sentence, known_companies)
        if development is None:
            continue
        quote_key = " ".join(development.quote.split())
        if quote_key not in seen_quotes:
            seen_quotes.add(quote_key)
            developments.append(development)
    return tuple(developments)
