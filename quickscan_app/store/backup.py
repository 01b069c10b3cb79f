"""Backup and restore in one portable format, for SQLite and PostgreSQL alike.

A backup is gzip-compressed JSON lines: a header (format, schema revision, time, row counts,
the id of the audit key), then every row of every table in dependency order, then a trailer
with the SHA-256 and the HMAC (with the audit key) of all lines before it. It is read inside
one snapshot transaction (SQLite: a read transaction on the WAL; PostgreSQL: REPEATABLE READ,
read only), so it is consistent while the app keeps working, and written readable by its
owner only (it holds password hashes). Restore loads it into an empty database at the same
schema revision, in one transaction, and checks counts, checksum, seal and the audit trail
(chain and approvals) before committing: a backup changed without the key, or one whose
trail is broken, leaves the database as it was. A backup from SQLite restores into
PostgreSQL and back (with the same key: ``docs/deploy.md``).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import hmac
import io
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    Connection,
    Date,
    DateTime,
    Engine,
    LargeBinary,
    Table,
    create_engine,
    func,
    select,
    text,
)
from sqlalchemy.orm import Session

from quickscan_app.services.audit_check import verify as verify_trail
from quickscan_app.store.audit_key import Keyring, keyring_for
from quickscan_app.store.migrate import current_revision, head_revision, upgrade
from quickscan_app.store.models import Base

FORMAT = "quickscan-backup/2"
UNSEALED_FORMAT = "quickscan-backup/1"
"""Before backups were sealed: a checksum only, restored only when asked for explicitly."""
BATCH = 2_000


class BackupError(Exception):
    """A backup that cannot be made or restored; the message says why."""


class _Seal:
    """SHA-256 and, with a key, HMAC-SHA-256 of the lines of a backup, as they are written."""

    def __init__(self, key: bytes | None, separator: str = "\n") -> None:
        self.sha = hashlib.sha256()
        self.mac = hmac.new(key, digestmod=hashlib.sha256) if key is not None else None
        self.separator = separator

    def update(self, line: str) -> None:
        data = (line + self.separator).encode("utf-8")
        self.sha.update(data)
        if self.mac is not None:
            self.mac.update(data)

    def matches(self, trailer: dict[str, Any]) -> bool:
        if trailer.get("sha256") != self.sha.hexdigest():
            return False
        if self.mac is None:
            return True
        return hmac.compare_digest(str(trailer.get("hmac")), self.mac.hexdigest())


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
    if isinstance(value, bytes):  # evidence files: base64 text in the JSON line
        return base64.b64encode(value).decode("ascii")
    return value


def _decoder(table: Table) -> dict[str, Any]:
    """Per column, how a JSON value becomes the column's Python type again."""
    decoders: dict[str, Any] = {}
    for column in table.columns:
        if isinstance(column.type, DateTime):
            decoders[column.name] = datetime.fromisoformat
        elif isinstance(column.type, Date):
            decoders[column.name] = date.fromisoformat
        elif isinstance(column.type, LargeBinary):
            decoders[column.name] = base64.b64decode
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


def backup(
    engine: Engine, target: Path, now: datetime, keys: Keyring | None = None
) -> BackupSummary:
    """Write a consistent backup of ``engine``'s database to ``target`` (a new file), sealed
    with the audit key (by default the one for ``engine``'s database)."""
    keys = keys if keys is not None else keyring_for(engine.url)
    revision = current_revision(engine)
    if revision is None:
        raise BackupError("the database has no Quickscan schema: nothing to back up")
    seal = _Seal(keys.current)
    counts: dict[str, int] = {}
    partial = target.with_name(target.name + ".part")
    try:
        with _private_text(partial) as out:
            with _snapshot(engine) as conn:
                for table in tables():
                    counts[table.name] = conn.execute(
                        select(func.count()).select_from(table)
                    ).scalar_one()
                header = {"format": FORMAT, "revision": revision, "created_at": now.isoformat(),
                          "rows": counts, "key_id": keys.current_id}  # fmt: skip
                _write_line(out, seal, json.dumps(header, sort_keys=True))
                for table in tables():
                    _dump_table(conn, table, out, seal)
            trailer = {"end": True, "sha256": seal.sha.hexdigest(),
                       "hmac": seal.mac.hexdigest() if seal.mac else None}  # fmt: skip
            out.write(json.dumps(trailer) + "\n")
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return BackupSummary(revision, counts)


