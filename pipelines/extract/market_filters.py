"""Whether an amount a page states is the size of its market: not a price, a cost, a budget, funding, a deal, an
increase, a conversion into dollars the page does not name, nor a figure of another market the sentence names."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

from pipelines.extract.gazetteer import place_of_adjective
from pipelines.extract.geography import without_leading_places
from pipelines.extract.metadata import MARKET_WORD, market_name_before
from pipelines.extract.numbers import MONTH_NAME, Money

# "Photonlink raised $60 million", "a contract worth USD 120 million": amounts of deals, not of markets.
DEAL_BEFORE = re.compile(
    r"\b(?i:raised|raises|raising|secured|secures|closed|won|wins|awarded|invested|invests|injected|investment\s+of"
    r"|funding\s+of|financing\s+of|acquired|acquires|acquisition\s+of|bought|ordered|orders|signed|placed"
    r"|(?:contract|deal|order|agreement|grant|round|rounds)\s+(?:worth|valued\s+at|of))\b[^.;]*$"
)
# "USD 6.20 per pound", "$87 million of venture capital", "a budget of EUR 1 billion", "$2.6bn set-up costs":
# prices, funding, budgets and costs, not the size of a market.
_NOT_MARKET_AFTER = re.compile(
    r"\s*(?:(?i:per|a|an|each|for\s+(?:a|an|each|one))\s+(?!year\b|annum\b)[a-z]+\b(?!\s+market)|/\s?[a-z]+\b"
    r"|(?i:of|in)\s+(?:(?i:new|fresh|total|private|public|federal|government)\s+)?"
    r"(?i:venture|funding|investments?|financing|capital|grants?|seed|series\s+[a-e]|subsid|budget|revenue\s+for)"
    r"|(?i:(?:in\s+)?(?:set-up\s+|setup\s+|mission\s+|development\s+|capital\s+)?costs?\b|funding|budget)"
    r"|(?i:[a-z-]*\s*)?(?i:contract|deal|investment|acquisition|valuation|funding\s+round)"
    r"|\s*(?i:reduction|savings?|cuts?|decline|drop|increase|boost|uplift|shortfall|gap)\b"
    # "with a full 1 billion kroner in growth": what it grew by
    r"|\s*(?i:in|of)\s+(?i:growth|additional\s+sales|new\s+sales)\b"
    r"|\s+(?i:in|of)\s+(?:[\w-]+\s+){0,2}?(?i:transactions|deals|acquisitions|mergers|M&A)\b"
    # "generates $34.2 billion in wages for workers, and brings in $14.6 billion in combined state and federal tax
    # revenue": what an industry pays, not what its market sells
    r"|\s+(?i:in|of)\s+(?:[\w-]+\s+){0,4}?(?i:wages|salaries|payroll|taxes|tax\s+revenues?|tax\s+receipts)\b"
    # "will spend $13 billion on drones between now and 2020": a total over the years to come, not a year's size
    r"|(?:\s+[\w-]+){0,4}?\s+(?i:between\s+now\s+and|from\s+now\s+(?:until|to|through))\b"
    # "U.S. shoppers spent $10.7 billion on Cyber Monday": one day's sales
    r"|\s+(?i:on|during)\s+(?:(?i:the)\s+)?(?:Cyber\s+Monday|Black\s+Friday|Singles['’]?\s+Day|Prime\s+Day"
    r"|Small\s+Business\s+Saturday|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Christmas\s+Day)\b"
    # "$23bn needed annually to close the power supply gap": an investment need, not what a market sells
    r"|\s+(?:(?i:is|are|will\s+be)\s+)?(?i:needed|required)\b)"
)
_INCREMENT_BEFORE = re.compile(
    r"\b(?i:grow|grows|grew|growing|expand|expands|expanded|expanding|increase|increases|increased|increasing|rise"
    r"|rises|rising|add|adds|adding)\s+(?i:by|of)\s+"
    # "expected to grow by an average of $100 billion per year"
    r"(?:(?i:about|around|nearly|over|more\s+than|some|an\s+average\s+of|an\s+additional|a\s+further)\s+)*$"
    # "Retail value growth is forecast at just over $600 million": the growth, not the size
    r"|\b(?i:growth)\s+(?:(?i:is|was|will\s+be)\s+)?(?i:forecast|expected|projected|estimated)\s+(?i:at|to\s+be)\s+"
    r"(?:(?i:just\s+)?(?i:over|about|around|nearly|almost|under)\s+)?$"
    # "Over 2025-2032, the market will add USD 1.7 billion": what it adds, not what it is
    r"|\b(?i:will\s+add|add(?:s|ed|ing)?|to\s+add)\s+(?:(?i:about|around|nearly|over|more\s+than|some|an\s+additional)\s+)?$"
    # "+$15.6B than previous forecast": a signed change
    r"|(?<![\w.])\+\s?$"
    # "sales were up 7.9% or $476 million": the change, said as a percentage and as an amount
    r"|\b(?i:up|down)\s+\d+(?:\.\d+)?\s?(?:%|(?i:per\s?cent|percent))\s+(?i:or)\s+$"
)
_A_MONTH_AFTER = re.compile(
    rf"\s+(?i:in|for|during)\s+(?:(?i:the\s+month\s+of)\s+)?{MONTH_NAME}\.?\s+(?:19|20)\d{{2}}\b"
)
_SALES_BEFORE = re.compile(r"\b(?i:sales|shipments|billings)\b")
# "spending exceeded USD 10 billion for the first time in Q4 2018": one quarter's amount, not a year's
_A_QUARTER_AFTER = re.compile(
    r"[^.;]{0,40}?\s(?i:in|for|during)\s+(?:(?i:the)\s+)?"
    r"(?:Q[1-4]\b|[1-4]Q\d{2}\b|(?i:first|second|third|fourth|last|final)\s+(?i:quarter)\b)"
)
CONVERSION_OPENING = re.compile(r"\s*\(\s*(?:(?i:about|around|approx\.?|approximately|or)\s+)?")
# "$87 million vs. $4.7 billion", "losses from $20 billion to $46 billion": an amount compared with one that is not
# a market figure, or the other end of its range, is not one either.
COMPARED_WITH = re.compile(
    # "$40 billion in April 2023 compared to $39.8 billion in March 2023 and $50.9 billion in April 2022"
    rf"(?:\s+(?i:in|for)\s+(?:{MONTH_NAME}\.?\s+|(?i:fiscal|FY)\s?)?(?:19|20)\d{{2}})?"
    r"\s*(?i:vs\.?|versus|compared\s+(?:to|with)|against|and|to|or|[-–])\s*"
    # "The export value of drugs was 170 billion JPY in fiscal 2017, 190 billion JPY in fiscal 2018, ...": the next
    # amount of a list dated year by year
    rf"|\s+(?i:in|for)\s+(?:(?i:fiscal|FY)\s?)?(?:19|20)\d{{2}}\s*,\s*(?:(?i:and)\s+)?"
    # "the sector raised $1.3 billion, up 44 percent from $900 million": the same thing's earlier amount
    r"|,?\s*(?i:up|down)\s+\d+(?:\.\d+)?\s?(?:%|(?i:percent|per\s+cent))\s+(?i:from|on|over)\s+"
    # "the highest per capita consumption (€344) worldwide, followed by Switzerland (€338), Luxembourg (€265)": the
    # next names' amounts in the same list
    r"|\)\s*(?:(?i:worldwide|globally)\s*)?,?\s*(?:(?i:followed\s+by|and)\s+)?[A-Z][\w .&'’-]{0,40}?\s*\(\s*"
)
_NOT_MARKET_BEFORE = re.compile(
    r"\b(?i:budget|outlays?|costs?|costing|spent|price(?!\s+(?:range|segment|tier|band)s?\b)|priced|sold\s+for|funding|funded"
    r"|venture\s+capital|cumulative|cumulatively"
    r"|average\s+(?:[\w-]+\s+){0,3}?(?:revenue|sales|spend|spending|price|cost|income|ticket|order|wages?"
    r"|salar(?:y|ies)|earnings|pay)"
    r"|invest(?:ed|ing|ment|ments)?|allocat(?:es|ed|ing|ion)|authori[sz]ed|grant|grants|subsid(?:y|ies)|revenues?\s+of"
    # "revenues of Acme", "a net revenue of around": not "the revenue of the face cosmetics market"
    r"\s+(?!the\s+(?:[\w-]+\s+){0,5}?(?:market|industry|sector|segment)\b)(?-i:[A-Z])\w*|loan|loans|bond|fine|fined|saved|saving|savings|raise|raising|exports?|exported|imports?|imported"
    r"|shipments?|shipped|market\s+caps?|market\s+capitali[sz]ations?|(?:has|had|(?<=\w,\s)with)\s+a\s+market\s+value|prize\s+pool"
    r"|prize\s+money|payouts?|losses|loss\s+potential|damages|GDP|gross\s+domestic\s+product|gross\s+value\s+added"
    # "Toy Industry Economic Impact in the U.S. Reaches $107.5 Billion": what it adds to an economy, not its sales
    r"|economic\s+(?:impact|contribution|output)"
    # "The insurance industry's total assets under management (AUM) grew to $35 trillion": what it holds, not sells
    r"|assets\s+under\s+management|AUM"
    # "Global textile and apparel trade in 2017 was USD 750 bn": what crosses borders, not what the market sells
    r"|(?-i:trade)(?!\s+(?i:show|fair|association|body|group|press|publication|journal|magazine)))\b"
    # "GDP grew by 5.8% year-on-year, reaching USD 435 billion": a decimal point ends no sentence
    r"(?:[^.;]|(?<=vs)\.|(?<=\b[A-Z])\.|(?<=\d)\.(?=\d)){0,80}$"
)
_CONSUMERS_SPENT = re.compile(
    r"\b(?i:consumers|shoppers|buyers|households|customers|americans|britons|europeans|people|tourists|travell?ers"
    r"|visitors|guests)\s+"
    r"(?:(?i:have|had|will\s+have)\s+)?(?i:spent)$"
)
# An amount of plain currency units under a million ("USD 6.20", "$98.9") is a price or a line item, never a
# market's size.
_SMALLEST_MARKET_MILLIONS = Decimal(1)
_SCALED = re.compile(r"(?i:thousand|million|billion|trillion|mn|mln|bln|bn|tn|[kmbt])\W*$|(?i:\(.*\))")
# A value with no year is a market figure only where the sentence says it is the market's size or worth.
# "from roughly $1 billion now to over $7 billion in 2027": the market's size today, year unstated.
NOW_AFTER = re.compile(r"\s+(?i:now|today|currently|at\s+present)\b")
MARKET_SIZE_WORDING = re.compile(
    r"(?i:market|industry|sector|economy)\b[^.;]{0,80}?"
    r"(?i:valued|value|worth|size|sized|estimated|stood|revenue|at\b|around\b|approximately\b|about\b"
    # "The global green economy has surpassed $5 trillion": what it is worth now, its year unstated
    r"|(?:has|have)\s+(?:already\s+)?(?:surpassed|exceeded|crossed|topped|passed)\s+(?:(?i:the)\s+)?$"
    # "The transplantation market generates $13,605.9 million revenue"
    r"|generates\b|generated\b|totals\b|totaled\b|totalled\b|amounts\s+to\b)"
    r"|(?i:valued|worth|size)\b[^.;]{0,40}?(?i:market|industry|sector)"
    # "It represents in value a market of $41 billion"
    r"|\b(?i:a|an)\s+(?i:market|industry)\s+(?i:of)\s+(?:(?i:about|around|nearly|some|over|roughly|approximately)\s+)?$"
)


def is_unnamed_local_conversion(text: str, money: Money, amounts: list[Money]) -> bool:
    """ "$US90 billion ($125 billion)": a bare "$" amount in brackets right after an amount in named US dollars is
    the same figure in the page's own dollars (Australian, Canadian, ...), which it does not name."""
    if not money.text.startswith("$"):
        return False
    previous = next((other for other in reversed(amounts) if other.end <= money.start), None)
    return (
        previous is not None
        and previous.currency == "USD"
        and "US" in previous.text.upper().replace(".", "")
        and CONVERSION_OPENING.fullmatch(text, previous.end, money.start) is not None
        and "(" in text[previous.end : money.start]
    )


