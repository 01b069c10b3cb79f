"""Every service call checks the live account, reads included.

The public service functions are found by introspection (every function of a module in
``quickscan_app.services`` that takes a ServiceContext and an Actor), so a new one that is
not listed in CALLS fails the test until it is. Each is called as a signed-in user whose
account was then deactivated, and as one whose needed role was then taken away: refused,
recorded as ``denied``, and nothing but the audit trail changes.
"""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

import quickscan_app.services as services_package
from quickscan_app.answer_files import LoadedAnswers, load_answer_file
from quickscan_app.services import (
    acceptance,
    admin,
    bidder_compare,
    bidder_invites,
    bidders,
    demo,
    digest,
    dossiers,
    exports,
    inbox,
    overview,
    plan,
    portfolio,
    portfolio_trend,
    reassessment,
    users,
    versions,
    workflow,
)
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.errors import PermissionDenied
from quickscan_app.store.models import AuditEvent, User
from tests.integration.conftest import PASSWORD
from tests.integration.helpers import last_event, new_dossier, submitted
from tests.integration.test_authorization import ANSWERS_FILE, fingerprint

MACHINERY = {
    "unit.unit_of_work",
    "unit.reading",
    "unit.record_refusal",
    "unit.record_failure",
    "workflow.dossier_reading",
}
"""What the check itself is made of: not calls a page makes."""
OFF, REV, RSK, ADM = Role.OFFICER, Role.REVIEWER, Role.RISK_OWNER, Role.ADMIN


@dataclass(frozen=True)
class World:
    own: int
    """A draft of the user under test."""
    own_version: int
    sent: int
    """Olga's dossier, submitted."""
    sent_version: int
    answers: LoadedAnswers


