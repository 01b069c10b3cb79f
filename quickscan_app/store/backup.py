"""Backup and restore in one portable format, for SQLite and PostgreSQL alike.

A backup is gzip-compressed JSON lines: a header (format, schema revision, time, row counts),
then every row of every table in dependency order, then a trailer with the SHA-256 of all row
lines. It is read inside one snapshot transaction (SQLite: a read transaction on the WAL;
PostgreSQL: REPEATABLE READ, read only), so it is consistent while the app keeps working.
Restore loads it into an empty database at the same schema revision, in one transaction, and
checks counts and checksum before committing; a backup from SQLite restores into PostgreSQL
and back.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Date, DateTime, Engine, Table, create_engine, func, select, text

from quickscan_app.store.migrate import current_revision, head_revision, upgrade
from quickscan_app.store.models import Base

FORMAT = "quickscan-backup/1"
BATCH = 2_000


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


@dataclass(frozen=True)
class BackupSummary:
    revision: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def tables() -> list[Table]:
    """Every table, parents before children."""
    return list(Base.metadata.sorted_tables)


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):  # always UTC: PostgreSQL answers in the session's zone
        return (value.astimezone(UTC) if value.tzinfo else value.replace(tzinfo=UTC)).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _decoder(table: Table) -> dict[str, Any]:
    """Per column, how a JSON value becomes the column's Python type again."""
    decoders: dict[str, Any] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.name] = date.fromisoformat
    return decoders


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """One connection that sees every table as of the same moment, without blocking the app.

    PostgreSQL: a REPEATABLE READ, read-only transaction. SQLite: the app's connections take
    the write lock at BEGIN, so reading through them would stop every writer for the whole
    backup; instead SQLite's online backup copies the file in one step (a WAL read snapshot,
    writers go on) and the copy is read at leisure.
    """
    if engine.dialect.name == "postgresql":
        with engine.connect() as conn:
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
            conn.execute(text("SET TRANSACTION READ ONLY"))
            yield conn
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "snapshot.db"
        source = sqlite3.connect(engine.url.database or "")
        target = sqlite3.connect(copy)
        try:
            source.backup(target)
        finally:
            target.close()
            source.close()
        snapshot = create_engine(f"sqlite:///{copy}")
        try:
            with snapshot.connect() as conn:
                yield conn
        finally:
            snapshot.dispose()


def backup(engine: Engine, target: Path, now: datetime) -> BackupSummary:
    """Write a consistent backup of ``engine``'s database to ``target`` (a new file)."""
    revision = current_revision(engine)
    if revision is None:
        raise BackupError("the database has no Quickscan schema: nothing to back up")
    digest = hashlib.sha256()
    counts: dict[str, int] = {}
    partial = target.with_name(target.name + ".part")
    try:
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=6) as out:
            with _snapshot(engine) as conn:
                for table in tables():
                    counts[table.name] = conn.execute(
                        select(func.count()).select_from(table)
                    ).scalar_one()
                header = {"format": FORMAT, "revision": revision, "created_at": now.isoformat(),
                          "rows": counts}  # fmt: skip
                out.write(json.dumps(header, sort_keys=True) + "\n")
                for table in tables():
                    _dump_table(conn, table, out, digest)
            out.write(json.dumps({"end": True, "sha256": digest.hexdigest()}) + "\n")
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupSummary(revision, counts)


def _dump_table(conn: Connection, table: Table, out: IO[str], digest: Any) -> None:
    keys = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True).execute(select(table).order_by(*keys))
    for row in result.mappings():
        line = json.dumps(
            {"t": table.name, "r": {k: _encode(v) for k, v in row.items()}},
            sort_keys=True, ensure_ascii=False,
        )  # fmt: skip
        digest.update(line.encode("utf-8"))
        out.write(line + "\n")


def _lines(source: Path) -> Iterator[dict[str, Any]]:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    raise BackupError(f"{source}: line {number} is not valid JSON") from None
    except (OSError, EOFError) as exc:
        raise BackupError(f"{source}: not a readable Quickscan backup ({exc})") from None


def restore(engine: Engine, source: Path) -> BackupSummary:
    """Load ``source`` into an empty database (created or upgraded here); all or nothing."""
    upgrade(engine)
    lines = _lines(source)
    header = next(lines, None)
    if not header or header.get("format") != FORMAT:
        raise BackupError(f"{source}: not a Quickscan backup ({FORMAT})")
    if header["revision"] != head_revision():
        raise BackupError(
            f"{source}: made at schema revision {header['revision']}, this version of "
            f"Quickscan is at {head_revision()}; restore it with the version that made it"
        )
    known = {t.name: t for t in tables()}
    decoders = {name: _decoder(t) for name, t in known.items()}
    digest = hashlib.sha256()
    seen: dict[str, int] = dict.fromkeys(known, 0)
    ended = None
    with engine.begin() as conn:
        _require_empty(conn)
        conn.execute(known["audit_head"].delete())  # the migration's starting row
        pending: dict[str, list[dict[str, Any]]] = {}
        for entry in lines:
            if "end" in entry:
                ended = entry
                break
            name, row = entry.get("t"), entry.get("r")
            if name not in known or not isinstance(row, dict):
                raise BackupError(f"{source}: unknown table {name!r}")
            digest.update(json.dumps(entry, sort_keys=True, ensure_ascii=False).encode("utf-8"))
            for column, decode in decoders[name].items():
                if row.get(column) is not None:
                    row[column] = decode(row[column])
            batch = pending.setdefault(name, [])
            batch.append(row)
            seen[name] += 1
            if len(batch) >= BATCH:
                _flush(conn, known, pending)
        _flush(conn, known, pending)
        if ended is None:
            raise BackupError(f"{source}: the backup is cut off (no end marker)")
        if ended.get("sha256") != digest.hexdigest():
            raise BackupError(f"{source}: checksum mismatch: the backup was changed or damaged")
        wanted = {k: v for k, v in header["rows"].items() if k in known}
        if {k: seen[k] for k in wanted} != wanted:
            raise BackupError(f"{source}: row counts differ from the header")
        _reset_sequences(conn)
    return BackupSummary(header["revision"], {k: seen[k] for k in known})


def _flush(conn: Connection, known: dict[str, Table], pending: dict[str, list]) -> None:
    """Insert what is pending, parents first (the file lists them in that order too)."""
    for table in tables():
        rows = pending.get(table.name)
        if rows:
            conn.execute(table.insert(), rows)
            rows.clear()


def _require_empty(conn: Connection) -> None:
    for name in ("users", "dossiers", "audit_events"):
        if conn.execute(text(f"SELECT 1 FROM {name} LIMIT 1")).first():
            raise BackupError(
                "the target database is not empty: restore only into a new, empty database"
            )


def _reset_sequences(conn: Connection) -> None:
    """PostgreSQL hands out ids from sequences; move each past the restored rows."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables():
        for column in table.primary_key.columns:
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:t, :c)"),
                {"t": table.name, "c": column.name},
            ).scalar()
            if sequence:
                highest = conn.execute(select(func.max(column))).scalar() or 0
                conn.execute(
                    text("SELECT setval(:s, :v, false)"), {"s": sequence, "v": highest + 1}
                )
