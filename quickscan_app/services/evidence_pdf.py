"""Evidence files are PDFs, and only what really is one is kept.

A name ending in ``.pdf`` or a browser's content type proves nothing: the file must start with
the PDF signature ``%PDF-`` and pypdf must read its page tree (a renamed image, an HTML page
or a damaged or password-protected PDF is refused). The size is checked before anything is
parsed.
"""

from __future__ import annotations

import hashlib
import io
import logging

from pypdf import PdfReader

from quickscan_app.services.errors import InvalidInput

MAX_EVIDENCE_MB = 10
MAX_EVIDENCE_BYTES = MAX_EVIDENCE_MB * 1024 * 1024
"""Per file; Streamlit counts a megabyte as 1024 * 1024 bytes too (``server.maxUploadSize``)."""
SIGNATURE = b"%PDF-"

logging.getLogger("pypdf").setLevel(logging.ERROR)  # a hostile file must not flood the log


def checked_pdf(data: bytes) -> str:
    """The SHA-256 (hex) of ``data`` when it is a readable PDF within the size limit."""
    if not data:
        raise InvalidInput("evidence_empty")
    if len(data) > MAX_EVIDENCE_BYTES:
        raise InvalidInput("evidence_too_large", limit=MAX_EVIDENCE_MB)
    if not data.startswith(SIGNATURE):
        raise InvalidInput("evidence_not_pdf")
    if not _readable(data):
        raise InvalidInput("evidence_not_pdf")
    return hashlib.sha256(data).hexdigest()


def _readable(data: bytes) -> bool:
    """pypdf reads the page tree: at least one page, not encrypted. Whatever a damaged or
    hostile file makes the parser raise counts as unreadable."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        return not reader.is_encrypted and len(reader.pages) >= 1
    except Exception:  # any parser error: not a PDF we can keep
        return False
