"""Figure-free prose is skipped where it cannot matter, and skipping it changes no fact.

The names a figure is read with (regions, countries, segments) are looked for only in the sentences that hold a
figure and the sentences beside them, cut at sentence ends no name can stand across; the costly case-insensitive
page rules are tried only where their key word is written. Each shortcut must find what the whole-page search
finds."""

import dataclasses
import random
import re
from pathlib import Path

import pytest

from pipelines.extract.gazetteer import (
    _UNLISTED_SEGMENT,
    Gazetteer,
    _span_that_can_hold_unlisted_segments,
    _spans_that_can_hold_unlisted_segments,
)
from pipelines.extract.key_words import matches_where_they_can_be
from pipelines.extract.metadata import MARKET_WORD, extract_metadata
from pipelines.extract.numbers import _BARE_CAGR, _BARE_CAGR_STARTS, _FROM_BARE_TO_CURRENCY
from pipelines.extract.report import extract_report
from pipelines.extract.sentences import split_sentences
from pipelines.extract.taxonomy import extract_taxonomy

CORPUS = sorted(Path(__file__).parent.joinpath("data").rglob("*.txt"))

PROSE = (
    "Readers often ask how the work behind these pages was done. The team spoke with engineers, buyers and "
    "investors over several months, and their answers shaped every chapter that follows. Nothing here is a "
    "forecast in itself; it is context for the numbers around it.\n\n"
)


def _shifted(item, at: int, by: int):
    """``item`` with each of its offsets at or after ``at`` moved on by ``by``."""
    offsets = {
        name: getattr(item, name) + by
        for name in ("char_start", "char_end", "figure_start", "figure_end")
        if isinstance(getattr(item, name, None), int) and getattr(item, name) >= at
    }
    return dataclasses.replace(item, **offsets)


