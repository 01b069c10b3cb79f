"""The audit trail sealed with a key: write access to the database alone cannot rewrite
history, move the head back, or replace an approved snapshot (issue 14, point 2)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from sqlalchemy import Engine, select, text

from quickscan_app.exports.render import render
from quickscan_app.exports.source import ExportSource
from quickscan_app.services import audit, exports, workflow
from quickscan_app.services.audit_seal import GENESIS, event_hash, head_mac
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.errors import WorkflowError
from quickscan_app.services.snapshot import sha256_text
from quickscan_app.store.audit_key import UNKEYED, AuditKeyError, Keyring
from quickscan_app.store.models import Approval
from tests.conftest import TEST_AUDIT_KEY
from tests.integration.helpers import answer_all, approved_from_example, new_dossier, submitted

KEY_A = b"key A: long enough to be an audit key, 0123456789"
KEY_B = b"key B: long enough to be an audit key, 9876543210"


def report(ctx: ServiceContext, **options) -> audit.ChainReport:
    with ctx.factory() as session:
        return audit.verify(session, **options)


def events(engine: Engine) -> list[dict]:
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT * FROM audit_events ORDER BY seq"))
        return [dict(r._mapping) for r in rows]


def execute(engine: Engine, sql: str, **params) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


@pytest.fixture
def history(ctx, people) -> int:
    dossier_id, current = submitted(ctx, people.olga)
    workflow.approve(ctx, people.rita, dossier_id, current)
    new_dossier(ctx, people.otto)
    result = report(ctx)
    assert result.intact and result.keyed_from == 1, result
    assert ctx.audit_keys == Keyring(TEST_AUDIT_KEY.encode())
    return result.events


def test_deleting_the_last_events_and_moving_the_head_is_found(ctx, engine, history) -> None:
    kept = events(engine)[-4]
    execute(engine, "DELETE FROM audit_events WHERE seq > :seq", seq=kept["seq"])
    execute(engine, "UPDATE audit_head SET seq = :seq, hash = :hash", **kept)
    result = report(ctx)
    assert not result.intact and result.code == "head_forged", result


def test_events_past_the_head_are_reported(ctx, engine, history) -> None:
    earlier = events(engine)[-3]
    execute(engine, "UPDATE audit_head SET seq = :seq, hash = :hash", **earlier)
    result = report(ctx)
    assert not result.intact and result.code == "past_head"
    assert result.first_bad_seq == earlier["seq"] + 1
    assert f"events {history - 1} to {history} lie past the chain head" in result.problem


def _reseal(engine: Engine, key: bytes | None, actor: str = "mallory") -> None:
    """Change an event, then recompute every seal after it as someone with ``key`` would."""
    rows = events(engine)
    prev = GENESIS
    for row in rows:
        if row["action"] == "dossier.approve":
            row["actor"] = actor
        row["prev_hash"] = prev
        row["hash"] = prev = event_hash(row, key)
        execute(
            engine,
            "UPDATE audit_events SET actor = :actor, prev_hash = :prev_hash, hash = :hash "
            "WHERE seq = :seq",
            **row,
        )
    last = rows[-1]
    mac = head_mac(key, last["seq"], last["hash"]) if key else None
    execute(engine, "UPDATE audit_head SET hash = :hash, mac = :mac", hash=last["hash"], mac=mac)


@pytest.mark.parametrize("key", [None, b"the attacker's own key, long enough to pass"])
def test_rewriting_the_whole_chain_without_the_key_is_found(ctx, engine, history, key) -> None:
    _reseal(engine, key)
    result = report(ctx)
    assert not result.intact and result.first_bad_seq == 1 and result.code == "altered"


def test_only_the_key_reseals_the_chain(ctx, engine, history) -> None:
    """The check of the attack above is real: with the key, the same rewrite passes."""
    _reseal(engine, TEST_AUDIT_KEY.encode())
    assert report(ctx).intact


def _replace_snapshot(engine: Engine, dossier: int) -> str:
    """Edit the approved snapshot and store it with its own SHA-256, as the issue describes."""
    with engine.begin() as conn:
        stored = conn.execute(
            text("SELECT snapshot FROM approvals WHERE dossier_id = :d"), {"d": dossier}
        ).scalar_one()
        snapshot = json.loads(stored)
        snapshot["dossier"]["title"] = "Vervalst plan"
        edited = audit.canonical_json(snapshot)
        conn.execute(
            text("UPDATE approvals SET snapshot = :s, sha256 = :h WHERE dossier_id = :d"),
            {"s": edited, "h": sha256_text(edited), "d": dossier},
        )
    return sha256_text(edited)


def _export_as_it_would_read(ctx: ServiceContext, dossier: int, fmt: str) -> bytes:
    """What an export of the replaced snapshot gives, made without the service's checks."""
    with ctx.factory() as session:
        approval = session.execute(
            select(Approval).where(Approval.dossier_id == dossier)
        ).scalar_one()
        snapshot = json.loads(approval.snapshot)
        lines, skipped = exports.audit_extract(session, dossier, approval.sha256)
        when = datetime.fromisoformat(snapshot["approval"]["approved_at"])
        source = ExportSource("plan", snapshot, approval.sha256, when, lines, skipped)
    return render(source, fmt)


