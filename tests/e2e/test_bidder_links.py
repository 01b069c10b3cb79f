"""In a real browser: the officer invites three bidders on the approved demo plan; two answer
through their own links in separate browser contexts (one adds a PDF, a non-PDF is refused)
and submit; the third link expires; the comparison shows two answered and one not; a revoked
link is refused; bidder A's page shows nothing of bidder B."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfWriter
from sqlalchemy import select, update

from quickscan_app.store.db import make_engine
from quickscan_app.store.models import Bidder, BidderInvitation
from tests.e2e.conftest import screenshot, sign_in, wait_idle
from tests.e2e.filling import wait_saved
from tests.e2e.test_journey import click, pick_nth

pytestmark = pytest.mark.e2e
NAMES = ("Scanco B.V.", "Röntgen <b>GmbH</b>", "Stil N.V.")
LINK = re.compile(r"/bidder\?token=[A-Za-z0-9_-]+")


def _context_page(browser: Browser) -> Page:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(30_000)
    return page


def _bidder(url: str, name: str) -> Bidder | None:
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(select(Bidder).where(Bidder.name == name)).first()
    engine.dispose()
    return row


def _invite(officer: Page, url: str, dossier: int, name: str) -> tuple[int, str]:
    """Add the bidder and make its link in the award step; (bidder id, link path)."""
    if not officer.locator(f".st-key-qs_bidder_name_bnew_{dossier}").count():
        pick_nth(officer, f"qs_bidder_pick_{dossier}", 0)  # + Nieuwe bieder
    officer.locator(f".st-key-qs_bidder_name_bnew_{dossier} input").fill(name)
    click(officer, f"qs_bidder_save_bnew_{dossier}")
    wait_saved(lambda: _bidder(url, name) is not None, True)
    bidder_id = _bidder(url, name).id
    officer.wait_for_selector(f".st-key-qs_invite_make_{bidder_id}")
    click(officer, f"qs_invite_make_{bidder_id}")
    text = officer.locator('[data-testid="stCode"]').inner_text()
    assert text.startswith(f"Geachte {name},")  # the invitation, as typed: plain text
    return bidder_id, LINK.search(text).group(0)


def _answer(page: Page, bidder_id: int, ownership: str) -> None:
    page.locator(f".st-key-qs_reply_ownership_{bidder_id} textarea").fill(ownership)
    page.locator(f".st-key-qs_reply_ownership_{bidder_id} textarea").blur()
    wait_idle(page)
    first = page.locator(f'[class*="st-key-qs_reply_response_{bidder_id}_"]').first
    first.get_by_text("Gehaald", exact=True).click()
    wait_idle(page)


def _upload(page: Page, bidder_id: int, path: Path) -> None:
    uploader = page.locator(f'[class*="st-key-qs_reply_upload_{bidder_id}_"]').first
    uploader.locator('input[type="file"]').set_input_files(str(path))
    wait_idle(page)


def _submit(page: Page, bidder_id: int) -> None:
    page.locator(f".st-key-qs_reply_sure_{bidder_id}").get_by_text("Ik verklaar").click()
    wait_idle(page)
    click(page, f"qs_reply_submit_{bidder_id}")
    expect(page.get_by_text("Uw antwoorden zijn ingediend.")).to_be_visible()


def test_three_bidders_invited_two_answer_one_link_expires(demo_server, browser, tmp_path) -> None:
    server, ids = demo_server
    url, dossier = server.database_url, ids["approved"]
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    out = io.BytesIO()
    writer.write(out)
    pdf, fake = tmp_path / "iso-27001.pdf", tmp_path / "nep.pdf"
    pdf.write_bytes(out.getvalue())
    fake.write_bytes(b"<html><script>alert(1)</script></html>")

    officer = _context_page(browser)
    officer.goto(f"{server.url}/dossier?dossier={dossier}&step=award")
    sign_in(officer, "officer")
    links = {name: _invite(officer, url, dossier, name) for name in NAMES}
    screenshot(officer, "bidder-invitation")

    (a_id, a_link), (b_id, b_link), (c_id, c_link) = links.values()
    bidder_a, bidder_b = _context_page(browser), _context_page(browser)
    bidder_a.goto(server.url + a_link)
    wait_idle(bidder_a)
    expect(bidder_a.get_by_text("Deze vragenlijst is voor Scanco B.V.")).to_be_visible()
    _answer(bidder_a, a_id, "Familiebedrijf, Nederland")
    _upload(bidder_a, a_id, fake)
    expect(bidder_a.get_by_text("Het bestand is geen leesbare PDF")).to_be_visible()
    _upload(bidder_a, a_id, pdf)
    expect(bidder_a.get_by_text("Het bestand is toegevoegd.")).to_be_visible()
    expect(bidder_a.get_by_text("iso-27001.pdf")).to_be_visible()
    screenshot(bidder_a, "bidder-reply")

    bidder_b.goto(server.url + b_link)
    wait_idle(bidder_b)
    expect(bidder_b.get_by_text("Deze vragenlijst is voor Röntgen <b>GmbH</b>")).to_be_visible()
    _answer(bidder_b, b_id, "Beursgenoteerd")
    assert "Scanco" not in bidder_b.locator("body").inner_text()  # nothing of bidder A
    assert "iso-27001" not in bidder_b.locator("body").inner_text()
    assert "Röntgen" not in bidder_a.locator("body").inner_text()
    _submit(bidder_a, a_id)
    _submit(bidder_b, b_id)
    wait_saved(lambda: _bidder(url, NAMES[1]).reply_status, "submitted")

    engine = make_engine(url)  # the third link's last day has passed
    with engine.begin() as conn:
        past = datetime.now(UTC) - timedelta(days=1)
        conn.execute(
            update(BidderInvitation).where(BidderInvitation.bidder_id == c_id)
            .values(expires_at=past)
        )  # fmt: skip
    engine.dispose()
    late = _context_page(browser)
    late.goto(server.url + c_link)
    wait_idle(late)
    expect(late.get_by_text("Deze link is verlopen", exact=False)).to_be_visible()
    assert "Stil" not in late.locator("body").inner_text()

    officer.goto(f"{server.url}/bidders_compare?dossier={dossier}")
    sign_in(officer, "officer")  # a new page load is a new session
    expect(officer.get_by_text("2 van de 3 bieders hebben geantwoord.")).to_be_visible()

    officer.goto(f"{server.url}/dossier?dossier={dossier}&step=award")
    sign_in(officer, "officer")
    pick_nth(officer, f"qs_bidder_pick_{dossier}", 1)  # the first bidder, after "+ Nieuw"
    click(officer, f"qs_invite_revoke_{a_id}")
    bidder_a.reload()
    wait_idle(bidder_a)
    expect(bidder_a.get_by_text("Deze link is ingetrokken of vervangen")).to_be_visible()
    assert "Scanco" not in bidder_a.locator("body").inner_text()
    for page in (officer, bidder_a, bidder_b, late):
        page.context.close()
