"""The stored assessment of every dossier (``dossier_risk``), kept fresh on read.

Scoring is cheap for one dossier and far too slow for a hundred thousand on every view, so
overviews read the cache with SQL. A row belongs to the dossier's lock version it was computed
for; any change raises the lock version, so a stale row is recognised and recomputed (in
batches) before the cache is read. It is derived data: no audit event, no lock version of
its own, and it can be dropped and rebuilt at any time.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import Select, and_, delete, or_, select
from sqlalchemy.orm import Session

from quickscan_app.domain.answers import normalise_answer
from quickscan_app.engine import assess
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.models import (
    Answer,
    Dossier,
    DossierRisk,
    DossierScenarioRisk,
    PlanItem,
)
from quickscan_app.store.upsert import upsert

BATCH = 500


def stale_ids(session: Session, scope: Select | None = None) -> list[int]:
    """Dossiers (within ``scope``, a select of dossier ids) without a current cache row."""
    query = (
        select(Dossier.id)
        .outerjoin(DossierRisk, DossierRisk.dossier_id == Dossier.id)
        .where(
            or_(
                DossierRisk.dossier_id.is_(None),
                DossierRisk.lock_version != Dossier.lock_version,
            )
        )
    )
    if scope is not None:
        query = query.where(Dossier.id.in_(scope))
    return list(session.execute(query).scalars())


def refresh(ctx: ServiceContext, scope: Select | None = None) -> int:
    """Recompute every stale row within ``scope``; returns how many were recomputed."""
    with ctx.factory() as session:
        ids = stale_ids(session, scope)
    for start in range(0, len(ids), BATCH):
        with ctx.transaction() as session:
            _compute(ctx, session, ids[start : start + BATCH])
    return len(ids)


def _compute(ctx: ServiceContext, session: Session, ids: Sequence[int]) -> None:
    dossiers = session.execute(select(Dossier).where(Dossier.id.in_(ids))).scalars().all()
    answers: dict[int, dict] = defaultdict(dict)
    for row in session.execute(select(Answer).where(Answer.dossier_id.in_(ids))).scalars():
        answers[row.dossier_id][row.question_id] = row.value
    chosen: dict[int, list[str]] = defaultdict(list)
    items = select(PlanItem.dossier_id, PlanItem.measure_id).where(
        PlanItem.dossier_id.in_(ids), PlanItem.decision == "selected"
    )
    for dossier_id, measure_id in session.execute(items):
        chosen[dossier_id].append(measure_id)
    session.execute(delete(DossierScenarioRisk).where(DossierScenarioRisk.dossier_id.in_(ids)))
    now = ctx.clock()
    conn = session.connection()
    scenario_rows: list[dict] = []
    for d in dossiers:
        risk = {"dossier_id": d.id, "lock_version": d.lock_version, "computed_at": now,
                "overall_level": None, "residual_level": None, "full_analysis": False,
                "open_required": 0}  # fmt: skip
        try:
            library = ctx.content.library(d.questionnaire_id, d.questionnaire_version)
        except KeyError:
            # This server lacks that questionnaire version (e.g. mid-deploy): write nothing,
            # so a server that has it fills the row instead of finding an empty "fresh" one.
            continue
        questions = library.questionnaire.by_id
        given = {q: normalise_answer(questions[q], v) for q, v in answers[d.id].items()
                 if q in questions}  # fmt: skip
        measures = [m for m in chosen[d.id] if m in library.catalogue.by_id]
        result = assess(library, given, measures)
        residual = {r.scenario_id: r for r in result.residual or ()}
        risk.update(
            overall_level=result.overall_level.value,
            residual_level=(result.residual_level or result.overall_level).value,
            full_analysis=result.full_risk_analysis_required,
            open_required=len(result.open_required),
        )
        upsert(conn, DossierRisk.__table__, risk, ["dossier_id"])
        for s in result.scenarios:
            after = residual.get(s.scenario_id)
            scenario_rows.append(
                {"dossier_id": d.id, "scenario_id": s.scenario_id,
                 "likelihood": s.likelihood, "impact": s.impact, "level": s.level.value,
                 "residual_likelihood": after.likelihood if after else s.likelihood,
                 "residual_impact": after.impact if after else s.impact,
                 "residual_level": (after.level if after else s.level).value}
            )  # fmt: skip
    if scenario_rows:  # an upsert: a concurrent refresh of the same dossier may have written
        upsert(conn, DossierScenarioRisk.__table__, scenario_rows, ["dossier_id", "scenario_id"])


def current_rows(session: Session, ids: Iterable[int]) -> dict[int, DossierRisk]:
    wanted = list(ids)
    found: dict[int, DossierRisk] = {}
    for start in range(0, len(wanted), BATCH):
        chunk = wanted[start : start + BATCH]
        query = (
            select(DossierRisk)
            .join(
                Dossier,
                and_(
                    Dossier.id == DossierRisk.dossier_id,
                    Dossier.lock_version == DossierRisk.lock_version,
                ),
            )
            .where(DossierRisk.dossier_id.in_(chunk))
        )
        found.update({r.dossier_id: r for r in session.execute(query).scalars()})
    return found
