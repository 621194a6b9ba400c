"""pandera models: the contract of every extracted table.

A row that breaks a rule is quarantined with the rule's name as its reason (see ``validation.py``); the rest load.
Check names are written to be read by an analyst in ``marts.meta_quarantine``.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

METRICS = ("value", "share", "cagr")
SCOPES = ("market", "region", "country", "segment")
# Years further than this from the report's base year are not plausible for a market report (pages forecast to
# 2050 from a 2024 base year; history goes back a decade or two).
YEAR_WINDOW = 30
EARLIEST_YEAR = 1950
LATEST_YEAR = 2100
MAX_CAGR_PCT = 200.0
# Where a CAGR's period comes from (see pipelines/extract/figures.py); 'table row' for an analyst table's row.
PERIOD_SOURCES = ("sentence", "page label", "forecast period", "stated values", "none", "table row")
CAGR_IN_RANGE = f"a CAGR is between -100% and {MAX_CAGR_PCT:.0f}%"
CAGR_PERIOD_ORDERED = "a CAGR's period ends after it starts"
RATE_IS_POSITIVE = "usd_per_unit is a positive number"
WEIGHT_IS_POSITIVE = "weight is a positive number"
NOT_ITS_OWN_PARENT = "a market is not its own parent"
# 'space-mining', 'space-mining--india': lower-case words joined by '-', a place after '--'
MARKET_ID_PATTERN = r"^[0-9a-z&]+(?:-[0-9a-z&]+)*(?:--[0-9a-z&]+(?:-[0-9a-z&]+)*)?$"
GEOGRAPHY_LEVELS = ("global", "region", "country")

String = Series[pd.StringDtype]
Integer = Series[pd.Int64Dtype]
Number = Series[pd.Float64Dtype]


def _year_in_window(years: pd.Series, base_years: pd.Series) -> pd.Series:
    """True where the year is missing, or within YEAR_WINDOW of the base year (or a sane range without one)."""
    low = (base_years - YEAR_WINDOW).fillna(EARLIEST_YEAR)
    high = (base_years + YEAR_WINDOW).fillna(LATEST_YEAR)
    return (years.isna() | ((years >= low) & (years <= high))).fillna(False).astype(bool)


class Provenance(pa.DataFrameModel):
    """Where in the document a row was read: ``quote == text[char_start:char_end]``."""

    report_id: String = pa.Field(str_length={"min_value": 1})
    quote: String = pa.Field(str_length={"min_value": 1})
    char_start: Integer = pa.Field(ge=0)
    char_end: Integer = pa.Field(ge=1)

    @pa.dataframe_check(name="span is not empty (char_end > char_start)")
    def span_is_not_empty(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["char_end"] > frame["char_start"]).fillna(False).astype(bool)


class ReportMetadataSchema(pa.DataFrameModel):
    report_id: String = pa.Field(unique=True, str_length={"min_value": 1})
    source_file: String
    sha256: String = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    market: String = pa.Field(nullable=True)
    title: String = pa.Field(nullable=True)
    pages: Integer = pa.Field(nullable=True, ge=1, le=100_000)
    base_year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    base_year_inferred: Series[pd.BooleanDtype]
    forecast_start_year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    forecast_end_year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    released_month: String = pa.Field(nullable=True, str_matches=r"^\d{4}-(0[1-9]|1[0-2])$")
    author: String = pa.Field(nullable=True)
    publisher: String = pa.Field(nullable=True)
    quote: String = pa.Field(nullable=True)
    char_start: Integer = pa.Field(nullable=True, ge=0)
    char_end: Integer = pa.Field(nullable=True, ge=1)
    # the market and publisher as keys shared across reports (pipelines/extract/market_identity.py)
    market_id: String = pa.Field(nullable=True, str_matches=MARKET_ID_PATTERN)
    market_name: String = pa.Field(nullable=True)
    market_geography: String = pa.Field(nullable=True)
    market_geography_level: String = pa.Field(nullable=True, isin=GEOGRAPHY_LEVELS)
    market_rule: String = pa.Field(nullable=True)
    publisher_key: String = pa.Field(nullable=True)
    url: String = pa.Field(nullable=True)  # as the page or its sidecar gives it: never trusted as a link

    @pa.dataframe_check(name="forecast period ends after it starts")
    def forecast_period_is_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        ordered = frame["forecast_end_year"] > frame["forecast_start_year"]
        return (ordered | frame["forecast_end_year"].isna() | frame["forecast_start_year"].isna()).astype(bool)

    @pa.dataframe_check(name=f"forecast period within {YEAR_WINDOW} years of the base year")
    def forecast_period_near_base_year(cls, frame: pd.DataFrame) -> pd.Series:
        return _year_in_window(frame["forecast_start_year"], frame["base_year"]) & _year_in_window(
            frame["forecast_end_year"], frame["base_year"]
        )

    class Config:
        strict = True


class SegmentMemberSchema(Provenance):
    dimension: String = pa.Field(str_length={"min_value": 1, "max_value": 80})
    member: String = pa.Field(str_length={"min_value": 1, "max_value": 120})
    position: Integer = pa.Field(ge=1)

    class Config:
        strict = True
        unique = ["report_id", "dimension", "member"]


class RegionCountrySchema(Provenance):
    region: String = pa.Field(str_length={"min_value": 1, "max_value": 120})
    country: String = pa.Field(nullable=True, str_length={"min_value": 1, "max_value": 120})
    position: Integer = pa.Field(ge=0)

    class Config:
        strict = True
        unique = ["report_id", "region", "country"]


class StatedFigureSchema(Provenance):
    fact_id: String = pa.Field(unique=True)
    base_year: Integer = pa.Field(nullable=True)
    metric: String = pa.Field(isin=METRICS)
    scope: String = pa.Field(isin=SCOPES)
    dimension: String = pa.Field(nullable=True)
    member: String = pa.Field(nullable=True)
    within_region: String = pa.Field(nullable=True)
    year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    period_start_year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    period_end_year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    value_millions: Number = pa.Field(nullable=True, ge=0)
    value_high_millions: Number = pa.Field(nullable=True, ge=0)
    pct: Number = pa.Field(nullable=True)
    pct_high: Number = pa.Field(nullable=True)
    currency: String = pa.Field(nullable=True)
    rounding: Number = pa.Field(ge=0)
    figure_text: String
    figure_start: Integer = pa.Field(ge=0)
    figure_end: Integer = pa.Field(ge=1)
    mentions: Integer = pa.Field(ge=1)
    source_kind: String = pa.Field(isin=("text", "table"))
    source_file: String
    source_line: Integer = pa.Field(nullable=True, ge=2)
    period_source: String = pa.Field(nullable=True, isin=PERIOD_SOURCES)

    @pa.dataframe_check(name="a value has an amount and a currency")
    def value_is_complete(cls, frame: pd.DataFrame) -> pd.Series:
        # A value stated with no year ("valued at USD 2 billion") is kept: year null, used in no series.
        is_value = frame["metric"] == "value"
        complete = frame["value_millions"].notna() & frame["currency"].notna()
        return (~is_value | complete).fillna(False).astype(bool)

    @pa.dataframe_check(name="a share is a percentage between 0 and 100")
    def share_is_a_percentage(cls, frame: pd.DataFrame) -> pd.Series:
        # A share stated with no year ("North America 38%, Europe 27%") is kept, used in no series.
        is_share = frame["metric"] == "share"
        valid = frame["pct"].between(0, 100)
        return (~is_share | valid).fillna(False).astype(bool)

    @pa.dataframe_check(name="a share names the region, country or segment it is a share of")
    def share_has_a_member(cls, frame: pd.DataFrame) -> pd.Series:
        return ~((frame["metric"] == "share") & (frame["scope"] == "market")).fillna(False).astype(bool)

    @pa.dataframe_check(name=CAGR_IN_RANGE)
    def cagr_is_plausible(cls, frame: pd.DataFrame) -> pd.Series:
        is_cagr = frame["metric"] == "cagr"
        valid = (frame["pct"] > -100) & (frame["pct"] <= MAX_CAGR_PCT)
        return (~is_cagr | valid).fillna(False).astype(bool)

    @pa.dataframe_check(name=CAGR_PERIOD_ORDERED)
    def cagr_period_is_ordered(cls, frame: pd.DataFrame) -> pd.Series:
        # A CAGR whose period the page never states is kept with no period (period_source 'none').
        unknown = frame["period_start_year"].isna() | frame["period_end_year"].isna()
        ordered = frame["period_end_year"] > frame["period_start_year"]
        return ((frame["metric"] != "cagr") | unknown | ordered).fillna(False).astype(bool)

    @pa.dataframe_check(name=f"years within {YEAR_WINDOW} years of the report's base year")
    def years_near_base_year(cls, frame: pd.DataFrame) -> pd.Series:
        return (
            _year_in_window(frame["year"], frame["base_year"])
            & _year_in_window(frame["period_start_year"], frame["base_year"])
            & _year_in_window(frame["period_end_year"], frame["base_year"])
        )

    @pa.dataframe_check(name="a market figure names no member; any other figure names one")
    def scope_matches_member(cls, frame: pd.DataFrame) -> pd.Series:
        is_market = frame["scope"] == "market"
        has_member = frame["member"].notna()
        # a segment the page names without listing it has no known dimension
        has_dimension = frame["dimension"].notna() | (frame["scope"] == "segment")
        named = has_member & has_dimension
        return ((is_market & ~has_member) | (~is_market & named)).fillna(False).astype(bool)

    @pa.dataframe_check(name="only a segment figure is limited to a region")
    def within_region_only_for_segments(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["within_region"].isna() | (frame["scope"] == "segment")).fillna(False).astype(bool)

    @pa.dataframe_check(name="the figure lies inside its quoted sentence")
    def figure_inside_quote(cls, frame: pd.DataFrame) -> pd.Series:
        inside = (frame["figure_start"] >= frame["char_start"]) & (frame["figure_end"] <= frame["char_end"])
        return inside.fillna(False).astype(bool)

    class Config:
        strict = True


class CompanySchema(Provenance):
    company: String = pa.Field(str_length={"min_value": 1, "max_value": 200})
    position: Integer = pa.Field(ge=1)

    class Config:
        strict = True
        unique = ["report_id", "company"]


class DevelopmentSchema(Provenance):
    development_id: String = pa.Field(unique=True)
    month: String = pa.Field(str_matches=r"^\d{4}-(0[1-9]|1[0-2])$")
    kind: String = pa.Field(str_length={"min_value": 1})
    amount_usd_m: Number = pa.Field(nullable=True, ge=0)
    amount_currency: String = pa.Field(nullable=True)

    class Config:
        strict = True


class DevelopmentCompanySchema(pa.DataFrameModel):
    development_id: String
    report_id: String
    company: String = pa.Field(str_length={"min_value": 1, "max_value": 200})
    role: String = pa.Field(isin=("lead", "partner"))
    position: Integer = pa.Field(ge=1)

    class Config:
        strict = True
        unique = ["development_id", "company"]


class SkippedStatementSchema(Provenance):
    reason: String = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True


class TableRowProvenance(pa.DataFrameModel):
    """Where a row of an analyst table was read: its file, line, and the line's text and span in the file."""

    source_file: String
    line: Integer = pa.Field(ge=2)
    line_text: String = pa.Field(nullable=True)
    line_start: Integer = pa.Field(nullable=True, ge=0)
    line_end: Integer = pa.Field(nullable=True, ge=0)
    sha256: String


