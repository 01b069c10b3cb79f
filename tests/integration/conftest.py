"""Every test here runs twice: on a SQLite file and on a fresh PostgreSQL database.

A migrated template with five users is built once per run and backend; each test gets a copy
(a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL), so tests are isolated
and fast. PostgreSQL must be reachable: when it is not, these tests fail rather than skip.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quickscan_app.content import ContentSet, default_content_paths, load_content
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.users import add_user
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from tests.conftest import MINI
from tests.pg import pg_database

PASSWORD = "correct horse battery"
USERS = {
    "olga": ("Olga Officier", ["officer"]),
    "otto": ("Otto Inkoper", ["officer"]),
    "rita": ("Rita Reviewer", ["reviewer"]),
    "remco": ("Remco Beveiliging", ["reviewer", "officer"]),
    "anna": ("Anna Admin", ["admin"]),
    "ada": ("Ada Beheer-Beoordeling", ["admin", "reviewer"]),
    "pim": ("Pim Proceseigenaar", ["risk_owner"]),
    "ria": ("Ria Risico-Beheer", ["risk_owner", "admin"]),
}
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _seed(engine: Engine, content: ContentSet) -> None:
    upgrade(engine)
    ctx = ServiceContext(engine, content)
    for name, (display, roles) in USERS.items():
        add_user(ctx, system_actor("test"), name, PASSWORD, roles, display_name=display)


@pytest.fixture(scope="session")
def mini_content() -> ContentSet:
    return load_content(default_content_paths(MINI))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory, mini_content: ContentSet) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    _seed(engine, mini_content)
    engine.dispose()  # the last connection to close checkpoints the WAL into the file
    assert not path.with_name("template.db-wal").exists()
    return path


@pytest.fixture(scope="session")
def pg_template(mini_content: ContentSet) -> Iterator[str]:
    with pg_database("qs_template") as (name, url):
        engine = make_engine(url)
        _seed(engine, mini_content)
        engine.dispose()
        yield name


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated database with the five test users."""
    if request.param == "sqlite":
        path = tmp_path / "quickscan.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    with pg_database("qs_test", template=request.getfixturevalue("pg_template")) as (_, url):
        yield url


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even the schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    with pg_database("qs_empty") as (_, url):
        yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ctx(engine: Engine, mini_content: ContentSet) -> ServiceContext:
    return ServiceContext(engine, mini_content)


@pytest.fixture(scope="session")
def shipped_content() -> ContentSet:
    return load_content(default_content_paths())


@pytest.fixture
def real_ctx(engine: Engine, shipped_content: ContentSet) -> ServiceContext:
    """The same database with the shipped questionnaire, risk model and catalogue."""
    return ServiceContext(engine, shipped_content)


@dataclass(frozen=True)
class People:
    olga: Actor
    otto: Actor
    rita: Actor
    remco: Actor
    anna: Actor
    ada: Actor
    pim: Actor
    ria: Actor


@pytest.fixture
def people(ctx: ServiceContext) -> People:
    from sqlalchemy import select

    from quickscan_app.store.models import User

    with ctx.factory() as session:
        users = {u.name: u for u in session.execute(select(User)).scalars()}
    return People(
        **{
            name: Actor(users[name].id, name, frozenset(Role(r) for r in roles), "test")
            for name, (_, roles) in USERS.items()
        }
    )
