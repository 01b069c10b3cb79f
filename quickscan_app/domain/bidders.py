"""The award-phase bidder check (pure): a bidder against the approved plan.

The domain part: what a bidder answers and must meet. The scoring of a bidder is in
``engine.bidders`` (the engine builds on the domain, not the other way round).

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

from quickscan_app.domain.library import Library
from quickscan_app.domain.measures import Measure, MeasureKind


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


def evidence_by_default(library: Library, chosen: list[str]) -> list[str]:
    """The requirements a bidder's link asks evidence for unless the officer chooses
    otherwise: the knock-outs (exclusion grounds, selection criteria, hard requirements)."""
    return [m.id for m in bidder_requirements(library, chosen) if m.kind in KNOCK_OUT]


def per_bidder_questions(library: Library) -> list[str]:
    return [q.id for q in library.questionnaire.questions if q.per_bidder]


@dataclass(frozen=True)
class RequirementCheck:
    measure: str
    response: Response
    note: str
    knock_out: bool
