"""Scoring method ``threat_exposure`` (risk model version 2).

Rules sit in cause groups; a group adds at most its cap per scenario, however many of its rules
fire. Likelihood is looked up from threat (who might act: the sum of the threat groups) and
exposure (how they can reach the equipment or its data: the widest route, and one step more
when other routes add up or general controls are missing, only where there is a route at all);
floors set by rules apply last. Impact is the highest floor of what is at stake plus a bounded
addition that never lifts it above 4: impact 5 comes only from a floor (national-security tasks,
classified information).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from quickscan_app.domain.risk import Dimension, Factor, RiskModel, Scenario

if TYPE_CHECKING:
    from quickscan_app.engine.scoring import Reason

ADDITIONS_CEILING = 4
"""Impact additions stop here; 5 needs a floor."""


@dataclass(frozen=True, slots=True)
class GroupScore:
    """One cause group's points for one scenario: all its rules (raw) and what counts (capped)."""

    group_id: str
    factor: Factor
    raw: int
    counted: int


@dataclass(frozen=True, slots=True)
class Factors:
    """How a scenario's likelihood and impact came about (threat_exposure method)."""

    threat: int
    exposure: int
    control_points: int
    control_step: bool
    """Further routes or missing controls widened exposure by its one step."""
    technical_points: int
    """Counted exposure points of technical access paths (network, remote, data, updates)."""
    likelihood_floor: int
    impact_floor: int
    impact_added: int
    raw_likelihood_points: int
    """Every likelihood point of every fired rule, before any group cap or scale limit."""
    raw_impact_points: int
    groups: tuple[GroupScore, ...]
    """In the order the rules fired; presenters sort them for reading."""

    @property
    def open_technical_path(self) -> bool:
        return self.technical_points > 0


@dataclass(frozen=True, slots=True)
class Contribution:
    """The part of a reason the combination reads (engine.scoring.Reason has the same fields)."""

    group: str | None
    dimension: Dimension
    add: int | None
    at_least: int | None


def contributions(model: RiskModel) -> dict[str, list[tuple[str, Contribution]]]:
    """Per scenario: (rule id, what the rule adds) for every rule that can move it."""
    found: dict[str, list[tuple[str, Contribution]]] = {s.id: [] for s in model.scenarios}
    for rule in model.rules:
        for effect in rule.effects:
            found[effect.scenario].append(
                (rule.id, Contribution(rule.group, effect.dimension, effect.add, effect.at_least))
            )
    return found


_LIKELIHOOD = Dimension.LIKELIHOOD
_THREAT, _EXPOSURE, _CONTROL = Factor.THREAT, Factor.EXPOSURE, Factor.CONTROL


def combine(
    model: RiskModel, scenario: Scenario, reasons: Sequence[Contribution | Reason]
) -> tuple[int, int, Factors]:
    """Likelihood, impact and the factors behind them for one scenario's fired reasons."""
    groups = model.group_by_id
    raw_by_group: dict[str, int] = {}
    baseline = scenario.baseline
    likelihood_floor, impact_floor = baseline.likelihood, baseline.impact
    raw_likelihood = raw_impact = 0
    for reason in reasons:
        floor = reason.at_least
        if floor is not None:
            if reason.dimension is _LIKELIHOOD:
                likelihood_floor = max(likelihood_floor, floor)
            else:
                impact_floor = max(impact_floor, floor)
            continue
        points = reason.add or 0
        group_id = reason.group or ""
        raw_by_group[group_id] = raw_by_group.get(group_id, 0) + points
        if reason.dimension is _LIKELIHOOD:
            raw_likelihood += points
        else:
            raw_impact += points
    threat_sum = exposure_sum = control_sum = impact_sum = 0
    widest = technical = 0
    scored = []
    for group_id, raw in raw_by_group.items():
        group = groups[group_id]
        counted = group.cap if raw > group.cap else raw
        factor = group.factor
        if factor is _EXPOSURE:
            exposure_sum += counted
            widest = max(widest, counted)
        elif factor is _THREAT:
            threat_sum += counted
        elif factor is _CONTROL:
            control_sum += counted
        else:
            impact_sum += counted
        if group.technical:
            technical += counted
        scored.append(GroupScore(group_id, factor, raw, counted))
    threat = 1 + min(4, threat_sum)
    # The widest route decides; further routes or missing controls add one step, only where
    # there is a route at all.
    step = widest > 0 and (
        exposure_sum - widest >= model.other_routes_step_points
        or control_sum >= model.control_step_points
    )
    exposure = 1 + min(4, widest + step)
    grid = model.likelihood_grid
    assert grid is not None
    looked_up = grid[threat - 1][exposure - 1]
    if scenario.needs_threat and threat_sum == 0:
        looked_up = baseline.likelihood
    likelihood = max(looked_up, likelihood_floor)
    added = 0
    if impact_floor < ADDITIONS_CEILING:
        added = min(model.impact_add_cap, impact_sum, ADDITIONS_CEILING - impact_floor)
    impact = min(5, impact_floor + added)
    factors = Factors(
        threat, exposure, control_sum, step, technical, likelihood_floor, impact_floor, added,
        raw_likelihood, raw_impact, tuple(scored),
    )  # fmt: skip
    return min(5, likelihood), impact, factors


def path_floor(model: RiskModel, factors: Factors) -> int:
    """The likelihood an open route implies whoever might use it: the grid at threat 1."""
    assert model.likelihood_grid is not None
    return model.likelihood_grid[0][factors.exposure - 1]
