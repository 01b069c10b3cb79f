"""``quickscan serve`` before and just after the server listens: the embedded database is
upgraded at once, an empty one gets its demo data only after the first sign-in form (so that
form never waits for it); a shared PostgreSQL database is only checked, never changed."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from quickscan_app.cli import serve_command
from quickscan_app.cli.common import UsageError
from quickscan_app.config import get_settings
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from quickscan_app.store.models import Dossier, User
from quickscan_app.ui import runtime
from tests.pg import pg_database


def use_database(monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", url)
    monkeypatch.delenv("QUICKSCAN_CONTENT_DIR", raising=False)
    get_settings.cache_clear()


def counts(url: str) -> tuple[int, int]:
    engine = make_engine(url)
    with engine.connect() as conn:
        users = conn.execute(select(func.count(User.id))).scalar_one()
        dossiers = conn.execute(select(func.count(Dossier.id))).scalar_one()
    engine.dispose()
    return users, dossiers


@pytest.fixture
def listening() -> Iterator[int]:
    """A port something listens on, as the Streamlit server does once it has started."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        yield server.getsockname()[1]


@pytest.fixture
def sign_in_not_drawn() -> Iterator[threading.Event]:
    runtime.SIGN_IN_DRAWN.clear()
    yield runtime.SIGN_IN_DRAWN
    runtime.SIGN_IN_DRAWN.clear()


def test_an_empty_embedded_database_gets_demo_data_once_the_sign_in_form_is_drawn(
    tmp_path, monkeypatch, capsys, listening, sign_in_not_drawn
) -> None:
    url = f"sqlite:///{tmp_path / 'first.db'}"
    use_database(monkeypatch, url)
    assert serve_command.prepare_database() is True  # upgraded, and empty
    assert counts(url) == (0, 0)
    monkeypatch.setattr(serve_command, "DEMO_DATA_AFTER", 600.0)
    monkeypatch.setattr(serve_command, "LATER_PAGES", ())
    started = threading.Thread(
        target=serve_command.after_start, args=("127.0.0.1", listening),
        kwargs={"demo_data": True},
    )  # fmt: skip
    started.start()
    assert counts(url) == (0, 0)  # waits for the sign-in form
    sign_in_not_drawn.set()
    started.join(timeout=120)
    assert not started.is_alive()
    users, dossiers = counts(url)
    assert users >= 3 and dossiers >= 4
    out = capsys.readouterr().out
    assert "demo data added" in out and "  officer " in out
    assert serve_command.prepare_database() is False  # the next start adds nothing


def test_demo_data_does_not_wait_for_a_form_nobody_opens(
    tmp_path, monkeypatch, listening, sign_in_not_drawn
) -> None:
    url = f"sqlite:///{tmp_path / 'unopened.db'}"
    use_database(monkeypatch, url)
    assert serve_command.prepare_database() is True
    monkeypatch.setattr(serve_command, "DEMO_DATA_AFTER", 0.0)
    monkeypatch.setattr(serve_command, "LATER_PAGES", ())
    serve_command.after_start("127.0.0.1", listening, demo_data=True)
    assert counts(url)[0] >= 3


@pytest.mark.postgres
def test_a_shared_postgresql_database_is_checked_not_changed(monkeypatch) -> None:
    with pg_database("qs_serve") as (_, url):
        use_database(monkeypatch, url)
        with pytest.raises(UsageError, match="quickscan db upgrade"):
            serve_command.prepare_database()
        engine = make_engine(url)
        with engine.connect() as conn:
            tables = conn.execute(text("SELECT count(*) FROM pg_tables WHERE schemaname='public'"))
            assert tables.scalar_one() == 0  # serve never migrates a shared database
        upgrade(engine)
        engine.dispose()
        assert serve_command.prepare_database() is False  # current: no demo data there
        assert counts(url) == (0, 0)
