"""The whole quickscan outcome for one set of answers: the engine's single entry point."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from quickscan_app.domain.answers import Answers, AnswerValue, is_unknown
from quickscan_app.domain.library import Library
from quickscan_app.domain.risk import Escalation, Level, Method, RiskModel
from quickscan_app.engine.conditions import effective_answers, holds, is_answered
from quickscan_app.engine.measure_effects import propose_v2, residual_v2
from quickscan_app.engine.proposals import (
    Proposal,
    ProposalKind,
    ResidualScore,
    propose,
    residual,
)
from quickscan_app.engine.rescoring import Rescorer
from quickscan_app.engine.scoring import ScenarioScore, fired_rules, score_scenarios

FULL_ANALYSIS_FROM = Level.HIGH


class UnknownMeasureError(ValueError):
    """A chosen measure id that is not in the catalogue."""


@dataclass(frozen=True)
class OpenPoint:
    """A visible question answered "unknown": scored as its worst credible answer."""

    question_id: str
    section_id: str
    assumed: AnswerValue


@dataclass(frozen=True)
class Assessment:
    visible: tuple[str, ...]
    open_required: tuple[str, ...]
    open_points: tuple[OpenPoint, ...]
    scenarios: tuple[ScenarioScore, ...]
    overall_level: Level
    full_risk_analysis_required: bool
    escalations: tuple[Escalation, ...]
    residual: tuple[ResidualScore, ...] | None
    residual_level: Level | None
    _proposals: Callable[[], list[Proposal]] = field(repr=False, compare=False)
    _assumptions: Callable[[], dict[str, tuple[str, ...]]] = field(repr=False, compare=False)
    _residual_of: Callable[[list[str]], list[ResidualScore]] = field(repr=False, compare=False)

    @property
    def complete(self) -> bool:
        return not self.open_required

    @cached_property
    def proposals(self) -> tuple[Proposal, ...]:
        """Measures that fit the case, ranked. Worked out when first asked for: scoring a
        dossier (the wizard, overviews, the risk cache) does not pay for it."""
        return tuple(self._proposals())

    @cached_property
    def direct_bundle(self) -> tuple[tuple[str, ...], tuple[ResidualScore, ...]]:
        """The short list's direct fixes together, and the residual risk they leave: one fix
        may change nothing alone while another route as wide stays open."""
        ids = [
            p.measure_id for p in self.proposals if p.core and p.kind is ProposalKind.DIRECT
        ]
        return tuple(ids), tuple(self._residual_of(ids)) if ids else ()

    @cached_property
    def assumed_escalations(self) -> dict[str, tuple[str, ...]]:
        """Escalation id -> the questions answered "unknown" it rests on: without the assumed
        worst case it would not fire. Shown as an assumption to check, not as a fact."""
        return self._assumptions()


def assess(library: Library, answers: Answers, chosen: Sequence[str] | None = None) -> Assessment:
    """Score normalised answers; with ``chosen`` measure ids, also the residual risk."""
    questionnaire, model, catalogue = library.questionnaire, library.risk_model, library.catalogue
    effective, visible = effective_answers(questionnaire, answers)
    by_id = questionnaire.by_id
    open_required = tuple(
        q for q in visible if by_id[q].required and not is_answered(effective.get(q))
    )
    open_points = tuple(
        OpenPoint(q, questionnaire.section_of[q], effective[q])
        for q in visible
        if q in effective and is_unknown(answers[q])
    )
    scenarios = score_scenarios(model, fired_rules(model, effective), answers, effective)
    overall = _highest(s.level for s in scenarios)
    v2 = model.method is Method.THREAT_EXPOSURE
    scorer = Rescorer(library, answers, effective, visible, scenarios).score

    def proposals() -> list[Proposal]:
        if v2:
            return propose_v2(library, scenarios, answers, effective, scorer)
        return propose(catalogue, scenarios, effective)

    def residual_of(ids: Sequence[str]) -> list[ResidualScore]:
        measures = [catalogue.by_id[m] for m in dict.fromkeys(ids)]
        if v2:
            return residual_v2(model, scenarios, answers, questionnaire, measures, scorer)
        return residual(model, scenarios, measures)

    rest: list[ResidualScore] | None = None
    if chosen is not None:
        missing = [m for m in chosen if m not in catalogue.by_id]
        if missing:
            raise UnknownMeasureError(f"no such measure: {', '.join(missing)}")
        rest = residual_of(chosen)
    escalations = _escalations(model, scenarios, effective)
    return Assessment(
        visible=tuple(visible),
        open_required=open_required,
        open_points=open_points,
        scenarios=tuple(scenarios),
        overall_level=overall,
        full_risk_analysis_required=overall.at_least(FULL_ANALYSIS_FROM),
        escalations=tuple(escalations),
        residual=tuple(rest) if rest is not None else None,
        residual_level=_highest(r.level for r in rest) if rest is not None else None,
        _proposals=proposals,
        _assumptions=lambda: _assumptions(library, escalations, answers, open_points),
        _residual_of=residual_of,
    )


def _scorer(library: Library):  # type: ignore[no-untyped-def]
    """Scores answers as they would be: what a measure's guarantees are compared with."""
    questionnaire, model = library.questionnaire, library.risk_model

    def score(answers: Answers) -> list[ScenarioScore]:
        effective, _ = effective_answers(questionnaire, answers)
        return score_scenarios(model, fired_rules(model, effective), answers, effective)

    return score


def _assumptions(
    library: Library,
    fired: list[Escalation],
    answers: Answers,
    open_points: tuple[OpenPoint, ...],
) -> dict[str, tuple[str, ...]]:
    """Escalations that fire only because "unknown" is scored as the worst case."""
    if not fired or not open_points:
        return {}
    unknown = [p.question_id for p in open_points]
    known = {q: v for q, v in answers.items() if q not in set(unknown)}
    effective, _ = effective_answers(library.questionnaire, known)
    model = library.risk_model
    without = {e.id for e in _escalations(model, _scorer(library)(known), effective)}
    result = {}
    for escalation in fired:
        if escalation.id in without:
            continue
        read = set(escalation.when.questions()) if escalation.when is not None else set()
        if escalation.when_level is not None or not read:
            read = set(unknown)
        result[escalation.id] = tuple(q for q in unknown if q in read) or tuple(unknown)
    return result


def _highest(levels) -> Level:
    return max(levels, key=lambda level: level.rank, default=Level.LOW)


def _escalations(
    model: RiskModel, scenarios: list[ScenarioScore], effective: Answers
) -> list[Escalation]:
    fired = []
    for escalation in model.escalations:
        by_answer = escalation.when is not None and holds(escalation.when, effective)
        by_level = False
        if escalation.when_level is not None:
            names = set(escalation.when_level.scenarios)
            by_level = any(
                s.level.at_least(escalation.when_level.at_least)
                for s in scenarios
                if not names or s.scenario_id in names
            )
        if by_answer or by_level:
            fired.append(escalation)
    return fired
