"""The portfolio over time: how many of the filtered dossiers stood at each inherent and each
residual risk level at the end of every month (the current month: now).

Replaying every dossier's answer history through the engine would cost about a millisecond per
dossier and month, far too slow for a portfolio of many thousands. So the trend uses the
assessments the app records anyway:

- every approval, with the risk as it was approved: for the approval of the dossier's current
  revision that is its risk now (an approved plan cannot change), read from the risk cache;
  for an approval that a later revision superseded, the levels frozen in its snapshot;
- the dossier's current state (the risk cache), from its last change on.

At each month's end a dossier counts with the newest of these it had by then; before its first
one (a draft, say) with that first one. A dossier counts from the month it was created and,
once archived, no longer. The filter chooses dossiers as they stand today. What a dossier went
through between two records (a draft's changes, a plan taking shape) is not shown.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, Select, case, func, or_, select
from sqlalchemy.orm import Session

from quickscan_app.domain.risk import Level
from quickscan_app.domain.workflow import Status
from quickscan_app.i18n import AMSTERDAM
from quickscan_app.services import risk_cache
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.dossiers import visible_clause
from quickscan_app.services.portfolio import (
    DEADLINE_DAYS,
    SETTLED,
    PortfolioFilter,
    _check_reader,
    _conditions,
    _with_risk,
)
from quickscan_app.store.models import Approval, Decision, Dossier, DossierRisk

MONTHS = (12, 24)
"""The spans the page offers; ``risk_trend`` takes 1 to 24."""
LEVELS = tuple(level.value for level in Level)
_Pair = tuple[str, str]
"""(inherent level, residual level)"""


@dataclass(frozen=True)
class TrendMonth:
    day: date
    """The month's last day; for the current month, today."""
    inherent: dict[str, int]
    """Dossiers per inherent level (every level present, zero when none)."""
    residual: dict[str, int]

    @property
    def dossiers(self) -> int:
        return sum(self.inherent.values())


@dataclass(frozen=True)
class Trend:
    months: list[TrendMonth]
    """Oldest first; the last one is the current month."""


def month_starts(today: date, months: int) -> list[date]:
    """The first days of the ``months`` months up to and including today's."""
    year, month = today.year, today.month
    starts = []
    for _ in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _utc(moment: datetime) -> datetime:
    """Naive UTC, the form SQLite hands back, so every time compares with every other."""
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def _midnight(day: date) -> datetime:
    """The start of ``day`` in Dutch time, as naive UTC."""
    return _utc(datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM))


def risk_trend(ctx: ServiceContext, actor: Actor, flt: PortfolioFilter, months: int = 12) -> Trend:
    """The inherent and residual level of the dossiers ``flt`` keeps, at the end of each of
    the last ``months`` months (Dutch time), from the recorded assessments (see the module).

    Remembered per user, filter and day while the visible dossiers stay as they are (every
    change raises a dossier's lock version): a page that runs again costs one small query."""
    _check_reader(ctx, actor)
    months = max(1, min(months, max(MONTHS)))
    now = ctx.clock()
    today = now.astimezone(AMSTERDAM).date() if now.tzinfo else now.date()
    with ctx.factory() as session:
        version = tuple(session.execute(_data_version(actor)).one())
    key = (actor.user_id, actor.roles, flt, months, today, version)
    memo = _MEMO.setdefault(ctx.engine, {})
    if (known := memo.get(key)) is None:
        known = _trend(ctx, actor, flt, months, now, today)
        if len(memo) >= _MEMO_SIZE:
            memo.pop(next(iter(memo)))
        memo[key] = known
    return known


_MEMO: WeakKeyDictionary[Engine, dict[tuple[Any, ...], Trend]] = WeakKeyDictionary()
_MEMO_SIZE = 64


def _data_version(actor: Actor) -> Select[Any]:
    """What changes with any change to a dossier the actor sees: their number, the sum of
    their lock versions and the newest id."""
    return select(
        func.count(), func.coalesce(func.sum(Dossier.lock_version), 0), func.max(Dossier.id)
    ).where(visible_clause(actor))


