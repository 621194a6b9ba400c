"""The static site: pages from Jinja2 templates (autoescaped), charts as JSON data the page hands to plotly.js.

Page text comes from pages anyone can write, so nothing from the warehouse is ever pasted into markup or script
unescaped: templates autoescape, chart data sits in ``<script type="application/json">`` with ``<``, ``>`` and
``&`` escaped, and a link is kept only for an ``http(s)`` address.

``build_site`` writes a new version of the site into its own folder, reusing (hard-linking) the pages of markets
whose data did not change since the last version, then points the ``site`` link at it in one ``os.replace``: a
reader sees the old site or the new one, never a mix.

Report pages, one per report (100,000 and more), live in 256 shard folders (``reports/<shard>/<report>.html``, the
shard a hash of the report id). A shard folder is never changed once written: a version links to it
(``reports/<shard>`` is a symbolic link into ``.site-versions/shards/``), and a shard where a report changed gets a
new folder with the unchanged pages hard-linked. So a refresh after one changed report writes one page, links a few
hundred and makes 256 links, whatever the number of reports.
"""

from __future__ import annotations

import hashlib
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
from pipelines.site.queries import (
    MarketData,
    page_fingerprints,
    published_changes,
    read_dictionary,
    read_index,
    read_markets,
    read_reports,
    updated_page_fingerprints,
)

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"
VERSIONS_FOLDER = ".site-versions"
SHARDS_FOLDER = "shards"  # in VERSIONS_FOLDER: the report pages' shard folders, which versions share
MANIFEST = "manifest.json"
PUBLISHED_RUN = "published_run_id"  # the run that published the file a version shows
QUOTE_SHOWN = 280
MAX_REPORTS_CHARTED = 3
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_HTTP_URL = re.compile(r"https?://[^\s\"'<>]+", re.IGNORECASE)


def chart_json(figure: dict) -> Markup:
    """A figure as JSON safe inside a <script type="application/json"> element: no '<', '>' or '&' can end it."""
    text = json.dumps(figure, default=str, allow_nan=False, separators=(",", ":"))
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


def number(value, digits: int = 1) -> str:
    """1234.5 → '1,234.5'; a missing value → '–'."""
    return "–" if value is None else f"{value:,.{digits}f}"


def shortened_quote(text: str | None) -> Markup:
    """A quote, escaped; one over QUOTE_SHOWN characters shortened, the whole of it one click away."""
    if text is None:
        return Markup("")
    if len(text) <= QUOTE_SHOWN:
        return Markup('<span class="quote">{}</span>').format(text)
    return Markup(
        '<span class="quote">{}…</span>\n<details><summary>full quote ({} characters)</summary>'
        '<span class="quote">{}</span></details>'
    ).format(text[:QUOTE_SHOWN], len(text), text)


def safe_url(url: str | None) -> str | None:
    """An http(s) address as given, or None for anything else (javascript:, data:, a relative path)."""
    return url if isinstance(url, str) and _HTTP_URL.fullmatch(url.strip()) else None


def page_name(identifier: str) -> str:
    return _SAFE_NAME.sub("-", identifier) + ".html"


def report_shard(report_id: str) -> str:
    """'00' to 'ff': the shard folder of a report's page."""
    return hashlib.blake2b(report_id.encode(), digest_size=1).hexdigest()


def report_page(report_id: str) -> str:
    """A report page's path under reports/: '<shard>/<name>.html'."""
    return f"{report_shard(report_id)}/{page_name(report_id)}"


def _environment() -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
    environment.filters.update(
        chart_json=chart_json,
        safe_url=safe_url,
        page_name=page_name,
        report_page=report_page,
        num=number,
        quote=shortened_quote,
    )
    return environment


@dataclass(frozen=True)
class SiteBuild:
    path: Path  # the 'site' link readers open
    version: Path  # the folder it points at
    pages: int
    pages_rewritten: int
    markets_rewritten: tuple[str, ...]
    pages_compared: str = "every page"  # or those of the reports and markets the publish patched


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


def _current_version(site_path: Path) -> Path | None:
    return site_path.resolve() if site_path.is_symlink() and site_path.resolve().is_dir() else None


