"""The inbox on SQLite and PostgreSQL: each user gets what waits for them and nothing they may
not see or decide (four-eyes), with the right page and step to act on it."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime, timedelta
from types import ModuleType, SimpleNamespace

import pytest
from sqlalchemy import select, update

from quickscan_app.answer_files import load_answer_file
from quickscan_app.i18n import t
from quickscan_app.services import bidders, dossiers, inbox, plan, users, workflow
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.errors import PermissionDenied
from quickscan_app.services.inbox import Kind
from quickscan_app.store.models import Dossier, User
from tests.integration.conftest import PASSWORD
from tests.integration.helpers import answer_all, new_dossier, submitted
from tests.integration.test_authorization import ANSWERS_FILE

TODAY = date(2027, 3, 1)
REASSESSMENT = "quickscan_app.services.reassessment"


class Clock:
    """A service clock one minute further at each call: every step has its own moment."""

    def __init__(self) -> None:
        self.now = datetime(2027, 2, 20, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@pytest.fixture
def clocked(ctx: ServiceContext) -> ServiceContext:
    ctx.clock = Clock()
    return ctx


def kinds(ctx: ServiceContext, actor: Actor) -> list[tuple[Kind, int]]:
    return [(i.kind, i.dossier_id) for i in inbox.inbox(ctx, actor, TODAY)]


def test_reviewers_get_submitted_plans_but_never_their_own(clocked, people) -> None:
    ctx = clocked
    olgas, _ = submitted(ctx, people.olga)
    remcos, _ = submitted(ctx, people.remco)  # reviewer and officer: his own plan
    draft = new_dossier(ctx, people.otto)
    assert kinds(ctx, people.rita) == [(Kind.REVIEW, olgas), (Kind.REVIEW, remcos)]
    assert (Kind.REVIEW, remcos) not in kinds(ctx, people.remco)
    assert (Kind.REVIEW, olgas) in kinds(ctx, people.remco)
    assert all(d != draft for _, d in kinds(ctx, people.rita))
    item = inbox.inbox(ctx, people.rita, TODAY)[0]
    assert (item.page, item.step, item.title, item.reference) == (
        "review", None, "Scanner Maasvlakte", "DOUANE-2027-001",
    )  # fmt: skip
    assert item.since == date(2027, 2, 20)
    assert kinds(ctx, people.anna) == []  # administrators look, they are not asked


def test_a_reviewer_who_answered_in_a_dossier_does_not_get_it(clocked, people, tmp_path) -> None:
    ctx = clocked
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS_FILE)
    loaded = load_answer_file(path, ctx.content)
    imported = dossiers.import_dossier(ctx, people.ada, loaded, "olga")  # Ada supplied answers
    current = answer_all(ctx, people.olga, imported)
    workflow.submit(ctx, people.olga, imported, current)
    assert (Kind.REVIEW, imported) in kinds(ctx, people.rita)
    assert (Kind.REVIEW, imported) not in kinds(ctx, people.ada)


def test_officers_get_plans_sent_back_and_new_comments(clocked, people) -> None:
    ctx = clocked
    dossier, current = submitted(ctx, people.olga)
    assert kinds(ctx, people.olga) == []
    workflow.comment(ctx, people.rita, dossier, "Welke VPN?", target_kind="section",
                     target_id="net")  # fmt: skip
    workflow.comment(ctx, people.rita, dossier, "En het exitplan?", target_kind="measure",
                     target_id="exit_plan")  # fmt: skip
    items = inbox.inbox(ctx, people.olga, TODAY)
    assert [(i.kind, i.count, i.page, i.step) for i in items] == [
        (Kind.COMMENTS, 2, "dossier", "net")
    ]
    assert inbox.describe(items[0], "nl", TODAY) == "2 nieuwe opmerkingen om te beantwoorden."
    assert inbox.describe(items[0], "en", TODAY) == "2 new comments to answer."
    workflow.request_changes(ctx, people.rita, dossier, "Vul de VPN aan.", current)
    items = inbox.inbox(ctx, people.olga, TODAY)
    assert [(i.kind, i.page) for i in items] == [
        (Kind.SENT_BACK, "dossier"),
        (Kind.COMMENTS, "dossier"),
    ]
    assert items[0].since == date(2027, 2, 20)
    # Olga answers in the conversation: the comments before it are answered.
    workflow.comment(ctx, people.olga, dossier, "VPN is aangevuld.")
    assert kinds(ctx, people.olga) == [(Kind.SENT_BACK, dossier)]
    workflow.comment(ctx, people.rita, dossier, "Dank.", target_kind="question",
                     target_id="fleet_share")  # fmt: skip
    comments = [i for i in inbox.inbox(ctx, people.olga, TODAY) if i.kind is Kind.COMMENTS]
    assert [(i.count, i.step) for i in comments] == [(1, "supplier")]  # the question's section
    # Nobody else is asked to answer Olga's comments; the reviewer waits for her.
    assert kinds(ctx, people.otto) == kinds(ctx, people.rita) == []
    # Submitting again answers everything (a workflow step is an action).
    version = answer_all(ctx, people.olga, dossier)
    workflow.submit(ctx, people.olga, dossier, version)
    assert kinds(ctx, people.olga) == []


def test_an_approval_settles_what_was_said_before_it(clocked, people) -> None:
    ctx = clocked
    dossier, current = submitted(ctx, people.olga)
    workflow.comment(ctx, people.rita, dossier, "Prima plan.")
    assert [k for k, _ in kinds(ctx, people.olga)] == [Kind.COMMENTS]
    workflow.approve(ctx, people.rita, dossier, current)
    assert kinds(ctx, people.olga) == []
    workflow.comment(ctx, people.rita, dossier, "Let op bij de gunning.")
    assert kinds(ctx, people.olga) == [(Kind.COMMENTS, dossier)]


def test_publication_within_six_weeks_while_the_plan_is_not_approved(clocked, people) -> None:
    ctx = clocked

    def planned(days: int | None, title: str) -> int:
        meta = {"title": title, "planned_publication_date": TODAY + timedelta(days=days)}
        return dossiers.create_dossier(ctx, people.olga, meta)

    near = planned(42, "Zes weken")
    planned(43, "Later")
    past = planned(-3, "Voorbij")
    today = planned(0, "Vandaag")
    dossiers.create_dossier(ctx, people.olga, {"title": "Zonder datum"})
    items = [i for i in inbox.inbox(ctx, people.olga, TODAY) if i.kind is Kind.DEADLINE]
    assert [i.dossier_id for i in items] == [past, today, near]  # oldest (nearest) first
    assert [(i.page, i.step) for i in items] == [("dossier", "submit")] * 3
    assert items[2].since == TODAY and items[2].due == TODAY + timedelta(days=42)
    texts = [inbox.describe(i, "nl", TODAY) for i in items]
    assert texts == [
        "Publicatie was gepland op 26-02-2027; het plan is nog niet goedgekeurd.",
        "Publicatie vandaag (01-03-2027); het plan is nog niet goedgekeurd.",
        "Publicatie op 12-04-2027, over 42 dagen; het plan is nog niet goedgekeurd.",
    ]
    assert inbox.describe(items[2], "en", TODAY).startswith("Publication on 12-04-2027, in 42")
    assert kinds(ctx, people.otto) == [] and kinds(ctx, people.rita) == []
    with ctx.transaction() as session:  # approved or archived: no longer a warning
        session.execute(update(Dossier).where(Dossier.id == near).values(status="approved"))
        session.execute(update(Dossier).where(Dossier.id == past).values(status="archived"))
    assert [i.dossier_id for i in inbox.inbox(ctx, people.olga, TODAY)] == [today]


def test_bidder_checks_wait_for_a_reviewer_who_did_not_edit_them(clocked, people) -> None:
    ctx = clocked
    dossier = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier)
    current = plan.select_measure(ctx, people.olga, dossier, "jump_host", current)
    current = workflow.submit(ctx, people.olga, dossier, current)
    workflow.approve(ctx, people.rita, dossier, current)
    bidder = bidders.add_bidder(ctx, people.olga, dossier, {"name": "Scanco <b>B.V.</b>"})
    bidders.submit_bidder(ctx, people.olga, bidder, 1)
    items = inbox.inbox(ctx, people.rita, TODAY)
    assert [(i.kind, i.dossier_id, i.subject, i.page) for i in items] == [
        (Kind.BIDDER_CHECK, dossier, "Scanco <b>B.V.</b>", "review")
    ]
    text = inbox.describe(items[0], "en", TODAY)
    assert text == "Decide on the check of bidder Scanco <b>B.V.</b>."
    assert kinds(ctx, people.olga) == []  # her own check is not hers to decide


def test_risk_owners_get_plans_awaiting_acceptance_they_had_no_part_in(clocked, people) -> None:
    ctx = clocked
    role = getattr(Role, "RISK_OWNER", None)
    if role is None:
        pytest.skip("the risk-owner role is not there yet")
    users.add_user(ctx, system_actor("test"), "rob", PASSWORD, ["risk_owner"])
    users.add_user(ctx, system_actor("test"), "rik", PASSWORD, ["risk_owner", "reviewer"])
    with ctx.factory() as session:
        ids = dict(session.execute(select(User.name, User.id)).all())
    rob = Actor(ids["rob"], "rob", frozenset({role}), "test")
    rik = Actor(ids["rik"], "rik", frozenset({role, Role.REVIEWER}), "test")
    dossier, current = submitted(ctx, people.olga)
    workflow.request_changes(ctx, rik, dossier, "Eerst dit.", current)  # Rik reviewed it
    with ctx.transaction() as session:
        session.execute(
            update(Dossier).where(Dossier.id == dossier).values(status="awaiting_acceptance")
        )
    items = inbox.inbox(ctx, rob, TODAY)
    assert [(i.kind, i.dossier_id, i.page) for i in items] == [
        (Kind.ACCEPT, dossier, inbox.ACCEPT_PAGE)
    ]
    assert inbox.describe(items[0], "nl", TODAY) == "Accepteer het restrisico of weiger het."
    assert kinds(ctx, rik) == []  # four-eyes: he reviewed this revision
    assert kinds(ctx, people.rita) == []  # a reviewer has no acceptance to give


def test_re_assessments_come_from_the_hook(clocked, people, monkeypatch) -> None:
    ctx = clocked
    dossier = new_dossier(ctx, people.olga)
    seen: list[Actor] = []

    def due(context: ServiceContext, actor: Actor) -> list[SimpleNamespace]:
        seen.append(actor)
        return [SimpleNamespace(dossier_id=dossier, title="Scanner Maasvlakte", reference=None,
                                since=date(2027, 2, 1), reason="triggered",
                                review_date=date(2027, 2, 1))]  # fmt: skip

    hook = ModuleType(REASSESSMENT)
    monkeypatch.setitem(sys.modules, REASSESSMENT, hook)
    assert kinds(ctx, people.olga) == []  # no ``due`` yet: nothing, and nothing fails
    hook.due = due  # type: ignore[attr-defined]
    items = inbox.inbox(ctx, people.olga, TODAY)
    assert [(i.kind, i.dossier_id, i.page) for i in items] == [(Kind.REASSESS, dossier, "dossier")]
    assert inbox.describe(items[0], "nl", TODAY) == (
        "Beoordeel het plan opnieuw — opzet gewijzigd — 01-02-2027"
    )
    assert kinds(ctx, people.rita) == [] and seen == [people.olga]


def test_a_deactivated_user_is_refused(ctx, people) -> None:
    users.set_active(ctx, system_actor("test"), "rita", False)
    with pytest.raises(PermissionDenied) as refused:
        inbox.inbox(ctx, people.rita, TODAY)
    assert refused.value.key == "account_inactive"


@pytest.mark.parametrize("kind", list(Kind))
def test_every_kind_is_named_and_described_in_dutch_and_english(kind) -> None:
    item = inbox.InboxItem(kind, 1, "T", None, TODAY, "dossier", due=TODAY, subject="triggered")
    for lang in ("nl", "en"):
        assert t(f"inbox.kind.{kind.value}", lang)
        assert inbox.describe(item, lang, TODAY)
