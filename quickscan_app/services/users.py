"""Accounts: sign-in, and user management by administrators."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import (
    AuthenticationFailed,
    InvalidInput,
    NotFound,
    ServiceError,
)
from quickscan_app.services.passwords import MIN_PASSWORD_LENGTH, hash_password, verify_password
from quickscan_app.services.unit import record_refusal, unit_of_work
from quickscan_app.store.models import User, UserRole


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    display_name: str
    roles: tuple[str, ...]
    active: bool
    demo: bool


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
) -> int:
    with unit_of_work(ctx, actor, "user.add", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        name = (name or "").strip()
        if not name or len(name) > 64 or any(c.isspace() for c in name):
            raise InvalidInput("invalid_field", field="name", problem="1-64 characters, no spaces")
        checked_roles = _roles(roles)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput("password_too_short", length=MIN_PASSWORD_LENGTH)
        if work.session.execute(select(User.id).where(User.name == name)).first():
            raise InvalidInput("user_exists", user=name)
        user = User(
            name=name,
            display_name=(display_name or name).strip()[:200],
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


def set_active(ctx: ServiceContext, actor: Actor, name: str, active: bool) -> None:
    with unit_of_work(
        ctx, actor, "user.activate" if active else "user.deactivate", "user", name
    ) as work:
        authz.require_role(actor, Role.ADMIN)
        user = work.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise NotFound("user_not_found", user=name)
        user.active = active


def set_roles(ctx: ServiceContext, actor: Actor, name: str, roles: list[str]) -> None:
    with unit_of_work(ctx, actor, "user.roles", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        user = work.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise NotFound("user_not_found", user=name)
        checked = _roles(roles)
        user.roles = [UserRole(role=r.value) for r in checked]
        work.details["roles"] = sorted(r.value for r in checked)


def set_password(ctx: ServiceContext, actor: Actor, name: str, password: str) -> None:
    with unit_of_work(ctx, actor, "user.password", "user", name) as work:
        authz.require_role(actor, Role.ADMIN)
        if len(password) < MIN_PASSWORD_LENGTH:
            raise InvalidInput("password_too_short", length=MIN_PASSWORD_LENGTH)
        user = work.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        if user is None:
            raise NotFound("user_not_found", user=name)
        user.password_hash = hash_password(password)


def list_users(ctx: ServiceContext, actor: Actor) -> list[UserInfo]:
    try:
        authz.require_role(actor, Role.ADMIN)
    except ServiceError as exc:
        record_refusal(ctx, actor, "user.list", "user", None, exc)
        raise
    with ctx.factory() as session:
        return [
            UserInfo(u.id, u.name, u.display_name, tuple(sorted(u.role_names)), u.active, u.demo)
            for u in session.execute(select(User).order_by(User.name)).scalars()
        ]


def authenticate(ctx: ServiceContext, name: str, password: str, origin: str) -> Actor:
    """Check a password; every attempt, good or bad, is an audit event."""
    anonymous = Actor(None, name[:64] or "?", frozenset(), origin)
    with unit_of_work(ctx, anonymous, "login", "user", name[:64]) as work:
        user = work.session.execute(select(User).where(User.name == name)).scalar_one_or_none()
        valid = verify_password(user.password_hash if user else None, password)
        if user is None or not valid or not user.active:
            raise AuthenticationFailed("login_failed")
        return Actor(user.id, user.name, frozenset(Role(r) for r in user.role_names), origin)
