"""Who a figure is about: the region, country or segment its sentence names, or the member the sentence or clause
opens with, read from the words around the figure (figures.py asks, for each figure of a sentence).

* The nearest region, country or segment named to the figure's left in the same sentence; places named together
  share it, or take one each "respectively"; a segment named with a region is a cell of the cube.
* Else "this segment" / "the regional market" refers back to the last member named in the sentences before.
* Else the member that opens the figure's clause ("By pets, dogs captured 49.6%", "Troponin had the major revenue
  share of, more than 35%"), never a firm ("Abbott Laboratories held 8.2%") nor the market itself.
"""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import replace

from pipelines.extract.gazetteer import Mention, NamedScope, place_of_adjective, scope_of_place
from pipelines.extract.market_filters import relation_to_the_market
from pipelines.extract.numbers import Money, Percent
from pipelines.extract.records import Sentence, StatedFigure
from pipelines.extract.sentence_tokens import SentenceTokens

SEGMENT_REFERENCE = re.compile(r"\b(?i:this|the|that)\s+(?i:segment|sub-segment|category)\b")
REGION_REFERENCE = re.compile(r"\b(?i:the|this|that)\s+(?i:regional\s+market|region|regional\s+industry)\b")
REGION_THEN_SEGMENT = re.compile(r"^(?:['’]s)?\s*(?:(?i:market|region))?\s*,?\s*(?:(?i:the)\s+)?$")
SEGMENT_THEN_REGION = re.compile(
    r"^\s*(?:(?i:segment|category|market))?\s*(?i:in|of|across|within|for)\s+(?:(?i:the)\s+)?$"
)
JOINED_PLACES = re.compile(
    r"(?:\s+(?i:countries|nations|regions?))?\s*(?:,\s*(?:(?i:and)\s+)?|(?i:and|&)\s+)(?:(?i:the)\s+)?"
)
THE_OPENING = re.compile(r"^(?i:the)\s+")  # "the materials" → "materials"
MEMBERS_JOINED = re.compile(r"\s*,\s*(?:(?i:and)\s+)?|\s+(?i:and)\s+")
LEADS_THE = re.compile(r"\b(?i:leads?|led|dominates?|dominated|tops|topped)\s+(?i:the)\s+$")
LEADS_THE_MARKETS_IN = re.compile(
    r"\b(?:(?i:leads?|led|dominates?|dominated|tops|topped)\s+(?i:the)"
    # "The United States is the largest market in North America, with a market size of USD 33,952.7 million"
    r"|(?i:is|was|remains|remained)\s+(?i:the)\s+(?:(?i:largest|biggest|leading|dominant|single\s+largest)\s+)?"
    # "Germany is the largest mycelium leather market in Europe"
    r"(?:[\w-]+\s+){0,3}?)"
    r"\s*(?i:markets?|industry)\s+(?i:in)\s+(?:(?i:the)\s+)?$"
)
OF_THE_BEFORE = re.compile(r"\b(?i:of)\s+(?i:the)\s+$")
A_MARKET_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,4}?(?i:market|industry)\b")
IN_A_PLACE_OPENING = re.compile(r"[-•*·\s]*(?i:in|across|within)\s+(?:(?i:the)\s+)?")
CAUSES = re.compile(
    r"\b(?i:driven\s+by|due\s+to|owing\s+to|thanks\s+to|fuel(?:l)?ed\s+by|supported\s+by|led\s+by\s+demand\s+for)\b"
)
PARTICULARLY = re.compile(
    r"\s*,\s*(?i:particularly|especially|notably|mainly|primarily|chiefly|led\s+by|including)\s+(?:(?i:the)\s+)?"
)
WHOLE_MARKET_WORDS = re.compile(r"\b(?i:global|worldwide|world['’]s|whole\s+market|entire\s+market)\b")
RESPECTIVELY = re.compile(r"\b(?i:respectively)\b")
# "- By pets, dogs captured 49.6% ... whereas cats are projected to post a 7.7% CAGR": a takeaway line whose
# figures are each about the member that opens its clause.
# "By type, ...", "By the forwarder model, ..."; not "By the end of 2031, ..." nor "By 2030, ...".
_BY_DIMENSION = (
    r"[-•*·\s]*(?i:by)\s+(?!(?i:the\s+(?:end|time|year|close|start)|then|now|that|this)\b)"
    r"(?P<dimension>[A-Za-z][A-Za-z &/-]{1,40}?)"
)
BY_DIMENSION_OPENING = re.compile("^" + _BY_DIMENSION + r"(?P<separator>[,:])\s+")
CLAUSE_OPENING = re.compile(
    r"(?:[;,]\s*(?:(?i:whereas|while|and|but|yet)\s+)?|\b(?i:whereas|while|but)\s+|\b(?i:followed\s+by)\s+"
    # "The report showed that surface mining equipment led ...": the clause a reporting verb opens
    r"|\b(?i:shows?|showed|says?|said|finds|found|notes?|noted|estimates?|estimated|expects?|expected)\s+(?i:that)\s+"
    # "Newzoo forecasts mobile games will hold 37%": a named source's forecast with no "that"
    r"|\b[A-Z][\w&.-]*\s+(?i:forecasts|predicts|expects|estimates|projects|believes|says)\s+(?!(?i:that|to)\b)"
    r"|\b(?i:statistics|data|figures|numbers|research|studies|modell?ing|analysis)\s+(?i:shows?)\s+(?!(?i:that|to)\b)"
    # "... a 5% share of the market and lead-acid batteries took up 31%": "and" opening a member's own clause
    r"|\s(?i:and)\s+(?=(?:[\w-]+\s+){1,4}?(?i:took|takes|accounted|accounts|held|holds|captured|captures"
    r"|commanded|commands|made\s+up|makes\s+up|represented|represents|contributed|contributes)\b))"
)
# A sentence's opening phrase before its subject: "According to the data,", "In 2023,", "Among all types,".
_OPENING_PHRASE = re.compile(
    r"[-•*·\s]*(?i:according\s+to|in|by|among|of|as\s+per|per|based\s+on|in\s+terms\s+of|overall|globally|under"
    r"|within)\b[^,]{0,60},\s*"
    # "Canalys data shows that in 2018 traditional hardware and software deployment accounted for 82 percent"
    r"|[-•*·\s]*(?:[\w&'’-]+\s+){1,3}?(?i:data|research|figures|analysis|report|study|survey)\s+"
    r"(?i:shows?|showed|finds?|found|suggests?|suggested|indicates?|indicated)\s+(?i:that)\s+"
    r"(?:(?i:in|by)\s+(?:19|20)\d{2},?\s+)?"
)
# The member a sentence (or a bullet) opens with: up to five words, "the" left out.
_OPENING_MEMBER = r"[-•*·\s]*(?:(?i:the)\s+)?(?P<member>[A-Za-z0-9][\w&'’/-]*(?:\s+[\w&'’/()-]+){0,4}?)"
# "Field crops, such as maize, soyabeans, and cotton, leads the market": examples between a member and its verb
_EXAMPLES_ASIDE = r"(?:\s*,\s*(?i:such\s+as|like|including)\s+[^;.]{1,80}?,)?"
MEMBER_THEN_VERB = re.compile(
    # "the 500-2,000 HP band captured": a thousands comma inside a member's name
    r"\s*[“\"‘]?(?:(?i:the)\s+)?(?P<member>[A-Za-z0-9≤≥<>](?:[\w&'’/-]|(?<=\d),(?=\d{3}))*"
    r"(?:\s+(?!(?i:that)\b)[\w&'’/()-]+){0,5}?"
    r"(?:\s+(?i:segment|category|sub-segment))?)"
    r"(?:\s+(?i:class|category))?"
    r"(?:\s*\([^()]{1,60}\))?"
    # "Surfactants, which enhance cleaning efficiency, are expected to account for 33.6%": an aside after the member
    r"(?:\s*,\s*(?i:which|who)\s+[^,;]{1,80},)?"
    + _EXAMPLES_ASIDE
    # "Sports food, which accounted for nearly 25% of the market in 2014, is expected ...": the verb in the aside
    + r"(?:\s*,\s*(?i:which|who))?\s+"
    r"(?i:captured|captures|capture|held|holds|hold|accounted|accounts|account|commanded|commands|command|led|leads"
    r"|lead|dominated|dominates|dominate|represents|represent|retained|retains|retain|claimed|claims|controlled|controls"
    r"|generated|generates|generate|registered|records|recorded|contributed|represented|posted|is|are|was|were|will|grew|grows|make"
    r"|makes|made|constitutes|constitute|constituted|had|has|have|show|shows|showed|delivered|delivers|took|takes"
    r"|take|stays|stay|stayed|remain|remains|remained|secured|secures|secure|garnered|garners|occupied|occupies"
    r"|control|contribute|continues|continue|continued"
    # "In 2012, final part production hit 28.3 percent of the $2.2 billion spent on 3-D printing"
    r"|hit|hits"
    # "Anti-agers amount to just over 25% of the market's total value"
    r"|(?:amount|amounts|amounted)(?=\s+(?i:to)\b)"
    # "Hot drinks, bottled water, and juice followed with shares of 35%, 17%, and 6%, respectively"
    r"|(?:followed|follow|follows)(?=\s+(?i:with|at)\b)"
    r"|at)\b(?!-)"
)
# Subjects that are no member: "it holds", "the market holds", "this segment holds", "the company holds".
NOT_A_MEMBER = re.compile(
    r"(?i:(?:it|this|that|they|which|who)(?:\s+(?:also|alone|still|now|currently|too|together))?|market|industry|sector|segment|region|company|the\s+company|firm|player|\w+\s+market"
    r"|\w+\s+industry|top\s+\w+\s+players?|(?:leading|major|key)\s+\w+|\w+\s+(?:inc|corp|ltd|plc)\.?"
    # "The top 22 companies represented 90 percent": firms together, no part of the market's split
    r"|(?:the\s+)?(?:top|largest|biggest|leading)\s+(?:\d+|\w+)\s+(?:companies|firms|players|vendors|suppliers|brands)"
    r"|(?:two|three|four|five|both|these|those|all|other|the\s+two|the\s+three)\s+[\w-]+|[\w-]+\s+segments|segments|regions|countries"
    r"|(?:these|those|the)\s+(?:two|three|four|five)\s+.*"
    r"|.*(?<![\w-])(?:markets?|industry|industries)(?![\w-]).*|.*\b(?:revenues?|spending|growth|size|value|worth|shares?)\b.*"
    # "Vegan dairy, in particular, could take up 10%": a modal verb after an aside is no member
    r"|could|would|should|might|may|must|can|will|shall|(?:are|is|was|were|be|been)\s.*"
    r"|(?:\w+\s+){0,2}(?:report|study|survey|analysis|data|forecast|estimate|statistic|figure|projection"
    r"|modell?ing)s?"
    r"|former|latter"
    r"|[\w&.-]+\s+(?:forecasts|predicts|expects|estimates|projects|believes|says)\s.*"
    r"|(?:[\w&.-]+\s+){0,2}(?:statistics|data|figures|numbers|research|studies|modell?ing|analysis)\s+shows?\s.*"
    # "In 2015 these three segments combined were worth ...", "A growing GDP ... 5.3% a year"
    r"|.*\b(?:these|those)\s+(?:two|three|four|five|six|\d+)\s+.*|an?|the"
    r"|estimated|expected|projected|valued|forecasted|anticipated|predicted|calculated)"
)
# The words a sentence opens with, up to its verb: "Games on mobile will grow 25.6% Y/Y to $86.3B in 2020".
SENTENCE_SUBJECT = re.compile(
    r"[-•*·\s]*(?:(?i:the|global|worldwide)\s+)*(?P<subject>[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,4}?)\s+"
    r"(?i:will|is|are|was|were|grew|grows|rose|rises|remains|remained|generated|generates|reached|reaches)\b"
)
# A figure's sentence up to its subject's verb: opening clauses ("In 2024,", "As demand rises,") left out.
_SUBJECT_AFTER_OPENINGS = re.compile(
    r"[-•*·\s]*(?:(?i:in|by|from|during|over|through|between|until|according\s+to|as\s+per|per|with|at|as|while|when"
    r"|if|because|since|although|though|given|amid|despite|after|before|yet|however|overall|for\s+example"
    r"|for\s+instance|looking\s+ahead|(?:moving|going)\s+forward|in\s+addition|but|and|also|moreover|meanwhile"
    r"|additionally|further(?:more)?)\b[^,]{0,80},\s*"
    # "It is worth mentioning that investments in generative AI software are forecast to grow 36 percent"
    r"|(?i:it\s+(?:is|was)\s+(?:\w+\s+){0,3}?that)\s+"
    # "the report predicts that software will reach $280 billion": what the source says is about comes after "that"
    r"|[^,.;]{0,60}?\b(?i:predicts?|predicted|expects?|expected|says|said|estimates?|estimated|forecasts?|projects?"
    r"|believes?|notes?|noted|finds?|found|reports?|reported)\s+(?i:that)\s+"
    # "Positive news is that the compound annual growth rate is expected to increase to 7.98%"
    r"|[^,.;]{0,40}?\b(?i:is|was)\s+(?i:that)\s+)*"
    # the verb in lower case: "The global Expanded Thermoplastic Polyurethane market" names no verb
    r"(?P<subject>(?s:.*?))\s+(?![A-Z])(?i:is|are|was|were|will|would|could|has|have|had|grew|grows|growing|registered|registers"
    r"|witnessed|expanded|rose|increased|surged|posted|recorded|reached|exhibits?|exhibited|shows?|showed|saw|sees|see"
    r"|constitutes|constituted|accounts|accounted|holds|held|captures|captured|represents|represented|dominates"
    r"|dominated|totaled|totalled|totals|amounted)\b"
)
_SUBORDINATE_OPENING = re.compile(
    r"(?i:as|while|when|whereas|if|because|since|although|though|given|amid|despite|after|before|once|unless)\b"
)
# Words a market's own rate is said of: the market by any name, its revenue, size or demand, or a pronoun for it.
_THE_MARKETS_OWN = re.compile(
    r"\b(?i:markets?|industry|sector|it|its|this|that|these|they|revenues?|sales|spending|size|value|valuation"
    r"|expenditures?|demand|consumption|figure|number|cagr|growth|trajectory|business|income|turnover)\b"
)

