"""The authorization matrix: every role against every service action, allowed and refused.

A refused call raises PermissionDenied and leaves every table but the audit trail as it was.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, MetaData, select

from quickscan_app.answer_files import load_answer_file
from quickscan_app.services import dossiers, plan, users, workflow
from quickscan_app.services.errors import NotFound, PermissionDenied
from quickscan_app.store.models import AuditEvent
from tests.integration.helpers import answer_all, new_dossier, submitted, version

ACTORS = ("olga", "otto", "rita", "anna")  # owner officer, other officer, reviewer, admin
Y, N = True, False

ANSWERS_FILE = """\
questionnaire: mini
version: 1
dossier: {title: Geimporteerd, reference: IMP-1}
answers: {connectivity: closed, remote: "no", fleet_share: 10}
"""


def draft(ctx, people):
    dossier_id = new_dossier(ctx, people.olga)
    return dossier_id, answer_all(ctx, people.olga, dossier_id)


def approved(ctx, people):
    dossier_id, current = submitted(ctx, people.olga)
    workflow.approve(ctx, people.rita, dossier_id, current)
    return dossier_id, version(ctx, people.olga, dossier_id)


def with_measure(ctx, people):
    dossier_id, current = draft(ctx, people)
    return dossier_id, plan.select_measure(ctx, people.olga, dossier_id, "exit_plan", current)


def nothing(ctx, people):
    return None, None


Setup = Callable[..., tuple[int | None, int | None]]
# action: (setup, call(ctx, actor, dossier_id, version, tmp_path), allowed for ACTORS)
MATRIX: dict[str, tuple[Setup, Callable, tuple[bool, bool, bool, bool]]] = {
    "view_draft": (draft, lambda c, a, d, v, p: dossiers.get_dossier(c, a, d), (Y, N, N, Y)),
    "view_submitted": (
        lambda c, p: submitted(c, p.olga),
        lambda c, a, d, v, p: dossiers.get_dossier(c, a, d),
        (Y, N, Y, Y),
    ),
    "create_dossier": (
        nothing,
        lambda c, a, d, v, p: dossiers.create_dossier(c, a, {"title": "Nieuw"}),
        (Y, Y, N, N),
    ),
    "save_answer": (
        draft,
        lambda c, a, d, v, p: dossiers.save_answer(c, a, d, "connectivity", "closed", v),
        (Y, N, N, N),
    ),
    "select_measure": (
        draft,
        lambda c, a, d, v, p: plan.select_measure(c, a, d, "exit_plan", v),
        (Y, N, N, N),
    ),
    "reject_measure": (
        draft,
        lambda c, a, d, v, p: plan.reject_measure(c, a, d, "exit_plan", "Niet nodig.", v),
        (Y, N, N, N),
    ),
    "deselect_measure": (
        with_measure,
        lambda c, a, d, v, p: plan.deselect_measure(c, a, d, "exit_plan", v),
        (Y, N, N, N),
    ),
    "submit": (draft, lambda c, a, d, v, p: workflow.submit(c, a, d, v), (Y, N, N, N)),
    "comment": (
        lambda c, p: submitted(c, p.olga),
        lambda c, a, d, v, p: workflow.comment(
            c, a, d, "Zie sectie netwerk.", target_kind="section", target_id="net"
        ),
        (Y, N, Y, Y),
    ),
    "request_changes": (
        lambda c, p: submitted(c, p.olga),
        lambda c, a, d, v, p: workflow.request_changes(c, a, d, "Aanvullen.", v),
        (N, N, Y, N),
    ),
    "approve": (
        lambda c, p: submitted(c, p.olga),
        lambda c, a, d, v, p: workflow.approve(c, a, d, v),
        (N, N, Y, N),
    ),
    "reopen": (approved, lambda c, a, d, v, p: workflow.reopen(c, a, d, v), (Y, N, N, Y)),
    "archive": (draft, lambda c, a, d, v, p: workflow.archive(c, a, d, v), (Y, N, N, Y)),
    "add_user": (
        nothing,
        lambda c, a, d, v, p: users.add_user(c, a, "nieuw", "een lang wachtwoord", ["officer"]),
        (N, N, N, Y),
    ),
    "list_users": (nothing, lambda c, a, d, v, p: users.list_users(c, a), (N, N, N, Y)),
    "deactivate_user": (
        nothing,
        lambda c, a, d, v, p: users.set_active(c, a, "otto", False),
        (N, N, N, Y),
    ),
    "set_roles": (
        nothing,
        lambda c, a, d, v, p: users.set_roles(c, a, "otto", ["officer", "reviewer"]),
        (N, N, N, Y),
    ),
    "import_for_olga": (
        nothing,
        lambda c, a, d, v, p: dossiers.import_dossier(c, a, _answers(c, p), "olga"),
        (Y, N, N, Y),
    ),
}


def _answers(ctx, tmp_path):
    path = tmp_path / "answers.yaml"
    path.write_text(ANSWERS_FILE)
    return load_answer_file(path, ctx.content)


def fingerprint(engine: Engine) -> dict[str, list]:
    """Every row of every table except the audit trail."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {
            name: sorted(map(repr, conn.execute(select(table)).all()))
            for name, table in meta.tables.items()
            if not name.startswith("audit") and name != "alembic_version"
        }