def test_a_page_padded_with_figure_free_prose_yields_the_facts_of_the_page_with_their_spans_moved(seed_text):
    at = seed_text.index("\n\n", len(seed_text) // 2) + 2  # between two paragraphs in the body
    padded_text = seed_text[:at] + PROSE + seed_text[at:] + "\n\n" + PROSE
    page, padded = extract_report(seed_text), extract_report(padded_text)

    assert padded.figures == tuple(_shifted(figure, at, len(PROSE)) for figure in page.figures)
    assert padded.taxonomy.segments == tuple(_shifted(row, at, len(PROSE)) for row in page.taxonomy.segments)
    assert padded.developments == tuple(_shifted(row, at, len(PROSE)) for row in page.developments)
    assert (padded.metadata, padded.forecast_start_year, padded.forecast_end_year) == (
        page.metadata,
        page.forecast_start_year,
        page.forecast_end_year,
    )
    for figure in padded.figures:
        assert padded_text[figure.figure_start : figure.figure_end] == figure.figure_text


@pytest.mark.parametrize(
    ("sentence", "metric", "value_millions", "pct", "year"),
    [
        ("The fleet services market was valued at USD 2.4 billion in 2024.", "value", 2400.0, None, 2024),
        ("By 2031 the fleet services market is set to reach 3.75 billion USD.", "value", 3750.0, None, 2031),
        ("The fleet services market is forecast to grow at a CAGR of 6.5% over the forecast period.", "cagr", None,
         6.5, None),
        ("Overall, the fleet services market is expected to expand at a CAGR of 11.2 during the period.", "cagr",
         None, 11.2, None),
    ],
)  # fmt: skip
def test_a_figure_written_with_a_scale_word_a_year_or_a_percent_only_is_read_among_figure_free_prose(
    sentence, metric, value_millions, pct, year
):
    text = "Fleet Services Market\n\n" + PROSE + sentence + "\n\n" + PROSE
    (figure,) = extract_report(text).figures
    assert (figure.metric, figure.scope, figure.value_millions, figure.pct, figure.year) == (
        metric,
        "market",
        value_millions,
        pct,
        year,
    )
    assert text[figure.char_start : figure.char_end] == sentence


def test_a_place_named_only_in_the_figure_free_sentence_before_a_figure_is_what_it_refers_to():
    text = (
        "Fleet Services Market\n\n" + PROSE + "Europe takes the lead among all regions this year. In 2024, it "
        "accounted for 41.5% of the fleet services market.\n\n" + PROSE
    )
    (figure,) = extract_report(text).figures
    assert (figure.metric, figure.scope, figure.member, figure.pct, figure.year) == ("share", "region", "Europe",
                                                                                      41.5, 2024)  # fmt: skip


def test_a_figure_that_refers_back_to_this_segment_takes_the_segment_named_sentences_before_it():
    text = (
        "Fleet Services Market\n\nBy Type\n\nHardware, Software, Services\n\n"
        "The hardware segment draws most of the attention from fleet owners. Owners value how long it lasts. "
        "This segment is projected to grow at a CAGR of 7.1% from 2025 to 2030.\n\n" + PROSE
    )
    (figure,) = extract_report(text).figures
    assert (figure.metric, figure.scope, figure.member, figure.pct) == ("cagr", "segment", "Hardware", 7.1)


def _random_positions(sentences, seed: int) -> set[int]:
    chooser = random.Random(seed)
    return {position for position in range(len(sentences)) if chooser.random() < 0.25}


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_the_names_found_in_the_stretches_searched_are_those_a_search_of_the_whole_page_finds_there(path):
    text = path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    gazetteer = Gazetteer(extract_taxonomy(text, sentences), extract_metadata(text, sentences).market)
    whole_page = gazetteer.find(text)
    for seed in range(5):
        positions = _random_positions(sentences, seed)
        stretches = gazetteer.stretches_to_search(text, sentences, positions)
        assert all(any(start <= sentences[p].char_start and sentences[p].char_end <= end for start, end in stretches)
                   for p in positions)  # fmt: skip
        searched = gazetteer.find(text, stretches)
        assert searched == [m for m in whole_page if any(start <= m.start < end for start, end in stretches)]


def test_a_name_across_a_line_break_after_a_full_stop_keeps_both_lines_in_one_stretch():
    text = "Fleet Services Market\n\nMost new orders came from N.\nAmerica held 30% of the fleet services market."
    sentences = split_sentences(text)
    gazetteer = Gazetteer(extract_taxonomy(text, sentences), "Fleet Services")
    figure_sentence = next(p for p, sentence in enumerate(sentences) if "30%" in sentence.text)
    stretches = gazetteer.stretches_to_search(text, sentences, {figure_sentence})
    assert gazetteer.find(text, stretches) == gazetteer.find(text)
    assert [text[m.start : m.end] for m in gazetteer.find(text)] == ["N.\nAmerica"]


TRICKY = [
    "Growth from 734.81 billion in 2024 to USD 932.11 billion. FROM 5 billion in 2024 to USD 7 billion.",
    "A CAGR of 25.08 during the period; the Compound Annual Growth Rate of 9 and a cagr: 7.",
    "The MARKET, the market's size and the Market Research firm; marketing is no market word.",
    "The b\u0131llion dollar market grew from 4 b\u0131llion in 2024 to USD 5 billion. A CAGR of 3.",
    "",
]


@pytest.mark.parametrize(
    ("pattern", "starts_with"),
    [(_BARE_CAGR, _BARE_CAGR_STARTS), (_FROM_BARE_TO_CURRENCY, ("from",)), (MARKET_WORD, ("market",))],
)
def test_a_pattern_tried_only_where_its_key_word_stands_finds_what_a_search_of_the_whole_page_finds(
    pattern, starts_with
):
    for text in TRICKY + [path.read_text(encoding="utf-8") for path in CORPUS]:
        assert [m.span() for m in matches_where_they_can_be(pattern, text, starts_with=starts_with)] == [
            m.span() for m in pattern.finditer(text)
        ]


def test_a_text_that_cannot_hold_what_a_pattern_holds_is_not_searched_and_one_that_can_is():
    holds = re.compile(r"market\s+research\s+(?:firm|company)")
    pattern = re.compile(r"(?P<firm>[A-Z]\w+),\s+(?i:a\s+market\s+research\s+firm)")
    assert list(matches_where_they_can_be(pattern, "Acme, a consulting firm.", holds=holds)) == []
    (match,) = matches_where_they_can_be(pattern, "Acme, a Market  Research FIRM.", holds=holds)
    assert match.group("firm") == "Acme"


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\u2022 Hardware segment grew. The software segment fell.\n\u2022 Services segment held.",
        "By type, the hardware segment led. Other news. By end use, the\nresidential segment, the others segment.",
        "No such phrase: segmentation only.",
        *[path.read_text(encoding="utf-8") for path in CORPUS],
    ],
)
def test_the_unlisted_segments_of_each_segment_word_s_stretch_are_those_of_the_whole_span(text):
    span = _span_that_can_hold_unlisted_segments(text)
    whole = [(m.span(), m.groupdict()) for m in _UNLISTED_SEGMENT.finditer(text, *span)] if span else []
    stretches = _spans_that_can_hold_unlisted_segments(text)
    assert [(m.span(), m.groupdict()) for s in stretches for m in _UNLISTED_SEGMENT.finditer(text, *s)] == whole
