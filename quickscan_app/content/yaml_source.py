"""Reading YAML, and finding the line of any value by its path in the document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from quickscan_app.content.errors import ContentError, Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_YAML_BYTES = 20_000_000
"""Content files are far smaller; a bound keeps ``/dev/zero`` or a huge file out of memory."""


def read_text(path: Path, max_bytes: int = MAX_YAML_BYTES) -> str:
    """The file as UTF-8 text, read with a bound (its size on disk may say nothing, as for
    ``/dev/zero`` or a pipe); a Problem when it is larger, unreadable or not UTF-8."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ContentError([Problem(path, None, f"cannot read file: {exc.strerror}")]) from None
    if len(data) > max_bytes:
        raise ContentError([Problem(path, None, f"file larger than {max_bytes:,} bytes")])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError([Problem(path, None, "not UTF-8 text")]) from None


def read_yaml(path: Path, max_bytes: int = MAX_YAML_BYTES) -> Any:
    """Parse a YAML file; a syntax error becomes a Problem with its line."""
    return parse_yaml(read_text(path, max_bytes), path)


def parse_yaml(text: str, path: Path) -> Any:
    """Parse YAML text read from ``path``. Aliases are refused: a few hundred bytes of nested
    aliases ("billion laughs") stand for billions of values once anything walks them, and
    neither content nor answers files need them."""
    try:
        _refuse_aliases(text, path)
        return yaml.load(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise ContentError([Problem(path, line, f"invalid YAML: {problem}")]) from None
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates and numbers itself: 2026-02-30 fails here, not as YAMLError.
        raise ContentError(
            [Problem(path, _line_of_bad_value(text), f"invalid value: {exc}")]
        ) from None


def _refuse_aliases(text: str, path: Path) -> None:
    """One pass over the parser's events (cheap next to building the values)."""
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise ContentError(
                [Problem(path, event.start_mark.line + 1, "aliases (*name) are not allowed")]
            )


def _line_of_bad_value(text: str) -> int | None:
    """The first line holding a scalar that PyYAML cannot build (e.g. an impossible date)."""
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        if isinstance(event, yaml.ScalarEvent) and event.implicit[0]:
            try:
                yaml.safe_load(event.value)
            except (ValueError, OverflowError):
                return event.start_mark.line + 1
            except yaml.YAMLError:
                continue
    return None


class LineFinder:
    """Maps a path such as ``("sections", 2, "questions", 0, "id")`` to a line number.

    The document is composed into nodes only when a line is asked for, which happens on
    errors only, so loading good content costs nothing extra.
    """

    def __init__(self, path: Path, text: str | None = None) -> None:
        self.path = path
        self._text = text
        self._root: yaml.Node | None = None

    def line(self, loc: Sequence[str | int]) -> int | None:
        if self._root is None:
            try:
                text = self._text if self._text is not None else read_text(self.path)
                self._root = yaml.compose(text, Loader=_Loader)
            except (ContentError, yaml.YAMLError):
                return None
            if self._root is None:
                return None
        node = self._root
        for part in loc:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return node.start_mark.line + 1


def _child(node: yaml.Node, part: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
