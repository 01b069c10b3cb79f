"""Many dossiers at once, with their risk: for overviews and queues."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from quickscan_app.domain.answers import normalise_answer
from quickscan_app.domain.risk import Level
from quickscan_app.engine import assess
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import DossierSummary, list_dossiers
from quickscan_app.store.models import Answer, PlanItem


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


def overview(ctx: ServiceContext, actor: Actor) -> list[OverviewRow]:
    """Every dossier the actor may see, scored on its current answers and plan."""
    summaries = list_dossiers(ctx, actor)
    ids = [s.id for s in summaries]
    answers: dict[int, dict] = defaultdict(dict)
    chosen: dict[int, list[str]] = defaultdict(list)
    with ctx.factory() as session:
        for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
            for row in session.execute(
                select(Answer).where(Answer.dossier_id.in_(chunk))
            ).scalars():
                answers[row.dossier_id][row.question_id] = row.value
            items = select(PlanItem.dossier_id, PlanItem.measure_id).where(
                PlanItem.dossier_id.in_(chunk), PlanItem.decision == "selected"
            )
            for dossier_id, measure_id in session.execute(items):
                chosen[dossier_id].append(measure_id)
    rows = []
    for summary in summaries:
        try:
            library = ctx.content.library(summary.questionnaire_id, summary.questionnaire_version)
        except KeyError:
            rows.append(OverviewRow(summary, None, None, 0))
            continue
        questions = library.questionnaire.by_id
        given = {
            q: normalise_answer(questions[q], v)
            for q, v in answers[summary.id].items()
            if q in questions
        }
        measures = [m for m in chosen[summary.id] if m in library.catalogue.by_id]
        result = assess(library, given, measures)
        rows.append(
            OverviewRow(
                summary, result.overall_level, result.residual_level, len(result.open_required)
            )
        )
    return rows
