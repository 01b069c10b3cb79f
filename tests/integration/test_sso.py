"""Single sign-on: groups in the token become roles; no mapped group, no access; the
account follows the groups at every sign-in and cannot be used with a password."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from quickscan_app.services import users
from quickscan_app.services.context import Role, system_actor
from quickscan_app.services.errors import AuthenticationFailed, InvalidInput
from quickscan_app.services.sso import SsoConfig, identity, sign_in_sso
from quickscan_app.store.models import AuditEvent

CONFIG = SsoConfig.from_settings({
    "groups_claim": "groups",
    "roles": {"GG-Quickscan-Inkopers": "officer", "GG-Quickscan-Beveiliging": "reviewer"},
})  # fmt: skip


def claims(groups: list[str], user: str = "j.jansen@douane.nl", sub: str = "0f3c") -> dict:
    return {"iss": "https://login.example", "sub": sub, "preferred_username": user,
            "name": "Jan Jansen", "groups": groups}  # fmt: skip


def account(user: str = "j.jansen@douane.nl", sub: str = "0f3c") -> str:
    return "sso:" + identity(claims([], user, sub), CONFIG).subject


def test_groups_map_to_roles(ctx) -> None:
    actor = sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers", "Iedereen"]), CONFIG, "oidc:test")
    assert actor.name == account() and actor.name.startswith("sso:j.jansen@douane.nl~")
    assert actor.roles == {Role.OFFICER}
    both = sign_in_sso(
        ctx, claims(["GG-Quickscan-Inkopers", "GG-Quickscan-Beveiliging"]), CONFIG, "oidc:test"
    )
    assert both.user_id == actor.user_id and both.roles == {Role.OFFICER, Role.REVIEWER}
    listed = {u.name: u.roles for u in users.list_users(ctx, system_actor("test"))}
    assert listed[account()] == ("officer", "reviewer")


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
    assert account() not in names  # nothing created


def test_losing_the_group_or_being_deactivated_ends_access(ctx) -> None:
    sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"]), CONFIG, "oidc:test")
    with pytest.raises(AuthenticationFailed):
        sign_in_sso(ctx, claims([]), CONFIG, "oidc:test")
    users.set_active(ctx, system_actor("test"), account(), False)
    with pytest.raises(AuthenticationFailed):
        sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"]), CONFIG, "oidc:test")


def test_no_password_opens_an_sso_account(ctx) -> None:
    sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"], user="a b/c"), CONFIG, "oidc:test")
    for guess in ("", "!sso", "anything at all"):
        with pytest.raises(AuthenticationFailed):
            users.authenticate(ctx, account("a b/c"), guess, "web:test")


def test_look_alike_or_renamed_user_names_never_share_an_account(ctx) -> None:
    first = sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"], "o'brien@x.nl", "s1"), CONFIG, "t")
    second = sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"], "o_brien@x.nl", "s2"), CONFIG, "t")
    assert first.user_id != second.user_id
    renamed = sign_in_sso(ctx, claims(["GG-Quickscan-Inkopers"], "obrien@x.nl", "s1"), CONFIG, "t")
    assert renamed.user_id == first.user_id  # same issuer and subject: same account


def test_a_mapping_to_an_unknown_role_is_refused() -> None:
    with pytest.raises(InvalidInput):
        SsoConfig.from_settings({"roles": {"GG-Alles": "superuser"}})
