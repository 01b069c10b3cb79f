"""Proposing measures for the risks found, and the residual risk of a chosen set."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from quickscan_app.domain.answers import Answers
from quickscan_app.domain.measures import Measure, MeasureCatalogue, Mitigation
from quickscan_app.domain.risk import Level, RiskModel
from quickscan_app.engine.conditions import holds
from quickscan_app.engine.scoring import ScenarioScore, clamp


class ProposalKind(StrEnum):
    """Why a measure is proposed, in the order proposals are listed."""

    DIRECT = "direct"
    """It removes or narrows a cause that fired: it changes an answer the risk rests on."""
    SUPPORTING = "supporting"
    """A clause, criterion, check or consultation: a bounded step, no answer changes."""
    OBLIGATION = "obligation"
    """Required for every such contract (BIO2) and not yet arranged: a to-do."""


@dataclass(frozen=True)
class Proposal:
    measure_id: str
    reduction: int
    """Risk points (likelihood × impact, summed over scenarios) this measure alone takes away."""
    scenario_ids: tuple[str, ...]
    kind: ProposalKind = ProposalKind.SUPPORTING
    core: bool = True
    """In the short list; the others are shown behind "more"."""
    alternatives: tuple[str, ...] = ()
    """Proposed measures that do the same job another way: at most one of them in a plan."""


@dataclass(frozen=True)
class ResidualScore:
    scenario_id: str
    likelihood: int
    impact: int
    level: Level
    measure_ids: tuple[str, ...]

    @property
    def points(self) -> int:
        return self.likelihood * self.impact


def propose(
    catalogue: MeasureCatalogue,
    inherent: list[ScenarioScore],
    effective: Answers,
) -> list[Proposal]:
    """Measures whose trigger holds, ranked by the risk they take away (largest first)."""
    by_scenario = {s.scenario_id: s for s in inherent}
    proposals = []
    for measure in catalogue.measures:
        rule = measure.proposed_when
        hit = [
            m.scenario
            for m in measure.mitigates
            if by_scenario[m.scenario].level.at_least(rule.min_level)
        ]
        if not hit:
            continue
        if rule.condition is not None and not holds(rule.condition, effective):
            continue
        reduction = sum(_points_taken(by_scenario[m.scenario], m) for m in measure.mitigates)
        if reduction > 0:
            proposals.append(Proposal(measure.id, reduction, tuple(hit)))
    proposals.sort(key=lambda p: (-p.reduction, -len(p.scenario_ids), p.measure_id))
    return proposals


def _points_taken(score: ScenarioScore, mitigation: Mitigation) -> int:
    """Likelihood × impact this one mitigation takes from the inherent score."""
    likelihood = clamp(score.likelihood - mitigation.likelihood)
    impact = clamp(score.impact - mitigation.impact)
    return score.points - likelihood * impact


def residual(
    model: RiskModel, inherent: list[ScenarioScore], measures: Iterable[Measure]
) -> list[ResidualScore]:
    """Inherent scores lowered by the chosen measures' steps, never below 1."""
    steps: dict[str, list[int]] = {s.scenario_id: [0, 0] for s in inherent}
    applied: dict[str, list[str]] = {s.scenario_id: [] for s in inherent}
    for measure in measures:
        for mitigation in measure.mitigates:
            steps[mitigation.scenario][0] += mitigation.likelihood
            steps[mitigation.scenario][1] += mitigation.impact
            applied[mitigation.scenario].append(measure.id)
    result = []
    for score in inherent:
        down_l, down_i = steps[score.scenario_id]
        likelihood = clamp(score.likelihood - down_l)
        impact = clamp(score.impact - down_i)
        result.append(
            ResidualScore(
                score.scenario_id,
                likelihood,
                impact,
                model.level(likelihood, impact),
                tuple(applied[score.scenario_id]),
            )
        )
    return result
