"""What a percentage on a page is (a CAGR, a share, or neither) and whose share it is.

* A percentage is a CAGR when CAGR wording stands around it ("a CAGR of", "% annually", "growth rate of ... between
  2020 and 2027"), unless it is a rate of volume ("consumption is growing at 5%") or an effect on a rate.
* It is a share when share wording stands around it ("held a 38% share", "accounted for"), when it follows a name in
  a list ("North America 38%, Europe 27%"), leads such a list, ranks a member ("followed with 18.45%"), says a member
  "led with" it, or is compared with an earlier share ("up from 35% in 2020"); not a share of a quantity (users,
  emissions, GDP) or of a company's own revenue.
* A share is always some member's: its table row's, the member its clause opens with, a segment its sentence names,
  or a market its sentence is about that is a part of the page's.
"""

from __future__ import annotations

import re

from pipelines.extract.figure_members import (
    FOLLOWED_BY_WORDS,
    MEMBER_IS_THE_KIND,
    NOT_A_MEMBER,
    SEGMENT_WORD,
    THE_OPENING,
    member_opening_clause,
    one_of_a_listed_subject,
    one_of_respectively,
    segment_named_before,
    subject_after_openings,
)
from pipelines.extract.figure_years import COMPARED_WORDS
from pipelines.extract.gazetteer import NamedScope
from pipelines.extract.market_filters import relation_to_the_market
from pipelines.extract.numbers import A_MOVE_FROM, MOVES_FROM_BEFORE, Percent
from pipelines.extract.records import Sentence
from pipelines.extract.sentence_tokens import SentenceTokens
from pipelines.extract.text_tables import TableRow

_A_SHARE_AFTER_A_RATE = re.compile(
    r"\b(?i:and|but)\s+(?:(?i:will|would|could|may|eventually|then|to)\s+){0,3}"
    r"(?i:occupy|occupies|represent|represents|account\s+for|accounts\s+for|make\s+up|makes\s+up|capture|captures)"
    r"\s+(?:(?i:less|more)\s+(?i:than)\s+|(?i:about|around|nearly|over|some|roughly|almost)\s+)?$"
)
_OF_AFTER = re.compile(r"\s*(?i:of)\b")
_CAGR_BEFORE = re.compile(
    # "The Jute Bag Market CAGR (growth rate) is expected to be around 6.7%": a bracket after the word is no word
    r"(?i:cagr(?:\s*\([^)]{0,30}\))?|compound annual growth rate|annual compound(?:ed)? growth rate|annual growth rate"
    r"|aggregate growth rate"
    # "predicted to increase at an annual rate of 8.5% by 2032", "will grow an annual rate of 4%" (not "an annual
    # rate of inflation": a number follows)
    r"|(?:grow|increas|expand|ris)\w*\s+(?:(?:at|by)\s+)?an?\s+(?:average\s+)?annual\s+rate"
    r"|annually"
    # "is expected to reach $1,614.6 billion by 2026, with a year over year pace of 7.9%"
    r"|(?:annual|yearly|year[- ]over[- ]year|year[- ]on[- ]year)\s+pace"
    r"|(?:average|combined|compound(?:ed)?)\s+annual"
    # "(CAGR) of5.8%": a rate glued to the word before it
    r"\s+(?:growth\s+)?(?:rate|increase))\W*(?:\w+\W+){0,5}(?i:of|at)?$"
)


# "The compound annual growth rate (CAGR) for the medical device industry is expected to be around 6.4%": the rate
# of what the words after it name, however long that name
_CAGR_OF_A_SUBJECT_BEFORE = re.compile(
    r"\b(?i:cagr|compound annual growth rate)(?:\s*\([^)]{0,30}\))?\s+(?i:for|of|in)\s+[^.;%\d]{1,80}?"
    r"\b(?i:is|was|will\s+be|to\s+be|stands\s+at|stood\s+at)\s+"
    r"(?:(?i:around|about|approximately|nearly|roughly|an\s+estimated|estimated\s+at|projected\s+at)\s+)*$"
)
_CAGR_AFTER = re.compile(
    # "a 14.6% projected compound annual growth rate": an adjective may stand between
    r"^\s*\(?\s*(?:(?i:projected|expected|estimated|forecast|anticipated|robust|healthy|strong|steady|impressive)\s+)?"
    r"(?i:cagr|compound annual growth|compound(?:ed)?\s+annual\s+rate|annual growth|annual\s+rate\b(?!\s+of\b)|annually"
    r"|per\s+(?:year|annum)|a\s+year\b|yearly\b"
    # "These sales grew 3.8% on average during 2016-2018"
    r"|on\s+(?:an\s+)?average\s+(?:during|between|over|from|in)\s+(?:the\s+(?:period\s+)?)?(?:19|20)\d{2}\s*"
    r"(?:-|–|to|and)\s*(?:19|20)\d{2}"
    r"|(?:on\s+)?average"
    r"\s+(?:per\s+year|annually))"
)


# "Regional split: North America 38%, Europe 27%, Asia-Pacific 25%": a name, then its percentage, in a list.
_NAME_THEN_PERCENT = re.compile(r"\s?:?\s?\(?")


_LISTED_SHARES_MINIMUM = 2


SHARE_BEFORE = re.compile(
    r"\b(?i:share|accounted for|accounting for|accounts for|captured|captures|held|holds|hold|representing|represented"
    r"|commanded|commands|controlled|controls|make up|makes up|made up|took up|takes up|take up|constitutes|constitute"
    r"|constituted|contribute|(?:a|its)\s+contribution\s+of"
    r"|contributes|contributed)"
    r"\W*(?:\w+\W+){0,4}$"
    # "the largest share of the global wine market's value with 45.6%"
    r"|\b(?i:share)\s+(?i:of|in)\b\W*(?:\w+\W+){0,8}$"
    # "Herbicides continue to dominate the business by a whopping 44%"
    r"|\b(?i:dominat(?:e|es|ed|ing))\b[^.;%\d]{0,40}?\b(?i:by|with)\s+(?:(?i:a|an)\s+)?"
    r"(?:(?i:whopping|massive|commanding|hefty|huge|sizeable|sizable|substantial|solid|clear)\s+)?$"
    # "the share of total mobile market revenues going to cellular services is expected to rise from 68 percent"
    r"|\b(?i:share)\b[^.;%]{0,160}?" + A_MOVE_FROM + "$"
)


