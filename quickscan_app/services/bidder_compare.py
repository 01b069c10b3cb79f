"""Bidders side by side at award (read-only): every bidder of a dossier against the approved
plan, those that did not answer shown as such (``domain.bidder_compare``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from quickscan_app.domain.bidder_compare import (
    Column,
    Comparison,
    column,
    missing_evidence,
    silent,
)
from quickscan_app.domain.library import Library
from quickscan_app.services import authz, bidders
from quickscan_app.services.bidders import BidderView, bidder_record
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import library_of
from quickscan_app.services.errors import NotFound
from quickscan_app.services.limits import dossier_key
from quickscan_app.services.unit import reading
from quickscan_app.store.models import Dossier

ANSWERED = frozenset({"submitted", "approved"})
"""Check statuses that count as the bidder's answer being in."""
SUBMITTED = "submitted"
"""The reply state of a bidder that pressed *Indienen* on its own page (``bidder_replies``)."""


@dataclass(frozen=True)
class BidderComparison:
    dossier: Dossier
    """As read (detached): its title, reference and status for the page."""
    library: Library
    """The dossier's content version: scenario and measure titles."""
    comparison: Comparison


@dataclass(frozen=True)
class Progress:
    answered: bool
    open_evidence: int = 0


def progress_of(views: Sequence[BidderView]) -> dict[int, Progress]:
    """Per bidder id: whether the bidder answered, and for how many requirements the evidence
    asked of it is still missing. The one place that says where answers and evidence come from.

    Answered: the bidder submitted through its link, or the officer's check of it (typed in
    from the bid) was submitted for review or approved. Evidence is asked per requirement by
    the bidder's newest link; a requirement with no file yet is open."""
    progress = {}
    for view in views:
        b = view.bidder
        asked = view.link.evidence if view.link else ()
        missing = missing_evidence(asked, (e.measure_id for e in view.evidence))
        progress[b.id] = Progress(b.reply_status == SUBMITTED or b.status in ANSWERED, missing)
    return progress


def compare_bidders(ctx: ServiceContext, actor: Actor, dossier_id: int) -> BidderComparison:
    """The dossier's bidders side by side, for whoever may see the dossier."""
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id))
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        views = bidders.views_of(ctx, session, dossier)
        compared = comparison_of(views, progress_of(views))
        return BidderComparison(dossier, library_of(ctx, dossier), compared)


def comparison_of(views: Sequence[BidderView], progress: dict[int, Progress]) -> Comparison:
    if not views:
        return Comparison((), None, 0, ())
    plan = views[0].result.plan  # every bidder is checked against the same plan
    levels = tuple((s.scenario_id, s.level.value) for s in plan.residual or plan.scenarios)
    columns: list[Column] = []
    for number, view in enumerate(views, start=1):
        b, state = view.bidder, progress[view.bidder.id]
        if state.answered:
            record = bidder_record(view)
            columns.append(column(record, number, dict(levels), status=b.status,
                                  open_evidence=state.open_evidence))  # fmt: skip
        else:
            columns.append(silent(number, b.name, b.status))
    overall = (plan.residual_level or plan.overall_level).value
    return Comparison(levels, overall, len(views[0].requirements), tuple(columns))
