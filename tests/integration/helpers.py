"""Small builders shared by the integration tests."""

from __future__ import annotations

from quickscan_app.services import dossiers, workflow
from quickscan_app.services.context import Actor, ServiceContext

COMPLETE = {"connectivity": "internet", "remote": "yes", "channel": ["vpn"], "fleet_share": 40}


def new_dossier(ctx: ServiceContext, owner: Actor, title: str = "Scanner Maasvlakte") -> int:
    return dossiers.create_dossier(ctx, owner, {"title": title, "reference": "DOUANE-2027-001"})


def version(ctx: ServiceContext, actor: Actor, dossier_id: int) -> int:
    return dossiers.get_dossier(ctx, actor, dossier_id).dossier.lock_version


def answer_all(ctx: ServiceContext, owner: Actor, dossier_id: int, answers=COMPLETE) -> int:
    current = version(ctx, owner, dossier_id)
    for question, value in answers.items():
        current = dossiers.save_answer(ctx, owner, dossier_id, question, value, current)
    return current


def submitted(ctx: ServiceContext, owner: Actor) -> tuple[int, int]:
    dossier_id = new_dossier(ctx, owner)
    current = answer_all(ctx, owner, dossier_id)
    return dossier_id, workflow.submit(ctx, owner, dossier_id, current)