_TO_A_WHOLE = (
    r"to (?:the )?(?:worldwide |global |total |overall )?(?:[\w-]+ ){0,2}?"
    r"(?:spending|revenues?|sales|market)\b(?! of\b)"
)
_SHARE_AFTER = re.compile(
    # "contributing more than 30% revenue in the market"
    r"^\s*(?i:share|market share|revenue\s+in\b"
    r"|of (?:the|that|this|its) (?:global |total |overall )?(?:market|revenue)|of the total\b"
    r"|(?:[\w-]+\s+){1,4}?share\b"
    r"|of (?:the )?(?:total |global |overall |worldwide )+(?:(?:[\w-]+ ){0,3}?(?:market|revenues?)|sales)\b"
    r"|of (?:market |total |industry )?(?:revenues?|sales|spending|income)\b"
    r"|of (?:the )?[\w&' -]{1,40}? (?:market|industry)(?:'s)? (?:share|size|revenue)"
    # "contributing a massive 64% to worldwide consumer spending in mobile gaming", "contributing 18% and 12%
    # respectively to the total revenue"
    r"|(?:respectively )?" + _TO_A_WHOLE + "|contribution from\\b)"
)
# "contributing 18% and 12% respectively to the total revenue": the first of two shares
_AND_A_SHARE_TO_A_WHOLE = re.compile(
    r"\s*and \d+(?:\.\d+)?\s?% (?:respectively )?"
    # "the Americas and EMEA account for 37% and 36% of global revenue"
    r"(?:" + _TO_A_WHOLE + r"|of (?:the )?(?:worldwide |global |total |overall )+(?:revenues?|sales|market)\b)"
)
# "final part production hit 28.3 percent of the $2.2 billion spent on 3-D printing": a part of an amount
_ACCOUNT_FOR_BEFORE = re.compile(r"\b(?i:account\s+for)\s+(?:(?i:about|around|nearly|over|some|almost|roughly)\s+)?$")
_OF_A_MARKET_AFTER = re.compile(r"\s*(?i:of)\s+(?:(?i:the)\s+)?(?:[\w&'’-]+\s+){0,4}?(?i:market|industry)\b")
_OF_AN_AMOUNT_AFTER = re.compile(r"\s+(?i:of)\s+(?:(?i:the|an?|an\s+estimated)\s+)?(?:[$€£]|USD\s?|US\$|EUR\s?)\d")


_SHARE_OF_A_QUANTITY = re.compile(
    r"\s*(?i:of)\s+(?:(?i:the|these|those|all|its|their)\s+)?(?:(?i:overall|global|total|world['’]s|worldwide)\s+)?"
    r"(?:[\w'’-]+\s+){0,3}?(?i:consumption|production|output|procedures|units|shipments|installations|capacity"
    r"|users|subscribers|patents|deliveries|launches|towers|capital\s+expenditures?|capex|growth|emissions"
    r"|employment|jobs|workforce|population|land|area|acreage|hectares|water|energy\s+use|electricity|gdp|deaths"
    r"|cases|patients|incidents|connections|devices|subscriptions"
    # "consumables accounted for around 47 per cent of exports", "53.72% of global internet traffic"
    r"|exports|imports|traffic|fleets?(?!\s+\w)|installed\s+base|gross\s+domestic\s+product)\b"
    # "65% of all connections", not "46.8% of global orthopedic devices revenue"
    r"(?!\s+(?i:revenues?|sales|market|spending|value)\b)"
)


_IN_VOLUME = re.compile(r"\b(?i:in\s+(?:terms\s+of\s+)?volumes?|by\s+volume|volume[- ]wise)\b")
_IN_VALUE = re.compile(r"\b(?i:value|revenues?|sales)\b")
_A_CHANGE_BEFORE = re.compile(
    r"(?:\b(?i:decrease|increase|decline|drop|rise|fall|gain|jump|surge)\s+(?i:of|by)"
    # "Sales of luxury cars continued to dominate the market, increasing by 6%": what they grew by, not a share
    r"|\b(?i:increas|decreas|declin|ris|grow|gain|jump|surg|fall|dropp)(?i:ed|es|s|ing)?\s+(?i:by))\s+"
    r"(?:(?i:about|around|nearly|over|some|approximately|almost)\s+)?$"
)
_OF_A_FIRMS_REVENUE = re.compile(
    r"\s*(?i:of)\s+(?i:its|their|the\s+company['’]s|the\s+firm['’]s)\s+(?:(?:19|20)\d{2}\s+|(?i:total|annual|overall)\s+)*"
    r"(?i:revenues?|sales|income|turnover|profits?|earnings)\b"
)


# A place in a ranking written right before a percentage: a member's share ("followed with", "third place ... with")
RANKED_BEFORE = re.compile(
    r"(?:\b(?i:follows|followed|follow|trails|trailed)\s+(?:(?i:closely|next)\s+)?(?i:with|at)"
    # "the largest market in the world, followed by Europe with 22.0%"
    r"|\b(?i:followed)\s+(?:(?i:closely)\s+)?(?i:by)\s+[^.;%\d,]{1,40}?\s+(?i:with|at)"
    r"|\b(?i:second|third|fourth|fifth|sixth|next)\s+(?i:place|position|spot)\b[^.;%]{0,60}?\b(?i:with|at))\s*$"
)


_SHARE_VERB_RIGHT_BEFORE = re.compile(
    r"\b(?i:representing|accounting\s+for|making\s+up|constituting|capturing)\s+"
    r"(?:(?i:about|around|nearly|roughly|approximately|over|some|almost|just|under|more\s+than|less\s+than)\s+)*$"
)
_SHARE_WORD = re.compile(r"\b(?i:shares?|accounted|accounts|accounting|held|holds|captured|captures)\b")


_GROWTH_WORDS = re.compile(r"\b(?i:grow\w*|growth|cagr|annual\w*|increase\w*|rise|rising|rose|expand\w*)\b")


_SHARES_OF_A_QUANTITY_BEFORE = re.compile(
    r"\b(?i:of)\s+(?:(?i:all|the|total|global|the\s+world['’]s)\s+)+(?:[\w-]+\s+){0,2}?"
    r"(?i:users|subscribers|people|population|respondents|households|patents|installations|shipments|units)\b"
)


# "growth rate of", "grow at a rate of", "expand at an average of", "average annual growth to be about"
# "grow at 4.2% and 5.4% respectively over the 2022-2030 period": the rates in a row after the first
_EARLIER_RATES_IN_A_ROW = r"(?:\d+(?:\.\d+)?\s?%\s*(?:,\s*(?i:and\s+)?|(?i:and)\s+))*"
_GROWTH_RATE_BEFORE = re.compile(
    r"\b(?i:growth\s+rate|rate\s+of\s+growth|(?:at|by)\s+(?:a\s+(?:\w+\s+)?rate|rates|an\s+average(?:\s+(?:annual\s+)?rate)?)"
    # "is expected to grow at a rapid 7.6 per cent"
    r"|average\s+annual\s+growth(?:\s+to\s+be)?|(?:grow|expand)(?:s|ing)?\s+at(?:\s+(?i:an?)\s+[a-z]+)?)\s+(?i:of\s+)?"
    r"(?:(?i:about|around|nearly|over|approximately)\s*)?" + _EARLIER_RATES_IN_A_ROW + r"$"
)


