"""The portfolio's risk over time and its overdue re-assessments, on SQLite and PostgreSQL,
with dossiers created, changed, approved, reopened and archived at set clock times."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pytest

from quickscan_app.domain.workflow import Status
from quickscan_app.services import dossiers, plan, workflow
from quickscan_app.services.context import Actor, ServiceContext
from quickscan_app.services.errors import PermissionDenied
from quickscan_app.services.portfolio import PortfolioFilter, reassessments_due
from quickscan_app.services.portfolio_trend import month_starts, risk_trend, snapshot_levels
from tests.integration.helpers import answer_all

LOW_RISK = {"connectivity": "stand_alone", "remote": "no", "fleet_share": 10}
EVERY_STATUS = PortfolioFilter()
OPEN = PortfolioFilter(statuses=tuple(s.value for s in Status if s is not Status.ARCHIVED))
"""As the page starts: every status but archived."""


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 9, 10, 9, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def at(self, *moment: int) -> None:
        self.now = datetime(*moment, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def timed(engine, mini_content, clock) -> ServiceContext:
    return ServiceContext(engine, mini_content, clock=clock)


def levels(ctx: ServiceContext, actor: Actor, dossier_id: int) -> tuple[str, str]:
    """(inherent, residual) as the dossier page shows it now."""
    assessment = dossiers.get_dossier(ctx, actor, dossier_id).assessment
    residual = assessment.residual_level or assessment.overall_level
    return assessment.overall_level.value, residual.value


def version(ctx: ServiceContext, actor: Actor, dossier_id: int) -> int:
    return dossiers.get_dossier(ctx, actor, dossier_id).dossier.lock_version


@dataclass
class History:
    ids: dict[str, int]
    pairs: dict[str, tuple[str, str]]
    """The levels each dossier had at a step, read from the dossier as it then stood."""


@pytest.fixture
def history(timed, clock, people) -> History:
    """Three dossiers, the clock set before each step (UTC):

    - replanned: created 10-09-2026 with a measure, approved 20-11-2026, reopened 10-01-2027,
      the measure taken out at 31-01-2027 23:30 UTC (1 February in Dutch time);
    - newcomer: a draft created 20-01-2027, last changed 03-02-2027;
    - archived: created 05-10-2026, approved 25-10-2026 without measures, archived 15-12-2026.
    """
    olga, rita = people.olga, people.rita
    ids, pairs = {}, {}
    clock.at(2026, 9, 10, 9)
    ids["replanned"] = dossiers.create_dossier(timed, olga, {"title": "Herzien"})
    current = answer_all(timed, olga, ids["replanned"])
    current = plan.select_measure(timed, olga, ids["replanned"], "jump_host", current)
    clock.at(2026, 10, 5, 9)
    ids["archived"] = dossiers.create_dossier(timed, olga, {"title": "Afgesloten"})
    done = answer_all(timed, olga, ids["archived"])
    clock.at(2026, 10, 25, 9)
    done = workflow.submit(timed, olga, ids["archived"], done)
    workflow.approve(timed, rita, ids["archived"], done)
    pairs["archived"] = levels(timed, olga, ids["archived"])
    clock.at(2026, 11, 20, 9)
    current = workflow.submit(timed, olga, ids["replanned"], current)
    workflow.approve(timed, rita, ids["replanned"], current)
    pairs["approved"] = levels(timed, olga, ids["replanned"])
    clock.at(2026, 12, 15, 9)
    workflow.archive(timed, olga, ids["archived"], version(timed, olga, ids["archived"]))
    clock.at(2027, 1, 10, 9)
    current = workflow.reopen(timed, olga, ids["replanned"], version(timed, olga, ids["replanned"]))
    clock.at(2027, 1, 20, 9)
    ids["newcomer"] = dossiers.create_dossier(timed, olga, {"title": "Nieuw"})
    clock.at(2027, 1, 31, 23, 30)
    plan.deselect_measure(timed, olga, ids["replanned"], "jump_host", current)
    pairs["replanned"] = levels(timed, olga, ids["replanned"])
    clock.at(2027, 2, 3, 9)
    answer_all(timed, olga, ids["newcomer"], LOW_RISK)
    pairs["newcomer"] = levels(timed, olga, ids["newcomer"])
    clock.at(2027, 3, 15, 10)
    # What the test rests on: each step changed what it is meant to show.
    assert pairs["approved"] != pairs["replanned"]
    assert pairs["approved"][0] == pairs["replanned"][0]  # only the measure changed
    assert len({pairs["approved"], pairs["newcomer"], pairs["archived"]}) == 3
    return History(ids, pairs)


def counted(*pairs: tuple[str, str]) -> tuple[dict[str, int], dict[str, int]]:
    """Dossiers per inherent level and per residual level, as the trend gives them (every
    level present)."""
    inherent = dict.fromkeys(("low", "medium", "high", "very_high"), 0)
    residual = dict(inherent)
    for first, second in pairs:
        inherent[first] += 1
        residual[second] += 1
    return inherent, residual


def as_counts(trend) -> list[tuple[dict[str, int], dict[str, int]]]:
    return [(m.inherent, m.residual) for m in trend.months]


def test_each_month_counts_the_dossiers_as_they_stood_at_its_end(timed, people, history) -> None:
    trend = risk_trend(timed, people.olga, OPEN, 6)
    assert [m.day for m in trend.months] == [
        date(2026, 10, 31), date(2026, 11, 30), date(2026, 12, 31),
        date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 15),
    ]  # fmt: skip
    approved, replanned, newcomer = (
        history.pairs[k] for k in ("approved", "replanned", "newcomer")
    )
    assert as_counts(trend) == [
        counted(approved),  # before its approval: the approved plan, its first record
        counted(approved),
        counted(approved),
        counted(approved, newcomer),  # the measure went out on 1 February, Dutch time
        counted(replanned, newcomer),
        counted(replanned, newcomer),
    ]
    assert [m.dossiers for m in trend.months] == [1, 1, 1, 2, 2, 2]


def test_an_archived_dossier_counts_until_it_was_archived(timed, people, history) -> None:
    trend = risk_trend(timed, people.olga, EVERY_STATUS, 6)
    approved, archived = history.pairs["approved"], history.pairs["archived"]
    assert as_counts(trend)[:3] == [
        counted(approved, archived),
        counted(approved, archived),
        counted(approved),  # archived on 15 December
    ]


def test_the_filter_and_what_the_user_may_see_decide_the_dossiers(timed, people, history) -> None:
    newcomer = history.pairs["newcomer"]
    only_drafts = risk_trend(timed, people.olga, PortfolioFilter(statuses=("draft",)), 3)
    assert [m.dossiers for m in only_drafts.months] == [2, 2, 2]
    titled = risk_trend(timed, people.olga, PortfolioFilter(text="nieuw"), 3)
    assert as_counts(titled) == [counted(newcomer)] * 3
    assert [m.dossiers for m in risk_trend(timed, people.otto, EVERY_STATUS, 3).months] == [0] * 3
    # A reviewer sees the archived dossier (it was submitted), not the two drafts.
    reviewer = risk_trend(timed, people.rita, EVERY_STATUS, 6)
    assert [m.dossiers for m in reviewer.months] == [1, 1, 0, 0, 0, 0]


def test_a_superseded_approval_counts_with_the_levels_it_froze(timed, people, history) -> None:
    """The snapshot, not the dossier as it is now, tells the levels of an earlier revision."""
    view = dossiers.get_dossier(timed, people.olga, history.ids["replanned"])
    [approval] = view.approvals
    assert approval.revision < view.dossier.revision
    assert snapshot_levels(approval.snapshot) == history.pairs["approved"]
    assert snapshot_levels("{not json") is None
    assert snapshot_levels('{"results": {"overall_level": "extreme"}}') is None


def test_months_run_back_over_the_turn_of_the_year() -> None:
    assert month_starts(date(2027, 2, 14), 3) == [date(2026, 12, 1), date(2027, 1, 1),
                                                  date(2027, 2, 1)]  # fmt: skip
    assert len(month_starts(date(2027, 2, 14), 24)) == 24


def test_a_deactivated_account_gets_no_trend(timed, people) -> None:
    from quickscan_app.services import users
    from quickscan_app.services.context import system_actor

    users.set_active(timed, system_actor("test"), "olga", False)
    with pytest.raises(PermissionDenied):
        risk_trend(timed, people.olga, PortfolioFilter())
    with pytest.raises(PermissionDenied):
        reassessments_due(timed, people.olga, PortfolioFilter())


def approved_on(ctx, clock, owner, reviewer, title: str, *moment: int) -> int:
    clock.at(*moment)
    dossier_id = dossiers.create_dossier(ctx, owner, {"title": title, "reference": title[:3]})
    current = workflow.submit(ctx, owner, dossier_id, answer_all(ctx, owner, dossier_id))
    workflow.approve(ctx, reviewer, dossier_id, current)
    return dossier_id


def test_an_approval_past_its_review_date_is_due(timed, clock, people) -> None:
    """A year after the approval, as long as the approved plan stands."""
    olga, rita = people.olga, people.rita
    oldest = approved_on(timed, clock, olga, rita, "Oudste", 2026, 1, 5, 9)
    old = approved_on(timed, clock, olga, rita, "Oud", 2026, 3, 9, 9)
    recent = approved_on(timed, clock, olga, rita, "Recent", 2026, 3, 10, 9)
    reopened = approved_on(timed, clock, olga, rita, "Heropend", 2026, 2, 1, 9)
    clock.at(2026, 6, 1, 9)
    workflow.reopen(timed, olga, reopened, version(timed, olga, reopened))
    archived = approved_on(timed, clock, olga, rita, "Gearchiveerd", 2026, 2, 2, 9)
    workflow.archive(timed, olga, archived, version(timed, olga, archived))
    clock.at(2027, 3, 10, 12)
    due = reassessments_due(timed, olga, PortfolioFilter(statuses=("approved", "archived")))
    assert [d.dossier_id for d in due] == [oldest, old]  # longest overdue first
    assert [(d.title, d.reference, d.owner) for d in due][1] == ("Oud", "Oud", "Olga Officier")
    assert [d.review_date for d in due] == [date(2027, 1, 5), date(2027, 3, 9)]
    assert recent not in {d.dossier_id for d in due}  # its review date is today: not past yet
    assert reassessments_due(timed, olga, PortfolioFilter(text="oudste"))[0].dossier_id == oldest
    assert reassessments_due(timed, people.otto, PortfolioFilter()) == []
    seen = reassessments_due(timed, rita, PortfolioFilter())
    assert [d.dossier_id for d in seen] == [oldest, old]


def test_a_reopened_dossier_archived_later_counts_until_then(timed, clock, people) -> None:
    """Approved in November, reopened and changed in December, archived in January: the
    approval is its last record (archiving was its last change), and it leaves in January."""
    olga, rita = people.olga, people.rita
    clock.at(2026, 11, 2, 9)
    dossier_id = dossiers.create_dossier(timed, olga, {"title": "Heropend en gearchiveerd"})
    current = answer_all(timed, olga, dossier_id)
    current = plan.select_measure(timed, olga, dossier_id, "jump_host", current)
    clock.at(2026, 11, 20, 9)
    workflow.approve(timed, rita, dossier_id, workflow.submit(timed, olga, dossier_id, current))
    approved = levels(timed, olga, dossier_id)
    clock.at(2026, 12, 1, 9)
    current = workflow.reopen(timed, olga, dossier_id, version(timed, olga, dossier_id))
    clock.at(2026, 12, 2, 9)
    current = plan.deselect_measure(timed, olga, dossier_id, "jump_host", current)
    assert levels(timed, olga, dossier_id) != approved
    clock.at(2027, 1, 15, 9)
    workflow.archive(timed, olga, dossier_id, current)
    clock.at(2027, 3, 15, 10)
    trend = risk_trend(timed, olga, EVERY_STATUS, 6)
    nothing = counted()
    assert as_counts(trend) == [nothing, counted(approved), counted(approved)] + [nothing] * 3


def test_the_trend_is_remembered_until_a_dossier_changes(timed, people, history) -> None:
    olga, newcomer = people.olga, history.ids["newcomer"]
    first = risk_trend(timed, olga, OPEN, 6)
    assert risk_trend(timed, olga, OPEN, 6) is first
    assert risk_trend(timed, olga, OPEN, 3) is not first  # another span, another filter: apart
    answer_all(timed, olga, newcomer)  # now like the others: internet, remote maintenance
    changed = levels(timed, olga, newcomer)
    assert changed != history.pairs["newcomer"]
    after = risk_trend(timed, olga, OPEN, 6)
    assert as_counts(after)[-1] == counted(history.pairs["replanned"], changed)
