"""Thirty officers at once on one database (SQLite and PostgreSQL): no errors, no lost
answers, every dossier submitted, the audit chain intact. Bounded: 30 users, 8 saves each.
Latencies are measured in bench/bench_load.py, not asserted here."""

from __future__ import annotations

from sqlalchemy import func, select

from quickscan_app.services import audit
from quickscan_app.store.models import Answer, AnswerChange, Dossier
from tests.load_driver import FINAL, run_load


def test_thirty_concurrent_users_lose_nothing(ctx) -> None:
    result = run_load(ctx, users_count=30, saves_each=8, prefix="load")
    assert result.errors == []
    assert len(result.dossiers) == 30
    with ctx.factory() as session:
        for dossier_id, saved in result.dossiers.items():
            changes = session.execute(
                select(func.count()).select_from(AnswerChange)
                .where(AnswerChange.dossier_id == dossier_id)
            ).scalar_one()  # fmt: skip
            assert changes == saved
            stored = dict(
                session.execute(
                    select(Answer.question_id, Answer.value).where(Answer.dossier_id == dossier_id)
                ).all()
            )
            assert stored == FINAL
            assert session.get(Dossier, dossier_id).status == "submitted"
        assert audit.verify(session).intact
