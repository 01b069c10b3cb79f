"""The risk model: scenarios, 1–5 scales, the 5×5 grid and the rules that move risk."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, model_validator

from quickscan_app.domain.conditions import Condition
from quickscan_app.domain.text import ContentRef, Identifier, LocalText, Strict, Version

ScaleValue = Annotated[int, Field(ge=1, le=5, strict=True)]
SCALE = range(1, 6)


class Level(StrEnum):
    """Risk levels, in rising order. Ids stay English; labels come from the risk model."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    VERY_HIGH = "very_high"

    @property
    def rank(self) -> int:
        return _LEVEL_RANK[self]

    def at_least(self, other: Level) -> bool:
        return self.rank >= other.rank


_LEVEL_RANK = {level: rank for rank, level in enumerate(Level)}


class Dimension(StrEnum):
    LIKELIHOOD = "likelihood"
    IMPACT = "impact"


class Method(StrEnum):
    """How rules combine into a score.

    ``additive`` (version 1): baseline, raised to the highest floor, plus every addition.
    ``threat_exposure`` (version 2): rules in cause groups that count once; likelihood is
    looked up from threat (who might act) and exposure (how they reach the equipment), then
    missing controls add at most one step; impact comes only from what is at stake.
    """

    ADDITIVE = "additive"
    THREAT_EXPOSURE = "threat_exposure"


class Factor(StrEnum):
    """What a group of rules describes (threat_exposure method)."""

    THREAT = "threat"
    EXPOSURE = "exposure"
    CONTROL = "control"
    IMPACT = "impact"

    @property
    def dimension(self) -> Dimension:
        return Dimension.IMPACT if self is Factor.IMPACT else Dimension.LIKELIHOOD


class RuleGroup(Strict):
    """Rules that describe one cause: together they add at most ``cap`` points per scenario."""

    id: Identifier
    factor: Factor
    cap: Annotated[int, Field(ge=1, le=4, strict=True)]
    title: LocalText
    technical: bool = False
    """An exposure group that is a technical access path (network, remote, data, updates)."""
    no_paper_credit: tuple[Identifier, ...] = ()
    """Scenarios on which, when this group fires, measures that change no answer take no step:
    a clause cannot bind a supplier that a law compels to act and to keep silent."""


class ThreatActor(StrEnum):
    STATE = "state"
    CRIMINAL = "criminal"
    INSIDER = "insider"
    SUPPLIER_FAILURE = "supplier_failure"


class Cia(StrEnum):
    CONFIDENTIALITY = "confidentiality"
    INTEGRITY = "integrity"
    AVAILABILITY = "availability"


class AbcGoal(StrEnum):
    """Customs' strategic goals: Afdracht, Bescherming, Concurrentiepositie."""

    A = "A"
    B = "B"
    C = "C"


class LevelLabel(Strict):
    id: Level
    label: LocalText


class ScalePoint(Strict):
    value: ScaleValue
    label: LocalText
    description: LocalText | None = None


class Baseline(Strict):
    likelihood: ScaleValue = 1
    impact: ScaleValue = 1


class Scenario(Strict):
    id: Identifier
    title: LocalText
    description: LocalText
    threat_actors: tuple[ThreatActor, ...] = Field(min_length=1)
    cia: tuple[Cia, ...] = Field(min_length=1)
    abc_goals: tuple[AbcGoal, ...] = ()
    baseline: Baseline = Baseline()
    needs_threat: bool = False
    """threat_exposure: without any threat rule firing, likelihood stays at its baseline (state
    influence needs a state behind the supplier, whatever its access)."""


class Effect(Strict):
    """What a rule does to one scenario's likelihood or impact. Never lowers it."""

    scenario: Identifier
    dimension: Dimension
    add: Annotated[int, Field(ge=1, le=4, strict=True)] | None = None
    at_least: ScaleValue | None = None

    @model_validator(mode="after")
    def _one_effect(self) -> Effect:
        if (self.add is None) == (self.at_least is None):
            raise ValueError("an effect needs exactly one of 'add' (1..4) or 'at_least' (1..5)")
        return self


