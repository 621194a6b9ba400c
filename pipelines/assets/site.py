"""Site: static pages of charts and sources, from the published warehouse, beside it."""

import dagster as dg

from pipelines.assets.publish import published_warehouse
from pipelines.resources import WarehousePaths
from pipelines.site.render import build_site, model_tests


@dg.asset(deps=[published_warehouse], group_name="publish", kinds={"html"})
def published_site(context: dg.AssetExecutionContext, paths: WarehousePaths) -> dg.MaterializeResult:
    """A static site (index of markets, a page per market and per report, the data dictionary) read from the
    published warehouse only, that opens from file:// with no network; swapped in atomically. Pages of markets
    and reports whose data did not change are reused."""
    built = build_site(paths.settings.warehouse_path, paths.settings.site_path, model_tests())
    context.log.info(
        f"site {built.path / 'index.html'}: {built.pages} pages, {built.pages_rewritten} rewritten "
        f"({len(built.markets_rewritten)} market page(s))"
    )
    return dg.MaterializeResult(
        metadata={
            "index": dg.MetadataValue.path(str(built.path / "index.html")),
            "pages": built.pages,
            "pages_rewritten": built.pages_rewritten,
            "markets_rewritten": dg.MetadataValue.json(list(built.markets_rewritten)),
            "pages_compared": built.pages_compared,
        }
    )
