"""The benchmark's corpus generator stays honest: its pages are deterministic and its ground truth is what the
extractor reads."""

from benchmarks.generate_corpus import generate_corpus
from pipelines.evaluation import facts_from_report, score_page, total_scores
from pipelines.extract.report import extract_report


def test_the_same_seed_generates_the_same_pages(tmp_path):
    first = generate_corpus(20, 11, tmp_path / "first")
    second = generate_corpus(20, 11, tmp_path / "second")
    assert [page.text for page in first] == [page.text for page in second]
    assert len({page.name for page in first}) == 20


def test_generated_ground_truth_is_what_the_extractor_reads(tmp_path):
    pages = generate_corpus(60, 3, tmp_path)
    totals = total_scores(
        [score_page(page.name, page.labels["facts"], facts_from_report(extract_report(page.text))) for page in pages]
    )
    for category, score in totals.items():
        assert (score.precision, score.recall) == (1.0, 1.0), category
