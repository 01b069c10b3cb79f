"""Concurrent writers lose nothing; a writer killed mid-run leaves every reported save behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import func, select

from quickscan_app.services import dossiers
from quickscan_app.services.audit import verify
from quickscan_app.services.errors import Conflict
from quickscan_app.store.models import Answer, AnswerChange, AuditEvent
from tests.conftest import MINI
from tests.integration.helpers import new_dossier

THREADS = 8
SAVES = 200


def test_eight_threads_saving_lose_nothing(ctx, people) -> None:
    targets = [new_dossier(ctx, people.olga, f"Dossier {n}") for n in range(THREADS)]
    with ctx.factory() as session:
        events_before = session.execute(select(func.count(AuditEvent.seq))).scalar_one()

    def work(dossier_id: int) -> int:
        current = 1
        for i in range(SAVES):
            current = dossiers.save_answer(
                ctx, people.olga, dossier_id, "fleet_share", i % 101, current
            )
        return current

    with ThreadPoolExecutor(THREADS) as pool:
        final_versions = list(pool.map(work, targets))

    assert final_versions == [1 + SAVES] * THREADS
    with ctx.factory() as session:
        for dossier_id in targets:
            changes = session.execute(
                select(func.count(AnswerChange.id)).where(AnswerChange.dossier_id == dossier_id)
            ).scalar_one()
            assert changes == SAVES
            current = session.get(Answer, (dossier_id, "fleet_share"))
            assert current.value == (SAVES - 1) % 101
        events = session.execute(select(func.count(AuditEvent.seq))).scalar_one()
        assert events == events_before + THREADS * SAVES
        report = verify(session)
        assert report.intact, report.problem


def test_eight_threads_on_one_dossier_retry_conflicts_and_lose_nothing(ctx, people) -> None:
    """Contended: every writer reads the version, saves, and on a conflict reads again."""
    dossier_id = new_dossier(ctx, people.olga)
    per_thread = 25

    def work(thread: int) -> int:
        conflicts = 0
        for i in range(per_thread):
            while True:
                seen = dossiers.get_dossier(ctx, people.olga, dossier_id).dossier.lock_version
                try:
                    dossiers.save_answer(
                        ctx, people.olga, dossier_id, "remarks", f"{thread}:{i}", seen
                    )
                    break
                except Conflict:
                    conflicts += 1
        return conflicts

    with ThreadPoolExecutor(THREADS) as pool:
        conflicts = sum(pool.map(work, range(THREADS)))

    with ctx.factory() as session:
        values = session.execute(
            select(AnswerChange.value).where(AnswerChange.dossier_id == dossier_id)
        ).scalars()
        assert sorted(values) == sorted(
            f"{t}:{i}" for t in range(THREADS) for i in range(per_thread)
        )
        assert verify(session).intact
    assert (
        dossiers.get_dossier(ctx, people.olga, dossier_id).dossier.lock_version
        == 1 + THREADS * per_thread
    )
    assert conflicts >= 0  # how many depends on scheduling; none of them lost a save


def test_killed_writer_leaves_every_reported_save(ctx, people, db_url) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    writer = Path(__file__).with_name("crash_writer.py")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    process = subprocess.Popen(
        [sys.executable, str(writer), db_url, str(MINI), str(dossier_id), str(people.olga.user_id)],
        stdout=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    reported: list[tuple[int, str]] = []
    assert process.stdout is not None
    for line in process.stdout:
        version, value = line.rstrip("\n").split(" ", 1)
        reported.append((int(version), value))
        if len(reported) >= 60:
            os.kill(process.pid, signal.SIGKILL)
            break
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    with ctx.factory() as session:
        rows = session.execute(
            select(AnswerChange.lock_version, AnswerChange.value).where(
                AnswerChange.dossier_id == dossier_id
            )
        )
        saved = {(version, value) for version, value in rows}
        assert set(reported) <= saved
        report = verify(session)
        assert report.intact, report.problem
    view = dossiers.get_dossier(ctx, people.olga, dossier_id)
    assert view.dossier.lock_version >= reported[-1][0]
