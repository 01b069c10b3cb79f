"""Properties of the engine that must hold for any answers, on the fixture and shipped content."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quickscan_app.domain.answers import normalise_answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.engine import assess
from quickscan_app.engine.conditions import effective_answers
from quickscan_app.engine.scoring import score_scenarios
from tests.strategies import answer_sets, value_for

LIBRARIES = ["mini", "library"]


@pytest.fixture(params=LIBRARIES, scope="session")
def any_library(request: pytest.FixtureRequest) -> Library:
    return request.getfixturevalue(request.param)


def dims(result) -> dict[str, tuple[int, int, int]]:
    return {s.scenario_id: (s.likelihood, s.impact, s.level.rank) for s in result}


def not_lower(after: dict, before: dict) -> bool:
    return all(all(a >= b for a, b in zip(after[k], before[k], strict=True)) for k in before)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_scores_stay_on_the_scale_and_the_grid(any_library: Library, data) -> None:
    raw = data.draw(answer_sets(any_library.questionnaire))
    result = assess(any_library, normalise_answers(any_library.questionnaire, raw))
    for score in result.scenarios:
        assert 1 <= score.likelihood <= 5 and 1 <= score.impact <= 5
        assert score.level is any_library.risk_model.level(score.likelihood, score.impact)
    assert result.overall_level.rank == max(s.level.rank for s in result.scenarios)
    assert result.full_risk_analysis_required == (result.overall_level.rank >= 2)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_same_input_same_output(any_library: Library, data) -> None:
    raw = data.draw(answer_sets(any_library.questionnaire))
    ids = [m.id for m in any_library.catalogue.measures]
    chosen = data.draw(st.lists(st.sampled_from(ids), max_size=8))
    answers = normalise_answers(any_library.questionnaire, raw)
    first = assess(any_library, answers, chosen)
    second = assess(any_library, dict(reversed(list(answers.items()))), list(chosen))
    assert first == second
    assert first.proposals == second.proposals
    assert first.assumed_escalations == second.assumed_escalations


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_more_fired_rules_never_lower_a_score(any_library: Library, data) -> None:
    model = any_library.risk_model
    rules = list(model.rules)
    fewer = data.draw(st.lists(st.sampled_from(rules), unique_by=lambda r: r.id))
    more = fewer + data.draw(st.lists(st.sampled_from(rules), unique_by=lambda r: r.id))
    raw = data.draw(answer_sets(any_library.questionnaire))
    given_answers = normalise_answers(any_library.questionnaire, raw)
    effective, _ = effective_answers(any_library.questionnaire, given_answers)
    before = dims(score_scenarios(model, fewer, given_answers, effective))
    after = dims(score_scenarios(model, more, given_answers, effective))
    assert not_lower(after, before)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_answering_one_more_question_never_lowers_a_score(any_library: Library, data) -> None:
    """More known exposure can only add risk: rules express exposure, never its absence."""
    questionnaire = any_library.questionnaire
    raw = data.draw(answer_sets(questionnaire))
    open_questions = [q for q in questionnaire.questions if q.id not in raw]
    if not open_questions:
        return
    question = data.draw(st.sampled_from(open_questions))
    before = assess(any_library, normalise_answers(questionnaire, raw))
    raw[question.id] = data.draw(value_for(question))
    after = assess(any_library, normalise_answers(questionnaire, raw))
    assert not_lower(dims(after.scenarios), dims(before.scenarios))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_unknown_scores_as_its_worst_credible_answer(any_library: Library, data) -> None:
    questionnaire = any_library.questionnaire
    raw = data.draw(answer_sets(questionnaire))
    question = data.draw(st.sampled_from([q for q in questionnaire.questions if q.allow_unknown]))
    raw[question.id] = UNKNOWN
    as_unknown = assess(any_library, normalise_answers(questionnaire, raw))
    raw[question.id] = question.unknown_as
    as_worst = assess(any_library, normalise_answers(questionnaire, raw))
    assert dims(as_unknown.scenarios) == dims(as_worst.scenarios)
    assert question.id in [p.question_id for p in as_unknown.open_points] or (
        question.id not in as_unknown.visible
    )


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_adding_a_measure_never_raises_residual_risk(any_library: Library, data) -> None:
    questionnaire = any_library.questionnaire
    answers = normalise_answers(questionnaire, data.draw(answer_sets(questionnaire)))
    ids = [m.id for m in any_library.catalogue.measures]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=10))
    extra = data.draw(st.sampled_from(ids))
    result = assess(any_library, answers, chosen)
    with_extra = assess(any_library, answers, [*chosen, extra])
    before, after = dims(result.residual), dims(with_extra.residual)
    assert not_lower(before, after)
    assert not_lower(dims(result.scenarios), before)  # residual never above inherent
