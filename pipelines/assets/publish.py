"""Publish: copy the checked marts to the published warehouse file atomically."""

from importlib.metadata import PackageNotFoundError, version

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from pipelines.assets.sql_models import MART_KEYS
from pipelines.resources import WarehousePaths
from pipelines.warehouse.publish import publish_marts


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


@dg.asset(deps=MART_KEYS, group_name="publish", kinds={"duckdb"})
def published_warehouse(
    context: dg.AssetExecutionContext, paths: WarehousePaths, duckdb: DuckDBResource
) -> dg.MaterializeResult:
    """The warehouse BI tools open (WAREHOUSE_PATH): schema `marts` only, swapped in atomically after every
    blocking check on the marts has passed. Written in DuckDB storage format v1.0.0 so DuckDB 1.x can read it."""
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
        published = publish_marts(connection, published_path, context.run.run_id, inputs, _versions())
    context.log.info(f"published {published.path} ({published.size_bytes} bytes)")
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published.path)),
            "size_bytes": published.size_bytes,
            "published_at": dg.MetadataValue.timestamp(published.published_at),
            "tables": dg.MetadataValue.json(published.table_rows),
            "input_files": len(inputs),
            "audit": dg.MetadataValue.json(
                {
                    "integrity checks": audit[0],
                    "integrity checks failed": audit[1],
                    "page consistency checks": audit[2],
                    "page inconsistencies": audit[3],
                }
            ),
        }
    )