def build_site(warehouse_path: Path, site_path: Path, model_tests: dict[str, dict[str, list[str]]]) -> SiteBuild:
    """Build the site of the published warehouse at ``warehouse_path`` and point ``site_path`` at it."""
    environment = _environment()
    for leftover in site_path.parent.glob(f".{site_path.name}.*.link"):  # from a build killed mid-swap
        leftover.unlink(missing_ok=True)
    previous = _current_version(site_path)
    manifest_path = previous / MANIFEST if previous else None
    old = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path and manifest_path.exists() else {}
    versions = site_path.parent / VERSIONS_FOLDER
    version = versions / uuid.uuid4().hex
    shards = _ReportShards(versions / SHARDS_FOLDER, previous)
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        changes = published_changes(connection)
        candidates = None  # the reports whose page may differ from the previous version's; None: any
        if changes.reports is not None and old.get(PUBLISHED_RUN) == changes.patched_from_run_id:
            # the previous version shows the file this one was patched from: only what the patch rewrote changed
            market_fingerprints, report_fingerprints = updated_page_fingerprints(
                connection, changes, old["markets"], old["reports"]
            )
            candidates = sorted(changes.reports)
        else:
            market_fingerprints, report_fingerprints = page_fingerprints(connection)
        changed_markets = _changed(market_fingerprints, old.get("markets", {}), previous, "markets")
        changed_reports = shards.changed(report_fingerprints, old.get("reports", {}), candidates)
        try:
            # pages are read and written a chunk at a time: 100,000 reports' data at once held 4 GB
            for chunk in _chunks(changed_markets, MARKETS_PER_CHUNK):
                for market in read_markets(connection, chunk):
                    page = _market_page(environment, market)
                    _write(version / "markets" / page_name(market.market["market_id"]), page)
            for chunk in _chunks(changed_reports, REPORTS_PER_CHUNK):
                for report in read_reports(connection, chunk):
                    page = environment.get_template("report.html").render(data=report)
                    shards.write(report.report["report_id"], page)
            unchanged = market_fingerprints.keys() - set(changed_markets)
            if unchanged:  # then there is a previous version (see _changed)
                source, target = str(previous / "markets"), str(version / "markets")
                os.makedirs(target, exist_ok=True)
                for name in map(page_name, unchanged):
                    _link(os.path.join(source, name), os.path.join(target, name))
            shards.link_into(version / "reports")
            _write(
                version / "index.html", environment.get_template("index.html").render(markets=read_index(connection))
            )
            _write(
                version / "dictionary.html",
                environment.get_template("dictionary.html").render(
                    tables=read_dictionary(connection), tests=model_tests
                ),
            )
            _install_assets(previous, version)
            manifest = {PUBLISHED_RUN: changes.run_id, "markets": market_fingerprints, "reports": report_fingerprints}
            (version / MANIFEST).write_text(json.dumps(manifest, sort_keys=True), encoding="utf-8")
            _point_at(site_path, version)
        except BaseException:
            shutil.rmtree(version, ignore_errors=True)
            shards.remove_new()
            raise
    kept = {version, previous}
    _remove_old_versions(site_path, keep=kept)
    shards.remove_unused(kept)
    pages = len(market_fingerprints) + len(report_fingerprints) + 2
    rewritten = len(changed_markets) + len(changed_reports) + 2
    compared = "every page"
    if candidates is not None:
        compared = f"the pages of the {len(candidates)} report(s) the publish rewrote and of their markets"
    return SiteBuild(site_path, version, pages, rewritten, tuple(changed_markets), compared)


