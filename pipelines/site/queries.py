"""What the site shows, read from the published warehouse (never the working database): one query per table for
all markets or reports at once, grouped here, so that 10,000 report pages cost ten queries, not 10,000."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field

import duckdb


def rows(connection: duckdb.DuckDBPyConnection, sql: str, parameters=None) -> list[dict]:
    cursor = connection.execute(sql, parameters or [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@dataclass
class MarketData:
    market: dict
    consensus: list[dict] = field(default_factory=list)
    estimates: list[dict] = field(default_factory=list)
    cagr_consensus: list[dict] = field(default_factory=list)
    revisions: list[dict] = field(default_factory=list)
    reports: list[dict] = field(default_factory=list)
    stated: list[dict] = field(default_factory=list)  # the market values the reports state, with their quotes
    segments: list[dict] = field(default_factory=list)
    regions: list[dict] = field(default_factory=list)
    inconsistencies: list[dict] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Changes whenever anything the market's page shows changes."""
        return hashlib.sha256(json.dumps(self.__dict__, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class ReportData:
    report: dict
    figures: list[dict] = field(default_factory=list)
    quarantined: list[dict] = field(default_factory=list)
    withheld: list[dict] = field(default_factory=list)

    def fingerprint(self) -> str:
        return hashlib.sha256(json.dumps(self.__dict__, sort_keys=True, default=str).encode()).hexdigest()


def _grouped(items: list[dict], key: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        grouped[item[key]].append(item)
    return grouped


def read_markets(connection: duckdb.DuckDBPyConnection) -> list[MarketData]:
    """Every market with what its page shows."""
    reports = rows(
        connection,
        "select report_id, market_id, publisher, title, base_year, released_month, edition, is_latest_edition, "
        "copy_of_report_id, status, source_file from marts.dim_report where market_id is not null "
        "order by market_id, publisher nulls last, edition, report_id",
    )
    latest = {r["report_id"] for r in reports if r["is_latest_edition"] and r["copy_of_report_id"] is None}
    by_market = {
        "consensus": _grouped(rows(connection, "select * from marts.fct_market_consensus order by year"), "market_id"),
        "estimates": _grouped(
            rows(connection, "select * from marts.fct_market_estimate order by report_id, year"), "market_id"
        ),
        "cagr_consensus": _grouped(
            rows(connection, "select * from marts.fct_market_cagr_consensus order by period_start_year"), "market_id"
        ),
        "revisions": _grouped(
            rows(connection, "select * from marts.fct_estimate_revision order by publisher, year"), "market_id"
        ),
        "reports": _grouped(reports, "market_id"),
        "stated": _grouped(
            rows(
                connection,
                "select r.market_id, f.report_id, f.year, f.value_usd_m, f.quote, f.char_start, f.char_end "
                "from marts.fct_reported_fact f join marts.dim_report r using (report_id) "
                "where f.scope = 'market' and f.metric = 'value' and f.year is not null and r.market_id is not null "
                "order by f.report_id, f.year",
            ),
            "market_id",
        ),
        "segments": _grouped(
            rows(
                connection,
                "select r.market_id, s.report_id, s.dimension, s.member, s.year, s.value_usd_m, s.basis "
                "from marts.fct_segment_forecast s join marts.dim_report r using (report_id) "
                "where r.report_id in (select unnest(?::varchar[])) "
                "order by s.report_id, s.dimension, s.member, s.year",
                [sorted(latest)],
            ),
            "market_id",
        ),
        "regions": _grouped(
            rows(
                connection,
                "select r.market_id, g.report_id, g.region, g.year, g.value_usd_m, g.basis "
                "from marts.fct_region_forecast g join marts.dim_report r using (report_id) "
                "where r.report_id in (select unnest(?::varchar[])) order by g.report_id, g.region, g.year",
                [sorted(latest)],
            ),
            "market_id",
        ),
        "inconsistencies": _grouped(
            rows(
                connection,
                "select r.market_id, a.report_id, a.check_name, a.scope, a.dimension, a.member, a.period, a.stated, "
                "a.implied, a.detail from marts.audit_consistency a join marts.dim_report r using (report_id) "
                "where not a.passed and r.market_id is not null order by a.report_id, a.check_name",
            ),
            "market_id",
        ),
    }
    return [
        MarketData(market, **{part: grouped.get(market["market_id"], []) for part, grouped in by_market.items()})
        for market in rows(connection, "select * from marts.dim_market order by market_id")
    ]


def read_reports(connection: duckdb.DuckDBPyConnection) -> list[ReportData]:
    """Every report with its stated figures, what was quarantined and why, and why it is withheld if it is."""
    figures = _grouped(
        rows(
            connection,
            "select report_id, metric, scope, dimension, member, within_region, year, period_start_year, "
            "period_end_year, value_usd_m, value_high_usd_m, currency, pct, pct_high, quote, char_start, char_end, "
            "source_file, source_line from marts.fct_reported_fact order by report_id, char_start, source_line",
        ),
        "report_id",
    )
    quarantined = _grouped(
        rows(
            connection,
            "select report_id, stage, table_name, reason, quote, char_start, char_end from marts.meta_quarantine "
            "where report_id is not null order by report_id, char_start",
        ),
        "report_id",
    )
    withheld = _grouped(
        rows(connection, "select report_id, check_name, model, failing_rows from marts.meta_withheld"), "report_id"
    )
    return [
        ReportData(
            report,
            figures.get(report["report_id"], []),
            quarantined.get(report["report_id"], []),
            withheld.get(report["report_id"], []),
        )
        for report in rows(connection, "select * from marts.dim_report order by report_id")
    ]


def read_dictionary(connection: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every published table with its comment and its columns' comments."""
    tables = rows(
        connection,
        "select table_name, comment from duckdb_tables() where schema_name = 'marts' order by table_name",
    )
    columns = _grouped(
        rows(
            connection,
            "select table_name, column_name, data_type, comment from duckdb_columns() "
            "where schema_name = 'marts' order by table_name, column_index",
        ),
        "table_name",
    )
    return [{**table, "columns": columns.get(table["table_name"], [])} for table in tables]
