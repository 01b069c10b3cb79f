"""Sources for export benchmarks and visual checks: the demo's approved dossier, and a
synthetic one with 300 chosen measures and very long answers.

    .venv/bin/python bench/export_setup.py OUTDIR   # writes every kind and format there
"""

from __future__ import annotations

import copy
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quickscan_app.content import default_content_paths, load_content  # noqa: E402
from quickscan_app.exports.render import render  # noqa: E402
from quickscan_app.exports.source import FORMATS, ExportSource  # noqa: E402
from quickscan_app.services import bidders, exports  # noqa: E402
from quickscan_app.services.context import Actor, Role, ServiceContext  # noqa: E402
from quickscan_app.services.demo import seed_demo  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402
from quickscan_app.store.models import Approval, Dossier, User  # noqa: E402

LONG_WORD = "Supercalifragilisticexpialidocious" * 6


def demo_context(folder: Path) -> tuple[ServiceContext, int]:
    """A fresh demo database in ``folder`` and the id of its approved dossier, which has two
    approved bidder checks (the award report needs at least one)."""
    engine = make_engine(f"sqlite:///{folder / 'demo.db'}")
    upgrade(engine)
    ctx = ServiceContext(engine, load_content(default_content_paths(ROOT)))
    seed_demo(ctx)
    with ctx.factory() as session:
        approved = session.query(Dossier.id).filter(Dossier.status == "approved").scalar()
    add_bidder_checks(ctx, int(approved))
    return ctx, int(approved)


def _demo_actor(ctx: ServiceContext, name: str, role: Role) -> Actor:
    with ctx.factory() as session:
        user_id = session.query(User.id).filter(User.name == name).scalar()
    return Actor(int(user_id), name, frozenset({role}), "bench")


def add_bidder_checks(ctx: ServiceContext, dossier_id: int) -> list[str]:
    """Two bidders on the approved dossier, entered by the officer and approved by the
    reviewer: one that meets every requirement, one that leaves some open or unmet."""
    officer = _demo_actor(ctx, "officer", Role.OFFICER)
    reviewer = _demo_actor(ctx, "reviewer", Role.REVIEWER)
    digests = []
    for name, country, answer in (("Scanco Nederland B.V.", "Nederland", "met"),
                                  ("Röntgen Systems GmbH", "Duitsland", "unknown")):  # fmt: skip
        bidder_id = bidders.add_bidder(ctx, officer, dossier_id, {"name": name})
        view = next(v for v in bidders.list_bidders(ctx, officer, dossier_id)
                    if v.bidder.id == bidder_id)  # fmt: skip
        responses = {
            m: {"response": "met" if i % 3 else answer, "note": "Zie de inschrijving, bijlage 4."}
            for i, m in enumerate(view.requirements)
        }
        data = {"registration_country": country, "parent_country": country,
                "ownership": "Beursgenoteerd; geen aandeelhouder boven 10%.",
                "responses": responses}  # fmt: skip
        version = bidders.update_bidder(ctx, officer, bidder_id, view.bidder.lock_version, data)
        version = bidders.submit_bidder(ctx, officer, bidder_id, version)
        digest = bidders.decide_bidder(ctx, reviewer, bidder_id, version, approve=True)
        digests.append(str(digest))
    return digests


def approved_source(ctx: ServiceContext, dossier_id: int, kind: str) -> ExportSource:
    with ctx.factory() as session:
        approval = session.query(Approval).filter(Approval.dossier_id == dossier_id).one()
        return exports.approved_source(session, approval, kind)


def huge_source(base: ExportSource, measures: int = 300, answer_chars: int = 4000) -> ExportSource:
    """``base`` with ``measures`` chosen measures (copies of the real ones) and long answers."""
    snap: dict[str, Any] = copy.deepcopy(base.snapshot)
    real = snap["measures"]
    plan = {p["measure"]: p for p in snap["plan"]}
    snap["measures"], snap["plan"] = [], []
    for i in range(measures):
        m = copy.deepcopy(real[i % len(real)])
        p = copy.deepcopy(plan.get(m["id"], {"decision": "selected", "status": "planned"}))
        m["id"] = p["measure"] = f"{m['id']}_{i:03d}"
        m["tender_text"] = (m["tender_text"] + " ") * (1 + i % 4)
        p.setdefault("justification", None)
        p.setdefault("owner", "Contractmanager")
        p.setdefault("phase", m["phase"])
        p.setdefault("due_date", None)
        snap["measures"].append(m)
        snap["plan"].append(p)
    filler = ("Łódź Ærø € “quotes” " + LONG_WORD + " ") * (answer_chars // 240 + 1)
    for section in snap["answer_sheet"]:
        for q in section["questions"]:
            q["answer"] = filler[:answer_chars]
    return ExportSource(
        base.kind, snap, base.sha256, base.issued_at, base.audit, base.skipped, base.bidders
    )


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        ctx, dossier_id = demo_context(Path(tmp))
        for kind, formats in FORMATS.items():
            src = approved_source(ctx, dossier_id, kind)
            for fmt in formats:
                (out / f"{kind}.{fmt}").write_bytes(render(src, fmt))
        ctx.engine.dispose()
    print(f"written to {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "build/exports"))
