"""What changed between two versions of a questionnaire, and what that means for a dossier's
answers (pure: no database)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quickscan_app.domain.answers import AnswerError, Answers, AnswerValue, normalise_answer
from quickscan_app.domain.questionnaire import Question, Questionnaire, QuestionType

COMPARED = ("type", "text", "required", "allow_unknown", "unknown_as", "visible_if", "min", "max")
"""The parts of a question whose change a buyer must hear about (``why`` and help are
explanations: a change there does not touch an answer)."""


@dataclass(frozen=True)
class QuestionChange:
    question: str
    section: str
    parts: tuple[str, ...]
    """Which of :data:`COMPARED` changed, plus ``options`` when options came or went."""
    options_added: tuple[str, ...] = ()
    options_removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class QuestionnaireDiff:
    old: Questionnaire
    new: Questionnaire
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[QuestionChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)


def _comparable(question: Question, part: str) -> Any:
    value = getattr(question, part)
    return value.model_dump() if hasattr(value, "model_dump") else value


def diff_questionnaires(old: Questionnaire, new: Questionnaire) -> QuestionnaireDiff:
    before, after = old.by_id, new.by_id
    changed = []
    for question in new.questions:
        previous = before.get(question.id)
        if previous is None:
            continue
        parts = [p for p in COMPARED if _comparable(previous, p) != _comparable(question, p)]
        gone = tuple(o for o in previous.option_ids if o not in question.option_ids)
        came = tuple(o for o in question.option_ids if o not in previous.option_ids)
        if gone or came:
            parts.append("options")
        if parts:
            changed.append(
                QuestionChange(question.id, new.section_of[question.id], tuple(parts), came, gone)
            )
    return QuestionnaireDiff(
        old=old,
        new=new,
        added=tuple(q.id for q in new.questions if q.id not in before),
        removed=tuple(q.id for q in old.questions if q.id not in after),
        changed=tuple(changed),
    )


@dataclass(frozen=True)
class CarryOver:
    """A dossier's answers sorted for the new version."""

    kept: dict[str, AnswerValue] = field(default_factory=dict)
    """Still fit (checked against the new question); carried over."""
    dropped: dict[str, str] = field(default_factory=dict)
    """Question id → why the answer cannot go along (removed question, option gone, …)."""
    trimmed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Multiple-choice answers carried over without the options the new version dropped."""
    to_review: tuple[str, ...] = ()
    """Carried over, but the question changed: the buyer should look at it again."""
    new_questions: tuple[str, ...] = ()


def carry_over(diff: QuestionnaireDiff, answers: Answers) -> CarryOver:
    """Which answers fit the new version as they are, which do not and why."""
    new_by_id = diff.new.by_id
    changed = {c.question for c in diff.changed}
    kept: dict[str, AnswerValue] = {}
    dropped: dict[str, str] = {}
    trimmed: dict[str, tuple[str, ...]] = {}
    for question_id, value in answers.items():
        question = new_by_id.get(question_id)
        if question is None:
            dropped[question_id] = "removed"
            continue
        if question.type is QuestionType.MULTIPLE_CHOICE and isinstance(value, list):
            gone = tuple(v for v in value if v not in question.option_ids)
            if gone:
                trimmed[question_id] = gone
                value = [v for v in value if v not in gone]
        try:
            kept[question_id] = normalise_answer(question, _raw(value))
        except AnswerError as exc:
            dropped[question_id] = exc.message
    return CarryOver(
        kept=kept,
        dropped=dropped,
        trimmed=trimmed,
        to_review=tuple(q for q in kept if q in changed),
        new_questions=diff.added,
    )


def _raw(value: AnswerValue) -> Any:
    """An answer as it would come from a form, so the new question checks it afresh."""
    return value.isoformat() if hasattr(value, "isoformat") else value
