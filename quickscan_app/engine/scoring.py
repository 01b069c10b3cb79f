"""Scoring scenarios from answers, with the reasons behind every step."""

from __future__ import annotations

from dataclasses import dataclass

from quickscan_app.domain.answers import Answers, AnswerValue
from quickscan_app.domain.questionnaire import UNKNOWN
from quickscan_app.domain.risk import Dimension, Level, Method, RiskModel, Rule
from quickscan_app.domain.text import LocalText
from quickscan_app.engine.conditions import holds, matched_questions
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
            AnswerCited(q, given[q], effective[q])
            for q in dict.fromkeys(matched_questions(rule.when, effective))
            if q in effective
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
    its kind (same group, same factor, or a floor of the same height) does and it is the
    strongest of them; where several causes each suffice alone, the strongest of each kind.
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

    def leader(members: list[int]) -> int:
        # The strongest; among equals an answered reason before one resting on "unknown".
        def strength(i: int) -> tuple[int, int, bool, int]:
            reason = reasons[i]
            return (counted.get(reason.group or "", 0), reason.weight, not _assumed(reason), -i)

        return max(members, key=strength)

    counts = [changes({i}) for i in range(len(reasons))]
    for members in kinds.values():
        if changes(set(members)):
            counts[leader(members)] = True
    # More than one cause that suffices alone (a floor and the grid both at 5): none changes
    # the score when left out, yet the score is there. Show the strongest of each kind.
    for dimension, value, base in (
        (Dimension.LIKELIHOOD, score.likelihood, scenario.baseline.likelihood),
        (Dimension.IMPACT, score.impact, scenario.baseline.impact),
    ):
        mine = [i for i, r in enumerate(reasons) if r.dimension is dimension]
        if value > base and mine and not any(counts[i] for i in mine):
            for key, members in kinds.items():
                own = [i for i in members if i in mine]
                if own and (key[0] != "floor" or key[2] == value) and key[0] != "group":
                    counts[leader(own)] = True
    return counts


def _assumed(reason: Reason) -> bool:
    return any(a.unknown for a in reason.answers)


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
