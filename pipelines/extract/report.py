"""Extract every fact of one report page: the single entry point the pipeline calls."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipelines.extract.cagr_periods import FORECAST_WORDING, resolve_cagr_periods, resolve_forecast_end_years
from pipelines.extract.companies import extract_companies
from pipelines.extract.developments import extract_developments
from pipelines.extract.figure_members import (
    figures_of_members_the_page_names,
    one_spelling_per_segment,
    segment_names_without_adverbs,
)
from pipelines.extract.figure_years import CURRENT_YEAR, CURRENT_YEAR_IF_KNOWN, resolve_decade_end_years
from pipelines.extract.figures import deduplicate, extract_figures, market_the_figures_are_of
from pipelines.extract.market_identity import market_identity
from pipelines.extract.market_place import (
    figures_of_a_place_market,
    figures_of_one_place_each,
    market_name_with_its_place,
    place_of_the_whole_market,
)
from pipelines.extract.metadata import apply_sidecar, display_name, extract_metadata, publication_year
from pipelines.extract.numbers import find_year_ranges
from pipelines.extract.records import ExtractedReport, Sentence, SkippedStatement, StatedFigure
from pipelines.extract.sentences import numbered_items_masked, split_sentences
from pipelines.extract.taxonomy import extract_taxonomy

# "Forecast Period | 2026-2031", "forecast period (2025-2032)", "Regional Outlook and Forecast 2022-2030"
_FORECAST_PERIOD_LABEL = re.compile(
    r"(?i:forecast(?:\s+(?:period|years|timeframe))?)\W{0,3}(?i:of|from|between|for|:)?\W{0,2}$"
)
_HEADING_MAX_LENGTH = 120
_SHORTEST_FORECAST_YEARS = 2


def _stated_forecast_period(text: str) -> tuple[int, int] | None:
    """'the forecast period (2025-2032)', 'forecast period of 2025 to 2032'."""
    for year_range in find_year_ranges(text):
        if _FORECAST_PERIOD_LABEL.search(text, max(0, year_range.start - 30), year_range.start):
            return year_range.first_year, year_range.last_year
    return None


_PAST_WORDS = re.compile(
    r"\b(?i:has|have|had)\s+(?:\w+\s+)?(?i:experienced|grown|registered|recorded|seen|witnessed)\b"
    r"|\b(?i:historical|historic)\s+(?i:period|years)\b"
)


def _period_of_market_cagrs(figures: list[StatedFigure]) -> tuple[int, int] | None:
    periods = Counter(
        (figure.period_start_year, figure.period_end_year)
        for figure in figures
        if figure.metric == "cagr"
        and figure.scope == "market"
        and figure.period_start_year is not None
        and figure.period_end_year is not None
        and figure.period_start_year > 0  # not a placeholder for a period the sentence does not state
        # "from 2025 to 2026, representing a CAGR of 39.2%": a one-year step is no forecast period
        and figure.period_end_year - figure.period_start_year >= _SHORTEST_FORECAST_YEARS
    )
    # the most stated; of periods stated as often, a forecast's before a history's ("has experienced robust growth
    # during 2022-2025, achieving a CAGR of 24.5% ... forecast to grow at a CAGR of 13.5% from 2026-2031"), else
    # the first stated
    forecast = {
        (figure.period_start_year, figure.period_end_year)
        for figure in figures
        if figure.metric == "cagr" and FORECAST_WORDING.search(figure.quote) and not _PAST_WORDS.search(figure.quote)
    }
    # "has recorded a CAGR of 2.7 percent during the historical period": history, never the forecast period
    past = {
        (figure.period_start_year, figure.period_end_year)
        for figure in figures
        if figure.metric == "cagr" and _PAST_WORDS.search(figure.quote) and not FORECAST_WORDING.search(figure.quote)
    }
    periods = Counter({period: count for period, count in periods.items() if period not in past})
    order = list(periods)
    return max(order, key=lambda period: (periods[period], period in forecast, -order.index(period))) if order else None


# "the global space debris monitoring and removal market 2018-2022": the years a report's name gives its market
_MARKET_THEN_RANGE = re.compile(r"\b(?i:market)\s*$")
# "the latest Drone Market Report 2021-2026": a report named with the period it forecasts labels that period
# "the latest Global Entertainment & Media (E&M) Outlook 2024-2028" too
_REPORT_THEN_RANGE = re.compile(r"(?:\b(?i:market)\s+(?i:report)|\b(?i:outlook|forecast))\s*$")


def _period_after_the_market_word(text: str, after=_MARKET_THEN_RANGE) -> tuple[int, int] | None:
    for year_range in find_year_ranges(text):
        if after.search(text, max(0, year_range.start - 20), year_range.start):
            return year_range.first_year, year_range.last_year
    return None


# "Global Tea Market Is Projected To Grow At A Moderate CAGR During The Period 2016-2022": a heading about what
# is to come
_FORECAST_HEADING_WORDS = re.compile(r"(?i:forecast|projected|cagr)")


def _period_in_headings(sentences: list[Sentence], forecast_only: bool = False) -> tuple[int, int] | None:
    """'Space Mining Market Size & Share, By Revenue, 2025-2032' (a chart title); with ``forecast_only``, only a
    heading that says it is a forecast ('Digital Health Market Growth & Forecast Analysis | 2023-2028')."""
    for sentence in sentences:
        if len(sentence.text) > _HEADING_MAX_LENGTH or sentence.text.endswith("."):
            continue
        if forecast_only and not _FORECAST_HEADING_WORDS.search(sentence.text):
            continue
        # a title broken over two lines: "Global Tea Market Is Projected To Grow At A" / "Moderate CAGR During The
        # Period 2016-2022"
        named = "Market" in sentence.text or (forecast_only and "CAGR" in sentence.text)
        if len(sentence.text) <= _HEADING_MAX_LENGTH and not sentence.text.endswith(".") and named:
            ranges = find_year_ranges(sentence.text)
            if ranges:
                return ranges[-1].first_year, ranges[-1].last_year
    return None


# "Chronic Graft versus Host Disease Market, By Treatment Type (...), By Region Forecast to 2030": a report title
# that names only the year its forecast runs to
_FORECAST_TO_YEAR = re.compile(r"\b(?i:forecast)\s+(?i:to|till|until|up\s+to|through)\s+(?P<year>(?:19|20)\d{2})\b")
_TITLE_LINES = 5
_TITLE_MAX_LENGTH = 300


def forecast_end_in_title(sentences: list[Sentence]) -> int | None:
    """The year a title among the page's first lines says its forecast runs to, if any."""
    for sentence in sentences[:_TITLE_LINES]:
        if len(sentence.text) <= _TITLE_MAX_LENGTH and (found := _FORECAST_TO_YEAR.search(sentence.text)):
            return int(found.group("year"))
    return None


