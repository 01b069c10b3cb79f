"""The portfolio: every dossier a user may see, filtered, with key figures, the residual-risk
heatmap, deadlines and overdue measures; aggregated in SQL over the risk cache, one page of
rows at a time, so it stays quick at a hundred thousand dossiers."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from quickscan_app.domain.plain_text import printable
from quickscan_app.domain.text import Lang
from quickscan_app.domain.workflow import Status
from quickscan_app.exports.source import MEDIA_TYPES
from quickscan_app.i18n import t
from quickscan_app.services import risk_cache
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import visible_clause
from quickscan_app.services.errors import InvalidInput
from quickscan_app.services.exports import ExportFile
from quickscan_app.services.limits import MAX_ID
from quickscan_app.services.reassessment import Reassessment, due
from quickscan_app.services.unit import reading, record_refusal, unit_of_work
from quickscan_app.store.models import (
    Dossier,
    DossierRisk,
    DossierScenarioRisk,
    PlanItem,
    User,
)

DEADLINE_DAYS = 42
"""Six weeks: time enough to get a plan approved before publication."""
OPEN_WORK = ("planned", "in_progress")
"""Implementation statuses of a measure that is not done yet."""
SETTLED = (Status.APPROVED.value, Status.ARCHIVED.value)
MAX_PAGE = 200
MAX_TEXT = 200


@dataclass(frozen=True)
class PortfolioFilter:
    statuses: tuple[str, ...] = ()
    residual_levels: tuple[str, ...] = ()
    authorities: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    publication_from: date | None = None
    publication_to: date | None = None
    text: str = ""
    """In the title or the reference (case-insensitive)."""
    flagged_only: bool = False


@dataclass(frozen=True)
class PortfolioRow:
    id: int
    title: str
    reference: str | None
    authority: str | None
    category: str | None
    status: str
    owner: str
    publication: date | None
    overall_level: str | None
    residual_level: str | None
    overdue_measures: int
    flagged: bool
    owner_id: int = 0

    def days_left(self, today: date) -> int | None:
        return (self.publication - today).days if self.publication else None


@dataclass(frozen=True)
class Portfolio:
    total: int
    by_status: dict[str, int]
    by_residual: dict[str, int]
    flagged: int
    overdue_measures: int
    heatmap: dict[tuple[int, int], int]
    """Scenarios of the filtered dossiers by residual (likelihood, impact)."""
    rows: list[PortfolioRow]
    page: int
    page_size: int
    choices: dict[str, list[str]] = field(default_factory=dict)
    """Authorities and object categories among the visible dossiers, for the filter lists."""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _deadline(today: date, days: int) -> Any:
    """Flagged: publication (or RFQ) within ``days`` (or past) while the plan is not settled."""
    planned = func.coalesce(Dossier.planned_publication_date, Dossier.planned_rfq_date)
    return and_(
        planned.is_not(None),
        planned <= today + timedelta(days=days),
        Dossier.status.not_in(SETTLED),
    )


def _conditions(actor: Actor, flt: PortfolioFilter, today: date, days: int) -> list[Any]:
    """What the filter keeps among what the actor may see, as conditions on ``Dossier`` and
    ``DossierRisk`` (outer-joined): every query applies them directly, in one scan."""
    conditions: list[Any] = [visible_clause(actor)]
    if flt.statuses:
        conditions.append(Dossier.status.in_(flt.statuses))
    if flt.residual_levels:
        conditions.append(DossierRisk.residual_level.in_(flt.residual_levels))
    if flt.authorities:
        conditions.append(Dossier.contracting_authority.in_(flt.authorities))
    if flt.categories:
        conditions.append(Dossier.object_category.in_(flt.categories))
    planned = func.coalesce(Dossier.planned_publication_date, Dossier.planned_rfq_date)
    if flt.publication_from:
        conditions.append(planned >= flt.publication_from)
    if flt.publication_to:
        conditions.append(planned <= flt.publication_to)
    if text := printable(flt.text.strip()[:MAX_TEXT]):  # a NUL would stop PostgreSQL
        escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        conditions.append(
            or_(
                func.lower(Dossier.title).like(pattern, escape="\\"),
                func.lower(func.coalesce(Dossier.reference, "")).like(pattern, escape="\\"),
            )
        )
    if flt.flagged_only:
        conditions.append(_deadline(today, days))
    return conditions


def _with_risk(query: Select) -> Select:
    return query.outerjoin(DossierRisk, DossierRisk.dossier_id == Dossier.id)


def _overdue(today: date) -> Any:
    return and_(
        PlanItem.decision == "selected", PlanItem.due_date < today, PlanItem.status.in_(OPEN_WORK)
    )


def portfolio(
    ctx: ServiceContext,
    actor: Actor,
    flt: PortfolioFilter = PortfolioFilter(),
    *,
    page: int = 0,
    page_size: int = 50,
    deadline_days: int = DEADLINE_DAYS,
) -> Portfolio:
    """Key figures over everything the filter keeps, and one page of rows."""
    _check_reader(ctx, actor)
    today = ctx.clock().date()
    page_size = max(1, min(page_size, MAX_PAGE))
    page = max(0, min(page, MAX_ID // page_size))  # an offset the database can take
    risk_cache.refresh(ctx, select(Dossier.id).where(visible_clause(actor)))
    where = _conditions(actor, flt, today, deadline_days)
    flag = case((_deadline(today, deadline_days), 1), else_=0)
    with ctx.factory() as session:
        by_status: dict[str, int] = {}
        by_residual: dict[str, int] = {}
        flagged = 0
        summary = (
            _with_risk(
                select(
                    Dossier.status, DossierRisk.residual_level, func.count(), func.sum(flag)
                ).select_from(Dossier)
            )
            .where(*where)
            .group_by(Dossier.status, DossierRisk.residual_level)
        )
        for status, level, count, flags in session.execute(summary):
            by_status[status] = by_status.get(status, 0) + count
            by_residual[level or ""] = by_residual.get(level or "", 0) + count
            flagged += int(flags or 0)
        overdue = session.execute(
            _with_risk(
                select(func.count())
                .select_from(PlanItem)
                .join(Dossier, Dossier.id == PlanItem.dossier_id)
            ).where(*where, _overdue(today), Dossier.status != Status.ARCHIVED.value)
        ).scalar_one()
        cell = (DossierScenarioRisk.residual_likelihood, DossierScenarioRisk.residual_impact)
        kept = _with_risk(select(Dossier.id).select_from(Dossier)).where(*where)
        heatmap = {
            (likelihood, impact): count
            for likelihood, impact, count in session.execute(
                select(*cell, func.count())
                .where(DossierScenarioRisk.dossier_id.in_(kept))
                .group_by(*cell)
            )
        }
        rows = _rows(session, where, today, deadline_days, page * page_size, page_size)
        choices = _choices(session, actor)
    return Portfolio(
        sum(by_status.values()), by_status, by_residual, flagged, overdue, heatmap,
        rows, page, page_size, choices,
    )  # fmt: skip


def _rows(
    session: Session, where: list[Any], today: date, days: int, offset: int, limit: int | None
) -> list[PortfolioRow]:
    """Flagged first, then by planned publication (soonest first), then newest. The page's ids
    are sorted on the dossier table alone; details and overdue counts only for those."""
    planned = func.coalesce(Dossier.planned_publication_date, Dossier.planned_rfq_date)
    flag = case((_deadline(today, days), 1), else_=0)
    order = (flag.desc(), planned.is_(None), planned, Dossier.id.desc())
    page = _with_risk(select(Dossier.id).select_from(Dossier)).where(*where).order_by(*order)
    page = page.offset(offset)
    if limit is not None:
        page = page.limit(limit)
    ids = list(session.execute(page).scalars())
    if not ids:
        return []
    rank = {dossier_id: n for n, dossier_id in enumerate(ids)}
    found: list[PortfolioRow] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        overdue = dict(
            session.execute(
                select(PlanItem.dossier_id, func.count())
                .join(Dossier, Dossier.id == PlanItem.dossier_id)
                .where(
                    PlanItem.dossier_id.in_(chunk),
                    _overdue(today),
                    Dossier.status != Status.ARCHIVED.value,
                )
                .group_by(PlanItem.dossier_id)
            ).all()
        )
        details = _with_risk(
            select(
                Dossier.id, Dossier.title, Dossier.reference, Dossier.contracting_authority,
                Dossier.object_category, Dossier.status, User.display_name, planned,
                DossierRisk.overall_level, DossierRisk.residual_level, flag, Dossier.owner_id,
            ).select_from(Dossier).join(User, User.id == Dossier.owner_id)
        ).where(Dossier.id.in_(chunk))  # fmt: skip
        found += [
            PortfolioRow(
                *row[:10],
                overdue_measures=overdue.get(row[0], 0),
                flagged=bool(row[10]),
                owner_id=row[11],
            )  # type: ignore[arg-type]
            for row in session.execute(details)
        ]
    return sorted(found, key=lambda r: rank[r.id])


def _choices(session: Session, actor: Actor) -> dict[str, list[str]]:
    def distinct(column: Any) -> list[str]:
        query = select(column).where(visible_clause(actor), column.is_not(None)).distinct()
        return sorted(v for v in session.execute(query.order_by(column)).scalars() if v)

    return {
        "authorities": distinct(Dossier.contracting_authority),
        "categories": distinct(Dossier.object_category),
    }


def portfolio_rows(
    ctx: ServiceContext, actor: Actor, flt: PortfolioFilter, *, deadline_days: int = DEADLINE_DAYS
) -> list[PortfolioRow]:
    """Every row the filter keeps (for the table export), in the dashboard's order."""
    _check_reader(ctx, actor)
    today = ctx.clock().date()
    risk_cache.refresh(ctx, select(Dossier.id).where(visible_clause(actor)))
    where = _conditions(actor, flt, today, deadline_days)
    with ctx.factory() as session:
        return _rows(session, where, today, deadline_days, 0, None)