def test_a_replaced_approval_is_found_by_export_and_audit_verify(real_ctx, people, engine):
    dossier = approved_from_example(real_ctx, people.olga, people.rita)
    genuine = exports.export_document(real_ctx, people.olga, dossier, "plan", "json").data
    assert exports.verify_file(real_ctx, people.olga, genuine).outcome == "match"
    _replace_snapshot(engine, dossier)
    with pytest.raises(WorkflowError) as refused:
        exports.export_document(real_ctx, people.olga, dossier, "plan", "pdf")
    assert refused.value.key == "snapshot_altered"
    forged = _export_as_it_would_read(real_ctx, dossier, "json")
    checked = exports.verify_file(real_ctx, people.olga, forged)
    assert (checked.outcome, checked.ok) == ("forged", False)
    checked = exports.verify_file(real_ctx, people.olga, genuine)
    assert (checked.outcome, checked.dossier_id) == ("tampered", dossier)
    assert "GEMANIPULEERD" in checked.message("nl") and "TAMPERED" in checked.message("en")
    result = report(real_ctx)
    assert not result.intact and result.code == "approval"
    assert f"dossier {dossier}" in result.problem


def test_a_legacy_chain_switches_over_once_and_stays_checked(empty_db_url, mini_content):
    """A chain from before the key: its old part stays plain SHA-256, up to the recorded
    switch-over, and approvals in it still export; cutting the keyed part off is found."""
    from quickscan_app.services.users import add_user
    from quickscan_app.store.db import make_engine
    from quickscan_app.store.migrate import upgrade

    engine = make_engine(empty_db_url)
    try:
        upgrade(engine)
        legacy = ServiceContext(engine, mini_content, audit_keys=UNKEYED)
        olga, rita = (
            Actor(add_user(legacy, system_actor("test"), name, "correct horse battery", [role]),
                  name, frozenset({Role(role)}), "test")
            for name, role in (("olga", "officer"), ("rita", "reviewer"))
        )  # fmt: skip
        dossier, current = submitted(legacy, olga)
        workflow.approve(legacy, rita, dossier, current)
        plain = report(legacy)
        assert plain.intact and plain.keyed_from is None
        keyed = ServiceContext(engine, mini_content, audit_keys=Keyring(KEY_A))
        assert report(keyed).code == "not_keyed"  # a key is set: an unkeyed trail is cut short
        assert audit.ensure_keyed(keyed.factory, keyed.clock(), "test")
        assert not audit.ensure_keyed(keyed.factory, keyed.clock(), "test")  # recorded once
        new_dossier(keyed, olga)
        result = report(keyed)
        assert result.intact and result.keyed_from == plain.events + 1
        assert exports.export_document(keyed, olga, dossier, "plan", "json").approved
        with pytest.raises(AuditKeyError):  # a keyed trail never goes back to plain hashes
            new_dossier(legacy, olga)
        execute(engine, "DELETE FROM audit_events WHERE seq > :seq", seq=plain.events)
        last = events(engine)[-1]
        execute(engine, "UPDATE audit_head SET seq = :seq, hash = :hash, key_id = NULL, "
                "mac = NULL", **last)  # fmt: skip
        assert report(keyed).code == "not_keyed"
        assert report(keyed, strict=False).intact  # only the missing switch-over gives it away
    finally:
        engine.dispose()


def test_a_rotation_needs_the_old_key_and_is_recorded(db_url, mini_content, people) -> None:
    from quickscan_app.store.db import make_engine

    engine = make_engine(db_url)
    try:
        current = ServiceContext(engine, mini_content)
        stranger = ServiceContext(engine, mini_content, audit_keys=Keyring(KEY_B))
        with pytest.raises(AuditKeyError, match="QUICKSCAN_AUDIT_RETIRED_KEYS"):
            audit.ensure_keyed(stranger.factory, stranger.clock(), "test")
        with pytest.raises(AuditKeyError):
            new_dossier(stranger, people.olga)
        assert report(stranger).code == "unknown_key"
        rotated = Keyring(KEY_B, (TEST_AUDIT_KEY.encode(),))
        successor = ServiceContext(engine, mini_content, audit_keys=rotated)
        assert audit.ensure_keyed(successor.factory, successor.clock(), "test")
        new_dossier(successor, people.olga)
        assert report(successor).intact
        assert report(current).code == "unknown_key"  # the old key alone cannot check B's part
        assert report(current, strict=False).code == "unknown_key"
    finally:
        engine.dispose()


def test_a_replaced_bidder_check_is_found(ctx, people, engine) -> None:
    """The same binding for an approved bidder check and its ``bidder.approve`` event."""
    from quickscan_app.services import bidders, plan

    dossier = new_dossier(ctx, people.olga)
    current = answer_all(ctx, people.olga, dossier)
    current = plan.select_measure(ctx, people.olga, dossier, "jump_host", current)
    current = workflow.submit(ctx, people.olga, dossier, current)
    workflow.approve(ctx, people.rita, dossier, current)
    met = {"jump_host": {"response": "met", "note": "Bijlage 4."}}
    check = bidders.add_bidder(ctx, people.olga, dossier, {"name": "Scanco", "responses": met})
    current = bidders.submit_bidder(ctx, people.olga, check, 1)
    bidders.decide_bidder(ctx, people.rita, check, current, approve=True)
    genuine = exports.export_document(ctx, people.olga, dossier, "award", "json").data
    with engine.begin() as conn:
        stored = conn.execute(
            text("SELECT snapshot FROM bidders WHERE id = :b"), {"b": check}
        ).scalar_one()
        edited = stored.replace("Scanco", "Scanco Vervalst")
        conn.execute(
            text("UPDATE bidders SET snapshot = :s, sha256 = :h WHERE id = :b"),
            {"s": edited, "h": sha256_text(edited), "b": check},
        )
    result = report(ctx)
    assert not result.intact and result.code == "bidder" and f"bidder {check}" in result.problem
    with pytest.raises(WorkflowError):
        exports.export_document(ctx, people.olga, dossier, "award", "json")
    assert exports.verify_file(ctx, people.olga, genuine).outcome != "match"
