"""Publish: copy the checked marts to the published warehouse file atomically."""

from importlib.metadata import PackageNotFoundError, version

import dagster as dg
import duckdb as duckdb_module
from dagster_duckdb import DuckDBResource

from pipelines.assets.sql_models import MART_KEYS, SQL_MODELS
from pipelines.resources import WarehousePaths
from pipelines.warehouse.database import table_exists
from pipelines.warehouse.incremental import (
    MODELS_STAGE,
    STATE_SCHEMA,
    forget_fingerprints,
    store_fingerprints,
    stored_fingerprints,
)
from pipelines.warehouse.publish import ReportPatch, file_identity, publish_marts
from pipelines.warehouse.withholding import stored_withheld

PUBLISHED_STAGE = "published"
PER_REPORT_MARTS = frozenset(model.name for model in SQL_MODELS if model.layer == "marts" and model.incremental_by)


def _patch_for(connection, published_path) -> ReportPatch | None:
    """A patch of the published file when it is the one this working database last published and the marts
    changed for some reports only since; None means copy every table."""
    built = stored_fingerprints(connection, MODELS_STAGE)
    published = stored_fingerprints(connection, PUBLISHED_STAGE)
    if built is None or published is None or built.shared != published.shared:
        return None
    if _published_file_identity(connection, published_path) != file_identity(published_path):
        return None
    return ReportPatch(built.changed_reports(published), PER_REPORT_MARTS)


def _remember_publish(connection, published_path) -> None:
    built = stored_fingerprints(connection, MODELS_STAGE)
    if built is None:
        forget_fingerprints(connection, PUBLISHED_STAGE)
        return
    store_fingerprints(connection, PUBLISHED_STAGE, built)
    connection.execute(f"create table if not exists {STATE_SCHEMA}.published_file (path varchar, identity varchar)")
    connection.execute(f"delete from {STATE_SCHEMA}.published_file")
    connection.execute(
        f"insert into {STATE_SCHEMA}.published_file values (?, ?)", [str(published_path), file_identity(published_path)]
    )


def _published_file_identity(connection, published_path) -> str | None:
    """What the published file was (device, inode, size, mtime) when this working database last wrote it."""
    if not table_exists(connection, STATE_SCHEMA, "published_file"):
        return None
    row = connection.execute(
        f"select identity from {STATE_SCHEMA}.published_file where path = ?", [str(published_path)]
    ).fetchall()
    return row[0][0] if row else None


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
        patch = _patch_for(connection, published_path)
        withheld = stored_withheld(connection)
        # Forget first: killed between the swap and the record, the next publish copies every table again.
        forget_fingerprints(connection, PUBLISHED_STAGE)
        published = publish_marts(connection, published_path, context.run.run_id, inputs, _versions(), patch, withheld)
        _remember_publish(connection, published_path)
    how = "every table copied"
    if published.patched:
        how = f"rows of {len(patch.changed_reports)} changed report(s) rewritten in a copy of the published file"
    withheld_ids = sorted({row.report_id for row in withheld})
    context.log.info(
        f"published {published.path} ({published.size_bytes} bytes): {how}; {published.reports_published} "
        f"report(s) published, {len(withheld_ids)} withheld"
    )
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(published.path)),
            "size_bytes": published.size_bytes,
            "published_at": dg.MetadataValue.timestamp(published.published_at),
            "tables": dg.MetadataValue.json(published.table_rows),
            "input_files": len(inputs),
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
    )