Call = Callable[[ServiceContext, Actor, World], Any]
# "module.function": (the role the call needs, the call)
CALLS: dict[str, tuple[Role, Call]] = {
    "acceptance.accept": (
        RSK,
        lambda c, a, w: acceptance.accept(c, a, w.sent, w.sent_version, "Aanvaard."),
    ),
    "acceptance.acceptances_of": (RSK, lambda c, a, w: acceptance.acceptances_of(c, a, w.sent)),
    "acceptance.refuse": (
        RSK,
        lambda c, a, w: acceptance.refuse(c, a, w.sent, w.sent_version, "Nee."),
    ),
    "admin.audit_trail": (ADM, lambda c, a, w: admin.audit_trail(c, a)),
    "admin.content_usage": (ADM, lambda c, a, w: admin.content_usage(c, a)),
    "admin.verify_audit_trail": (ADM, lambda c, a, w: admin.verify_audit_trail(c, a)),
    "bidder_compare.compare_bidders": (
        OFF,
        lambda c, a, w: bidder_compare.compare_bidders(c, a, w.own),
    ),
    "bidder_invites.correct_answer": (
        OFF,
        lambda c, a, w: bidder_invites.correct_answer(c, a, 1, 1, "ownership", "x", "Correctie"),
    ),
    "bidder_invites.create_invitation": (
        OFF,
        lambda c, a, w: bidder_invites.create_invitation(
            c, a, 1, 1, last_day=date(2027, 1, 1), lang="nl"
        ),
    ),
    "bidder_invites.evidence_file": (OFF, lambda c, a, w: bidder_invites.evidence_file(c, a, 1)),
    "bidder_invites.reopen_reply": (
        OFF,
        lambda c, a, w: bidder_invites.reopen_reply(c, a, 1, 1, "Aanvullen."),
    ),
    "bidder_invites.revoke_invitation": (
        OFF,
        lambda c, a, w: bidder_invites.revoke_invitation(c, a, 1),
    ),
    "bidders.add_bidder": (OFF, lambda c, a, w: bidders.add_bidder(c, a, w.own, {"name": "B"})),
    "bidders.decide_bidder": (REV, lambda c, a, w: bidders.decide_bidder(c, a, 1, 1, approve=True)),
    "bidders.list_bidders": (OFF, lambda c, a, w: bidders.list_bidders(c, a, w.own)),
    "bidders.submit_bidder": (OFF, lambda c, a, w: bidders.submit_bidder(c, a, 1, 1)),
    "bidders.update_bidder": (OFF, lambda c, a, w: bidders.update_bidder(c, a, 1, 1, {})),
    "bidders.waiting_checks": (REV, lambda c, a, w: bidders.waiting_checks(c, a)),
    "demo.plan_top": (OFF, lambda c, a, w: demo.plan_top(c, a, w.own, 1, reject_one=False)),
    "demo.seed_demo": (ADM, lambda c, a, w: demo.seed_demo(c, a)),
    "digest.send_digest": (
        ADM,
        lambda c, a, w: digest.send_digest(c, a, date(2027, 1, 1), None, sender="q@x.example"),
    ),
    "dossiers.create_dossier": (OFF, lambda c, a, w: dossiers.create_dossier(c, a, {"title": "N"})),
    "dossiers.current_version": (OFF, lambda c, a, w: dossiers.current_version(c, a, w.own)),
    "dossiers.get_dossier": (OFF, lambda c, a, w: dossiers.get_dossier(c, a, w.own)),
    "dossiers.import_dossier": (
        OFF,
        lambda c, a, w: dossiers.import_dossier(c, a, w.answers, a.name),
    ),
    "dossiers.list_dossiers": (OFF, lambda c, a, w: dossiers.list_dossiers(c, a)),
    "dossiers.save_answer": (
        OFF,
        lambda c, a, w: dossiers.save_answer(c, a, w.own, "remote", "no", w.own_version),
    ),
    "exports.export_document": (
        OFF,
        lambda c, a, w: exports.export_document(c, a, w.own, "plan", "json"),
    ),
    "exports.verify_file": (OFF, lambda c, a, w: exports.verify_file(c, a, b"{}")),
    "inbox.count": (OFF, lambda c, a, w: inbox.count(c, a, date(2027, 1, 1))),
    "inbox.inbox": (OFF, lambda c, a, w: inbox.inbox(c, a, date(2027, 1, 1))),
    "overview.overview": (OFF, lambda c, a, w: overview.overview(c, a)),
    "plan.deselect_measure": (
        OFF,
        lambda c, a, w: plan.deselect_measure(c, a, w.own, "exit_plan", w.own_version),
    ),
    "plan.reject_measure": (
        OFF,
        lambda c, a, w: plan.reject_measure(c, a, w.own, "exit_plan", "Nee.", w.own_version),
    ),
    "plan.select_measure": (
        OFF,
        lambda c, a, w: plan.select_measure(c, a, w.own, "exit_plan", w.own_version),
    ),
    "portfolio.export_portfolio": (
        OFF,
        lambda c, a, w: portfolio.export_portfolio(c, a, portfolio.PortfolioFilter(), "csv", "nl"),
    ),
    "portfolio.portfolio": (OFF, lambda c, a, w: portfolio.portfolio(c, a)),
    "portfolio.portfolio_rows": (
        OFF,
        lambda c, a, w: portfolio.portfolio_rows(c, a, portfolio.PortfolioFilter()),
    ),
    "portfolio.reassessments_due": (
        OFF,
        lambda c, a, w: portfolio.reassessments_due(c, a, portfolio.PortfolioFilter()),
    ),
    "portfolio_trend.risk_trend": (
        OFF,
        lambda c, a, w: portfolio_trend.risk_trend(c, a, portfolio.PortfolioFilter()),
    ),
    "reassessment.due": (OFF, lambda c, a, w: reassessment.due(c, a)),
    "reassessment.for_dossier": (OFF, lambda c, a, w: reassessment.for_dossier(c, a, w.own)),
    "users.add_user": (ADM, lambda c, a, w: users.add_user(c, a, "nieuw", PASSWORD, ["officer"])),
    "users.list_users": (ADM, lambda c, a, w: users.list_users(c, a)),
    "users.set_active": (ADM, lambda c, a, w: users.set_active(c, a, "otto", False)),
    "users.set_email": (ADM, lambda c, a, w: users.set_email(c, a, "otto", "otto@x.example")),
    "users.set_password": (ADM, lambda c, a, w: users.set_password(c, a, "otto", PASSWORD + "!")),
    "users.set_roles": (ADM, lambda c, a, w: users.set_roles(c, a, "otto", ["reviewer"])),
    "versions.impact": (OFF, lambda c, a, w: versions.impact(c, a, w.own)),
    "versions.move_to_version": (
        OFF,
        lambda c, a, w: versions.move_to_version(c, a, w.own, w.own_version),
    ),
    "workflow.approve": (REV, lambda c, a, w: workflow.approve(c, a, w.sent, w.sent_version)),
    "workflow.archive": (OFF, lambda c, a, w: workflow.archive(c, a, w.own, w.own_version)),
    "workflow.change_setup": (
        OFF,
        lambda c, a, w: workflow.change_setup(c, a, w.own, w.own_version, "Nieuwe koppeling"),
    ),
    "workflow.comment": (REV, lambda c, a, w: workflow.comment(c, a, w.sent, "Goed.")),
    "workflow.decisions_of": (REV, lambda c, a, w: workflow.decisions_of(c, a, w.sent)),
    "workflow.reopen": (OFF, lambda c, a, w: workflow.reopen(c, a, w.own, w.own_version)),
    "workflow.request_changes": (
        REV,
        lambda c, a, w: workflow.request_changes(c, a, w.sent, "Aanvullen.", w.sent_version),
    ),
    "workflow.round_changes": (REV, lambda c, a, w: workflow.round_changes(c, a, w.sent)),
    "workflow.sent_back": (OFF, lambda c, a, w: workflow.sent_back(c, a)),
    "workflow.submit": (OFF, lambda c, a, w: workflow.submit(c, a, w.own, w.own_version)),
}


