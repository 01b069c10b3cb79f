"""Bidders side by side fit the page at desktop and phone width: five bidders with long and
hostile names, nothing cut off, no sideways scrolling; on a phone each aspect is a card
that shows the plan and every bidder."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page
from sqlalchemy import select

from quickscan_app.content import load_content
from quickscan_app.services import bidders
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.store.db import make_engine
from quickscan_app.store.models import User
from tests.e2e.conftest import screenshot, sign_in
from tests.e2e.test_tables import MEASURE

NAMES = [
    "Aansprakelijkheidsverzekeringsmaatschappij Scanners Nederland B.V.",
    "Röntgen <b>GmbH</b> **vet** =1+1",
    "Far Away Ltd",
    "Stil B.V.",
    "Nog Een Bieder Zonder Antwoord Holding N.V.",
]


@pytest.fixture(scope="module")
def with_bidders(demo_server) -> tuple[str, int]:  # type: ignore[no-untyped-def]
    """Five bidders on the approved demo dossier: three checks submitted, two drafts."""
    server, ids = demo_server
    engine = make_engine(server.database_url)
    ctx = ServiceContext(engine, load_content())
    with ctx.factory() as session:
        user = session.execute(select(User).where(User.name == "officer")).scalar_one()
        officer = Actor(user.id, "officer", frozenset({Role.OFFICER}), "e2e")
    for n, name in enumerate(NAMES):
        added = bidders.add_bidder(ctx, officer, ids["approved"], {"name": name})
        if n < 3:
            bidders.submit_bidder(ctx, officer, added, 1)
    engine.dispose()
    return server.url, ids["approved"]


@pytest.mark.parametrize("width", [1440, 390])
def test_the_comparison_fits_and_wraps(with_bidders, browser, width) -> None:  # type: ignore[no-untyped-def]
    url, dossier = with_bidders
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page: Page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{url}/bidders_compare?dossier={dossier}")
        sign_in(page, "officer")
        page.wait_for_selector('table[data-table="bidders_compare"]')
        found = page.evaluate(MEASURE, "bidders_compare")
        heads = page.locator('table[data-table="bidders_compare"] th').all_text_contents()
        screenshot(page, f"table-bidders-compare-{width}")
    finally:
        context.close()
    assert heads[2:] == [f"{n}. {name}" for n, name in enumerate(NAMES, start=1)]
    assert found["width"] <= found["room"] + 1, found
    assert found["cut"] == [], found
    assert found["pageScroll"] <= 0, found
    if width == 390:
        assert found["shown"] == found["columns"] == 2 + len(NAMES), found
