"""Every test here runs twice: on a SQLite file and on a fresh PostgreSQL database.

A migrated template with five users is built once per run and backend; each test gets a copy
(a file copy for SQLite, ``CREATE DATABASE … TEMPLATE`` for PostgreSQL), so tests are isolated
and fast. PostgreSQL must be reachable: when it is not, these tests fail rather than skip.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from quickscan_app.content import ContentSet, default_content_paths, load_content
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor
from quickscan_app.services.users import add_user
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from tests.conftest import MINI

PG_ADMIN_URL = os.environ.get(
    "QUICKSCAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
PASSWORD = "correct horse battery"
USERS = {
    "olga": ("Olga Officier", ["officer"]),
    "otto": ("Otto Inkoper", ["officer"]),
    "rita": ("Rita Reviewer", ["reviewer"]),
    "remco": ("Remco Beveiliging", ["reviewer", "officer"]),
    "anna": ("Anna Admin", ["admin"]),
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


def _pg_admin() -> Engine:
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def pg_template(mini_content: ContentSet) -> Iterator[str]:
    admin = _pg_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        pytest.fail(f"PostgreSQL is required for these tests and is unreachable: {exc}")
    name = f"qs_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine = make_engine(PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}")
    _seed(engine, mini_content)
    engine.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        path = tmp_path / "quickscan.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("pg_template")
    name = f"{template}_{uuid.uuid4().hex[:8]}"
    admin = _pg_admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even the schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    name = f"qs_empty_{uuid.uuid4().hex[:10]}"
    admin = _pg_admin()
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        pytest.fail(f"PostgreSQL is required for these tests and is unreachable: {exc}")
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def ctx(engine: Engine, mini_content: ContentSet) -> ServiceContext:
    return ServiceContext(engine, mini_content)


@dataclass(frozen=True)
class People:
    olga: Actor
    otto: Actor
    rita: Actor
    remco: Actor
    anna: Actor


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