def infer_forecast_period(
    text: str, sentences: list[Sentence], figures: list[StatedFigure], base_year: int | None
) -> tuple[tuple[int | None, int | None], bool]:
    """The page's forecast period from the most explicit statement available, and whether the page labels it
    ("Forecast Period | 2026-2031", "the forecast period (2025-2032)", a heading "... Market, 2025-2032")."""
    labelled = (
        _stated_forecast_period(text)
        or _period_in_headings(sentences, forecast_only=True)
        or _period_after_the_market_word(text, _REPORT_THEN_RANGE)
    )
    if labelled:
        return labelled, True
    # a chart's title ("Market Size 2021 to 2030") spans history too: after the market CAGR's own period
    period = _period_of_market_cagrs(figures) or _period_in_headings(sentences) or _period_after_the_market_word(text)
    if period:
        return period, False
    market_years = [f.year for f in figures if f.metric == "value" and f.scope == "market" and (f.year or 0) > 0]
    if base_year is not None and market_years and max(market_years) > base_year:
        return (base_year + 1, max(market_years)), False
    return (None, None), False


def _inferred_base_year(forecast_start_year: int, figures: list[StatedFigure]) -> int:
    """Publishers' convention: the forecast starts the year after the base year. But a base year is never put after
    the page's last stated market value before the forecast ("Forecast Period 2027-2031" with a value for 2025)."""
    before_forecast = [
        figure.year
        for figure in figures
        if figure.metric == "value"
        and figure.scope == "market"
        and figure.year is not None
        and figure.year < forecast_start_year
    ]
    return max(before_forecast, default=forecast_start_year - 1)