REVIEW_AFTER_DAYS = 365
"""The default review date of an approval: a year after it was given."""


def reassessments_due(
    ctx: ServiceContext, actor: Actor, flt: PortfolioFilter
) -> list[Reassessment]:
    """The dossiers the filter keeps whose plan must be assessed again (``reassessment.due``:
    review date reached, a marked answer changed since the approval, or a newer
    questionnaire), longest due first."""
    _check_reader(ctx, actor)
    today = ctx.clock().date()
    risk_cache.refresh(ctx, select(Dossier.id).where(visible_clause(actor)))
    where = _conditions(actor, flt, today, DEADLINE_DAYS)
    with ctx.factory() as session:
        kept = set(session.execute(_with_risk(select(Dossier.id)).where(*where)).scalars())
    return [r for r in due(ctx, actor, today) if r.dossier_id in kept]


def _check_reader(ctx: ServiceContext, actor: Actor) -> None:
    """The account is still active and holds the roles it signed in with (they decide what
    it may see); a refusal is audited."""
    with reading(ctx, actor, "portfolio.read", "portfolio"):
        pass


def category_labels(ctx: ServiceContext, lang: Lang) -> Callable[[str], str]:
    """Object-category ids as the newest questionnaire names them (the id when it does not)."""
    try:
        question = ctx.content.library().questionnaire.by_id.get("object_category")
    except KeyError:
        question = None

    def label(category: str) -> str:
        text = question.option_label(category) if question else None
        return text.get(lang) if text else category

    return label


