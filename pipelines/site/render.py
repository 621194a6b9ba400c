"""The static site: pages from Jinja2 templates (autoescaped), charts as JSON data the page hands to plotly.js.

Page text comes from pages anyone can write, so nothing from the warehouse is ever pasted into markup or script
unescaped: templates autoescape, chart data sits in ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped, and a link is kept only for an ``http(s)`` address.

``build_site`` writes a new version of the site into its own folder, reusing (hard-linking) the pages of markets and
reports whose data did not change since the last version, then points the ``site`` link at it in one
``os.replace``: a reader sees the old site or the new one, never a mix.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb
import jinja2
from markupsafe import Markup

from pipelines.site.charts import consensus_band, stacked_forecast
from pipelines.site.queries import MarketData, read_dictionary, read_markets, read_reports

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
VERSIONS_FOLDER = ".site-versions"
MANIFEST = "manifest.json"
QUOTE_SHOWN = 280
MAX_REPORTS_CHARTED = 3
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_HTTP_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


def chart_json(figure: dict) -> Markup:
    """A figure as JSON safe inside a <script type="application/json"> element: no '<', '>' or '&' can end it."""
    text = json.dumps(figure, default=str, allow_nan=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def safe_url(url: str | None) -> str | None:
    """An http(s) address as given, or None for anything else (javascript:, data:, a relative path)."""
    return url if isinstance(url, str) and _HTTP_URL.fullmatch(url.strip()) else None


def page_name(identifier: str) -> str:
    return _SAFE_NAME.sub("-", identifier) + ".html"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(chart_json=chart_json, safe_url=safe_url, page_name=page_name)
    environment.globals.update(QUOTE_SHOWN=QUOTE_SHOWN)
    return environment


@dataclass(frozen=True)
class SiteBuild:
    path: Path  # the 'site' link readers open
    version: Path  # the folder it points at
    pages: int
    pages_rewritten: int
    markets_rewritten: tuple[str, ...]


def _latest_consensus(market: MarketData) -> dict | None:
    """The consensus row of the year the most sources give (the latest such year)."""
    return max(market.consensus, key=lambda row: (row["reports"], row["year"]), default=None)


def _main_cagr(market: MarketData) -> dict | None:
    """The CAGR consensus over the period the most sources cover (the latest such period)."""
    return max(market.cagr_consensus, key=lambda row: (row["reports"], row["period_end_year"]), default=None)


def _market_page(environment: jinja2.Environment, market: MarketData) -> str:
    charts = [consensus_band(market.market["market_name"], market.consensus, market.estimates, market.stated)]
    charted = _reports_charted(market)
    for report_id in charted:
        rows = [row for row in market.segments if row["report_id"] == report_id]
        for dimension in dict.fromkeys(row["dimension"] for row in rows):
            charts.append(
                stacked_forecast(
                    f"{report_id}: by {dimension}", [r for r in rows if r["dimension"] == dimension], "member"
                )
            )
    for report_id in charted:
        rows = [row for row in market.regions if row["report_id"] == report_id]
        if rows:
            charts.append(stacked_forecast(f"{report_id}: by region", rows, "region"))
    return environment.get_template("market.html").render(market=market, charts=charts, charted=charted)


def _reports_charted(market: MarketData) -> list[str]:
    """The latest editions whose segment and region forecasts the market page draws: the ones with the most
    forecast rows, at most MAX_REPORTS_CHARTED (a market with 80 sources would otherwise draw 160 charts)."""
    rows_per_report: dict[str, int] = {}
    for row in (*market.segments, *market.regions):
        rows_per_report[row["report_id"]] = rows_per_report.get(row["report_id"], 0) + 1
    ranked = sorted(rows_per_report, key=lambda report_id: (-rows_per_report[report_id], report_id))
    return ranked[:MAX_REPORTS_CHARTED]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _reuse_or_write(previous: Path | None, new: Path, unchanged: bool, render) -> bool:
    """Hard-link the previous version's page when its data did not change; else render it. True if rewritten."""
    if unchanged and previous is not None and (previous / new.name).exists():
        new.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(previous / new.name, new)
        except OSError:
            shutil.copyfile(previous / new.name, new)
        return False
    _write(new, render())
    return True


def _current_version(site_path: Path) -> Path | None:
    return site_path.resolve() if site_path.is_symlink() and site_path.resolve().is_dir() else None