def is_an_increase(text: str, money: Money, clause_start: int) -> bool:
    """ "will expand by USD 1.26 billion", "sales were up 7.9% or $476 million": what something grows by."""
    return _INCREMENT_BEFORE.search(text, max(clause_start, money.start - 40), money.start) is not None


def is_not_a_market_amount(text: str, money: Money, clause_start: int) -> bool:
    """A price per unit, a cost, a budget, funding or an investment: named just after or before the amount; or
    an increase ("will expand by USD 1.26 billion between 2023 and 2028"); or one month's sales, or one quarter's
    amount."""
    if is_an_increase(text, money, clause_start):
        return True
    if _A_MONTH_AFTER.match(text, money.end) and _SALES_BEFORE.search(text, clause_start, money.start):
        return True  # "global semiconductor industry sales were $40 billion in April 2023"
    if _A_QUARTER_AFTER.match(text, money.end):
        return True
    if money.low_millions < _SMALLEST_MARKET_MILLIONS and not _SCALED.search(money.text):
        return True
    if _NOT_MARKET_AFTER.match(text, money.end):
        return True
    not_market = _NOT_MARKET_BEFORE.search(text, max(clause_start, money.start - 100), money.start)
    if not_market is not None and _CONSUMERS_SPENT.search(
        text, max(0, not_market.start() - 40), not_market.start() + len("spent")
    ):
        return False  # "consumers spent $4.7 billion in 1999 in the sports nutrition market": what buyers paid
    return not_market is not None


