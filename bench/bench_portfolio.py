"""Benchmark of the portfolio dashboard at scale: prints figures, asserts nothing.

    .venv/bin/python bench/bench_portfolio.py [--sizes 10000,100000] [--quick]

``--quick`` (CI): 200 dossiers, one run each; the figures mean little, the run shows it works.

Generates synthetic dossiers on a SQLite file and on PostgreSQL: each with 10 answers, three
plan items (one overdue) and its risk cache, built from 40 answer profiles that were scored
with the real engine (as the app's refresh would leave them), created over the last two years;
approved and archived ones with their approval (archived ones with the archiving step), and
one in ten a second revision whose first approval (a snapshot of about 100 kB) it superseded.
Then measures the dashboard's data load (staleness check, key figures, residual heatmap, first
page of 50) as an administrator who sees everything, unfiltered and with a filter, and the
24-month risk trend: the first call of a server process (it reads the superseded snapshots),
computed again (their levels known), filtered, and asked again with nothing changed (its
memo), median of 7 runs.

PostgreSQL: QUICKSCAN_TEST_PG_URL (default postgres@127.0.0.1:5432); a scratch database is
created and dropped.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, select, text  # noqa: E402

from quickscan_app.content import default_content_paths, load_content  # noqa: E402
from quickscan_app.domain.answers import normalise_answers  # noqa: E402
from quickscan_app.engine import assess  # noqa: E402
from quickscan_app.services import portfolio_trend, users  # noqa: E402
from quickscan_app.services.context import ServiceContext, system_actor  # noqa: E402
from quickscan_app.services.dossiers import answer_json  # noqa: E402
from quickscan_app.services.portfolio import PortfolioFilter, portfolio  # noqa: E402
from quickscan_app.store.audit_key import scratch_keys  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402
from quickscan_app.store.models import (  # noqa: E402
    Answer,
    Approval,
    Decision,
    Dossier,
    DossierRisk,
    DossierScenarioRisk,
    PlanItem,
)
from tests.pg import pg_database  # noqa: E402

PROFILES, CHUNK, RUNS = 40, 5_000, 7
EXAMPLES = ROOT / "data" / "examples"
AUTHORITIES = ["Douane (Belastingdienst)", "Koninklijke Marechaussee", "Rijkshavenmeester"]
CATEGORIES = ["x_ray_parcel", "x_ray_air_cargo", "container_scanner", "radiation_portal"]
STATUSES = ["draft", "submitted", "changes_requested", "approved", "archived"]


def profiles(ctx: ServiceContext) -> list[dict]:
    """Answer sets mixed from the three examples, each scored once with the real engine."""
    import yaml

    library = ctx.content.library()
    examples = [
        yaml.safe_load((EXAMPLES / f).read_text())["answers"]
        for f in sorted(p.name for p in EXAMPLES.glob("*.yaml"))
    ]
    rng = random.Random(7)
    result = []
    measures = [m.id for m in library.catalogue.measures]
    for _ in range(PROFILES):
        raw = {q: rng.choice(examples).get(q) for q in examples[0]}
        raw = {q: v for q, v in raw.items() if v is not None}
        try:
            answers = normalise_answers(library.questionnaire, raw)
        except ValueError:
            answers = normalise_answers(library.questionnaire, examples[0])
        chosen = rng.sample(measures, 3)
        scored = assess(library, answers, chosen)
        residual = {r.scenario_id: r for r in scored.residual or ()}
        result.append(
            {
                "answers": list(answers.items())[:10],
                "chosen": chosen,
                "overall": scored.overall_level.value,
                "residual": (scored.residual_level or scored.overall_level).value,
                "full": scored.full_risk_analysis_required,
                "open": len(scored.open_required),
                "scenarios": [
                    (
                        s.scenario_id,
                        s.likelihood,
                        s.impact,
                        s.level.value,
                        residual[s.scenario_id].likelihood,
                        residual[s.scenario_id].impact,
                        residual[s.scenario_id].level.value,
                    )
                    for s in scored.scenarios
                ],
            }
        )
    return result


def snapshot_text(shape: dict, i: int) -> str:
    """An approval snapshot about as large as a real one (answers, reasons, measures)."""
    filler = [
        {"id": f"item_{n}", "title": f"Onderdeel {n} van dossier {i}", "level": "medium",
         "reasons": [f"reden {n}.{k}" for k in range(4)], "n": n}
        for n in range(550)
    ]  # fmt: skip
    results = {"overall_level": shape["overall"], "residual": {"overall_level": shape["residual"]}}
    return json.dumps({"answer_sheet": filler, "results": results}, sort_keys=True)


def history(i: int, shape: dict, owner: int, created: datetime, updated: datetime) -> tuple:
    """The approvals and archiving steps of dossier ``i`` (by its status, see the module)."""
    status = STATUSES[i % 5]
    approvals, decisions = [], []

    def approval(revision: int, at: datetime, text: str) -> dict:
        digest = hashlib.sha256(f"{i}-{revision}-{text[:40]}".encode()).hexdigest()
        return {"dossier_id": i, "revision": revision, "approver_id": owner,
                "approver_role": "reviewer", "approved_at": at, "snapshot": text,
                "sha256": digest}  # fmt: skip

    if i % 10 == 0:  # a draft of revision 2: its first approval was superseded
        approvals.append(approval(1, created + (updated - created) / 2, snapshot_text(shape, i)))
    if status in ("approved", "archived"):
        approvals.append(approval(1, updated - timedelta(days=1), "{}"))
    if status == "archived":
        decisions.append({"dossier_id": i, "revision": 1, "actor_id": owner,
                          "from_status": "approved", "to_status": "archived",
                          "created_at": updated})  # fmt: skip
    return approvals, decisions


def generate(ctx: ServiceContext, count: int, owner: int, start_id: int) -> None:
    """Dossiers ``start_id`` .. ``start_id + count - 1`` with answers, plan and risk cache."""
    rng = random.Random(start_id)
    now = datetime.now(UTC)
    today = now.date()
    shapes = profiles(ctx)
    for first in range(start_id, start_id + count, CHUNK):
        ids = range(first, min(first + CHUNK, start_id + count))
        dossiers, answers, items, risks, scenarios = [], [], [], [], []
        approvals, decisions = [], []
        for i in ids:
            shape = shapes[i % PROFILES]
            created = now - timedelta(days=rng.randint(2, 730), hours=rng.randint(0, 23))
            updated = created + (now - created) * rng.random()
            made = history(i, shape, owner, created, updated)
            approvals += made[0]
            decisions += made[1]
            dossiers.append(
                {
                    "id": i,
                    "title": f"Scanner {i}",
                    "reference": f"BENCH-{i}",
                    "contracting_authority": AUTHORITIES[i % 3],
                    "object_category": CATEGORIES[i % 4],
                    "owner_id": owner,
                    "questionnaire_id": "scan-detection",
                    "questionnaire_version": 1,
                    "status": STATUSES[i % 5],
                    "revision": 2 if i % 10 == 0 else 1,
                    "lock_version": 1,
                    "language": "nl",
                    "demo": False,
                    "created_at": created,
                    "updated_at": updated,
                    "updated_by_id": owner,
                    "last_change": "bench",
                    "submitted_once": i % 5 != 0,
                    "planned_publication_date": today + timedelta(days=rng.randint(-30, 365)),
                }
            )
            answers += [
                {
                    "dossier_id": i,
                    "question_id": q,
                    "value": answer_json(v),
                    "updated_by": owner,
                    "updated_at": now,
                }
                for q, v in shape["answers"]
            ]
            items += [
                {
                    "dossier_id": i,
                    "measure_id": m,
                    "decision": "selected",
                    "owner": "Contractmanager",
                    "phase": "in_tender_documents",
                    "due_date": today + timedelta(days=(-20 if n == 0 else 60)),
                    "status": "planned",
                    "updated_by": owner,
                    "updated_at": now,
                }
                for n, m in enumerate(shape["chosen"])
            ]
            risks.append(
                {
                    "dossier_id": i,
                    "lock_version": 1,
                    "overall_level": shape["overall"],
                    "residual_level": shape["residual"],
                    "full_analysis": shape["full"],
                    "open_required": shape["open"],
                    "computed_at": now,
                }
            )
            scenarios += [
                dict(
                    zip(
                        (
                            "scenario_id",
                            "likelihood",
                            "impact",
                            "level",
                            "residual_likelihood",
                            "residual_impact",
                            "residual_level",
                        ),
                        s,
                        strict=True,
                    ),
                    dossier_id=i,
                )
                for s in shape["scenarios"]
            ]
        with ctx.engine.begin() as conn:
            for model, rows in (
                (Dossier, dossiers),
                (Answer, answers),
                (PlanItem, items),
                (DossierRisk, risks),
                (DossierScenarioRisk, scenarios),
                (Approval, approvals),
                (Decision, decisions),
            ):
                if rows:
                    conn.execute(insert(model), rows)


def median_ms(fn, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    fn()  # warm
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples) * 1000


def run(url: str, label: str, sizes: list[int], runs: int = RUNS) -> None:
    engine = make_engine(url)
    upgrade(engine)
    content = load_content(default_content_paths(ROOT))
    ctx = ServiceContext(engine, content, audit_keys=scratch_keys())
    owner = users.add_user(
        ctx, system_actor("bench"), "bench", "Zomer-aan-de-Maas met 3 honden", ["officer"]
    )
    admin = system_actor("bench")
    filtered = PortfolioFilter(
        statuses=("submitted", "approved"), residual_levels=("high",), authorities=(AUTHORITIES[0],)
    )
    made = 0
    for size in sizes:
        start = time.perf_counter()
        generate(ctx, size - made, owner, made + 1)
        made = size
        if engine.dialect.name == "postgresql":
            with engine.begin() as conn:
                conn.execute(text("ANALYZE"))
        seconds = time.perf_counter() - start
        whole = median_ms(lambda: portfolio(ctx, admin), runs)
        narrow = median_ms(lambda: portfolio(ctx, admin, filtered), runs)
        last_page = size // 50 - 1
        last = median_ms(lambda: portfolio(ctx, admin, page=last_page), runs)  # noqa: B023
        portfolio_trend._FROZEN.clear()  # as in a fresh server process
        portfolio_trend._MEMO.clear()
        start = time.perf_counter()
        portfolio_trend.risk_trend(ctx, admin, PortfolioFilter(), 24)
        trend_first = (time.perf_counter() - start) * 1000
        again = median_ms(
            lambda: portfolio_trend.risk_trend(ctx, admin, PortfolioFilter(), 24), runs
        )

        def computed(flt: PortfolioFilter) -> None:  # snapshots' levels known, trend not
            portfolio_trend._MEMO.clear()
            portfolio_trend.risk_trend(ctx, admin, flt, 24)

        trend = median_ms(lambda: computed(PortfolioFilter()), runs)
        trend_narrow = median_ms(lambda: computed(filtered), runs)
        with ctx.factory() as session:
            count = session.execute(select(Dossier.id).order_by(Dossier.id.desc())).first()
        print(
            f"{label:<10} {size:>8,} dossiers (generated in {seconds:5.1f} s, last id {count[0]}): "
            f"dashboard {whole:7.1f} ms, filtered {narrow:7.1f} ms, last page {last:7.1f} ms; "
            f"trend: first {trend_first:7.1f} ms, computed {trend:7.1f} ms, "
            f"filtered {trend_narrow:7.1f} ms, unchanged {again:6.1f} ms"
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--quick", action="store_true", help="200 dossiers, one run (CI)")
    args = parser.parse_args()
    sizes = [200] if args.quick else [int(s) for s in args.sizes.split(",")]
    runs = 1 if args.quick else RUNS
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{Path(tmp) / 'bench.db'}", "SQLite", sizes, runs)
    with pg_database("qs_bench") as (_, url):  # a scratch database, dropped after
        run(url, "PostgreSQL", sizes, runs)


if __name__ == "__main__":
    main()