CASES = [
    (action, actor, MATRIX[action][2][i]) for action in MATRIX for i, actor in enumerate(ACTORS)
]


@pytest.mark.parametrize(
    ("action", "actor", "allowed"), CASES, ids=[f"{a}-{b}" for a, b, _ in CASES]
)
def test_authorization_matrix(ctx, people, engine, tmp_path, action, actor, allowed) -> None:
    setup, call, _ = MATRIX[action]
    dossier_id, current = setup(ctx, people)
    who = getattr(people, actor)
    if allowed:
        call(ctx, who, dossier_id, current, tmp_path)
        if action not in ("view_draft", "view_submitted", "list_users"):
            with ctx.factory() as session:
                last = session.execute(
                    select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
                ).scalar_one()
            assert (last.actor, last.result) == (actor, "success")
        return
    before = fingerprint(engine)
    with pytest.raises(PermissionDenied):
        call(ctx, who, dossier_id, current, tmp_path)
    assert fingerprint(engine) == before
    with ctx.factory() as session:
        last = session.execute(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)
        ).scalar_one()
    assert (last.actor, last.result) == (actor, "denied")


def test_lists_show_only_what_each_role_may_see(ctx, people) -> None:
    own_draft = new_dossier(ctx, people.olga, "Concept Olga")
    other_draft = new_dossier(ctx, people.otto, "Concept Otto")
    sent, _ = submitted(ctx, people.olga)
    seen = {
        name: {d.id for d in dossiers.list_dossiers(ctx, getattr(people, name))} for name in ACTORS
    }
    assert seen["olga"] == {own_draft, sent}
    assert seen["otto"] == {other_draft}
    assert seen["rita"] == {sent}
    assert seen["anna"] == {own_draft, other_draft, sent}


def test_deactivated_user_cannot_sign_in(ctx, people) -> None:
    from quickscan_app.services.errors import AuthenticationFailed
    from tests.integration.conftest import PASSWORD

    assert users.authenticate(ctx, "otto", PASSWORD, "test").user_id == people.otto.user_id
    users.set_active(ctx, people.anna, "otto", False)
    with pytest.raises(AuthenticationFailed):
        users.authenticate(ctx, "otto", PASSWORD, "test")
    with pytest.raises(AuthenticationFailed):
        users.authenticate(ctx, "olga", "wrong password!", "test")
    with pytest.raises(AuthenticationFailed) as refused:
        users.authenticate(ctx, "nobody", PASSWORD, "test")
    assert "wachtwoord" in refused.value.message("nl")
    with ctx.factory() as session:
        logins = session.execute(
            select(AuditEvent.actor, AuditEvent.result)
            .where(AuditEvent.action == "login")
            .order_by(AuditEvent.seq)
        ).all()
    assert [tuple(row) for row in logins] == [
        ("otto", "success"), ("otto", "denied"), ("olga", "denied"), ("nobody", "denied"),
    ]  # fmt: skip


def test_archived_draft_stays_with_its_owner(ctx, people) -> None:
    never_sent = new_dossier(ctx, people.olga, "Nooit ingediend")
    workflow.archive(ctx, people.olga, never_sent, 1)
    sent, current = submitted(ctx, people.olga)
    workflow.request_changes(ctx, people.rita, sent, "Aanvullen.", current)
    workflow.archive(ctx, people.olga, sent, version(ctx, people.olga, sent))
    assert {d.id for d in dossiers.list_dossiers(ctx, people.rita)} == {sent}
    with pytest.raises(PermissionDenied):
        dossiers.get_dossier(ctx, people.rita, never_sent)
    dossiers.get_dossier(ctx, people.rita, sent)


def test_deactivated_user_is_refused_at_once(ctx, people) -> None:
    dossier_id = new_dossier(ctx, people.otto)
    users.set_active(ctx, people.anna, "otto", False)
    with pytest.raises(PermissionDenied) as refused:
        dossiers.save_answer(ctx, people.otto, dossier_id, "remote", "no", 1)
    assert refused.value.key == "account_inactive"
    with pytest.raises(PermissionDenied):
        dossiers.get_dossier(ctx, people.otto, dossier_id)


def test_removed_role_is_refused_at_once(ctx, people) -> None:
    dossier_id, current = submitted(ctx, people.olga)
    users.set_roles(ctx, people.anna, "rita", ["officer"])
    with pytest.raises(PermissionDenied) as refused:
        workflow.approve(ctx, people.rita, dossier_id, current)
    assert refused.value.key == "roles_changed"


def test_unknown_and_forbidden_dossiers_read_the_same(ctx, people) -> None:
    hidden = new_dossier(ctx, people.otto)
    with pytest.raises(PermissionDenied) as forbidden:
        dossiers.get_dossier(ctx, people.olga, hidden)
    with pytest.raises(NotFound) as missing:
        dossiers.get_dossier(ctx, people.olga, 99_999)
    assert forbidden.value.message("nl").replace(str(hidden), "N") == missing.value.message(
        "nl"
    ).replace("99999", "N")
    with ctx.factory() as session:
        refusals = session.execute(
            select(AuditEvent.action, AuditEvent.object_id).where(AuditEvent.result == "denied")
        ).all()
    assert [tuple(r) for r in refusals] == [
        ("dossier.read", str(hidden)),
        ("dossier.read", "99999"),
    ]
