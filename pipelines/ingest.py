"""Read report documents from the raw folder. Read-only: nothing under raw/ is ever written, moved or deleted."""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipelines.extract.html import html_to_text
from pipelines.raw_listing import ListedFile, list_files
from pipelines.warehouse.state import FileRecord, stamp_of

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


_ALREADY_A_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def report_id_for(relative_path: str) -> str:
    """'reports/Space Mining (2025).txt' → 'space-mining-2025': readable, stable, safe in any tool."""
    stem = relative_path.removeprefix(f"{REPORTS_FOLDER}/").rsplit(".", 1)[0]
    if _ALREADY_A_SLUG.fullmatch(stem):  # most names: the id is the name itself (100,000 of them per build)
        return stem
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_stem.lower()).strip("-")
    return slug or hashlib.sha256(relative_path.encode("utf-8")).hexdigest()[:12]


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


def refusal_before_reading(path: Path, raw_dir: Path, real_raw_dir: str | None = None) -> Rejection | None:
    """Why ``path`` cannot be a report, from its name and the file system alone (no byte is read), or None.
    ``real_raw_dir``: the raw folder with links resolved (``os.path.realpath``), when the caller checks many files."""
    return _refusal_by_name_and_size(
        path.relative_to(raw_dir).as_posix(),
        str(path),
        path.name,
        os.stat(path).st_size,
        os.path.islink(path),
        real_raw_dir or os.path.realpath(raw_dir),
    )


def _refusal_by_name_and_size(
    source_file: str, path: str, name: str, size: int, is_link: bool, real_raw_dir: str
) -> Rejection | None:
    if name.startswith("."):
        return Rejection(
            source_file, None, "ingest", f"{source_file}: hidden file (its name starts with '.'), not read"
        )
    dot = name.rfind(".")  # os.path.splitext cost 0.5 s per 100,000 files
    if dot <= 0 or name[dot:].lower() not in REPORT_SUFFIXES:
        expected = ", ".join(REPORT_SUFFIXES[:-1]) + " or " + REPORT_SUFFIXES[-1]
        return Rejection(source_file, None, "ingest", f"{source_file}: unsupported file type, expected {expected}")
    # the listing enters no linked folder: only a linked file can lead outside (resolving every path cost 0.6 s
    # per 10,000 files)
    if is_link and not os.path.realpath(path).startswith(real_raw_dir.rstrip(os.sep) + os.sep):
        return Rejection(source_file, None, "ingest", f"{source_file}: a link to a file outside the raw folder")
    if size > MAX_DOCUMENT_BYTES:
        return Rejection(
            source_file, None, "ingest", f"{source_file}: {size} bytes is over the {MAX_DOCUMENT_BYTES} byte limit"
        )
    return None


def read_report(path: Path, raw_dir: Path, real_raw_dir: str | None = None) -> Document | Rejection:
    """One file as a decoded document, or the reason it cannot be one."""
    refusal = refusal_before_reading(path, raw_dir, real_raw_dir)
    if refusal is not None:
        return refusal
    source_file = path.relative_to(raw_dir).as_posix()
    with open(path, "rb") as file:
        data = file.read()
    sha256 = hashlib.sha256(data).hexdigest()
    text, encoding, problem = decode_text(data, source_file)
    if problem:
        return Rejection(source_file, sha256, "ingest", problem)
    source_format = SOURCE_FORMATS[path.suffix.lower()]
    if source_format == "html":
        text = html_to_text(text)
    return Document(report_id_for(source_file), source_file, sha256, len(data), text, source_format, None, encoding)


@dataclass
class Ingest:
    """What one pass over raw/reports/ found, given what the previous pass stored."""

    fresh: list[Document]  # documents read in this pass whose landing row is new or replaces a stored one
    kept: list[str]  # source files whose stored landing row stands
    dropped: list[str]  # stored source files whose landing row goes (file gone, changed or now refused)
    rejections: list[Rejection]
    known: list[FileRecord]  # every report file past the checks by name and size, for the next pass
    recorded: list[FileRecord] = field(default_factory=list)  # the records this pass wrote (files it read)
    forgotten: list[str] = field(default_factory=list)  # records of files gone or now refused by name
    files_read: int = 0
    bytes_read: int = 0


@dataclass
class _Candidate:
    source_file: str
    report_id: str
    sha256: str
    problem: Rejection | None
    document: Document | None  # None: not read in this pass


def _read_with_sidecar(path: Path, raw_dir: Path, real_raw_dir: str, now_ns: int, stamps) -> tuple:
    """(candidate, known entry, sidecar rejection or None, bytes read) for a report file read in this pass."""
    result = read_report(path, raw_dir, real_raw_dir)
    sidecar_problem = None
    source_file = path.relative_to(raw_dir).as_posix()
    if isinstance(result, Document):
        sidecar, sidecar_problem = read_sidecar(path, raw_dir)
        result = replace(result, sidecar=sidecar)
        candidate = _Candidate(source_file, result.report_id, result.sha256, None, result)
    else:
        candidate = _Candidate(source_file, report_id_for(source_file), result.sha256, result, None)
    known = FileRecord(
        source_file,
        stamps[0],
        stamps[1],
        now_ns,
        candidate.sha256,
        problem=result.reason if isinstance(result, Rejection) else None,
        sidecar_sha256=sidecar_problem.sha256 if sidecar_problem else None,
        sidecar_problem=sidecar_problem.reason if sidecar_problem else None,
    )
    sidecar_bytes = stamps[1].size if stamps[1] and isinstance(result, Document) else 0
    return candidate, known, sidecar_problem, stamps[0].size + sidecar_bytes