_SPAN_OF_YEARS_OPENING = re.compile(
    r"[-•*·\s]*(?i:over|during|between|from|in)\s+(?:(?i:the)\s+)?(?:(?i:period)\s+(?:(?i:of)\s+)?)?"
    r"(?P<first>(?:19|20)\d{2})\s*(?:-|–|(?i:and|to))\s*(?P<last>(?:19|20)\d{2})"
    r"(?:\s+(?i:period|timeframe|time\s+frame|forecast\s+period|analysis\s+period))?\s*,"
)
# "4.2% and 5.4% respectively": the rates in a row after the first, up to the words that give their period
_LATER_RATES_IN_A_ROW = r"(?:\s*(?:,\s*(?i:and\s+)?|\s(?i:and)\s+)\d+(?:\.\d+)?\s?%)*\s*(?:,?\s*(?i:respectively),?)?"
_SPAN_OF_YEARS_AFTER = re.compile(
    _LATER_RATES_IN_A_ROW + r"\s*(?i:between|from|over|during|in)\s+(?:(?i:the)\s+)?(?:(?i:period)\s+(?:(?i:of)\s+)?)?"
    r"(?P<first>(?:19|20)\d{2})\s*(?:-|–|(?i:and|to))\s*(?P<last>(?:19|20)\d{2})\b"
)


_SHORTEST_CAGR_YEARS = 2
_COMING_YEARS_AFTER = re.compile(
    # "... 6.1% and 7.6% respectively during the same period": the period of the rates before
    _LATER_RATES_IN_A_ROW + r"\s*,?\s*(?i:in|over|during|through|for)\s+(?i:the)\s+"
    r"(?:(?i:coming|upcoming|next|following|forecast)\s+(?i:years|future|period|decade)"
    r"|(?i:same|aforementioned)\s+(?i:period|timeframe|time\s+frame|years))\b"
)


# "the 2014 annual growth rate ... rising by 6.8 percent": the growth of one named year, not a compound rate.
_ONE_YEARS_RATE_BEFORE = re.compile(
    r"\b(?:19|20)\d{2}(?:['’]s)?\s+(?i:annual\s+)?(?i:growth)(?:\s+(?i:rate))?\b[^.;%]{0,60}$"
)
_COMPOUND_WORDS = re.compile(r"\b(?i:cagr|compound(?:ed)?)\b")
# A rate said of the past, with no years of its own: "over the past five years", "since 2002", "has risen ...".
_A_PAST_AVERAGE = re.compile(
    r"\b(?i:(?:over|in|during)\s+the\s+(?:past|last|previous)\b|since\s+(?:19|20)\d{2}\b"
    r"|(?:has|have)\s+(?:been|risen|grown|increased|averaged)\b)"
)
_VARIED_BETWEEN = re.compile(r"\b(?i:varied|ranged|fluctuated|swung|oscillated)\s+(?i:between|from)\s+[^.;]{0,40}$")
_A_CAGR_OF_RIGHT_BEFORE = re.compile(r"\b(?i:cagr|compound\s+annual\s+growth\s+rate)\s+(?i:of|at)\s+$")
_GROWTH_WORD_AFTER = re.compile(r"\s*(?i:growth)\b")
# "+1.2% impact on CAGR", "2 points of CAGR": an effect on a growth rate, not a growth rate.
_EFFECT_ON_A_RATE = re.compile(
    r"^\s*(?i:impact|effect|points?\b|pp\b|percentage points?|year[- ](?:over|on)[- ]year|y/y\b|yoy\b|y-o-y\b"
    r"|(?:growth|increase|rise|decline|drop|jump)\b)"
)


# "global meat consumption is growing at 5-6%": a rate of volume, not of the market's value.
_VOLUME_RATE_BEFORE = re.compile(
    r"\b(?i:consumption|production|shipments?|shipped|installations?|deployments?|(?<!end[- ])users?|subscribers?"
    r"|units?\s+(?:sold|shipped|installed|deployed|delivered)|in\s+units"
    r"|populations?|(?:the\s+)?number\s+of|installed\s+base"
    r"|volumes?|launches|capacity)\b(?:(?!\b(?i:market|industry|revenue|value)\b)[^.;])*$"
)
# "The consumption volume of the biofertilizer market was 78.0 thousand metric ton in 2019 registering a CAGR of
# 5.8%": the sentence is about the market's volume, whatever clause the rate stands in (unless money is named: "the
# volume of the global information security market in 2021 reached $216.11 billion")
_VOLUME_OF_THE_MARKET_BEFORE = re.compile(
    r"\b(?i:volumes?|consumption|production|shipments?)\s+(?i:of)\s+(?:(?i:the)\s+)?[^.;]{0,80}?"
    r"\b(?i:market|industry)\b(?:(?!\b(?i:revenues?|value|worth|valued|sales|USD|EUR|GBP)\b|[$€£¥₹])(?:[^.;]|\.(?=\d)))*$"
)


# "grow from 11 percent ($15-25 billion) in 2022 to 14 percent": a rate and its amount in one year, then the next.
FROM_RATE_TO_RATE = re.compile(
    r"(?:\s*\([^()]{0,40}\)|\s+(?i:in|by)\s+(?:19|20)\d{2})*\s*(?:,|(?i:and|to|or))\s*(?:(?i:about|around|nearly))?\s*"
)


# "Steel scrap constitutes 65%, followed by iron scrap at 25%": the next member's figure of the same kind.
# "The US accounts for 44% of the global market, followed by the UK at 14%, Germany with 6%": after "of the ...
# market" or a comma and a capitalised name as well; "Europe accounts for about 38% of the worldwide market versus
# North America at 31%": a member set against the one before.
FOLLOWED_BY = re.compile(
    # "the highest CAGR of 7.7 percent (2012 to 2017) respectively in the overall North America healthcare
    # information technology market, followed by the U.S (7.2 percent)"
    r"(?:\s*\((?:19|20)\d{2}\s?(?:-|–|to)\s?(?:19|20)\d{2}\))?(?:\s+(?i:respectively))?"
    r"(?:\s+(?i:of|in)\s+(?:(?i:the)\s+)?(?:(?i:overall|global|total|whole)\s+)?(?:[\w-]+\s+){0,6}?"
    r"(?i:market|industry|revenues?|sales|share)\b)?"
    # "Hardware led with USD 5.2 billion in 2024, followed by software (USD 3.1 billion)": after the figure's year
    r"(?:\s+(?i:in)\s+(?:19|20)\d{2})?"
    r"[)\]]?\s*(?:,?\s*(?i:followed\s+by|then|ahead\s+of|and|versus|vs\.?|compared\s+with|against)\s+|,\s+(?=[A-Z]))"
    r"(?:[^.;%\d()\[\]]|(?<=[A-Z])\.){1,60}?"  # "the U.S (7.2 percent)": an initial's full stop ends no sentence
    r"(?:\s+(?i:at|with)(?:\s+(?i:about|around|nearly|roughly|approximately|over|some|a|an))*\s*|\s*[(\[]\s*)"
)


