"""Measures that act on causes (risk model version 2).

A measure that guarantees a control the questionnaire asks about acts through those answers:
its residual is the score of the answers with the guarantees in place. A measure that changes no
answer (a clause, a criterion, a check, a consultation) takes at most one likelihood step off a
scenario, however many such measures a plan holds; never below what an open route implies at the
lowest threat, and never below medium while a technical access path stays open. Impact falls
only through a guaranteed answer (fallback, diversification, data that no longer leaves).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quickscan_app.domain.answers import Answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.measures import Measure
from quickscan_app.domain.questionnaire import UNKNOWN, Questionnaire, QuestionType
from quickscan_app.domain.risk import Level, RiskModel
from quickscan_app.engine.conditions import holds
from quickscan_app.engine.proposals import Proposal, ProposalKind, ResidualScore
from quickscan_app.engine.scoring import ScenarioScore
from quickscan_app.engine.threat_exposure import path_floor

CORE_SIZE = 15
"""Proposals in the short list; the rest are behind "more"."""

Scorer = Callable[[Answers], list[ScenarioScore]]


def apply_guarantees(
    questionnaire: Questionnaire, answers: Answers, measures: Sequence[Measure]
) -> Answers:
    """The answers as they are once these measures are in place."""
    result = dict(answers)
    for measure in measures:
        for guarantee in measure.guarantees:
            question = questionnaire.by_id[guarantee.question]
            current = result.get(question.id)
            if current == UNKNOWN:
                current = question.unknown_as
            if guarantee.answer is not None:
                if current in guarantee.keeps:
                    continue
                value = guarantee.answer
                if question.type is QuestionType.MULTIPLE_CHOICE:
                    value = list(value) if isinstance(value, list | tuple) else [value]
                result[question.id] = value
            elif guarantee.without is not None:
                if isinstance(current, list):
                    result[question.id] = [o for o in current if o not in guarantee.without]
            elif guarantee.at_most is not None and isinstance(current, int | float):
                capped = min(current, guarantee.at_most)
                result[question.id] = int(capped) if float(capped).is_integer() else capped
    return result


def measure_scenarios(library: Library, measure: Measure) -> tuple[str, ...]:
    """The scenarios a measure can act on: those it steps down, and those whose rules read an
    answer it guarantees; in the risk model's order."""
    if not measure.guarantees:
        return tuple(m.scenario for m in measure.mitigates)
    guaranteed = {g.question for g in measure.guarantees}
    hit = {m.scenario for m in measure.mitigates}
    for rule in library.risk_model.rules:
        if guaranteed.intersection(rule.question_ids):
            hit.update(e.scenario for e in rule.effects)
    return tuple(s.id for s in library.risk_model.scenarios if s.id in hit)


def counted_measures(measures: Sequence[Measure]) -> list[Measure]:
    """The plan's measures that count: of alternatives, only the first chosen."""
    taken: list[Measure] = []
    excluded: set[str] = set()
    for measure in measures:
        if measure.id in excluded:
            continue
        taken.append(measure)
        excluded.update(measure.alternatives)
    return taken


def residual_v2(
    model: RiskModel,
    inherent: list[ScenarioScore],
    answers: Answers,
    questionnaire: Questionnaire,
    measures: Sequence[Measure],
    scorer: Scorer,
) -> list[ResidualScore]:
    """Re-score with the guarantees in place, then the bounded step of paper measures."""
    counted = counted_measures(measures)
    acting = [m for m in counted if m.guarantees]
    scores = scorer(apply_guarantees(questionnaire, answers, acting)) if acting else inherent
    by_scenario = {s.scenario_id: s for s in inherent}
    result = []
    for score in scores:
        before = by_scenario[score.scenario_id]
        changed_by: list[str] = []
        if (before.likelihood, before.impact) != (score.likelihood, score.impact):
            cited = {a.question_id for r in before.reasons for a in r.answers}
            changed_by = [m.id for m in acting if any(g.question in cited for g in m.guarantees)]
        paper = [
            m.id
            for m in counted
            if not m.guarantees and any(x.scenario == score.scenario_id for x in m.mitigates)
        ]
        likelihood = _paper_step(model, score) if paper else score.likelihood
        used = [*changed_by, *paper] if likelihood != score.likelihood else changed_by
        result.append(
            ResidualScore(
                score.scenario_id,
                likelihood,
                score.impact,
                model.level(likelihood, score.impact),
                tuple(dict.fromkeys(used)),
            )
        )
    return result


