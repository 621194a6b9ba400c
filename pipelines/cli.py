"""Command line for people without the Dagster UI.

    python -m pipelines build                                        # ingest, extract, build, check, publish
    python -m pipelines refresh raw/reports/space-mining-market.txt  # the same, reporting on one file
    python -m pipelines facts raw/reports/space-mining-market.txt    # what the extractor reads in one page
    python -m pipelines audit                                        # the published warehouse's failed checks

RAW_DIR and WAREHOUSE_PATH choose the folders, as for `make run`. Exit codes: 0 success; 1 the page states no
figures (facts) or the published warehouse has page inconsistencies (audit --strict); 2 a file or the warehouse
cannot be read; 3 a blocking check failed, so nothing was published; 4 the build failed otherwise.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
import time
from pathlib import Path
from typing import NoReturn

from pipelines.config import Settings, settings_from_environment
from pipelines.extract.report import extract_report
from pipelines.ingest import Rejection, read_report, read_sidecar

EXIT_OK, EXIT_NO_FIGURES, EXIT_UNREADABLE, EXIT_CHECK_FAILED, EXIT_BUILD_FAILED = 0, 1, 2, 3, 4
_QUIET_RUN = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
_BAR_WIDTH = 30


def _progress_line(done: int, total: int, elapsed: float) -> str:
    filled = _BAR_WIDTH * done // max(total, 1)
    return f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done}/{total} tables and checks, {elapsed:.0f} s"


def run_build(settings: Settings, out=sys.stderr):
    """Run the build_warehouse job in process, drawing a progress bar; returns the Dagster result."""
    import dagster as dg  # imported here so that `facts` starts without loading Dagster

    from pipelines.definitions import build_definitions

    definitions = build_definitions(settings)
    job = definitions.resolve_job_def("build_warehouse")
    graph = definitions.resolve_asset_graph()
    total = len(graph.materializable_asset_keys) + len(graph.asset_check_keys)
    with dg.DagsterInstance.ephemeral() as instance:
        return _run_with_progress(job, instance, total, out)


def _run_with_progress(job, instance, total: int, out):
    import dagster as dg

    progress_events = {dg.DagsterEventType.ASSET_MATERIALIZATION, dg.DagsterEventType.ASSET_CHECK_EVALUATION}
    outcome: dict = {}
    worker = threading.Thread(
        target=lambda: outcome.update(
            result=job.execute_in_process(instance=instance, run_config=_QUIET_RUN, raise_on_error=False)
        )
    )
    started = time.monotonic()
    worker.start()
    done, cursor = 0, None
    while worker.is_alive():
        worker.join(0.5)
        runs = instance.get_runs(limit=1)
        if runs:  # read only the events logged since the last look
            new = instance.get_records_for_run(runs[0].run_id, cursor=cursor, of_type=progress_events)
            done, cursor = done + len(new.records), new.cursor
        print(_progress_line(done, total, time.monotonic() - started), end="", file=out, flush=True)
    print(_progress_line(total, total, time.monotonic() - started), file=out, flush=True)
    return outcome["result"]


def _build_exit_code(result, out) -> int:
    from dagster import DagsterEventType

    if result.success:
        return EXIT_OK
    failed_checks = [check for check in result.get_asset_check_evaluations() if not check.passed]
    for check in failed_checks:
        print(f"check failed: {check.asset_key.to_user_string()} {check.check_name}", file=out)
    for event in result.all_events:
        if event.event_type == DagsterEventType.STEP_FAILURE and not failed_checks:
            print(f"step failed: {event.step_key}: {event.event_specific_data.error.message.strip()}", file=out)
    return EXIT_CHECK_FAILED if failed_checks else EXIT_BUILD_FAILED


def build(out=sys.stdout) -> int:
    settings = settings_from_environment()
    result = run_build(settings)
    code = _build_exit_code(result, out)
    if code == EXIT_OK:
        print(f"published {settings.warehouse_path}", file=out)
    else:
        print(f"nothing published; {settings.warehouse_path} is unchanged", file=out)
    return code


def refresh(path: Path, out=sys.stdout) -> int:
    """Build, then say what became of one file: extracted again, unchanged, or rejected with the reason."""
    settings = settings_from_environment()
    path = path.resolve()
    if not path.is_relative_to(settings.raw_dir.resolve()):
        print(f"{path}: not under RAW_DIR {settings.raw_dir}", file=sys.stderr)
        return EXIT_UNREADABLE
    source_file = path.relative_to(settings.raw_dir.resolve()).as_posix()
    result = run_build(settings)
    (extracted,) = [
        event.materialization.metadata
        for event in result.get_asset_materialization_events()
        if event.asset_key.to_user_string() == "extracted/stated_figures"
    ] or [{}]
    extracted_files = extracted.get("extracted_files")
    if extracted_files is not None and source_file in extracted_files.value:
        print(f"{source_file}: extracted again", file=out)
    elif extracted:
        print(f"{source_file}: unchanged since the last build, or not a report (see marts.meta_input)", file=out)
    return _build_exit_code(result, out)


def audit(strict: bool, out=sys.stdout) -> int:
    """Print the published warehouse's failed checks: blocking ones first, then the page's own inconsistencies."""
    import duckdb

    warehouse_path = settings_from_environment().warehouse_path
    if not warehouse_path.exists():
        print(f"{warehouse_path}: no published warehouse; run `make run` first", file=sys.stderr)
        return EXIT_UNREADABLE
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        failed = connection.execute(
            "select blocking, report_id, check_name, coalesce(member, dimension, scope), period, stated, implied, "
            "detail from marts.audit_consistency where not passed order by not blocking, report_id, check_name"
        ).fetchall()
        (checks,) = connection.execute("select count(*) from marts.audit_consistency").fetchone()
    print(f"{warehouse_path}: {checks} checks, {len(failed)} failed", file=out)
    for blocking, report_id, check, subject, period, stated, implied, detail in failed:
        kind = "BLOCKING" if blocking else "page"
        print(
            f"  [{kind}] {report_id}: {check} ({subject}, {period}): stated {stated:g}, implied {implied:g}"
            + (f" — {detail}" if detail else ""),
            file=out,
        )
    if any(row[0] for row in failed):
        return EXIT_CHECK_FAILED
    return EXIT_NO_FIGURES if strict and failed else EXIT_OK


def _describe_figure(figure) -> str:
    who = figure.member or "market"
    if figure.within_region:
        who += f" in {figure.within_region}"
    if figure.metric == "cagr":
        when = f"{figure.period_start_year}-{figure.period_end_year}"
        amount = f"{figure.pct:g}%" + (f"-{figure.pct_high:g}%" if figure.pct_high is not None else "")
    elif figure.metric == "share":
        when, amount = str(figure.year), f"{figure.pct:g}%"
    else:
        when = str(figure.year)
        amount = f"{figure.value_millions:,.6g}" + (
            f"-{figure.value_high_millions:,.6g}" if figure.value_high_millions is not None else ""
        )
        amount += f" {figure.currency} m"
    return f"{figure.metric:5} {figure.scope:7} {who[:40]:40} {when:9} {amount}"


def show_facts(path: Path, out=sys.stdout) -> int:
    """Print the metadata, facts (with their quotes and spans) and skipped statements of one page."""
    path = path.resolve()
    if not path.is_file():
        print(f"{path}: no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    document = read_report(path, path.parent)
    if isinstance(document, Rejection):
        print(document.reason, file=sys.stderr)
        return EXIT_UNREADABLE
    sidecar, problem = read_sidecar(path, path.parent)
    if problem:
        print(problem.reason, file=sys.stderr)
    report = extract_report(document.text, sidecar)
    metadata = report.metadata
    print(
        f"{path.name}: {metadata.market or '(market not named)'} | publisher {metadata.publisher or '-'} | "
        f"base year {metadata.base_year or '-'}{' (inferred)' if metadata.base_year_inferred else ''} | "
        f"forecast {report.forecast_start_year or '-'}-{report.forecast_end_year or '-'}",
        file=out,
    )
    for dimension, members in report.taxonomy.dimensions.items():
        print(f"  {dimension}: {', '.join(members)}", file=out)
    if report.taxonomy.region_names:
        print(f"  regions: {', '.join(report.taxonomy.region_names)}", file=out)
    print(f"\n{len(report.figures)} figure(s):", file=out)
    for figure in report.figures:
        print(f"  {_describe_figure(figure)}", file=out)
        print(f"        [{figure.char_start}:{figure.char_end}] «{figure.quote}»", file=out)
    if report.skipped:
        print(f"\n{len(report.skipped)} statement(s) skipped:", file=out)
        for skipped in report.skipped:
            print(f"  {skipped.reason}\n        [{skipped.char_start}:{skipped.char_end}] «{skipped.quote}»", file=out)
    print(f"\n{len(report.companies)} key companies, {len(report.developments)} dated developments", file=out)
    return EXIT_OK if report.figures else EXIT_NO_FIGURES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build", help="ingest raw/, extract, build, check and publish the warehouse")
    refresh_command = commands.add_parser("refresh", help="build, and say what became of one file under raw/")
    refresh_command.add_argument("path", type=Path, help="a file under RAW_DIR")
    facts = commands.add_parser("facts", help="print the facts the extractor reads in one page, with their quotes")
    facts.add_argument("path", type=Path, help="a .txt, .md or .html report page")
    audit_command = commands.add_parser("audit", help="print the published warehouse's failed checks")
    audit_command.add_argument("--strict", action="store_true", help="exit 1 when the pages contradict themselves")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        return build()
    if arguments.command == "refresh":
        return refresh(arguments.path)
    if arguments.command == "audit":
        return audit(arguments.strict)
    return show_facts(arguments.path)


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """main(), then leave at once. Tearing down the interpreter (Dagster, pandas, every object the build left)
    takes half a second and does nothing for the user: by now every database is committed and closed, and the
    Dagster instance disposed of."""
    code = main(argv)
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run_and_exit()
