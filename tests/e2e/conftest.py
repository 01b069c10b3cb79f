"""Browser tests: the real app, started by the test, driven in Debian's Chromium.

Chromium is required: when /usr/bin/chromium is missing these tests fail, never skip.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import select

from quickscan_app.content import load_content
from quickscan_app.services import users
from quickscan_app.services.context import ServiceContext, system_actor
from quickscan_app.services.demo import DEMO_USERS, seed_demo
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from quickscan_app.store.models import Dossier
from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
PASSWORD = "e2e-wachtwoord-123"
SCREENSHOTS = ROOT / "build" / "screenshots"
IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    url: str
    database_url: str
    process: subprocess.Popen


def start_server(database_url: str, log: Path) -> Server:
    port = free_port()
    env = {**os.environ, "QUICKSCAN_DATABASE_URL": database_url}
    env.pop("QUICKSCAN_CONTENT_DIR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "quickscan_app.cli", "serve", "--port", str(port)],
        env=env, stdout=log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server stopped: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as reply:
                if reply.status == 200:
                    return Server(url, database_url, process)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("server did not become healthy within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("e2e")
    database_url = f"sqlite:///{folder / 'e2e.db'}"
    engine = make_engine(database_url)
    upgrade(engine)
    ctx = ServiceContext(engine, load_content())
    admin = system_actor("e2e")
    users.add_user(ctx, admin, "olga", PASSWORD, ["officer"], display_name="Olga Inkoper")
    users.add_user(ctx, admin, "ruben", PASSWORD, ["reviewer"], display_name="Ruben Beveiliging")
    users.add_user(ctx, admin, "anne", PASSWORD, ["admin"], display_name="Anne Beheer")
    engine.dispose()
    running = start_server(database_url, folder / "server.log")
    yield running
    stop_server(running)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):  # type: ignore[no-untyped-def]
    report = yield
    if report.when == "call":
        item.failed_call = report.failed
    return report


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="nl-NL")
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    if getattr(request.node, "failed_call", False):
        screenshot(opened, f"failure-{request.node.name}")
    context.close()


def wait_idle(page: Page) -> None:
    """Until Streamlit has finished running the script and drawing what it sent."""
    page.wait_for_selector(IDLE)
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stApp"]')
                  .getAttribute('data-test-script-state') === 'notRunning'
               && !document.querySelector('[data-testid="stSkeleton"]')"""
    )


def sign_in(page: Page, name: str) -> None:
    wait_idle(page)
    page.locator(".st-key-sign_in_name input").fill(name)
    page.locator(".st-key-sign_in_password input").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    wait_idle(page)
    page.wait_for_selector(".st-key-sign_in_name", state="detached")
    wait_idle(page)


def screenshot(page: Page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def seed_demo_database(url: str) -> dict[str, int]:
    """Migrate ``url``, add the demo data with known passwords; dossier ids by status."""
    engine = make_engine(url)
    upgrade(engine)
    ctx = ServiceContext(engine, load_content())
    seed_demo(ctx)
    for name in DEMO_USERS:
        users.set_password(ctx, system_actor("demo"), name, PASSWORD)
    with ctx.factory() as session:
        ids = {d.status: d.id for d in session.execute(select(Dossier)).scalars()}
    engine.dispose()
    return ids


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict]]:
    """The app on a fresh demo database (one per test module); ids of its dossiers by status."""
    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'demo.db'}"
    ids = seed_demo_database(url)
    server = start_server(url, folder / "server.log")
    yield server, ids
    stop_server(server)
