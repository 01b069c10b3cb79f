"""The award-phase bidder check, scored: a bidder's answers and met requirements against the
approved plan (see ``domain.bidders`` for what a bidder answers and must meet)."""

from __future__ import annotations

from dataclasses import dataclass

from quickscan_app.domain.answers import Answers
from quickscan_app.domain.bidders import (
    KNOCK_OUT,
    RequirementCheck,
    Response,
    Verdict,
    bidder_requirements,
    per_bidder_questions,
)
from quickscan_app.domain.library import Library
from quickscan_app.domain.risk import Level
from quickscan_app.engine.assessment import Assessment, assess


@dataclass(frozen=True)
class BidderResult:
    requirements: tuple[RequirementCheck, ...]
    plan: Assessment
    """The approved plan's expectation: dossier answers, every chosen measure."""
    bidder: Assessment
    """This bidder: its own answers where it differs, only the measures it meets."""

    def count(self, response: Response) -> int:
        return sum(1 for r in self.requirements if r.response is response)

    @property
    def scenarios(self) -> list[tuple[str, Level, Level]]:
        """Every scenario: (id, the plan's residual level, this bidder's residual level)."""
        planned = {s.scenario_id: s.level for s in self.plan.residual or self.plan.scenarios}
        return [
            (s.scenario_id, planned[s.scenario_id], s.level)
            for s in self.bidder.residual or self.bidder.scenarios
        ]

    @property
    def worse(self) -> list[tuple[str, Level, Level]]:
        """Scenarios whose residual level is higher for this bidder than the plan expects."""
        return [(s, plan, own) for s, plan, own in self.scenarios if own.rank > plan.rank]

    @property
    def residual_level(self) -> Level:
        return self.bidder.residual_level or self.bidder.overall_level

    @property
    def verdict(self) -> Verdict:
        if any(r.knock_out and r.response is Response.NOT_MET for r in self.requirements):
            return Verdict.DOES_NOT_FIT
        if self.count(Response.NOT_MET) or self.count(Response.UNKNOWN) or self.worse:
            return Verdict.CONDITIONS
        return Verdict.FITS


def check_bidder(
    library: Library,
    dossier_answers: Answers,
    chosen: list[str],
    bidder_answers: Answers,
    responses: dict[str, tuple[Response, str]],
) -> BidderResult:
    """Score the bidder; ``responses`` maps a requirement's measure id to (response, note)."""
    own = set(per_bidder_questions(library))
    answers = {**dossier_answers, **{q: v for q, v in bidder_answers.items() if q in own}}
    checks = []
    for measure in bidder_requirements(library, chosen):
        response, note = responses.get(measure.id, (Response.UNKNOWN, ""))
        checks.append(RequirementCheck(measure.id, response, note, measure.kind in KNOCK_OUT))
    failing = {c.measure for c in checks if c.response is not Response.MET}
    counting = [m for m in chosen if m not in failing]
    return BidderResult(
        requirements=tuple(checks),
        plan=assess(library, dossier_answers, chosen),
        bidder=assess(library, answers, counting),
    )
