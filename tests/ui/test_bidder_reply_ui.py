"""The bidder's page in the app (AppTest): opened without an account through its link, only its
own questionnaire, drafts saved as it goes, evidence checked, *Indienen*; refused links show
a message and nothing else; a signed-in user's navigation is as it was."""

from __future__ import annotations

import io
from datetime import date, timedelta

from pypdf import PdfWriter
from streamlit.testing.v1 import AppTest

from quickscan_app.services import bidder_invites, bidders
from quickscan_app.services.bidder_replies import reply_view
from tests.ui.conftest import APP, actor_named, dossier_id, signed_in, texts

HOSTILE = "Scanco <img src=x onerror=alert(1)> **B.V.** [klik](http://evil.example)"


def pdf_bytes() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def invited(ctx, name: str = HOSTILE, lang: str = "nl"):  # type: ignore[no-untyped-def]
    """A bidder on the demo's approved plan with a fresh link: (bidder id, link)."""
    officer = actor_named(ctx, "officer")
    approved = dossier_id(ctx, "approved")
    bidder_id = bidders.add_bidder(ctx, officer, approved, {"name": name})
    link = bidder_invites.create_invitation(
        ctx, officer, bidder_id, 1, last_day=date.today() + timedelta(days=7), lang=lang
    )
    return bidder_id, link


def opened(token: str) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["token"] = token
    return at.switch_page("views/bidder.py").run()


def test_the_bidder_answers_without_an_account(ctx) -> None:
    bidder_id, link = invited(ctx)
    at = opened(link.token)
    assert not at.exception
    shown = texts(at)
    assert "Vragenlijst nationale veiligheid voor inschrijvers" in shown
    assert "<img" not in shown.replace("\\<img", "")  # the name only escaped
    for hidden in ("Restrisico", "Scenario", "spionage", "Inherent"):
        assert hidden not in shown
    ns = f"reply{bidder_id}"
    questions = [w for w in at.radio if w.key and w.key.startswith(f"q__{ns}__")]
    assert questions, "the per-bidder questions are on the page"
    at.text_area(key=f"qs_reply_ownership_{bidder_id}").input("Familiebedrijf, NL").run()
    requirement = next(w for w in at.radio if w.key.startswith(f"qs_reply_response_{bidder_id}"))
    requirement.set_value("met").run()
    assert not at.exception
    view = reply_view(ctx, link.token, "test", "nl")
    assert view.fields["ownership"] == "Familiebedrijf, NL"
    assert view.status == "answering" and "met" in str(view.responses)

    upload = next(u for u in at.get("file_uploader"))
    upload.upload("nep.pdf", b"<html>geen pdf</html>", "application/pdf").run()
    assert "geen leesbare PDF" in texts(at)
    upload = next(u for u in at.get("file_uploader"))
    upload.upload("iso-27001.pdf", pdf_bytes(), "application/pdf").run()
    assert "iso\\-27001\\.pdf" in texts(at)
    assert [e.file_name for e in reply_view(ctx, link.token, "test", "nl").evidence] == [
        "iso-27001.pdf"
    ]

    at.checkbox(key=f"qs_reply_sure_{bidder_id}").check().run()
    at.button(key=f"qs_reply_submit_{bidder_id}").click().run()
    assert not at.exception
    assert "Uw antwoorden zijn ingediend" in texts(at)
    assert reply_view(ctx, link.token, "test", "nl").status == "submitted"
    assert at.text_area(key=f"qs_reply_ownership_{bidder_id}").disabled


def test_an_english_link_opens_in_english(ctx) -> None:
    _, link = invited(ctx, "Scanco Ltd", lang="en")
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.query_params["token"] = link.token
    at.query_params["lang"] = "en"
    at.switch_page("views/bidder.py").run()
    assert "National-security questionnaire for bidders" in texts(at)
    assert "Requirements of the tender dossier" in texts(at)


def test_refused_links_show_a_message_and_nothing_else(ctx) -> None:
    bidder_id, link = invited(ctx)
    officer = actor_named(ctx, "officer")
    bidder_invites.revoke_invitation(ctx, officer, bidder_id)
    for token, message in (
        (link.token, "ingetrokken of vervangen"),
        ("x" * 43, "Deze link is niet geldig"),
        ("", "Deze link is niet geldig"),
    ):
        at = opened(token)
        assert not at.exception
        shown = texts(at)
        assert message in shown
        assert "Scanco" not in shown and not at.text_area and not at.radio


def test_a_signed_in_users_navigation_is_unchanged(at, ctx, monkeypatch) -> None:
    """The bidder's page is there hidden; what a signed-in officer sees listed is exactly
    the pages of the officer's role, as before."""
    import streamlit

    from quickscan_app.services.context import Role
    from quickscan_app.ui.pages_index import PAGES

    navigation = streamlit.navigation
    seen: list = []

    def recorded(pages, **options):  # type: ignore[no-untyped-def]
        seen.append(pages)
        return navigation(pages, **options)

    monkeypatch.setattr(streamlit, "navigation", recorded)
    signed_in(at, ctx, "officer").run()
    assert not at.exception
    pages = [p for group in seen[-1].values() for p in group]
    listed = [p.url_path for p in pages if p.visibility == "visible"]
    expected = [s.name for s in PAGES.values() if Role.OFFICER in s.roles and not s.hidden]
    assert sorted(listed) == sorted("" if s == "inbox" else s for s in expected)  # "" default
    assert [p.visibility for p in pages if p.url_path == "bidder"] == ["hidden"]