# Words that do not change which market a name means: "global BNPL payment market" is the BNPL market, "heat pump
# systems" the heat pump market.
_NAME_NOISE = frozenset(
    {"global", "worldwide", "world", "overall", "total", "payment", "service", "solution", "product", "system",
     "platform"}
)  # fmt: skip


# "demand for kelp equipment" holds the kelp equipment market's words and a word that is the market itself
_LINKING_WORDS = frozenset({"for", "of", "the", "in", "on"})
_INDUSTRY_WORD = re.compile(r"\b(?i:industry|sector)\b")
_MARKET_FOR = re.compile(
    r"\s+(?i:for)\s+(?:(?i:the)\s+)?(?P<name>[\w&'’-]+(?:\s+(?!(?i:is|was|are|were|will|has|have|had|could|may)\b)"
    r"[\w&'’-]+){0,4}?)(?=\s+(?i:is|was|are|were|will|has|have|had|grew|grows|could|may|should|would|reached|stood"
    # "with the market for pharmaceutical cold chain logistics expected to rise from $5.3 billion"
    r"|expected|projected|forecast|set|estimated|valued|anticipated|poised|likely)\b)"
)

_CLOSED_BRACKETS = re.compile(r"\([^()]*\)")
_GLOSS_IN_BRACKETS = re.compile(r"\s*\((?P<gloss>[^()]{2,60})\)")


