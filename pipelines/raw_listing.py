"""What a folder of raw/ holds, from the file system alone: one listing per directory and one stat per file, no
byte read. Ingest, the command line and the sensor all judge what changed from it, so it must stay cheap at
100,000 files (strings, not Path objects: pathlib costs more than the stat itself)."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any, NamedTuple

from pipelines.warehouse.state import FileStamp


class ListedFile(NamedTuple):
    source_file: str  # relative to raw/, with forward slashes
    path: str
    name: str
    stamp: FileStamp  # a link's target
    is_link: bool
    sidecar_stamp: FileStamp | None = None  # its "<name><suffix>" file beside it, when the listing pairs them


def _stamp(entry: os.DirEntry) -> FileStamp | None:
    try:
        status = entry.stat()
    except OSError:  # gone since the listing
        return None
    return FileStamp(status.st_size, status.st_mtime_ns, status.st_ino)


def list_files(raw_dir: Path, folder: str, sidecar_suffix: str | None = None) -> list[ListedFile]:
    """Every file under raw/``folder``/, sorted by path components as Path sorts (linked files yes, linked folders
    not entered, unreadable folders skipped). With ``sidecar_suffix``, a file named like a listed file plus the
    suffix is not listed itself: its stamp is that file's ``sidecar_stamp``."""
    top = os.path.join(raw_dir, folder)
    if not os.path.isdir(top):
        return []
    found: list[ListedFile] = []
    _list_directory(top, folder + "/", sidecar_suffix, found)
    return found


def _list_directory(directory: str, prefix: str, sidecar_suffix: str | None, found: list[ListedFile]) -> None:
    """Each folder's entries in name order, a subfolder's files where its name falls: the order of sorting every
    path by its components, with one sort of names per folder."""
    try:
        with os.scandir(directory) as entries:
            listed = {entry.name: entry for entry in entries}
    except PermissionError:
        return
    for name in sorted(listed):
        entry = listed[name]
        if entry.is_dir() and not entry.is_symlink():
            _list_directory(entry.path, f"{prefix}{name}/", sidecar_suffix, found)
            continue
        if not entry.is_file():
            continue
        sidecar_stamp = None
        if sidecar_suffix is not None:
            if name.endswith(sidecar_suffix):
                continue
            sidecar = listed.get(name + sidecar_suffix)
            sidecar_stamp = _stamp(sidecar) if sidecar is not None and sidecar.is_file() else None
        try:
            status = entry.stat()
        except OSError:  # gone since the listing
            continue
        stamp = FileStamp(status.st_size, status.st_mtime_ns, status.st_ino)
        found.append(ListedFile(prefix + name, entry.path, name, stamp, entry.is_symlink(), sidecar_stamp))


# What the command line just read to choose the executor (the listing of raw/reports/ and the records of the last
# read), handed to the ingest step of the run it then starts in the same process, so that a refresh lists
# 100,000 files once, not twice. One use each, and only while fresh.
HANDOVER_SECONDS = 10.0
_handed_over: dict[tuple, tuple[float, Any]] = {}


def reports_handover_key(raw_dir: Path, working_path: Path) -> tuple:
    """The key under which the command line hands its listing of raw/reports/ and the records of the last read
    (list of ListedFile, dict of FileRecord, when it listed in ns) to the ingest step."""
    return ("reports", os.path.realpath(raw_dir), os.path.realpath(working_path))


def hand_over(key: tuple, value: Any) -> None:
    _handed_over[key] = (time.monotonic(), value)


def take_over(key: tuple) -> Any | None:
    """What was handed over under ``key`` within HANDOVER_SECONDS, once; None otherwise."""
    handed = _handed_over.pop(key, None)
    if handed is None or time.monotonic() - handed[0] > HANDOVER_SECONDS:
        return None
    return handed[1]
