"""Answers to a questionnaire, checked and normalised per question type."""

from __future__ import annotations

import math
import reprlib
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from quickscan_app.domain.plain_text import multi_line, single_line
from quickscan_app.domain.questionnaire import UNKNOWN, Question, Questionnaire, QuestionType
from quickscan_app.domain.text import Identifier, Lang, Version

AnswerValue = str | list[str] | int | float | date
Answers = dict[str, AnswerValue]

MAX_TEXT_LENGTH = 20_000


class AnswerError(ValueError):
    """An answer that does not fit its question. ``field`` names the question id."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


Text200 = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(single_line),
]

_SHOWN = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHOWN.maxlevel, _SHOWN.maxlist, _SHOWN.maxdict = 2, 4, 4
_SHOWN.maxstring = _SHOWN.maxother = _SHOWN.maxlong = 60


def _shown(value: Any) -> str:
    """A refused value as a message names it: briefly. It may be anything a file holds, and
    its whole ``repr`` can run to megabytes (nested, to more than memory holds)."""
    return _SHOWN.repr(value)


class DossierMeta(BaseModel):
    """Procurement metadata an answers file may carry, used when a dossier is imported."""

    model_config = ConfigDict(extra="forbid")

    title: Text200 | None = None
    reference: Text200 | None = None
    contracting_authority: Text200 | None = None
    object_category: Identifier | None = None
    cpv_code: Annotated[str, StringConstraints(pattern=r"^\d{8}(-\d)?$")] | None = None
    estimated_value: Annotated[float, Field(ge=0, le=1e12)] | None = None
    procedure_type: Identifier | None = None
    planned_rfq_date: date | None = None
    planned_publication_date: date | None = None
    language: Lang | None = None
    classification: Text200 | None = None


class AnswerFile(BaseModel):
    """The file format of ``quickscan score`` and ``dossier import``."""

    model_config = ConfigDict(extra="forbid")

    questionnaire: Identifier
    version: Version
    dossier: DossierMeta | None = None
    answers: dict[str, Any] = Field(default_factory=dict)


def normalise_answer(question: Question, raw: Any) -> AnswerValue:
    """Check one raw answer against its question; return it in canonical form."""
    # Free text may say "unknown" in so many words when the question has no unknown option.
    literal_text = question.type is QuestionType.TEXT and not question.allow_unknown
    if isinstance(raw, str) and raw == UNKNOWN and not literal_text:
        if not question.allow_unknown:
            raise AnswerError(question.id, "'unknown' is not allowed for this question")
        return UNKNOWN
    kind = question.type
    if kind is QuestionType.SINGLE_CHOICE:
        return _choice(question, raw)
    if kind is QuestionType.MULTIPLE_CHOICE:
        if not isinstance(raw, list | tuple):
            raise AnswerError(question.id, "expected a list of option ids")
        chosen = {_choice(question, item) for item in raw}
        return [o for o in question.option_ids if o in chosen]
    if kind is QuestionType.YES_NO:
        if isinstance(raw, bool):
            return "yes" if raw else "no"
        return _choice(question, raw)
    if kind is QuestionType.NUMBER:
        return _number(question, raw)
    if kind is QuestionType.DATE:
        return _date(question, raw)
    if not isinstance(raw, str):
        raise AnswerError(question.id, "expected text")
    if len(raw) > MAX_TEXT_LENGTH:
        raise AnswerError(question.id, f"text longer than {MAX_TEXT_LENGTH} characters")
    try:
        return multi_line(raw)
    except ValueError as exc:
        raise AnswerError(question.id, str(exc)) from None


def normalise_answers(questionnaire: Questionnaire, raw: dict[str, Any]) -> Answers:
    """Check a whole set of answers; unknown question ids are an error."""
    answers: Answers = {}
    for question_id, value in raw.items():
        question = questionnaire.by_id.get(str(question_id))
        if question is None:
            raise AnswerError(
                str(question_id)[:80],  # no question id is longer
                f"no such question in {questionnaire.id} version {questionnaire.version}",
            )
        if value is None:
            continue
        answers[question.id] = normalise_answer(question, value)
    return answers


def _choice(question: Question, raw: Any) -> str:
    allowed = question.option_ids
    if not isinstance(raw, str) or raw not in allowed:
        extra = f" or '{UNKNOWN}'" if question.allow_unknown else ""
        raise AnswerError(
            question.id, f"{_shown(raw)} is not one of the options: {', '.join(allowed)}{extra}"
        )
    return raw


def _number(question: Question, raw: Any) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or not math.isfinite(raw):
        raise AnswerError(question.id, f"expected a number, got {_shown(raw)}")
    if question.min is not None and raw < question.min:
        raise AnswerError(question.id, f"{_shown(raw)} is below the minimum {question.min:g}")
    if question.max is not None and raw > question.max:
        raise AnswerError(question.id, f"{_shown(raw)} is above the maximum {question.max:g}")
    return raw


def _date(question: Question, raw: Any) -> date:
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise AnswerError(question.id, f"expected a date as YYYY-MM-DD, got {_shown(raw)}")


def is_unknown(value: AnswerValue | None) -> bool:
    return isinstance(value, str) and value == UNKNOWN
