"""Scratch PostgreSQL databases for tests: created fresh, dropped after, never skipped."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text

PG_ADMIN_URL = os.environ.get(
    "QUICKSCAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def pg_database(prefix: str, template: str | None = None) -> Iterator[tuple[str, str]]:
    """A new database (a copy of ``template`` if given): yields its name and URL.

    PostgreSQL is a required part of the test suite: when it cannot be reached, the test
    fails with the reason instead of being skipped.
    """
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    except Exception as exc:
        admin.dispose()
        pytest.fail(f"PostgreSQL is required for these tests and is unreachable: {exc}")
    try:
        yield name, PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
