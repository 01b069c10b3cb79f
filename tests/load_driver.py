"""Concurrent simulated users at the service level: shared by the load test (which asserts
nothing is lost) and bench/bench_load.py (which prints the latencies)."""

from __future__ import annotations

import statistics
import threading
import time
from dataclasses import dataclass, field

from quickscan_app.services import dossiers, users, workflow
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor

FINAL = {"connectivity": "internet", "remote": "yes", "channel": ["vpn"], "fleet_share": 40}


@dataclass
class LoadResult:
    saves: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dossiers: dict[int, int] = field(default_factory=dict)
    """Dossier id -> the number of answer saves that user made."""
    seconds: float = 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.saves)
        return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else 0.0

    @property
    def median_ms(self) -> float:
        return statistics.median(self.saves) * 1000 if self.saves else 0.0


def run_load(ctx: ServiceContext, users_count: int, saves_each: int, prefix: str) -> LoadResult:
    """``users_count`` officers at once, each on their own dossier: ``saves_each`` answer saves,
    then the final answers and a submit. Returns latencies, errors and what each one saved."""
    actors = []
    for n in range(users_count):
        name = f"{prefix}{n}"
        user_id = users.add_user(ctx, system_actor("load"), name, "Zomer-aan-de-Maas met 3 honden",
                                 ["officer"])  # fmt: skip
        actors.append(Actor(user_id, name, frozenset({Role.OFFICER}), "load"))
    result = LoadResult()
    lock = threading.Lock()
    start_gate = threading.Barrier(users_count)

    def one_user(actor: Actor) -> None:
        try:
            dossier = dossiers.create_dossier(ctx, actor, {"title": f"Last {actor.name}"})
            current = 1
            timings = []
            start_gate.wait(timeout=60)
            for n in range(saves_each):
                began = time.perf_counter()
                current = dossiers.save_answer(ctx, actor, dossier, "fleet_share", n, current)
                timings.append(time.perf_counter() - began)
            for question, value in FINAL.items():
                current = dossiers.save_answer(ctx, actor, dossier, question, value, current)
            workflow.submit(ctx, actor, dossier, current)
            with lock:
                result.saves.extend(timings)
                result.dossiers[dossier] = saves_each + len(FINAL)
        except Exception as exc:  # every error counts: the test wants none
            with lock:
                result.errors.append(f"{actor.name}: {type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=one_user, args=(a,)) for a in actors]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    result.seconds = time.perf_counter() - began
    return result
