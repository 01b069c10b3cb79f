"""Reading an answers file (JSON or YAML) into checked answers, with errors that name the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from quickscan_app.content import ContentError, ContentSet
from quickscan_app.content.yaml_source import LineFinder, parse_yaml, read_text
from quickscan_app.domain.answers import AnswerError, AnswerFile, Answers, normalise_answers
from quickscan_app.domain.library import Library

MAX_ANSWER_FILE_BYTES = 2_000_000


class AnswerFileError(ValueError):
    """A user mistake in an answers file; the message names the file and the field or line."""


@dataclass(frozen=True)
class LoadedAnswers:
    library: Library
    file: AnswerFile
    answers: Answers


def load_answer_file(path: Path, content: ContentSet) -> LoadedAnswers:
    """Parse and check an answers file against the questionnaire version it names."""
    try:
        text = read_text(path, MAX_ANSWER_FILE_BYTES)
        data = parse_yaml(text, path)  # JSON is YAML too
    except ContentError as exc:
        raise AnswerFileError(str(exc)) from None
    lines = LineFinder(path, text)
    if not isinstance(data, dict):
        raise AnswerFileError(f"{path}: expected a mapping with questionnaire, version and answers")
    try:
        parsed = AnswerFile.model_validate(data)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        loc = tuple(error["loc"])
        field = ".".join(str(p) for p in loc)
        line = lines.line(loc)
        where = f"{path}:{line}" if line else str(path)
        raise AnswerFileError(f"{where}: field '{field}': {error['msg']}") from None
    try:
        library = content.library(parsed.questionnaire, parsed.version)
    except KeyError as exc:
        raise AnswerFileError(f"{path}: {exc.args[0]}") from None
    try:
        answers = normalise_answers(library.questionnaire, parsed.answers)
    except AnswerError as exc:
        line = lines.line(("answers", exc.field))
        where = f"{path}:{line}" if line else str(path)
        raise AnswerFileError(f"{where}: answer '{exc.field}': {exc.message}") from None
    return LoadedAnswers(library, parsed, answers)
