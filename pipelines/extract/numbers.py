"""Find money amounts, percentages and years in text, with their exact spans.

One regex pass per kind over the whole document; callers assign hits to sentences afterwards. Numbers are parsed
with ``Decimal`` so that "USD 2.05 billion" is exactly 2050 USD millions, not 2049.9999999999998.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from pipelines.extract.key_words import lowered_as_re_reads, matches_where_they_can_be

_CURRENCIES = {
    "usd": "USD",
    "us$": "USD",
    "$us": "USD",
    "$ us": "USD",
    "u.s.$": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "us dollar": "USD",
    "u.s. dollar": "USD",
    "dollars": "USD",
    "dollar": "USD",
    # A bare "$" on an English report page means US dollars; other dollars carry their prefix (A$, C$, ...).
    # figure_text keeps the symbol exactly as written.
    "$": "USD",
    "a$": "AUD",
    "au$": "AUD",
    "aud$": "AUD",  # "AUD$83.75 Billion": the code and the symbol
    "cad$": "CAD",
    "nzd$": "NZD",
    "sgd$": "SGD",
    "c$": "CAD",
    "ca$": "CAD",
    "nz$": "NZD",
    "s$": "SGD",
    "hk$": "HKD",
    "eur": "EUR",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "gbp": "GBP",
    "£": "GBP",
    "jpy": "JPY",
    "¥": "JPY",
    "inr": "INR",
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "cny": "CNY",
    "aed": "AED",
    "dh": "AED",  # "Dh17.72 billion": the UAE dirham as Gulf newspapers write it
    "yen": "JPY",  # "827.2 billion yen"
    "yuan": "CNY",
    "rupees": "INR",
    # "from 310 billion baht to 760 billion baht by 2027": currencies written as a word after the scale
    "baht": "THB",
    "ringgit": "MYR",
    "rupiah": "IDR",
    "naira": "NGN",
    "pesos": "MXN",
    "rubles": "RUB",
    "roubles": "RUB",
    "dirhams": "AED",
    "riyals": "SAR",
    "rmb": "CNY",
    "nok": "NOK",
    "sek": "SEK",
    "dkk": "DKK",
    "chf": "CHF",
    "brl": "BRL",
    "zar": "ZAR",
    "krw": "KRW",
    "rm": "MYR",  # "RM511mil": the Malaysian ringgit as Malaysian papers write it
    "norwegian kroner": "NOK",
    "norwegian krone": "NOK",
    "danish kroner": "DKK",
    "danish krone": "DKK",
    "swedish kronor": "SEK",
    "swedish krona": "SEK",
    "swiss francs": "CHF",
    "brazilian reais": "BRL",
    "reais": "BRL",
    "south african rand": "ZAR",
    "korean won": "KRW",
    "south korean won": "KRW",
}
# "61 billion kroner" on a page that has said "Norwegian kroner": the currency its adjective named
_KRONER = frozenset({"kroner", "krone", "kronor", "krona"})
SCALES_IN_MILLIONS = {
    "thousand": Decimal("0.001"),
    "k": Decimal("0.001"),
    "million": Decimal(1),
    "mn": Decimal(1),
    "mln": Decimal(1),
    "m": Decimal(1),
    "billion": Decimal(1000),
    "bn": Decimal(1000),
    "bln": Decimal(1000),  # "$13.5 bln"
    "bil": Decimal(1000),  # "US$261.5bil", "RM511mil": as Malaysian papers write them
    "mil": Decimal(1),
    "b": Decimal(1000),
    "trillion": Decimal(1_000_000),
    # the Indian scale: "₹3,200 crore" (ten million), "Rs 5 lakh" (a hundred thousand), "Rs 85 lakh crore"
    "crore": Decimal(10),
    "lakh": Decimal("0.1"),
    "lakh crore": Decimal(1_000_000),
    "l crore": Decimal(1_000_000),  # "₹6.7L crore", as Indian headlines shorten it
    "lcrore": Decimal(1_000_000),
    "tn": Decimal(1_000_000),
    "t": Decimal(1_000_000),
}

# The whole numeric token, separators included, so that "1.234,56" is never read as "1.234";
# parse_number decides whether it is unambiguous.
_NUMBER = r"\d(?:[\d.,]*\d)?"
_WHITESPACE_RUN = re.compile(r"\s+")
_PLAIN_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_THOUSANDS_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
# "33 500 million Euro": thousands grouped by a space (or a no-break or thin space), as European pages write them
_SPACE_GROUPED = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d|[.,]\d)"
_SPACE_GROUPED_NUMBER = re.compile(_SPACE_GROUPED)
_INDIAN_GROUPED_NUMBER = re.compile(r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?")
# Each branch starts with a plain character (a symbol not after a letter is tested after it), so that re's search
# skips straight to the characters a currency can start with.
_CURRENCY_SYMBOLS = "|".join(f"{re.escape(symbol)}(?<![A-Za-z]{re.escape(symbol)})" for symbol in "$€£¥₹")
_CURRENCY = (
    # dollars of other countries, one branch per first letter: "AUD$", "AU$", "A$", "CAD$", "CA$", "C$", ...
    rf"U\.S\.\s?\$|US\s?\$|\$\s?US(?=\s?\d)|USD|US\s+dollars|A(?:UD\$?|U\$|\$)|C(?:AD\$?|A\$|\$)|NZD?\$|NZD"
    rf"|HK\$|S(?:GD\$?|\$)|EUR|GBP|JPY|INR|CNY|AED|Dh(?=\s?\d)|NOK|SEK|DKK|CHF|BRL|ZAR|KRW"
    rf"|RMB|RM(?=\s?\d)|Rs\.?(?=\s?\d)|{_CURRENCY_SYMBOLS}"
)
_SCALE_WORD = (
    r"(?i:thousand|million|billion|trillion|lakh\s+crore|(?<=\d)l\s?crore|crore|lakh|mln|mn|bln|bn|tn|bil|mil)\b"
)
# A single letter counts as a scale only when it touches the number: "$4.5B", not "$4.5 b".
_SCALE_LETTER = r"[KMBTkmbt]\b"
_RANGE_JOIN = r"\s?(?:-|–|—|to)\s?"

_MONEY = re.compile(
    rf"(?P<currency>{_CURRENCY})\s?(?P<sign>[-−])?\s?"
    rf"(?P<low>{_SPACE_GROUPED}(?=\s{{0,2}}{_SCALE_WORD})|{_NUMBER})(?:{_RANGE_JOIN}(?:{_CURRENCY})?\s?(?P<high>{_NUMBER}))?"
    # "USD 14758Â Billion": a no-break space that was decoded twice ("Â" and the space) still joins number and scale
    # "US$6142  mln": two spaces are still one gap
    # "US$150-billion": a hyphen joins them in some newsrooms' style
    rf"(?:(?:\u00c2(?=\s))?(?:\s{{0,2}}|-)(?P<scale>{_SCALE_WORD})|(?P<letter>{_SCALE_LETTER}))?"
)
# "38.5 billion USD", "1.38 (USD Billion)": the currency after the amount.
# "1.444 USD Billion": the currency between the amount and its scale.
# "9.99 trillion JPY in fiscal 2017": ISO codes of other currencies, written after the scale
_ISO_CODES_WRITTEN_AFTER = "JPY|CNY|RMB|INR|AUD|CAD|SGD|HKD|NZD|AED|KRW|ZAR|BRL"
# "310 billion baht", "9 billion euros": currencies written as a word after the scale
_CURRENCY_WORDS_AFTER = "euros?|yen|yuan|rupees|reais|baht|ringgit|rupiah|naira|pesos|rubles|roubles|dirhams|riyals"
_SCALE_THEN_CURRENCY = (
    rf"\s?(?P<scale>{_SCALE_WORD})\s+(?P<currency>USD|EUR|GBP|NOK|SEK|DKK|CHF|{_ISO_CODES_WRITTEN_AFTER}"
    r"|(?:U\.?S\.?\s+)?dollars"
    rf"|(?i:{_CURRENCY_WORDS_AFTER})"
    r"|(?:(?:Norwegian|Danish|Swedish)\s+)?(?i:kroner|krone|kronor|krona)|Swiss\s+francs|(?:South\s+African\s+)?rand"
    r"|(?:South\s+)?Korean\s+won|Brazilian\s+reais)\b"
    rf"|\s*\(\s*(?P<currency2>USD|US\$|EUR|GBP)\s+(?P<scale2>{_SCALE_WORD})\s*\)"
    rf"|\s(?P<currency3>USD|EUR|GBP)\s(?P<scale3>{_SCALE_WORD})"
)
_MONEY_CURRENCY_AFTER = re.compile(
    rf"(?<![\w.,$€£¥₹])(?!(?:19|20)\d{{2}}\b)(?P<low>{_SPACE_GROUPED}|{_NUMBER})"
    rf"(?:{_RANGE_JOIN}(?!(?:19|20)\d{{2}}\b)(?P<high>{_NUMBER}))?"
    rf"(?:{_SCALE_THEN_CURRENCY})"
)
# Most pages never write the currency after the amount: one quick search spares the slow pattern. Every scale
# word ends in "d", "n", "e" or "h" ("million USD", "crore", "lakh"); a search that starts with a character class
# skips along the text.
_ANY_SCALE_THEN_CURRENCY = re.compile(
    r"(?-i:[dnehDNEH(\x80-\U0010ffff])"
    r"(?:(?<=(?i:[dneh]))\s+(?:USD|EUR|GBP|NOK|SEK|DKK|CHF|" + _ISO_CODES_WRITTEN_AFTER + r"|(?:U\.?S\.?\s+)?dollars"
    rf"|(?i:{_CURRENCY_WORDS_AFTER})"
    r"|Norwegian|Danish|Swedish|Swiss|South|Korean|Brazilian|(?i:kroner|krone|kronor|krona)|rand)\b"
    r"|(?<=\()\s*(?:USD|US\$|EUR|GBP)\s)"
)
_ANY_CURRENCY_THEN_SCALE = re.compile(r"\d\s(?:USD|EUR|GBP)\s(?i:thousand|million|billion|trillion|mln|mn|bln|bn|tn)\b")
# "a CAGR of 25.08 during the forecast period": a growth rate written without its percent sign.
_BARE_CAGR = re.compile(
    r"(?i:\bcagr|compound annual growth rate)\)?(?:\s*\((?i:cagr)\))?\s*(?:(?i:of|at|was|is|:)\s*)?"
    r"(?:(?i:about|around|approximately|nearly|roughly|over|close to|an estimated)\s+)?"
    r"(?P<low>\d{1,3}(?:\.\d+)?)(?![\d,]|\.\d|\s?%|\s?(?i:per\s?cent)|\s?(?:-|–|—|to)\s?\d)"
)
_BARE_CAGR_STARTS = ("cagr", "compound annual growth rate")
_A_PERCENTAGE_RIGHT_BEFORE = re.compile(r"\d\s?(?:%|(?i:per\s?cent|percent))\s*$")
# "grow from 734.81 billion in 2024 to USD 932.11 billion": the first amount takes the currency of the second.
_FROM_BARE_TO_CURRENCY = re.compile(
    rf"\b(?i:from)\s+(?P<low>{_NUMBER})\s?(?P<scale>{_SCALE_WORD})(?P<high>)"
    rf"(?=(?:\s+(?i:in|by)\s+(?:19|20)\d{{2}})?\s+(?i:to)\s+(?P<currency>{_CURRENCY})\s?\d)"
)
# "to reach a market size of USD 113.1 billion by 2025 from 101.7 billion in 2019": the amount it grows from, in the
# currency of the one before it
_CURRENCY_THEN_FROM_BARE = re.compile(
    rf"(?P<currency>{_CURRENCY})\s?{_NUMBER}\s?{_SCALE_WORD}(?:\s+(?i:in|by)\s+(?:19|20)\d{{2}})?\s+(?i:from)\s+"
    rf"(?P<low>{_NUMBER})\s?(?P<scale>{_SCALE_WORD})(?P<high>)(?!\s?(?:{_CURRENCY}))"
)
_BARE_AMOUNTS = (_FROM_BARE_TO_CURRENCY, _CURRENCY_THEN_FROM_BARE)
# A four-digit year of the two centuries pages write about.
A_YEAR = re.compile(r"(?:19|20)\d{2}")
_PERCENT = re.compile(rf"(?P<low>{_NUMBER})(?:\s?%?{_RANGE_JOIN}(?P<high>{_NUMBER}))?\s?(?:%|(?i:per\s?cent)\b)")
# A year starts with "FY", "19" or "20". Year patterns have one branch for each start, which tests the character
# before it afterwards: a pattern that starts with a plain character lets re's search skip to where one can start.
# "FY14": a fiscal year written with two digits is of this century.
_YEAR_STARTS = (("F", r"Y\s?(?:(?:19|20)\d{2}|\d{2})"), ("1", r"9\d{2}"), ("2", r"0\d{2}"))
# "2025-2032", "FY2024-FY2026", "2025 to 32": the first year and the last (its two or four digits) are the first and
# the last run of digits of the match.
# A dash whose UTF-8 bytes were decoded as Windows-1252 or Thai by the page's publisher: "2025â€“2033",
# "2025โ€“2033", "2026ā2050" (the page is stored as it came; the range is read through it).
_GARBLED_DASH = "â€“|â€”|โ€“|โ€”|ā"
_YEAR_RANGE = re.compile(
    "|".join(
        rf"{start}(?<![\d.,]{start}){year}\s?(?:-|–|—|to|through|until|till|and|{_GARBLED_DASH})\s?(?:FY\s?)?(?:(?:19|20)\d{{2}}|\d{{2}})"
        r"(?![\d.,]*\d)(?!\s?[-–—]\s?\d)"  # "2018 and 2019-2021": not a range that ends in 2019
        for start, year in _YEAR_STARTS
    )
)
_DIGITS = re.compile(r"\d+")
# "FY2025" or "2025", neither after a digit or a currency nor before more digits (a decimal point and a digit
# included, unless they are a footnote's number at a sentence's end: "reaching $9.8 billion by 2021.1 One of the
# key factors", "by 2028.5" at a line's end); the year is the last four characters of the match.
_FOOTNOTE_END = r"\d?(?:\s*\n|\s*$|\s+(?!(?i:million|billion|trillion|thousand|mn|bn|mln|bln)\b)[A-Z])"
_YEAR = re.compile(
    "|".join(
        # "2018-11-20": a date, not a year a figure is for
        rf"{start}(?<![\d.,$€£]{start}){year}(?!\d|\.\d(?!{_FOOTNOTE_END})|,\d{{3}}|-[01]\d-[0-3]\d)"
        for start, year in _YEAR_STARTS
    )
)
# "in 1850", "by 3032": a year a report cannot mean, read as a year so that validation can say so.
_IMPLAUSIBLE_YEAR_NUMBER = r"(?P<year>1[0-8]\d{2}|2[1-9]\d{2}|[3-9]\d{3})(?![\d]|[.,]\d)"
_IMPLAUSIBLE_YEAR = re.compile(r"\b(?i:in|by|for|through|until|till|from)\s+" + _IMPLAUSIBLE_YEAR_NUMBER)
# The same number after any space: a quick search that most pages fail. It starts with the number's first digit
# (the space before it tested after it), so that re's search skips along the text to the digits.
_SPACE_THEN_IMPLAUSIBLE_YEAR = re.compile(
    r"[1-9](?<=\s[1-9])(?:(?<=1)[0-8]\d{2}|(?<=2)[1-9]\d{2}|(?<=[3-9])\d{3})(?![\d]|[.,]\d)"
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# A month's name, written out or shortened ("April", "Apr", "Sept"), without the shortening's full stop
MONTH_NAME = (
    r"(?i:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_NAME})\.?,?\s+(?P<year>(?:19|20)\d{{2}})\b")


def currency_code(written: str) -> str:
    """The ISO code of a currency as a page writes it: 'US$', '$', 'U.S. dollars' → 'USD'; '€', 'euros' → 'EUR'."""
    word = _WHITESPACE_RUN.sub(" ", written.strip().lower()).replace("us $", "us$").replace("u.s. $", "u.s.$")
    return _CURRENCIES.get(word, word.upper())


_A_WRITTEN_SCALE = re.compile(rf"{_SCALE_WORD}|\d{_SCALE_LETTER}")


def written_with_a_scale(amount_text: str) -> bool:
    """Whether an amount as the page writes it names its scale ("$4.5 billion", "$4.5B"), not just "$691.5"."""
    return _A_WRITTEN_SCALE.search(amount_text) is not None


def scale_in_millions(written: str) -> Decimal:
    """How many millions one unit of a scale word is: 'billion', 'Bn', 'B' → 1000."""
    return SCALES_IN_MILLIONS[_WHITESPACE_RUN.sub(" ", lowered_as_re_reads(written))]


class AmbiguousNumberError(ValueError):
    """A number whose meaning cannot be known without guessing (e.g. a decimal comma)."""


def rounding_of(number: Decimal) -> Decimal:
    """Half a unit of the last digit as written: how far the true figure may be from it.

    Decimal('2754.6') → 0.05, Decimal('20') → 0.5.
    """
    exponent = number.as_tuple().exponent
    return Decimal(5).scaleb(exponent - 1) if isinstance(exponent, int) else Decimal(0)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    text: str
    currency: str
    low_millions: Decimal
    high_millions: Decimal | None
    rounding_millions: Decimal
    problem: str | None  # why the amount cannot be used as stated, if it cannot


@dataclass(frozen=True)
class Percent:
    start: int
    end: int
    text: str
    low: Decimal
    high: Decimal | None
    rounding: Decimal
    problem: str | None


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    year: int


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int
    first_year: int
    last_year: int


@dataclass(frozen=True)
class MonthMention:
    start: int
    end: int
    month: str  # 'YYYY-MM'


def parse_number(text: str) -> Decimal:
    """'2,754.6' → Decimal('2754.6'). A comma that is not a thousands separator is refused, never guessed."""
    if _PLAIN_NUMBER.fullmatch(text):
        return Decimal(text)
    if _THOUSANDS_NUMBER.fullmatch(text):
        return Decimal(text.replace(",", ""))
    if _SPACE_GROUPED_NUMBER.fullmatch(text):
        return Decimal(re.sub(r"\D", "", text))
    if _INDIAN_GROUPED_NUMBER.fullmatch(text):
        return Decimal(text.replace(",", ""))  # "Rs1,81,490 crore": lakhs and crores grouped by two digits
    if "," in text:
        raise AmbiguousNumberError(f'"{text}": decimal comma is ambiguous')
    raise AmbiguousNumberError(f'"{text}": not a number in a form that can be read without guessing')


def find_money(text: str) -> list[Money]:
    """Every amount with a currency marker before or after it, normalised to millions of its currency."""
    matches = [(match, "currency", "scale") for match in _MONEY.finditer(text)]
    taken = [(match.start(), match.end()) for match, _, _ in matches]
    currency_after = (
        _MONEY_CURRENCY_AFTER.finditer(text)
        if _ANY_SCALE_THEN_CURRENCY.search(text) or _ANY_CURRENCY_THEN_SCALE.search(text)
        else ()
    )
    for match in currency_after:
        if not any(start < match.end() and match.start() < end for start, end in taken):
            groups = next(
                (f"currency{suffix}", f"scale{suffix}") for suffix in ("", "2", "3") if match.group(f"currency{suffix}")
            )
            matches.append((match, *groups))
            taken.append((match.start(), match.end()))
    from_bare = (
        [*matches_where_they_can_be(_FROM_BARE_TO_CURRENCY, text, starts_with=("from",)),
         *_CURRENCY_THEN_FROM_BARE.finditer(text)]
        if " from " in text
        else []
    )  # fmt: skip
    for match in from_bare:
        if not any(start < match.end("scale") and match.start("low") < end for start, end in taken):
            matches.append((match, "currency", "scale"))
    words = _AMOUNT_IN_WORDS.finditer(text) if "dollar" in text or "euro" in text else ()
    for match in words:
        if not any(start < match.end() and match.start() < end for start, end in taken):
            matches.append((match, "currency", "scale"))
    amounts = []
    for match, currency_group, scale_group in sorted(matches, key=lambda item: _amount_start(item[0])):
        scale_word = match.group(scale_group)
        if scale_word is None and match.re is _MONEY:
            scale_word = match.group("letter")
        currency = currency_code(match.group(currency_group))
        if currency.lower() in _KRONER:
            currency = _kroner_of_the_page(text) or currency
        elif currency == "JPY" and match.group(currency_group) == "¥" and _a_page_about_china(text):
            currency = "CNY"  # "China's luxury goods market is expected to grow to ¥816 bln": yuan
        scale = scale_in_millions(scale_word) if scale_word else Decimal("0.000001")
        problem = None
        if match.re is _MONEY and match.group("sign"):
            problem = "a negative amount cannot be a market size"
        try:
            stated = (
                _number_in_words(match.group("low"))
                if match.re is _AMOUNT_IN_WORDS
                else parse_number(match.group("low"))
            )
            low = stated * scale
            high = parse_number(match.group("high")) * scale if match.group("high") else None
        except AmbiguousNumberError as error:
            stated, low, high, problem = Decimal(0), Decimal(0), None, str(error)
        start = _amount_start(match)
        end = match.end("scale") if match.re in _BARE_AMOUNTS else match.end()
        amounts.append(Money(start, end, text[start:end], currency, low, high, rounding_of(stated) * scale, problem))
    return _between_ranges(text, _with_bare_amounts(text, amounts))


# "United States (67.2 billion)": an amount with a scale word and no currency. It is money only where the page says
# in which currency (a caption "in billions of euros") or its own sentence has just stated an amount in one currency
# ("from 369 billion euros in 2023 to approximately 363 billion"), and never when a noun follows it ("3 billion
# users").
# Its first digit is matched before the character ahead of it is tested, so that re's search skips to digits.
_BARE_SCALED = re.compile(
    rf"(?P<low>\d(?<![\w.,$€£¥₹]\d)\d{{0,2}}(?:,\d{{3}})*(?:\.\d+)?)\s?(?P<scale>{_SCALE_WORD})"
    r"(?:\s+(?!(?:in|by|and|or|to|from|for|during|at|last|this|annually|with|while|compared|over|since|until"
    r"|through|which|that|on|deriving|a)\b)(?P<noun>[a-z]\w*))?"
)
_UNIT_CAPTION = re.compile(
    r"\b(?i:in\s+(?P<scale>billions|millions)\s+of\s+(?P<currency>euros|(?:US\s+)?dollars|pounds))\b"
)
_CAPTION_CURRENCIES = {"euros": "EUR", "dollars": "USD", "us dollars": "USD", "pounds": "GBP"}
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z0-9\"“])|\n")
# "Rp 1,044 trillion": a currency the reader does not know, written before the number
_UNKNOWN_CURRENCY_BEFORE = re.compile(r"(?<![\w.])[A-Z][A-Za-z]{0,2}\.?\s?$")


def _with_bare_amounts(text: str, amounts: list[Money]) -> list[Money]:
    caption = _UNIT_CAPTION.search(text) if "illions of" in text else None
    if not amounts and caption is None:
        return amounts
    caption_currency = (
        _CAPTION_CURRENCIES[_WHITESPACE_RUN.sub(" ", caption.group("currency").lower())] if caption else None
    )
    found = []
    for match in _BARE_SCALED.finditer(text):
        start, end = match.start("low"), match.end("scale")
        if match.group("noun"):
            continue
        if any(amount.start < end and start < amount.end for amount in amounts):
            continue
        if _UNKNOWN_CURRENCY_BEFORE.search(text, max(0, start - 6), start):
            continue
        currency = caption_currency or _currency_of_the_sentence_so_far(text, start, amounts)
        if currency is None:
            continue
        stated = parse_number(match.group("low"))
        scale = scale_in_millions(match.group("scale"))
        found.append(
            Money(start, end, text[start:end], currency, stated * scale, None, rounding_of(stated) * scale, None)
        )
    return sorted([*amounts, *found], key=lambda amount: amount.start) if found else amounts


def _currency_of_the_sentence_so_far(text: str, start: int, amounts: list[Money]) -> str | None:
    """The one currency of the amounts stated earlier in the sentence ``start`` lies in, if its sentence counts
    nothing else in a scale word ("3 billion users")."""
    sentence_start = max((m.end() for m in _SENTENCE_BREAK.finditer(text, max(0, start - 400), start)), default=0)
    before = [amount for amount in amounts if sentence_start <= amount.start < start]
    currencies = {amount.currency for amount in before}
    if len(currencies) != 1:
        return None
    sentence_end = _SENTENCE_BREAK.search(text, start)
    for match in _BARE_SCALED.finditer(text, sentence_start, sentence_end.start() if sentence_end else len(text)):
        if match.group("noun") and not any(amount.start <= match.start() < amount.end for amount in amounts):
            return None
    return currencies.pop()


_KRONER_WITH_A_COUNTRY = re.compile(r"\b(?P<country>Norwegian|Danish|Swedish)\s+(?i:kroner|krone|kronor|krona)\b")


_CHINA_WORDS = re.compile(r"\b(?:China|Chinese|yuan|RMB|renminbi|Beijing|Shanghai)\b")
_JAPAN_WORDS = re.compile(r"\b(?:Japan|Japanese|yen|Tokyo)\b")


def _a_page_about_china(text: str) -> bool:
    """Whether a "¥" on the page is the yuan: the page names China and never Japan."""
    return _CHINA_WORDS.search(text) is not None and _JAPAN_WORDS.search(text) is None


def _kroner_of_the_page(text: str) -> str | None:
    named = _KRONER_WITH_A_COUNTRY.search(text)
    return currency_code(named.group(0)) if named else None


# "over half a trillion dollars by 2030", "a trillion dollars": an amount written in words
_AMOUNT_IN_WORDS = re.compile(
    r"\b(?P<low>(?i:half\s+a)|(?i:a|one)(?=\s+\w+\s+(?i:dollars|euros)))\s+(?P<scale>(?i:million|billion|trillion))\s+"
    r"(?P<currency>(?i:dollars?|euros?))\b(?!-)(?P<high>)"
)


def _number_in_words(words: str) -> Decimal:
    return Decimal("0.5") if words.lower().startswith("half") else Decimal(1)


_BETWEEN_BEFORE = re.compile(r"\b(?i:between)\s+$")
_AND_BETWEEN = re.compile(r"\s+(?i:and)\s+")


# "between 74 and 92 billion dollars", "between $74 and $92 billion": the first end takes the second's scale
_BARE_LOW_BETWEEN = re.compile(r"\b(?i:between)\s+(?P<low>\d[\d,]*(?:\.\d+)?)\s+(?i:and)\s+$")
_SCALE_IN_AMOUNT = re.compile(rf"(?P<scale>{_SCALE_WORD})")


def _between_ranges(text: str, amounts: list[Money]) -> list[Money]:
    """ "valued between $153 billion and $166 billion": two amounts that are the ends of one range."""
    return _ends_of_one_range(
        text, [_with_a_bare_low_end(text, amount) for amount in amounts], "low_millions", "high_millions"
    )


def _scale_of(amount: Money) -> Decimal | None:
    found = _SCALE_IN_AMOUNT.search(amount.text)
    return scale_in_millions(found.group("scale")) if found else None


def _with_a_bare_low_end(text: str, amount: Money) -> Money:
    """ "between 74 and 92 billion dollars": the amount, a range from the bare number before it in its scale."""
    bare = _BARE_LOW_BETWEEN.search(text, max(0, amount.start - 40), amount.start)
    scale = _scale_of(amount) if bare is not None and amount.high_millions is None and not amount.problem else None
    if scale is None:
        return amount
    try:
        low = parse_number(bare.group("low")) * scale
    except AmbiguousNumberError:
        return amount
    if low >= amount.low_millions:
        return amount
    start = bare.start("low")
    return replace(
        amount, start=start, text=text[start : amount.end], low_millions=low, high_millions=amount.low_millions
    )


def _ends_of_one_range(text: str, items: list, low: str, high: str) -> list:
    """Two amounts or percentages written "between A and B", A below B and of one currency: one range A-B (A in
    B's scale when it states none: "between $74 and $92 billion")."""
    merged: list = []
    for item in items:
        first = merged[-1] if merged else None
        if first is not None and _written_between(text, first, item, high):
            first = _in_the_scale_of(first, item)
            if getattr(first, low) < getattr(item, low):
                merged[-1] = replace(
                    first, end=item.end, text=text[first.start : item.end], **{high: getattr(item, low)}
                )
                continue
        merged.append(item)
    return merged


def _written_between(text: str, first, item, high: str) -> bool:
    """Whether ``first`` and ``item`` are written "between <first> and <item>", each a single figure of one
    currency that can be read."""
    return (
        getattr(first, high) is None
        and getattr(item, high) is None
        and getattr(first, "currency", None) == getattr(item, "currency", None)
        and not first.problem
        and not item.problem
        and _AND_BETWEEN.fullmatch(text, first.end, item.start) is not None
        and _BETWEEN_BEFORE.search(text, max(0, first.start - 12), first.start) is not None
    )


def _in_the_scale_of(first, second):
    """ "between $74 and $92 billion": the first amount, written with no scale, in the second's."""
    if not isinstance(first, Money) or _scale_of(first) is not None or (scale := _scale_of(second)) is None:
        return first
    factor = scale / Decimal("0.000001")
    return replace(first, low_millions=first.low_millions * factor, rounding_millions=first.rounding_millions * factor)


def _amount_start(match: re.Match) -> int:
    """Where an amount starts: its currency, else its number ("from 734.81 billion ...": not at "from")."""
    return match.start() if match.re not in _BARE_AMOUNTS else match.start("low")


def find_percentages(text: str) -> list[Percent]:
    """Every percentage ("12.5%", "9.07 per cent", "10-12%"), and a CAGR's bare number ("a CAGR of 25.08")."""
    percentages = []
    for match in _PERCENT.finditer(text):
        problem = None
        if match.group("high") and A_YEAR.fullmatch(match.group("low")):
            # "in 2022 to 14 percent": a year, then the percentage; never a range from 2022 down to 14
            start = match.start("high")
            try:
                low, problem = parse_number(match.group("high")), None
            except AmbiguousNumberError as error:  # "from 2025 to 2032.34.09%": a garbled number after the year
                low, problem = Decimal(0), str(error)
            percentages.append(
                Percent(start, match.end(), text[start : match.end()], low, None, rounding_of(low), problem)
            )
            continue
        if match.group("high") and MOVES_FROM_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            # "will fall from 23.1% to 21.1%": a share before and after a change, not a range
            percentages.extend(_the_two_ends(text, match))
            continue
        try:
            low = parse_number(match.group("low"))
            high = parse_number(match.group("high")) if match.group("high") else None
        except AmbiguousNumberError as error:
            low, high, problem = Decimal(0), None, str(error)
        start = match.start()
        if high is None and _written_negative(text, start):
            start, low = start - 1, -low
        percentages.append(Percent(start, match.end(), text[start : match.end()], low, high, rounding_of(low), problem))
    taken = {percent.start for percent in percentages}
    bare_cagrs = []
    for match in matches_where_they_can_be(_BARE_CAGR, text, starts_with=_BARE_CAGR_STARTS):
        start, end = match.span("low")
        # "growing at a 13.5% CAGR 8.": the rate is written before the word; the number after it is a footnote's
        if start not in taken and not _A_PERCENTAGE_RIGHT_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            low = Decimal(match.group("low"))
            bare_cagrs.append(Percent(start, end, match.group("low"), low, None, rounding_of(low), None))
    if bare_cagrs:
        percentages = sorted([*percentages, *bare_cagrs], key=lambda percent: percent.start)
    return _between_percentages(text, percentages)


# "will fall from", "would increase slightly from": the words a move from one figure to another opens with
A_MOVE_FROM = (
    r"\b(?i:rise|rising|rose|increase[sd]?|increasing|grow|grew|growing|climb\w*|fall|fell|falling|decline[sd]?"
    r"|declining|dip|dipped|drop\w*|shrink\w*|slip\w*|jump\w*|edge[sd]?)\s+(?:(?i:slightly|sharply|marginally)\s+)?"
    r"(?i:from)\s+(?:(?i:about|around|nearly|roughly|approximately|just)\s+)?"
)
MOVES_FROM_BEFORE = re.compile(A_MOVE_FROM + "$")


def _the_two_ends(text: str, match: re.Match) -> list[Percent]:
    """ "from 23.1% to 21.1%": each end its own percentage."""
    ends = []
    for group in ("low", "high"):
        start = match.start(group)
        end = match.end() if group == "high" else match.end(group)
        if group == "low" and (sign := re.match(r"\s?%", text[end:])):
            end += sign.end()
        try:
            number, problem = parse_number(match.group(group)), None
        except AmbiguousNumberError as error:
            number, problem = Decimal(0), str(error)
        ends.append(Percent(start, end, text[start:end], number, None, rounding_of(number), problem))
    return ends


_MINUS_SIGNS = "-\u2212"


def _written_negative(text: str, start: int) -> bool:
    """'-2.00 %' on a line of its own, 'a CAGR of \u22121.2%': a minus sign written right against the number, where
    nothing before it makes it a range's dash ('10-12%') or part of a word or number."""
    if start == 0 or text[start - 1] not in _MINUS_SIGNS:
        return False
    before = text[start - 2] if start >= 2 else " "
    return not (before.isalnum() or before in "-\u2212.,%)/")


def _between_percentages(text: str, percentages: list[Percent]) -> list[Percent]:
    """ "growth rates between 35.9% and 44.2%": two percentages that are the ends of one range."""
    return _ends_of_one_range(text, percentages, "low", "high")


_WORD_BEFORE = re.compile(r"[^\W\d_]+$")
# Words a year may be glued to by a missing space ("in2016"): the year is still the figure's.
_GLUED_WORDS = frozenset({"in", "by", "to", "from", "of", "since", "until", "till", "through", "during", "year", "for"})


def _glued_to_a_name(text: str, start: int) -> bool:
    """ "Project Café2016 UK": digits right after the lower-case letters of a word (a report's or a product's name)
    are no year, unless that word is one a missing space glues to a year ("in2016")."""
    if start == 0 or not text[start - 1].islower():
        return False
    word = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return word is not None and word.group().lower() not in _GLUED_WORDS


def whole_year(digits: str) -> int:
    return int(digits) if len(digits) == 4 else 2000 + int(digits)  # "FY14" → 2014


def _full_year(first_year: int, end_text: str) -> int:
    if len(end_text) == 2:  # "2025-32"
        return first_year // 100 * 100 + int(end_text)
    return int(end_text)


# "FY 2006-07", "fiscal 2023-24", "in 2009/10": one fiscal year or season, which pages name after the year it ends
_FISCAL_YEAR_END = re.compile(r"\s?(?P<separator>[-–/])\s?(?P<end>\d{2})(?![\d.,]*\d)")
_FISCAL_BEFORE = re.compile(r"(?i:fiscal(?:\s+year)?)\s+$")


def _fiscal_year_end(text: str, start: int, end: int, first_year: int) -> tuple[int, int] | None:
    """(where it ends, the year it ends in) when the year written from ``start`` to ``end`` opens a fiscal year or
    season: the next year's last two digits after a dash with "FY" or "fiscal" before it, or after a slash."""
    after = _FISCAL_YEAR_END.match(text, end)
    if after is None or _full_year(first_year, after.group("end")) != first_year + 1:
        return None
    if after.group("separator") == "/" or text.startswith("F", start) or _FISCAL_BEFORE.search(text, 0, start):
        return after.end(), first_year + 1
    return None


# "during the period 2016/2020": two whole years with a slash, at least two apart ("2016/2017" may be one fiscal year)
_YEARS_WITH_A_SLASH = re.compile(r"(?<![\d/])(?P<first>(?:19|20)\d{2})/(?P<last>(?:19|20)\d{2})(?![\d/])")
_SHORTEST_SLASHED_SPAN = 2


def find_year_ranges(text: str) -> list[YearRange]:
    return list(_year_ranges(text))


@functools.lru_cache(maxsize=8)
def _year_ranges(text: str) -> tuple[YearRange, ...]:
    """Cached: a page's figures and its forecast period both need the ranges of the whole page."""
    ranges = []
    for match in _YEAR_RANGE.finditer(text):
        first_year_text, *_, last_year_text = _DIGITS.findall(match.group())
        first_year = whole_year(first_year_text)
        last_year = _full_year(first_year, last_year_text)
        if last_year == first_year + 1 and _fiscal_year_end(
            text, match.start(), match.start() + _DIGITS.search(match.group()).end(), first_year
        ):
            continue  # "FY 2006-07": one fiscal year (see find_years)
        if last_year > first_year:
            ranges.append(YearRange(match.start(), match.end(), first_year, last_year))
    slashed = list(_years_with_a_slash(text))
    if slashed:
        ranges = sorted([*ranges, *slashed], key=lambda year_range: year_range.start)
    return tuple(ranges)


def _years_with_a_slash(text: str):
    """ "2016/2020": each slash looked at where it stands, faster than a pattern that has to try every digit."""
    slash = text.find("/")
    while slash >= 0:
        match = _YEARS_WITH_A_SLASH.match(text, max(0, slash - 4))
        if match is not None and match.start() == slash - 4:
            first_year, last_year = int(match.group("first")), int(match.group("last"))
            if last_year - first_year >= _SHORTEST_SLASHED_SPAN:
                yield YearRange(match.start(), match.end(), first_year, last_year)
        slash = text.find("/", slash + 1)


def find_years(text: str) -> list[YearMention]:
    years = [
        _year_mention(text, match.start(), match.end(), whole_year(_DIGITS.findall(match.group())[-1]))
        for match in _YEAR.finditer(text)
        if not _glued_to_a_name(text, match.start())
    ]
    if not _SPACE_THEN_IMPLAUSIBLE_YEAR.search(text):
        return years  # in order already
    years += [
        YearMention(match.start("year"), match.end("year"), int(match.group("year")))
        for match in _IMPLAUSIBLE_YEAR.finditer(text)
    ]
    return sorted(years, key=lambda year: year.start)


def _year_mention(text: str, start: int, end: int, year: int) -> YearMention:
    fiscal = _fiscal_year_end(text, start, end, year)
    return YearMention(start, fiscal[0], fiscal[1]) if fiscal else YearMention(start, end, year)


def find_months(text: str) -> list[MonthMention]:
    """'February 2025' → '2025-02'. No day is invented."""
    months = []
    for match in _MONTH_YEAR.finditer(text):
        month_number = _MONTHS[lowered_as_re_reads(match.group("month"))]
        months.append(MonthMention(match.start(), match.end(), f"{match.group('year')}-{month_number:02d}"))
    return months