# Subjects that say who states a figure, not what it is of.
_A_SOURCE = re.compile(
    r"\b(?i:reports?|study|studies|surveys?|estimates?|analysis|analysts?|research|forecasts?|data|figures|statistics|numbers|who"
    r"|according|projections?|predictions?|advisory|consultancy|firm"
    # "IDC expects to see a compound annual growth rate of 10.4%": the source speaking
    r"|expects?|predicts?|anticipates?|believes?|says|said)\b"
)


def subject_after_openings(sentence_before_figure: str) -> str | None:
    """The words before the first verb of a figure's sentence, opening clauses ("In 2024,", "Overall,", "As demand
    rises,") left out: what the sentence is about. None when no verb comes before the figure."""
    found = _SUBJECT_AFTER_OPENINGS.match(sentence_before_figure)
    return found.group("subject").strip(" \t\n-•*·") if found else None


def rate_of_something_else(sentence_before_rate: str, market: str | None) -> str | None:
    """The subject of a growth rate's sentence when it names neither the market nor anything a market's rate is
    said of ("Yet, small contractors are poised to surge at a 5.92% CAGR", "The banking and resources industries
    will follow, with CAGRs of 11.4 and 11.3 percent"): the rate is that thing's, not the market's. None when the
    subject is the market's, says who states the figure ("A report released by ..."), or cannot be told (no verb,
    a date or a number in it, a subordinate clause whose main clause comes later)."""
    if _THE_MARKET_RIGHT_BEFORE_THE_RATE.search(sentence_before_rate):
        return None  # "Fintechs are tapping into a market ... which showed that this market will grow by 10%"
    subject = subject_after_openings(sentence_before_rate)
    if subject is None:
        return None
    if _PER_HEAD_OR_A_RATE.search(subject):
        return subject  # "The birth rate per thousand people in 2018 was 11.8, ... a CAGR of 1.2%"
    subordinate = _SUBORDINATE_OPENING.match(subject)
    if subordinate and "," not in sentence_before_rate:
        # "Although cylindrical robots are expected to grow at a CAGR of 6.5%": a clause with no main one after it
        subject = subject[subordinate.end() :].strip()
    elif subordinate:
        return None  # "As consumers are ..., the market ...": the main clause comes later
    # "Box office revenues will rise 6.3% a year" on a filmed entertainment page: the revenues of a named thing
    if (
        market
        and (earner := _A_NAMED_THINGS_REVENUES.fullmatch(subject)) is not None
        and not _THE_MARKETS_OWN.search(earner.group("what"))
        and relation_to_the_market(earner.group("what"), market) == "other"  # not "SATCOM" on a satellite page
    ):
        subject = earner.group("what")
    if (
        not subject
        or any(character.isdigit() for character in subject)
        or _THE_MARKETS_OWN.search(subject)
        or _A_SOURCE.search(subject)  # "A report released by Armstrong & Associates shows the market is ..."
    ):
        return None
    subject_words = {word.lower().removesuffix("s") for word in re.findall(r"[A-Za-z]+", subject)}
    market_words = {word.lower().removesuffix("s") for word in re.findall(r"[A-Za-z]+", market or "")}
    if subject_words & (market_words - {"global", "the", "of", "and", "for", "in"}):
        return None
    return subject