def _before_the_figure_and_its_last_market_word(
    text: str, sentence_start: int, figure_start: int
) -> tuple[str, re.Match | None]:
    """The sentence up to the figure, asides in closed brackets blanked out, and the last "market" in it."""
    before = text[sentence_start:figure_start]
    if "(" in before:
        before = _CLOSED_BRACKETS.sub(lambda aside: " " * len(aside.group()), before)
    last = None
    for match in MARKET_WORD.finditer(before):
        last = match
    return before, last


def sub_market_named_after_the_market(text: str, sentence_start: int, figure_start: int, market: str) -> str | None:
    """The part of the page's market a sentence names after its market word: "The domestic technical textile market
    for synthetic polymer was valued at $7.1 billion" → 'synthetic polymer', "the market for InduTech (industrial
    textiles) would grow" → 'InduTech' (its gloss in brackets says it is textiles). None when the sentence names the
    market's own part no such way."""
    before, last = _before_the_figure_and_its_last_market_word(text, sentence_start, figure_start)
    if last is None or (named_after := _MARKET_FOR.match(before, last.end())) is None:
        return None
    name = _NAME_STOPS_AT.split(named_after.group("name"), maxsplit=1)[0]
    if relation_to_the_market(name, market) == "same":
        return None
    named = market_name_before(text, sentence_start + last.start(), sentence_start)
    if named is not None and relation_to_the_market(named, market) == "same":
        return name  # the page's market, named, then "for" the part
    gloss = _GLOSS_IN_BRACKETS.match(text, sentence_start + named_after.start("name") + len(name))
    if named is None and gloss is not None and shares_a_word(gloss.group("gloss"), market):
        return name
    return None