# "while the share of qualitative research stayed at 14%": the member a share is said of.
_SHARE_OF_A_MEMBER = re.compile(
    r"\b(?i:share)\s+(?i:of)\s+(?:(?i:the)\s+)?(?P<member>[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,3}?)\s+"
    r"(?i:stayed|stood|was|is|were|are|rose|fell|remained|reached|grew|dropped|increased|decreased|came\s+to)\b"
)
# "The share of total mobile market revenues going to cellular services is expected to rise": whose share it is.
_SHARE_GOING_TO = re.compile(
    r"\b(?i:share)\s+(?i:of)\s+(?:[\w&'’-]+\s+){1,6}?(?i:going\s+to|spent\s+on|generated\s+by|coming\s+from"
    r"|earned\s+by|taken\s+by|held\s+by)\s+(?:(?i:the)\s+)?(?P<member>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,5}?)\s+"
    r"(?i:is|are|was|were|will|would|has|have|had|rose|fell|grew|dropped|increased|decreased|stood|stayed)\b"
)
# "The anti-infective drugs market" as a sentence's subject: the name of the market it is about.
_MARKET_AS_SUBJECT = re.compile(
    r"(?:(?i:the|global|worldwide)\s+)*(?P<name>(?!(?i:the|global|worldwide|this|that|overall|whole|entire)\s)"
    r"[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,4}?)\s+(?i:market|industry)"
)


# "72 percent ... by 2028 - up from 70 percent in 2023", "40% of the market, down from 45% in 2020".
UP_OR_DOWN_FROM = re.compile(
    rf"[^.;%]{{0,120}}?\b(?i:{COMPARED_WORDS})\s+(?i:from)\s+"
    r"(?:(?i:about|around|nearly|roughly|approximately|just)\s+)?"
)


# "In 2023, the Solution segment led with 69.8%": a leader's share, unless growth is named after it.
_LED_WITH = re.compile(
    r"\b(?i:led|leads|leading|dominated|dominates|topped|tops)\s+(?:(?i:the)\s+(?i:market|segment|category|region)\s+)?"
    r"(?i:with)\s+(?:(?i:a|an|about|around|nearly|over|roughly|approximately)\s+)*$"
)


GROWTH_AFTER = re.compile(r"\s*(?i:growth|cagr|annual|increase|rise|gain|y/y|yoy|year[- ]on[- ]year|a\s+year)\b")


def classify_percentage(
    text: str, percent: Percent, clause_start: int, clause_end: int, sentence: tuple[int, int] | None = None
) -> str | None:
    """'cagr', 'share' or None (any other percentage) from the words of its clause; a growth rate over a span of
    years may read the rates in a row around it up to the ends of its ``sentence`` (start, end)."""
    before = text[clause_start : percent.start]
    after = text[percent.end : clause_end]
    sentence_start, sentence_end = sentence or (clause_start, clause_end)
    if _EFFECT_ON_A_RATE.match(after) and not (
        # "growing at a CAGR of 11% growth in the last five years": the word repeats what the rate is
        _A_CAGR_OF_RIGHT_BEFORE.search(before) and _GROWTH_WORD_AFTER.match(after)
    ):
        return None
    if _OF_AFTER.match(after) and _A_SHARE_AFTER_A_RATE.search(before):
        # "is expected to jump 10.6% annually and eventually occupy 16% of global MRO demand", "will grow at 5.6%
        # annually, but will represent less than 3% of the market": a share after a rate
        return "share"
    if _SHARE_VERB_RIGHT_BEFORE.search(before) and _SHARE_AFTER.match(after):
        # "will grow at about a 31 percent CAGR, representing about 5.5 percent of total revenue by 2015"
        return "share"
    if _CAGR_BEFORE.search(before) or _CAGR_AFTER.match(after) or _CAGR_OF_A_SUBJECT_BEFORE.search(before):
        if _VARIED_BETWEEN.search(text, sentence_start, percent.start):
            return None  # "since then the annual growth rate has varied between 2.4% and 9.3%": single years' rates
        if _ONE_YEARS_RATE_BEFORE.search(before):
            return None  # "the 2014 annual growth rate in that category rising by 6.8 percent": one year's growth
        if not _COMPOUND_WORDS.search(before + after) and _A_PAST_AVERAGE.search(text, clause_start, clause_end):
            return None  # "Average growth over the past five years has been 10% a year": a past average, no period
        return None if _a_rate_of_volume(text, before, sentence_start, percent, sentence_end) else "cagr"
    if _A_CHANGE_BEFORE.search(before):
        return None  # "representing a decrease of 2.5% from the prior year": a change, not a share
    if _SHARE_OF_A_QUANTITY.match(after):
        return None  # "12% of the overall fertilizer consumption", "40% of these procedures": not of the market's value
    if _OF_A_FIRMS_REVENUE.match(after):
        return None  # "TSMC's 3nm process node accounts for 35% of its 2023 revenue": a company's own split
    if (
        SHARE_BEFORE.search(before)
        or _SHARE_AFTER.match(after)
        # "the shoes are estimated to account for 36.5% of the sporting goods market in Europe"
        or (_ACCOUNT_FOR_BEFORE.search(before) and _OF_A_MARKET_AFTER.match(after))
        or _OF_AN_AMOUNT_AFTER.match(text, percent.end)
        or _AND_A_SHARE_TO_A_WHOLE.match(text, percent.end)
    ):
        if _IN_VOLUME.search(before) and not _IN_VALUE.search(before + after):
            return None  # "The region represents the largest market in volume, at 47% of the global market"
        return "share"
    # "an expected growth rate of 16.2% between 2020 and 2027": a rate over several years is a compound one
    # "Over the 2020-2027 timeframe, Japan and Canada are expected to expand at 7.5 percent and 11%, respectively"
    span = _SPAN_OF_YEARS_AFTER.match(text, percent.end, sentence_end) or _SPAN_OF_YEARS_OPENING.match(
        text, sentence_start, percent.start
    )
    over_years = span is not None and int(span.group("last")) - int(span.group("first")) >= _SHORTEST_CAGR_YEARS
    # "grow at a rapid 7.6 per cent ... to reach $23.3 billion in 2027, up from $14 billion in 2020"
    over_years = over_years or _grows_between_values_after(text, percent.end, sentence_end)
    # "rising at a rate of 9.6% in the coming future": a rate over the years ahead
    if (over_years or _COMING_YEARS_AFTER.match(text, percent.end, sentence_end)) and _GROWTH_RATE_BEFORE.search(
        text, sentence_start, percent.start
    ):
        return None if _a_rate_of_volume(text, before, sentence_start, percent, sentence_end) else "cagr"
    return None


