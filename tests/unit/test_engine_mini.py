"""The engine on a small hand-written content set whose outcomes can be worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from quickscan_app.domain.answers import normalise_answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.risk import Dimension, Level
from quickscan_app.engine import assess
from quickscan_app.engine.assessment import UnknownMeasureError
from quickscan_app.engine.conditions import effective_answers

LOW_EXPOSURE = {"connectivity": "stand_alone", "remote": "no", "fleet_share": 10}


def scores(library: Library, raw: dict, chosen=None):
    result = assess(library, normalise_answers(library.questionnaire, raw), chosen)
    return result, {s.scenario_id: s for s in result.scenarios}


def test_follow_up_question_appears_only_when_its_condition_holds(mini: Library) -> None:
    _, visible = effective_answers(mini.questionnaire, {"remote": "no"})
    assert "channel" not in visible
    _, visible = effective_answers(mini.questionnaire, {"remote": "yes"})
    assert "channel" in visible


def test_answers_to_hidden_questions_do_not_count(mini: Library) -> None:
    hidden_risky = {**LOW_EXPOSURE, "channel": ["mobile"]}
    result, by_id = scores(mini, hidden_risky)
    assert by_id["espionage"].likelihood == 1
    assert not any(r.rule_id == "remote_mobile" for r in by_id["espionage"].reasons)
    assert "channel" not in result.visible


def test_not_condition_hides_remarks_for_stand_alone(mini: Library) -> None:
    _, visible = effective_answers(mini.questionnaire, {"connectivity": "stand_alone"})
    assert "remarks" not in visible
    _, visible = effective_answers(mini.questionnaire, {"connectivity": "closed"})
    assert "remarks" in visible


def test_open_required_lists_visible_unanswered_required_questions(mini: Library) -> None:
    result, _ = scores(mini, {"remote": "yes"})
    assert result.open_required == ("connectivity", "channel", "fleet_share")
    assert not result.complete
    result, _ = scores(mini, {**LOW_EXPOSURE})
    assert result.open_required == ()
    assert result.complete


def test_each_step_has_a_reason_naming_the_answer(mini: Library) -> None:
    raw = {
        "connectivity": "internet",
        "remote": "yes",
        "channel": ["vpn", "mobile"],
        "fleet_share": 80,
    }
    result, by_id = scores(mini, raw)
    esp = by_id["espionage"]
    # baseline 1 + internet 2 + mobile 2 = 5; impact raised from 2 to the floor 4
    assert (esp.likelihood, esp.impact, esp.level) == (5, 4, Level.VERY_HIGH)
    assert [(r.rule_id, r.dimension, r.effect) for r in esp.reasons] == [
        ("internet", Dimension.LIKELIHOOD, "+2"),
        ("remote_mobile", Dimension.LIKELIHOOD, "+2"),
        ("remote_mobile", Dimension.IMPACT, ">=4"),
    ]
    assert esp.reasons[1].answers[0].question_id == "channel"
    assert esp.reasons[1].answers[0].given == ["vpn", "mobile"]
    lock = by_id["lock_in"]
    assert (lock.likelihood, lock.impact, lock.level) == (4, 3, Level.HIGH)
    assert result.overall_level is Level.VERY_HIGH
    assert result.full_risk_analysis_required


def test_scores_are_clamped_to_five(mini: Library) -> None:
    raw = {"connectivity": "internet", "remote": "yes", "channel": ["mobile"], "fleet_share": 100}
    _, by_id = scores(mini, raw)
    assert by_id["espionage"].likelihood == 5


def test_low_exposure_stays_low_and_needs_no_full_analysis(mini: Library) -> None:
    result, by_id = scores(mini, LOW_EXPOSURE)
    assert {s: (v.likelihood, v.impact) for s, v in by_id.items()} == {
        "espionage": (1, 2),
        "lock_in": (1, 1),
    }
    assert result.overall_level is Level.LOW
    assert not result.full_risk_analysis_required
    assert result.escalations == ()
    assert result.proposals == ()


def test_unknown_is_scored_as_worst_case_and_listed_as_open_point(mini: Library) -> None:
    result, by_id = scores(mini, {"connectivity": "unknown", "remote": "no", "fleet_share": 0})
    assert by_id["espionage"].likelihood == 3
    reason = by_id["espionage"].reasons[0]
    assert reason.answers[0].unknown and reason.answers[0].scored == "internet"
    assert [(p.question_id, p.assumed) for p in result.open_points] == [
        ("connectivity", "internet")
    ]


def test_unknown_opens_the_worst_case_follow_up(mini: Library) -> None:
    result, _ = scores(mini, {"connectivity": "closed", "remote": "unknown", "fleet_share": 0})
    assert "channel" in result.visible
    assert "channel" in result.open_required


def test_escalations_fire_on_answers_and_on_levels(mini: Library) -> None:
    result, _ = scores(mini, {"connectivity": "internet", "remote": "no", "fleet_share": 0})
    assert [e.id for e in result.escalations] == ["reassess"]
    raw = {"connectivity": "closed", "remote": "yes", "channel": ["mobile"], "fleet_share": 0}
    result, _ = scores(mini, raw)
    assert [e.id for e in result.escalations] == ["consult"]


def test_proposals_follow_level_and_condition_and_are_ranked(mini: Library) -> None:
    raw = {"connectivity": "internet", "remote": "yes", "channel": ["mobile"], "fleet_share": 60}
    result, _ = scores(mini, raw)
    # espionage 5x4=20: jump host (-2 L) -> 3x4=12, reduction 8; segregation (-1 L) -> 16, 4.
    # lock_in 4x3=12: exit plan (-1/-1) -> 3x2=6, reduction 6.
    assert [(p.measure_id, p.reduction) for p in result.proposals] == [
        ("jump_host", 8),
        ("exit_plan", 6),
        ("segregation", 4),
    ]
    no_remote = {"connectivity": "internet", "remote": "no", "fleet_share": 60}
    result, _ = scores(mini, no_remote)
    assert "jump_host" not in [p.measure_id for p in result.proposals]


def test_residual_risk_applies_chosen_measures(mini: Library) -> None:
    raw = {"connectivity": "internet", "remote": "yes", "channel": ["mobile"], "fleet_share": 60}
    result, _ = scores(mini, raw, ["jump_host", "segregation", "exit_plan"])
    residual = {r.scenario_id: r for r in result.residual}
    assert (residual["espionage"].likelihood, residual["espionage"].impact) == (2, 4)
    assert residual["espionage"].measure_ids == ("jump_host", "segregation")
    assert (residual["lock_in"].likelihood, residual["lock_in"].impact) == (3, 2)
    assert result.residual_level is Level.MEDIUM


def test_residual_never_goes_below_one(mini: Library) -> None:
    result, _ = scores(mini, LOW_EXPOSURE, ["jump_host", "segregation"])
    assert {r.likelihood for r in result.residual} == {1}


def test_unknown_measure_is_refused(mini: Library) -> None:
    with pytest.raises(UnknownMeasureError, match="no_such"):
        scores(mini, LOW_EXPOSURE, ["no_such"])


def test_dates_and_text_are_accepted(mini: Library) -> None:
    answers = normalise_answers(
        mini.questionnaire, {**LOW_EXPOSURE, "publication": "2027-03-15", "remarks": "x"}
    )
    assert answers["publication"] == date(2027, 3, 15)