class FxRateSchema(TableRowProvenance):
    """A row of raw/tables/fx_rates.csv: how many US dollars one unit of a currency buys (in a year, or always)."""

    currency: String = pa.Field(str_matches=r"^[A-Z]{3}$")
    year: Integer = pa.Field(nullable=True, ge=EARLIEST_YEAR, le=LATEST_YEAR)
    usd_per_unit: Number = pa.Field(nullable=True)
    source: String = pa.Field(nullable=True)
    note: String = pa.Field(nullable=True)

    @pa.dataframe_check(name=RATE_IS_POSITIVE)
    def rate_is_positive(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["usd_per_unit"] > 0).fillna(False).astype(bool)

    class Config:
        strict = True
        unique = ["currency", "year"]


class MarketAliasSchema(TableRowProvenance):
    """A row of raw/tables/market_aliases.csv: a market name (or a report id) and the market it belongs to, with
    the market's parent market where the analyst gives one."""

    alias: String = pa.Field(str_length={"min_value": 1})
    market: String = pa.Field(str_length={"min_value": 1})
    parent: String = pa.Field(nullable=True)
    note: String = pa.Field(nullable=True)
    alias_key: String = pa.Field(str_matches=MARKET_ID_PATTERN)
    market_id: String = pa.Field(str_matches=MARKET_ID_PATTERN)
    market_name: String
    geography: String
    geography_level: String = pa.Field(isin=GEOGRAPHY_LEVELS)
    parent_market_id: String = pa.Field(nullable=True, str_matches=MARKET_ID_PATTERN)
    parent_market_name: String = pa.Field(nullable=True)
    parent_geography: String = pa.Field(nullable=True)
    parent_geography_level: String = pa.Field(nullable=True, isin=GEOGRAPHY_LEVELS)

    @pa.dataframe_check(name=NOT_ITS_OWN_PARENT)
    def not_its_own_parent(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["parent_market_id"] != frame["market_id"]).fillna(True).astype(bool)

    class Config:
        strict = True


