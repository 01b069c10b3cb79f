"""Nobody changes their own account: an administrator who gives themselves the reviewer role
could approve their own plan. A second administrator does it, and the audit trail says who."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quickscan_app.services import users
from quickscan_app.services.errors import PermissionDenied
from quickscan_app.store.models import AuditEvent


def _events(ctx, action: str) -> list[tuple[str, str, str | None]]:
    with ctx.factory() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        ).scalars()
        return [(e.actor, e.result, json.loads(e.details).get("refused")) for e in rows]


def _roles(ctx, people, name: str) -> tuple[str, ...]:
    return next(u.roles for u in users.list_users(ctx, people.ada) if u.name == name)


def test_an_administrator_cannot_give_themselves_a_role(ctx, people) -> None:
    with pytest.raises(PermissionDenied) as refused:
        users.set_roles(ctx, people.anna, "anna", ["admin", "reviewer"])
    assert refused.value.key == "own_account"
    assert "andere beheerder" in refused.value.message("nl")
    assert "another administrator" in refused.value.message("en")
    assert _roles(ctx, people, "anna") == ("admin",)
    users.set_roles(ctx, people.ada, "anna", ["admin", "reviewer"])
    assert _roles(ctx, people, "anna") == ("admin", "reviewer")
    assert _events(ctx, "user.roles") == [
        ("anna", "denied", "own_account"),
        ("ada", "success", None),
    ]


def test_an_administrator_cannot_take_their_own_roles_or_switch_themselves_off(ctx, people) -> None:
    with pytest.raises(PermissionDenied):
        users.set_roles(ctx, people.ada, "ada", ["admin"])
    with pytest.raises(PermissionDenied) as refused:
        users.set_active(ctx, people.ada, "ada", False)
    assert refused.value.key == "own_account"
    ada = next(u for u in users.list_users(ctx, people.anna) if u.name == "ada")
    assert (ada.roles, ada.active) == (("admin", "reviewer"), True)
    users.set_active(ctx, people.anna, "ada", False)
    assert _events(ctx, "user.deactivate") == [
        ("ada", "denied", "own_account"),
        ("anna", "success", None),
    ]
