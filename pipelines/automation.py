"""What starts a build without anyone pressing a button: a sensor on the raw folder and a daily schedule."""

import hashlib
import json
from pathlib import Path

import dagster as dg

from pipelines.resources import WarehousePaths

WATCHED_FOLDERS = ("reports", "tables")
SENSOR_INTERVAL_SECONDS = 30
DAILY_REFRESH_CRON = "0 6 * * *"  # 06:00 every day
DAILY_REFRESH_TIMEZONE = "UTC"


def raw_folder_contents(raw_dir: Path) -> dict[str, str]:
    """{path relative to raw/: sha256 of its bytes} for every file the pipeline reads (links by their target)."""
    contents = {}
    for folder in WATCHED_FOLDERS:
        for path in sorted((raw_dir / folder).rglob("*")) if (raw_dir / folder).is_dir() else []:
            if path.is_file():
                contents[path.relative_to(raw_dir).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return contents


def describe_changes(before: dict[str, str], after: dict[str, str]) -> dict[str, list[str]]:
    return {
        "new": sorted(set(after) - set(before)),
        "changed": sorted(path for path in set(after) & set(before) if after[path] != before[path]),
        "removed": sorted(set(before) - set(after)),
    }


def build_automation(job):
    @dg.sensor(
        job=job,
        minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=(
            "Watches raw/reports/ and raw/tables/ by content hash and starts a build when a file is added, changed "
            "or removed. Unchanged files are not extracted again."
        ),
    )
    def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: WarehousePaths):
        contents = raw_folder_contents(paths.settings.raw_dir)
        before = json.loads(context.cursor) if context.cursor else {}
        changes = describe_changes(before, contents)
        if not any(changes.values()):
            return dg.SkipReason(f"no file added, changed or removed among {len(contents)} under raw/")
        context.update_cursor(json.dumps(contents, sort_keys=True))
        fingerprint = hashlib.sha256(json.dumps(contents, sort_keys=True).encode()).hexdigest()[:16]
        summary = ", ".join(f"{len(files)} {kind}" for kind, files in changes.items() if files)
        context.log.info(f"raw/ changed: {summary}")
        return dg.RunRequest(
            run_key=fingerprint,
            tags={f"raw/{kind}": str(len(files)) for kind, files in changes.items()},
        )

    daily_full_refresh = dg.ScheduleDefinition(
        name="daily_full_refresh",
        job=job,
        cron_schedule=DAILY_REFRESH_CRON,
        execution_timezone=DAILY_REFRESH_TIMEZONE,
        default_status=dg.DefaultScheduleStatus.STOPPED,
        description=(
            "A full build every day at 06:00 UTC, off until turned on in the UI; the sensor already builds "
            "whenever raw/ changes."
        ),
    )
    return raw_folder_sensor, daily_full_refresh
