"""The whole journey in a real browser: the officer builds and submits a plan, the reviewer
sends it back, the officer fixes it, the reviewer approves."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from sqlalchemy import select

from quickscan_app.content import load_content
from quickscan_app.store.db import make_engine
from quickscan_app.store.models import Answer, Dossier
from tests.conftest import EXAMPLES
from tests.e2e.conftest import screenshot, sign_in, wait_idle
from tests.e2e.filling import answer, is_shown, wait_page, wait_saved

pytestmark = pytest.mark.e2e
PREFILLED: set[str] = set()  # the new-dossier form is left short here


def stored_answers(database_url: str, dossier: int) -> dict:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        rows = conn.execute(
            select(Answer.question_id, Answer.value).where(Answer.dossier_id == dossier)
        )
        result = dict(rows.all())
    engine.dispose()
    return result


def wait_status(database_url: str, dossier: int, expected: str) -> None:
    """The browser's click is done when the database says so."""
    wait_saved(lambda: dossier_status(database_url, dossier), expected)


def lock_version(database_url: str, dossier: int) -> int:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        version = conn.execute(
            select(Dossier.lock_version).where(Dossier.id == dossier)
        ).scalar_one()
    engine.dispose()
    return version


def dossier_status(database_url: str, dossier: int) -> str:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        status = conn.execute(select(Dossier.status).where(Dossier.id == dossier)).scalar_one()
    engine.dispose()
    return status


def click(page: Page, key: str) -> None:
    page.locator(f".st-key-{key} button").click()
    wait_idle(page)


def review_ready(page: Page, server, dossier: int) -> None:  # type: ignore[no-untyped-def]
    version = lock_version(server.database_url, dossier)
    page.wait_for_selector(f'[data-page-ready="review:{version}"]', state="attached")
    wait_idle(page)


def pick_nth(page: Page, key: str, n: int) -> None:
    """Open the list and take option ``n``. The click is repeated while the list does not
    open: a widget drawn again by a late rerun swallows the first click."""
    for _ in range(3):
        page.locator(f".st-key-{key} button[aria-haspopup=listbox]").click()
        try:
            page.get_by_role("option").nth(n).wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            wait_idle(page)
    page.get_by_role("option").nth(n).click()
    wait_idle(page)


def choose(page: Page, key: str, label: str) -> None:
    page.locator(f".st-key-{key} input[role=combobox]").fill(label)
    page.get_by_role("option", name=label).first.click()
    wait_idle(page)