def ingest_reports(
    raw_dir: Path,
    known: dict[str, FileRecord],
    stored: dict[str, str],
    now_ns: int | None = None,
    listing: list[ListedFile] | None = None,
) -> Ingest:
    """Read raw/reports/, reading only the files that changed. ``known``: what the previous pass recorded per
    file; ``stored``: source_file → sha256 of the landing rows it stored; ``listing``: raw/reports/ as listed at
    ``now_ns`` (listed now when None). A file whose stamps match its record (and were not racy) is not opened: its
    record says what it holds."""
    now_ns = now_ns if now_ns is not None else time.time_ns()
    real_raw_dir = os.path.realpath(raw_dir)
    ingest = Ingest(fresh=[], kept=[], dropped=[], rejections=[], known=[])
    candidates: list[_Candidate] = []
    if listing is None:
        listing = list_files(raw_dir, REPORTS_FOLDER, SIDECAR_SUFFIX)
    for listed in listing:
        source_file = listed.source_file
        refusal = _refusal_by_name_and_size(
            source_file, listed.path, listed.name, listed.stamp.size, listed.is_link, real_raw_dir
        )
        if refusal is not None:
            ingest.rejections.append(refusal)
            continue
        stamps = (listed.stamp, listed.sidecar_stamp)
        previous = known.get(source_file)
        if previous is not None and previous.still_current(*stamps):
            problem = Rejection(source_file, previous.sha256, "ingest", previous.problem) if previous.problem else None
            candidates.append(_Candidate(source_file, report_id_for(source_file), previous.sha256, problem, None))
            ingest.known.append(previous)
            if previous.sidecar_problem:
                sidecar_file = source_file + SIDECAR_SUFFIX
                ingest.rejections.append(
                    Rejection(sidecar_file, previous.sidecar_sha256, "ingest", previous.sidecar_problem)
                )
            continue
        candidate, record, sidecar_problem, size = _read_with_sidecar(
            Path(listed.path), raw_dir, real_raw_dir, now_ns, stamps
        )
        candidates.append(candidate)
        ingest.known.append(record)
        ingest.recorded.append(record)
        ingest.files_read += 1
        ingest.bytes_read += size
        if sidecar_problem:
            ingest.rejections.append(sidecar_problem)
    accepted = _accept_once(candidates, ingest.rejections)
    for candidate in accepted:
        if candidate.document is None and stored.get(candidate.source_file) == candidate.sha256:
            ingest.kept.append(candidate.source_file)
            continue
        if candidate.document is None:  # refused as a duplicate before, accepted now: its text was never stored
            path = raw_dir / candidate.source_file
            stamps = (stamp_of(path), stamp_of(path.with_name(path.name + SIDECAR_SUFFIX)))
            candidate, record, _, size = _read_with_sidecar(path, raw_dir, real_raw_dir, now_ns, stamps)
            ingest.recorded.append(record)
            ingest.files_read += 1
            ingest.bytes_read += size
        ingest.fresh.append(candidate.document)
    standing = set(ingest.kept)
    ingest.dropped = sorted(source_file for source_file in stored if source_file not in standing)
    seen = {record.source_file for record in ingest.known}
    ingest.forgotten = sorted(source_file for source_file in known if source_file not in seen)
    ingest.rejections.sort(key=lambda rejection: rejection.source_file)
    return ingest


def _accept_once(candidates: list[_Candidate], rejections: list[Rejection]) -> list[_Candidate]:
    """The candidates that load, in order: a file whose bytes are refused, or whose report id or bytes an earlier
    file already has, is rejected (into ``rejections``) with the reason."""
    owners: dict[str, str] = {}
    contents: dict[str, str] = {}
    accepted = []
    for candidate in candidates:
        if candidate.problem is not None:
            rejections.append(candidate.problem)
        elif candidate.report_id in owners:
            rejections.append(
                Rejection(
                    candidate.source_file,
                    candidate.sha256,
                    "ingest",
                    f"{candidate.source_file}: report id {candidate.report_id!r} is already used by "
                    f"{owners[candidate.report_id]}; rename one of the files",
                )
            )
        elif candidate.sha256 in contents:
            rejections.append(
                Rejection(
                    candidate.source_file,
                    candidate.sha256,
                    "ingest",
                    f"{candidate.source_file}: the same bytes as {contents[candidate.sha256]} "
                    f"(sha256 {candidate.sha256[:12]}...), loaded once",
                )
            )
        else:
            owners[candidate.report_id] = candidate.source_file
            contents[candidate.sha256] = candidate.source_file
            accepted.append(candidate)
    return accepted