_DATED_AMOUNT = re.compile(
    r"(?:[$€£₹]|\b(?:USD|US\$|EUR|INR|Rs\.?)\s?)\d[\d,.]*\s*(?:[a-zA-Z]+\s+){0,2}?(?i:in|by)\s+(?P<year>(?:19|20)\d{2})\b"
)


def _grows_between_values_after(text: str, rate_end: int, sentence_end: int) -> bool:
    """Whether two amounts after a rate are dated two or more years apart: the rate is over that span."""
    years = {int(found.group("year")) for found in _DATED_AMOUNT.finditer(text, rate_end, sentence_end)}
    return len(years) >= 2 and max(years) - min(years) >= _SHORTEST_CAGR_YEARS


# "In terms of volume, the market was valued at 26.42 million BBL in 2022 and ... at a CAGR of 9.03%": a sentence
# that opens by saying it speaks of volume
_OPENS_WITH_VOLUME = re.compile(r"\W*(?i:in\s+(?:terms\s+of\s+)?volumes?(?:\s+terms)?|by\s+volume|volume[- ]wise)\s*,")


# "with arrivals reaching 504,000 in 2023, growing at a CAGR of 40 per cent": a count grows at the rate (a number
# grouped in thousands with no currency or scale), in a clause that names no money
_A_COUNT_RIGHT_BEFORE = re.compile(
    r"\b\d{1,3}(?:,\d{3})+(?!\.?\d|\s*(?i:million|billion|trillion|crore|lakh|mn|bn|thousand)\b)"
    r"(?:\s+(?i:in|by)\s+(?:19|20)\d{2})?\s*,?\s*(?i:growing|rising|increasing|expanding)\s+(?i:at|by)\b[^.;]*$"
)
_MONEY_WORDS = re.compile(r"[$€£¥₹]|\b(?:USD|EUR|GBP|INR|JPY|CNY|US\$|dollars?|euros?|rupees?)\b")


# "consumption is estimated to hit 3.2 billion nine-litre cases, a 1.2% rise from 2017-2022, with a CAGR of 0.2%": an
# amount counted in physical units
_A_QUANTITY_OF_UNITS = re.compile(
    r"(?<![\w.,-])(?:\d(?:[\d.,]*\d)?\s*(?i:thousand|million|billion|mn|bn)|\d{1,3}(?:,\d{3})+)\s+(?:[\w-]+\s+){0,3}?"
    r"(?i:cases|tonnes|tons|metric\s+tons?|units|litres|liters|gallons|barrels|bbl|pieces|kilograms|kg"
    # "7.6 billion active IoT devices, a figure which will grow to 24.1 billion in 2030, a CAGR of 11%"
    r"|devices|connections|subscribers|subscriptions|users|passengers|vehicles|visitors|households)\b"
)


def _a_rate_of_volume(text: str, before: str, sentence_start: int, rate: Percent, sentence_end: int) -> bool:
    rate_start = rate.start
    return bool(
        # "The apparel consumption is forecast to grow at a CAGR of 4% and reach USD 2.6 trillion": money after it
        (_VOLUME_RATE_BEFORE.search(before) and not _MONEY_WORDS.search(text, rate.end, sentence_end))
        or _VOLUME_OF_THE_MARKET_BEFORE.search(text, sentence_start, rate_start)
        or _OPENS_WITH_VOLUME.match(text, sentence_start, rate_start)
        or (_A_COUNT_RIGHT_BEFORE.search(before) and not _MONEY_WORDS.search(before))
        # a sentence that counts units before its rate and names no money: the rate is the units'
        or (
            _A_QUANTITY_OF_UNITS.search(text, sentence_start, rate_start)
            and not _MONEY_WORDS.search(text, sentence_start, rate_start)
        )
    )


def ranks_shares(text: str, sentences: list[Sentence], position: int, figure_start: int) -> bool:
    """Whether a ranking ("followed with 18.45%") goes on from shares: its sentence up to the figure, with the
    sentences before it in the same paragraph (up to three), speaks of shares and not of growth."""
    start, line = sentences[position].char_start, position
    while line > 0 and position - line < 3 and "\n" not in text[sentences[line - 1].char_end : start]:
        line -= 1
        start = sentences[line].char_start
    context = text[start:figure_start]
    return bool(_SHARE_WORD.search(context)) and not _GROWTH_WORDS.search(context)


def is_listed_share(text: str, percent: Percent, tokens: SentenceTokens) -> bool:
    """'North America 38%, Europe 27%, Asia-Pacific 25%': percentages each written right after a region, country
    or segment, two or more in one sentence, are those members' shares."""
    ends = {mention.end for mention in tokens.mentions}

    def right_after_a_name(item: Percent) -> bool:
        return any(_NAME_THEN_PERCENT.fullmatch(text, end, item.start) for end in ends if end <= item.start)

    if not right_after_a_name(percent):
        return False
    # "China and India account for one-third of all users (18 percent and 14 percent), Africa 11 percent": a list
    # of shares of a count of things, not of the market
    if _SHARES_OF_A_QUANTITY_BEFORE.search(text, tokens.sentence.char_start, percent.start):
        return False
    if _CHANGES_LISTED_BEFORE.search(text, tokens.sentence.char_start, percent.start):
        return False  # "Month-to-month sales increased in China (2.9 percent) and Japan (0.9 percent)": changes
    return sum(1 for item in tokens.percentages if right_after_a_name(item)) >= _LISTED_SHARES_MINIMUM


_CHANGES_LISTED_BEFORE = re.compile(
    r"\b(?i:increased|decreased|rose|fell|grew|declined|dropped|were\s+up|were\s+down|was\s+up|was\s+down"
    # "Other verticals that showed growth included digital custody (36%), digital asset exchange (33%)"
    r"|(?:showed|saw|posted|recorded|reported)\s+(?:(?i:the\s+)?(?:strongest|fastest|highest|most|strong)\s+)?growth"
    r"|(?:month|year|quarter)-(?:to|on|over)-(?:month|year|quarter))\b"
)
_PERCENT_IN_BRACKETS_LISTED = 3
_OPENS_A_LISTED_NAME = re.compile(
    r".*(?:[,;:]\s*(?:(?i:and|or)\s+)?|\b(?i:be|are|is|were|was|include|includes|including|as)\s+)", re.DOTALL
)


