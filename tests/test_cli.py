"""The command line prints what the extractor reads in one page, with exit codes scripts can rely on."""

import subprocess
import sys

from tests.conftest import PROJECT_ROOT, SEED_REPORT


def run(*arguments):
    return subprocess.run(
        [sys.executable, "-m", "pipelines", *arguments], cwd=PROJECT_ROOT, capture_output=True, text=True
    )


def test_facts_prints_each_figure_with_its_quote_and_span():
    completed = run("facts", str(SEED_REPORT))
    assert completed.returncode == 0
    assert "11 figure(s):" in completed.stdout
    assert "cagr  region  Asia-Pacific" in completed.stdout
    assert "[1853:1934] «Asia Pacific is anticipated to grow at a CAGR of 25.68% over the forecast period.»" in (
        completed.stdout
    )


def test_facts_exits_1_for_a_page_without_figures_and_2_for_an_unreadable_file(tmp_path):
    assert run("facts", str(PROJECT_ROOT / "tests/data/reports/quantum-navigation-overview.txt")).returncode == 1
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF\x00\x01")
    completed = run("facts", str(binary))
    assert completed.returncode == 2
    assert "scan.txt: binary file (NUL byte at offset 4), expected UTF-8 text" in completed.stderr
