"""The export kinds and formats, as plain constants: the command line builds its options from
them without loading the renderers, the database layer or the interface strings."""

from __future__ import annotations

from typing import Literal

Kind = Literal["plan", "tender", "award"]
KINDS: tuple[Kind, ...] = ("plan", "tender", "award")
FORMATS: dict[Kind, tuple[str, ...]] = {
    "plan": ("pdf", "json", "xlsx", "csv"),
    "tender": ("pdf", "docx", "json", "xlsx", "csv"),
    "award": ("pdf", "json", "xlsx"),
}
MEDIA_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "json": "application/json",
}
