"""Command line for people without the Dagster UI.

    python -m pipelines facts raw/reports/space-mining-market.txt    # what the extractor reads in one page

Exit codes: 0 success, 1 the page states no figures, 2 the file cannot be read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.extract.report import extract_report
from pipelines.ingest import Rejection, read_report, read_sidecar

EXIT_OK, EXIT_NO_FIGURES, EXIT_UNREADABLE = 0, 1, 2


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
    facts = commands.add_parser("facts", help="print the facts the extractor reads in one page, with their quotes")
    facts.add_argument("path", type=Path, help="a .txt, .md or .html report page")
    arguments = parser.parse_args(argv)
    if arguments.command == "facts":
        return show_facts(arguments.path)
    return EXIT_UNREADABLE


if __name__ == "__main__":
    sys.exit(main())
