"""What starts a build without anyone pressing a button: a sensor on the raw folder and a daily schedule."""

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from pipelines.raw_listing import list_files
from pipelines.resources import WarehousePaths
from pipelines.warehouse.state import FileStamp, unchanged_since_read

WATCHED_FOLDERS = ("reports", "tables")
SENSOR_INTERVAL_SECONDS = 30
DAILY_REFRESH_CRON = "0 6 * * *"  # 06:00 every day
DAILY_REFRESH_TIMEZONE = "UTC"


@dataclass(frozen=True)
class FolderScan:
    """What the sensor knows of raw/: {path relative to raw/: (size, mtime_ns, inode, sha256)}, and when it looked."""

    files: dict[str, tuple[int, int, int, str]]
    scanned_at_ns: int

    @property
    def digest(self) -> str:
        return hashlib.sha256(json.dumps(sorted(self.files.items())).encode()).hexdigest()[:16]


def scan_raw_folder(raw_dir: Path, previous: FolderScan | None) -> tuple[FolderScan, int]:
    """(this scan, files read): a file whose size, modification time and inode are as ``previous`` found them,
    and that was not written just before ``previous`` looked (git's racy-clean rule), keeps its hash unread."""
    now_ns = time.time_ns()
    files, read = {}, 0
    for folder in WATCHED_FOLDERS:
        for listed in list_files(raw_dir, folder):
            known = previous.files.get(listed.source_file) if previous else None
            if known is not None and unchanged_since_read(FileStamp(*known[:3]), listed.stamp, previous.scanned_at_ns):
                files[listed.source_file] = tuple(known)
                continue
            try:
                with open(listed.path, "rb") as file:
                    digest = hashlib.file_digest(file, "sha256").hexdigest()
            except OSError:  # gone, or unreadable: the build that follows says why
                continue
            files[listed.source_file] = (*listed.stamp, digest)
            read += 1
    return FolderScan(files, now_ns), read


def describe_changes(before: FolderScan | None, after: FolderScan) -> dict[str, list[str]]:
    """New, changed (by content) and removed files between two scans."""
    earlier = {path: entry[3] for path, entry in before.files.items()} if before else {}
    now = {path: entry[3] for path, entry in after.files.items()}
    return {
        "new": sorted(set(now) - set(earlier)),
        "changed": sorted(path for path in set(now) & set(earlier) if now[path] != earlier[path]),
        "removed": sorted(set(earlier) - set(now)),
    }


def sensor_state_path(settings) -> Path:
    """The sensor's record of raw/ (too big for a cursor at 100,000 files), beside the working database."""
    return settings.working_path.parent / "raw-folder-sensor.json"


def load_scan(path: Path, cursor: str | None) -> FolderScan | None:
    """The scan the cursor names, or None (first tick, a reset cursor, or a record that is not the cursor's)."""
    if not cursor or not path.is_file():
        return None
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
        scan = FolderScan({name: tuple(entry) for name, entry in stored["files"].items()}, stored["scanned_at_ns"])
    except (ValueError, KeyError, TypeError):
        return None
    return scan if scan.digest == json.loads(cursor).get("digest") else None


def save_scan(path: Path, scan: FolderScan) -> str:
    """Write the scan (atomically) and return the cursor that names it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".writing")
    temporary.write_text(json.dumps({"files": scan.files, "scanned_at_ns": scan.scanned_at_ns}), encoding="utf-8")
    os.replace(temporary, path)
    return json.dumps({"digest": scan.digest, "files": len(scan.files)})


# From this many files added or changed, a sensor's run extracts on the multiprocess executor; fewer, in one process.
PARALLEL_FROM_FILES = 256


def build_automation(job, in_process: dict | None = None):
    """The sensor and the schedule for ``job``; ``in_process``: the run config that runs every step in one process,
    which the sensor asks for when few files changed (None: the executor cannot be chosen per run)."""

    @dg.sensor(
        job=job,
        minimum_interval_seconds=SENSOR_INTERVAL_SECONDS,
        default_status=dg.DefaultSensorStatus.RUNNING,
        description=(
            "Watches raw/reports/ and raw/tables/ and starts a build when a file is added, changed or removed. A "
            "file is hashed again only when its size, modification time or inode changed; unchanged files are not "
            "extracted again."
        ),
    )
    def raw_folder_sensor(context: dg.SensorEvaluationContext, paths: WarehousePaths):
        state_path = sensor_state_path(paths.settings)
        before = load_scan(state_path, context.cursor)
        after, files_read = scan_raw_folder(paths.settings.raw_dir, before)
        changes = describe_changes(before, after)
        if not any(changes.values()):
            if files_read:  # files hashed again only because they were new when last looked at
                context.update_cursor(save_scan(state_path, after))
            return dg.SkipReason(f"no file added, changed or removed among {len(after.files)} under raw/")
        context.update_cursor(save_scan(state_path, after))
        summary = ", ".join(f"{len(files)} {kind}" for kind, files in changes.items() if files)
        context.log.info(f"raw/ changed: {summary} ({files_read} file(s) read)")
        few = len(changes["new"]) + len(changes["changed"]) < PARALLEL_FROM_FILES
        return dg.RunRequest(
            run_key=after.digest,
            run_config=in_process if few and in_process else {},
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