_A_NAMED_THINGS_REVENUES = re.compile(
    r"(?:(?i:the)\s+)?(?!(?i:global|total|overall|annual|worldwide|world|combined|aggregate|gross|net|its|their|our"
    r"|industry|market|sector)\b)(?P<what>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,2}?)\s+(?i:revenues?|sales|spending)"
)
# "The per capita food and beverage expenditure in the UK ... is projected to increase by a 1.8% CAGR": a quantity per
# person, or a rate, grows at the rate, not a market
_PER_HEAD_OR_A_RATE = re.compile(
    r"\b(?i:per\s+capita|per\s+thousand|per\s+person|per\s+head|birth\s+rate|death\s+rate|unemployment\s+rate"
    r"|inflation|life\s+expectancy)\b"
)
_THE_MARKET_RIGHT_BEFORE_THE_RATE = re.compile(
    r"\b(?i:this|that|the)\s+(?:(?i:global|overall|whole|entire)\s+)?(?i:market|industry)\s+"
    r"(?i:will|is|are|was|should|could|may|might|would|can|has|had)\b[^,;]*$"
)
# Words that show the opening words are a clause of their own ("HolonIQ estimates that EdTech will reach ...").
NOT_IN_A_SUBJECT = frozenset(
    {"that", "which", "who", "says", "said", "estimates", "estimated", "expects", "expected", "predicts",
     "forecasts", "believes", "notes", "reports", "according", "to", "and", "but", "if", "as", "while", "when",
     "in", "by", "it", "its", "this", "these", "report", "study", "analysts"}
)  # fmt: skip
JOINING_WORDS = frozenset({"on", "of", "for", "in", "and", "&"})
# "Johnson & Johnson", "Abbott Laboratories", "Monster Energy": a firm's name, not a member's ("Enterprise IoT" is one).
FIRM_NAME = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+&\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
    r"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+(?:Laboratories|Labs|Inc\.?|Corp\.?|Corporation|Company|Co\.|Ltd\.?"
    r"|Limited|Group|Holdings|Technologies|Energy|Motors|Industries|Pharmaceuticals|Electric|Airlines|Brands"
    r"|International|AG|SA|plc|PLC|LLC|GmbH|Robotics|Aerospace|Semiconductor|Therapeutics|Biosciences|Healthcare)"
)
# "Medtronic reported revenue of USD 31.22 billion", "Johnson & Johnson generated USD 30.4 billion in medtech revenue"
FIRM_EARNS = re.compile(
    r"[-•*·\s]*(?P<firm>[A-Z][\w'’.-]*(?:\s+(?:&\s+)?[A-Z][\w'’.-]*){0,3})\s+"
    r"(?i:reported|posted|generated|earned|recorded|booked)\s+(?:(?i:total|net|annual|a)\s+)?(?:(?i:revenues?|sales)\s+"
    r"(?:(?i:of)\s+)?)?(?:(?i:about|around|nearly|over|roughly|approximately|more\s+than)\s+)?"
)
# "The top chip design companies in 2022 were Qualcomm ($46 billion), Broadcom ($26 billion)": each firm's revenue.
FIRM_IN_BRACKETS = re.compile(
    r"(?P<firm>[A-Z][\w&'’.-]*(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*){0,3})\s*\(\s*"
    r"(?:(?i:about|around|approx\.?|approximately|nearly|over)\s+|~\s*)?"
)
COMPANIES = re.compile(
    r"\b(?i:compan(?:y|ies)|firms|vendors|players|manufacturers|makers|producers|suppliers|brands|turnover"
    r"|tops?\s+the\s+list|topped\s+the\s+list)\b"
)
# "Lithium-ion batteries contributed USD 21.5 billion to the EV battery market in 2022": an amount the member that
# opens the sentence contributes or generates.
MEMBER_CONTRIBUTES = re.compile(
    _OPENING_MEMBER + r"\s+"
    r"(?i:contributed|contributes|generated|generates|accounted\s+for|accounts\s+for|captured|captures|sold|sells)\s+"
    r"(?:(?i:about|around|nearly|over|roughly|approximately|more\s+than)\s+)?$"
)
# "The market is predominantly dominated by Traditional Banks, which are expected to have a projected market volume
# of US$7.03tn": the amount after is the dominant member's (a capitalised name, as portals write their segments)
DOMINATED_BY_MEMBER = re.compile(
    r"[^.;]*?\b(?i:dominated|led)\s+by\s+(?:the\s+)?(?P<member>[A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,4}),?"
    r"\s+(?i:which|that|who|with)\b[^.;]*$"
)
GENERIC_MEMBER_NOUN = re.compile(
    # "Life insurance premiums globally reached $2.8 trillion": the member is "Life insurance"
    r"(?:\s+(?i:sector|section|segment|sub-segment|class|category|units|demand|revenues?|spending|alone|combined"
    r"|operations|shipments|application|premiums|globally|worldwide|age\s+group))+$"
)
# "Secondary batteries lead the market by size and growth, with a 2018 value of $21.4 billion and a CAGR of 16.3%"
MEMBER_LEADS_THE_MARKET = re.compile(
    r"(?:" + _BY_DIMENSION + r",\s+)?"
    # "Of these, the paints and coatings application dominates the titanium dioxide market with around $12 billion"
    r"(?:(?i:of|among)\s+(?i:these|them|all|which)\b[^,]{0,30},\s*)?"
    # "Regarding the most relevant categories, personal care leads the European market with more than 20.5 billion"
    r"(?:(?i:regarding|as\s+for|in\s+terms\s+of|among)\s+[^,.;]{1,50},\s*)?"
    + _OPENING_MEMBER
    + _EXAMPLES_ASIDE
    + r"\s+"
    r"(?i:lead|leads|led|dominate|dominates|dominated|leading|dominating)\s+(?i:the)\s+(?:(?i:global|overall|whole)\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?i:market|industry)\b|(?:[\w-]+\s+){1,3}?(?i:segment|category)\b"
    # "Outdoor sports toys lead the way in the US market with over $3.6 billion"
    r"|(?i:way|pack)\s+(?i:in)\s+(?i:the)\s+(?:[\w.-]+\s+){0,3}?(?i:market|industry)\b)"
)
# "..., followed by lithium-silver cells at 7.4% and lithium-thionyl cells at 5.3%": the member each figure is of.
FOLLOWED_BY_MEMBER = re.compile(
    r"(?:\b(?i:followed\s+by|ahead\s+of|and)\s+|,\s*(?!(?i:followed\s+by|ahead\s+of|and)\b))(?:(?i:the)\s+)?(?P<member>[A-Za-z][^.;%\d,()\[\]]{0,60}?)"
    r"(?:\s+(?i:at|with)(?:\s+(?i:about|around|nearly|roughly|approximately|over|some|a|an))*\s*|\s*[(\[]\s*)$"
)
_SOURCE_NAME = (
    r"\s+(?:(?i:the)\s+)?(?P<member>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,3}?)"
    r"(?=\s*(?:[.,;|)]|$)|\s+(?i:and|while|in|by|with|as)\b)"
)
REVENUE_FROM = re.compile(
    r"(?:\s+(?i:of)\s+(?:(?i:the|total|all|its|their)\s+)?(?i:revenues?|sales|income)\s+(?:(?i:comes?|came|is|was)\s+)?"
    r"(?i:from|through|via|generated\s+(?:by|through|from))"
    # "total revenue of USD 45 billion in 2010 with 51% contribution from new equipment sales"
    r"|\s+(?i:contribution)\s+(?i:from))" + _SOURCE_NAME
)
# "Of the total global revenue, 85% comes from temporary staffing, with the remaining 15% from place and search
# services": where a share of the revenue the sentence names before comes from
# "51% of revenue is from mobile games, 24% is from personal computer games and 25% from console games": a name ends
# at the clause's end or where the next share is joined on
_SOURCE_NAME_TO_THE_CLAUSES_END = (
    r"\s+(?:(?i:the)\s+)?(?P<member>[A-Za-z][\w&'’-]*(?:\s+[\w&'’-]+){0,4}?)"
    r"(?=\s*(?:[.,;|)]|$)|\s+(?i:and)\s+\d[\d.]*\s?(?:%|(?i:per\s?cent|percent)))"
)
_COMES_FROM = re.compile(r"\s+(?i:comes?|came|is|was)\s+(?i:from)" + _SOURCE_NAME_TO_THE_CLAUSES_END)
# "... 24% is from personal computer games and 25% from console games": the share listed after one that "is from"
_A_SHARE_FROM_BEFORE = re.compile(r"(?:%|(?i:per\s?cent|percent))\s+(?i:comes?|came|is|was)\s+(?i:from)\b")
_REMAINING_FROM = re.compile(r"\s+(?i:from)" + _SOURCE_NAME_TO_THE_CLAUSES_END)
_REMAINING_BEFORE = re.compile(r"\b(?i:remaining|other|rest)\s+$")
_REVENUE_WORD = re.compile(r"\b(?i:revenues?|sales|income|turnover)\b")
_BARE_NUMBER_AND_BEFORE = re.compile(r"\d\s+(?i:and)\s+$")
_SALES_AFTER_A_NAME = re.compile(r"(?<=\w)\s+(?i:sales|revenues?)$")
FOLLOWED_BY_WORDS = re.compile(r"\b(?i:followed\s+by)\b")
# Words no member's name holds: "the Asian region would rank second with an 18.72% share" names no member.
_VERB_IN_A_NAME = re.compile(
    r"\b(?i:would|will|is|are|was|were|has|have|had|ranks?|ranked|grows?|grew|holds?|held|accounts?|accounted)\b"
)
MEMBER_IS_THE_KIND = re.compile(
    # "Of these, table sauces was the largest category, contributing more than 30% revenue"
    r"[-•*·\s]*(?:(?i:of|among)\s+(?:(?i:these|them|all)\b)[^,]{0,30},\s*)?"
    # "Among the different low-code technologies, the analyst firm expects low-code application platforms (LCAPs)
    # will be the main component of the market and grow 25% to reach $10 billion"
    r"(?:(?i:among)\s+[^,]{1,60},\s*)?(?:(?i:the)\s+[\w&'’ -]{1,30}?\s+(?i:expects|predicts|forecasts|says|believes)"
    r"\s+(?:(?i:that)\s+)?)?"
    r"(?:(?i:the)\s+)?(?P<member>[A-Za-z0-9][\w&'’/-]*(?:\s+[\w&'’/()-]+){0,5}?)\s+"
    r"(?i:is|are|was|were|will\s+be|will\s+remain|will\s+stay|remains|remain|remained|became|emerged\s+as"
    r"|stood\s+as|stands\s+as"
    r"|(?:is|are)\s+(?:expected|projected|forecast|anticipated|set|poised|likely)\s+to\s+(?:be|remain))"
    r"\s+(?i:the)\s+(?:[\w-]+\s+){0,3}?(?i:industry|sector|segment|category|vertical|application|channel"
    r"|component(?=\s+of\s+the\s+(?:[\w-]+\s+){0,3}?market)"
    # "Healthcare was the largest end-user market for microbes and microbial products"
    r"|(?:end[- ]users?|end[- ]use|application|product|service|component)\s+market(?=\s+(?:for|of)\b))\b"
)
# "The market's largest segment is the segment Smart Watches with a market volume of US$41,230m in 2024"
LARGEST_SEGMENT_NAMED = re.compile(
    r"[-•*·\s]*(?i:the\s+market['’]s|its)\s+(?:[\w-]+\s+){0,2}?(?i:segment)\s+(?i:is|was)\s+"
    r"(?:(?i:the)\s+(?i:segment)\s+)?(?P<member>[A-Z][\w&'’/-]*(?:\s+(?:&\s+)?[A-Z][\w&'’/-]*){0,4})"
    # "The smallest component of the toy industry are stuffed animals, which saw $940 million in total sales"
    r"|[-•*·\s]*(?i:the)\s+(?i:largest|smallest|biggest|leading|fastest[- ]growing|second[- ]largest)\s+"
    r"(?i:component|segment|category|part|sector)\s+(?i:of)\s+(?i:the)\s+(?:[\w.-]+\s+){0,3}?(?i:market|industry)\s+"
    r"(?i:is|are|was|were)\s+(?:(?i:the)\s+)?(?P<named>[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,4}?)"
    r"(?=\s*,|\s+(?i:which|with|at|that)\b)"
)
# Words after which an amount is no longer the named segment's: "..., while the market was worth $2 billion".
ANOTHER_CLAUSE = re.compile(
    r";|\b(?i:while|whereas|but|although)\b"
    r"|\b(?i:the\s+(?:global\s+|overall\s+|total\s+|whole\s+)?(?:market|industry)\s+(?:is|was|will|size|value|reached|stood))"
)
# "In 2019, it accounted for 48.6%", "It is expected to grow at a CAGR of 15.8%": a sentence about the previous one's
# subject.
IT_OPENING = re.compile(
    r"[-•*·\s]*(?:(?i:in|by)\s+(?:19|20)\d{2},\s*)?"
    # "Furthermore, it's expected to expand from $62.75 billion in 2023"
    r"(?:(?i:furthermore|moreover|additionally|in\s+addition|also|however|meanwhile),?\s+)?(?i:it|its)\b"
)
SUBJECT_WORDS = 3
SEGMENT_NOUNS = "segment|sub-segment|channel|category|vertical"  # the words that call a member a segment
SEGMENT_NOUN = re.compile(rf"\s+(?i:{SEGMENT_NOUNS})$")
SEGMENT_WORD = re.compile(r"\s+(?i:segment|sub-segment)$")
REGION_DIMENSIONS = frozenset({"region", "regions", "geography", "geographies", "geographic region"})
A_FIGURE = re.compile(r"\d\s?(?:%|(?i:per\s?cent|percent))|\d\s?(?i:million|billion|trillion|bn|mn)\b")
# "API/Bulk Drugs, one of the segments analyzed in the report, is projected to record a 4.4% CAGR"
SEGMENT_APPOSITIVE = re.compile(
    r"[-•*·\s]*(?P<member>[A-Z][^,;.]{0,60}?),\s+(?i:one\s+of\s+the\s+(?:report['’]s\s+)?(?:\w+\s+)?"
    r"(?:segments|sub-segments|categories|sectors)\b"
    # "Machine learning, the largest segment of the AI market, will grow"
    r"|(?:the|its)\s+(?:(?:second|third|next)[-\s])?(?:largest|biggest|smallest|leading|fastest[-\s]growing)\s+"
    r"(?:segment|sub-segment|category|sector)\s+of\s+[^,;]{1,60},(?=\s))"
    # "The second largest segment, chassis sensors, was worth an estimated $2.1 bln"
    r"|[-•*·\s]*(?i:the)\s+(?:(?i:second|third|fourth|next)\s+)?(?i:largest|biggest|smallest|fastest[-\s]growing)\s+"
    r"(?i:segment|category|sector),\s+(?P<named>[^,;.]{2,60}?),"
)