def _trend(
    ctx: ServiceContext, actor: Actor, flt: PortfolioFilter, months: int, now: datetime,
    today: date,
) -> Trend:  # fmt: skip
    starts = month_starts(today, months)
    # A record counts at a month's end when it is older than the next month's first moment.
    cutoffs = [_midnight(_next_month(start)) for start in starts]
    risk_cache.refresh(ctx, select(Dossier.id).where(visible_clause(actor)))
    where = _conditions(actor, flt, now.date(), DEADLINE_DAYS)
    inherent = {level: [0] * (months + 1) for level in LEVELS}
    residual = {level: [0] * (months + 1) for level in LEVELS}
    with ctx.factory() as session:
        spans = [
            *_settled_spans(session, where, cutoffs),
            *_replanned_spans(session, where, cutoffs),
        ]
    for first, last, (overall, resid), count in spans:
        inherent[overall][first] += count
        inherent[overall][last] -= count
        residual[resid][first] += count
        residual[resid][last] -= count
    ends = [start - timedelta(days=1) for start in starts[1:]] + [today]
    return Trend(
        [
            TrendMonth(day, _running(inherent, n), _running(residual, n))
            for n, day in enumerate(ends)
        ]
    )


def _running(changes: dict[str, list[int]], month: int) -> dict[str, int]:
    return {level: sum(steps[: month + 1]) for level, steps in changes.items()}


def _month(moment: Any, cutoffs: Sequence[datetime]) -> Any:
    """In SQL: the index of the month ``moment`` (a column) falls in; 0 when it is earlier
    than the first, ``len(cutoffs)`` when later than the last (as ``bisect_right``)."""
    return case(
        *((moment < cutoff.replace(tzinfo=UTC), n) for n, cutoff in enumerate(cutoffs)),
        else_=len(cutoffs),
    )


def _replanned() -> Any:
    """The dossier has an approval that no longer stands (see ``_standing``)."""
    return (
        select(Approval.id)
        .where(
            Approval.dossier_id == Dossier.id,
            or_(Approval.revision != Dossier.revision, Dossier.status.not_in(SETTLED)),
        )
        .exists()
    )


def _settled_spans(
    session: Session, where: list[Any], cutoffs: Sequence[datetime]
) -> Iterable[tuple[int, int, _Pair, int]]:
    """Dossiers whose only record is their current state, counted in SQL by the month they
    came in, the month they were archived (or none) and their levels."""
    # Archived when: a derived table joined once, so the month is looked up on a column.
    archived = (
        select(Decision.dossier_id, func.max(Decision.created_at).label("at"))
        .where(Decision.to_status == Status.ARCHIVED.value)
        .group_by(Decision.dossier_id)
        .subquery()
    )
    end = case(
        (Dossier.status == Status.ARCHIVED.value, _month(archived.c.at, cutoffs)),
        else_=len(cutoffs),
    )
    each = (
        _with_risk(
            select(
                _month(Dossier.created_at, cutoffs).label("first"), end.label("last"),
                DossierRisk.overall_level.label("overall"),
                DossierRisk.residual_level.label("residual"),
            )
            .select_from(Dossier)
            .outerjoin(archived, archived.c.dossier_id == Dossier.id)
        )
        .where(*where, ~_replanned(), DossierRisk.overall_level.is_not(None))
        .subquery()
    )  # fmt: skip
    columns = (each.c.first, each.c.last, each.c.overall, each.c.residual)
    for first, last, overall, resid, count in session.execute(
        select(*columns, func.count()).group_by(*columns)
    ):
        if first < last and overall in LEVELS and resid in LEVELS:
            yield first, last, (overall, resid), count


