"""Extraction accuracy: build the warehouse from a folder of labelled pages and compare with the labels.

    .venv/bin/python benchmarks/accuracy.py                       # the development corpus, tests/data/reports/
    .venv/bin/python benchmarks/accuracy.py --pages DIR -v        # another folder; -v lists every miss
    RAW_DIR=/path/with/reports .venv/bin/python benchmarks/accuracy.py

The pages are copied into a temporary raw folder (labels left out) and the real pipeline builds a warehouse from
it; then marts.fct_reported_fact is compared with each page's NAME.labels.json. A figure extraction read but
validation quarantined (or a check withheld) counts as extracted and wrong ("lost"). Prints precision and recall by
kind of figure and exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

import dagster as dg  # noqa: E402
import duckdb  # noqa: E402

from pipelines.config import Settings  # noqa: E402
from pipelines.definitions import all_assets  # noqa: E402
from pipelines.evaluation import (  # noqa: E402
    IDENTITY_FIELDS,
    TARGETS,
    facts_from_warehouse,
    identity_differences,
    load_labels,
    pages_with_labels,
    score_page,
    total_scores,
)
from pipelines.ingest import REPORTS_FOLDER, report_id_for  # noqa: E402
from pipelines.resources import build_resources  # noqa: E402

DEFAULT_PAGES = PROJECT_ROOT / "tests" / "data" / "reports"


def build(raw_dir: Path, warehouse_path: Path) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        all_assets,
        resources=build_resources(Settings(raw_dir=raw_dir, warehouse_path=warehouse_path)),
        run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
        raise_on_error=False,
    )


def evaluate(pages_dir: Path, verbose: bool) -> int:
    pages = pages_with_labels(pages_dir)
    if not pages:
        print(f"no labelled pages in {pages_dir} (expected NAME.txt|.md|.html with NAME.labels.json)")
        return 2
    with tempfile.TemporaryDirectory(prefix="accuracy-") as workdir:
        raw_dir = Path(workdir) / "raw"
        (raw_dir / REPORTS_FOLDER).mkdir(parents=True)
        for page in pages:
            shutil.copyfile(page, raw_dir / REPORTS_FOLDER / page.name)
        warehouse_path = Path(workdir) / "warehouse" / "accuracy.duckdb"
        started = time.perf_counter()
        result = build(raw_dir, warehouse_path)
        elapsed = time.perf_counter() - started
        if not warehouse_path.exists():
            print(f"the build did not publish a warehouse (success={result.success}); see the run's log")
            return 2
        print(f"built {len(pages)} pages in {elapsed:.1f} s (build success: {result.success})")
        results = []
        identities_right = 0
        working_path = Settings(raw_dir=raw_dir, warehouse_path=warehouse_path).working_path
        with (
            duckdb.connect(str(warehouse_path), read_only=True) as connection,
            duckdb.connect(str(working_path), read_only=True) as working,
        ):
            reports = {
                row[0]: row
                for row in connection.execute(
                    "select report_id, market, publisher, base_year, forecast_start_year, forecast_end_year "
                    "from marts.dim_report"
                ).fetchall()
            }
            for page in pages:
                report_id = report_id_for(f"{REPORTS_FOLDER}/{page.name}")
                labels = load_labels(page)
                extracted = facts_from_warehouse(connection, report_id, working)
                results.append(score_page(page.name, labels["facts"], extracted))
                if report_id not in reports:
                    print(f"  {page.name}: no dim_report row")
                else:
                    found = dict(zip(IDENTITY_FIELDS, reports[report_id][1:], strict=True))
                    differences = identity_differences(labels["report"], found)
                    identities_right += not differences
                    if differences and verbose:
                        print(f"  {page.name}: report fields (expected, found): {differences}")

    print(f"\n{'page':48} {'labels':>6} {'found':>6} {'missed':>6} {'extra':>6} {'lost':>6}")
    for page_result in results:
        labelled = sum(score.labelled for score in page_result.scores.values())
        found = sum(score.extracted for score in page_result.scores.values())
        print(
            f"{page_result.page:48} {labelled:6} {found:6} {len(page_result.missed):6} {len(page_result.spurious):6} "
            f"{len(page_result.lost):6}"
        )
        if verbose:
            for fact in page_result.missed:
                print(f"      missed  {_describe(fact)}")
            for fact in page_result.spurious:
                print(f"      extra   {_describe(fact)}   «{fact.get('quote', '')[:90]}»")
            for fact in page_result.lost:
                print(f"      lost    {_describe(fact)}   ({fact['lost'][:90]})")

    print(
        f"\nreport identity (market, publisher, base year, forecast period) right on {identities_right} "
        f"of {len(pages)} pages"
    )
    totals = total_scores(results)
    header = ("kind of figure", "labels", "found", "right", "precision", "recall", "target")
    print("\n{:22} {:>6} {:>6} {:>6} {:>9} {:>7} {:>7}".format(*header))
    met = True
    for category, score in totals.items():
        target = TARGETS[category]
        ok = score.precision >= target and score.recall >= target
        met &= ok
        print(
            f"{category:22} {score.labelled:6} {score.extracted:6} {score.matched:6} {score.precision:9.3f} "
            f"{score.recall:7.3f} {target:7.2f} {'ok' if ok else 'BELOW TARGET'}"
        )
    return 0 if met else 1


def _describe(fact: dict) -> str:
    parts = [fact["metric"], fact["scope"], fact.get("member") or "", fact.get("within_region") or ""]
    when = fact.get("period") if fact["metric"] == "cagr" else fact.get("year")
    amount = fact.get("value") if fact["metric"] == "value" else fact.get("pct")
    high = fact.get("value_high") if fact["metric"] == "value" else fact.get("pct_high")
    return " ".join(str(part) for part in [*parts, when, amount, high or "", fact.get("currency") or ""] if part != "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=Path, help="folder of NAME.txt|.md|.html pages with NAME.labels.json")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every missed and extra fact")
    arguments = parser.parse_args()
    logging.getLogger("dagster").setLevel(logging.WARNING)
    pages_dir = arguments.pages
    if pages_dir is None and os.environ.get("RAW_DIR"):
        pages_dir = Path(os.environ["RAW_DIR"]) / REPORTS_FOLDER
    return evaluate((pages_dir or DEFAULT_PAGES).resolve(), arguments.verbose)


if __name__ == "__main__":
    sys.exit(main())
