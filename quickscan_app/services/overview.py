"""Many dossiers at once, with their risk: for overviews and queues (read from the risk cache)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from quickscan_app.domain.risk import Level
from quickscan_app.services import risk_cache
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierSummary, list_dossiers, visible_clause
from quickscan_app.store.models import Dossier


@dataclass(frozen=True)
class OverviewRow:
    summary: DossierSummary
    overall_level: Level | None
    residual_level: Level | None
    open_required: int

    def days_left(self, today: date) -> int | None:
        """Days to the planned publication (or request for quotation), if planned."""
        planned = self.summary.planned_publication_date or self.summary.planned_rfq_date
        return (planned - today).days if planned else None


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
