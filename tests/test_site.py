"""The static site, opened in headless Chromium (Debian's, /usr/bin/chromium, which `make test` installs): every page
type loads with no console error and no request leaving file://, the charts draw the marts' own numbers, a hostile
page shows its text literally and runs nothing, and a refresh rewrites only the changed market's pages."""

import json
import os
import re
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from playwright.sync_api import sync_playwright

from pipelines.site.queries import page_fingerprints
from pipelines.site.render import report_page
from tests.conftest import PROJECT_ROOT, build_warehouse

CORPUS = Path(__file__).parent / "data" / "markets"
CHROMIUM = "/usr/bin/chromium"
# What a probe of this machine found Chromium needs to start quietly on a closed network (no background fetches).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = PROJECT_ROOT / "build" / "screenshots"


def copy_corpus(root: Path) -> Path:
    raw_dir = root / "raw"
    shutil.copytree(CORPUS / "reports", raw_dir / "reports")
    shutil.copytree(CORPUS / "tables", raw_dir / "tables")
    return raw_dir


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    raw_dir = copy_corpus(root)
    warehouse_path = root / "warehouse" / "markets.duckdb"
    result = build_warehouse(raw_dir, warehouse_path)
    assert result.success
    return raw_dir, warehouse_path, warehouse_path.parent / "site"


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OpenedPage:
    """A page opened from file://, with every console error, page error, dialog and request it caused."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page()
        self.errors, self.requests, self.dialogs = [], [], []
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def chart(self, chart_id: str) -> list[dict]:
        """The traces Plotly drew in the chart, read back from the page."""
        return self.page.evaluate(
            "id => document.getElementById(id).data.map(t => ({meta: t.meta, name: t.name, x: t.x, y: t.y}))",
            chart_id,
        )


def open_page(browser, path: Path) -> OpenedPage:
    # the address a reader types: through the 'site' link and the report shards' links, not resolved past them
    return OpenedPage(browser, path.absolute().as_uri())


def query(warehouse_path: Path, sql: str, parameters=None) -> list[tuple]:
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        return connection.execute(sql, parameters or []).fetchall()


@pytest.mark.parametrize(
    ("page", "charts"),
    [
        ("index.html", 0),
        ("markets/space-mining.html", 1),
        ("markets/asteroid-mining.html", 3),  # the consensus, one segment dimension and the regions of a page
        (f"reports/{report_page('norwood-space-mining-conflicting')}", 0),
        ("dictionary.html", 0),
    ],
)
def test_every_page_type_opens_with_no_error_and_no_request_leaving_file(built_site, browser, page, charts):
    _, _, site = built_site
    opened = open_page(browser, site / page)
    assert opened.errors == []
    assert [url for url in opened.requests if not url.startswith("file://")] == []
    assert opened.page.evaluate("document.querySelectorAll('.chart .main-svg').length") >= charts
    assert opened.page.evaluate("document.querySelectorAll('.chart').length") == charts


def test_the_consensus_chart_draws_the_marts_numbers(built_site, browser):
    _, warehouse_path, site = built_site
    opened = open_page(browser, site / "markets" / "space-mining.html")
    drawn = opened.chart("chart-consensus")
    band = {trace["meta"]: trace for trace in drawn if trace["meta"] in ("min", "max", "q1", "q3", "consensus")}
    consensus = query(
        warehouse_path,
        "select year, min_usd_m, max_usd_m, q1_usd_m, q3_usd_m, consensus_usd_m from marts.fct_market_consensus "
        "where market_id = 'space-mining' order by year",
    )
    for position, name in enumerate(("min", "max", "q1", "q3", "consensus"), start=1):
        assert band[name]["x"] == [row[0] for row in consensus]
        assert band[name]["y"] == [row[position] for row in consensus]
    stated = [trace for trace in drawn if trace["name"].endswith(", stated") and trace["meta"] == "zenith-space-mining"]
    assert [(trace["x"], trace["y"]) for trace in stated] == [([2025, 2030], [9500.0, 21000.0])]
    outliers = [trace for trace in drawn if trace["name"].endswith(", outlier")]
    assert {trace["meta"] for trace in outliers} == {"zenith-space-mining"}


def series_by_name(rows: list[tuple]) -> dict[str, tuple[list, list]]:
    """(name, year, value) rows, ordered by name and year → {name: (years, values)}, as a chart's traces hold them."""
    series: dict[str, tuple[list, list]] = {}
    for name, year, value in rows:
        series.setdefault(name, ([], []))
        series[name][0].append(year)
        series[name][1].append(value)
    return series


