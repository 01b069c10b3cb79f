"""Evaluating conditions, and which questions are visible given the answers."""

from __future__ import annotations

from quickscan_app.domain.answers import Answers, AnswerValue
from quickscan_app.domain.conditions import Condition
from quickscan_app.domain.questionnaire import UNKNOWN, Questionnaire


def holds(condition: Condition, answers: Answers) -> bool:
    """Whether the condition holds on *effective* answers (visible, unknown replaced)."""
    if condition.question is None:
        if condition.all_ is not None:
            return all(holds(c, answers) for c in condition.all_)
        if condition.any_ is not None:
            return any(holds(c, answers) for c in condition.any_)
        assert condition.not_ is not None
        return not holds(condition.not_, answers)
    value = answers.get(condition.question)
    if condition.answered is not None:
        return is_answered(value) == condition.answered
    if value is None:
        return False
    if condition.equals is not None:
        return value == condition.equals
    if condition.in_ is not None:
        return value in condition.in_
    if condition.contains is not None:
        return isinstance(value, list) and condition.contains in value
    if not isinstance(value, int | float):
        return False
    if condition.at_least is not None:
        return value >= condition.at_least
    assert condition.at_most is not None
    return value <= condition.at_most


def matched_questions(condition: Condition, answers: Answers) -> list[str]:
    """The questions whose answers make a condition that holds hold: the evidence to cite.

    Of an ``any``, only the branches that hold; of an ``all``, every branch; under a ``not``,
    the questions it reads."""
    if condition.question is not None:
        return [condition.question]
    if condition.any_ is not None:
        held = [c for c in condition.any_ if holds(c, answers)]
        return [q for c in held for q in matched_questions(c, answers)]
    if condition.all_ is not None:
        return [q for c in condition.all_ for q in matched_questions(c, answers)]
    assert condition.not_ is not None
    return list(condition.not_.questions())


def is_answered(value: AnswerValue | None) -> bool:
    if value is None:
        return False
    if isinstance(value, str | list):
        return len(value) > 0
    return True


def effective_answers(questionnaire: Questionnaire, answers: Answers) -> tuple[Answers, list[str]]:
    """The answers that count, and the visible question ids in order.

    Walks the questions in order: a question is visible when it has no condition or its
    condition holds on the effective answers to earlier questions. Answers to hidden questions
    are dropped; "unknown" is replaced by the question's worst credible answer.
    """
    effective: Answers = {}
    visible: list[str] = []
    for question in questionnaire.questions:
        if question.visible_if is not None and not holds(question.visible_if, effective):
            continue
        visible.append(question.id)
        value = answers.get(question.id)
        if value is None:
            continue
        effective[question.id] = question.unknown_as if value == UNKNOWN else value
    return effective, visible
