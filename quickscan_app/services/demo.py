"""Demo users and realistic demo dossiers in several states, for a first look at the tool."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from quickscan_app.answer_files import load_answer_file
from quickscan_app.config import PROJECT_ROOT
from quickscan_app.services import acceptance, authz, plan, users, workflow
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.dossiers import get_dossier, import_dossier
from quickscan_app.services.errors import InvalidInput
from quickscan_app.services.passwords import generate_password
from quickscan_app.services.unit import unit_of_work
from quickscan_app.store.models import Dossier, User

EXAMPLES = PROJECT_ROOT / "data" / "examples"
DEMO_USERS = {
    "officer": ("Olga de Vries (inkoper)", ["officer"]),
    "reviewer": ("Ruben Bakker (beveiligingsadviseur)", ["reviewer"]),
    "risk_owner": ("Pieter Smit (proceseigenaar Douane)", ["risk_owner"]),
    "admin": ("Anne Jansen (beheerder)", ["admin"]),
}


@dataclass(frozen=True)
class DemoResult:
    passwords: dict[str, str]
    dossiers: list[int]


def holds_real_data(session: Session) -> bool:
    real_user = session.execute(select(User.id).where(User.demo.is_(False)).limit(1)).first()
    real_dossier = session.execute(
        select(Dossier.id).where(Dossier.demo.is_(False)).limit(1)
    ).first()
    return bool(real_user or real_dossier)


def seed_demo(ctx: ServiceContext, actor: Actor | None = None) -> DemoResult:
    """Create the demo users (or give them new passwords) and, the first time, demo dossiers.

    Refused on a database that holds anything that is not demo data.
    """
    actor = actor or system_actor("demo")
    with unit_of_work(ctx, actor, "demo.seed", "database") as work:
        authz.require_role(actor, Role.ADMIN)
        if holds_real_data(work.session):
            raise InvalidInput("not_demo")
    passwords = {name: generate_password() for name in DEMO_USERS}
    with ctx.factory() as session:
        existing = set(session.execute(select(User.name).where(User.demo.is_(True))).scalars())
    if existing:
        for name, password in passwords.items():
            users.set_password(ctx, actor, name, password)
        return DemoResult(passwords, [])
    ids = {}
    for name, (display, roles) in DEMO_USERS.items():
        ids[name] = users.add_user(
            ctx, actor, name, passwords[name], roles, display_name=display, demo=True
        )
    officer = Actor(ids["officer"], "officer", frozenset({Role.OFFICER}), actor.origin)
    reviewer = Actor(ids["reviewer"], "reviewer", frozenset({Role.REVIEWER}), actor.origin)
    owner = Actor(ids["risk_owner"], "risk_owner", frozenset({Role.RISK_OWNER}), actor.origin)
    return DemoResult(passwords, _demo_dossiers(ctx, actor, officer, reviewer, owner))


def _import(ctx: ServiceContext, actor: Actor, name: str, **overrides) -> int:  # type: ignore[no-untyped-def]
    loaded = load_answer_file(EXAMPLES / name, ctx.content)
    if overrides and loaded.file.dossier is not None:
        meta = loaded.file.dossier.model_copy(update=overrides)
        loaded = type(loaded)(
            loaded.library, loaded.file.model_copy(update={"dossier": meta}), loaded.answers
        )
    return import_dossier(ctx, actor, loaded, "officer", demo=True)


def plan_top(
    ctx: ServiceContext, officer: Actor, dossier_id: int, count: int, reject_one: bool
) -> int:
    view = get_dossier(ctx, officer, dossier_id)
    current = view.dossier.lock_version
    start = view.dossier.planned_publication_date or ctx.clock().date()
    owners = ("Contractmanager", "Inkoopadviseur", "Informatiebeveiliging", "IV-beheer Douane")
    # One of each pair of alternatives, as the plan allows.
    proposals, taken = [], set()
    for proposal in view.assessment.proposals:
        if not taken.intersection(proposal.alternatives):
            proposals.append(proposal)
            taken.add(proposal.measure_id)
    for i, proposal in enumerate(proposals[:count]):
        measure = view.library.catalogue.by_id[proposal.measure_id]
        current = plan.select_measure(
            ctx, officer, dossier_id, proposal.measure_id, current,
            owner=owners[i % len(owners)], phase=measure.phase.value,
            due_date=start + timedelta(days=14 * (i % 6) - 28),
        )  # fmt: skip
    if reject_one and len(proposals) > count:
        current = plan.reject_measure(
            ctx, officer, dossier_id, proposals[count].measure_id,
            "Niet proportioneel voor deze opdracht: de apparatuur werkt los van netwerken.",
            current,
        )  # fmt: skip
    return current


def _demo_dossiers(
    ctx: ServiceContext, actor: Actor, officer: Actor, reviewer: Actor, owner: Actor
) -> list[int]:
    draft = _import(ctx, actor, "parcel-scanner-standalone.yaml")

    sent = _import(ctx, actor, "air-cargo-networked.yaml")
    workflow.submit(ctx, officer, sent, plan_top(ctx, officer, sent, 8, reject_one=True))

    returned = _import(
        ctx, actor, "air-cargo-networked.yaml",
        title="Bagagescanners Schiphol Oost (vervanging)", reference="DOUANE-2027-031",
        object_category="x_ray_baggage",
    )  # fmt: skip
    current = workflow.submit(
        ctx, officer, returned, plan_top(ctx, officer, returned, 5, reject_one=False)
    )
    workflow.comment(
        ctx, reviewer, returned,
        "Het onderhoud op afstand via VPN is nog niet afgedekt: kies een springserver met "
        "sessie-opname of motiveer waarom niet.",
        target_kind="section", target_id="remote_access",
    )  # fmt: skip
    workflow.request_changes(
        ctx,
        reviewer,
        returned,
        "Maatregelen voor toegang op afstand ontbreken; zie opmerking.",
        current,
    )

    approved = _import(ctx, actor, "container-fleet-maintenance.yaml")
    current = workflow.submit(
        ctx, officer, approved, plan_top(ctx, officer, approved, 14, reject_one=True)
    )
    workflow.comment(ctx, reviewer, approved, "Plan is volledig; exitstrategie goed uitgewerkt.")
    workflow.approve(ctx, reviewer, approved, current, "Akkoord, met jaarlijkse herbeoordeling.")
    # A residual risk of high or more waits for the risk owner before it counts as approved.
    if get_dossier(ctx, owner, approved).dossier.status == "awaiting_acceptance":
        acceptance.accept(
            ctx, owner, approved, get_dossier(ctx, owner, approved).dossier.lock_version,
            "Het restrisico is aanvaardbaar: de leverancier werkt alleen via de springserver van "
            "de Douane en de vloot is binnen een jaar te vervangen.",
            conditions="Jaarlijkse audit bij de leverancier; herbeoordeling bij elke nieuwe "
            "netwerkkoppeling.",
        )  # fmt: skip

    waiting = _import(
        ctx, actor, "container-fleet-maintenance.yaml",
        title="Containerscanners Rotterdam Waalhaven (uitbreiding)", reference="DOUANE-2027-042",
    )  # fmt: skip
    current = workflow.submit(
        ctx, officer, waiting, plan_top(ctx, officer, waiting, 10, reject_one=False)
    )
    workflow.approve(
        ctx, reviewer, waiting, current,
        "Plan akkoord; het restrisico is hoog en ligt ter acceptatie bij de proceseigenaar.",
    )  # fmt: skip
    return [draft, sent, returned, approved, waiting]
