"""Two app servers on one fresh PostgreSQL database, as behind a load balancer: what is done
on one is seen on the other, and a save on a stale version is refused, not lost."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from quickscan_app.content import load_content
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.db import make_engine
from quickscan_app.store.models import Answer, Dossier
from tests.e2e.conftest import (
    Server,
    screenshot,
    seed_demo_database,
    sign_in,
    start_server,
    stop_server,
    wait_idle,
)
from tests.e2e.filling import wait_saved
from tests.pg import pg_database

pytestmark = [pytest.mark.e2e, pytest.mark.postgres]


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory) -> Iterator[tuple[Server, Server, ServiceContext, dict]]:
    folder = tmp_path_factory.mktemp("two")
    with pg_database("qs_two") as (_, url):
        ids = seed_demo_database(url)  # migrated once, before the servers start (deploy.md)
        engine = make_engine(url)
        ctx = ServiceContext(engine, load_content())
        a = start_server(url, folder / "a.log")
        b = start_server(url, folder / "b.log")
        try:
            yield a, b, ctx, ids
        finally:
            stop_server(a)
            stop_server(b)
            engine.dispose()


def new_page(browser: Browser) -> Page:
    page = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL").new_page()
    page.set_default_timeout(30_000)
    return page


def test_work_on_one_server_shows_on_the_other(two_servers, browser: Browser) -> None:
    a, b, ctx, ids = two_servers
    submitted = ids["submitted"]
    reviewer = new_page(browser)
    reviewer.goto(f"{b.url}/review?dossier={submitted}")
    sign_in(reviewer, "reviewer")
    reviewer.wait_for_selector('[data-page-ready^="review:"]', state="attached")
    reviewer.get_by_role("tab", name="Besluit").click()
    reviewer.locator(".st-key-qs_approve button").click()

    def status() -> str:
        with ctx.factory() as session:
            return session.get(Dossier, submitted).status

    wait_saved(status, "approved")  # the click is done when the database says so
    officer = new_page(browser)
    officer.goto(f"{a.url}/dossier?dossier={submitted}&step=submit")
    sign_in(officer, "officer")
    officer.wait_for_selector(f".st-key-qs_export_make_{submitted}")
    assert "Goedgekeurd" in officer.locator('[data-testid="stMain"]').inner_text()
    screenshot(officer, "two-servers-approved-seen-on-a")


def test_a_stale_save_on_one_server_is_refused(two_servers, browser: Browser) -> None:
    a, b, ctx, ids = two_servers
    draft = ids["draft"]

    def stored() -> str | None:
        with ctx.factory() as session:
            row = session.get(Answer, (draft, "use_description"))
            return row.value if row else None

    on_a, on_b = new_page(browser), new_page(browser)
    for page, server in ((on_a, a), (on_b, b)):
        page.goto(f"{server.url}/dossier?dossier={draft}&step=use")
        sign_in(page, "officer")
        page.wait_for_selector(f".st-key-q__{draft}__use_description textarea")
    field_b = on_b.locator(f".st-key-q__{draft}__use_description textarea")
    field_b.fill("Ingevuld op server B")
    field_b.press("Tab")
    wait_idle(on_b)
    wait_saved(stored, "Ingevuld op server B")
    field_a = on_a.locator(f".st-key-q__{draft}__use_description textarea")
    field_a.fill("Ingevuld op server A, op een oude versie")
    field_a.press("Tab")
    wait_idle(on_a)
    on_a.get_by_text("is intussen gewijzigd door", exact=False).first.wait_for()
    assert stored() == "Ingevuld op server B"  # refused, not overwritten
    screenshot(on_a, "two-servers-stale-refused")