def build_site(warehouse_path: Path, site_path: Path, model_tests: dict[str, dict[str, list[str]]]) -> SiteBuild:
    """Build the site of the published warehouse at ``warehouse_path`` and point ``site_path`` at it."""
    environment = _environment()
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        markets, reports, dictionary = read_markets(connection), read_reports(connection), read_dictionary(connection)
    for leftover in site_path.parent.glob(f".{site_path.name}.*.link"):  # from a build killed mid-swap
        leftover.unlink(missing_ok=True)
    previous = _current_version(site_path)
    manifest_path = previous / MANIFEST if previous else None
    old = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path and manifest_path.exists() else {}
    version = site_path.parent / VERSIONS_FOLDER / uuid.uuid4().hex
    manifest = {"markets": {}, "reports": {}}
    rewritten_markets, rewritten = [], 0
    try:
        for market in markets:
            market_id = market.market["market_id"]
            fingerprint = manifest["markets"][market_id] = market.fingerprint()
            unchanged = old.get("markets", {}).get(market_id) == fingerprint
            if _reuse_or_write(
                previous / "markets" if previous else None,
                version / "markets" / page_name(market_id),
                unchanged,
                lambda market=market: _market_page(environment, market),
            ):
                rewritten += 1
                rewritten_markets.append(market_id)
        for report in reports:
            report_id = report.report["report_id"]
            fingerprint = manifest["reports"][report_id] = report.fingerprint()
            unchanged = old.get("reports", {}).get(report_id) == fingerprint
            rewritten += _reuse_or_write(
                previous / "reports" if previous else None,
                version / "reports" / page_name(report_id),
                unchanged,
                lambda report=report: environment.get_template("report.html").render(data=report),
            )
        index = [(market, _latest_consensus(market), _main_cagr(market)) for market in markets]
        _write(version / "index.html", environment.get_template("index.html").render(markets=index))
        _write(
            version / "dictionary.html",
            environment.get_template("dictionary.html").render(tables=dictionary, tests=model_tests),
        )
        _install_assets(previous, version)
        (version / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
        _point_at(site_path, version)
    except BaseException:
        shutil.rmtree(version, ignore_errors=True)
        raise
    _remove_old_versions(site_path, keep={version, previous})
    pages = len(markets) + len(reports) + 2
    return SiteBuild(site_path, version, pages, rewritten + 2, tuple(rewritten_markets))


def _install_assets(previous: Path | None, version: Path) -> None:
    """site.css, site.js and plotly.js from the plotly package, once for the whole site."""
    from plotly.offline import get_plotlyjs

    assets = version / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("site.css", "site.js"):
        shutil.copyfile(STATIC / name, assets / name)
    if previous is not None and (previous / "assets" / "plotly.min.js").exists():
        os.link(previous / "assets" / "plotly.min.js", assets / "plotly.min.js")
    else:
        (assets / "plotly.min.js").write_text(get_plotlyjs(), encoding="utf-8")


def _point_at(site_path: Path, version: Path) -> None:
    """Swap the ``site`` link onto ``version`` in one step (a folder left by an older layout is moved aside)."""
    if site_path.exists() and not site_path.is_symlink():
        site_path.rename(site_path.with_name(f".{site_path.name}.replaced-{uuid.uuid4().hex}"))
    link = site_path.with_name(f".{site_path.name}.{uuid.uuid4().hex}.link")
    link.symlink_to(version.relative_to(site_path.parent))
    os.replace(link, site_path)


def _remove_old_versions(site_path: Path, keep: set) -> None:
    """Every version but the new one and the one before it (a reader may still be on its pages)."""
    for folder in (site_path.parent / VERSIONS_FOLDER).iterdir():
        if folder not in keep:
            shutil.rmtree(folder, ignore_errors=True)


def model_tests() -> dict[str, dict[str, list[str]]]:
    """The data tests of every mart's columns (sql/marts/schema.yml), for the data dictionary."""
    from pipelines.config import SQL_DIR
    from pipelines.warehouse.models import discover_models

    tests: dict[str, dict[str, list[str]]] = {}
    for model in discover_models(SQL_DIR):
        if model.layer == "marts":
            for test in model.tests:
                for column in [test.column] if test.column else test.argument:
                    tests.setdefault(model.name, {}).setdefault(column, []).append(test.kind)
    return tests
