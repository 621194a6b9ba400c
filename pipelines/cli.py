"""Command line for people without the Dagster UI.

    python -m pipelines build                                        # ingest, extract, build, check, publish
    python -m pipelines build --parallel                             # the same, steps on the multiprocess executor
    python -m pipelines refresh raw/reports/space-mining-market.txt  # the same, reporting on one file
    python -m pipelines facts raw/reports/space-mining-market.txt    # what the extractor reads in one page
    python -m pipelines audit                                        # the published warehouse's failed checks

RAW_DIR and WAREHOUSE_PATH choose the folders, as for `make run`; with DAGSTER_HOME naming an existing folder
(`make run` makes it), a build is recorded in that Dagster instance, so it shows in the UI's run history. Exit codes:

    0  success
    1  the page states no figures (facts), or the published warehouse has page inconsistencies (audit --strict)
    2  a file or the warehouse cannot be read; refresh: the file does not exist or was rejected at ingest
    3  a check failed in a way that names no report, or for too many reports: nothing was published
    4  the build failed otherwise
    5  published, but a failed check withheld some reports (they keep their last published rows, or are absent);
       audit: the latest build withheld some reports
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import NoReturn

from pipelines.config import Settings, settings_from_environment
from pipelines.extract.report import extract_report
from pipelines.ingest import Rejection, read_report, read_sidecar

EXIT_OK, EXIT_NO_FIGURES, EXIT_UNREADABLE, EXIT_CHECK_FAILED, EXIT_BUILD_FAILED, EXIT_WITHHELD = 0, 1, 2, 3, 4, 5
_QUIET_RUN = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}
_BAR_WIDTH = 30


def _progress_line(done: int, total: int, elapsed: float) -> str:
    filled = _BAR_WIDTH * done // max(total, 1)
    return f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done}/{total} tables and checks, {elapsed:.0f} s"


# From this many documents to extract, a build runs its steps on Dagster's multiprocess executor (extraction buckets
# side by side, one per core); below it, in this process, where a step costs no process of its own.
PARALLEL_FROM_DOCUMENTS = 256


def run_build(settings: Settings, out=sys.stderr, parallel: bool | None = None):
    """Run the build_warehouse job, drawing a progress bar; returns the Dagster result. ``parallel``: on the
    multiprocess executor (True), in this process (False), or by how many documents there are to extract (None).
    With DAGSTER_HOME naming an existing folder (`make run` makes it), the run is recorded in that instance (the
    UI's run history); otherwise in a throwaway one."""
    import dagster as dg  # imported here so that `facts` starts without loading Dagster

    from pipelines.definitions import build_definitions

    definitions = build_definitions(settings)
    graph = definitions.resolve_asset_graph()
    total = len(graph.materializable_asset_keys) + len(graph.asset_check_keys)
    dagster_home = os.environ.get("DAGSTER_HOME")
    persistent = bool(dagster_home) and Path(dagster_home).is_dir()
    if parallel is None:
        parallel = documents_to_extract(settings) >= PARALLEL_FROM_DOCUMENTS
    if not parallel:
        job = definitions.resolve_job_def("build_warehouse").with_logger_defs({"console": _console_logger()})
        instance = dg.DagsterInstance.get() if persistent else dg.DagsterInstance.ephemeral()
        run_id = str(uuid.uuid4())  # the persistent instance may hold other runs, even running ones
        with instance:
            return _run_with_progress(
                lambda: job.execute_in_process(
                    instance=instance, run_config=_QUIET_RUN, raise_on_error=False, run_id=run_id
                ),
                lambda: run_id if instance.has_run(run_id) else None,
                instance,
                total,
                out,
            )
    # the steps' processes rebuild the job from the environment: it must name these settings
    os.environ.update(
        RAW_DIR=str(settings.raw_dir),
        WAREHOUSE_PATH=str(settings.warehouse_path),
        EXTRACTION_BUCKETS=str(settings.extraction_buckets),
    )
    token = {"pipelines/build": str(uuid.uuid4())}
    with dg.DagsterInstance.get() if persistent else dg.DagsterInstance.local_temp() as instance:

        def run_id() -> str | None:
            records = instance.get_run_records(filters=dg.RunsFilter(tags=token), limit=1)
            return records[0].dagster_run.run_id if records else None

        return _run_with_progress(
            lambda: dg.execute_job(
                dg.reconstructable(command_line_build_job),
                instance,
                run_config=_QUIET_RUN,
                tags=token,
                raise_on_error=False,
            ),
            run_id,
            instance,
            total,
            out,
        )


def command_line_build_job():
    """The build job with the command line's console logger, for the folders the environment names (what each
    step's process rebuilds on the multiprocess executor)."""
    from pipelines.definitions import build_warehouse_job_from_environment

    return build_warehouse_job_from_environment().with_logger_defs({"console": _console_logger()})


def documents_to_extract(settings: Settings) -> int:
    """How many report documents the next build will read and extract, judged from file stamps alone (every one
    when nothing was built yet, or the extractor changed since)."""
    import duckdb

    from pipelines.extraction_run import EXTRACTOR_VERSION
    from pipelines.ingest import REPORTS_FOLDER, SIDECAR_SUFFIX
    from pipelines.raw_listing import hand_over, list_files, reports_handover_key
    from pipelines.warehouse.state import known_raw_files

    listed_at_ns = time.time_ns()
    files = list_files(settings.raw_dir, REPORTS_FOLDER, SIDECAR_SUFFIX)
    if not settings.working_path.exists():
        return len(files)
    try:
        with duckdb.connect(str(settings.working_path), read_only=True) as connection:
            known = known_raw_files(connection, REPORTS_FOLDER)
            (older,) = connection.execute(
                "select count(*) from extracted.extraction_outcomes where extractor_version <> ?", [EXTRACTOR_VERSION]
            ).fetchone()
    except duckdb.Error:  # a working database from an older pipeline, or one a running build holds
        return len(files)
    hand_over(reports_handover_key(settings.raw_dir, settings.working_path), (files, known, listed_at_ns))
    if older:
        return len(files)
    changed = 0
    for listed in files:
        record = known.get(listed.source_file)
        changed += record is None or not record.still_current(listed.stamp, listed.sidecar_stamp)
    return changed


class _ExpectedFailures(logging.Filter):
    """Drops Dagster's report of a failure we raise on purpose (PublishStopped: a stack trace that says nothing
    the summary does not), and the errors that follow from it (the publish skipped, the run failed)."""

    def __init__(self):
        super().__init__()
        self.stopped = False

    def filter(self, record: logging.LogRecord) -> bool:
        event = (getattr(record, "dagster_meta", None) or {}).get("dagster_event")
        error = getattr(getattr(event, "event_specific_data", None), "error", None)
        if error is not None and error.cls_name == "PublishStopped":  # the step's failure, then the run's
            self.stopped = True
            return False
        return not (self.stopped and record.levelno >= logging.ERROR)


def _console_logger():
    """Dagster's console logger, without the report of an expected failure."""
    import dagster as dg

    expected_failures = _ExpectedFailures()  # one for the run's and the steps' loggers

    @dg.logger(
        config_schema=dg.colored_console_logger.config_schema,
        description="Dagster's console logger, without the report of an expected failure",
    )
    def console(init_context):
        logger = dg.colored_console_logger.logger_fn(init_context)
        logger.addFilter(expected_failures)
        return logger

    return console


def _run_with_progress(execute, find_run_id, instance, total: int, out):
    """Run ``execute`` in a thread while drawing a progress bar from the events its run (``find_run_id``) logs."""
    import dagster as dg

    progress_events = {dg.DagsterEventType.ASSET_MATERIALIZATION, dg.DagsterEventType.ASSET_CHECK_EVALUATION}
    outcome: dict = {}
    worker = threading.Thread(target=lambda: outcome.update(result=execute()))
    started = time.monotonic()
    worker.start()
    done, cursor, run_id = 0, None, None
    while worker.is_alive():
        worker.join(0.5)
        run_id = run_id or find_run_id()
        if run_id:  # read only the events logged since the last look
            new = instance.get_records_for_run(run_id, cursor=cursor, of_type=progress_events)
            done, cursor = done + len(new.records), new.cursor
        print(_progress_line(done, total, time.monotonic() - started), end="", file=out, flush=True)
    print(_progress_line(total, total, time.monotonic() - started), file=out, flush=True)
    return outcome["result"]


def _build_exit_code(result, out) -> int:
    """EXIT_OK when the build published; EXIT_CHECK_FAILED when a check stopped the publish (its message says
    why); EXIT_BUILD_FAILED otherwise."""
    from dagster import DagsterEventType

    if result.success:
        return EXIT_OK
    stopped = False
    for event in result.all_events:
        if event.event_type != DagsterEventType.STEP_FAILURE:
            continue
        error = event.event_specific_data.error
        if error is not None and error.cls_name == "PublishStopped":
            stopped = True
            print(error.message.strip().removeprefix("pipelines.assets.sql_models.PublishStopped: "), file=out)
        else:
            print(f"step failed: {event.step_key}: {error.message.strip() if error else 'unknown error'}", file=out)
    return EXIT_CHECK_FAILED if stopped else EXIT_BUILD_FAILED


def _failed_steps(result) -> set[str]:
    from dagster import DagsterEventType

    return {event.step_key for event in result.all_events if event.event_type == DagsterEventType.STEP_FAILURE}


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe_failing_row(row: dict) -> str:
    """A failing row in words: its check and detail as sentences, every other column as 'name value'."""

    def value(item):
        return f"{item:g}" if isinstance(item, float) else "none" if item is None else str(item)

    named = [
        f"{column} {value(item)}" for column, item in row.items() if column not in _ROW_SENTENCES and item is not None
    ]
    words = ", ".join(named)
    if row.get("check_name"):
        words = f"{row['check_name']}: {words}"
    if row.get("detail"):
        words += f" ({row['detail']})"
    return words


_ROW_SENTENCES = frozenset({"report_id", "source_file", "check_name", "detail"})


def published_withheld(warehouse_path: Path) -> tuple[int, list[tuple]]:
    """(reports published, [(source_file, check_name, model, first failing row in words, kept_previous_rows)]) of
    the published warehouse; a file published before withholding existed holds none."""
    import duckdb

    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        tables = {
            name
            for (name,) in connection.execute(
                "select table_name from duckdb_tables() where schema_name = 'marts'"
            ).fetchall()
        }
        if "meta_withheld" not in tables:
            (reports,) = connection.execute("select count(*) from marts.dim_report").fetchone()
            return reports, []
        (reports,) = connection.execute("select count(*) from marts.dim_report where status = 'published'").fetchone()
        rows = connection.execute(
            "select coalesce(source_file, report_id), check_name, model, first_failing_rows, kept_previous_rows "
            "from marts.meta_withheld order by source_file, model, check_name"
        ).fetchall()
    return reports, [
        (source_file, check, model, describe_failing_row((json.loads(first) or [{}])[0]), kept)
        for source_file, check, model, first, kept in rows
    ]


def print_withheld(withheld: list[tuple], out) -> None:
    for source_file, check, model, row, kept in withheld:
        keeps = "its last published rows kept" if kept else "absent: never published"
        print(f"  {source_file}: {check} ({model}): {row} [{keeps}]", file=out)


def forget_what_was_built(settings: Settings) -> None:
    """For a full refresh: forget every stage's record of its inputs, so that the build extracts, validates and
    builds everything again. The published file and the run history stay until the new build replaces the one and
    adds to the other."""
    if not settings.working_path.exists():
        return
    import duckdb

    from pipelines.warehouse.state import forget_every_stage

    with duckdb.connect(str(settings.working_path)) as connection:
        forget_every_stage(connection)


def build(out=sys.stdout, full_refresh: bool = False, parallel: bool | None = None) -> int:
    settings = settings_from_environment()
    if full_refresh:
        forget_what_was_built(settings)
        print("full refresh: every file is read, extracted and built again", file=out)
    result = run_build(settings, parallel=parallel)
    code = _build_exit_code(result, out)
    if code == EXIT_OK:
        code = _published_summary(settings.warehouse_path, out)
        print(f"site {settings.site_path / 'index.html'} (open it in a browser)", file=out)
        return code
    if _failed_steps(result) == {"published_site"}:
        _published_summary(settings.warehouse_path, out)
        print(f"the site was not rebuilt; {settings.site_path} still shows the previous build", file=out)
        return code
    print(f"nothing published; {settings.warehouse_path} is unchanged", file=out)
    return code


def _published_summary(warehouse_path: Path, out) -> int:
    """Say how many reports were published and which were withheld, why; EXIT_WITHHELD when any was."""
    reports, withheld = published_withheld(warehouse_path)
    withheld_reports = sorted({row[0] for row in withheld})
    if withheld:
        print(f"published {_plural(reports, 'report')}; withheld {len(withheld_reports)}:", file=out)
        print_withheld(withheld, out)
    else:
        print(f"published {_plural(reports, 'report')}", file=out)
    print(f"published {warehouse_path}", file=out)
    return EXIT_WITHHELD if withheld else EXIT_OK


def site(out=sys.stdout) -> int:
    """Build the static site from the published warehouse (what `build` does last), without building anything."""
    from pipelines.site.render import build_site, model_tests

    settings = settings_from_environment()
    if not settings.warehouse_path.exists():
        print(f"no published warehouse at {settings.warehouse_path}: run `make run` first", file=out)
        return EXIT_UNREADABLE
    built = build_site(settings.warehouse_path, settings.site_path, model_tests())
    print(f"site {built.path / 'index.html'}: {built.pages} pages, {built.pages_rewritten} rewritten", file=out)
    return EXIT_OK


def _rejection_reason(settings: Settings, source_file: str) -> str | None:
    """Why ingest rejected ``source_file`` in the latest build (landing.rejected_* of the working database)."""
    import duckdb

    if not settings.working_path.exists():
        return None
    with duckdb.connect(str(settings.working_path), read_only=True) as connection:
        reasons = connection.execute(
            "select reason from landing.rejected_documents where source_file = ? "
            "union all select reason from landing.rejected_tables where source_file = ?",
            [source_file, source_file],
        ).fetchall()
    return reasons[0][0] if reasons else None


def refresh(path: Path, out=sys.stdout) -> int:
    """Build, then say what became of one file: extracted again, unchanged, rejected with the reason, or withheld
    with the failed check."""
    settings = settings_from_environment()
    path = path.resolve()
    if not path.exists():
        print(f"{path}: no such file", file=sys.stderr)
        return EXIT_UNREADABLE
    if not path.is_relative_to(settings.raw_dir.resolve()):
        print(f"{path}: not under RAW_DIR {settings.raw_dir}", file=sys.stderr)
        return EXIT_UNREADABLE
    source_file = path.relative_to(settings.raw_dir.resolve()).as_posix()
    result = run_build(settings)
    code = _build_exit_code(result, out)
    rejected = _rejection_reason(settings, source_file)
    if rejected is not None:
        print(f"{source_file}: rejected: {rejected}", file=out)
        if code == EXIT_OK:
            _published_summary(settings.warehouse_path, out)
        return EXIT_UNREADABLE
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
    if code != EXIT_OK:
        print(f"nothing published; {settings.warehouse_path} is unchanged", file=out)
        return code
    _, withheld = published_withheld(settings.warehouse_path)
    mine = [row for row in withheld if row[0] == source_file]
    if mine:
        print(f"{source_file}: withheld:", file=out)
        print_withheld(mine, out)
    return _published_summary(settings.warehouse_path, out)


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
            "detail from marts.audit_consistency where not passed and (blocking or check_name <> ?) "
            "order by not blocking, report_id, check_name",
            [_NOT_USED_CHECK],
        ).fetchall()
        not_used = connection.execute(
            "select detail, count(*) from marts.audit_consistency where check_name = ? and not blocking "
            "group by detail order by count(*) desc, detail",
            [_NOT_USED_CHECK],
        ).fetchall()
        (checks,) = connection.execute("select count(*) from marts.audit_consistency").fetchone()
    print(f"{warehouse_path}: {checks} checks, {len(failed)} failed", file=out)
    for blocking, report_id, check, subject, period, stated, implied, detail in failed:
        kind = "BLOCKING" if blocking else "page"
        print(
            f"  [{kind}] {report_id}: {check} ({subject}, {period}): stated {_number(stated)}, "
            f"implied {_number(implied)}" + (f" — {detail}" if detail else ""),
            file=out,
        )
    if not_used:
        print(f"stated figures no forecast uses: {sum(count for _, count in not_used)}", file=out)
        for reason, count in not_used:
            print(f"  {count:5} {reason}", file=out)
    _, withheld = published_withheld(warehouse_path)
    if withheld:
        print(f"withheld by the latest build: {len({row[0] for row in withheld})}", file=out)
        print_withheld(withheld, out)
    if any(row[0] for row in failed):
        return EXIT_CHECK_FAILED
    if withheld:
        return EXIT_WITHHELD
    return EXIT_NO_FIGURES if strict and failed else EXIT_OK