@contextmanager
def _private_text(path: Path) -> Iterator[IO[str]]:
    """A gzip text file readable by its owner only, whatever the umask."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(handle, 0o600)
    with (
        open(handle, "wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=6) as zipped,
        io.TextIOWrapper(zipped, encoding="utf-8", newline="\n") as out,
    ):
        yield out


def _write_line(out: IO[str], seal: _Seal, line: str) -> None:
    seal.update(line)
    out.write(line + "\n")


def _dump_table(conn: Connection, table: Table, out: IO[str], seal: _Seal) -> None:
    keys = list(table.primary_key.columns) or list(table.columns)
    result = conn.execution_options(stream_results=True).execute(select(table).order_by(*keys))
    for row in result.mappings():
        line = json.dumps(
            {"t": table.name, "r": {k: _encode(v) for k, v in row.items()}},
            sort_keys=True, ensure_ascii=False,
        )  # fmt: skip
        _write_line(out, seal, line)


MAX_LINE = 32 * 1024 * 1024
"""The longest line a backup may hold (a row: an approval's snapshot is well under 1 MB).
A longer one is refused before it is held in memory whole."""


def _bounded_lines(handle: IO[str], source: Path) -> Iterator[tuple[int, str]]:
    number = 0
    while line := handle.readline(MAX_LINE + 1):
        number += 1
        if len(line) > MAX_LINE:
            raise BackupError(f"{source}: line {number} is longer than {MAX_LINE} characters")
        yield number, line


def _lines(source: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each line as written (what the seal covers) and as read."""
    try:
        with gzip.open(source, "rt", encoding="utf-8", newline="\n") as handle:
            for number, line in _bounded_lines(handle, source):
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    raise BackupError(f"{source}: line {number} is not valid JSON") from None
                if not isinstance(entry, dict):
                    raise BackupError(f"{source}: line {number} is not a backup entry")
                yield line.removesuffix("\n"), entry
    except (OSError, EOFError) as exc:
        raise BackupError(f"{source}: not a readable Quickscan backup ({exc})") from None


def restore(
    engine: Engine, source: Path, keys: Keyring | None = None, *, accept_unsealed: bool = False
) -> BackupSummary:
    """Load ``source`` into an empty database (created or upgraded here); all or nothing.

    The backup must carry the seal of a key in ``keys`` (by default those for ``engine``'s
    database); an unsealed one only with ``accept_unsealed`` (or when there is no key).
    Everything is checked inside the transaction, the audit trail last: nothing is committed
    unless all of it holds."""
    keys = keys if keys is not None else keyring_for(engine.url)
    upgrade(engine)
    lines = _lines(source)
    header_line, header = next(lines, ("", {}))
    seal = _opening_seal(source, header, keys, accept_unsealed)
    if header["format"] == FORMAT:
        seal.update(header_line)
    if header.get("revision") != head_revision():
        raise BackupError(
            f"{source}: made at schema revision {header.get('revision')}, this version of "
            f"Quickscan is at {head_revision()}; restore it with the version that made it"
        )
    known = {t.name: t for t in tables()}
    decoders = {name: _decoder(t) for name, t in known.items()}
    seen: dict[str, int] = dict.fromkeys(known, 0)
    ended = None
    with engine.begin() as conn:
        _require_empty(conn)
        conn.execute(known["audit_head"].delete())  # the migration's starting row
        pending: dict[str, list[dict[str, Any]]] = {}
        for line, entry in lines:
            if "end" in entry:
                ended = entry
                break
            name, row = entry.get("t"), entry.get("r")
            if name not in known or not isinstance(row, dict):
                raise BackupError(f"{source}: unknown table {name!r}")
            seal.update(line)
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
        if not seal.matches(ended):
            raise BackupError(
                f"{source}: checksum mismatch: the backup was changed or damaged "
                "(its seal does not match); nothing was restored"
            )
        wanted = {k: v for k, v in header["rows"].items() if k in known}
        if {k: seen[k] for k in wanted} != wanted:
            raise BackupError(f"{source}: row counts differ from the header")
        _reset_sequences(conn)
        _check_trail(conn, source, keys)
    return BackupSummary(header["revision"], {k: seen[k] for k in known})


def _opening_seal(
    source: Path, header: dict[str, Any], keys: Keyring, accept_unsealed: bool
) -> _Seal:
    """The seal to check the backup against, from its header, or a refusal."""
    fmt = header.get("format")
    if fmt not in (FORMAT, UNSEALED_FORMAT) or not isinstance(header.get("rows"), dict):
        raise BackupError(f"{source}: not a Quickscan backup ({FORMAT})")
    sealed_with = header.get("key_id") if fmt == FORMAT else None
    if sealed_with is None:
        if keys.current is not None and not accept_unsealed:
            raise BackupError(
                f"{source}: not sealed with an audit key, so a change to it cannot be told "
                "from the original; restore it only if you trust the file (--accept-unsealed)"
            )
        return _Seal(None, "\n" if fmt == FORMAT else "")
    key = keys.by_id(sealed_with)
    if key is None:
        raise BackupError(
            f"{source}: sealed with audit key {sealed_with}, which is not configured "
            "(QUICKSCAN_AUDIT_KEY or QUICKSCAN_AUDIT_RETIRED_KEYS)"
        )
    return _Seal(key)


def _check_trail(conn: Connection, source: Path, keys: Keyring) -> None:
    """The restored audit trail and the approvals bound to it, before anything is committed."""
    with Session(bind=conn, info={"audit_keys": keys}) as session:
        report = verify_trail(session, strict=False)
    if not report.intact:
        where = f" at event {report.first_bad_seq}" if report.first_bad_seq else ""
        raise BackupError(
            f"{source}: the audit trail in the backup is broken{where}: {report.problem}; "
            "nothing was restored"
        )


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
