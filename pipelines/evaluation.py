"""Score extracted facts against hand-written labels: precision and recall by kind of figure.

A labels file (``NAME.labels.json`` beside a page) lists every distinct figure the page states; the format is in
tests/data/reports/README.md. Two facts match when metric, scope, member (names compared without case, spacing,
punctuation or a known alias), region limit, year or period, value or percentage (both ends of a range) and
currency all agree.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.extract.geography import ALIASES
from pipelines.extract.name_trie import SEPARATOR_CHARACTERS

CATEGORIES = {
    "market size": lambda fact: fact["scope"] == "market" and fact["metric"] == "value",
    "market CAGR": lambda fact: fact["scope"] == "market" and fact["metric"] == "cagr",
    "region and segment": lambda fact: fact["scope"] in ("region", "country", "segment"),
}
TARGETS = {"market size": 0.98, "market CAGR": 0.98, "region and segment": 0.90}
_PUNCTUATION = re.compile(r"[.'’]")
_SEPARATORS = re.compile(f"[{SEPARATOR_CHARACTERS}_/]+")


def normalised_name(name: str | None) -> str | None:
    """'Asia-Pacific' → 'asia pacific'; 'U.S.' and 'United States' → 'us'; '&' and 'and' alike."""
    if name is None:
        return None
    text = _SEPARATORS.sub(" ", _PUNCTUATION.sub("", name.lower())).replace(" and ", " & ").strip()
    canonical = {
        _SEPARATORS.sub(" ", _PUNCTUATION.sub("", alias.lower())).replace(" and ", " & "): key
        for key, aliases in ALIASES.items()
        for alias in (key, *aliases)
    }
    key = canonical.get(text)
    return _SEPARATORS.sub(" ", _PUNCTUATION.sub("", key)).replace(" and ", " & ") if key else text


def _number(value) -> float | None:
    return None if value is None else round(float(value), 6)


def fact_key(fact: dict) -> tuple:
    """The comparable identity of a labelled or extracted fact (both use the labels' field names)."""
    period = tuple(fact.get("period") or ()) or None
    if period is not None and all(year is None for year in period):
        period = None  # a CAGR kept with no period
    is_money = fact["metric"] == "value"
    return (
        fact["metric"],
        fact["scope"],
        normalised_name(fact.get("member")),
        normalised_name(fact.get("within_region")),
        fact.get("year") if fact["metric"] != "cagr" else None,
        period if fact["metric"] == "cagr" else None,
        _number(fact.get("value")) if is_money else _number(fact.get("pct")),
        _number(fact.get("value_high")) if is_money else _number(fact.get("pct_high")),
        (fact.get("currency") or "USD").upper() if is_money else None,
    )


@dataclass
class Score:
    labelled: int = 0
    extracted: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labelled if self.labelled else 1.0


@dataclass
class PageResult:
    page: str
    missed: list[dict] = field(default_factory=list)  # labelled, not extracted
    spurious: list[dict] = field(default_factory=list)  # extracted, not labelled
    lost: list[dict] = field(default_factory=list)  # extracted, then quarantined or withheld: never a match
    scores: dict[str, Score] = field(default_factory=dict)


def score_page(page: str, labelled: list[dict], extracted: list[dict]) -> PageResult:
    """Match a page's extracted facts with its labels, one to one. A fact marked ``lost`` (read from the page but
    not published) counts as extracted and never matches."""
    result = PageResult(page, scores={category: Score() for category in CATEGORIES})
    remaining = Counter(fact_key(fact) for fact in labelled)
    extracted_keys = Counter(fact_key(fact) for fact in extracted if not fact.get("lost"))
    for fact in extracted:
        key = fact_key(fact)
        category = next((name for name, test in CATEGORIES.items() if test(fact)), None)
        if category:
            result.scores[category].extracted += 1
        if fact.get("lost"):
            result.lost.append(fact)
        elif remaining[key] > 0:
            remaining[key] -= 1
            if category:
                result.scores[category].matched += 1
        else:
            result.spurious.append(fact)
    for fact in labelled:
        category = next((name for name, test in CATEGORIES.items() if test(fact)), None)
        if category:
            result.scores[category].labelled += 1
        key = fact_key(fact)
        if extracted_keys[key] > 0:
            extracted_keys[key] -= 1
        else:
            result.missed.append(fact)
    return result


def total_scores(results: list[PageResult]) -> dict[str, Score]:
    totals = {category: Score() for category in CATEGORIES}
    for result in results:
        for category, score in result.scores.items():
            totals[category].labelled += score.labelled
            totals[category].extracted += score.extracted
            totals[category].matched += score.matched
    return totals


def load_labels(page_path: Path) -> dict:
    labels_path = page_path.with_name(page_path.name.rsplit(".", 1)[0] + ".labels.json")
    return json.loads(labels_path.read_text(encoding="utf-8"))


def pages_with_labels(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file()
        and path.suffix in (".txt", ".md", ".html", ".htm")
        and path.with_name(path.name.rsplit(".", 1)[0] + ".labels.json").exists()
    )


_FACT_COLUMNS = (
    "fact_id",
    "metric",
    "scope",
    "member",
    "within_region",
    "year",
    "period_start_year",
    "period_end_year",
    "value_millions",
    "value_high_millions",
    "pct",
    "pct_high",
    "currency",
    "quote",
)


def _labelled_shape(columns: tuple[str, ...], row: tuple) -> dict:
    fact = dict(zip(columns, row, strict=True))
    fact["period"] = [fact.pop("period_start_year"), fact.pop("period_end_year")]
    fact["value"], fact["value_high"] = fact.pop("value_millions"), fact.pop("value_high_millions")
    return fact


def facts_from_warehouse(connection, report_id: str, working=None) -> list[dict]:
    """A report's text facts from marts.fct_reported_fact, in the labels' field names. With ``working`` (a
    connection to the build's working database), also every fact extraction read from the page that did not reach
    the published marts (quarantined by validation, withheld by a check), marked ``lost`` with the reason: it
    counts as extracted and never as a match, so precision counts what validation threw away."""
    selected = ", ".join(_FACT_COLUMNS)
    rows = connection.execute(
        f"select {selected} from marts.fct_reported_fact where report_id = ? and source_kind = 'text'", [report_id]
    ).fetchall()
    facts = [_labelled_shape(_FACT_COLUMNS, row) for row in rows]
    if working is None:
        return facts
    published = {fact["fact_id"] for fact in facts}
    extracted = working.execute(
        f"select {', '.join(f'figure.{column}' for column in _FACT_COLUMNS)}, "
        "coalesce(string_agg(distinct quarantined.reason, '; '), 'not published') "
        "from extracted.stated_figures as figure left join validated.quarantined_rows as quarantined "
        "on quarantined.table_name = 'stated_figures' and quarantined.row_key = 'fact_id=' || figure.fact_id "
        "where figure.report_id = ? and figure.source_kind = 'text' group by all",
        [report_id],
    ).fetchall()
    for *row, reason in extracted:
        if row[0] not in published:
            facts.append({**_labelled_shape(_FACT_COLUMNS, tuple(row)), "lost": reason})
    return facts


IDENTITY_FIELDS = ("market", "publisher", "base_year", "forecast_start_year", "forecast_end_year")


def identity_differences(expected: dict, found: dict) -> dict[str, tuple]:
    """Report fields that differ from the labels: {field: (expected, found)}. A base year the page does not state
    (labelled null) may be inferred."""
    differences = {}
    for name in IDENTITY_FIELDS:
        if name == "base_year" and expected.get(name) is None:
            continue
        if expected.get(name) != found.get(name):
            differences[name] = (expected.get(name), found.get(name))
    return differences


def facts_from_report(report) -> list[dict]:
    """An ExtractedReport's figures in the labels' field names (no warehouse needed)."""
    return [
        {
            "metric": figure.metric,
            "scope": figure.scope,
            "member": figure.member,
            "within_region": figure.within_region,
            "year": figure.year,
            "period": [figure.period_start_year, figure.period_end_year],
            "value": figure.value_millions,
            "value_high": figure.value_high_millions,
            "pct": figure.pct,
            "pct_high": figure.pct_high,
            "currency": figure.currency,
        }
        for figure in report.figures
    ]
