"""Bounds on what a service call takes: ids within the columns' range, texts within a stated
length. Held here, not only by the widgets, so that a crafted URL, a script or the command
line gets the same clear refusal, never an OverflowError (SQLite) or a DataError (PostgreSQL).
"""

from __future__ import annotations

from quickscan_app.domain.plain_text import multi_line, single_line
from quickscan_app.services.errors import InvalidInput, NotFound

MAX_ID = 2**31 - 1
"""Ids and lock versions are INTEGER columns: 32 bits on PostgreSQL (SQLite takes 64)."""

NAME = 64
"""User names (the column's length)."""
SHORT_TEXT = 200
"""Titles, references, display names, owners of a measure, bidder names."""
TARGET_ID = 80
"""What a comment is about: a section, question or measure id."""
JUSTIFICATION = 5_000
NOTE = 10_000
"""Comments and the notes on workflow steps."""
BIDDER_NOTE = 2_000


def valid_id(value: object) -> bool:
    """A positive whole number the id columns can hold."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def shown(value: object, width: int = 24) -> str:
    """A value as a message or the audit trail names it: cut short when it is long."""
    text = str(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def dossier_key(value: object) -> int:
    """``value`` as a dossier id; one out of range does not exist (refused as not found)."""
    if not valid_id(value):
        raise NotFound("not_found", dossier=shown(value))
    return value  # type: ignore[return-value]


def bidder_key(value: object) -> int:
    if not valid_id(value):
        raise NotFound("bidder_not_found", bidder=shown(value))
    return value  # type: ignore[return-value]


def bounded(value: str | None, field: str, limit: int) -> str:
    """``value`` stripped; refused by name when longer than ``limit`` characters or when it
    holds a control character. A text of at most ``SHORT_TEXT`` characters is one line (a
    title, a name); a longer one is typed in a text area and keeps its tabs and newlines."""
    if not isinstance(value or "", str):
        raise InvalidInput("invalid_field", field=field, problem="expected text")
    text = (value or "").strip()
    if len(text) > limit:
        raise InvalidInput("invalid_field", field=field, problem=f"at most {limit} characters")
    return typed(text, field, one_line=limit <= SHORT_TEXT)


def typed(text: str, field: str, *, one_line: bool = True) -> str:
    """``text`` as a person can type it: refused by name when it holds a control character
    (in one line also a tab or newline; see ``domain.plain_text``)."""
    try:
        return single_line(text) if one_line else multi_line(text)
    except ValueError as exc:
        raise InvalidInput("invalid_field", field=field, problem=str(exc)) from None
