"""In a real browser: a plan approved with a high residual risk waits for the risk owner, who
accepts it with reasons; then the tender dossier can be downloaded. The officer records a
change of set-up that raises the risk and submits again: it lands in the reviewer's inbox."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from quickscan_app.answer_files import load_answer_file
from quickscan_app.content import load_content
from quickscan_app.services import dossiers, workflow
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.services.demo import EXAMPLES, plan_top
from quickscan_app.store.db import make_engine
from tests.e2e.conftest import screenshot, sign_in, wait_idle
from tests.e2e.test_journey import click, dossier_status, wait_status

pytestmark = pytest.mark.e2e
TITLE = "Containerscanners Vlissingen (acceptatie)"


def _context(url: str) -> ServiceContext:
    return ServiceContext(make_engine(url), load_content())


def _submitted_high(url: str) -> int:
    """The container example (a high residual risk after its measures), planned and
    submitted by the demo officer: set up through the services, decided in the browser."""
    from sqlalchemy import select

    from quickscan_app.services.context import Actor, Role
    from quickscan_app.store.models import User

    ctx = _context(url)
    loaded = load_answer_file(EXAMPLES / "container-fleet-maintenance.yaml", ctx.content)
    meta = loaded.file.dossier.model_copy(update={"title": TITLE, "reference": "E2E-ACC"})
    loaded = type(loaded)(loaded.library, loaded.file.model_copy(update={"dossier": meta}),
                          loaded.answers)  # fmt: skip
    dossier = dossiers.import_dossier(ctx, system_actor("test"), loaded, "officer")
    with ctx.factory() as session:
        officer_id = session.execute(select(User.id).where(User.name == "officer")).scalar_one()
    officer = Actor(officer_id, "officer", frozenset({Role.OFFICER}), "test")
    current = plan_top(ctx, officer, dossier, 10, reject_one=False)
    workflow.submit(ctx, officer, dossier, current)
    ctx.engine.dispose()
    return dossier


def _as(browser: Browser, server, who: str, path: str) -> Page:  # type: ignore[no-untyped-def]
    page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL").new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server.url}{path}")
    sign_in(page, who)
    return page


def test_high_residual_acceptance_then_a_change_of_set_up(demo_server, browser) -> None:
    server, _ = demo_server
    url = server.database_url
    dossier = _submitted_high(url)

    # The reviewer approves and is told the risk owner decides next.
    reviewer = _as(browser, server, "reviewer", f"/review?dossier={dossier}")
    reviewer.get_by_role("tab", name="Besluit").click()
    wait_idle(reviewer)
    expect(reviewer.get_by_text("Na uw goedkeuring moet de risico-eigenaar")).to_be_visible()
    click(reviewer, "qs_approve")
    wait_status(url, dossier, "awaiting_acceptance")
    expect(reviewer.get_by_text("het plan ligt nu ter acceptatie")).to_be_visible()

    # The risk owner finds it in the inbox, reads the residual risk and accepts it.
    owner = _as(browser, server, "risk_owner", "/")
    expect(owner.get_by_text(TITLE).first).to_be_visible()
    owner.goto(f"{server.url}/acceptance?dossier={dossier}")
    sign_in(owner, "risk_owner")
    expect(owner.locator('table[data-table="residual"]')).to_be_visible()
    owner.get_by_label("Motivering (verplicht)").fill("Aanvaardbaar tot de vervanging in 2028.")
    owner.get_by_label("Voorwaarden (optioneel)").fill("Kwartaalrapportage over toegang.")
    screenshot(owner, "acceptance-decision")
    click(owner, "qs_accept")
    wait_status(url, dossier, "approved")
    expect(owner.get_by_text("Het restrisico is geaccepteerd")).to_be_visible()

    # Now the tender dossier exists: the officer downloads it.
    officer = _as(browser, server, "officer", f"/dossier?dossier={dossier}&step=submit")
    officer.locator(f".st-key-qs_export_kind_{dossier} input[role=combobox]").fill(
        "Aanbestedingsdossier"
    )
    officer.get_by_role("option", name="Aanbestedingsdossier").first.click()
    wait_idle(officer)
    click(officer, f"qs_export_make_{dossier}")
    with officer.expect_download() as download:
        officer.get_by_role("button", name="Downloaden").first.click()
    assert download.value.suggested_filename.startswith("quickscan-tender-dossier")

    # A change of set-up: a new revision, an answer that raises the risk, submitted again.
    officer.get_by_label("Wat verandert er? (verplicht)").fill(
        "Koppeling met het Douanenetwerk voor centrale beeldanalyse"
    )
    officer.get_by_role("button", name="Wijziging vastleggen en nieuwe versie openen").click()
    wait_status(url, dossier, "draft")
    ctx = _context(url)
    view = dossiers.get_dossier(ctx, system_actor("test"), dossier)
    before = view.assessment.overall_level
    from quickscan_app.services.context import Actor, Role

    owner_actor = Actor(view.dossier.owner_id, "officer", frozenset({Role.OFFICER}), "test")
    dossiers.save_answer(ctx, owner_actor, dossier, "network_connectivity", ["customs_network"],
                         view.dossier.lock_version)  # fmt: skip
    after = dossiers.get_dossier(ctx, system_actor("test"), dossier).assessment
    ctx.engine.dispose()
    assert after.scenarios != view.assessment.scenarios and after.overall_level.rank >= before.rank
    officer.goto(f"{server.url}/dossier?dossier={dossier}&step=results")
    sign_in(officer, "officer")
    expect(officer.get_by_text("Herbeoordeling nodig")).to_be_visible()
    expect(officer.locator('table[data-table="before_after"]')).to_be_visible()
    screenshot(officer, "change-of-set-up-results")
    officer.goto(f"{server.url}/dossier?dossier={dossier}&step=submit")
    sign_in(officer, "officer")
    officer.get_by_role("button", name="Indienen ter beoordeling").click()
    wait_idle(officer)
    click(officer, "qs_submit_confirm")
    wait_status(url, dossier, "submitted")

    # It lands in the reviewer's inbox.
    reviewer.goto(f"{server.url}/")
    sign_in(reviewer, "reviewer")
    expect(reviewer.get_by_text(TITLE).first).to_be_visible()
    screenshot(reviewer, "inbox-after-change")
    assert dossier_status(url, dossier) == "submitted"
