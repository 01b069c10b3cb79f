"""One entry point for every kind and format; the format modules do the layout."""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable

from quickscan_app.exports.source import AWARD_CHECKS, FORMATS, MARKER, ExportSource

HASH = re.compile(r"(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")


def _renderer(kind: str, fmt: str) -> Callable[[ExportSource], bytes]:
    # Imported here: the PDF and office libraries load only when a file is asked for.
    if fmt == "pdf":
        from quickscan_app.exports import pdf_award, pdf_plan, pdf_tender

        return {"plan": pdf_plan, "tender": pdf_tender, "award": pdf_award}[kind].render
    if fmt == "docx":
        from quickscan_app.exports import docx_tender

        return docx_tender.render
    from quickscan_app.exports import tables

    return {"json": tables.render_json, "xlsx": tables.render_xlsx, "csv": tables.render_csv}[fmt]


def render(src: ExportSource, fmt: str) -> bytes:
    if fmt not in FORMATS[src.kind]:
        raise ValueError(f"no {fmt} export for {src.kind}")
    return _renderer(src.kind, fmt)(src)


def detect_format(data: bytes) -> str:
    """What kind of file this is, from its first bytes (not from a name the user chose)."""
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = archive.namelist()
        except zipfile.BadZipFile:
            return "unknown"
        if any(n.startswith("word/") for n in names):
            return "docx"
        if any(n.startswith("xl/") for n in names):
            return "xlsx"
        return "unknown"
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if head == b"{" else "csv"


MAX_MEMBER_BYTES = 50_000_000
"""A zip entry larger than this unpacked is not read (an office export is far smaller)."""
MAX_UNPACKED_BYTES = 100_000_000
"""All entries together: beyond this an archive is no export of ours (they unpack to a few
megabytes) and nothing of it is read. Without it, a few megabytes of small, highly
compressed entries unpacked to gigabytes."""


def _zip_texts(data: bytes) -> list[str]:
    """The text of every entry of a zip archive; nothing when it is damaged or a zip bomb.

    The sizes are those the archive declares; ``zipfile`` never unpacks more than that."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = [i for i in archive.infolist() if i.file_size <= MAX_MEMBER_BYTES]
            if sum(i.file_size for i in entries) > MAX_UNPACKED_BYTES:
                return []
            return [archive.read(info).decode("utf-8", "replace") for info in entries]
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, ValueError):
        return []


MAX_CHECK_SETS = 20
"""Look-alike check marks a file may hold besides its own before the rest are ignored."""


def award_checks_named(data: bytes, fmt: str) -> list[frozenset[str]]:
    """Every set of bidder checks the file says an award report holds (none: it says none).

    All of them, in order: user text in the file (a bidder's name, a title) can hold a
    look-alike mark before the report's own, so verify tries each."""
    texts = _zip_texts(data) if fmt in ("docx", "xlsx") else [data.decode("latin-1")]
    found: dict[frozenset[str], None] = {}
    for text in texts:
        for match in AWARD_CHECKS.finditer(text):
            found.setdefault(frozenset(h for h in match.group(1).split(",") if h))
            if len(found) == MAX_CHECK_SETS:
                return list(found)
    return list(found)


def embedded_marks(data: bytes, fmt: str) -> list[tuple[str | None, str]]:
    """(kind, snapshot hash) pairs a file names: its marker, or else any SHA-256 it holds."""
    texts = _zip_texts(data) if fmt in ("docx", "xlsx") else [data.decode("latin-1")]
    marks: list[tuple[str | None, str]] = []
    for text in texts:
        marks += [(m.group(1), m.group(2)) for m in MARKER.finditer(text)]
    if not marks:
        for text in texts:
            marks += [(None, h) for h in HASH.findall(text)]
    return list(dict.fromkeys(marks))