def test_officer_and_reviewer_journey(server, page: Page, browser) -> None:
    library = load_content().library("scan-detection", 2)
    example = yaml.safe_load((EXAMPLES / "air-cargo-networked.yaml").read_text())["answers"]

    # The officer signs in and creates a dossier.
    page.goto(f"{server.url}/my_dossiers")
    screenshot(page, "01-sign-in")
    sign_in(page, "olga")
    expect(page.get_by_role("heading", name="Mijn dossiers")).to_be_visible()
    page.get_by_test_id("stSidebarNavItems").get_by_role("link", name="Nieuw dossier").click()
    wait_idle(page)
    page.get_by_label("Titel van de opdracht *").fill(
        "Luchtvrachtscanner Schiphol Zuid <b>&amp;</b>"
    )
    page.get_by_label("Kenmerk").fill("DOUANE-2027-101")
    screenshot(page, "02-new-dossier")
    page.get_by_role("button", name="Dossier aanmaken").click()
    wait_idle(page)
    expect(
        page.get_by_role("heading", name="Luchtvrachtscanner Schiphol Zuid <b>&amp;</b>")
    ).to_be_visible()
    dossier = int(re.search(r"dossier=(\d+)", page.url).group(1))

    # The quickscan, section by section, with a reload half-way.
    for number, section in enumerate(library.questionnaire.sections, start=1):
        wait_page(page, section.id, lock_version(server.database_url, dossier))
        expect(page.get_by_role("heading", name=f"{number}. {section.title.nl}")).to_be_visible()
        for question in section.questions:
            value = example.get(question.id)
            if value is None or question.id in PREFILLED:
                continue
            if question.id == "remote_channel":
                assert is_shown(page, dossier, question), "the follow-up appears after 'ja'"
            if not is_shown(page, dossier, question):
                continue
            answer(
                page, dossier, question, value,
                lambda q=question.id: stored_answers(server.database_url, dossier).get(q),
                lambda: lock_version(server.database_url, dossier),
                section.id,
            )  # fmt: skip
        if section.id == "network":
            screenshot(page, "03-wizard-network")
            page.reload()
            sign_in(page, "olga")
            wait_page(page, section.id, lock_version(server.database_url, dossier))
            expect(
                page.get_by_role("heading", name=f"{number}. {section.title.nl}")
            ).to_be_visible()
            chips = page.locator(f".st-key-q__{dossier}__network_connectivity")
            expect(chips).to_contain_text("Gesloten scannetwerk")
        if section.id == "remote_access":
            screenshot(page, "04-wizard-remote-access")
        click(page, "qs_next")
    kept = stored_answers(server.database_url, dossier)
    assert kept["remote_maintenance"] == "yes" and kept["remote_channel"]

    # Results, then the plan: take the top proposal into the plan.
    wait_page(page, "results", lock_version(server.database_url, dossier))
    expect(page.get_by_role("heading", name="Uitkomst")).to_be_visible()
    screenshot(page, "05-results")
    click(page, "qs_next")
    wait_page(page, "plan", lock_version(server.database_url, dossier))
    expect(page.get_by_role("heading", name="Maatregelenplan")).to_be_visible()
    pick_nth(page, "qs_pick_measure", 0)
    page.get_by_label("Eigenaar").fill("Contractmanager Douane")
    page.get_by_role("button", name="Opnemen in plan").click()
    wait_idle(page)
    expect(page.get_by_text("Maatregelen in het plan (1)")).to_be_visible()
    screenshot(page, "06-plan")
    click(page, "qs_next")
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    wait_idle(page)
    click(page, "qs_submit_confirm")  # "Ja, nu indienen": submitting asks for confirmation
    wait_status(server.database_url, dossier, "submitted")

    # The reviewer sends it back with a note.
    reviewer = browser.new_context(viewport={"width": 1440, "height": 1000}).new_page()
    reviewer.goto(f"{server.url}/review_queue")
    sign_in(reviewer, "ruben")
    expect(reviewer.get_by_role("heading", name="Te beoordelen")).to_be_visible()
    screenshot(reviewer, "07-review-queue")
    choose(reviewer, "qs_queue_waiting", "Luchtvrachtscanner Schiphol Zuid")
    click(reviewer, "qs_review_open")
    review_ready(reviewer, server, dossier)
    reviewer.get_by_role("tab", name="Besluit").click()
    reviewer.get_by_label("Toelichting bij uw besluit").fill("Neem ook een exitstrategie op.")
    screenshot(reviewer, "08-review-decision")
    click(reviewer, "qs_request_changes")
    wait_status(server.database_url, dossier, "changes_requested")

    # The officer fixes it: a second measure, then submits again.
    page.goto(f"{server.url}/dossier?dossier={dossier}&step=plan")
    sign_in(page, "olga")
    expect(page.get_by_text("Wijzigingen gevraagd").first).to_be_visible()
    screenshot(page, "08b-sent-back")
    pick_nth(page, "qs_pick_measure", 1)
    page.get_by_role("button", name="Opnemen in plan").click()
    wait_idle(page)
    expect(page.get_by_text("Maatregelen in het plan (2)")).to_be_visible()
    page.goto(f"{server.url}/dossier?dossier={dossier}&step=submit")
    sign_in(page, "olga")
    page.get_by_role("button", name="Indienen ter beoordeling").click()
    wait_idle(page)
    click(page, "qs_submit_confirm")  # "Ja, nu indienen": submitting asks for confirmation
    wait_status(server.database_url, dossier, "submitted")

    # The reviewer approves.
    reviewer.goto(f"{server.url}/review?dossier={dossier}")
    sign_in(reviewer, "ruben")
    review_ready(reviewer, server, dossier)
    reviewer.get_by_role("tab", name="Besluit").click()
    click(reviewer, "qs_approve")
    wait_status(server.database_url, dossier, "approved")
    expect(reviewer.get_by_text("Het plan is goedgekeurd.")).to_be_visible()
    screenshot(reviewer, "09-approved")