_A_TIME_TAIL = re.compile(r"\s+(?i:in|over|during|for)\s+(?i:the\s+same|that|this)\s+(?i:period|time|span)$")
# "in 2018 traditional deployment", "year 2015, adventure and safari" (after "In the"): the year is no part of it
_A_YEAR_OPENING = re.compile(
    r"^(?:(?i:in|by|during)\s+(?:(?i:the)\s+)?(?:(?i:year)\s+)?|(?i:year)\s+)(?:19|20)\d{2},?\s+"
)
_PLACE_BY_ITS_ADJECTIVE = re.compile(
    r"(?P<adjective>(?:North|South|Latin|Central)?\s?[A-Z][a-z]+an|[A-Z][a-z]+(?:ese|ish|ch))\s+"
    r"(?i:demand|sales|consumption|revenues?|spending|market)"
)


def member_opening_clause(
    text: str, sentence: Sentence, position: int, require_by_dimension: bool = True
) -> NamedScope | None:
    """In "By pets, dogs captured 49.6% ... while cats are projected to post a 7.7% CAGR", the member that opens
    the clause holding ``position`` (dogs, cats); None when no member opens it, or, with
    ``require_by_dimension``, outside such a sentence."""
    opening = BY_DIMENSION_OPENING.match(sentence.text)
    if opening is None and require_by_dimension:
        return None
    relative = position - sentence.char_start
    sentence_start = opening.end() if opening else 0
    after_a_figure = last_boundary = sentence_start
    for boundary in CLAUSE_OPENING.finditer(sentence.text, sentence_start, relative):
        if boundary.group().strip().lower() == "and" and not A_FIGURE.search(
            sentence.text, sentence_start, boundary.start()
        ):
            continue  # "Orthopedic clinics and ambulatory surgical centers held 28%": one member's name
        last_boundary = boundary.end()
        if A_FIGURE.search(sentence.text, sentence_start, boundary.start()):
            after_a_figure = boundary.end()
    # A new member's clause opens after another member's figure ("Troponin had the major revenue share of, more than
    # 35%" is one clause; "Sparkling wine and fortified wine held 11% and 4%" names joined members); else after the
    # last comma or joining word ("In terms of freight volume, maritime transportation made up 47.9%").
    # "According to the data, mobile games accounted for by far the largest share of total sales, almost 52 per
    # cent": else the clause an opening phrase leads into
    opening_phrase = _OPENING_PHRASE.match(sentence.text, sentence_start)
    after_opening = opening_phrase.end() if opening_phrase and opening_phrase.end() <= relative else after_a_figure
    # "PURIFIED WATER: Leading Segment: Purified water held the leading share of 44.67%": after the labels
    labels = _LABELS_BEFORE_A_CLAUSE.match(sentence.text, sentence_start, relative)
    after_labels = labels.end() if labels else after_a_figure
    for clause_start in dict.fromkeys((after_a_figure, last_boundary, after_opening, after_labels)):
        member = MEMBER_THEN_VERB.match(sentence.text, clause_start, relative)
        if (
            member is not None
            and not NOT_A_MEMBER.fullmatch(member.group("member"))
            # "Abbott Laboratories held 8.2% market share": a firm, unless a "By <dimension>," line lists members
            and (opening is not None or not FIRM_NAME.fullmatch(member.group("member")))
        ):
            break
    else:
        return None
    # "The residential sector accounts for 54%": the member is "residential"
    name = GENERIC_MEMBER_NOUN.sub("", member.group("member")) or member.group("member")
    name = _A_TIME_TAIL.sub("", name) or name  # "paging in the same period is projected to dip from 26 percent"
    # "Canalys data shows that in 2018 traditional deployment accounted for 82 percent": the year is no part of it
    name = _A_YEAR_OPENING.sub("", name) or name
    if opening is None and (place := _PLACE_BY_ITS_ADJECTIVE.fullmatch(member.group("member"))) is not None:
        # "North American demand will fall from 23.1% to 21.1%": the place the adjective names
        named = place_of_adjective(place.group("adjective"))
        return NamedScope(scope_of_place(named), scope_of_place(named), named)
    if opening is None:
        return NamedScope("segment", None, name)
    dimension = dimension_of_the_opening(sentence.text)
    if dimension in REGION_DIMENSIONS:
        return NamedScope("region", "region", name)
    return NamedScope("segment", dimension, name)


