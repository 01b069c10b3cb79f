"""Many dossiers at once, with their risk: for overviews and queues (read from the risk cache)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from quickscan_app.domain.risk import Level
from quickscan_app.services import risk_cache
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierSummary, list_dossiers, visible_clause
from quickscan_app.services.portfolio import DEADLINE_DAYS, SETTLED
from quickscan_app.store.models import Dossier


def days_left(publication: date | None, rfq: date | None, today: date) -> int | None:
    """Days to the planned publication (or request for quotation), if planned; negative
    when it has passed."""
    planned = publication or rfq
    return (planned - today).days if planned else None


def deadline_flagged(days: int | None, status: str) -> bool:
    """The deadline flag: publication within six weeks (or past) while the plan is not
    approved (nor archived). The portfolio's query applies the same rule in SQL."""
    return days is not None and days <= DEADLINE_DAYS and status not in SETTLED


@dataclass(frozen=True)
class OverviewRow:
    summary: DossierSummary
    overall_level: Level | None
    residual_level: Level | None
    open_required: int

    def days_left(self, today: date) -> int | None:
        """Days to the planned publication (or request for quotation), if planned."""
        s = self.summary
        return days_left(s.planned_publication_date, s.planned_rfq_date, today)

    def flagged(self, today: date) -> bool:
        """Publication near while the plan is not approved (see ``deadline_flagged``)."""
        return deadline_flagged(self.days_left(today), self.summary.status)


def _level(value: str | None) -> Level | None:
    return Level(value) if value else None


def overview(ctx: ServiceContext, actor: Actor) -> list[OverviewRow]:
    """Every dossier the actor may see, with its risk on its current answers and plan."""
    summaries = list_dossiers(ctx, actor)
    risk_cache.refresh(ctx, select(Dossier.id).where(visible_clause(actor)))
    with ctx.factory() as session:
        cached = risk_cache.current_rows(session, [s.id for s in summaries])
    rows = []
    for summary in summaries:
        risk = cached.get(summary.id)
        rows.append(
            OverviewRow(
                summary,
                _level(risk.overall_level) if risk else None,
                _level(risk.residual_level) if risk else None,
                risk.open_required if risk else 0,
            )
        )
    return rows