def member_listed_with_percent(text: str, percent: Percent, tokens: SentenceTokens) -> NamedScope | None:
    """ "the biggest markets will be discrete manufacturing (53.8%), healthcare providers (13.1%), education (8.6%)
    and others (13.3%)": three or more names each with its percentage in brackets are those members' shares."""

    def in_brackets(item: Percent) -> bool:
        return text[max(0, item.start - 2) : item.start].rstrip().endswith("(") and text[
            item.end : item.end + 2
        ].lstrip().startswith(")")

    if not in_brackets(percent) or sum(map(in_brackets, tokens.percentages)) < _PERCENT_IN_BRACKETS_LISTED:
        return None
    if _CHANGES_LISTED_BEFORE.search(text, tokens.sentence.char_start, percent.start):
        return None  # "sales increased in China (2.9 percent) ... but decreased in the Americas (-1.0 percent)"
    bracket = text.rfind("(", tokens.sentence.char_start, percent.start)
    before = text[tokens.sentence.char_start : bracket]
    opening = _OPENS_A_LISTED_NAME.match(before)
    name = (before[opening.end() :] if opening else before).strip()
    name = THE_OPENING.sub("", name)
    if not name or len(name.split()) > _LISTED_NAME_WORDS or NOT_A_MEMBER.fullmatch(name) or "%" in name:
        return None
    named = next((m for m in tokens.mentions if m.start >= bracket - len(name) - 1 and m.end <= bracket), None)
    return named.target if named is not None else NamedScope("segment", None, name)


_LISTED_NAME_WORDS = 6
_HOLDER_NAMED_AFTER = re.compile(
    r"\s+(?i:of)\s+(?:(?i:the|global|total|all|its|overall)\s+)*(?:[\w-]+\s+){0,2}?(?i:revenues?|sales|market|spending)"
    r"\s+(?i:came|comes|was|is|were|are)\s+(?:(?i:generated|contributed|earned|accounted\s+for)\s+)?(?i:from|in|by)\s+"
    r"(?:(?i:the)\s+)?"
)
_SOLD_IN_A_MEMBER = re.compile(
    r"[-•*·\s]*(?:(?i:the)\s+)?(?i:use|usage|sales|demand|consumption|adoption|spending|purchases)\s+(?i:of)\s+"
    r"(?:[\w&'’-]+\s+){1,4}?(?i:in|through|via|at|by)\s+(?:(?i:the)\s+)?"
    r"(?P<member>[\w&'’/-]+(?:\s+[\w&'’/-]+){0,5}?)\s+"
    r"(?i:accounts?|accounted|comprised|comprises|comprise|made\s+up|makes\s+up|represents?|represented|held|holds)\b"
)
# "88% of sales in the jewelry market by 2024 will be attributed to Non-Luxury"
_ATTRIBUTED_TO_AFTER = re.compile(
    r"\s+(?i:of)\s+(?:[\w&'’-]+\s+){0,8}?(?:(?i:will\s+be|is|are|was|were)\s+)?(?i:attribut(?:ed|able))\s+(?i:to)\s+"
    r"(?:(?i:the)\s+)?(?P<member>[\w&'’/-]+(?:[ \t]+[\w&'’/-]+){0,4}?)\s*(?=[.,;:(]|$)"
)
# "revenues were led by road transportation, with a 2015 market-share of 44.6 percent", "The segment was led by rail
# freight with a 21.5% share"
_LED_BY_THEN_WITH = re.compile(
    r"(?i:led|dominated|headed|topped)\s+(?i:by)\s+(?:(?i:the)\s+)?(?P<member>[\w&'’/-]+(?:[ \t]+[\w&'’/-]+){0,4}?)"
    r"\s*,?\s+(?i:with)\s+(?:[\w-]+\s+){0,4}?(?:(?i:of)\s+(?:(?i:about|around|over|nearly|approximately)\s+)?)?"
)
_LED_BY_VERB = re.compile(r"\b(?i:led|dominated|headed|topped)\s+(?i:by)\b")
_SHARE_WORD_AFTER = re.compile(r"\s*(?:(?i:market|revenue)[\s-]+)?(?i:share)\b")
_WITH_A_SHARE_OPENING = re.compile(
    r"[-•*·\s]*(?i:with)\s+(?:(?i:a|an|the)\s+)?(?:[\w-]+\s+){0,2}?(?i:share)\s+(?i:of)\s+(?:(?i:about|around|over|nearly)\s+)?"
)


# A bullet's label, then a predicate with no subject of its own: "• Home Furniture: Expected to hold a 63.7% share",
# "• North India’s Dominance: The region is projected to account for 42.1%"
_LABEL_THEN_PREDICATE = re.compile(
    r"[-•*·\s]*(?P<member>[A-Z][\w&'’/-]*?(?:\s+[\w&'’/-]+?){0,4}?)(?:['’]s\s+(?i:dominance|lead|leadership|share))?"
    r"\s*:\s*(?:(?i:estimated|expected|projected|forecast(?:ed)?|anticipated|likely|set|poised)\s+to\s+"
    r"|(?i:accounts?\s+for|accounted\s+for|holds?|held|captures?|captured|commands?|commanded|represents?"
    r"|represented|secured)\b|(?i:the\s+(?:region|segment|country|category)\b))[^:]*$"
)
_THE_REGION_OR_COUNTRY = re.compile(r":\s*(?i:the)\s+(?P<scope>(?i:region|country))\b")
_WITH_A = re.compile(r"[-•*·\s]*(?i:with)\s+(?i:a|an)\s+(?:(?i:about|around|over|nearly)\s+)?")
_SHARE_WORDS_AFTER = re.compile(r"\s+(?:(?i:market|revenue)\s+)?(?i:share)(?:\s+(?i:in\s+(?:19|20)\d{2}))?[,\s]")


def wider_market_named_after(text: str, tokens: SentenceTokens, percent: Percent, holder: NamedScope) -> str | None:
    """The other place whose market a place's share is of, named right after it: "The U.S. accounted for 82.5% of
    the North American market" → 'North America'. Such a share is not of the whole market."""
    if holder.scope not in ("region", "country"):
        return None
    of_the = _OF_THE_AFTER.match(text, percent.end)
    if of_the is None:
        return None
    place = next((m for m in tokens.mentions if m.start == of_the.end()), None)
    if place is None or place.target.scope not in ("region", "country") or place.target.member == holder.member:
        return None
    return place.target.member if _A_MARKET_NOUN_AFTER.match(text, place.end) else None


