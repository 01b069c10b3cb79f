"""INSERT … ON CONFLICT DO UPDATE for the two databases we support."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


@cache
def _statement(dialect_name: str, table: Table, keys: tuple[str, ...]) -> Insert:
    """Built once per table and dialect: construction is most of an upsert's cost."""
    dialect = postgresql if dialect_name == "postgresql" else sqlite
    statement = dialect.insert(table)
    changes = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    return statement.on_conflict_do_update(index_elements=list(keys), set_=changes)


def upsert(
    conn: Connection,
    table: Table,
    values: dict[str, Any] | list[dict[str, Any]],
    keys: Sequence[str],
) -> None:
    """Insert ``values`` (every column of ``table``; one row or a list), or update the row with
    the same keys."""
    conn.execute(_statement(conn.dialect.name, table, tuple(keys)), values)
