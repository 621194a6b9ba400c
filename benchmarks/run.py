"""Performance at scale, measured on generated corpora: prints one table of figures per corpus size.

    .venv/bin/python benchmarks/run.py                      # N = 1,000, 10,000 and 100,000 pages
    .venv/bin/python benchmarks/run.py --pages 100 1000     # other sizes

For each N: extraction throughput (MB/s, pages/s) on one core next to a bare regex pass over the same text in the
same run (on up to 5,000 of the pages); the end-to-end build from raw/ to a published warehouse (`python -m
pipelines build` in a child process; peak memory is the largest sum of the resident memory of it and every process
it started, sampled every 0.2 s); a refresh after changing one file, and one with nothing changed, with the bytes
of raw/ each read; the published file's size; the latency of typical BI queries; and accuracy against the
generated ground truth (on up to 2,000 pages), so that speed never comes from dropping facts. Once, on the largest
N up to 10,000: the extraction steps' speed-up on the multiprocess executor against one process. First, once:
the fixed cost of a build with no document at all, the floor under every refresh, and what Dagster alone costs a
run of the same shape that does nothing (benchmarks/dagster_floor.py).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

import duckdb  # noqa: E402

from benchmarks.generate_corpus import generate_corpus  # noqa: E402
from pipelines.evaluation import facts_from_warehouse, score_page, total_scores  # noqa: E402
from pipelines.extract.report import extract_report  # noqa: E402

# The practical ceiling for any extractor: one regex pass for money and percentages, nothing else.
BARE_PATTERNS = (
    re.compile(r"USD\s?\d[\d,]*(?:\.\d+)?\s?(?i:million|billion)"),
    re.compile(r"\d+(?:\.\d+)?%"),
)
BI_QUERIES = {
    "market total by year": "select year, sum(value_usd_m) from marts.fct_market_size group by year order by year",
    "a dimension by year": (
        "select member, year, sum(value_usd_m) from marts.fct_segment_forecast "
        "where dimension = (select min(dimension) from marts.fct_segment_forecast) group by all order by all"
    ),
    "a region by year": (
        "select year, sum(value_usd_m) from marts.fct_region_forecast where region = 'Europe' group by year order by 1"
    ),
    "the audit table": "select * from marts.audit_consistency where not passed",
    # the README's "Markets across publishers" queries
    "consensus band of one market": (
        "select year, consensus_usd_m, q1_usd_m, q3_usd_m, min_usd_m, max_usd_m, reports "
        "from marts.fct_market_consensus "
        "where market_id = (select market_id from marts.dim_market order by reports desc limit 1) order by year"
    ),
    "outliers": (
        "select market_id, year, report_id, publisher, value_usd_m, consensus_usd_m, distance_pct "
        "from marts.fct_market_estimate where is_outlier order by abs(distance_pct) desc limit 20"
    ),
    "revisions": (
        "select market_id, publisher, year, old_value_usd_m, new_value_usd_m, change_pct "
        "from marts.fct_estimate_revision where abs(change_pct) > 10 order by abs(change_pct) desc limit 20"
    ),
}
# The models that combine reports into markets: what the consensus costs on top of the per-report build.
CONSENSUS_MODELS = (
    "int_report_markets",
    "int_report_editions",
    "int_market_estimates",
    "int_market_year_consensus",
    "dim_market",
    "fct_market_estimate",
    "fct_market_consensus",
    "fct_market_cagr_consensus",
    "fct_estimate_revision",
)
QUERY_REPEATS = 7


THROUGHPUT_PAGES = 5000  # pages the one-core throughput is measured on (all of them at 100,000 would take minutes)
RSS_SAMPLE_SECONDS = 0.2
SCORED_PAGES = 2000  # pages scored against their labels (evenly spread); one query each
SPEEDUP_MOST_PAGES = 10000  # the speed-up's two full builds, one of them in one process, on at most this many pages


def extraction_throughput(texts: list[str]) -> dict[str, float]:
    megabytes = sum(len(text.encode()) for text in texts) / 1e6
    started = time.perf_counter()
    for text in texts:
        extract_report(text)
    extractor_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for text in texts:
        for pattern in BARE_PATTERNS:
            for _ in pattern.finditer(text):
                pass
    regex_seconds = time.perf_counter() - started
    return {
        "throughput pages": len(texts),
        "corpus MB (throughput pages)": megabytes,
        "extractor MB/s": megabytes / extractor_seconds,
        "extractor pages/s": len(texts) / extractor_seconds,
        "extractor ms/page": extractor_seconds * 1000 / len(texts),
        "bare regex MB/s": megabytes / regex_seconds,
        "extractor / bare regex": regex_seconds / extractor_seconds,
    }


def _process_tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants, in MB (from /proc)."""
    parents, rss = {}, {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        pid = int(status.parent.name)
        parents[pid] = int(fields.get("PPid", "0").strip() or 0)
        rss[pid] = int(fields.get("VmRSS", "0 kB").split()[0]) if "VmRSS" in fields else 0
    tree, frontier = {root}, [root]
    while frontier:
        children = [pid for pid, parent in parents.items() if parent in frontier and pid not in tree]
        tree.update(children)
        frontier = children
    return sum(rss.get(pid, 0) for pid in tree) / 1024


def timed_build(raw_dir: Path, warehouse_path: Path, *arguments: str) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB of the whole process tree, exit code) of `python -m pipelines build`, recorded in
    the Dagster instance beside the warehouse (so its runs can be read afterwards)."""
    home = dagster_home(warehouse_path)
    environment = {**os.environ, "RAW_DIR": str(raw_dir), "WAREHOUSE_PATH": str(warehouse_path), "DAGSTER_HOME": home}
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipelines", "build", *arguments],
        cwd=PROJECT_ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0.0
    while process.poll() is None:
        peak = max(peak, _process_tree_rss_mb(process.pid))
        time.sleep(RSS_SAMPLE_SECONDS)
    return time.perf_counter() - started, peak, process.returncode


def dagster_home(warehouse_path: Path) -> str:
    home = warehouse_path.parent / "dagster-home"
    home.mkdir(parents=True, exist_ok=True)
    (home / "dagster.yaml").write_text("telemetry:\n  enabled: false\n", encoding="utf-8")
    return str(home)


def last_run(warehouse_path: Path) -> dict[str, float]:
    """Of the latest build: the extraction steps' wall time, and what ingest read of raw/."""
    import dagster as dg

    os.environ["DAGSTER_HOME"] = dagster_home(warehouse_path)  # the instance the build recorded its run in
    with dg.DagsterInstance.get() as instance:
        (run,) = instance.get_runs(limit=1)
        steps = [stats for stats in instance.get_run_step_stats(run.run_id) if stats.step_key.startswith("extracted")]
        read = {}
        for record in instance.get_records_for_run(
            run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records:
            materialization = record.event_log_entry.asset_materialization
            if materialization.asset_key == dg.AssetKey(["landing", "raw_documents"]):
                read = {key: materialization.metadata[key].value for key in ("files_read", "bytes_read")}
    return {
        "extraction s": max(step.end_time for step in steps) - min(step.start_time for step in steps),
        "files read": read.get("files_read", float("nan")),
        "bytes read": read.get("bytes_read", float("nan")),
    }


def extraction_speedup(pages: int, seed: int) -> dict[str, float]:
    """The extraction steps' wall time on Dagster's multiprocess executor against all steps in one process, on the
    same corpus (a full build each)."""
    with tempfile.TemporaryDirectory(prefix=f"benchmark-speedup-{pages}-") as workdir:
        root = Path(workdir)
        generate_corpus(pages, seed, root)
        figures = {}
        for how in ("--in-process", "--parallel"):
            warehouse_path = root / how.strip("-") / "benchmark.duckdb"
            seconds, _, _ = timed_build(root, warehouse_path, how)
            figures[f"{how.strip('-')}: full build s"] = seconds
            figures[f"{how.strip('-')}: extraction s"] = last_run(warehouse_path)["extraction s"]
    figures["extraction speed-up, multiprocess executor"] = (
        figures["in-process: extraction s"] / figures["parallel: extraction s"]
    )
    return figures


def fixed_cost() -> float:
    """Seconds `python -m pipelines build` takes with no document at all: the floor under every refresh."""
    with tempfile.TemporaryDirectory(prefix="benchmark-empty-") as workdir:
        (Path(workdir) / "reports").mkdir()
        seconds, _, _ = timed_build(Path(workdir), Path(workdir) / "warehouse" / "empty.duckdb")
    return seconds


def dagster_floor() -> tuple[str, float]:
    """(shape, seconds) of benchmarks/dagster_floor.py run as a child process, shaped like our build: what Dagster
    alone costs a run of that shape, process start included."""
    from pipelines.definitions import all_assets, build_definitions

    graph = build_definitions().resolve_asset_graph()
    steps, assets, checks = len(all_assets), len(graph.materializable_asset_keys), len(graph.asset_check_keys)
    started = time.perf_counter()
    shape_arguments = ["--steps", str(steps), "--assets", str(assets), "--checks", str(checks)]
    subprocess.run(
        [sys.executable, "benchmarks/dagster_floor.py", *shape_arguments],
        cwd=PROJECT_ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return f"{steps} steps, {assets} assets, {checks} checks", time.perf_counter() - started


def query_latencies(warehouse_path: Path) -> dict[str, float]:
    latencies = {}
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        for name, query in BI_QUERIES.items():
            timings = []
            for _ in range(QUERY_REPEATS):
                started = time.perf_counter()
                connection.execute(query).fetchall()
                timings.append((time.perf_counter() - started) * 1000)
            latencies[f"query ms: {name}"] = statistics.median(timings)
    return latencies


def consensus_seconds(warehouse_path: Path) -> float:
    """Seconds to build the market and consensus models again, whole, in the build's working database (median of
    three): their share of a build, measured apart from everything else."""
    from pipelines.config import Settings
    from pipelines.warehouse.incremental import build_model_whole, build_order
    from pipelines.warehouse.models import discover_models

    models = [model for model in build_order(discover_models(PROJECT_ROOT / "sql")) if model.name in CONSENSUS_MODELS]
    working = Settings(raw_dir=PROJECT_ROOT / "raw", warehouse_path=warehouse_path).working_path
    timings = []
    with duckdb.connect(str(working)) as connection:
        for _ in range(3):
            started = time.perf_counter()
            for model in models:
                build_model_whole(connection, model)
            timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def site_seconds(warehouse_path: Path) -> tuple[float, int]:
    """(seconds, pages) to build the whole site afresh from the published file (nothing reused)."""
    from pipelines.site.render import build_site, model_tests

    with tempfile.TemporaryDirectory(prefix="benchmark-site-") as folder:
        started = time.perf_counter()
        built = build_site(warehouse_path, Path(folder) / "site", model_tests())
        return time.perf_counter() - started, built.pages


def pages_written_by_last_build(warehouse_path: Path) -> int:
    """Pages the last build's site step wrote (the others it linked from the version before), as it recorded."""
    import dagster as dg

    os.environ["DAGSTER_HOME"] = dagster_home(warehouse_path)
    with dg.DagsterInstance.get() as instance:
        (run,) = instance.get_runs(limit=1)
        for record in instance.get_records_for_run(
            run.run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION
        ).records:
            materialization = record.event_log_entry.asset_materialization
            if materialization.asset_key == dg.AssetKey("published_site"):
                return materialization.metadata["pages_rewritten"].value
    return -1


def accuracy(warehouse_path: Path, labels_dir: Path) -> dict[str, float]:
    results = []
    labelled = sorted(labels_dir.glob("*.labels.json"))
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        for labels_path in labelled[:: max(1, len(labelled) // SCORED_PAGES)]:
            name = labels_path.name.removesuffix(".labels.json")
            labels = json.loads(labels_path.read_text(encoding="utf-8"))
            results.append(score_page(name, labels["facts"], facts_from_warehouse(connection, name)))
    totals = total_scores(results)
    return {
        "precision (all facts)": sum(s.matched for s in totals.values())
        / max(sum(s.extracted for s in totals.values()), 1),
        "recall (all facts)": sum(s.matched for s in totals.values())
        / max(sum(s.labelled for s in totals.values()), 1),
    }


def measure(pages: int, seed: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"benchmark-{pages}-") as workdir:
        root = Path(workdir)
        generated = generate_corpus(pages, seed, root)
        size = sum(path.stat().st_size for path in (root / "reports").iterdir()) / 1e6
        sample = [page.text for page in generated[:: max(1, len(generated) // THROUGHPUT_PAGES)]][:THROUGHPUT_PAGES]
        first_name = generated[0].name
        del generated
        figures = {"pages": pages, "corpus MB": size, **extraction_throughput(sample)}
        warehouse_path = root / "warehouse" / "benchmark.duckdb"
        seconds, peak, code = timed_build(root, warehouse_path)
        figures.update({"full build s": seconds, "full build peak RSS MB": peak, "full build exit code": code})
        if code == 0:
            figures["full build: extraction s"] = last_run(warehouse_path)["extraction s"]
            consensus = consensus_seconds(warehouse_path)
            figures.update({"consensus models s": consensus, "consensus / full build": consensus / seconds})
            site, pages_in_site = site_seconds(warehouse_path)
            figures.update({"site pages": pages_in_site, "site build s": site, "site / full build": site / seconds})
        time.sleep(2)  # past the 2 s in which a file just read counts as possibly still being written
        changed = root / "reports" / f"{first_name}.txt"
        changed.write_text(changed.read_text(encoding="utf-8") + "\nRevised edition.\n", encoding="utf-8")
        # and past the 2 s after the change: a file listed sooner after its write is read again by the next build
        # (git's racy-clean rule), which would make the refresh with nothing changed read it
        time.sleep(2)
        seconds, _, code = timed_build(root, warehouse_path)
        after_change = last_run(warehouse_path)
        figures["site pages rewritten after 1 change"] = pages_written_by_last_build(warehouse_path)
        time.sleep(2)
        unchanged_seconds, _, _ = timed_build(root, warehouse_path)
        unchanged = last_run(warehouse_path)
        figures.update(
            {
                "refresh after 1 change s": seconds,
                "refresh after 1 change: files read": after_change["files read"],
                "refresh exit code": code,
                "refresh with nothing changed s": unchanged_seconds,
                "refresh with nothing changed: bytes read": unchanged["bytes read"],
                "warehouse MB": warehouse_path.stat().st_size / 1e6 if warehouse_path.exists() else float("nan"),
            }
        )
        if warehouse_path.exists():
            figures.update(query_latencies(warehouse_path))
            figures.update(accuracy(warehouse_path, root / "labels"))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    print(f"{os.cpu_count()} CPU(s), Python {sys.version.split()[0]}")
    print(f"fixed cost of a build (empty raw/, process start included): {fixed_cost():.1f} s")
    shape, floor_seconds = dagster_floor()
    print(f"Dagster alone, a run of the same shape doing nothing ({shape}): {floor_seconds:.1f} s")
    speedup_pages = min(max(arguments.pages), SPEEDUP_MOST_PAGES)
    print(f"\nextraction on the multiprocess executor against one process, N = {speedup_pages:,}")
    for name, value in extraction_speedup(speedup_pages, arguments.seed).items():
        print(f"  {name:48} {value:12,.3f}")
    for pages in arguments.pages:
        figures = measure(pages, arguments.seed)
        print(f"\nN = {pages:,}", flush=True)
        for name, value in figures.items():
            print(f"  {name:48} {value:12,.3f}" if isinstance(value, float) else f"  {name:48} {value:12,}")


if __name__ == "__main__":
    main()
