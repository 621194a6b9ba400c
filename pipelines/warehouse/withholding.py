"""One odd report never blocks the others: which reports a failed check withholds, and when it stops the publish.

A check on the marts returns the rows that break its rule. When those rows name reports (a ``report_id``
column), the check withholds those reports only: the publish leaves out their new rows and keeps the rows last
published for them. The whole publish stops only when a failing row names no report (no ``report_id`` column, or
a null one), or when the same check fails for more than max(3, 10 %) of the reports: that is a bug, not a page.

The warehouse step records the withheld reports in ``build_state.withheld`` of the working database (replaced at
every build); the publish step reads them from there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import pandas as pd

from pipelines.warehouse.database import IN_REPORTS, column_names, transaction
from pipelines.warehouse.state import REPORT_KEY, STATE_SCHEMA

WITHHELD_TABLE = "withheld"
FIRST_ROWS = 5  # failing rows of one report kept in build_state.withheld and marts.meta_withheld
MIN_REPORTS_TO_STOP = 3  # a check failing for more than max(3, 10 % of the reports) stops the publish
SHARE_OF_REPORTS_TO_STOP = 0.10

_WITHHELD_COLUMNS = (
    "report_id varchar, source_file varchar, check_name varchar, model varchar, failing_rows bigint, "
    "first_failing_rows varchar, withheld_at timestamptz"
)


@dataclass(frozen=True)
class CheckFailure:
    """A failed check on ``model``: how many rows break it and, per report they name, that report's failing rows
    (their count and the first ones as JSON). ``reports`` is None when a failing row names no report.
    ``first_rows``: the first failing rows in words, for a message that stops the publish."""

    check_name: str
    model: str
    failing_rows: int
    reports: dict[str, tuple[int, str]] | None
    first_rows: tuple[str, ...] = ()


@dataclass(frozen=True)
class WithheldReport:
    report_id: str
    source_file: str | None
    check_name: str
    model: str
    failing_rows: int
    first_failing_rows: str  # JSON list of the first failing rows, column → value
    withheld_at: datetime


def withhold_limit(report_count: int) -> float:
    """A check may withhold up to this many reports; failing for more, it stops the publish."""
    return max(MIN_REPORTS_TO_STOP, SHARE_OF_REPORTS_TO_STOP * report_count)


def stop_reason(failure: CheckFailure, report_count: int) -> str | None:
    """Why ``failure`` stops the whole publish, or None when it withholds the reports it names only."""
    if failure.reports is None:
        return "its failing rows name no report"
    if len(failure.reports) > withhold_limit(report_count):
        return (
            f"it fails for {len(failure.reports)} of {report_count} reports, more than max(3, 10 %): a bug, not a page"
        )
    return None


def failing_reports(connection: duckdb.DuckDBPyConnection, failing_query: str) -> dict[str, tuple[int, str]] | None:
    """Per report named by the rows ``failing_query`` returns: how many rows, and the first ones as JSON; None when
    the rows have no report_id column or a row's report_id is null."""
    if REPORT_KEY not in _query_columns(connection, failing_query):
        return None
    (unnamed,) = connection.execute(f"select count(*) from ({failing_query}) where {REPORT_KEY} is null").fetchone()
    if unnamed:
        return None
    counts = dict(
        connection.execute(f"select {REPORT_KEY}, count(*) from ({failing_query}) group by {REPORT_KEY}").fetchall()
    )
    first_rows = connection.execute(
        f"select * exclude (row_in_report) from (select *, row_number() over (partition by {REPORT_KEY}) "
        f"as row_in_report from ({failing_query})) where row_in_report <= {FIRST_ROWS}"
    ).df()
    return {
        report_id: (int(count), rows_as_json(first_rows[first_rows[REPORT_KEY] == report_id]))
        for report_id, count in counts.items()
    }


def rows_as_json(frame: pd.DataFrame) -> str:
    return frame.to_json(orient="records", date_format="iso", force_ascii=False)


def _query_columns(connection: duckdb.DuckDBPyConnection, query: str) -> list[str]:
    return [column[0] for column in connection.execute(f"select * from ({query}) limit 0").description]


def report_count(connection: duckdb.DuckDBPyConnection) -> int:
    """How many reports the build holds (0 before marts.dim_report exists)."""
    if not column_names(connection, "marts", "dim_report"):
        return 0
    (count,) = connection.execute("select count(*) from marts.dim_report").fetchone()
    return count


def report_source_files(connection: duckdb.DuckDBPyConnection, report_ids: list[str]) -> dict[str, str]:
    """report_id → the file it was read from (marts.dim_report.source_file), for the reports the build holds."""
    if not report_ids or not column_names(connection, "marts", "dim_report"):
        return {}
    return dict(
        connection.execute(
            f"select {REPORT_KEY}, source_file from marts.dim_report where {IN_REPORTS}",
            [report_ids],
        ).fetchall()
    )


def withheld_reports(
    connection: duckdb.DuckDBPyConnection, failures: list[CheckFailure], withheld_at: datetime | None = None
) -> list[WithheldReport]:
    """One row per report and failed check that withholds it (checks that stop the publish are left out)."""
    withheld_at = withheld_at or datetime.now(UTC)
    named = [failure for failure in failures if failure.reports]
    files = report_source_files(connection, sorted({report for failure in named for report in failure.reports}))
    return [
        WithheldReport(
            report_id, files.get(report_id), failure.check_name, failure.model, rows, first_rows, withheld_at
        )
        for failure in named
        for report_id, (rows, first_rows) in sorted(failure.reports.items())
    ]


def store_withheld(connection: duckdb.DuckDBPyConnection, withheld: list[WithheldReport]) -> None:
    """Replace build_state.withheld with ``withheld``: what this build's checks keep out of the publish."""
    connection.execute(f"create schema if not exists {STATE_SCHEMA}")
    connection.execute(f"create table if not exists {STATE_SCHEMA}.{WITHHELD_TABLE} ({_WITHHELD_COLUMNS})")
    with transaction(connection):
        connection.execute(f"delete from {STATE_SCHEMA}.{WITHHELD_TABLE}")
        if withheld:
            connection.executemany(
                f"insert into {STATE_SCHEMA}.{WITHHELD_TABLE} values (?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        row.report_id,
                        row.source_file,
                        row.check_name,
                        row.model,
                        row.failing_rows,
                        row.first_failing_rows,
                        row.withheld_at,
                    ]
                    for row in withheld
                ],
            )


def stored_withheld(connection: duckdb.DuckDBPyConnection) -> list[WithheldReport]:
    """What the last warehouse build withheld (empty before any build recorded it)."""
    if not column_names(connection, STATE_SCHEMA, WITHHELD_TABLE):
        return []
    rows = connection.execute(
        "select report_id, source_file, check_name, model, failing_rows, first_failing_rows, withheld_at "
        f"from {STATE_SCHEMA}.{WITHHELD_TABLE} order by report_id, model, check_name"
    ).fetchall()
    return [WithheldReport(*row) for row in rows]
