"""The benchmark's corpus generator stays honest: its pages are deterministic, read like report pages (mostly prose,
a few figures) and its ground truth is what the extractor reads."""

import random
import re
from collections import defaultdict

from benchmarks.generate_corpus import generate_corpus, generate_page
from pipelines.evaluation import facts_from_report, score_page, total_scores
from pipelines.extract.report import extract_report
from pipelines.extract.sentences import split_sentences

# A figure as the extractor reads one: a digit next to a currency, a percent sign or a scale word.
FIGURE = re.compile(r"(?:USD|US\$|EUR|\$|€)\s?\d|\d\s?%|\d\s?(?i:thousand|million|billion|trillion|mn|bn)\b")


def test_the_same_seed_generates_the_same_pages(tmp_path):
    first = generate_corpus(20, 11, tmp_path / "first")
    second = generate_corpus(20, 11, tmp_path / "second")
    assert [page.text for page in first] == [page.text for page in second]
    assert len({page.name for page in first}) == 20
    assert (tmp_path / "first" / "reports" / f"{first[0].name}.txt").read_text(encoding="utf-8") == first[0].text


def test_generated_ground_truth_is_what_the_extractor_reads(tmp_path):
    pages = generate_corpus(60, 3, tmp_path)
    totals = total_scores(
        [score_page(page.name, page.labels["facts"], facts_from_report(extract_report(page.text))) for page in pages]
    )
    for category, score in totals.items():
        assert (score.precision, score.recall) == (1.0, 1.0), category
    for page in pages:
        report = extract_report(page.text)
        found = (report.metadata.market, report.metadata.publisher, report.metadata.base_year)
        found += (report.forecast_start_year, report.forecast_end_year)
        assert found == tuple(page.labels["report"].values()), page.name


def test_generated_pages_are_two_to_six_kilobytes_of_mostly_figureless_prose(tmp_path):
    pages = generate_corpus(200, 5, tmp_path)
    sizes = sorted(len(page.text.encode()) for page in pages)
    assert sizes[0] >= 2_000 and sizes[-1] <= 6_000
    assert sizes[len(sizes) // 10] < 3_000 and sizes[-len(sizes) // 10] > 5_000  # spread over the whole range
    sentences = [[sentence.text for sentence in split_sentences(page.text)] for page in pages]
    with_figure = [[sentence for sentence in page if FIGURE.search(sentence)] for page in sentences]
    assert sum(map(len, with_figure)) / sum(map(len, sentences)) < 0.2
    # the headline (one or two sentences), a region's share, a region's CAGR, a segment's value and a deal: the
    # prose around them states no figure
    assert {len(figures) for figures in with_figure} <= {5, 6}


def test_at_ten_thousand_pages_every_market_has_many_publishers_and_most_publishers_several_editions():
    rng = random.Random(7)
    pages = [generate_page(number, rng) for number in range(10_000)]
    publishers, editions = defaultdict(set), defaultdict(set)
    for page in pages:
        report = page.labels["report"]
        release = re.search(r"Release: (\w+ \d{4})", page.text).group(1)
        publishers[report["market"]].add(report["publisher"])
        editions[report["market"], report["publisher"]].add(release)
    assert len(publishers) == 120
    assert min(len(names) for names in publishers.values()) >= 20
    assert sum(len(releases) >= 2 for releases in editions.values()) > len(editions) / 2