_LABELS_BEFORE_A_CLAUSE = re.compile(r"(?:[-•*·\s]*[A-Z][\w&'’/-]*(?:[ \t]+[\w&'’/-]+){0,4}[ \t]*:[ \t]+){1,2}")
_NAMED_SEGMENT = re.compile(
    r"\b(?i:the)\s+(?!(?i:largest|biggest|fastest|fastest-growing|leading|dominant|major|key|top|main|second|third"
    r"|same|other|whole|entire|overall)\b)(?P<member>[A-Za-z0-9≤≥<>][\w&'’/,-]*(?:\s+[\w&'’/,()-]+){0,6}?)\s+"
    r"(?i:segment|sub-segment|category)\b"
)


def segment_named_before(text: str, sentence_start: int, figure_start: int) -> NamedScope | None:
    """The last segment a sentence names as such before a share: "the meat, fish and seafood segment generated the
    highest revenue, accounting for around 35%" → 'meat, fish and seafood'."""
    named = next(reversed(list(_NAMED_SEGMENT.finditer(text, sentence_start, figure_start))), None)
    if named is None or NOT_A_MEMBER.fullmatch(named.group("member")):
        return None
    return NamedScope("segment", None, named.group("member"))


def segment_named_the_kind(sentence_text: str, offset: int) -> NamedScope | None:
    """The segment a sentence names as the market's largest, fastest-growing (...) one, when the amount at
    ``offset`` follows in the same clause: "Tablet games are the fastest-growing segment of the market, with
    revenue set to climb from $4.1 billion"."""
    named = LARGEST_SEGMENT_NAMED.match(sentence_text) or MEMBER_IS_THE_KIND.match(sentence_text)
    member = named and (named.groupdict().get("named") or named.group("member"))
    if named is None or named.end() > offset or NOT_A_MEMBER.fullmatch(member):
        return None
    if ANOTHER_CLAUSE.search(sentence_text, named.end(), offset):
        return None
    return NamedScope("segment", None, GENERIC_MEMBER_NOUN.sub("", member) or member)


def overlaps_a_mention(tokens: SentenceTokens, start: int, end: int) -> bool:
    """Whether a place or segment the gazetteer knows is named within [start, end)."""
    return any(mention.start < end and start < mention.end for mention in tokens.mentions)


def only_named_in(tokens: SentenceTokens, position: int, start: int, end: int) -> bool:
    """Whether every place or segment the sentence names before ``position`` lies within [start, end): "lithium
    cells lead the primary battery segment by growth": the segment led only says what the leader is part of."""
    return all(start <= mention.start and mention.end <= end for mention in tokens.mentions if mention.end <= position)


def member_followed_by(text: str, item, tokens: SentenceTokens) -> NamedScope | None:
    """The member named right before a figure in a ranking: "..., followed by lithium-silver cells at 7.4% and
    lithium-thionyl cells at 5.3%" (the "and" and comma forms only after a "followed by" in the same sentence).
    None when a place or segment the gazetteer knows is named there (it is the figure's already)."""
    sentence = tokens.sentence
    follower = FOLLOWED_BY_MEMBER.search(text, max(sentence.char_start, item.start - 90), item.start)
    if follower is None or overlaps_a_mention(tokens, follower.start("member"), follower.end("member")):
        return None
    member = follower.group("member").strip()
    if follower.group(0).lower().startswith(("and", ",")) and not FOLLOWED_BY_WORDS.search(
        text, sentence.char_start, follower.start()
    ):
        return None
    if NOT_A_MEMBER.fullmatch(member) or len(member.split()) > 4 or _VERB_IN_A_NAME.search(member):
        return None
    return NamedScope("segment", dimension_of_the_opening(sentence.text), GENERIC_MEMBER_NOUN.sub("", member) or member)


def dimension_of_the_opening(sentence_text: str) -> str | None:
    """'active element' for a sentence that opens "By active element, ...", else None."""
    by_dimension = BY_DIMENSION_OPENING.match(sentence_text)
    return " ".join(by_dimension.group("dimension").lower().split()) if by_dimension else None


def second_of_two_shares_from(text: str, percent: Percent) -> bool:
    """ "35 and 9 percent contribution from maintenance and modernization": two shares, the first a bare number,
    that the sentence pairs with two sources in order."""
    return bool(
        _BARE_NUMBER_AND_BEFORE.search(text, max(0, percent.start - 12), percent.start)
        and REVENUE_FROM.match(text, percent.end)
    )


def revenue_source(text: str, percent: Percent, tokens: SentenceTokens) -> NamedScope | None:
    """ "Over 70% of revenue from online bookings", "Of the total revenue, 85% comes from temporary staffing": the
    segment a share of revenue comes from (not a place the gazetteer knows, which keeps its own reading)."""
    source = REVENUE_FROM.match(text, percent.end)
    if source is None and _REVENUE_WORD.search(text, tokens.sentence.char_start, percent.start):
        source = _COMES_FROM.match(text, percent.end) or (
            _REMAINING_FROM.match(text, percent.end)
            if _REMAINING_BEFORE.search(text, max(0, percent.start - 20), percent.start)
            or _A_SHARE_FROM_BEFORE.search(text, tokens.sentence.char_start, percent.start)
            else None
        )
    if source is None or NOT_A_MEMBER.fullmatch(source.group("member")):
        return None
    if overlaps_a_mention(tokens, source.start("member"), source.end("member")):
        return None
    return NamedScope("segment", None, _SALES_AFTER_A_NAME.sub("", source.group("member")))


def firm_in_brackets(text: str, money: Money, tokens: SentenceTokens) -> str | None:
    """The firm whose revenue ``money`` is, in brackets after its name, in a sentence about companies: "the top
    chip design companies in 2022 were Qualcomm ($46 billion), Broadcom ($26 billion)"."""
    if not COMPANIES.search(tokens.sentence.text):
        return None
    for firm in FIRM_IN_BRACKETS.finditer(text, max(tokens.sentence.char_start, money.start - 60), money.start):
        if firm.end() == money.start and not overlaps_a_mention(tokens, firm.start("firm"), firm.end("firm")):
            return firm.group("firm")
    return None


def without_the_markets_words(name: str, market: str) -> str:
    """'Games on mobile' → 'mobile', 'E-commerce sales of pet food' → 'E-commerce sales' on those markets' pages: the
    member, without the market's words that open it or follow it after a joining word. A name the market's words
    end is kept as the page writes it ('Organic fertilizers', 'surgical robotics')."""
    market_words = {word.lower().removesuffix("s") for word in market.split()}

    def of_the_market(word: str) -> bool:
        return word.lower().removesuffix("s") in market_words

    words = name.split()
    if words and of_the_market(words[0]):
        kept = list(words)
        while kept and (of_the_market(kept[0]) or kept[0].lower() in JOINING_WORDS):
            kept.pop(0)
        return " ".join(kept) or name
    for position in range(len(words) - 2, 0, -1):
        if words[position].lower() in JOINING_WORDS and all(map(of_the_market, words[position + 1 :])):
            return " ".join(words[:position])
    return name


def region_of_segment(text: str, mentions: list[Mention]) -> tuple[NamedScope, str] | None:
    """'In North America, the C-type segment ...' or 'the C-type segment in North America ...': a segment
    figure limited to one region (a cell of the segment x region cube), when the two names are linked directly."""
    if len(mentions) < 2:
        return None
    first, second = mentions[-2], mentions[-1]
    between = text[first.end : second.start]
    if first.target.scope == "region" and second.target.scope == "segment" and REGION_THEN_SEGMENT.match(between):
        return second.target, first.target.member
    if first.target.scope == "segment" and second.target.scope == "region" and SEGMENT_THEN_REGION.match(between):
        return first.target, second.target.member
    return None


_COUNTED_IN_OR_OUT_AFTER = re.compile(r"\s+(?i:included|excluded)\b")
_LEFT_OUT_BEFORE = re.compile(r"\b(?i:excluding|except(?:\s+for)?|other\s+than|not\s+including|apart\s+from)\s+$")


# "India's retail market to grow to ₹137.28 lakh crore by 2030, with organised retail exceeding ₹51.48 lakh crore": a
# part of the market named in lower case after "with", reaching its own amount
# "..., with online gambling accounting for 40% (€55 billion) of this total": its share, and its amount in brackets
_WITH_A_PART_REACHING = re.compile(
    r"[,;]\s*(?i:with)\s+(?P<member>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}?)\s+"
    r"(?i:exceeding|reaching|surpassing|crossing|touching|hitting|topping|accounting\s+for|representing|making\s+up"
    r"|holding|capturing|contributing)\s+"
    r"(?:(?i:about|around|over|nearly|almost|roughly|approximately|more\s+than)\s+)?"
    r"(?:\d+(?:\.\d+)?\s?(?:%|(?i:per\s?cent|percent))\s*\(\s*)?$"
)
_LED_BY_OPENING = re.compile(
    r"[-•*·\s]*(?i:led|driven|fuell?ed|spurred|headed|spearheaded|powered|propelled)\s+(?i:by)\s+[^,;]*"
    r"(?:,\s*(?!(?i:the)\s)[^,;]*)*,\s*(?=(?i:the)\s)"
)
_NOT_A_PART = re.compile(r"(?i:sales|turnover|demand|consumption|imports|exports|production|output|spend)")


