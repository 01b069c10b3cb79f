"""Text people type holds no control characters.

NUL cannot be stored in PostgreSQL (a SQLite backup holding one does not restore there),
escape sequences reach the terminal of whoever prints the text, and a lone surrogate cannot
be written as UTF-8 at all. So every text field refuses them: single-line texts (titles,
names, references) every control character, multi-line texts (answers, comments, notes)
all but tab and newline. Output that may still meet one (old data, file names, messages)
shows it escaped with :func:`printable`.

Standard library only when imported: the command line uses :func:`printable` for every line
it prints, also where it loads nothing else.
"""

from __future__ import annotations

import re

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff"
"""C0 (but tab and newline), DEL, C1, the Unicode line and paragraph separators, surrogates."""
_IN_SINGLE_LINE = re.compile(f"[\t\n{_CONTROL}]")
_IN_MULTI_LINE = re.compile(f"[{_CONTROL}]")


def _refuse_controls(value: str, pattern: re.Pattern[str]) -> str:
    if found := pattern.search(value):
        # A ValueError whose text pydantic shows as it is (no "Value error, " in front).
        from pydantic_core import PydanticCustomError

        raise PydanticCustomError(
            "control_character",
            "control character {code} is not allowed",
            {"code": f"U+{ord(found.group()):04X}"},
        )
    return value


def single_line(value: str) -> str:
    """``value`` unchanged; a ValueError when it holds any control character (tab and
    newline too)."""
    return _refuse_controls(value, _IN_SINGLE_LINE)


def multi_line(value: str) -> str:
    """``value`` with CR LF and a lone CR as newline; a ValueError when it holds any other
    control character than tab and newline."""
    return _refuse_controls(value.replace("\r\n", "\n").replace("\r", "\n"), _IN_MULTI_LINE)


def printable(text: str) -> str:
    """``text`` with every control character but tab and newline written as ``\\uNNNN``
    (which JSON reads as the same character): safe to print on a terminal."""
    return _IN_MULTI_LINE.sub(lambda found: f"\\u{ord(found.group()):04x}", text)
