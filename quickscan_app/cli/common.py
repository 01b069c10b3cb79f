"""What every command shares: exit codes, the user-error type, JSON output, safe printing."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

from quickscan_app.domain.plain_text import printable

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


class UsageError(Exception):
    """A user mistake: printed as one message, exit code 2."""


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


class PrintableStream:
    """A text stream that writes control characters escaped: whatever a command prints
    (a dossier title, a file name, an error) cannot send the terminal an escape sequence."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
