"""Office files (XLSX, DOCX) are zip archives: the same content must give the same bytes.

The libraries stamp each zip entry with the current time; :func:`normalised_zip` rewrites the
archive with one fixed time, fixed permissions and one compression, in the original order, so
an export of an approved snapshot is byte-identical on any day (``export verify`` relies on it).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quickscan_app.exports.source import ExportSource

ZIP_EPOCH = datetime(1980, 1, 1)
"""The earliest time a zip entry can carry."""
_ZIP_LAST = datetime(2107, 12, 31, 23, 59, 58)
_FILE_MODE = 0o100644 << 16
"""A regular file, rw-r--r--, as the unix attributes of every entry."""
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def utc_naive(moment: datetime) -> datetime:
    """``moment`` in UTC without a time zone (stored times without one are UTC)."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def zip_time(moment: datetime | None) -> tuple[int, int, int, int, int, int]:
    """The zip ``date_time`` for ``moment`` (UTC), kept within what a zip entry can hold."""
    value = utc_naive(moment) if moment is not None else ZIP_EPOCH
    value = min(max(value, ZIP_EPOCH), _ZIP_LAST)
    return (value.year, value.month, value.day, value.hour, value.minute, value.second)


def normalised_zip(data: bytes, moment: datetime) -> bytes:
    """``data`` (a zip archive) rewritten entry by entry with fixed times and attributes."""
    stamp = zip_time(moment)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = _FILE_MODE
            target.writestr(info, source.read(entry), compresslevel=6)
    return out.getvalue()


def xml_safe(text: str) -> str:
    """``text`` without the control characters XML cannot hold (Office files are XML)."""
    return _NOT_XML.sub("", text)


def office_properties(src: ExportSource) -> dict[str, Any]:
    """The document properties DOCX and XLSX share (same names in python-docx and openpyxl):
    the marker and hash that ``export verify`` reads, and dates from the snapshot, not now."""
    moment = utc_naive(src.issued_at)
    return {
        "title": xml_safe(src.title),
        "subject": xml_safe(src.subject),
        "keywords": src.marker,
        "identifier": src.sha256,
        "language": "en-GB" if src.lang == "en" else "nl-NL",
        "created": moment,
        "modified": moment,
    }