def scope_for(
    text: str, figure_start: int, tokens: SentenceTokens, recent: list[Mention]
) -> tuple[NamedScope | None, str | None]:
    """(what the figure is about, the region a segment figure is limited to)."""
    part = _WITH_A_PART_REACHING.search(text, max(tokens.sentence.char_start, figure_start - 80), figure_start)
    if (
        part is not None
        and not NOT_A_MEMBER.fullmatch(part.group("member"))
        and not _NOT_A_PART.fullmatch(part.group("member"))
    ):
        return NamedScope("segment", None, part.group("member")), None
    named_before = _outside_a_list_of_places_in_brackets(
        text,
        [
            mention
            for mention in tokens.mentions
            if mention.end <= figure_start
            # "in the GCC countries (excluding Saudi Arabia) stood at Dh17.72 billion": a place left out
            and not _LEFT_OUT_BEFORE.search(text, max(tokens.sentence.char_start, mention.start - 20), mention.start)
            # "With China included, the region accounted for 38.9%": what the region's figure counts in
            and not _COUNTED_IN_OR_OUT_AFTER.match(text, mention.end)
        ],
        figure_start,
    )
    if len(named_before) >= 2 and (led := _LED_BY_OPENING.match(tokens.sentence.text)) is not None:
        # "Led by countries such as Australia, India, and South Korea, the Asia-Pacific region is expected to reach a
        # market size of $145.5 billion": the places that lead it are not what the figure is of
        opening_end = tokens.sentence.char_start + led.end()
        after_the_opening = [mention for mention in named_before if mention.start >= opening_end]
        if after_the_opening:
            named_before = after_the_opening
    if len(named_before) >= 2:
        # "Asia Pacific leads the market, driven by strong demand for premium skincare, valued at USD 132.92 billion":
        # what a "driven by" clause names is a cause, not what the figure is of
        named_before = [named_before[0]] + [
            mention for mention in named_before[1:] if not _in_a_clause_of_causes(text, tokens, mention, figure_start)
        ]
    if len(named_before) >= 2 and _is_the_place_of_a_wider_market(text, named_before[-2], named_before[-1]):
        # "the U.S. accounted for 72.6% of the North America health IT market, with $15.9 billion in 2012"
        named_before = named_before[:-1]
    if len(named_before) >= 2 and PARTICULARLY.fullmatch(text, named_before[-2].end, named_before[-1].start):
        # "North America, particularly the United States, has taken the lead ... $10 billion": the first place
        named_before = named_before[:-1]
    if named_before and (own := _subject_of_a_contrasting_clause(text, named_before[-1].end, figure_start)):
        # "The assembly segment is projected to grow to $3.8 billion, while semiconductor test equipment is forecast
        # to increase by 22.0 percent to $4.5 billion": the later clause's own subject
        return own, None
    if named_before:
        cell = region_of_segment(text, named_before)
        if cell:
            return cell
        return places_together(text, named_before, tokens, figure_start) or named_before[-1].target, None
    reference = reference_in(tokens.sentence.text)
    if reference is not None and _reference_after_the_subject(
        tokens.sentence.text, figure_start - tokens.sentence.char_start
    ):
        # "Protein supplements is the market leader in this category with 38.2% share": the subject is named
        reference = None
    if reference == "segment":
        return next((m.target for m in reversed(recent) if m.target.scope == "segment"), None), None
    if reference == "region":
        regions = (m.target for m in reversed(recent) if m.target.scope == "region")
        return next(regions, None), None
    return None, None


_CONTRASTING_CLAUSE = re.compile(r"[,;]\s*(?i:while|whereas)\s+")


def _subject_of_a_contrasting_clause(text: str, after: int, figure_start: int) -> NamedScope | None:
    contrast = next(reversed(list(_CONTRASTING_CLAUSE.finditer(text, after, figure_start))), None)
    if contrast is None:
        return None
    own = MEMBER_THEN_VERB.match(text, contrast.end(), figure_start)
    if own is None or NOT_A_MEMBER.fullmatch(own.group("member")) or FIRM_NAME.fullmatch(own.group("member")):
        return None
    return NamedScope("segment", None, GENERIC_MEMBER_NOUN.sub("", own.group("member")) or own.group("member"))


_PLACES_OF_A_DEFINITION = 3


def _outside_a_list_of_places_in_brackets(text: str, named_before: list[Mention], figure_start: int) -> list[Mention]:
    """ "the glaucoma market across the seven major markets (7MM; USA, France, Germany, Italy, Spain, UK, Japan)
    from $2.8 billion": places listed in brackets that close before the figure say what a name covers; they do not
    hold the figure."""
    if (
        len(named_before) < _PLACES_OF_A_DEFINITION
        or "(" not in text[max(0, named_before[0].start - 80) : figure_start]
    ):
        return named_before
    kept = []
    for mention in named_before:
        opening = text.rfind("(", max(0, mention.start - 80), mention.start)
        closing = text.find(")", mention.end, figure_start)
        inside = opening >= 0 and closing >= 0 and ")" not in text[opening : mention.start]
        if inside:
            listed = [m for m in named_before if opening < m.start and m.end <= closing]
            if len(listed) >= _PLACES_OF_A_DEFINITION:
                continue
        kept.append(mention)
    return kept


def _in_a_clause_of_causes(text: str, tokens: SentenceTokens, mention: Mention, figure_start: int) -> bool:
    """Whether ``mention`` sits in a "driven by ..." clause that closes (with a comma) before the figure."""
    causes = list(CAUSES.finditer(text, tokens.sentence.char_start, mention.start))
    if not causes or "," in text[causes[-1].end() : mention.start]:
        return False
    return "," in text[mention.end : figure_start]


def wider_market_named_before(text: str, tokens: SentenceTokens, figure_start: int) -> str | None:
    """The region whose market the place a sentence is about is part of, named right before ``figure_start``: "the
    U.S. accounted for 72.6% of the North America health IT market" → 'North America'. A percentage there is a
    share of that region's market, not of the whole market."""
    named_before = [mention for mention in tokens.mentions if mention.end <= figure_start]
    if len(named_before) >= 2 and _is_the_place_of_a_wider_market(text, named_before[-2], named_before[-1]):
        return named_before[-1].target.member
    # "In Europe, the UK has the largest demand, with a market share of 16.4%": a share of Europe's market
    if (
        len(named_before) >= 2
        and named_before[0].target.scope == "region"
        and named_before[-1].target.scope == "country"
        and IN_A_PLACE_OPENING.fullmatch(text, tokens.sentence.char_start, named_before[0].start)
        and not WHOLE_MARKET_WORDS.search(tokens.sentence.text)
    ):
        return named_before[0].target.member
    return None


def _is_the_place_of_a_wider_market(text: str, subject: Mention, container: Mention) -> bool:
    """Whether ``container`` names the wider market that ``subject``, a place named before it, is part of."""
    if subject.target.scope not in ("region", "country") or container.target.scope not in ("region", "country"):
        return False
    window = max(0, container.start - 60)
    if LEADS_THE_MARKETS_IN.search(text, window, container.start):
        return True  # "the U.S. leads the markets in North America with a market share of 86.3%"
    return (
        OF_THE_BEFORE.search(text, window, container.start) or LEADS_THE.search(text, window, container.start)
    ) is not None and A_MARKET_AFTER.match(
        text, container.end
    ) is not None  # "of the North America health IT market", "Japan leads the Asian market with a 39.7% share"


def places_together(
    text: str, named_before: list[Mention], tokens: SentenceTokens, figure_start: int
) -> NamedScope | None:
    """Places named together before a figure share it ("Japan and China held 69%"), named as the page writes
    them. With "respectively", the figures after them go to them one by one, in order."""
    together = [named_before[-1]]
    for mention in reversed(named_before[:-1]):
        if mention.target.scope not in ("region", "country") or not JOINED_PLACES.fullmatch(
            text, mention.end, together[0].start
        ):
            break
        if IN_A_PLACE_OPENING.fullmatch(text, tokens.sentence.char_start, mention.start):
            # "In Europe, the UK has the largest demand": the place the sentence opens in, then one within it
            return together[-1].target
        together.insert(0, mention)
    if len(together) < 2 or together[-1].target.scope not in ("region", "country"):
        return None
    if (whole := _place_whose_parts_are_in_brackets(text, named_before, together)) is not None:
        # "The North American market (United States & Canada) had an estimated size of 24.4 billion": the place
        # the brackets list the parts of
        return whole.target
    if RESPECTIVELY.search(tokens.sentence.text):
        # "the Asia-Pacific and US markets grew at 7.4% and 5.1% respectively, to $82.1bn and $23.4bn": one
        # figure of each kind per place, in order
        # "..., respectively, while APAC holds the remaining 26%": figures up to the next clause
        next_clause = _WHILE_CLAUSE.search(text, together[-1].end, tokens.sentence.char_end)
        clause_end = next_clause.start() if next_clause else tokens.sentence.char_end
        for kind in (tokens.money, tokens.percentages):
            figures = sorted(item.start for item in kind if together[-1].end < item.start < clause_end)
            if len(figures) == len(together) and figure_start in figures:
                return together[figures.index(figure_start)].target
        return None
    scope = "region" if any(m.target.scope == "region" for m in together) else "country"
    return NamedScope(scope, scope, text[together[0].start : together[-1].end])


