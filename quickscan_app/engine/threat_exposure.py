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

from quickscan_app.domain.risk import Dimension, Factor, RiskModel, Scenario

ADDITIONS_CEILING = 4
"""Impact additions stop here; 5 needs a floor."""


@dataclass(frozen=True)
class GroupScore:
    """One cause group's points for one scenario: all its rules (raw) and what counts (capped)."""

    group_id: str
    factor: Factor
    raw: int
    counted: int


@dataclass(frozen=True)
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

    @property
    def open_technical_path(self) -> bool:
        return self.technical_points > 0


class Contribution:
    """The part of a reason the combination reads (duck-typed: engine.scoring.Reason fits)."""

    group: str | None
    dimension: Dimension
    add: int | None
    at_least: int | None


def combine(
    model: RiskModel, scenario: Scenario, reasons: Sequence[Contribution]
) -> tuple[int, int, Factors]:
    """Likelihood, impact and the factors behind them for one scenario's fired reasons."""
    groups = model.group_by_id
    raw_by_group: dict[str, int] = {}
    likelihood_floor = scenario.baseline.likelihood
    impact_floor = scenario.baseline.impact
    raw_likelihood = raw_impact = 0
    for reason in reasons:
        if reason.at_least is not None:
            if reason.dimension is Dimension.LIKELIHOOD:
                likelihood_floor = max(likelihood_floor, reason.at_least)
            else:
                impact_floor = max(impact_floor, reason.at_least)
            continue
        points = reason.add or 0
        assert reason.group is not None
        raw_by_group[reason.group] = raw_by_group.get(reason.group, 0) + points
        if reason.dimension is Dimension.LIKELIHOOD:
            raw_likelihood += points
        else:
            raw_impact += points
    sums = dict.fromkeys(Factor, 0)
    widest = technical = 0
    scored = []
    for group_id, raw in raw_by_group.items():
        group = groups[group_id]
        counted = min(group.cap, raw)
        sums[group.factor] += counted
        if group.factor is Factor.EXPOSURE:
            widest = max(widest, counted)
        if group.technical:
            technical += counted
        scored.append(GroupScore(group_id, group.factor, raw, counted))
    threat = 1 + min(4, sums[Factor.THREAT])
    # The widest route decides; further routes or missing controls add one step, only where
    # there is a route at all.
    others = sums[Factor.EXPOSURE] - widest
    step = widest > 0 and (
        others >= model.other_routes_step_points
        or sums[Factor.CONTROL] >= model.control_step_points
    )
    exposure = 1 + min(4, widest + int(step))
    assert model.likelihood_grid is not None
    likelihood = max(model.likelihood_grid[threat - 1][exposure - 1], likelihood_floor)
    added = 0
    if impact_floor < ADDITIONS_CEILING:
        added = min(model.impact_add_cap, sums[Factor.IMPACT], ADDITIONS_CEILING - impact_floor)
    impact = min(5, impact_floor + added)
    factors = Factors(
        threat=threat,
        exposure=exposure,
        control_points=sums[Factor.CONTROL],
        control_step=step,
        technical_points=technical,
        likelihood_floor=likelihood_floor,
        impact_floor=impact_floor,
        impact_added=added,
        raw_likelihood_points=raw_likelihood,
        raw_impact_points=raw_impact,
        groups=tuple(sorted(scored, key=lambda g: (list(Factor).index(g.factor), -g.counted))),
    )
    return min(5, likelihood), impact, factors


def path_floor(model: RiskModel, factors: Factors) -> int:
    """The likelihood an open route implies whoever might use it: the grid at threat 1."""
    assert model.likelihood_grid is not None
    return model.likelihood_grid[0][factors.exposure - 1]