_NAME_STOPS_AT = re.compile(r"\s+(?i:in|by|at|during|from|through|until)\s+(?=\d)")


def market_named_before(text: str, sentence_start: int, figure_start: int, market: str) -> str | None:
    """The name in the last "<name> market" of the sentence before the figure: "the air-source heat pump market is
    projected to grow at 8.4%" → 'air-source heat pump'; or in "the market for <name>" when that name is not just
    another wording of ``market``, the page's own market."""
    # "the global AI market, estimated at $540 billion in 2023 (or 6% of the global IT market), may reach $1,270
    # billion by 2028": a market named in brackets that close before the figure is an aside
    before, last = _before_the_figure_and_its_last_market_word(text, sentence_start, figure_start)
    for match in _INDUSTRY_WORD.finditer(before):
        if last is None or match.start() > last.start():
            last = match  # "The energy drinks industry was valued at over $75 billion"
    if last is None:
        return None
    named = market_name_before(text, sentence_start + last.start(), sentence_start)
    if named is not None and _JUDGING_WORDS.fullmatch(named):
        named = None  # "India will be a rising market": what a market is said to be, not which market
    named_after = _MARKET_FOR.match(text, sentence_start + last.end(), figure_start)
    if named is None and named_after is not None:
        # "the global market for smart sports equipment is expected to grow": a looser way of naming, so a name that
        # shares a word with the page's market ("the market for AI accelerator chipsets" on an AI chip page) is
        # taken for the market itself unless it holds all the market's words
        name = _NAME_STOPS_AT.split(named_after.group("name"), maxsplit=1)[0]  # "graphene in 2014": 'graphene'
        if (
            relation_to_the_market(name, market) == "part"
            or not shares_a_word(name, market)
            or is_a_kind_of_the_markets_product(name, market)
        ):
            return name
    return named


_JUDGING_WORDS = re.compile(
    r"(?i:(?:very\s+|fast[-\s])?(?:rising|growing|key|major|big|bigger|biggest|large|larger|largest|lucrative|promising"
    r"|emerging|important|attractive|new|mature|huge|significant|strong|leading|top|second|third|single|potential"
    r"|profitable|booming|dynamic|fragmented|competitive|consolidated"
    # "as each market generated roughly US$6.2 billion": which market, not a name
    r"|each|every|either|any|another|one))"
)
_SPLIT_INITIALS = re.compile(r"\b(\w)\s+(?=\w\b)")


@functools.lru_cache(maxsize=8192)
def _market_words(name: str) -> frozenset[str]:
    # "U.S." and "U S" (as a name is read word by word) are one word, "us"
    joined = _SPLIT_INITIALS.sub(r"\1", name.lower().replace(".", " ").replace("&", " and "))
    words = re.split(r"[\s\-/(),]+", joined)
    singular = (
        word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word for word in words
    )
    # "Indian furniture" and "India furniture" are one market
    placed = ((place_of_adjective(word) or word).lower() for word in singular)
    return frozenset(word for word in placed if word and word not in _NAME_NOISE and word not in _LINKING_WORDS)


