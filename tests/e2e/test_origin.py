"""The audit origin of a browser sign-in, through the real server: a forged X-Forwarded-For is
ignored, and believed only when the peer is a configured proxy (QUICKSCAN_TRUSTED_PROXIES)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser
from sqlalchemy import select

from quickscan_app.content import load_content
from quickscan_app.services import users
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from quickscan_app.store.models import AuditEvent
from tests.e2e.conftest import PASSWORD, Server, sign_in, start_server, stop_server

pytestmark = pytest.mark.e2e
FORGED = "198.51.100.77"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Server, str]]:
    """One database; a server as deployed without a proxy, and one told that 127.0.0.1 (where
    the test's browser connects from) is its reverse proxy."""
    folder = tmp_path_factory.mktemp("origin")
    url = f"sqlite:///{folder / 'origin.db'}"
    engine = make_engine(url)
    upgrade(engine)
    ctx = ServiceContext(engine, load_content())
    for name in ("olga", "ruben"):
        users.add_user(ctx, system_actor("e2e"), name, PASSWORD, ["officer"])
    engine.dispose()
    plain = start_server(url, folder / "plain.log")
    with pytest.MonkeyPatch.context() as env:
        env.setenv("QUICKSCAN_TRUSTED_PROXIES", "127.0.0.1, ::1")
        behind_proxy = start_server(url, folder / "proxy.log")
    try:
        yield plain, behind_proxy, url
    finally:
        stop_server(plain)
        stop_server(behind_proxy)


def origin_of_sign_in(browser: Browser, server: Server, url: str, name: str) -> str:
    context = browser.new_context(locale="nl-NL", extra_http_headers={"X-Forwarded-For": FORGED})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(server.url)
    sign_in(page, name)
    context.close()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            last = select(AuditEvent.origin).where(
                AuditEvent.action == "login", AuditEvent.object_id == name
            )
            return conn.execute(last.order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()
    finally:
        engine.dispose()


def test_a_forged_forwarded_header_is_ignored(servers, browser: Browser) -> None:
    plain, _, url = servers
    assert origin_of_sign_in(browser, plain, url, "olga") == "web:localhost"


def test_a_trusted_proxy_names_the_client(servers, browser: Browser) -> None:
    _, behind_proxy, url = servers
    assert origin_of_sign_in(browser, behind_proxy, url, "ruben") == f"web:{FORGED}"