def another_market_a_share_is_of(text: str, percent: Percent, market: str | None) -> str | None:
    """The other market a share is of, named right after it: "accounted for 16.6% in 2012 of the global F&B market"
    on a halal food page → 'F&B'. Such a share is no member's share of the page's market."""
    named = _OF_A_NAMED_MARKET_AFTER.match(text, percent.end)
    if named is None or market is None:
        return None
    if named.group("the") is None and not named.group("name").islower():
        return None  # "13% of Asian and Pacific market": a place's market, written without "the", is the page's
    return named.group("name") if relation_to_the_market(named.group("name"), market) == "other" else None


_OF_A_NAMED_MARKET_AFTER = re.compile(
    r"\s*(?:(?i:in)\s+(?:19|20)\d{2}\s+)?(?i:of)\s+(?P<the>(?i:the)\s+)?(?:(?i:global|total|world['’]s|worldwide|overall)\s+)?"
    r"(?P<name>[\w&'’-]+(?:\s+[\w&'’-]+){0,3}?)\s+(?i:market|industry)\b"
)
_OF_THE_AFTER = re.compile(r"\s*(?:(?i:share)\s+)?(?i:of)\s+(?i:the)\s+")
_A_MARKET_NOUN_AFTER = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?i:market|industry|revenues?|sales)\b")


# a name in lower case (no place the gazetteer reads), after a word that cannot be part of it, then ", which holds"
_A_NAME_THEN_WHICH_HOLDS = re.compile(
    r"\b(?i:of|in|by|from|the|is|are|was|were|as)\s+(?P<member>[a-z][\w&'’-]*(?:\s+[a-z][\w&'’-]*){0,3}),\s+"
    r"(?i:which)\s+(?:(?i:currently|now|alone|still|also|together|today)\s+)?"
    r"(?i:contributes|contributed|accounts\s+for|accounted\s+for|holds|held|represents|represented|makes\s+up"
    r"|made\s+up|commands|commanded|captures|captured)\s+"
    r"(?:(?i:about|around|nearly|over|roughly|almost|approximately|more\s+than|a\s+share\s+of)\s+)?$"
)


def holder_of_a_share(
    text: str, sentence: Sentence, percent: Percent, tokens: SentenceTokens, row: TableRow | None, market: str | None
) -> NamedScope | None:
    """The member a share that names no known place or segment is of: a share is always some member's, the one
    its table row names ("| Lithium-ion | 30.83% |"), its clause opens with ("Air-to-air heat pumps hold a 44.3%
    market share"), its sentence calls a segment, or the market its sentence is about, when that is a part of the
    page's ("The anti-infective drugs market was the largest segment of the pharmaceuticals market, accounting for
    15.5%")."""
    if row is not None and not NOT_A_MEMBER.fullmatch(text[row.label_start : row.label_end]):
        return NamedScope("segment", None, text[row.label_start : row.label_end])
    if (labelled := _LABEL_THEN_PREDICATE.match(text, sentence.char_start, percent.start)) is not None:
        # "• Wooden Furniture: Estimated to account for 62.3% of the market share in 2025"
        named = next((m for m in tokens.mentions if m.start == labelled.start("member")), None)
        if named is not None:
            return named.target
        if not NOT_A_MEMBER.fullmatch(labelled.group("member")):
            # "North India’s Dominance: The region is ...": the label names a region the page calls one
            said = _THE_REGION_OR_COUNTRY.search(text, labelled.end("member"), percent.start)
            scope = said.group("scope").lower() if said else "segment"
            return NamedScope(scope, scope if said else None, labelled.group("member"))
    if (
        which := _A_NAME_THEN_WHICH_HOLDS.search(text, max(sentence.char_start, percent.start - 120), percent.start)
    ) and (not NOT_A_MEMBER.fullmatch(which.group("member"))):
        # "A key driver of this expansion is the rapid rise of organised retail, which currently contributes 41%"
        return NamedScope("segment", None, which.group("member"))
    if (from_whom := _HOLDER_NAMED_AFTER.match(text, percent.end, sentence.char_end)) is not None:
        # "38.4% of the market revenue came from North America", "Around 38.4% of revenue was generated in Europe"
        named = next((m for m in tokens.mentions if m.start == from_whom.end()), None)
        if named is not None:
            return named.target
    sold_in = _SOLD_IN_A_MEMBER.match(text, sentence.char_start, percent.start)
    if (
        sold_in is not None
        and not NOT_A_MEMBER.fullmatch(sold_in.group("member"))
        and not any(sold_in.end() <= other.start < percent.start for other in tokens.percentages)
    ):
        # "The use of e-bikes in cities and urban areas accounts for 55.6%", "Sales of dietary supplements in natural
        # food stores comprised 44 per cent of the total": where the market's product is used or sold
        named = next((m for m in tokens.mentions if m.start == sold_in.start("member")), None)
        return named.target if named is not None else NamedScope("segment", None, sold_in.group("member"))
    if (attributed := _ATTRIBUTED_TO_AFTER.match(text, percent.end, sentence.char_end)) is not None:
        named = next((m for m in tokens.mentions if m.start == attributed.start("member")), None)
        if named is not None:
            return named.target
        if not NOT_A_MEMBER.fullmatch(attributed.group("member")):
            return NamedScope("segment", None, attributed.group("member"))
    if (led_by := _led_by_with_a_share(text, sentence, percent)) is not None:
        named = next((m for m in tokens.mentions if m.start == led_by.start("member")), None)
        if named is not None:
            return named.target
        if not NOT_A_MEMBER.fullmatch(led_by.group("member")):
            return NamedScope("segment", None, SEGMENT_WORD.sub("", led_by.group("member")))
    clause_end = None
    if _WITH_A_SHARE_OPENING.fullmatch(text, sentence.char_start, percent.start):
        # "With a market share of 41.3% in 2024, Europe dominated the market": the clause's subject holds it
        clause_end = text.find(",", percent.end, sentence.char_end)
    elif _WITH_A.fullmatch(text, sentence.char_start, percent.start) and (
        share := _SHARE_WORDS_AFTER.match(text, percent.end, sentence.char_end)
    ):
        clause_end = share.end() - 1  # "With a 57.8% market share the Asia-Pacific market is now the largest"
    if clause_end is not None and clause_end >= 0:
        after = next((m for m in tokens.mentions if m.start > clause_end), None)
        if after is not None and not text[clause_end + 1 : after.start].strip(" \t(the").strip():
            return after.target
    if listed := one_of_a_listed_subject(text, sentence, tokens, percent):
        return listed
    opening = member_opening_clause(text, sentence, percent.start, require_by_dimension=False)
    if opening is not None:
        return one_of_respectively(opening, tokens, percent)
    if named := segment_named_before(text, sentence.char_start, percent.start):
        return named
    kind_of_member = MEMBER_IS_THE_KIND.match(text, sentence.char_start, percent.start)
    if kind_of_member and not NOT_A_MEMBER.fullmatch(kind_of_member.group("member")):
        # "Textiles emerged as the largest application segment, accounting for 41.0% of revenue"
        return NamedScope("segment", None, kind_of_member.group("member"))
    holder = _MARKET_AS_SUBJECT.fullmatch(subject_after_openings(text[sentence.char_start : percent.start]) or "")
    if market and holder and relation_to_the_market(holder.group("name"), market) != "same":
        return NamedScope("segment", None, holder.group("name"))
    going_to = next(reversed(list(_SHARE_GOING_TO.finditer(text, sentence.char_start, percent.start))), None)
    if (
        going_to is not None
        and not NOT_A_MEMBER.fullmatch(going_to.group("member"))
        # "... going to cellular services is expected to rise from 68 percent in 1994 to 71 percent": both ends
        and sum(going_to.end() <= other.start < percent.start for other in tokens.percentages)
        <= (end_of_a_change(text, percent, tokens) == "to")
    ):
        named = next((m for m in tokens.mentions if m.start == going_to.start("member")), None)
        return named.target if named is not None else NamedScope("segment", None, going_to.group("member"))
    share_of = next(reversed(list(_SHARE_OF_A_MEMBER.finditer(text, sentence.char_start, percent.start))), None)
    if share_of is not None and not NOT_A_MEMBER.fullmatch(share_of.group("member")):
        return NamedScope("segment", None, share_of.group("member"))  # "the share of qualitative research stayed at"
    return None