def _takes_an_actor(function: Callable[..., Any]) -> bool:
    annotations = [str(p.annotation) for p in inspect.signature(function).parameters.values()]
    return any("ServiceContext" in a for a in annotations) and any(
        "Actor" in a for a in annotations
    )


def public_service_functions() -> set[str]:
    found = set()
    for info in pkgutil.iter_modules(services_package.__path__):
        module = importlib.import_module(f"{services_package.__name__}.{info.name}")
        for name, function in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or function.__module__ != module.__name__:
                continue
            if _takes_an_actor(function):
                found.add(f"{info.name}.{name}")
    return found - MACHINERY


def test_every_public_service_function_is_walked() -> None:
    found = public_service_functions()
    assert found - set(CALLS) == set(), "add these to CALLS (and check the account in them)"
    assert set(CALLS) - found == set(), "these are no longer public service functions"


@pytest.fixture
def world(ctx: ServiceContext, people, tmp_path: Path) -> tuple[Actor, World]:
    """Sam holds every role; a draft of his own and Olga's submitted dossier."""
    users.add_user(ctx, system_actor("test"), "sam", PASSWORD, [r.value for r in Role])
    with ctx.factory() as session:
        sam_id = session.execute(select(User.id).where(User.name == "sam")).scalar_one()
    sam = Actor(sam_id, "sam", frozenset(Role), "test")
    own = new_dossier(ctx, sam)
    sent, sent_version = submitted(ctx, people.olga)
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS_FILE)
    return sam, World(own, 1, sent, sent_version, load_answer_file(path, ctx.content))


def _recorded(event: AuditEvent) -> tuple[str, str, str | None]:
    return event.actor, event.result, json.loads(event.details).get("refused")


def _refusals(ctx: ServiceContext, sam: Actor, w: World, names: list[str], key: str) -> list[str]:
    """Call each; what was not refused for ``key`` (and recorded so) is returned."""
    wrong = []
    for name in names:
        before = last_event(ctx).seq
        try:
            CALLS[name][1](ctx, sam, w)
        except PermissionDenied as exc:
            last = last_event(ctx)
            recorded = _recorded(last) if last.seq > before else "nothing"
            if exc.key != key or recorded != ("sam", "denied", key):
                wrong.append(f"{name}: {exc.key}, recorded {recorded}")
        except Exception as exc:  # collected, reported by name
            wrong.append(f"{name}: {type(exc).__name__} {exc}")
        else:
            wrong.append(f"{name}: allowed")
    return wrong


def test_a_deactivated_user_is_refused_everything(ctx, engine, world) -> None:
    sam, w = world
    users.set_active(ctx, system_actor("test"), "sam", False)
    before = fingerprint(engine)
    assert _refusals(ctx, sam, w, sorted(CALLS), "account_inactive") == []
    assert fingerprint(engine) == before


@pytest.mark.parametrize("role", list(Role))
def test_a_user_who_lost_the_role_a_call_needs_is_refused(ctx, engine, world, role) -> None:
    sam, w = world
    users.set_roles(ctx, system_actor("test"), "sam", [r.value for r in Role if r is not role])
    before = fingerprint(engine)
    needing = sorted(name for name, (needed, _) in CALLS.items() if needed is role)
    assert _refusals(ctx, sam, w, needing, "roles_changed") == []
    assert fingerprint(engine) == before