_NOT_USED_CHECK = "stated figure used in a forecast"


def _number(value) -> str:
    return "-" if value is None else f"{value:g}"


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
    build_command = commands.add_parser("build", help="ingest raw/, extract, build, check and publish the warehouse")
    build_command.add_argument(
        "--full-refresh", action="store_true", help="forget what earlier builds did and rebuild everything"
    )
    steps = build_command.add_mutually_exclusive_group()
    steps.add_argument(
        "--parallel",
        dest="parallel",
        action="store_true",
        default=None,
        help="run the steps on Dagster's multiprocess executor (default from "
        f"{PARALLEL_FROM_DOCUMENTS} documents to extract)",
    )
    steps.add_argument(
        "--in-process", dest="parallel", action="store_false", help="run every step in this process, one by one"
    )
    refresh_command = commands.add_parser("refresh", help="build, and say what became of one file under raw/")
    refresh_command.add_argument("path", type=Path, help="a file under RAW_DIR")
    facts = commands.add_parser("facts", help="print the facts the extractor reads in one page, with their quotes")
    facts.add_argument("path", type=Path, help="a .txt, .md or .html report page")
    commands.add_parser("site", help="build the static site again from the published warehouse")
    audit_command = commands.add_parser("audit", help="print the published warehouse's failed checks")
    audit_command.add_argument("--strict", action="store_true", help="exit 1 when the pages contradict themselves")
    arguments = parser.parse_args(argv)
    if arguments.command == "build":
        return build(full_refresh=arguments.full_refresh, parallel=arguments.parallel)
    if arguments.command == "refresh":
        return refresh(arguments.path)
    if arguments.command == "audit":
        return audit(arguments.strict)
    if arguments.command == "site":
        return site()
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
