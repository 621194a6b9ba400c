"""Publish: copy the checked marts to the published warehouse file atomically."""

from importlib.metadata import PackageNotFoundError, version

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from pipelines.assets.sql_models import MART_KEYS, SQL_MODELS
from pipelines.resources import WORKING_DATABASE_TAG, WarehousePaths
from pipelines.warehouse.publish import ReportPatch, file_identity, publish_marts
from pipelines.warehouse.state import MODELS, PUBLISHED, Changes, Fingerprints
from pipelines.warehouse.withholding import stored_withheld

PER_REPORT_MARTS = frozenset(
    model.name for model in SQL_MODELS if model.layer == "marts" and model.incremental_by == "report_id"
)
PER_MARKET_MARTS = frozenset(
    model.name for model in SQL_MODELS if model.layer == "marts" and model.incremental_by == "market_id"
)


def marts_changed_since_publish(connection, built: Fingerprints | None, published_path) -> Changes:
    """The reports whose marts (``built``: their fingerprints) changed since they were last published. The
    published file's identity (device, inode, size, mtime) is part of the publish stage's fingerprint: a file
    someone else wrote or replaced is copied whole, never patched."""
    return PUBLISHED.changes(connection, _published_fingerprints(built, published_path))


def _published_fingerprints(built: Fingerprints | None, published_path) -> Fingerprints | None:
    """The built marts' fingerprints, with the published file's path and identity."""
    return built.with_shared(str(published_path), str(file_identity(published_path))) if built is not None else None


def _patch(changes: Changes) -> ReportPatch | None:
    """A patch of the published file for the changed reports; None means copy every table."""
    return None if changes.full else ReportPatch(changes.reports, PER_REPORT_MARTS, PER_MARKET_MARTS)


def _versions() -> dict[str, str]:
    try:
        pipeline_version = version("market-intel-warehouse")
    except PackageNotFoundError:
        pipeline_version = "unknown"
    return {
        "pipeline_version": pipeline_version,
        "dagster_version": dg.__version__,
        "duckdb_version": duckdb_module.__version__,
    }


@dg.asset(deps=MART_KEYS, group_name="publish", kinds={"duckdb"}, op_tags=WORKING_DATABASE_TAG)
def published_warehouse(
    context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    """The warehouse BI tools open (WAREHOUSE_PATH): schema `marts` only, swapped in atomically once the checks on
    the marts have run. A report a failed check withheld keeps its last published rows (or is absent), every other
    report publishes (marts.meta_withheld). Written in DuckDB storage format v1.0.0 so DuckDB 1.x can read it."""
    published_path = paths.settings.warehouse_path
    with duckdb.get_connection() as connection:
        inputs = [
            {"source_file": source_file, "sha256": sha256}
            for source_file, sha256 in connection.execute(
                "select source_file, sha256 from landing.raw_documents order by source_file"
            ).fetchall()
        ]
        audit = connection.execute(
            "select count(*) filter (where blocking), count(*) filter (where blocking and not passed), "
            "count(*) filter (where not blocking), count(*) filter (where not blocking and not passed) "
            "from marts.audit_consistency"
        ).fetchone()
        built = MODELS.stored(connection)  # read once: publishing changes the file's identity, not the marts
        changes = marts_changed_since_publish(connection, built, published_path)
        withheld = stored_withheld(connection)
        # Killed between the swap and the commit, the stored fingerprints still name the replaced file's identity,
        # so the next publish copies every table again; killed before the swap, they still describe the published
        # file. So only the fingerprints that change are written, after the swap.
        patch = _patch(changes)
        published = publish_marts(connection, published_path, context.run.run_id, inputs, _versions(), patch, withheld)
        PUBLISHED.commit(connection, _published_fingerprints(built, published_path))
    how = "every table copied"
    if published.patched:
        how = f"rows of {len(changes.reports)} changed report(s) rewritten in a copy of the published file"
        if published.markets_compared is not None:
            how += f", the tables by market compared on the rows of {published.markets_compared} market(s)"
    context.log.info(
        f"published {published.path} ({published.size_bytes} bytes): {how}; {published.reports_published} "
        f"report(s) published, {len({row.report_id for row in withheld})} withheld"
    )
    return dg.MaterializeResult(metadata=publish_metadata(published, how, len(inputs), withheld, audit))


def publish_metadata(published, how: str, input_files: int, withheld: list, audit: tuple) -> dict:
    return {
        "path": dg.MetadataValue.path(str(published.path)),
        "size_bytes": published.size_bytes,
        "published_at": dg.MetadataValue.timestamp(published.published_at),
        "tables": dg.MetadataValue.json(published.table_rows),
        "input_files": input_files,
        "published": how,
        "reports_published": published.reports_published,
        "reports_withheld": dg.MetadataValue.json(
            [
                {
                    "report_id": row.report_id,
                    "source_file": row.source_file,
                    "check_name": row.check_name,
                    "model": row.model,
                    "failing_rows": row.failing_rows,
                    "kept_previous_rows": row.report_id in published.kept_previous_rows,
                }
                for row in withheld
            ]
        ),
        "audit": dg.MetadataValue.json(
            {
                "integrity checks": audit[0],
                "integrity checks failed": audit[1],
                "page consistency checks": audit[2],
                "page inconsistencies": audit[3],
            }
        ),
    }
