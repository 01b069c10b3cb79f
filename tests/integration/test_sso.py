"""Single sign-on: groups in the token become roles; no mapped group, no access; the
account follows the groups at every sign-in and cannot be used with a password."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quickscan_app.services import users
from quickscan_app.services.context import Role, system_actor
from quickscan_app.services.errors import AuthenticationFailed, InvalidInput
from quickscan_app.services.sso import SsoConfig, sign_in_sso
from quickscan_app.store.models import AuditEvent

CONFIG = SsoConfig.from_settings({
    "groups_claim": "groups",
    "roles": {"GG-Quickscan-Inkopers": "officer", "GG-Quickscan-Beveiliging": "reviewer"},
})  # fmt: skip


def claims(groups: list[str], user: str = "j.jansen@douane.nl") -> dict:
    return {"sub": "0f3c", "preferred_username": user, "name": "Jan Jansen", "groups": groups}


def test_groups_map_to_roles(ctx) -> None:
    actor = sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers", "Iedereen"]), CONFIG, "oidc:test")
    assert actor.name == "sso:j.jansen@douane.nl" and actor.roles == {Role.OFFICER}
    both = sign_in_sso(
        ctx, claims(["GG-Quickscan-Inkopers", "GG-Quickscan-Beveiliging"]), CONFIG, "oidc:test"
    )
    assert both.user_id == actor.user_id and both.roles == {Role.OFFICER, Role.REVIEWER}
    listed = {u.name: u.roles for u in users.list_users(ctx, system_actor("test"))}
    assert listed["sso:j.jansen@douane.nl"] == ("officer", "reviewer")


def test_an_unmapped_user_gets_no_access(ctx) -> None:
    with pytest.raises(AuthenticationFailed) as refused:
        sign_in_sso(ctx, claims(["Iedereen"]), CONFIG, "oidc:test")
    assert refused.value.key == "sso_no_role"
    with ctx.factory() as session:
        event = (
            session.execute(select(AuditEvent).order_by(AuditEvent.seq.desc())).scalars().first()
        )
    assert (event.action, event.result) == ("login", "denied")
    assert json.loads(event.details)["refused"] == "sso_no_role"
    names = [u.name for u in users.list_users(ctx, system_actor("test"))]
    assert "sso:j.jansen@douane.nl" not in names  # nothing created


def test_losing_the_group_or_being_deactivated_ends_access(ctx) -> None:
    sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"]), CONFIG, "oidc:test")
    with pytest.raises(AuthenticationFailed):
        sign_in_sso(ctx, claims([]), CONFIG, "oidc:test")
    users.set_active(ctx, system_actor("test"), "sso:j.jansen@douane.nl", False)
    with pytest.raises(AuthenticationFailed):
        sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"]), CONFIG, "oidc:test")


def test_no_password_opens_an_sso_account(ctx) -> None:
    sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"], user="a b/c"), CONFIG, "oidc:test")
    for guess in ("", "!sso", "anything at all"):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(ctx, "sso:a_b_c", guess, "web:test")


def test_a_mapping_to_an_unknown_role_is_refused() -> None:
    with pytest.raises(InvalidInput):
        SsoConfig.from_settings({"roles": {"GG-Alles": "superuser"}})
