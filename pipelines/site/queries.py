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


@dataclass
class ReportData:
    report: dict
    figures: list[dict] = field(default_factory=list)
    quarantined: list[dict] = field(default_factory=list)
    withheld: list[dict] = field(default_factory=list)


# What each page shows, table by table: a page is written again only when the fingerprint of these rows changed.
REPORT_PAGE_TABLES = ("dim_report", "fct_reported_fact", "meta_quarantine", "meta_withheld")
MARKET_PAGE_REPORT_TABLES = (
    "dim_report",
    "fct_reported_fact",
    "fct_market_estimate",
    "fct_segment_forecast",
    "fct_region_forecast",
    "audit_consistency",
)
MARKET_PAGE_TABLES = ("dim_market", "fct_market_consensus", "fct_market_cagr_consensus", "fct_estimate_revision")


def _fingerprints(
    connection: duckdb.DuckDBPyConnection, key: str, *groups: tuple[str, ...], only: list[str] | None = None
) -> tuple[dict[str, str], ...]:
    """For each group of tables: key → a hash of every row those tables hold for it, computed in DuckDB: the sum of
    the rows' hashes, which needs no sorting and changes when any row is added, removed or changed. Each table is
    read once, however many groups hold it. With ``only``, just those keys (the same fingerprints)."""
    tables = list(dict.fromkeys(table for group in groups for table in group))
    restricted = f" and list_contains(?::varchar[], {key})" if only is not None else ""
    parts = " union all ".join(
        f"select {key} as page, '{table}' as source, count(*) || ':' || sum(hash(row)::hugeint) as digest "
        f"from marts.{table} as row where {key} is not null{restricted} group by {key}"
        for table in tables
    )
    digests = ", ".join(
        f"md5(string_agg(source || digest, '|' order by source) filter (where source in "
        f"({', '.join(repr(table) for table in group)})))"
        for group in groups
    )
    fingerprints: tuple[dict[str, str], ...] = tuple({} for _ in groups)
    parameters = [only] * len(tables) if only is not None else []
    query = f"select page, {digests} from ({parts}) group by page"
    for page, *page_digests in connection.execute(query, parameters).fetchall():
        for found, digest in zip(fingerprints, page_digests, strict=True):
            if digest is not None:
                found[page] = digest
    return fingerprints


