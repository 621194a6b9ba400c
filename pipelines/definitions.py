"""The one Definitions object: every asset, check, resource, job, sensor and schedule of the warehouse."""

import importlib
import os

import dagster as dg

from pipelines.assets.extract import extracted_tables
from pipelines.assets.ingest import analyst_tables, raw_documents
from pipelines.assets.publish import published_warehouse
from pipelines.assets.site import published_site
from pipelines.assets.sql_models import warehouse_models
from pipelines.assets.validate import validated_tables
from pipelines.automation import build_automation
from pipelines.config import Settings
from pipelines.resources import WORKING_DATABASE_TAG, build_resources

all_assets = [
    raw_documents,
    analyst_tables,
    extracted_tables,
    validated_tables,
    warehouse_models,
    published_warehouse,
    published_site,
]

# Each step runs in a process of its own, forked from a server that imported the pipeline once; the extraction
# buckets run side by side, one per core, while the steps that open the working database run one at a time (DuckDB
# allows one writing process per file).
MULTIPROCESS_STEPS = {
    "max_concurrent": 0,  # one process per core
    "tag_concurrency_limits": [{"key": key, "value": value, "limit": 1} for key, value in WORKING_DATABASE_TAG.items()],
    "start_method": {"forkserver": {"preload_modules": ["pipelines.definitions"]}},
}
# A run with few documents to extract is quicker in one process: a step then costs no process of its own.
IN_PROCESS_RUN_CONFIG = {"execution": {"config": {"in_process": {}}}}


def step_executor(spec: str | None = None) -> dg.ExecutorDefinition:
    """The executor STEP_EXECUTOR names as "module:attribute" (a cluster's, e.g. dagster_k8s:k8s_job_executor or
    dagster_celery_k8s:celery_k8s_job_executor, configured by the deployment's run config), or by default Dagster's
    choice of multiprocess (MULTIPROCESS_STEPS) or in-process execution, set per run."""
    spec = spec if spec is not None else os.environ.get("STEP_EXECUTOR", "")
    if not spec:
        return dg.multi_or_in_process_executor
    module_name, _, attribute = spec.partition(":")
    try:
        executor = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise ValueError(f"STEP_EXECUTOR={spec!r}: no executor there ({error}); expected module:attribute") from error
    if not isinstance(executor, dg.ExecutorDefinition):
        raise ValueError(f"STEP_EXECUTOR={spec!r} is a {type(executor).__name__}, not a Dagster executor")
    return executor


def build_warehouse_job(executor: dg.ExecutorDefinition):
    default_steps = {"execution": {"config": {"multiprocess": MULTIPROCESS_STEPS}}}
    return dg.define_asset_job(
        "build_warehouse",
        selection=dg.AssetSelection.all(),
        description="Ingest raw/, extract, validate, build the SQL models, check them and publish the warehouse.",
        executor_def=executor,
        config=default_steps if executor is dg.multi_or_in_process_executor else None,
    )


def build_definitions(settings: Settings | None = None) -> dg.Definitions:
    """The Definitions for the folders in ``settings`` (default: RAW_DIR and WAREHOUSE_PATH, see config.py)."""
    executor = step_executor()
    job = build_warehouse_job(executor)
    raw_folder_sensor, daily_full_refresh = build_automation(
        job, in_process=IN_PROCESS_RUN_CONFIG if executor is dg.multi_or_in_process_executor else None
    )
    return dg.Definitions(
        assets=all_assets,
        jobs=[job],
        sensors=[raw_folder_sensor],
        schedules=[daily_full_refresh],
        resources=build_resources(settings),
        # the UI's materializations outside the job: the job's default steps, fixed
        executor=(
            dg.multiprocess_executor.configured(MULTIPROCESS_STEPS, name="multiprocess_steps")
            if executor is dg.multi_or_in_process_executor
            else executor
        ),
    )


defs = build_definitions()


def build_warehouse_job_from_environment() -> dg.JobDefinition:
    """The build job for the folders the environment names: what a step's process rebuilds to run its step."""
    return build_definitions().resolve_job_def("build_warehouse")