def _led_by_with_a_share(text: str, sentence: Sentence, percent: Percent) -> re.Match | None:
    """The member a share's sentence says led the market, the share coming right after in a "with" clause."""
    for verb in _LED_BY_VERB.finditer(text, sentence.char_start, percent.start):
        led_by = _LED_BY_THEN_WITH.fullmatch(text, verb.start(), percent.start)
        if led_by is None:
            continue
        with_clause = text[led_by.end("member") : percent.start]
        if "share" in with_clause.lower() or _SHARE_WORD_AFTER.match(text, percent.end):
            return led_by
    return None


_TO_THE_OTHER_END = re.compile(
    r"(?:\s+(?i:in|by|on)\s+(?:19|20)\d{2})?\s*,?\s+(?i:to)\s+(?:(?i:about|around|nearly)\s+)?"
)


# "The global chemical industry is made up of 80% commodity chemicals and 20% specialty chemicals": a whole split
# into parts, each named right after its percentage
_MADE_UP_OF_PARTS_BEFORE = re.compile(
    r"\b(?i:made\s+up|composed|comprised|consists?|consisting)\s+(?i:of)\s+"
    r"(?:(?:(?i:about|around|roughly|nearly)\s+)?\d+(?:\.\d+)?\s?%\s+[\w&'’/ -]{1,40}?"
    r"(?:\s*,\s*(?i:and\s+)?|\s+(?i:and)\s+))*"
    r"(?:(?i:about|around|roughly|nearly)\s+)?$"
)
_PART_NAMED_AFTER = re.compile(
    r"\s+(?P<member>[A-Za-z][\w&'’/-]*(?:\s+[\w&'’/-]+){0,4}?)(?=\s*[,;.]|\s*$|\s+(?i:and)\s+(?:\d|(?i:about|around)))"
)


def part_a_whole_is_made_of(text: str, percent: Percent, sentence: Sentence) -> NamedScope | None:
    """The part a percentage names right after it in "is made up of 80% commodity chemicals and 20% specialty
    chemicals", else None."""
    if not _MADE_UP_OF_PARTS_BEFORE.search(text, sentence.char_start, percent.start):
        return None
    part = _PART_NAMED_AFTER.match(text, percent.end, sentence.char_end)
    if part is None or NOT_A_MEMBER.fullmatch(part.group("member")):
        return None
    return NamedScope("segment", None, part.group("member"))


def end_of_a_change(text: str, percent: Percent, tokens: SentenceTokens) -> str | None:
    """'from' or 'to' when a percentage is one end of a change ("will fall from 23.1% to 21.1%", "rise from 68
    percent in 1994 to 71 percent"), else None."""
    if MOVES_FROM_BEFORE.search(text, max(0, percent.start - 60), percent.start):
        return "from"
    before = next((p for p in reversed(tokens.percentages) if p.end <= percent.start), None)
    if (
        before is not None
        and MOVES_FROM_BEFORE.search(text, max(0, before.start - 60), before.start)
        and _TO_THE_OTHER_END.fullmatch(text, before.end, percent.start)
    ):
        return "to"
    return None


def compared_with_an_earlier_one(text: str, percent: Percent, tokens: SentenceTokens) -> bool:
    """ "40% of the market, up from 35% in 2020": the year after the next percentage is that one's."""
    following = next((item for item in tokens.percentages if item.start > percent.end), None)
    return following is not None and UP_OR_DOWN_FROM.fullmatch(text, percent.end, following.start) is not None


_SHARE_IN_BRACKETS_THEN_LEADS = re.compile(
    r"\s*\)\s+(?i:led|leads|dominated|dominates|held|holds|commanded|commands|captured|accounted|topped)\b"
)


def leads_in_brackets(text: str, percent: Percent, tokens: SentenceTokens) -> bool:
    """ "North America (38.4%) led the market in 2024": a percentage in brackets right after a member, which then
    leads, is its share."""
    opening = text.rfind("(", tokens.sentence.char_start, percent.start)
    return (
        opening >= 0
        and not text[opening + 1 : percent.start].strip()
        and any(mention.end <= opening and not text[mention.end : opening].strip() for mention in tokens.mentions)
        and _SHARE_IN_BRACKETS_THEN_LEADS.match(text, percent.end) is not None
    )


def leads_with(text: str, percent: Percent, clause_start: int, clause_end: int) -> bool:
    return (
        _LED_WITH.search(text, clause_start, percent.start) is not None
        and GROWTH_AFTER.match(text, percent.end, clause_end) is None
    )


def leads_listed_shares(text: str, percent: Percent, tokens: SentenceTokens) -> bool:
    """ "Europe was the main market in 2018 (32.3%), followed by North America (30.6%), Asia-Pacific (20.0%)": the
    percentage a list of shares follows on from is the first member's share."""
    following = next((item for item in tokens.percentages if item.start > percent.end), None)
    return (
        following is not None
        and FOLLOWED_BY_WORDS.search(text, percent.end, following.start) is not None
        and FOLLOWED_BY.fullmatch(text, percent.end, following.start) is not None
        and is_listed_share(text, following, tokens)
    )
