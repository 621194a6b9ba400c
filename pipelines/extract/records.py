"""The records that extraction produces.

Every record that comes from the text carries the exact quote and its half-open character interval
``[char_start, char_end)`` into the unmodified document text, so ``text[char_start:char_end] == quote``.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sentence:
    """A sentence (or a bullet or a line that reads as one) and where it sits in the document."""

    char_start: int
    char_end: int
    text: str


@dataclass(frozen=True)
class ReportMetadata:
    """What the page says about itself: the market, the header line and the publisher, if stated."""

    market: str | None
    title: str | None
    pages: int | None
    base_year: int | None
    released_month: str | None  # 'YYYY-MM': month precision stays month precision
    author: str | None
    publisher: str | None
    quote: str | None
    char_start: int | None
    char_end: int | None
    base_year_inferred: bool = False  # True when the page states no base year and it was taken from the forecast
    url: str | None = None  # the page's address: its "Source:" line, or its sidecar's url


@dataclass(frozen=True)
class SegmentMember:
    """One member of a segmentation dimension, e.g. ('asteroid type', 'C-type')."""

    dimension: str
    member: str
    position: int
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class RegionCountry:
    """One country or sub-region listed under a region; ``country`` is None for a region listed alone."""

    region: str
    country: str | None
    position: int
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Taxonomy:
    """The segmentation the page declares in its scope list."""

    segments: tuple[SegmentMember, ...] = ()
    regions: tuple[RegionCountry, ...] = ()

    @property
    def region_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.region for row in self.regions))

    @property
    def dimensions(self) -> dict[str, tuple[str, ...]]:
        by_dimension: dict[str, list[str]] = {}
        for row in self.segments:
            by_dimension.setdefault(row.dimension, []).append(row.member)
        return {dimension: tuple(members) for dimension, members in by_dimension.items()}


@dataclass(frozen=True)
class StatedFigure:
    """One stated number: a money value, a share or a CAGR, with its scope and year(s).

    Money is kept in millions of its currency (``currency``, an ISO code); converting it is the warehouse's job.
    A range ("USD 1.99–2.05 billion", "10-12%") keeps both ends, never an average. ``quote`` is the whole
    sentence that states the figure; ``figure_start``/``figure_end`` point at the number itself. ``mentions``
    counts how often the same figure is stated (e.g. in the highlights and again in the body); the record keeps
    the first statement.
    """

    metric: str  # 'value' | 'share' | 'cagr'
    scope: str  # 'market' | 'region' | 'country' | 'segment'
    dimension: str | None
    member: str | None
    within_region: str | None  # a segment figure limited to one region: a cell of the segment x region cube
    year: int | None
    period_start_year: int | None
    period_end_year: int | None
    value_millions: float | None
    value_high_millions: float | None
    pct: float | None
    pct_high: float | None
    currency: str | None
    rounding: float  # half a unit of the last stated digit, in the figure's unit: "USD 2.75 billion" → 5.0
    figure_text: str
    figure_start: int
    figure_end: int
    quote: str
    char_start: int
    char_end: int
    mentions: int = 1
    # Where a CAGR's period comes from: 'sentence', 'page label', 'forecast period' or 'none' (no period known).
    period_source: str | None = None

    @property
    def identity(self) -> tuple:
        """What makes two statements the same fact, wherever in the page they appear."""
        return (
            self.metric,
            self.scope,
            self.dimension,
            self.member,
            self.within_region,
            self.year,
            self.period_start_year,
            self.period_end_year,
            self.value_millions,
            self.value_high_millions,
            self.pct,
            self.pct_high,
            self.currency,
        )


@dataclass(frozen=True)
class Company:
    """A key company named by the page."""

    company: str
    position: int
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class Development:
    """A dated development ('In February 2025, Karman+ raised USD 20 million ...').

    ``companies`` lists every company the sentence names as taking part, lead company first.
    """

    month: str  # 'YYYY-MM'
    kind: str
    companies: tuple[str, ...]
    amount_usd_m: float | None
    amount_currency: str | None
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class SkippedStatement:
    """A figure the extractor saw but could not turn into a fact, and why (an analyst reads these)."""

    reason: str
    quote: str
    char_start: int
    char_end: int


@dataclass(frozen=True)
class ExtractedReport:
    """Everything extracted from one document."""

    metadata: ReportMetadata
    forecast_start_year: int | None
    forecast_end_year: int | None
    taxonomy: Taxonomy
    figures: tuple[StatedFigure, ...]
    companies: tuple[Company, ...]
    developments: tuple[Development, ...]
    skipped: tuple[SkippedStatement, ...] = field(default_factory=tuple)
