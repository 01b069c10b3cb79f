"""Scoring scenarios from answers, with the reasons behind every step."""

from __future__ import annotations

from dataclasses import dataclass

from quickscan_app.domain.answers import Answers, AnswerValue
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.domain.risk import Dimension, Level, RiskModel, Rule
from quickscan_app.domain.text import LocalText
from quickscan_app.engine.conditions import holds


@dataclass(frozen=True)
class AnswerCited:
    """An answer a reason rests on: what was given, and what was scored."""

    question_id: str
    given: AnswerValue
    scored: AnswerValue

    @property
    def unknown(self) -> bool:
        return self.given == UNKNOWN


@dataclass(frozen=True)
class Reason:
    """One rule that moved one scenario's likelihood or impact."""

    rule_id: str
    dimension: Dimension
    add: int | None
    at_least: int | None
    text: LocalText
    answers: tuple[AnswerCited, ...]

    @property
    def effect(self) -> str:
        return f"+{self.add}" if self.add is not None else f">={self.at_least}"


@dataclass(frozen=True)
class ScenarioScore:
    scenario_id: str
    likelihood: int
    impact: int
    level: Level
    reasons: tuple[Reason, ...]

    @property
    def points(self) -> int:
        return self.likelihood * self.impact


def clamp(value: int) -> int:
    return 1 if value < 1 else 5 if value > 5 else value


def fired_rules(model: RiskModel, effective: Answers) -> list[Rule]:
    return [rule for rule in model.rules if holds(rule.when, effective)]


def score_scenarios(
    model: RiskModel, fired: list[Rule], given: Answers, effective: Answers
) -> list[ScenarioScore]:
    """Per scenario: baseline, raised to the highest floor, plus every addition, clamped 1..5."""
    reasons: dict[str, list[Reason]] = {s.id: [] for s in model.scenarios}
    for rule in fired:
        cited = tuple(
            AnswerCited(q, given[q], effective[q]) for q in rule.question_ids if q in effective
        )
        for effect in rule.effects:
            reasons[effect.scenario].append(
                Reason(rule.id, effect.dimension, effect.add, effect.at_least, rule.reason, cited)
            )
    scores = []
    for scenario in model.scenarios:
        own = reasons[scenario.id]
        likelihood = _dimension_score(scenario.baseline.likelihood, own, Dimension.LIKELIHOOD)
        impact = _dimension_score(scenario.baseline.impact, own, Dimension.IMPACT)
        scores.append(
            ScenarioScore(
                scenario.id, likelihood, impact, model.level(likelihood, impact), tuple(own)
            )
        )
    return scores


def _dimension_score(baseline: int, reasons: list[Reason], dimension: Dimension) -> int:
    floor = baseline
    added = 0
    for reason in reasons:
        if reason.dimension is not dimension:
            continue
        if reason.at_least is not None:
            floor = max(floor, reason.at_least)
        else:
            added += reason.add or 0
    return clamp(floor + added)