def page_fingerprints(
    connection: duckdb.DuckDBPyConnection, markets: list[str] | None = None, reports: list[str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """(market_id → fingerprint, report_id → fingerprint) of everything each page shows; with ``markets`` and
    ``reports``, of those pages only (a page with nothing to show has no fingerprint)."""
    member_filter = " and list_contains(?::varchar[], market_id)" if markets is not None else ""
    memberships = connection.execute(
        f"select market_id, report_id from marts.dim_report where market_id is not null{member_filter} "
        "order by report_id",
        [markets] if markets is not None else [],
    ).fetchall()
    # a market page shows its reports: their fingerprints are needed too
    scope = None if reports is None else sorted({*reports, *(report_id for _, report_id in memberships)})
    report_pages, shown_on_market_pages = _fingerprints(
        connection, "report_id", REPORT_PAGE_TABLES, MARKET_PAGE_REPORT_TABLES, only=scope
    )
    (own,) = _fingerprints(connection, "market_id", MARKET_PAGE_TABLES, only=markets)
    members: dict[str, list[str]] = defaultdict(list)
    for market_id, report_id in memberships:
        members[market_id].append(shown_on_market_pages.get(report_id, ""))
    market_pages = {
        market_id: hashlib.sha256("|".join([digest, *members[market_id]]).encode()).hexdigest()
        for market_id, digest in own.items()
    }
    return market_pages, report_pages


@dataclass(frozen=True)
class PublishedChanges:
    """What the published file says of itself (marts.meta_publish): the run that published it and, when it was
    patched from the file another run published, the reports and markets whose rows that patch rewrote."""

    run_id: str | None
    patched_from_run_id: str | None = None
    reports: tuple[str, ...] | None = None
    markets: tuple[str, ...] | None = None


def published_changes(connection: duckdb.DuckDBPyConnection) -> PublishedChanges:
    (meta,) = rows(connection, "select * from marts.meta_publish") or [{}]
    if meta.get("changed_report_ids") is None or meta.get("changed_market_ids") is None:
        return PublishedChanges(meta.get("run_id"))
    return PublishedChanges(
        meta["run_id"],
        meta["patched_from_run_id"],
        tuple(json.loads(meta["changed_report_ids"])),
        tuple(json.loads(meta["changed_market_ids"])),
    )


def updated_page_fingerprints(
    connection: duckdb.DuckDBPyConnection, changes: PublishedChanges, old_markets: dict, old_reports: dict
) -> tuple[dict[str, str], dict[str, str]]:
    """The fingerprints of every page, from those of the file ``changes`` was patched from: only the pages of the
    changed reports and markets, and of the markets the changed reports are on, are fingerprinted again."""
    (markets_of_reports,) = connection.execute(
        "select coalesce(list(distinct market_id), []) from marts.dim_report "
        "where market_id is not null and list_contains(?::varchar[], report_id)",
        [list(changes.reports)],
    ).fetchone()
    affected_markets = sorted({*changes.markets, *markets_of_reports})
    markets, reports = page_fingerprints(connection, affected_markets, list(changes.reports))
    return _updated(old_markets, markets, affected_markets), _updated(old_reports, reports, changes.reports)


def _updated(old: dict[str, str], new: dict[str, str], candidates) -> dict[str, str]:
    """``old`` with the fingerprints in ``new``, less the candidates that now have none (their page is gone)."""
    updated = {**old, **new}
    for gone in set(candidates) - new.keys():
        updated.pop(gone, None)
    return updated


def _grouped(items: list[dict], key: str) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for item in items:
        grouped[item[key]].append(item)
    return grouped


def read_markets(connection: duckdb.DuckDBPyConnection, market_ids: list[str]) -> list[MarketData]:
    """The markets ``market_ids`` name, with what their pages show."""
    connection.execute(
        "create or replace temporary table site_markets as select unnest(?::varchar[]) as market_id", [market_ids]
    )
    reports = rows(
        connection,
        "select report_id, market_id, publisher, title, base_year, released_month, edition, is_latest_edition, "
        "copy_of_report_id, status, source_file from marts.dim_report "
        "where market_id in (select market_id from site_markets) "
        "order by market_id, publisher nulls last, edition, report_id",
    )
    latest = {r["report_id"] for r in reports if r["is_latest_edition"] and r["copy_of_report_id"] is None}
    by_market = {
        "consensus": _grouped(
            rows(
                connection,
                "select * from marts.fct_market_consensus where market_id in (select market_id from site_markets) "
                "order by year",
            ),
            "market_id",
        ),
        "estimates": _grouped(
            rows(
                connection,
                "select * from marts.fct_market_estimate where market_id in (select market_id from site_markets) "
                "order by report_id, year",
            ),
            "market_id",
        ),
        "cagr_consensus": _grouped(
            rows(
                connection,
                "select * from marts.fct_market_cagr_consensus where market_id in (select market_id from site_markets) "
                "order by period_start_year",
            ),
            "market_id",
        ),
        "revisions": _grouped(
            rows(
                connection,
                "select * from marts.fct_estimate_revision where market_id in (select market_id from site_markets) "
                "order by publisher, year",
            ),
            "market_id",
        ),
        "reports": _grouped(reports, "market_id"),
        "stated": _grouped(
            rows(
                connection,
                "select r.market_id, f.report_id, f.year, f.value_usd_m, f.quote, f.char_start, f.char_end "
                "from marts.fct_reported_fact f join marts.dim_report r using (report_id) "
                "where f.scope = 'market' and f.metric = 'value' and f.year is not null "
                "and r.market_id in (select market_id from site_markets) "
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
                "where not a.passed and r.market_id in (select market_id from site_markets) "
                "order by a.report_id, a.check_name",
            ),
            "market_id",
        ),
    }
    return [
        MarketData(market, **{part: grouped.get(market["market_id"], []) for part, grouped in by_market.items()})
        for market in rows(
            connection,
            "select * from marts.dim_market where market_id in (select market_id from site_markets) order by market_id",
        )
    ]


def read_reports(connection: duckdb.DuckDBPyConnection, report_ids: list[str]) -> list[ReportData]:
    """The reports ``report_ids`` name, with their stated figures, what was quarantined and why, and why they are
    withheld if they are."""
    connection.execute(
        "create or replace temporary table site_reports as select unnest(?::varchar[]) as report_id", [report_ids]
    )
    figures = _grouped(
        rows(
            connection,
            "select report_id, metric, scope, dimension, member, within_region, year, period_start_year, "
            "period_end_year, value_usd_m, value_high_usd_m, currency, pct, pct_high, quote, char_start, char_end, "
            "source_file, source_line from marts.fct_reported_fact "
            "where report_id in (select report_id from site_reports) order by report_id, char_start, source_line",
        ),
        "report_id",
    )
    quarantined = _grouped(
        rows(
            connection,
            "select report_id, stage, table_name, reason, quote, char_start, char_end from marts.meta_quarantine "
            "where report_id in (select report_id from site_reports) order by report_id, char_start",
        ),
        "report_id",
    )
    withheld = _grouped(
        rows(
            connection,
            "select report_id, check_name, model, failing_rows from marts.meta_withheld "
            "where report_id in (select report_id from site_reports)",
        ),
        "report_id",
    )
    return [
        ReportData(
            report,
            figures.get(report["report_id"], []),
            quarantined.get(report["report_id"], []),
            withheld.get(report["report_id"], []),
        )
        for report in rows(
            connection,
            "select * from marts.dim_report where report_id in (select report_id from site_reports) order by report_id",
        )
    ]


def read_index(connection: duckdb.DuckDBPyConnection) -> list[tuple[dict, dict | None, dict | None]]:
    """Every market, with the consensus of the year the most sources give and the CAGR consensus over the period
    the most sources cover (the latest of equals)."""
    latest = {
        row["market_id"]: row
        for row in rows(
            connection,
            "select * from marts.fct_market_consensus "
            "qualify row_number() over (partition by market_id order by reports desc, year desc) = 1",
        )
    }
    cagrs = {
        row["market_id"]: row
        for row in rows(
            connection,
            "select * from marts.fct_market_cagr_consensus "
            "qualify row_number() over (partition by market_id order by reports desc, period_end_year desc) = 1",
        )
    }
    return [
        (market, latest.get(market["market_id"]), cagrs.get(market["market_id"]))
        for market in rows(connection, "select * from marts.dim_market order by market_id")
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