def test_the_segment_and_region_charts_draw_the_forecasts(built_site, browser):
    _, warehouse_path, site = built_site
    opened = open_page(browser, site / "markets" / "asteroid-mining.html")
    segments = query(
        warehouse_path,
        "select member, year, value_usd_m from marts.fct_segment_forecast "
        "where report_id = 'kestrel-asteroid-mining' and dimension = 'asteroid type' order by member, year",
    )
    regions = query(
        warehouse_path,
        "select region, year, value_usd_m from marts.fct_region_forecast "
        "where report_id = 'kestrel-asteroid-mining' order by region, year",
    )
    for chart_id, rows in (("chart-1", segments), ("chart-2", regions)):
        drawn = {trace["meta"]: (trace["x"], trace["y"]) for trace in opened.chart(chart_id)}
        assert drawn == series_by_name(rows)


def test_screenshots_of_the_index_and_a_market_page_are_written(built_site, browser):
    _, _, site = built_site
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for page, name in (("index.html", "index.png"), ("markets/space-mining.html", "market-space-mining.png")):
        opened = open_page(browser, site / page)
        opened.page.set_viewport_size({"width": 1280, "height": 900})
        opened.page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
        assert (SCREENSHOTS / name).stat().st_size > 10_000


LONG_SENTENCE = (
    "Helped by cheaper sensors, longer battery life, wider retail distribution, subscription bundles sold with "
    "phones, a second wave of fitness buyers, corporate wellness programmes, insurers that reward activity, and "
    "schools that hand out devices to every pupil, the gadget market reached USD 1,500.0 million in 2025."
)
HOSTILE_PAGE = (
    "Gadget Market Size Report, 2025-2032\n\nBase Year: 2024\n\n"
    'The <img src=x onerror="window.pwned=1"> gadget market was valued at USD 1,200.0 million in 2024 and is '
    "expected to reach USD 2,400.0 million by 2032.\n\n" + LONG_SENTENCE + "\n"
)


