"""Who may do what with which dossier. Every service calls these before it changes anything."""

from __future__ import annotations

from quickscan_app.domain.workflow import (
    EDITABLE,
    Status,
    reviewer_may_see,
    risk_owner_may_see,
)
from quickscan_app.services.context import Actor, Role
from quickscan_app.services.errors import PermissionDenied, WorkflowError
from quickscan_app.store.models import Dossier


def is_owner(actor: Actor, dossier: Dossier) -> bool:
    return actor.user_id is not None and actor.user_id == dossier.owner_id


def can_view(actor: Actor, dossier: Dossier) -> bool:
    if actor.has(Role.ADMIN):
        return True
    if actor.has(Role.OFFICER) and is_owner(actor, dossier):
        return True
    status = Status(dossier.status)
    if actor.has(Role.RISK_OWNER) and risk_owner_may_see(status, dossier.put_to_risk_owner):
        return True
    return actor.has(Role.REVIEWER) and reviewer_may_see(status, dossier.submitted_once)


def require_role(actor: Actor, *roles: Role) -> None:
    if not any(actor.has(role) for role in roles):
        raise PermissionDenied("needs_role", roles=" / ".join(role.value for role in roles))


def require_view(actor: Actor, dossier: Dossier) -> None:
    if not can_view(actor, dossier):
        raise PermissionDenied("no_view", dossier=dossier.id)


def require_owner(actor: Actor, dossier: Dossier) -> None:
    """The owning officer."""
    require_view(actor, dossier)
    if not (actor.has(Role.OFFICER) and is_owner(actor, dossier)):
        raise PermissionDenied("owner_only", dossier=dossier.id)


def require_edit(actor: Actor, dossier: Dossier) -> None:
    """Answers and plan: the owning officer, while the dossier is a draft or sent back."""
    require_owner(actor, dossier)
    if Status(dossier.status) not in EDITABLE:
        raise WorkflowError("not_editable", dossier=dossier.id, status=dossier.status)


def require_owner_or_admin(actor: Actor, dossier: Dossier) -> None:
    require_view(actor, dossier)
    if not (actor.has(Role.ADMIN) or (actor.has(Role.OFFICER) and is_owner(actor, dossier))):
        raise PermissionDenied("owner_or_admin", dossier=dossier.id)


def _require_second_pair_of_eyes(
    actor: Actor, dossier: Dossier, role: Role, involved: set[int], refusal: str
) -> None:
    """Four-eyes: ``role``, and neither the owner nor anyone in ``involved``."""
    require_view(actor, dossier)
    require_role(actor, role)
    if is_owner(actor, dossier):
        raise PermissionDenied("four_eyes_owner")
    if actor.user_id in involved:
        raise PermissionDenied(refusal)


def require_reviewer_of(actor: Actor, dossier: Dossier, answered_by: set[int]) -> None:
    """Four-eyes: a reviewer, and neither the owner nor anyone who answered."""
    _require_second_pair_of_eyes(actor, dossier, Role.REVIEWER, answered_by, "four_eyes_answered")


def require_risk_owner_of(actor: Actor, dossier: Dossier, involved: set[int]) -> None:
    """Four-eyes for residual risk: a risk owner who neither owns the dossier nor answered,
    planned or reviewed it (``involved``)."""
    _require_second_pair_of_eyes(actor, dossier, Role.RISK_OWNER, involved, "four_eyes_risk_owner")