def export_portfolio(
    ctx: ServiceContext, actor: Actor, flt: PortfolioFilter, fmt: str, lang: Lang
) -> ExportFile:
    """The filtered table as CSV or XLSX; recorded in the audit trail like every export."""
    from quickscan_app.exports.portfolio_table import (
        portfolio_csv,
        portfolio_frame,
        portfolio_xlsx,
    )

    if fmt not in ("csv", "xlsx"):
        refused = InvalidInput("invalid_field", field="format", problem="csv | xlsx")
        record_refusal(ctx, actor, "portfolio.export", "portfolio", None, refused)
        raise refused
    # Read and build first: the audit record's transaction must not wait on the cache refresh.
    now = ctx.clock()
    rows = portfolio_rows(ctx, actor, flt)
    frame = portfolio_frame(rows, now.date(), lang, category_labels(ctx, lang))
    title = t("ui.page.portfolio", lang)
    data = portfolio_csv(frame) if fmt == "csv" else portfolio_xlsx(frame, title, now)
    with unit_of_work(ctx, actor, "portfolio.export", "portfolio") as work:
        work.details.update(
            {"format": fmt, "rows": len(rows), "file_sha256": hashlib.sha256(data).hexdigest()}
        )
    name = f"quickscan-{title.lower()}-{now:%Y%m%d}.{fmt}"
    return ExportFile(name, MEDIA_TYPES[fmt], data, "", False)