def test_a_hostile_page_shows_its_text_literally_and_runs_no_script(tmp_path, browser):
    raw_dir = tmp_path / "raw"
    (raw_dir / "reports").mkdir(parents=True)
    (raw_dir / "reports" / "gadgets.txt").write_text(HOSTILE_PAGE, encoding="utf-8")
    (raw_dir / "reports" / "gadgets.txt.meta.json").write_text(
        json.dumps({"market": "<script>alert(1)</script>", "url": "javascript:alert(1)"}), encoding="utf-8"
    )
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    assert build_warehouse(raw_dir, warehouse_path).success
    site = warehouse_path.parent / "site"
    (market_id,) = query(warehouse_path, "select market_id from marts.dim_report")[0]
    for page in ("index.html", f"markets/{market_id}.html", f"reports/{report_page('gadgets')}"):
        opened = open_page(browser, site / page)
        assert opened.dialogs == [] and opened.errors == []
        assert opened.page.evaluate("window.pwned") is None
        assert opened.page.evaluate("document.querySelectorAll('img, script:not([src]):not([type])').length") == 0
        assert opened.page.evaluate("document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0
    report_text = open_page(browser, site / "reports" / report_page("gadgets")).page.inner_text("main")
    assert "<script>alert(1)</script>" in report_text
    assert '<img src=x onerror="window.pwned=1">' in report_text
    assert "<script>alert" in open_page(browser, site / "index.html").page.inner_text("main")
    # a quote too long for the table is shortened, the whole of it one click away
    report = open_page(browser, site / "reports" / report_page("gadgets")).page
    assert len(LONG_SENTENCE) > 280
    assert report.locator("span.quote", has_text=LONG_SENTENCE[:100]).first.inner_text() == LONG_SENTENCE[:280] + "…"
    assert report.locator("details span.quote").first.text_content() == LONG_SENTENCE


def site_outcome(result) -> dict:
    (event,) = [e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey("published_site")]
    return {key: value.value for key, value in event.materialization.metadata.items()}


def test_a_refresh_after_one_changed_file_rewrites_only_that_markets_pages(tmp_path):
    raw_dir = copy_corpus(tmp_path)
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    first = site_outcome(build_warehouse(raw_dir, warehouse_path))
    assert first["pages"] == first["pages_rewritten"] == 4 + 16 + 2  # markets, reports, index and dictionary

    page = raw_dir / "reports" / "quillon-satellite-servicing.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("USD 3,200.0 million", "USD 3,300.0 million"))
    refreshed = site_outcome(build_warehouse(raw_dir, warehouse_path))
    assert refreshed["markets_rewritten"] == ["satellite-servicing"]
    assert refreshed["pages_rewritten"] == 4  # its market page, its report page, the index and the dictionary
    site = warehouse_path.parent / "site"
    assert "3,300.0" in (site / "reports" / report_page("quillon-satellite-servicing")).read_text(encoding="utf-8")


def test_a_refresh_fingerprints_only_the_pages_the_publish_rewrote_and_knows_every_page_as_a_full_look_would(tmp_path):
    raw_dir = copy_corpus(tmp_path)
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    site = warehouse_path.parent / "site"
    assert site_outcome(build_warehouse(raw_dir, warehouse_path))["pages_compared"] == "every page"

    page = raw_dir / "reports" / "quillon-satellite-servicing.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("USD 3,200.0 million", "USD 3,300.0 million"))
    (raw_dir / "reports" / "lunar-ice-market.txt").write_text(
        "Lunar Ice Market\n\nThe global lunar ice market was valued at USD 120.5 million in 2024 and is expected "
        "to reach USD 410.0 million by 2032, growing at a CAGR of 16.5% from 2025 to 2032.\n",
        encoding="utf-8",
    )
    removed = sorted((raw_dir / "reports").glob("*.txt"))[0]
    removed.unlink()
    refreshed = site_outcome(build_warehouse(raw_dir, warehouse_path))
    with duckdb.connect(str(warehouse_path), read_only=True) as connection:
        patched_from, reports = connection.execute(
            "select patched_from_run_id, changed_report_ids from marts.meta_publish"
        ).fetchone()
        every_page = page_fingerprints(connection)
    assert patched_from is not None
    assert {"quillon-satellite-servicing", "lunar-ice-market", removed.stem} <= set(json.loads(reports))
    assert refreshed["pages_compared"].startswith(f"the pages of the {len(json.loads(reports))} report(s)")
    manifest = json.loads((site / "manifest.json").read_text(encoding="utf-8"))
    assert (manifest["markets"], manifest["reports"]) == every_page
    assert not (site / "reports" / report_page(removed.stem)).exists()
    assert "3,300.0" in (site / "reports" / report_page("quillon-satellite-servicing")).read_text(encoding="utf-8")
    assert (site / "reports" / report_page("lunar-ice-market")).exists()


def test_report_pages_live_in_shard_folders_that_versions_share_and_unused_ones_are_removed(tmp_path):
    raw_dir = copy_corpus(tmp_path)
    warehouse_path = tmp_path / "warehouse" / "markets.duckdb"
    site = warehouse_path.parent / "site"
    shards = warehouse_path.parent / ".site-versions" / "shards"
    build_warehouse(raw_dir, warehouse_path)
    first = {link.name: link.resolve() for link in (site / "reports").iterdir()}
    assert all((site / "reports").joinpath(name).is_symlink() for name in first)

    changed = "quillon-satellite-servicing"
    page = raw_dir / "reports" / f"{changed}.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("USD 3,200.0 million", "USD 3,300.0 million"))
    build_warehouse(raw_dir, warehouse_path)
    second = {link.name: link.resolve() for link in (site / "reports").iterdir()}
    changed_shard = report_page(changed).split("/")[0]
    assert second[changed_shard] != first[changed_shard]  # a new folder for the shard where a page changed
    assert {name for name in first if second[name] == first[name]} == set(first) - {changed_shard}
    # the new shard folder links the unchanged pages of the old one rather than writing them again
    for unchanged in second[changed_shard].iterdir():
        if unchanged.name != f"{changed}.html":
            assert unchanged.samefile(first[changed_shard] / unchanged.name)

    # the pages link each other and the assets through the shard folder
    report_file = site / "reports" / report_page(changed)
    for link in re.findall(r'(?:href|src)="(\.\./[^"#]+)"', report_file.read_text(encoding="utf-8")):
        assert Path(os.path.normpath(report_file.parent / link)).exists(), link  # as a browser reads "../"
    market_file = next(m for m in (site / "markets").iterdir() if report_page(changed) in m.read_text(encoding="utf-8"))
    assert Path(os.path.normpath(market_file.parent / ".." / "reports" / report_page(changed))).exists()

    page.unlink()  # a report leaves its shard: the shard gets a folder without its page
    build_warehouse(raw_dir, warehouse_path)
    third = {link.name: link.resolve() for link in (site / "reports").iterdir()}
    assert not (site / "reports" / report_page(changed)).exists()
    # only the folders of the current version and the one before it are kept
    assert {folder.name for folder in shards.iterdir()} == {
        folder.name for folder in [*second.values(), *third.values()]
    }


def test_a_newcomer_sees_the_seed_markets_series_with_its_three_stated_values(seed_build, browser):
    _, _, warehouse_path = seed_build
    opened = open_page(browser, warehouse_path.parent / "site" / "markets" / "space-mining.html")
    drawn = {trace["name"]: trace for trace in opened.chart("chart-consensus")}
    series = drawn["no publisher (space-mining-market)"]
    stated = drawn["no publisher (space-mining-market), stated"]
    assert series["x"] == list(range(2024, 2033))
    assert (stated["x"], stated["y"]) == ([2024, 2025, 2032], [2754.6, 3411.8, 16068.6])