class Rule(Strict):
    id: Identifier
    when: Condition
    effects: tuple[Effect, ...] = Field(min_length=1)
    reason: LocalText
    group: Identifier | None = None
    """The cause group (threat_exposure method; required there)."""

    @cached_property
    def question_ids(self) -> tuple[str, ...]:
        """The questions the condition reads, each once, in order: the answers a reason cites."""
        return tuple(dict.fromkeys(self.when.questions()))


class LevelCondition(Strict):
    """Holds when any of the scenarios (all when none are named) is at least this level."""

    scenarios: tuple[Identifier, ...] = ()
    at_least: Level


class Escalation(Strict):
    id: Identifier
    title: LocalText
    reason: LocalText
    when: Condition | None = None
    when_level: LevelCondition | None = None

    @model_validator(mode="after")
    def _has_trigger(self) -> Escalation:
        if self.when is None and self.when_level is None:
            raise ValueError("an escalation needs 'when', 'when_level' or both")
        return self


class RiskModel(Strict):
    kind: Literal["risk_model"] = "risk_model"
    id: Identifier
    version: Version
    questionnaire: ContentRef
    method: Method = Method.ADDITIVE
    likelihood_grid: tuple[tuple[ScaleValue, ...], ...] | None = None
    """threat_exposure: likelihood_grid[threat - 1][exposure - 1] -> likelihood."""
    control_step_points: Annotated[int, Field(ge=1, le=10, strict=True)] = 2
    """threat_exposure: missing-control points that widen exposure by its one step."""
    other_routes_step_points: Annotated[int, Field(ge=1, le=10, strict=True)] = 2
    """threat_exposure: points of the routes besides the widest that add one exposure step."""
    impact_add_cap: Annotated[int, Field(ge=0, le=2, strict=True)] = 1
    """threat_exposure: at most this many impact steps from additions, never above 4."""
    groups: tuple[RuleGroup, ...] = ()
    levels: tuple[LevelLabel, ...]
    likelihood_scale: tuple[ScalePoint, ...]
    impact_scale: tuple[ScalePoint, ...]
    grid: tuple[tuple[Level, ...], ...]
    scenarios: tuple[Scenario, ...] = Field(min_length=1)
    rules: tuple[Rule, ...] = Field(min_length=1)
    escalations: tuple[Escalation, ...] = ()

    @model_validator(mode="after")
    def _complete(self) -> RiskModel:
        if [lv.id for lv in self.levels] != list(Level):
            raise ValueError("levels must be exactly low, medium, high, very_high in that order")
        for name in ("likelihood_scale", "impact_scale"):
            values = [p.value for p in getattr(self, name)]
            if values != list(SCALE):
                raise ValueError(f"{name} must have the values 1, 2, 3, 4, 5 in order")
        if len(self.grid) != 5 or any(len(row) != 5 for row in self.grid):
            raise ValueError("grid must have 5 rows (likelihood 1..5) of 5 levels (impact 1..5)")
        if self.method is Method.THREAT_EXPOSURE:
            grid = self.likelihood_grid
            if grid is None or len(grid) != 5 or any(len(row) != 5 for row in grid):
                raise ValueError(
                    "method threat_exposure needs likelihood_grid: 5 rows (threat 1..5) "
                    "of 5 likelihoods (exposure 1..5)"
                )
        return self

    @property
    def key(self) -> tuple[str, int]:
        return (self.id, self.version)

    def level(self, likelihood: int, impact: int) -> Level:
        return self.grid[likelihood - 1][impact - 1]

    def level_label(self, level: Level) -> LocalText:
        return self._labels[level]

    @cached_property
    def _labels(self) -> dict[Level, LocalText]:
        return {lv.id: lv.label for lv in self.levels}

    @cached_property
    def scenario_by_id(self) -> dict[str, Scenario]:
        return {s.id: s for s in self.scenarios}

    @cached_property
    def group_by_id(self) -> dict[str, RuleGroup]:
        return {g.id: g for g in self.groups}