_WHILE_CLAUSE = re.compile(r",?\s+(?i:while|whereas)\b|;")
_OPENS_BRACKETS_AFTER_A_PLACE = re.compile(r"\s*(?:(?i:market|region|industry)\s*)?\(\s*")


def _place_whose_parts_are_in_brackets(
    text: str, named_before: list[Mention], together: list[Mention]
) -> Mention | None:
    if not text.startswith(")", together[-1].end) and not text[together[-1].end :].lstrip().startswith(")"):
        return None
    earlier = [mention for mention in named_before if mention.end <= together[0].start and mention not in together]
    if earlier and _OPENS_BRACKETS_AFTER_A_PLACE.fullmatch(text, earlier[-1].end, together[0].start):
        return earlier[-1]
    return None


_WHAT_OF_THE_MEMBERS = re.compile(r"\s+(?i:revenues?|sales|spending|markets?|segments?|businesses)$")
_LONGEST_MEMBER_WORDS = 5


def member_of_a_respective_amount(text: str, tokens: SentenceTokens, money) -> NamedScope | None:
    """ "Wafer fabrication materials and packaging materials revenues totaled $34.9 billion and $20.4 billion,
    respectively": the member the sentence's subject lists in the amount's place."""
    if not RESPECTIVELY.search(tokens.sentence.text):
        return None
    subject = subject_after_openings(text[tokens.sentence.char_start : money.start])
    if not subject:
        return None
    subject = _WHAT_OF_THE_MEMBERS.sub("", subject)
    members = [THE_OPENING.sub("", member.strip()) for member in MEMBERS_JOINED.split(subject) if member.strip()]
    if len(members) < 2 or any(
        NOT_A_MEMBER.fullmatch(member) or len(member.split()) > _LONGEST_MEMBER_WORDS for member in members
    ):
        return None
    amounts = [item.start for item in tokens.money]
    if len(amounts) % len(members) or money.start not in amounts:
        return None
    return NamedScope("segment", None, members[amounts.index(money.start) % len(members)])


def one_of_respectively(target: NamedScope, tokens: SentenceTokens, percent: Percent) -> NamedScope:
    """ "Sparkling wine and fortified wine held a share of 11% and 4%, respectively": each member its share."""
    members = MEMBERS_JOINED.split(target.member)
    if len(members) < 2 or not RESPECTIVELY.search(tokens.sentence.text):
        return target
    shares = [item.start for item in tokens.percentages]
    if len(shares) != len(members) or percent.start not in shares:
        return target
    return replace(target, member=members[shares.index(percent.start)])


# "Hot drinks, bottled water, and juice followed with shares of 35%, 17%, and 6%, respectively": the subject's
# list, up to its verb
_LISTED_SUBJECT = re.compile(
    r"[-•*·\s]*(?:(?i:the)\s+)?(?P<list>[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,3}?"
    r"(?:\s*,\s*(?:(?i:and)\s+)?(?:(?i:the)\s+)?[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,3}?){2,})\s+"
    r"(?i:followed|accounted|held|recorded|captured|represented|contributed|registered|made\s+up|had|posted)\b"
)


def one_of_a_listed_subject(
    text: str, sentence: Sentence, tokens: SentenceTokens, percent: Percent
) -> NamedScope | None:
    """The member a percentage is of when the sentence opens with three or more names, then gives as many
    percentages "respectively": each name its own, in order."""
    if not RESPECTIVELY.search(sentence.text):
        return None
    opening = _OPENING_PHRASE.match(text, sentence.char_start)
    subject = _LISTED_SUBJECT.match(text, opening.end() if opening else sentence.char_start, percent.start)
    if subject is None or any(subject.start("list") <= m.start < subject.end("list") for m in tokens.mentions):
        return None
    members = [member for member in MEMBERS_JOINED.split(subject.group("list")) if member]
    rates = [item.start for item in tokens.percentages]
    if (
        len(members) != len(rates)
        or percent.start not in rates
        or any(NOT_A_MEMBER.fullmatch(member) or FIRM_NAME.fullmatch(member) for member in members)
    ):
        return None
    return NamedScope("segment", None, members[rates.index(percent.start)])


# "revenues of vaccines (US$6.50 billion), minerals (US$5.71 billion), ..." and "sectors include flavours at an
# estimated US$5,300m (€5.4m) in 2000, hydrocolloids at US$2,926 million (...)": members listed with their amounts
_AMOUNT_IN_BRACKETS_BEFORE = re.compile(r"\s*\(\s*$")
_AMOUNT_AT_BEFORE = re.compile(
    r"\s+(?i:at)\s+(?:(?i:an?|about|around|nearly|roughly|approximately|some|over|estimated|an\s+estimated)\s+)*$"
)
_AMOUNT_TO_BEFORE = re.compile(r"\s+(?i:to)\s+(?:(?i:about|around|nearly|roughly|approximately|over)\s+)?$")
# ", convenience stores" or ", and supermarkets and hypermarkets" right after the amount before: a name, no verb
_A_LIST_ITEM_WITHOUT_ITS_VERB = re.compile(
    r"(?:\s+(?i:in|by)\s+(?:19|20)\d{2})?\s*,\s*(?:(?i:and)\s+)?(?!(?i:while|whereas|with|which|and)\b)"
    r"(?P<member>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,4})"
)
# "Logic ($176 billion in 2022 sales)": a year and what the amount is may close the bracket
_CLOSING_BRACKET_AFTER = re.compile(r"\s*(?:(?i:in)\s+(?:19|20)\d{2}(?:\s+[a-z]+){0,2}\s*)?\)")
# "Logic ($176 billion) and memory ($130 billion) were the largest semiconductor categories": two members, each
# with its amount, that the sentence then calls its largest parts
_A_PAIR_CALLED_THE_LARGEST = re.compile(
    r"[^()]{0,40}\)\s+(?i:were|are|remain|remained)\s+(?i:the)\s+(?:(?i:two)\s+)?(?i:largest|biggest|leading|top)\b"
)
_LIST_ITEM_START = re.compile(
    r"(?:[,;:(]|\)\s*(?i:and)?|\b(?i:of|include|includes|including|are|were|with|comprised|comprises|comprising"
    r"|consisted\s+of|consists\s+of|covered|covers|spanned|spans))\s*"
)
_LEADING_LIST_WORDS = re.compile(r"^(?:(?i:and|the|both)\s+)+")
_LISTED_AMOUNTS_AT_LEAST = 3
_LISTED_NAME_WORDS = 5


def _name_listed_before(text: str, item_start: int, money: Money) -> str | None:
    """The name a list item gives the amount: the words between the item's start (the sentence's or the amount
    before it, then a comma, ") and", "of", "include") and the bracket or "at" that opens the amount."""
    opening = _AMOUNT_IN_BRACKETS_BEFORE.search(text, item_start, money.start)
    if opening is not None and not _CLOSING_BRACKET_AFTER.match(text, money.end):
        opening = None
    opening = opening or _AMOUNT_AT_BEFORE.search(text, item_start, money.start)
    if opening is None:
        return None
    before = text[item_start : opening.start()]
    starts = list(_LIST_ITEM_START.finditer(before))
    name = _LEADING_LIST_WORDS.sub("", (before[starts[-1].end() :] if starts else before).strip()).strip()
    if (
        not name
        or len(name.split()) > _LISTED_NAME_WORDS
        or any(character.isdigit() for character in name)
        or NOT_A_MEMBER.fullmatch(name)
        or FIRM_NAME.fullmatch(name)
    ):
        return None
    return name


def member_listed_with_amount(text: str, tokens: SentenceTokens, money: Money) -> NamedScope | None:
    """The member an amount is listed with, when its sentence lists three or more members each with its amount
    (an amount in brackets right after another, a conversion, is that member's too)."""
    at_least = _LISTED_AMOUNTS_AT_LEAST
    if len(tokens.money) == 2 and _A_PAIR_CALLED_THE_LARGEST.match(text, tokens.money[-1].end):
        at_least = 2
    if len(tokens.money) < at_least:
        return None
    names: dict[int, str] = {}
    previous = None
    for item in tokens.money:
        name = _name_listed_before(text, previous.end if previous else tokens.sentence.char_start, item)
        if name is None and previous is not None and previous.start in names:
            between = text[previous.end : item.start]
            if between.strip() == "(" and _CLOSING_BRACKET_AFTER.match(text, item.end):
                name = names[previous.start]  # "US$5,300m (€5.4m)": the same amount in another currency
        if name is not None:
            names[item.start] = name
        previous = item
    if len(set(names.values())) < at_least or money.start not in names:
        return None
    return NamedScope("segment", None, names[money.start])


_LISTED_WITHOUT_THEIR_VERB_AT_LEAST = 2