def _figures_read_without_glued_list_numbers(
    text: str, sentences: list[Sentence], taxonomy, market: str | None
) -> tuple[list[StatedFigure], list]:
    """The figures of ``text`` read with list numbers glued to their items blanked out ("- 785% of patents": 85%),
    every quote and figure text then taken from the page's own text at the same offsets."""
    reading_text = numbered_items_masked(text)
    figures, skipped = extract_figures(reading_text, sentences, taxonomy, market)
    if reading_text is text:
        return figures, skipped
    figures = [
        replace(
            figure,
            quote=text[figure.char_start : figure.char_end],
            figure_text=text[figure.figure_start : figure.figure_end],
        )
        for figure in figures
    ]
    skipped = [replace(item, quote=text[item.char_start : item.char_end]) for item in skipped]
    return figures, skipped


def resolve_current_years(
    figures: list[StatedFigure], page_year: int | None
) -> tuple[list[StatedFigure], list[SkippedStatement]]:
    """A value "this year" is for the year the page was written; on a page that does not say when, it is set aside
    with the reason, or kept with no year when its "this year" was read from around it."""
    kept, skipped = [], []
    for figure in figures:
        if figure.year == CURRENT_YEAR_IF_KNOWN:
            kept.append(replace(figure, year=page_year))
        elif figure.year != CURRENT_YEAR:
            kept.append(figure)
        elif page_year is not None:
            kept.append(replace(figure, year=page_year))
        else:
            reason = f"'{figure.figure_text}' at {figure.figure_start}: 'this year' on a page that does not say when"
            skipped.append(SkippedStatement(reason, figure.quote, figure.char_start, figure.char_end))
    return kept, skipped


_PLACES_OF_A_BREAKDOWN = 2


def shares_dated_by_their_breakdown(figures: list[StatedFigure]) -> list[StatedFigure]:
    """ "In 2019, North America held 31% ... Europe and Northeast Asia followed with shares of 22% and 17%": a place's
    share stated with no year is of the one year every other place's share on the page is stated for. A page that
    gives places' shares for two years leaves such a share undated."""
    places_by_year: dict[int, set[str | None]] = {}
    for figure in figures:
        if (
            figure.metric == "share"
            and figure.scope in ("region", "country")
            and figure.year is not None
            and not FORECAST_WORDING.search(figure.quote)  # "expected to expand their shares to 24% by 2027"
        ):
            places_by_year.setdefault(figure.year, set()).add(figure.member)
    # one year, for at least two places: a breakdown, not one place's forecast share ("to 64.5% by 2016")
    if len(places_by_year) != 1 or len(next(iter(places_by_year.values()))) < _PLACES_OF_A_BREAKDOWN:
        return figures
    ((year, dated_places),) = places_by_year.items()
    # a place whose share that year is stated already keeps its other, undated share apart ("Regional split: North
    # America 41%" beside "North America held a 40% share in 2024")
    return [
        replace(figure, year=year)
        if figure.metric == "share"
        and figure.scope in ("region", "country")
        and figure.year is None
        and figure.member not in dated_places
        else figure
        for figure in figures
    ]


_SHORTEST_MEMBER_BEFORE_THE_MARKET = 2


def segments_named_without_the_markets_name(
    figures: list[StatedFigure], listed_members: set[str], market: str | None
) -> list[StatedFigure]:
    """ "The metaverse ecommerce segment" on a metaverse page is the segment "ecommerce": a segment the page names
    only in running prose as "the <market> <member> segment" (or "the <member> <market> segment"). A name the
    page's scope list writes stays, and so does a sub-market's ("the pet pharmaceutical market" on a pet page)."""
    if not market:
        return figures
    prefix, suffix = market.lower() + " ", " " + market.lower()
    listed = {member.lower() for member in listed_members}

    def without_the_markets_name(member: str) -> str:
        lowered = member.lower()
        if lowered.startswith(prefix):
            return member[len(prefix) :]
        # "the cloud service providers data center segment" on a data center page; not "Still wine" on a wine page,
        # whose one word before the market's name is a kind of it
        if lowered.endswith(suffix) and len(member[: -len(suffix)].split()) >= _SHORTEST_MEMBER_BEFORE_THE_MARKET:
            return member[: -len(suffix)]
        return member

    return [
        replace(figure, member=without_the_markets_name(figure.member))
        if figure.scope == "segment"
        and figure.member
        and figure.member.lower() not in listed
        and (figure.member + " segment").lower() in figure.quote.lower()
        else figure
        for figure in figures
    ]


