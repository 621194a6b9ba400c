"""The performance benchmark runs end to end on a small generated corpus and prints every figure the README quotes.
(It checks that the figures are produced and that accuracy holds, never how fast anything is.)"""

import re
import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def test_the_benchmark_prints_every_figure_and_full_accuracy_on_a_small_corpus():
    completed = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--pages", "20"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr
    figures = dict(re.findall(r"^  (.+?)\s{2,}([\d,.]+)$", completed.stdout, flags=re.MULTILINE))
    for name in (
        "extractor MB/s",
        "bare regex MB/s",
        "extractor / bare regex",
        "full build s",
        "full build peak RSS MB",
        "refresh after 1 change s",
        "refresh with nothing changed s",
        "refresh with nothing changed: bytes read",
        "refresh after 1 change: files read",
        "extraction speed-up, multiprocess executor",
        "full build: extraction s",
        "warehouse MB",
        "query ms: a region by year",
        "query ms: consensus band of one market",
        "consensus / full build",
        "site / full build",
        "site pages rewritten after 1 change",
    ):
        assert name in figures, name
    assert figures["full build exit code"] == figures["refresh exit code"] == "0"
    assert figures["precision (all facts)"] == figures["recall (all facts)"] == "1.000"
    assert figures["refresh with nothing changed: bytes read"] == "0"
    assert figures["refresh after 1 change: files read"] == "1"
    assert "fixed cost of a build" in completed.stdout
    assert re.search(r"Dagster alone, a run of the same shape doing nothing \(7 steps, \d+ assets", completed.stdout)