class _ReportShards:
    """The shard folders of report pages: the previous version's, and those this build writes."""

    def __init__(self, root: Path, previous: Path | None):
        self.root = root
        self.previous = _shard_folders(previous / "reports") if previous is not None else {}
        # the pages each previous shard folder holds: one listing per folder, not a look at each page
        self.present = {shard: _pages_in(folder) for shard, folder in self.previous.items()}
        self.needed: dict[str, set[str]] = {}  # the pages each shard must hold (see changed)
        self.new: dict[str, Path] = {}  # the shard folders this build writes
        self.written: dict[str, set[str]] = {}  # and the pages it writes in them

    def changed(self, fingerprints: dict[str, str], old: dict[str, str], candidates: list[str] | None) -> list[str]:
        """The reports whose page must be written: new or changed data, or no page in the previous version's
        shard. Also notes which pages each shard must hold. With ``candidates``, the reports whose page may have
        changed: every other shard holds the pages it held."""
        # the previous shards must hold every page the previous manifest names (none lost since), else all are seen
        if candidates is not None and sum(map(len, self.present.values())) == len(old):
            return self._changed_among(fingerprints, old, candidates)
        changed = []
        for report_id, fingerprint in fingerprints.items():
            shard, name = report_shard(report_id), page_name(report_id)
            self.needed.setdefault(shard, set()).add(name)
            if old.get(report_id) != fingerprint or name not in self.present.get(shard, ()):
                changed.append(report_id)
        return sorted(changed)

    def _changed_among(self, fingerprints: dict[str, str], old: dict[str, str], candidates: list[str]) -> list[str]:
        self.needed = {shard: set(pages) for shard, pages in self.present.items()}
        changed = []
        for report_id in candidates:
            shard, name = report_shard(report_id), page_name(report_id)
            needed = self.needed.setdefault(shard, set())
            if report_id not in fingerprints:  # its page is gone
                needed.discard(name)
                continue
            needed.add(name)
            if old.get(report_id) != fingerprints[report_id] or name not in self.present.get(shard, ()):
                changed.append(report_id)
        return sorted(changed)

    def write(self, report_id: str, page: str) -> None:
        shard, name = report_shard(report_id), page_name(report_id)
        (self._new_folder(shard) / name).write_text(page, encoding="utf-8")
        self.written[shard].add(name)

    def _new_folder(self, shard: str) -> Path:
        if shard not in self.new:
            self.new[shard] = self.root / f"{shard}.{uuid.uuid4().hex}"
            self.new[shard].mkdir(parents=True)
            self.written[shard] = set()
        return self.new[shard]

    def link_into(self, reports: Path) -> None:
        """Make ``reports`` hold one link per shard: to the previous shard folder where it holds just the pages
        needed, else to a new folder with the written pages and the previous folder's unchanged ones linked."""
        reports.mkdir(parents=True, exist_ok=True)
        for shard, names in sorted(self.needed.items()):
            previous = self.previous.get(shard)
            folder = self.new.get(shard)
            present = self.present.get(shard, set())
            # a page may be needed and never written (a withheld report that never published has no dim_report
            # row): a folder holding no page beyond the needed ones is reused as it is
            if folder is None and previous is not None and present <= names:
                folder = previous
            if folder is None:  # a report left the shard: a new folder without its page
                folder = self._new_folder(shard)
            if folder != previous and previous is not None:
                for name in (names & present) - self.written[shard]:
                    _link(os.path.join(previous, name), os.path.join(folder, name))
            os.symlink(os.path.relpath(self.root / folder.name, reports), reports / shard)

    def remove_new(self) -> None:
        for folder in self.new.values():
            shutil.rmtree(folder, ignore_errors=True)

    def remove_unused(self, versions: set) -> None:
        """Every shard folder no kept version links to."""
        used = {
            folder.name
            for version in versions
            if version is not None
            for folder in _shard_folders(version / "reports").values()
        }
        if self.root.is_dir():
            for folder in self.root.iterdir():
                if folder.name not in used:
                    shutil.rmtree(folder, ignore_errors=True)


def _pages_in(folder: Path) -> set[str]:
    """The pages a shard folder holds; none when it is gone (its pages are then written again)."""
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _shard_folders(reports: Path) -> dict[str, Path]:
    """shard → the folder a version's reports/<shard> link points at (none for a version of the older, flat
    layout, whose pages are then all written again)."""
    try:
        entries = list(os.scandir(reports))
    except OSError:
        return {}
    return {
        entry.name: Path(os.path.normpath(os.path.join(reports, os.readlink(entry.path))))
        for entry in entries
        if entry.is_symlink()
    }


MARKETS_PER_CHUNK = 20
REPORTS_PER_CHUNK = 5000


def _chunks(items: list[str], size: int) -> list[list[str]]:
    return [items[start : start + size] for start in range(0, len(items), size)]


def _changed(fingerprints: dict[str, str], old: dict[str, str], previous: Path | None, folder: str) -> list[str]:
    """The pages to write: new or changed data, or no page of the previous version to reuse (one listing of the
    previous version's folder, not a look at each of 100,000 pages)."""
    try:
        reusable = set(os.listdir(previous / folder)) if previous is not None else set()
    except OSError:
        reusable = set()
    return sorted(
        identifier
        for identifier, fingerprint in fingerprints.items()
        if old.get(identifier) != fingerprint or page_name(identifier) not in reusable
    )


def _link(previous_page: str, page: str) -> None:
    """The previous version's page, unchanged: a hard link (a copy where links are not possible)."""
    try:
        os.link(previous_page, page)
    except OSError:
        shutil.copyfile(previous_page, page)


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
        if folder not in keep and folder.name != SHARDS_FOLDER:
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