def segments_named_as_the_market(figures: list[StatedFigure], market: str | None) -> list[StatedFigure]:
    """ "Revenue in the Cosmetics segment amounts to US$6,029.1m in 2020" on an Indian cosmetics page, "The Cosmetics
    market industry is projected to grow": a segment whose name is the market's own product (without its place, or
    with "market" after it) is the market."""
    identity = market_identity(market) if market else None
    if identity is None:
        return figures
    return [
        replace(figure, scope="market", dimension=None, member=None)
        if figure.scope == "segment"
        and figure.member
        and figure.within_region is None
        and (named := market_identity(figure.member)) is not None
        and named.market_id == identity.market_id.split("--")[0]
        else figure
        for figure in figures
    ]


def extract_report(text: str, sidecar: dict | None = None) -> ExtractedReport:
    """Every fact in ``text``. Pure: no I/O; offsets index into ``text`` exactly as given. ``sidecar`` holds what
    an analyst states about the report beside it (publisher, market, base year, ...)."""
    sentences = split_sentences(text)
    metadata = apply_sidecar(extract_metadata(text, sentences), sidecar)
    taxonomy = extract_taxonomy(text, sentences)
    figures, skipped = _figures_read_without_glued_list_numbers(text, sentences, taxonomy, metadata.market)
    if not (sidecar or {}).get("market") and (named := market_the_figures_are_of(figures, skipped)):
        # the page's amounts are all another market's: that market is the page's, read again under its name
        metadata = replace(metadata, market=display_name(named))
        figures, skipped = _figures_read_without_glued_list_numbers(text, sentences, taxonomy, metadata.market)
    figures = resolve_decade_end_years(figures, text)
    if not (sidecar or {}).get("market") and (place := place_of_the_whole_market(text, figures, metadata.market)):
        figures, not_of_the_market = figures_of_a_place_market(text, figures, place, metadata.market)
        skipped = [*skipped, *not_of_the_market]
        metadata = replace(metadata, market=market_name_with_its_place(metadata.market, place))
    figures, of_several_places = figures_of_one_place_each(figures)
    skipped = [*skipped, *of_several_places]
    figures = segments_named_without_the_markets_name(
        figures, {row.member for row in taxonomy.segments}, metadata.market
    )
    named_members = {row.member for row in taxonomy.segments} | {
        figure.member for figure in figures if figure.scope == "segment" and figure.member
    }
    figures = figures_of_members_the_page_names(figures, named_members, metadata.market)
    figures = one_spelling_per_segment(
        segment_names_without_adverbs(figures), {row.member for row in taxonomy.segments}
    )
    figures = segments_named_as_the_market(figures, metadata.market)
    this_year = any(figure.year in (CURRENT_YEAR, CURRENT_YEAR_IF_KNOWN) for figure in figures)
    figures, undated = resolve_current_years(figures, publication_year(text) if this_year else None)
    skipped = [*skipped, *undated]
    figures = shares_dated_by_their_breakdown(figures)
    (first_year, last_year), labelled = infer_forecast_period(text, sentences, figures, metadata.base_year)
    # "by the end of the forecast period" is a year only now: before any year is inferred from the figures
    figures = resolve_forecast_end_years(figures, last_year)
    if metadata.base_year is None and first_year is not None:
        metadata = replace(metadata, base_year=_inferred_base_year(first_year, figures), base_year_inferred=True)
    figures = deduplicate(
        resolve_cagr_periods(figures, (first_year, last_year), labelled, forecast_end_in_title(sentences))
    )
    companies = extract_companies(text, sentences)
    developments = extract_developments(text, sentences, tuple(company.company for company in companies))
    return ExtractedReport(
        metadata=metadata,
        forecast_start_year=first_year,
        forecast_end_year=last_year,
        taxonomy=taxonomy,
        figures=tuple(figures),
        companies=companies,
        developments=developments,
        skipped=tuple(skipped),
    )
