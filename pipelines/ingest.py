"""Read report documents from the raw folder. Read-only: nothing under raw/ is ever written, moved or deleted."""

from __future__ import annotations

import hashlib
import json
import os
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
    encoding: str | None = None


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
    found: list[tuple[tuple[str, ...], str]] = []
    _collect_files(str(folder), (), found)
    found.sort()  # by path components, as Path sorts
    return [Path(path) for _, path in found]


def _collect_files(directory: str, parts: tuple[str, ...], found: list[tuple[tuple[str, ...], str]]) -> None:
    """Files under ``directory`` as Path.rglob finds them: linked files yes, linked folders not entered,
    unreadable folders skipped."""
    try:
        with os.scandir(directory) as entries:
            listed = list(entries)
    except PermissionError:
        return
    for entry in listed:
        if entry.is_dir() and not entry.is_symlink():
            _collect_files(entry.path, (*parts, entry.name), found)
        elif entry.is_file() and not entry.name.endswith(SIDECAR_SUFFIX):
            found.append(((*parts, entry.name), entry.path))


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


_BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Control characters that do not belong in text: a decoding that produces them guessed wrong.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark: every other byte of ASCII text is NUL."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.9 * half and even_nuls == 0:
        return "utf-16-le"
    if even_nuls > 0.9 * half and odd_nuls == 0:
        return "utf-16-be"
    return None


def decode_text(data: bytes, source_file: str) -> tuple[str | None, str | None, str | None]:
    """(text, encoding, problem). UTF-8 first; a byte order mark or UTF-16's NUL pattern says UTF-16/32; text that
    is not UTF-8 but reads cleanly as Windows-1252 (which Latin-1 files almost always are) is decoded as that.
    Anything else is refused with the offending byte and its offset."""
    if not data:
        return None, None, f"{source_file}: empty file (0 bytes)"
    encoding = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
    encoding = encoding or _utf16_without_bom(data)
    if encoding:
        try:
            return data.decode(encoding), encoding.removesuffix("-sig"), None
        except UnicodeDecodeError as error:
            return None, None, f"{source_file}: not valid {encoding} (offset {error.start}); save the file as UTF-8"
    nul_offset = data.find(b"\x00", 0, 8192)
    if nul_offset >= 0:
        return None, None, f"{source_file}: binary file (NUL byte at offset {nul_offset}), expected UTF-8 text"
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as utf8_error:
        first_bad = f"byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        return (
            None,
            None,
            (
                f"{source_file}: not valid UTF-8 ({first_bad}) nor Windows-1252 (byte 0x{data[error.start]:02x} at "
                f"offset {error.start}); save the file as UTF-8"
            ),
        )
    control = _CONTROL_CHARACTERS.search(text)
    if control:
        return (
            None,
            None,
            (
                f"{source_file}: not valid UTF-8 ({first_bad}), and as Windows-1252 it holds a control character at "
                f"offset {control.start()}; save the file as UTF-8"
            ),
        )
    return text, "cp1252", None


def read_report(path: Path, raw_dir: Path, real_raw_dir: str | None = None) -> Document | Rejection:
    """One file as a decoded document, or the reason it cannot be one. ``real_raw_dir``: the raw folder with
    links resolved (``os.path.realpath``), when the caller reads many files."""
    source_file = path.relative_to(raw_dir).as_posix()
    if path.name.startswith("."):
        return Rejection(
            source_file, None, "ingest", f"{source_file}: hidden file (its name starts with '.'), not read"
        )
    if path.suffix.lower() not in REPORT_SUFFIXES:
        expected = ", ".join(REPORT_SUFFIXES[:-1]) + " or " + REPORT_SUFFIXES[-1]
        return Rejection(source_file, None, "ingest", f"{source_file}: unsupported file type, expected {expected}")
    real_raw_dir = real_raw_dir or os.path.realpath(raw_dir)
    resolved = os.path.realpath(path)
    if not resolved.startswith(real_raw_dir.rstrip(os.sep) + os.sep):
        return Rejection(source_file, None, "ingest", f"{source_file}: a link to a file outside the raw folder")
    size = os.stat(resolved).st_size
    if size > MAX_DOCUMENT_BYTES:
        return Rejection(
            source_file, None, "ingest", f"{source_file}: {size} bytes is over the {MAX_DOCUMENT_BYTES} byte limit"
        )
    with open(resolved, "rb") as file:
        data = file.read()
    sha256 = hashlib.sha256(data).hexdigest()
    text, encoding, problem = decode_text(data, source_file)
    if problem:
        return Rejection(source_file, sha256, "ingest", problem)
    source_format = SOURCE_FORMATS[path.suffix.lower()]
    if source_format == "html":
        text = html_to_text(text)
    return Document(report_id_for(source_file), source_file, sha256, len(data), text, source_format, None, encoding)


def read_reports(raw_dir: Path) -> tuple[list[Document], list[Rejection]]:
    documents: list[Document] = []
    rejections: list[Rejection] = []
    owners: dict[str, str] = {}
    contents: dict[str, str] = {}
    real_raw_dir = os.path.realpath(raw_dir)
    for path in discover_report_files(raw_dir):
        result = read_report(path, raw_dir, real_raw_dir)
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
        elif result.sha256 in contents:
            rejections.append(
                Rejection(
                    result.source_file,
                    result.sha256,
                    "ingest",
                    f"{result.source_file}: the same bytes as {contents[result.sha256]} "
                    f"(sha256 {result.sha256[:12]}...), loaded once",
                )
            )
        else:
            owners[result.report_id] = result.source_file
            contents[result.sha256] = result.source_file
            documents.append(result)
    return documents, rejections
