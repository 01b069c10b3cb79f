"""Accounts: sign-in, and user management by administrators."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, text

from quickscan_app.domain.plain_text import printable
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    PermissionDenied,
)
from quickscan_app.services.limits import NAME, SHORT_TEXT, bounded, shown, typed
from quickscan_app.services.passwords import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    too_common,
    verify_password,
)
from quickscan_app.services.throttle import LOCKOUT_MINUTES, throttled_by
from quickscan_app.services.unit import Work, reading, record_event, unit_of_work
from quickscan_app.store.models import User, UserRole


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    display_name: str
    roles: tuple[str, ...]
    active: bool
    demo: bool
    email: str | None = None


EMAIL = 254
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")


def checked_email(value: str | None) -> str | None:
    """An e-mail address as stored: one line, ``name@domain.tld``; empty means none."""
    text = bounded(value, "email", EMAIL)
    if text and not _EMAIL.fullmatch(text):
        raise InvalidInput("invalid_email", email=shown(text, 60))
    return text or None


def check_password(password: str, user_name: str) -> None:
    """Long enough, and not one that is guessed early (see ``passwords.too_common``)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password_too_short", length=MIN_PASSWORD_LENGTH)
    if too_common(password, user_name):
        raise InvalidInput("password_common")


def _roles(names: list[str] | tuple[str, ...]) -> list[Role]:
    roles = []
    for name in names:
        try:
            roles.append(Role(name))
        except ValueError:
            raise InvalidInput("unknown_role", role=name) from None
    if not roles:
        raise InvalidInput("invalid_field", field="roles", problem="at least one role")
    return roles


def add_user(
    ctx: ServiceContext,
    actor: Actor,
    name: str,
    password: str,
    roles: list[str] | tuple[str, ...],
    *,
    display_name: str | None = None,
    demo: bool = False,
    email: str | None = None,
) -> int:
    with unit_of_work(ctx, actor, "user.add", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        name = (name or "").strip()
        if not name or len(name) > NAME or any(c.isspace() for c in name):
            raise InvalidInput("invalid_field", field="name", problem="1-64 characters, no spaces")
        typed(name, "name")
        checked_roles = _roles(roles)
        check_password(password, name)
        if work.session.execute(select(User.id).where(User.name == name)).first():
            raise InvalidInput("user_exists", user=name)
        user = User(
            name=name,
            display_name=bounded(display_name, "display_name", SHORT_TEXT) or name,
            email=checked_email(email),
            password_hash=hash_password(password),
            active=True,
            demo=demo,
            created_at=ctx.clock(),
            roles=[UserRole(role=r.value) for r in checked_roles],
        )
        work.session.add(user)
        work.session.flush()
        work.details["roles"] = sorted(r.value for r in checked_roles)
        return user.id


def _user(work: Work, name: str) -> User:
    """The account called ``name``; a name longer than any account's is not looked up."""
    user = None
    if len(name) <= NAME:
        user = work.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
    if user is None:
        raise NotFound("user_not_found", user=shown(name, NAME))
    return user


def _someone_else(work: Work, name: str) -> User:
    """The account an administrator changes: never their own. Nobody gives themselves a role
    (a reviewer's, to approve their own plan) or switches themselves off: a second
    administrator does, and the audit trail says who."""
    user = _user(work, name)
    if user.id == work.actor.user_id:
        raise PermissionDenied("own_account")
    return user


def set_active(ctx: ServiceContext, actor: Actor, name: str, active: bool) -> None:
    with unit_of_work(
        ctx, actor, "user.activate" if active else "user.deactivate", "user", name
    ) as work:
        authz.require_role(actor, Role.ADMIN)
        _someone_else(work, name).active = active


def set_roles(ctx: ServiceContext, actor: Actor, name: str, roles: list[str]) -> None:
    with unit_of_work(ctx, actor, "user.roles", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        user = _someone_else(work, name)
        checked = _roles(roles)
        user.roles = [UserRole(role=r.value) for r in checked]
        work.details["roles"] = sorted(r.value for r in checked)


def set_email(ctx: ServiceContext, actor: Actor, name: str, email: str | None) -> None:
    """Where the daily digest goes (``None`` or empty: no e-mail)."""
    with unit_of_work(ctx, actor, "user.email", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        _user(work, name).email = checked_email(email)


def set_password(ctx: ServiceContext, actor: Actor, name: str, password: str) -> None:
    with unit_of_work(ctx, actor, "user.password", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        check_password(password, name)
        user = _user(work, name)
        user.password_hash = hash_password(password)


def list_users(ctx: ServiceContext, actor: Actor) -> list[UserInfo]:
    with reading(ctx, actor, "user.list", "user") as session:
        authz.require_role(actor, Role.ADMIN)
        return [
            UserInfo(
                u.id,
                u.name,
                u.display_name,
                tuple(sorted(u.role_names)),
                u.active,
                u.demo,
                u.email,
            )
            for u in session.execute(select(User).order_by(User.name)).scalars()
        ]


def authenticate(ctx: ServiceContext, name: str, password: str, origin: str) -> Actor:
    """Check a password; every attempt, good or bad, is an audit event. After too many
    failures the account (or origin) waits: refused without looking at the password.

    Attempts on one account are serialised (SQLite: every write transaction is; PostgreSQL:
    an advisory lock per account) and the attempt is recorded in the same transaction, so
    parallel guesses cannot all read the count from before the others failed.
    """
    key = printable(name[:NAME])[:NAME]  # as the audit trail names it: no control character
    anonymous = Actor(None, key or "?", frozenset(), origin)
    failure: AuthenticationFailed | None = None
    found: Actor | None = None
    with ctx.transaction() as session:
        if session.bind is not None and session.bind.dialect.name == "postgresql":
            session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": key})
        waits = throttled_by(session, ctx, key, origin)
        if waits is not None:
            failure = AuthenticationFailed("login_throttled", minutes=LOCKOUT_MINUTES)
        else:
            user = None
            if key == name:  # no account has a longer name or a control character in it
                user = session.execute(select(User).where(User.name == name)).scalar_one_or_none()
            valid = verify_password(user.password_hash if user else None, password)
            if user is None or not valid or not user.active:
                failure = AuthenticationFailed("login_failed")
            else:
                found = Actor(user.id, user.name, frozenset(Role(r) for r in user.role_names),
                              origin)  # fmt: skip
        details = {"refused": failure.key} if failure else {}
        if waits is not None:
            details["throttled_by"] = waits
        record_event(session, ctx, anonymous, "login", "user", key,
                     "denied" if failure else "success", details)  # fmt: skip
    if failure is not None:
        raise failure
    assert found is not None
    return found
