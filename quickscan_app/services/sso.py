"""Single sign-on: an OpenID Connect identity (from ``st.login``) becomes a Quickscan actor.

The department's identity provider says who someone is and which groups they are in; a
mapping from groups to roles (``.streamlit/secrets.toml``, section ``[quickscan_sso]``) says
what they may do here. Someone in no mapped group gets no access. The account is kept in
the users table (so ownership, four-eyes and the audit trail work as for local accounts),
its roles follow the groups at every sign-in, it has no password, and an administrator who
deactivates it locks it out even while the identity provider still knows the person.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from quickscan_app.domain.plain_text import printable
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.errors import AuthenticationFailed, InvalidInput
from quickscan_app.services.unit import unit_of_work
from quickscan_app.store.models import User, UserRole

NO_PASSWORD = "!sso"
"""Stored as the password hash: never a valid Argon2 hash, so no password ever matches."""
PREFIX = "sso:"
_UNSAFE = re.compile(r"[^A-Za-z0-9@._-]")


@dataclass(frozen=True)
class SsoConfig:
    roles: Mapping[str, Role]
    """Group (as the identity provider names it) -> role."""
    groups_claim: str = "groups"
    name_claim: str = "preferred_username"
    display_claim: str = "name"

    @classmethod
    def from_settings(cls, section: Mapping[str, Any]) -> SsoConfig:
        """From the ``[quickscan_sso]`` secrets section; unknown roles are refused by name."""
        roles: dict[str, Role] = {}
        for group, role in dict(section.get("roles", {})).items():
            try:
                roles[str(group)] = Role(str(role))
            except ValueError:
                raise InvalidInput("unknown_role", role=str(role)) from None
        return cls(
            roles=roles,
            groups_claim=str(section.get("groups_claim", "groups")),
            name_claim=str(section.get("name_claim", "preferred_username")),
            display_claim=str(section.get("display_claim", "name")),
        )


@dataclass(frozen=True)
class Identity:
    """What the identity provider vouches for, taken from the token's claims."""

    subject: str
    display_name: str
    groups: frozenset[str] = field(default_factory=frozenset)


def identity(claims: Mapping[str, Any], config: SsoConfig) -> Identity:
    """Who this is. The account is keyed on issuer and subject (``iss``, ``sub``: stable and
    unique per person); the readable part of the name only helps people read it, so two
    people whose user names look alike, or someone whose user name changes, never share an
    account."""
    subject = claims.get("sub")
    if not subject:
        raise AuthenticationFailed("sso_no_identity")
    raw = claims.get(config.name_claim) or claims.get("email") or subject
    fingerprint = hashlib.sha256(f"{claims.get('iss', '')}|{subject}".encode()).hexdigest()[:12]
    readable = _UNSAFE.sub("_", str(raw))[: 64 - len(PREFIX) - len(fingerprint) - 1]
    groups = claims.get(config.groups_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    display = " ".join(printable(str(claims.get(config.display_claim) or raw)).split())[:200]
    return Identity(f"{readable}~{fingerprint}", display, frozenset(str(g) for g in groups))


def roles_for(who: Identity, config: SsoConfig) -> frozenset[Role]:
    return frozenset(role for group, role in config.roles.items() if group in who.groups)


def sign_in_sso(
    ctx: ServiceContext, claims: Mapping[str, Any], config: SsoConfig, origin: str
) -> Actor:
    """The actor for a signed-in identity, or a refusal (audited) when no group maps to a role
    or an administrator deactivated the account."""
    who = identity(claims, config)
    name = PREFIX + who.subject
    anonymous = Actor(None, name, frozenset(), origin)
    with unit_of_work(ctx, anonymous, "login", "user", name) as work:
        work.details["via"] = "oidc"
        roles = roles_for(who, config)
        if not roles:
            raise AuthenticationFailed("sso_no_role")
        # Found by the issuer-and-subject fingerprint: a renamed user keeps the same account.
        fingerprint = who.subject.rsplit("~", 1)[1]
        user = work.session.execute(
            select(User).where(User.name.like(f"{PREFIX}%~{fingerprint}"))
        ).scalar_one_or_none()
        if user is None:
            user = User(name=name, display_name=who.display_name, password_hash=NO_PASSWORD,
                        active=True, demo=False, created_at=ctx.clock())  # fmt: skip
            work.session.add(user)
            work.session.flush()
        elif not user.active:
            raise AuthenticationFailed("login_failed")
        user.display_name = who.display_name
        user.roles = [UserRole(user_id=user.id, role=r.value) for r in sorted(roles)]
        work.details["roles"] = sorted(r.value for r in roles)
        return Actor(user.id, user.name, roles, origin)