class ForecastWeightSchema(TableRowProvenance):
    """A row of raw/tables/*_weights.csv (see pipelines/analyst_tables.py)."""

    report_id: String = pa.Field(nullable=True)
    level: String = pa.Field(isin=("segment", "region", "country"))
    dimension: String = pa.Field(nullable=True)
    member: String = pa.Field(nullable=True)
    parent: String = pa.Field(nullable=True)
    weight: Number = pa.Field(nullable=True)
    note: String = pa.Field(nullable=True)

    @pa.dataframe_check(name=WEIGHT_IS_POSITIVE)
    def weight_is_positive(cls, frame: pd.DataFrame) -> pd.Series:
        return (frame["weight"] > 0).fillna(False).astype(bool)

    @pa.dataframe_check(name="names the member (and dimension or region) it weighs")
    def names_its_member(cls, frame: pd.DataFrame) -> pd.Series:
        named = frame["member"].notna() & frame["dimension"].notna()
        return (named & ((frame["level"] != "country") | frame["parent"].notna())).fillna(False).astype(bool)

    class Config:
        strict = True
        unique = ["report_id", "level", "dimension", "member", "parent"]


def _number_text(value) -> str:
    return "?" if pd.isna(value) else f"{value:g}"


# Row-level wording of a failed check, so that a quarantine reason names what failed in that row.
ROW_REASONS = {
    # a table's row: its file and line, and the line as written ("EUR,1,08": a decimal comma)
    RATE_IS_POSITIVE: lambda row: (
        f"{row['source_file']}:{row['line']}: usd_per_unit is not a positive number in {row['line_text']!r}"
    ),
    NOT_ITS_OWN_PARENT: lambda row: (
        f"{row['source_file']}:{row['line']}: market {row['market']!r} names itself as its parent"
    ),
    WEIGHT_IS_POSITIVE: lambda row: (
        f"{row['source_file']}:{row['line']}: weight is not a positive number in {row['line_text']!r}"
    ),
    CAGR_IN_RANGE: lambda row: f"CAGR {_number_text(row['pct'])}% is outside -100..{MAX_CAGR_PCT:.0f}%",
    CAGR_PERIOD_ORDERED: lambda row: (
        f"CAGR period {_number_text(row['period_start_year'])}-{_number_text(row['period_end_year'])} "
        "does not end after it starts"
    ),
}

# The tables extracted from each document.
DOCUMENT_SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    "report_metadata": ReportMetadataSchema,
    "segment_members": SegmentMemberSchema,
    "region_countries": RegionCountrySchema,
    "stated_figures": StatedFigureSchema,
    "companies": CompanySchema,
    "developments": DevelopmentSchema,
    "development_companies": DevelopmentCompanySchema,
    "skipped_statements": SkippedStatementSchema,
}
SCHEMAS: dict[str, type[pa.DataFrameModel]] = {
    **DOCUMENT_SCHEMAS,
    "forecast_weights": ForecastWeightSchema,
    "fx_rates": FxRateSchema,
    "market_aliases": MarketAliasSchema,
}
