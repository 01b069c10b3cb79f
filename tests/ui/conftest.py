"""AppTest of the real Streamlit app on a copy of a demo database (SQLite).

The UI is the same on both databases: the services under it are tested on both.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest
import streamlit as st
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from quickscan_app.config import get_settings
from quickscan_app.content import load_content
from quickscan_app.services import users
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.demo import DEMO_USERS, seed_demo
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from quickscan_app.store.models import Dossier, User
from tests.conftest import ROOT

APP = ROOT / "quickscan_app" / "ui" / "app.py"
PASSWORD = "demo-wachtwoord-123"


@pytest.fixture(scope="session")
def ui_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ui") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    ctx = ServiceContext(engine, load_content())
    seed_demo(ctx)
    for name in DEMO_USERS:
        users.set_password(ctx, system_actor("test"), name, PASSWORD)
    engine.dispose()
    return path


@pytest.fixture
def ui_db(ui_template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    path = tmp_path / "ui.db"
    shutil.copy(ui_template, path)
    url = f"sqlite:///{path}"
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", url)
    monkeypatch.delenv("QUICKSCAN_CONTENT_DIR", raising=False)
    get_settings.cache_clear()
    st.cache_resource.clear()
    yield url
    st.cache_resource.clear()
    get_settings.cache_clear()


@pytest.fixture
def ctx(ui_db: str) -> Iterator[ServiceContext]:
    context = ServiceContext(make_engine(ui_db), load_content())
    yield context
    context.engine.dispose()


@pytest.fixture
def at(ui_db: str) -> AppTest:
    return AppTest.from_file(str(APP), default_timeout=60)


def actor_named(ctx: ServiceContext, name: str) -> Actor:
    with ctx.factory() as session:
        user = session.execute(select(User).where(User.name == name)).scalar_one()
        return Actor(user.id, name, frozenset(Role(r) for r in user.role_names), "apptest")


def signed_in(at: AppTest, ctx: ServiceContext, name: str) -> AppTest:
    """Skip the form (tested on its own): put the signed-in user in the session."""
    at.session_state["qs_actor"] = actor_named(ctx, name)
    return at


def dossier_id(ctx: ServiceContext, status: str) -> int:
    with ctx.factory() as session:
        return session.execute(select(Dossier.id).where(Dossier.status == status)).scalars().first()


def texts(at: AppTest) -> str:
    """Everything the page shows as text, for assertions on content."""
    parts = []
    for kind in (
        "title",
        "header",
        "subheader",
        "markdown",
        "caption",
        "info",
        "warning",
        "error",
        "success",
        "html",
    ):
        parts += [str(element.value) for element in getattr(at, kind)]
    return "\n".join(parts)


class _TableReader(HTMLParser):
    """Reads the app's HTML tables (``ui/tables.py``) back into rows of text, unescaped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._name: str | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._name = dict(attrs).get("data-table") or ""
            self.tables[self._name] = []
        elif tag == "tr" and self._name is not None:
            self.tables[self._name].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._name is not None:
            self.tables[self._name][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "table":
            self._name = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def html_tables(at: AppTest) -> dict[str, pd.DataFrame]:
    """The page's wrapping tables by name (``data-table``), as data frames of text."""
    reader = _TableReader()
    for element in at.html:
        reader.feed(element.value)
    return {
        name: pd.DataFrame(rows[1:], columns=rows[0]) if rows else pd.DataFrame()
        for name, rows in reader.tables.items()
    }


def review_tab(at: AppTest, label: str, dossier: int | None = None) -> AppTest:
    """Opens one section of the reviewer's page (its tabs are keyed: only the open one runs)."""
    if dossier is None:
        shown = at.query_params["dossier"]
        dossier = int(shown[0] if isinstance(shown, list) else shown)
    at.session_state[f"qs_review_tab_{dossier}_nl"] = label
    return at.run()


def status_of(ctx: ServiceContext, dossier: int) -> str:
    with ctx.factory() as session:
        return session.get(Dossier, dossier).status
