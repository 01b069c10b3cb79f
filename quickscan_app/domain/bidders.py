"""The award-phase bidder check (pure): a bidder against the approved plan.

The quickscan is done before the market is known. At award each bidder answers the
``per_bidder`` questions (home state, ownership, remote access, updates, subcontractors,
staff) and says of every requirement in the plan whether it is met. The dossier is then scored
again with the bidder's answers in place of the buyer's expectation, counting only the
measures the bidder meets: that is the supplier-specific risk. "Unknown" counts as not met,
as an unknown answer counts as its worst credible case.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from quickscan_app.domain.answers import Answers
from quickscan_app.domain.library import Library
from quickscan_app.domain.measures import Measure, MeasureKind
from quickscan_app.domain.risk import Level
from quickscan_app.engine import assess
from quickscan_app.engine.assessment import Assessment


class Response(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    FITS = "fits"
    """Every requirement met and no scenario worse than the approved plan expects."""
    CONDITIONS = "conditions"
    """Unknowns to clear up, or a scenario worse than planned: award only with conditions."""
    DOES_NOT_FIT = "does_not_fit"
    """An exclusion ground, selection criterion or hard requirement not met."""


BIDDER_KINDS = frozenset({
    MeasureKind.EXCLUSION_GROUND, MeasureKind.SELECTION_CRITERION, MeasureKind.REQUIREMENT,
    MeasureKind.TECHNICAL, MeasureKind.CONTRACT_CLAUSE, MeasureKind.AWARD_CRITERION,
})  # fmt: skip
"""What a bidder has to meet; procedural and organisational measures are the buyer's own."""
KNOCK_OUT = frozenset({
    MeasureKind.EXCLUSION_GROUND, MeasureKind.SELECTION_CRITERION, MeasureKind.REQUIREMENT,
})  # fmt: skip


def bidder_requirements(library: Library, chosen: list[str]) -> list[Measure]:
    """The plan's measures a bidder must meet, in catalogue order."""
    wanted = set(chosen)
    return [m for m in library.catalogue.measures if m.id in wanted and m.kind in BIDDER_KINDS]


def per_bidder_questions(library: Library) -> list[str]:
    return [q.id for q in library.questionnaire.questions if q.per_bidder]


@dataclass(frozen=True)
class RequirementCheck:
    measure: str
    response: Response
    note: str
    knock_out: bool


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
    def worse(self) -> list[tuple[str, Level, Level]]:
        """Scenarios whose residual level is higher for this bidder than the plan expects."""
        planned = {s.scenario_id: s.level for s in self.plan.residual or self.plan.scenarios}
        return [
            (s.scenario_id, planned[s.scenario_id], s.level)
            for s in self.bidder.residual or self.bidder.scenarios
            if s.level.rank > planned[s.scenario_id].rank
        ]

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
