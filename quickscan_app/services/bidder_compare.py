"""Bidders side by side at award (read-only): every bidder of a dossier against the approved
plan, those that did not answer shown as such (``domain.bidder_compare``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from quickscan_app.domain.bidder_compare import Column, Comparison, column, silent
from quickscan_app.domain.library import Library
from quickscan_app.services import authz, bidders
from quickscan_app.services.bidders import BidderView, bidder_record
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import library_of
from quickscan_app.services.errors import NotFound
from quickscan_app.services.limits import dossier_key
from quickscan_app.services.unit import reading
from quickscan_app.store.models import Bidder, Dossier

ANSWERED = frozenset({"submitted", "approved"})
"""Check statuses that count as the bidder's answer being in."""


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


def progress_of(session: Session, rows: Sequence[Bidder]) -> dict[int, Progress]:
    """Per bidder id: whether the bidder answered, and how many of the evidence files asked of
    it are still open. The one place that knows where answers and evidence come from.

    While the officer types each bidder's answers, a check submitted for review or approved
    counts as answered, and no evidence is asked (0)."""
    return {b.id: Progress(b.status in ANSWERED) for b in rows}


def compare_bidders(ctx: ServiceContext, actor: Actor, dossier_id: int) -> BidderComparison:
    """The dossier's bidders side by side, for whoever may see the dossier."""
    with reading(ctx, actor, "dossier.read", "dossier", dossier_id) as session:
        dossier = session.get(Dossier, dossier_key(dossier_id))
        if dossier is None:
            raise NotFound("not_found", dossier=dossier_id)
        authz.require_view(actor, dossier)
        views = bidders.views_of(ctx, session, dossier)
        compared = comparison_of(views, progress_of(session, [v.bidder for v in views]))
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