def member_of_a_list_without_its_verb(text: str, tokens: SentenceTokens, money: Money) -> NamedScope | None:
    """ "The quick-service segment will grow to $8.9 billion by 2023, while coffee shops will grow to $5.2 billion,
    convenience stores to $4.7 billion, and supermarkets to $2.3 billion": the member of an amount listed after
    another with the verb left out (two or more such items)."""
    names: dict[int, str] = {}
    for previous, item in itertools.pairwise(tokens.money):
        to = _AMOUNT_TO_BEFORE.search(text, previous.end, item.start)
        if to is None:
            continue
        item_name = _A_LIST_ITEM_WITHOUT_ITS_VERB.fullmatch(text, previous.end, to.start())
        if item_name is not None and not NOT_A_MEMBER.fullmatch(item_name.group("member")):
            names[item.start] = item_name.group("member")
    if len(names) < _LISTED_WITHOUT_THEIR_VERB_AT_LEAST or money.start not in names:
        return None
    return NamedScope("segment", None, names[money.start])


_LEADING_WORDS_OF_A_SUBJECT = re.compile(r"^(?:(?i:the|yet|however|meanwhile|also|both)\b[\s,]*)+")
_OF_SOMETHING = re.compile(r"\s(?i:of|for|by|in)\s")
_KIND_OF_MEMBERS = re.compile(r"\s+(?i:industries|industry|segments?|sectors?|categories|category|verticals?)$")


_ASIDE_AFTER_A_SUBJECT = re.compile(
    r",\s*(?i:on\s+the\s+other\s+hand|however|in\s+contrast|by\s+contrast|meanwhile|though|too|also|in\s+turn)\s*,?$"
)


def members_whose_rate_it_is(subject: str, tokens: SentenceTokens, percent: Percent) -> NamedScope | None:
    """The segment a growth rate is of, from the subject of a sentence that names something other than the market:
    "small contractors are poised to surge at 5.92% CAGR" → 'small contractors'; "The banking and resources
    industries will follow, with CAGRs of 11.4 and 11.3 percent, respectively" → 'banking', then 'resources'. None
    for a subject of several members sharing one rate, or one that names a firm or a place."""
    # "State/local government and telecommunications, on the other hand, will show": the subject, its aside left out
    subject = _ASIDE_AFTER_A_SUBJECT.sub("", subject.strip())
    name = _KIND_OF_MEMBERS.sub("", _LEADING_WORDS_OF_A_SUBJECT.sub("", subject))
    words = name.split()
    if (
        not name
        or NOT_A_MEMBER.fullmatch(name)
        or FIRM_NAME.fullmatch(name)
        or len(words) > SUBJECT_WORDS + 2
        or tokens.mentions  # a place or a listed member is named: not read from the subject's words
        or _OF_SOMETHING.search(name)  # "the commercialisation of space exploration": an activity, not a member
    ):
        return None
    members = [member for member in MEMBERS_JOINED.split(name) if member]
    if len(members) == 1:
        return NamedScope("segment", None, name)
    rates = [item.start for item in tokens.percentages]
    if RESPECTIVELY.search(tokens.sentence.text) and len(rates) == len(members) and percent.start in rates:
        return NamedScope("segment", None, members[rates.index(percent.start)])
    return None


def subject_of(tokens: SentenceTokens | None) -> NamedScope | None:
    """The one region, country or segment a sentence opens with (named within its first few words), if any."""
    if tokens is None:
        return None
    targets = {mention.target for mention in tokens.mentions}
    if len(targets) != 1:
        return None
    (mention,) = tokens.mentions[:1]
    opening = tokens.sentence.text[: mention.start - tokens.sentence.char_start]
    return mention.target if len(opening.split()) <= SUBJECT_WORDS else None


def _reference_after_the_subject(sentence_text: str, figure_offset: int) -> bool:
    """Whether "this segment" / "the regional market" comes after a subject that names something else."""
    subject = _SUBJECT_AFTER_OPENINGS.match(sentence_text, 0, figure_offset)
    if subject is None or not subject.group("subject").strip():
        return False
    found = SEGMENT_REFERENCE.search(sentence_text) or REGION_REFERENCE.search(sentence_text)
    return (
        found is not None
        and found.start() >= subject.end("subject")
        and not _THE_MARKETS_OWN.search(subject.group("subject"))
    )


@functools.lru_cache(maxsize=1024)
def reference_in(sentence_text: str) -> str | None:
    """'segment' for a sentence that says "this segment", 'region' for "the regional market", else None.
    Cached: each figure of the sentence asks."""
    if SEGMENT_REFERENCE.search(sentence_text):
        return "segment"
    if REGION_REFERENCE.search(sentence_text):
        return "region"
    return None


# "final part production hit 28.3 percent of the $2.2 billion spent on 3-D printing": the amount is the whole the
# member's share is of, not the member's
A_PERCENTAGE_OF_RIGHT_BEFORE = re.compile(
    # "hold a 48% market share of the $10 billion market"
    r"\d\s?(?:%|(?i:percent|per\s?cent))\s+(?:(?i:market\s+)?(?i:share)\s+)?(?i:of)\s+(?:(?i:the|an?|an\s+estimated)\s+)?$"
)


def figures_of_members_the_page_names(
    figures: list[StatedFigure], known_members: set[str], market: str | None
) -> list[StatedFigure]:
    """ "Overall, mobile will maintain a 55% market share" makes "mobile" one of the page's segments; then "mobile will
    generate $103bn in 2025" and "Mobile continues to expand (+2.2% CAGR)" are that segment's figures, not the
    market's: a market figure whose clause opens with a member the page names elsewhere (its scope list, a share)
    is the member's."""
    known = {member.lower(): member for member in known_members if market is None or member.lower() != market.lower()}
    if not known:
        return figures
    resolved = []
    for figure in figures:
        if figure.scope == "market" and figure.metric in ("value", "cagr"):
            quote = Sentence(0, len(figure.quote), figure.quote)  # offsets within the quote
            position = figure.figure_start - figure.char_start
            opening = member_opening_clause(figure.quote, quote, position, require_by_dimension=False)
            if (
                opening is not None
                and opening.member.lower() in known
                and not A_PERCENTAGE_OF_RIGHT_BEFORE.search(figure.quote, max(0, position - 30), position)
            ):
                figure = replace(figure, scope="segment", member=known[opening.member.lower()])
        resolved.append(figure)
    return resolved


# "Roasted coffee currently accounts for 44.8 per cent": an adverb between the member and its verb
_TRAILING_ADVERB = re.compile(r"\s+(?i:currently|now|still|also|alone|already|together|today|presently|nowadays)$")


# "Base chemicals in 2017 represented 58.5%": the year is no part of the name
_A_YEAR_CLOSING = re.compile(r"(?<=\w)\s+(?i:in|during|for)\s+(?:19|20)\d{2}$")
# "Sales through foodservice represented 22 percent of sales": the channel is the member
_SALES_THROUGH = re.compile(r"^(?i:sales|revenues?|spending)\s+(?i:through|via)\s+(?=\w)")


def segment_names_without_adverbs(figures: list[StatedFigure]) -> list[StatedFigure]:
    """A segment's name less an adverb the sentence put after it ("Roasted coffee currently" → "Roasted coffee"), a
    year the sentence opened with ("year 2015, adventure and safari" → "adventure and safari") and a word that only
    says what kind of member it is ("millennials age group" → "millennials")."""
    stripped = []
    for figure in figures:
        if figure.scope == "segment" and figure.member:
            name = _A_YEAR_OPENING.sub("", _TRAILING_ADVERB.sub("", _A_YEAR_CLOSING.sub("", figure.member)))
            name = _SALES_THROUGH.sub("", name)
            name = GENERIC_MEMBER_NOUN.sub("", name) or name
            if name != figure.member and not NOT_A_MEMBER.fullmatch(name):  # "that now makes up 37%": no member
                figure = replace(figure, member=name)
        stripped.append(figure)
    return stripped


_TRAILING_ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z&/]{1,7})\)$")


def one_spelling_per_segment(figures: list[StatedFigure], listed_members: set[str]) -> list[StatedFigure]:
    """ "the passenger vehicle segment dominated with 72.48%" and "the market by passenger vehicles accounted for
    USD 28.79 billion" are one segment: spellings that differ only in case or a plural ending take one name, the
    scope list's if it has one, else the plural one ("passenger vehicles")."""
    spellings: dict[str, set[str]] = {}
    for figure in figures:
        if figure.scope == "segment" and figure.member:
            spellings.setdefault(_singular_key(figure.member), set()).add(figure.member)
    listed = {_singular_key(member): member for member in listed_members}
    chosen = {}
    for key, names in spellings.items():
        if len(names) > 1 or key in listed:
            plural = sorted(name for name in names if name.lower().endswith("s"))
            chosen[key] = listed.get(key) or (plural or sorted(names))[0]
    for names in list(spellings.values()):
        for name in names:
            # "augmented reality (AR)" and, further on, "the AR market": the acronym is the name it stands for
            acronym = _TRAILING_ACRONYM.search(name)
            if acronym and _singular_key(acronym.group(1)) in spellings:
                chosen.setdefault(_singular_key(acronym.group(1)), chosen.get(_singular_key(name), name))
    return [
        replace(figure, member=chosen[_singular_key(figure.member)])
        if figure.scope == "segment" and figure.member and _singular_key(figure.member) in chosen
        else figure
        for figure in figures
    ]


def _singular_key(name: str) -> str:
    words = name.lower().split()
    last = words[-1] if words else ""
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return " ".join([*words[:-1], last])