def _replanned_spans(
    session: Session, where: list[Any], cutoffs: Sequence[datetime]
) -> Iterable[tuple[int, int, _Pair, int]]:
    """Dossiers with an approval that no longer stands, one by one: each record's months as
    [first, last) indexes into ``cutoffs``, for one dossier."""
    rows = session.execute(
        _with_risk(
            select(
                Dossier.id, Dossier.created_at, Dossier.updated_at, Dossier.revision,
                Dossier.status, DossierRisk.overall_level, DossierRisk.residual_level,
            ).select_from(Dossier)
        ).where(*where, _replanned())
    ).all()  # fmt: skip
    ids = [row[0] for row in rows]
    approvals = _approvals(session, ids)
    archived = _archived(session, [row[0] for row in rows if row[4] == Status.ARCHIVED.value])
    superseded = [
        (a_id, digest)
        for row in rows
        for a_id, revision, _, digest in approvals.get(row[0], ())
        if not _standing(revision, row[3], row[4])
    ]
    frozen = _frozen_levels(session, superseded)
    size = len(cutoffs)

    def index(moment: datetime) -> int:
        return bisect_right(cutoffs, _utc(moment))

    for dossier_id, created, updated, revision, status, overall, resid in rows:
        records: list[tuple[datetime, _Pair]] = []
        since = _utc(updated)
        for a_id, a_revision, approved_at, _ in approvals.get(dossier_id, ()):
            if _standing(a_revision, revision, status):
                since = min(since, _utc(approved_at))
            elif a_id in frozen:
                records.append((_utc(approved_at), frozen[a_id]))
        if overall in LEVELS and resid in LEVELS:
            records.append((since, (overall, resid)))
        records.sort(key=lambda record: record[0])
        begin = index(created)
        end = index(archived[dossier_id]) if dossier_id in archived else size
        for n, (moment, pair) in enumerate(records):
            first = begin if n == 0 else max(begin, index(moment))
            last = min(end, index(records[n + 1][0]) if n + 1 < len(records) else size)
            if first < last:
                yield first, last, pair, 1


def _standing(approved_revision: int, revision: int, status: str) -> bool:
    """The approval is of the plan as it stands: approved (or then archived) and not reopened
    since, so the current risk is the approved one and holds from the approval on."""
    return approved_revision == revision and status in SETTLED


def _approvals(session: Session, ids: list[int]) -> dict[int, list[tuple[int, int, datetime, str]]]:
    """Per dossier: (id, revision, approved at, SHA-256) of every approval."""
    found: dict[int, list[tuple[int, int, datetime, str]]] = {}
    for start in range(0, len(ids), risk_cache.BATCH):
        query = select(
            Approval.dossier_id, Approval.id, Approval.revision, Approval.approved_at,
            Approval.sha256,
        ).where(Approval.dossier_id.in_(ids[start : start + risk_cache.BATCH]))  # fmt: skip
        for dossier_id, *approval in session.execute(query):
            found.setdefault(dossier_id, []).append(tuple(approval))  # type: ignore[arg-type]
    return found


def _archived(session: Session, ids: list[int]) -> dict[int, datetime]:
    """When each of these archived dossiers was archived (the last time)."""
    found: dict[int, datetime] = {}
    for start in range(0, len(ids), risk_cache.BATCH):
        chunk = ids[start : start + risk_cache.BATCH]
        found.update(
            session.execute(
                select(Decision.dossier_id, func.max(Decision.created_at))
                .where(
                    Decision.dossier_id.in_(chunk),
                    Decision.to_status == Status.ARCHIVED.value,
                )
                .group_by(Decision.dossier_id)
            ).all()
        )
    return found


_FROZEN: dict[str, _Pair | None] = {}
"""Levels read from approval snapshots, by the snapshot's SHA-256: a snapshot never changes,
so what was read once holds for good (and for every database with that same snapshot)."""
_FROZEN_MAX = 200_000


def _frozen_levels(session: Session, approvals: list[tuple[int, str]]) -> dict[int, _Pair]:
    """The inherent and residual level in each approval's snapshot, by approval id; an
    unreadable snapshot is left out (the dossier then counts with its other records)."""
    missing = [a_id for a_id, digest in approvals if digest not in _FROZEN]
    if len(_FROZEN) + len(missing) > _FROZEN_MAX:
        _FROZEN.clear()
    for start in range(0, len(missing), risk_cache.BATCH):
        chunk = missing[start : start + risk_cache.BATCH]
        query = select(Approval.sha256, Approval.snapshot).where(Approval.id.in_(chunk))
        for digest, text in session.execute(query):
            _FROZEN[digest] = snapshot_levels(text)
    return {a_id: pair for a_id, digest in approvals if (pair := _FROZEN.get(digest)) is not None}


def snapshot_levels(text: str) -> _Pair | None:
    """(inherent, residual) as the snapshot's results hold them; the residual is the inherent
    level when no measure was chosen, as in the risk cache."""
    try:
        results = json.loads(text)["results"]
        overall = results["overall_level"]
        residual = (results.get("residual") or {}).get("overall_level") or overall
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if overall not in LEVELS or residual not in LEVELS:
        return None
    return overall, residual
