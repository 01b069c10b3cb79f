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
from quickscan_app.services import exports  # noqa: E402
from quickscan_app.services.context import ServiceContext  # noqa: E402
from quickscan_app.services.demo import seed_demo  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402
from quickscan_app.store.models import Approval, Dossier  # noqa: E402

LONG_WORD = "Supercalifragilisticexpialidocious" * 6


def demo_context(folder: Path) -> tuple[ServiceContext, int]:
    """A fresh demo database in ``folder`` and the id of its approved dossier."""
    engine = make_engine(f"sqlite:///{folder / 'demo.db'}")
    upgrade(engine)
    ctx = ServiceContext(engine, load_content(default_content_paths(ROOT)))
    seed_demo(ctx)
    with ctx.factory() as session:
        approved = session.query(Dossier.id).filter(Dossier.status == "approved").scalar()
    return ctx, int(approved)


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
    return ExportSource(base.kind, snap, base.sha256, base.issued_at, base.audit, base.skipped)


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
