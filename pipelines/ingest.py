"""Read report documents from the raw folder. Read-only: nothing under raw/ is ever written, moved or deleted."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path

from pipelines.extract.html import html_to_text

REPORTS_FOLDER = "reports"
SOURCE_FORMATS = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}
REPORT_SUFFIXES = tuple(SOURCE_FORMATS)
# "<report file>.meta.json" beside a report: facts about it that the page may not state (publisher, market, url).
SIDECAR_SUFFIX = ".meta.json"
SIDECAR_KEYS = frozenset({"publisher", "market", "title", "base_year", "released_month", "url", "retrieved"})
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Document:
    report_id: str
    source_file: str  # relative to the raw folder, with forward slashes
    sha256: str
    size_bytes: int
    text: str  # the text every quote and span refers to (for HTML, its visible text)
    source_format: str = "text"
    sidecar: dict | None = None


@dataclass(frozen=True)
class Rejection:
    source_file: str
    sha256: str | None
    stage: str
    reason: str


def report_id_for(relative_path: str) -> str:
    """'reports/Space Mining (2025).txt' → 'space-mining-2025': readable, stable, safe in any tool."""
    stem = relative_path.removeprefix(f"{REPORTS_FOLDER}/").rsplit(".", 1)[0]
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    return slug or hashlib.sha256(relative_path.encode("utf-8")).hexdigest()[:12]


def discover_report_files(raw_dir: Path) -> list[Path]:
    """Every file under raw/reports/, sorted; hidden files and metadata sidecars left out."""
    folder = raw_dir / REPORTS_FOLDER
    if not folder.is_dir():
        return []
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and not path.name.startswith(".") and not path.name.endswith(SIDECAR_SUFFIX)
    )


def read_sidecar(path: Path, raw_dir: Path) -> tuple[dict | None, Rejection | None]:
    """The report's "<file>.meta.json", if there is one: a JSON object with some of SIDECAR_KEYS."""
    sidecar_path = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar_path.is_file():
        return None, None
    source_file = sidecar_path.relative_to(raw_dir).as_posix()
    data = sidecar_path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        sidecar = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        reason = f"{source_file}: not valid JSON ({error}); the report loads without it"
        return None, Rejection(source_file, sha256, "ingest", reason)
    expected = ", ".join(sorted(SIDECAR_KEYS))
    if not isinstance(sidecar, dict):
        reason = f"{source_file}: expected a JSON object with keys among {expected}; the report loads without it"
        return None, Rejection(source_file, sha256, "ingest", reason)
    unknown = sorted(set(sidecar) - SIDECAR_KEYS)
    if unknown:
        reason = f"{source_file}: unknown key(s) {', '.join(unknown)}, expected keys among {expected}; ignored"
        return None, Rejection(source_file, sha256, "ingest", reason)
    return sidecar, None


def _decode(data: bytes, source_file: str) -> tuple[str | None, str | None]:
    if not data:
        return None, f"{source_file}: empty file (0 bytes)"
    nul_offset = data.find(b"\x00", 0, 8192)
    if nul_offset >= 0:
        return None, f"{source_file}: binary file (NUL byte at offset {nul_offset}), expected UTF-8 text"
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        return None, (
            f"{source_file}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "save the file as UTF-8"
        )


def read_report(path: Path, raw_dir: Path) -> Document | Rejection:
    """One file as a decoded document, or the reason it cannot be one."""
    source_file = path.relative_to(raw_dir).as_posix()
    if path.suffix.lower() not in REPORT_SUFFIXES:
        expected = ", ".join(REPORT_SUFFIXES[:-1]) + " or " + REPORT_SUFFIXES[-1]
        return Rejection(source_file, None, "ingest", f"{source_file}: unsupported file type, expected {expected}")
    resolved = path.resolve()
    if not resolved.is_relative_to(raw_dir.resolve()):
        return Rejection(source_file, None, "ingest", f"{source_file}: a link to a file outside the raw folder")
    size = resolved.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        return Rejection(
            source_file, None, "ingest", f"{source_file}: {size} bytes is over the {MAX_DOCUMENT_BYTES} byte limit"
        )
    data = resolved.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    text, problem = _decode(data, source_file)
    if problem:
        return Rejection(source_file, sha256, "ingest", problem)
    source_format = SOURCE_FORMATS[path.suffix.lower()]
    if source_format == "html":
        text = html_to_text(text)
    return Document(report_id_for(source_file), source_file, sha256, len(data), text, source_format)


def read_reports(raw_dir: Path) -> tuple[list[Document], list[Rejection]]:
    documents: list[Document] = []
    rejections: list[Rejection] = []
    owners: dict[str, str] = {}
    for path in discover_report_files(raw_dir):
        result = read_report(path, raw_dir)
        if isinstance(result, Document):
            sidecar, sidecar_problem = read_sidecar(path, raw_dir)
            result = replace(result, sidecar=sidecar)
            if sidecar_problem:
                rejections.append(sidecar_problem)
        if isinstance(result, Rejection):
            rejections.append(result)
        elif result.report_id in owners:
            rejections.append(
                Rejection(
                    result.source_file,
                    result.sha256,
                    "ingest",
                    f"{result.source_file}: report id {result.report_id!r} is already used by "
                    f"{owners[result.report_id]}; rename one of the files",
                )
            )
        else:
            owners[result.report_id] = result.source_file
            documents.append(result)
    return documents, rejections
