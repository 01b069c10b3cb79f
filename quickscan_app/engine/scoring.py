"""Scoring scenarios from answers, with the reasons behind every step."""

from __future__ import annotations

from dataclasses import dataclass

from quickscan_app.domain.answers import Answers, AnswerValue
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.domain.risk import Dimension, Level, Method, RiskModel, Rule
from quickscan_app.domain.text import LocalText
from quickscan_app.engine.conditions import holds
from quickscan_app.engine.threat_exposure import Factors, combine


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
    group: str | None = None
    """The cause group (risk model version 2)."""

    @property
    def effect(self) -> str:
        return f"+{self.add}" if self.add is not None else f">={self.at_least}"

    @property
    def weight(self) -> int:
        """How strongly it pushes: a floor counts as its level, an addition as its points."""
        return self.at_least if self.at_least is not None else (self.add or 0)


@dataclass(frozen=True)
class ScenarioScore:
    scenario_id: str
    likelihood: int
    impact: int
    level: Level
    reasons: tuple[Reason, ...]
    factors: Factors | None = None
    """Threat, exposure, controls and the raw points (risk model version 2)."""

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
    """Score every scenario from the fired rules, by the model's method."""
    reasons: dict[str, list[Reason]] = {s.id: [] for s in model.scenarios}
    for rule in fired:
        cited = tuple(
            AnswerCited(q, given[q], effective[q]) for q in rule.question_ids if q in effective
        )
        for effect in rule.effects:
            reasons[effect.scenario].append(
                Reason(
                    rule.id,
                    effect.dimension,
                    effect.add,
                    effect.at_least,
                    rule.reason,
                    cited,
                    rule.group,
                )
            )
    scores = []
    for scenario in model.scenarios:
        own = reasons[scenario.id]
        factors = None
        if model.method is Method.THREAT_EXPOSURE:
            likelihood, impact, factors = combine(model, scenario, own)
        else:
            likelihood = _dimension_score(scenario.baseline.likelihood, own, Dimension.LIKELIHOOD)
            impact = _dimension_score(scenario.baseline.impact, own, Dimension.IMPACT)
        scores.append(
            ScenarioScore(
                scenario.id,
                likelihood,
                impact,
                model.level(likelihood, impact),
                tuple(own),
                factors,
            )
        )
    return scores


def reason_counts(model: RiskModel, score: ScenarioScore) -> list[bool]:
    """Per reason of ``score``: does it count for the scenario's likelihood or impact?

    A reason counts when leaving it out changes the score, or when leaving out every reason of
    its kind (same group, or a floor of the same height) does and it is the strongest of them.
    What changes nothing (a group already at its cap, threat already at 5, a lower floor) is
    folded away in the explanation. The additive method (version 1) counts every reason.
    """
    if score.factors is None:
        return [True] * len(score.reasons)
    scenario = model.scenario_by_id[score.scenario_id]
    here = (score.likelihood, score.impact)
    reasons = score.reasons

    def changes(left_out: set[int]) -> bool:
        rest = [r for i, r in enumerate(reasons) if i not in left_out]
        likelihood, impact, _ = combine(model, scenario, rest)
        return (likelihood, impact) != here

    counted = {g.group_id: g.counted for g in score.factors.groups}
    factor_of = {g.group_id: g.factor for g in score.factors.groups}
    kinds: dict[tuple[object, ...], list[int]] = {}
    for i, reason in enumerate(reasons):
        if reason.at_least is not None:
            kinds.setdefault(("floor", reason.dimension, reason.at_least), []).append(i)
        else:
            kinds.setdefault(("group", reason.group), []).append(i)
            kinds.setdefault(("factor", factor_of[reason.group or ""]), []).append(i)
    leaders = set()
    for members in kinds.values():
        if changes(set(members)):
            leaders.add(
                max(members, key=lambda i: (counted.get(reasons[i].group or "", 0),
                                            reasons[i].weight, -i))
            )  # fmt: skip
    return [i in leaders or changes({i}) for i in range(len(reasons))]


def strongest_first(model: RiskModel, score: ScenarioScore) -> list[tuple[Reason, bool]]:
    """The reasons with whether each counts: those that count first, strongest first."""
    pairs = list(zip(score.reasons, reason_counts(model, score), strict=True))
    order = {Dimension.LIKELIHOOD: 0, Dimension.IMPACT: 1}
    pairs.sort(key=lambda p: (not p[1], order[p[0].dimension], -p[0].weight))
    return pairs


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
