"""Property-based tests of the extractor: on any text, and on mutated real reports, it never raises, every quote is
the exact text at its span, and every number is finite."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.extract.report import extract_report
from tests.conftest import SEED_REPORT

SEED = SEED_REPORT.read_text(encoding="utf-8")
# Characters that matter to the extractor, plus anything else Unicode offers.
REPORT_ALPHABET = st.one_of(
    st.sampled_from(list("0123456789.,%$€£-–— \n\t\xa0|:;()'\"USDEURMmBbnillionbnCAGR")),
    st.characters(),
)
REPORT_WORDS = st.sampled_from(
    [
        "USD", "US$", "€", "billion", "million", "Bn", "CAGR of", "share of", "in 2024", "by 2032", "from 2025 to 2032",
        "North America", "Asia-Pacific", "the segment", "By Type\n", "In March 2025,", "| 2024 (USD million) |",
        "1,234.5", "3,5", "-2.5", "12.5%", "10-12%", "FY2024", "2025-32", "İ", "\u200b", "\r\n", "<p>", "…",
        "bıllion", "Marſh",
    ]
)  # fmt: skip


def assert_well_formed(text: str) -> None:
    report = extract_report(text)
    for figure in report.figures:
        assert text[figure.char_start : figure.char_end] == figure.quote
        assert text[figure.figure_start : figure.figure_end] == figure.figure_text
        for number in (figure.value_millions, figure.value_high_millions, figure.pct, figure.pct_high):
            assert number is None or math.isfinite(number)
        assert math.isfinite(figure.rounding)
    for row in (*report.taxonomy.segments, *report.taxonomy.regions, *report.companies, *report.developments):
        assert text[row.char_start : row.char_end] == row.quote
    for skipped in report.skipped:
        assert text[skipped.char_start : skipped.char_end] == skipped.quote
    if report.metadata.quote is not None:
        assert text[report.metadata.char_start : report.metadata.char_end] == report.metadata.quote


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(REPORT_WORDS, st.text(REPORT_ALPHABET, max_size=40)), max_size=60).map(" ".join))
def test_any_text_gives_well_formed_facts(text):
    assert_well_formed(text)


@st.composite
def mutated_seed(draw):
    text = SEED
    for _ in range(draw(st.integers(1, 6))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate"]))
        if action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 400)) :]
        elif action == "insert":
            text = (
                text[:position] + draw(st.one_of(REPORT_WORDS, st.text(REPORT_ALPHABET, max_size=30))) + text[position:]
            )
        else:
            end = min(len(text), position + draw(st.integers(1, 600)))
            text = text[:end] + text[position:end] + text[end:]
    return text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_real_reports_give_well_formed_facts(text):
    assert_well_formed(text)