def shares_a_word(named: str, market: str) -> bool:
    """Whether two names share a word, accents and one ending letter aside ("régolithe", "regolith")."""
    named_words = {_folded(word) for word in _market_words(named)}
    market_words = {_folded(word) for word in _market_words(market)}
    return any(
        a == b
        or (
            min(len(a), len(b)) >= _SHORTEST_STEM and (a.startswith(b) or b.startswith(a)) and abs(len(a) - len(b)) <= 1
        )
        for a in named_words
        for b in market_words
    )


_SHORTEST_STEM = 5


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


_NOT_IN_INITIALS = frozenset({"global", "and", "of", "the", "for"})  # "A&D" for "Aerospace and Defense"


_ACRONYM = re.compile(r"\b[A-Z&]{2,}\b")
# What a market's name may say beside its product: "IT spending" is the IT market.
_SAME_AS_A_MARKET = frozenset({"spending", "revenue", "sale", "expenditure", "demand", "consumption", "premium"})
# "the global tea beverage market" on a tea page, "the combined AR and VR market" on a VR/AR page: the market under
# a word for what it sells or for all of it
_THE_MARKET_IN_OTHER_WORDS = frozenset({"economy", "beverage", "drink", "product", "good", "combined"})


def _is_acronym_of(named: str, market: str) -> bool:
    """'BNPL' for "Buy Now Pay Later", 'A&D' for "Aerospace and Defense": a name written as the market's initials,
    with "global" or a last generic word ("payment") around it."""
    words = without_leading_places(market.split())  # "U.S. Aerospace and Defense": the A&D market of a place
    initials = "".join(
        word[0] for word in re.findall(r"[A-Za-z]+", " ".join(words)) if word.lower() not in _NOT_IN_INITIALS
    ).upper()
    if len(initials) >= 2 and any(
        re.sub(r"[^A-Za-z]", "", word).upper() == initials for word in named.split() if word.isupper() or "&" in word
    ):
        return True
    # "SATCOM" for "Satellite Communications": the first letters of each word, run together
    market_words = [
        word.lower() for word in re.findall(r"[A-Za-z]+", " ".join(words)) if word.lower() not in _NOT_IN_INITIALS
    ]
    return any(
        len(word) >= 4 and word.isupper() and _runs_of_prefixes(word.lower(), market_words) for word in named.split()
    )


def _runs_of_prefixes(letters: str, words: list[str]) -> bool:
    """Whether ``letters`` runs through a prefix of each of ``words`` in turn ("satcom": sat-ellite com-munications)."""
    if not words:
        return not letters
    first, rest = words[0], words[1:]
    return any(
        letters[:size] == first[:size] and _runs_of_prefixes(letters[size:], rest)
        for size in range(1, min(len(first), len(letters)) + 1)
    )


_JOINED_PARTS = re.compile(r"\s*/\s*|\s+(?:and|&)\s+", re.IGNORECASE)


def one_of_its_joined_parts(named: str, market: str) -> bool:
    """Whether ``named`` is one side of a market named as two joined: "AR" of "VR/AR", "Tea" of "Tea and Coffee",
    "equipment" or "golf apparel" of "Golf Equipment and Apparel" (the first side's leading words are both's)."""
    parts = _JOINED_PARTS.split(market)
    if len(parts) < 2:
        return False
    shared = _market_words(" ".join(parts[0].split()[:-1]))
    sides = [_market_words(part) for part in parts]
    return _market_words(named) in {*sides, *(side - shared for side in sides), *(side | shared for side in sides)}


