# ruff: noqa: F811 (tests take the approved fixture imported from test_bidders)
"""Bidders answer for themselves through a link, on SQLite and PostgreSQL: the invitation
(only the token's hash kept), the bidder's own questionnaire, drafts, evidence (PDF only),
submission, the officer's corrections with a note, and the refusals that show nothing."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pytest
from pypdf import PdfWriter
from sqlalchemy import select

from quickscan_app.services import bidder_invites, bidder_replies, bidders, workflow
from quickscan_app.services.bidder_links import token_digest
from quickscan_app.services.context import ServiceContext
from quickscan_app.services.errors import (
    InvalidInput,
    NotFound,
    PermissionDenied,
    WorkflowError,
)
from quickscan_app.store.models import AuditEvent, BidderEvidence, BidderInvitation
from tests.integration.test_bidders import approved, bidder  # noqa: F401 (fixture)

HERE, THERE = "web:203.0.113.7", "web:198.51.100.4"
TODAY = date.today()


def pdf_bytes(pages: int = 1) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def invite(ctx, people, bidder_id: int, **options) -> bidder_invites.NewLink:  # type: ignore[no-untyped-def]
    current = version_of(ctx, people, bidder_id)
    options.setdefault("last_day", TODAY + timedelta(days=14))
    options.setdefault("lang", "nl")
    return bidder_invites.create_invitation(ctx, people.olga, bidder_id, current, **options)


def version_of(ctx, people, bidder_id: int) -> int:  # type: ignore[no-untyped-def]
    with ctx.factory() as session:
        from quickscan_app.store.models import Bidder

        return session.get(Bidder, bidder_id).lock_version


def events(ctx: ServiceContext, action: str) -> list[AuditEvent]:
    with ctx.factory() as session:
        return list(
            session.execute(
                select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.seq)
            ).scalars()
        )


def test_an_invitation_keeps_only_the_hash_and_a_new_link_replaces_the_old(
    ctx, people, approved
) -> None:
    b = bidder(ctx, people, approved, "Scanco <b>B.V.</b>")
    first = invite(ctx, people, b, lang="en")
    assert len(first.token) >= 43  # 32 random bytes, URL-safe
    assert first.url.endswith(f"/bidder?token={first.token}&lang=en")
    assert first.url in first.text and "Dear Scanco <b>B.V.</b>" in first.text
    with ctx.factory() as session:
        [row] = session.execute(select(BidderInvitation)).scalars()
        assert row.token_sha256 == token_digest(first.token)
        stored = json.dumps([getattr(row, c.name) for c in row.__table__.columns], default=str)
    assert first.token not in stored
    assert first.token not in json.dumps([e.details for e in events(ctx, "bidder.link_create")])
    second = invite(ctx, people, b)
    assert "Geachte Scanco" in second.text and "&lang" not in second.url
    with pytest.raises(PermissionDenied) as replaced:
        bidder_replies.open_reply(ctx, first.token, HERE, "nl")
    assert replaced.value.key == "bidder_link_ended"
    view = bidder_replies.open_reply(ctx, second.token, HERE, "nl")
    assert (view.bidder_name, view.status) == ("Scanco <b>B.V.</b>", "invited")


def test_the_bidder_sees_only_its_own_questionnaire(ctx, people, approved) -> None:
    a = bidder(ctx, people, approved, "Scanco", answers={"remote": "no"})
    other = bidder(ctx, people, approved, "Röntgen GmbH", ownership="Geheim eigendom B")
    link = invite(ctx, people, a)
    invite(ctx, people, other)
    view = bidder_replies.open_reply(ctx, link.token, HERE, "en")
    assert view.bidder_id == a
    assert [q.id for q in view.questions] == ["remote"]  # "channel" only after remote = yes
    assert [(r.measure, r.text, r.evidence_asked) for r in view.requirements] == [
        ("jump_host", "The Contractor shall use a jump host.", True),
        ("exit_plan", "The Contractor shall deliver an exit plan.", False),
    ]
    shown = repr(view)
    for secret in ("Röntgen", "Geheim", "espionage", "lock_in", "residual", "level"):
        assert secret not in shown
    [opened] = events(ctx, "bidder.reply_open")
    assert (opened.actor, opened.origin, opened.result) == (f"bidder:{a}", HERE, "success")


def test_drafts_save_and_the_officer_waits_while_the_bidder_answers(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    bidder_replies.save_reply(ctx, link.token, HERE, {"answers": {"remote": "yes"}})
    bidder_replies.save_reply(
        ctx, link.token, HERE,
        {"answers": {"channel": ["jump_host"]}, "ownership": "Familiebedrijf",
         "responses": {"jump_host": {"response": "met", "note": "Zie bijlage"}}},
    )  # fmt: skip
    view = bidder_replies.reply_view(ctx, link.token, HERE, "nl")
    assert view.status == "answering" and [q.id for q in view.questions] == ["remote", "channel"]
    assert view.answers == {"remote": "yes", "channel": ["jump_host"]}
    assert view.fields["ownership"] == "Familiebedrijf"
    [check] = bidders.list_bidders(ctx, people.olga, approved)
    assert check.bidder.answers == {"remote": "yes", "channel": ["jump_host"]}  # the one place
    assert check.result.requirements[0].response.value == "met"
    assert [e.actor for e in events(ctx, "bidder.reply_save")] == [f"bidder:{b}"] * 2
    with pytest.raises(WorkflowError) as waiting:
        bidders.update_bidder(ctx, people.olga, b, check.bidder.lock_version, {"name": "X"})
    assert waiting.value.key == "bidder_reply_open"
    with pytest.raises(WorkflowError):
        bidders.submit_bidder(ctx, people.olga, b, check.bidder.lock_version)
    with pytest.raises(InvalidInput):
        bidder_replies.save_reply(ctx, link.token, HERE, {"name": "Overgenomen B.V."})
    with pytest.raises(InvalidInput):
        bidder_replies.save_reply(ctx, link.token, HERE, {"answers": {"connectivity": "closed"}})


def test_evidence_is_a_pdf_kept_whole_in_the_database(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    pdf = pdf_bytes(2)
    kept = bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", "C:\\map\\iso.pdf", pdf)
    refused = {
        "png renamed": b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
        "html": b"<html><script>alert(1)</script></html>",
        "signature only": b"%PDF-1.7\n garbage, no page tree",
        "empty": b"",
    }
    for name, data in refused.items():
        with pytest.raises(InvalidInput) as wrong:
            bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", f"{name}.pdf", data)
        assert wrong.value.key in ("evidence_not_pdf", "evidence_empty"), name
    with pytest.raises(InvalidInput) as large:
        big = pdf + b"%" + b"x" * (10 * 1024 * 1024)
        bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", "groot.pdf", big)
    assert large.value.key == "evidence_too_large"
    for n in range(bidder_replies.MAX_FILES_PER_REQUIREMENT - 1):
        bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", f"{n}.pdf", pdf)
    with pytest.raises(InvalidInput) as too_many:
        bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", "zes.pdf", pdf)
    assert too_many.value.key == "evidence_too_many"
    with pytest.raises(InvalidInput) as not_asked:
        bidder_replies.add_evidence(ctx, link.token, HERE, "exit_plan", "x.pdf", pdf)
    assert not_asked.value.key == "evidence_not_asked"
    [check] = bidders.list_bidders(ctx, people.olga, approved)
    info = check.evidence[0]
    assert (info.id, info.file_name, info.size) == (kept, "iso.pdf", len(pdf))
    got = bidder_invites.evidence_file(ctx, people.olga, kept)
    assert got.content == pdf and got.sha256 == info.sha256
    with pytest.raises(PermissionDenied):
        bidder_invites.evidence_file(ctx, people.otto, kept)  # not his dossier
    [added] = events(ctx, "bidder.evidence_add")[:1]
    assert json.loads(added.details)["sha256"] == info.sha256


def test_submit_freezes_then_corrections_need_a_note_and_both_versions_stay(
    ctx, people, approved
) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    bidder_replies.save_reply(ctx, link.token, HERE, {
        "answers": {"remote": "yes", "channel": ["vpn"]},
        "responses": {"jump_host": {"response": "met", "note": "Ja"},
                      "exit_plan": {"response": "unknown", "note": ""}},
    })  # fmt: skip
    bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", "iso.pdf", pdf_bytes())
    bidder_replies.submit_reply(ctx, link.token, HERE)
    with pytest.raises(WorkflowError) as frozen:
        bidder_replies.save_reply(ctx, link.token, HERE, {"ownership": "later"})
    assert frozen.value.key == "bidder_reply_frozen"
    assert bidder_replies.reply_view(ctx, link.token, HERE, "nl").editable is False
    current = version_of(ctx, people, b)
    with pytest.raises(WorkflowError) as typed:
        bidders.update_bidder(ctx, people.olga, b, current, {"ownership": "x"})
    assert typed.value.key == "bidder_reply_submitted"
    with pytest.raises(InvalidInput):
        bidder_invites.correct_answer(ctx, people.olga, b, current, "responses.exit_plan",
                                      {"response": "met"}, "  ")  # fmt: skip
    current = bidder_invites.correct_answer(
        ctx, people.olga, b, current, "responses.exit_plan",
        {"response": "met", "note": "Exitplan in bijlage 7"}, "Staat in de inschrijving, p. 12",
    )  # fmt: skip
    current = bidders.submit_bidder(ctx, people.olga, b, current)
    bidders.decide_bidder(ctx, people.rita, b, current, approve=True)
    [check] = bidders.list_bidders(ctx, people.olga, approved)
    frozen_record = json.loads(check.bidder.snapshot)
    assert frozen_record["reply"]["responses"]["exit_plan"]["response"] == "unknown"
    assert frozen_record["corrections"]["responses.exit_plan"]["note"] == (
        "Staat in de inschrijving, p. 12"
    )
    assert [r["response"] for r in frozen_record["requirements"]] == ["met", "met"]
    assert frozen_record["evidence"][0]["file_name"] == "iso.pdf"
    assert [e.actor for e in events(ctx, "bidder.reply_submit")] == [f"bidder:{b}"]


def test_the_officer_reopens_with_a_note(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    bidder_replies.save_reply(ctx, link.token, HERE, {"ownership": "Familiebedrijf"})
    bidder_replies.submit_reply(ctx, link.token, HERE)
    current = bidder_invites.correct_answer(ctx, people.olga, b, version_of(ctx, people, b),
                                            "ownership", "Beursgenoteerd", "KvK")  # fmt: skip
    with pytest.raises(InvalidInput):
        bidder_invites.reopen_reply(ctx, people.olga, b, current, "")
    bidder_invites.reopen_reply(ctx, people.olga, b, current, "Vul de onderaannemers aan.")
    view = bidder_replies.reply_view(ctx, link.token, HERE, "nl")
    assert (view.status, view.reopen_note) == ("answering", "Vul de onderaannemers aan.")
    assert view.fields["ownership"] == "Familiebedrijf"  # its own submission back
    bidder_replies.save_reply(ctx, link.token, HERE, {"subcontractors": "Geen"})


def test_expired_revoked_and_outdated_links_show_nothing(ctx, people, approved) -> None:
    a = bidder(ctx, people, approved, "Scanco")
    b = bidder(ctx, people, approved, "Röntgen")
    late = invite(ctx, people, a, last_day=TODAY)
    later = ServiceContext(ctx.engine, ctx.content, clock=lambda: ctx.clock() + timedelta(days=2))
    with pytest.raises(PermissionDenied) as expired:
        bidder_replies.open_reply(later, late.token, HERE, "nl")
    assert expired.value.key == "bidder_link_expired"
    assert "Scanco" not in expired.value.message("nl")
    refused = events(ctx, "bidder.reply_open")[-1]
    assert (refused.actor, refused.result) == (f"bidder:{a}", "denied")
    # Expired: the officer may fill in the check again.
    bidders.update_bidder(later, people.olga, a, version_of(ctx, people, a), {"ownership": "x"})

    revoked = invite(ctx, people, b)
    bidder_invites.revoke_invitation(ctx, people.olga, b)
    with pytest.raises(PermissionDenied) as ended:
        bidder_replies.save_reply(ctx, revoked.token, HERE, {"ownership": "y"})
    assert ended.value.key == "bidder_link_ended"
    with pytest.raises(WorkflowError):
        bidder_invites.revoke_invitation(ctx, people.olga, b)  # nothing left to revoke
    with pytest.raises(PermissionDenied):
        bidder_invites.revoke_invitation(ctx, people.otto, b)

    fresh = invite(ctx, people, b)
    with ctx.factory() as session:
        from quickscan_app.store.models import Dossier

        current = session.get(Dossier, approved).lock_version
    workflow.reopen(ctx, people.olga, approved, current)
    with pytest.raises(PermissionDenied) as outdated:
        bidder_replies.open_reply(ctx, fresh.token, HERE, "nl")
    assert outdated.value.key == "bidder_link_outdated"


def test_one_bidders_token_never_reaches_another(ctx, people, approved) -> None:
    a = bidder(ctx, people, approved, "Scanco")
    b = bidder(ctx, people, approved, "Röntgen")
    link_a, link_b = invite(ctx, people, a), invite(ctx, people, b)
    theirs = bidder_replies.add_evidence(ctx, link_b.token, HERE, "jump_host", "b.pdf", pdf_bytes())
    with pytest.raises(NotFound):
        bidder_replies.remove_evidence(ctx, link_a.token, HERE, theirs)
    view = bidder_replies.reply_view(ctx, link_a.token, HERE, "nl")
    assert view.bidder_id == a and view.evidence == ()
    with ctx.factory() as session:
        assert session.get(BidderEvidence, theirs) is not None


def test_guessing_tokens_is_limited_per_origin_and_recorded(ctx, people, approved) -> None:
    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    for n in range(bidder_replies.MAX_UNKNOWN_PER_ORIGIN):
        with pytest.raises(NotFound):
            bidder_replies.open_reply(ctx, f"geraden-token-nummer-{n:04d}", HERE, "nl")
    with pytest.raises(PermissionDenied) as waits:
        bidder_replies.open_reply(ctx, link.token, HERE, "nl")  # even the real one, from here
    assert waits.value.key == "bidder_link_throttled"
    assert bidder_replies.open_reply(ctx, link.token, THERE, "nl").bidder_id == b
    guesses = [e for e in events(ctx, "bidder.reply_open") if e.result == "denied"]
    assert {(e.actor, e.origin) for e in guesses} == {("bidder:unknown", HERE)}
    assert json.loads(guesses[-1].details)["refused"] == "bidder_link_throttled"


def test_links_and_evidence_survive_a_backup_on_the_other_engine(
    ctx, people, approved, tmp_path
) -> None:
    from datetime import UTC, datetime

    from quickscan_app.store.backup import backup, restore
    from tests.integration.test_backup import other_engine

    b = bidder(ctx, people, approved, "Scanco")
    link = invite(ctx, people, b)
    pdf = pdf_bytes(3)
    kept = bidder_replies.add_evidence(ctx, link.token, HERE, "jump_host", "iso.pdf", pdf)
    bidder_replies.submit_reply(ctx, link.token, HERE)
    target = tmp_path / "links.qsbak"
    summary = backup(ctx.engine, target, datetime.now(UTC))
    assert (summary.rows["bidder_invitations"], summary.rows["bidder_evidence"]) == (1, 1)
    with other_engine(ctx.engine, tmp_path) as engine:
        restore(engine, target)
        there = ServiceContext(engine, ctx.content)
        assert bidder_invites.evidence_file(there, people.olga, kept).content == pdf
        view = bidder_replies.reply_view(there, link.token, HERE, "nl")
        assert (view.bidder_id, view.status) == (b, "submitted")