def _paper_step(model: RiskModel, score: ScenarioScore) -> int:
    """One likelihood step, if the open route, the medium floor and the threat allow it."""
    assert score.factors is not None
    groups = model.group_by_id
    if any(score.scenario_id in groups[g.group_id].no_paper_credit for g in score.factors.groups):
        return score.likelihood
    lowered = max(1, score.likelihood - 1, path_floor(model, score.factors))
    if (
        score.factors.open_technical_path
        and score.level.at_least(Level.MEDIUM)
        and not model.level(lowered, score.impact).at_least(Level.MEDIUM)
    ):
        return score.likelihood
    return lowered


def propose_v2(
    library: Library,
    inherent: list[ScenarioScore],
    answers: Answers,
    effective: Answers,
    scorer: Scorer,
) -> list[Proposal]:
    """Measures that fit this case, direct fixes of fired causes first, then by reduction.

    A measure that guarantees answers is a direct fix when it takes points off a cause that
    fired on a scenario at ``min_level`` or above, even where another route as wide keeps the
    score where it is (then only a combination lowers it; the reduction says so honestly).
    """
    model, questionnaire = library.risk_model, library.questionnaire
    by_scenario = {s.scenario_id: s for s in inherent}
    found: list[Proposal] = []
    cut: dict[str, int] = {}
    """Counted cause points a direct fix removes: ranks fixes that change nothing alone."""
    for measure in library.catalogue.measures:
        rule = measure.proposed_when
        if rule.condition is not None and not holds(rule.condition, effective):
            continue
        hit: tuple[str, ...] = ()
        reduction = 0
        if measure.guarantees:
            after = scorer(apply_guarantees(questionnaire, answers, [measure]))
            narrowed = [a for a in after if _causes(a) < _causes(by_scenario[a.scenario_id])]
            reduction = sum(by_scenario[a.scenario_id].points - a.points for a in after)
            cut[measure.id] = sum(
                _counted(by_scenario[a.scenario_id]) - _counted(a) for a in narrowed
            )
        else:
            narrowed = []
            if measure.mitigates:
                residual = residual_v2(model, inherent, answers, questionnaire, [measure], scorer)
                narrowed = [r for r in residual if r.points < by_scenario[r.scenario_id].points]
                reduction = sum(by_scenario[r.scenario_id].points - r.points for r in narrowed)
        hit = tuple(
            n.scenario_id
            for n in narrowed
            if by_scenario[n.scenario_id].level.at_least(rule.min_level)
        )
        if measure.obligation:
            kind = ProposalKind.OBLIGATION
        elif hit:
            kind = ProposalKind.DIRECT if measure.guarantees else ProposalKind.SUPPORTING
        else:
            continue
        found.append(Proposal(measure.id, reduction, hit, kind))
    return _rank(library, found, cut)


def _counted(score: ScenarioScore) -> int:
    assert score.factors is not None
    return sum(g.counted for g in score.factors.groups)


def _causes(score: ScenarioScore) -> int:
    """The weight of what fired for a scenario: raw group points and the floors."""
    assert score.factors is not None
    factors = score.factors
    return sum(g.raw for g in factors.groups) + factors.likelihood_floor + factors.impact_floor


def _rank(library: Library, found: list[Proposal], cut: dict[str, int]) -> list[Proposal]:
    order = list(ProposalKind)
    by_id = library.catalogue.by_id
    found.sort(
        key=lambda p: (
            order.index(p.kind) + (0.5 if by_id[p.measure_id].last_resort else 0),
            -p.reduction, -cut.get(p.measure_id, 0), -len(p.scenario_ids), p.measure_id,
        )
    )  # fmt: skip
    proposed = {p.measure_id for p in found}
    ranked = []
    in_core: set[str] = set()
    shown = 0
    for proposal in found:
        others = tuple(a for a in by_id[proposal.measure_id].alternatives if a in proposed)
        core = proposal.kind is ProposalKind.OBLIGATION or (
            shown < CORE_SIZE and not in_core.intersection(others)
        )
        if core:
            in_core.add(proposal.measure_id)
            shown += proposal.kind is not ProposalKind.OBLIGATION
        ranked.append(
            Proposal(
                proposal.measure_id,
                proposal.reduction,
                proposal.scenario_ids,
                proposal.kind,
                core,
                others,
            )
        )
    return ranked