@functools.lru_cache(maxsize=4096)
def relation_to_the_market(named: str, market: str) -> str:
    """'same' ("heat pump" on a heat-pump page, or a shorter name for it), 'part' ("air-source heat pump": the
    market's name and more, a segment of it) or 'other' ("space economy" on a space-mining page)."""
    # "baked kelp snack" on an "India Kelp Snacks" page: the market's place is not part of what it is about
    market = " ".join(without_leading_places(market.split()))
    named_words, market_words = _market_words(named), _market_words(market)
    if named_words and named_words < market_words and one_of_its_joined_parts(named, market):
        return "part"  # "the AR market" on a VR/AR page
    if not named_words or named_words <= market_words | _SAME_AS_A_MARKET:
        return "same"  # "rowan berry sales" on a rowan berry page is the market
    if _is_acronym_of(named, market):
        # "the AI market" on an artificial intelligence page; "the AI hardware market" is a part of it
        initials = frozenset().union(*(_market_words(word) for word in named.split() if word.isupper() or "&" in word))
        return "same" if named_words - initials <= _SAME_AS_A_MARKET else "part"
    if _is_acronym_of(market, named) and _market_words(_ACRONYM.sub("", market)) <= named_words | _SAME_AS_A_MARKET:
        return "same"  # "the information technology market" on a page about "IT Spending"
    if market_words <= named_words:
        # "the global esports economy" on an esports page: the market under another word for it
        same = named_words - market_words - {"and"} <= _THE_MARKET_IN_OTHER_WORDS or _widened_with_and(
            named, market_words
        )
        return "same" if same else "part"
    # "the pharmaceutical cold chain market" on a cold chain logistics page: the market's name without its generic
    # last word, and more
    head = market_words - _generic_last_word(market)
    if head != market_words and head and head < named_words:
        return "part"
    return "other"


@functools.lru_cache(maxsize=8192)
def is_a_kind_of_the_markets_product(named: str, market: str) -> bool:
    """ "industrial textiles" on a technical textiles page, "automotive textiles" beside it: a name that ends with
    the market's own product word, under another qualifier, names a kind of that product, a part of the market
    whose amounts and rates are a segment's. Not for a last word any market may end with ("software",
    "services"): "cloud software" is no kind of photo editing software. (A share "of the calcium snack market" on
    a halal snack page is still another market's: a sibling kind and a sub-kind read alike, and a share taken for
    the wrong market misleads more than an amount kept as a segment.)"""
    named_last, market_last = _last_word(named), _last_word(market)
    # places aside, each name holds a word the other lacks: "India electric bus charging infrastructure" on an India
    # electric bus charging infrastructure page is the market itself, not a kind of it
    named_words = _market_words(" ".join(without_leading_places(named.split())))
    market_words = _market_words(" ".join(without_leading_places(market.split())))
    return (
        named_last is not None
        and named_last == market_last
        and named_last not in _GENERIC_LAST_WORDS | _ANY_MARKETS_LAST_WORDS
        and len(market_words) >= 2
        and len(named_words) >= 2
        and not named_words <= market_words
        and not market_words <= named_words
    )


# Last words many unrelated markets share: a shared one says nothing about what either is about
_ANY_MARKETS_LAST_WORDS = frozenset(
    {"software", "product", "system", "good", "material", "industry", "sector", "market"}
)


def _last_word(name: str) -> str | None:
    words = [word for word in re.split(r"[\s\-/(),]+", name.lower()) if word]
    if not words:
        return None
    last = _market_words(words[-1])
    return next(iter(last)) if len(last) == 1 else None


# The last words of a market's name that say what kind of business it is, not what it is about
_GENERIC_LAST_WORDS = frozenset(
    {"logistic", "service", "solution", "management", "technology", "technologie", "equipment", "device"}
)


def _generic_last_word(market: str) -> frozenset[str]:
    words = _market_words(market.split()[-1]) if market.split() else frozenset()
    return words & _GENERIC_LAST_WORDS


def _widened_with_and(named: str, market_words: frozenset[str]) -> bool:
    """Whether ``named`` is the market's name with a coordinated word or two added: "photo editing and album
    software" on a photo editing software page, "dental implants and prosthetics" on a dental implants page,
    "fitness and health club" on a health club page. Such a name widens the market; it is no part of it."""
    words = [word for word in re.split(r"[\s\-/(),]+", named.lower().replace("&", " and ")) if word]
    if "and" not in words:
        return False
    joined = words.index("and")
    for added in (1, 2):
        after = words[:joined] + words[joined + 1 + added :]
        before = words[: max(0, joined - added)] + words[joined + 1 :]  # "fitness and health club"
        if any(rest and _market_words(" ".join(rest)) == market_words for rest in (after, before)):
            return True
    return False
