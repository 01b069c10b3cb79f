"""Hypothesis strategies that produce valid answers for any questionnaire."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from quickscan_app.domain.questionnaire import UNKNOWN, Question, Questionnaire, QuestionType


def value_for(question: Question) -> st.SearchStrategy:
    kind = question.type
    if kind is QuestionType.MULTIPLE_CHOICE:
        strategy = st.lists(st.sampled_from(question.option_ids), unique=True).map(
            lambda chosen: [o for o in question.option_ids if o in chosen]
        )
    elif kind in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO):
        strategy = st.sampled_from(question.option_ids)
    elif kind is QuestionType.NUMBER:
        low = int(question.min) if question.min is not None else 0
        high = int(question.max) if question.max is not None else 10_000
        strategy = st.integers(low, high)
    elif kind is QuestionType.DATE:
        strategy = st.dates(date(2024, 1, 1), date(2035, 12, 31))
    else:  # any text a person may type: no control characters but tab and newline
        typed = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\u2028\u2029")
        strategy = st.text(st.one_of(typed, st.sampled_from("\t\n")), max_size=40)
    if question.allow_unknown:
        strategy = st.one_of(st.just(UNKNOWN), strategy)
    return strategy


@st.composite
def answer_sets(draw: st.DrawFn, questionnaire: Questionnaire) -> dict:
    """Any subset of questions answered with any valid value (hidden ones included)."""
    answers = {}
    for question in questionnaire.questions:
        if draw(st.integers(0, 4)) > 0:
            answers[question.id] = draw(value_for(question))
    return answers
