"""The audit trail: every change is an event, and any tampering with the rows is detected."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import Engine, text

from quickscan_app.services import dossiers, workflow
from quickscan_app.services.audit import verify
from quickscan_app.services.errors import PermissionDenied
from tests.integration.helpers import answer_all, new_dossier, submitted


def report(ctx):
    with ctx.factory() as session:
        return verify(session)


@pytest.fixture
def history(ctx, people) -> int:
    """A few dossiers worked on: returns the number of events."""
    dossier_id, current = submitted(ctx, people.olga)
    workflow.approve(ctx, people.rita, dossier_id, current)
    other = new_dossier(ctx, people.otto)
    answer_all(ctx, people.otto, other)
    result = report(ctx)
    assert result.intact
    return result.events


def events(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        return [
            dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_events ORDER BY seq"))
        ]


def execute(engine: Engine, sql: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def test_every_change_is_recorded_with_the_bio_fields(ctx, people, engine, history) -> None:
    rows = events(engine)
    assert len(rows) == history
    actions = [(r["actor"], r["action"], r["result"]) for r in rows]
    assert ("olga", "dossier.create", "success") in actions
    assert ("olga", "answer.save", "success") in actions
    assert ("olga", "dossier.submit", "success") in actions
    assert ("rita", "dossier.approve", "success") in actions
    for row in rows:
        assert row["actor"] and row["action"] and row["object_type"] and row["result"]
        assert row["origin"] == "test" and row["occurred_at"].endswith("+00:00")
        json.loads(row["details"])
    approve = next(r for r in rows if r["action"] == "dossier.approve")
    assert len(json.loads(approve["details"])["sha256"]) == 64


def test_altered_event_is_detected(ctx, engine, history) -> None:
    execute(engine, "UPDATE audit_events SET actor = 'mallory' WHERE seq = 5")
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == 5 and "altered" in result.problem


def test_altered_details_are_detected(ctx, engine, history) -> None:
    execute(engine, "UPDATE audit_events SET details = '{}' WHERE seq = :seq", seq=history - 1)
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == history - 1


def test_deleted_event_is_detected(ctx, engine, history) -> None:
    execute(engine, "DELETE FROM audit_events WHERE seq = 3")
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == 3 and "missing" in result.problem


def test_deleted_last_event_is_detected(ctx, engine, history) -> None:
    execute(engine, "DELETE FROM audit_events WHERE seq = :seq", seq=history)
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == history


def test_reordered_events_are_detected(ctx, engine, history) -> None:
    rows = events(engine)
    first, second = rows[3], rows[4]
    swap = [
        "occurred_at",
        "actor",
        "action",
        "object_type",
        "object_id",
        "result",
        "origin",
        "details",
        "prev_hash",
        "hash",
    ]
    for row, other in ((first, second), (second, first)):
        sets = ", ".join(f"{col} = :{col}" for col in swap)
        execute(
            engine,
            f"UPDATE audit_events SET {sets} WHERE seq = :seq",
            **{c: other[c] for c in swap},
            seq=row["seq"],
        )
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == first["seq"]


def test_renumbered_events_are_detected(ctx, engine, history) -> None:
    execute(engine, "DELETE FROM audit_events WHERE seq = 2")
    execute(engine, "UPDATE audit_events SET seq = 2 WHERE seq = 3")
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == 2


def test_chain_goes_on_after_refused_calls(ctx, people, history) -> None:
    dossier_id = new_dossier(ctx, people.olga)
    with pytest.raises(PermissionDenied):
        dossiers.save_answer(ctx, people.rita, dossier_id, "remote", "no", 1)
    result = report(ctx)
    assert result.intact and result.events == history + 2
