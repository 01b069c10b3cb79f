"""Backup and restore: a consistent copy while writers keep working, restored into the other
database engine, with the audit chain intact, the same dossiers, and exported files that
still verify."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from quickscan_app.services import audit, dossiers, exports
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.backup import BackupError, backup, restore
from quickscan_app.store.db import make_engine, session_factory
from tests.integration.helpers import approved_from_example, new_dossier
from tests.pg import pg_database


@contextmanager
def other_engine(source: Engine, tmp_path: Path) -> Iterator[Engine]:
    """An empty database on the other engine: SQLite for PostgreSQL and the other way round."""
    if source.dialect.name == "sqlite":
        with pg_database("qs_restore") as (_, url):
            engine = make_engine(url)
            yield engine
            engine.dispose()
        return
    engine = make_engine(f"sqlite:///{tmp_path / 'restored.db'}")
    yield engine
    engine.dispose()


def test_restored_on_the_other_engine_everything_is_there(real_ctx, people, tmp_path) -> None:
    approved = approved_from_example(real_ctx, people.olga, people.rita)
    pdf = exports.export_document(real_ctx, people.olga, approved, "plan", "pdf").data
    before = [(d.id, d.title, d.status) for d in dossiers.list_dossiers(real_ctx, people.anna)]
    target = tmp_path / "quickscan.qsbak"
    summary = backup(real_ctx.engine, target, datetime.now(UTC))
    assert summary.rows["dossiers"] == len(before)
    with other_engine(real_ctx.engine, tmp_path) as engine:
        restore(engine, target)
        ctx = ServiceContext(engine, real_ctx.content)
        with session_factory(engine)() as session:
            assert audit.verify(session).intact
        after = [(d.id, d.title, d.status) for d in dossiers.list_dossiers(ctx, people.anna)]
        assert after == before
        assert exports.verify_file(ctx, people.olga, pdf).outcome == "match"
        newer = new_dossier(ctx, people.olga, "Na herstel")  # ids continue after the restore
        assert newer > max(d for d, _, _ in before)
        with session_factory(engine)() as session:
            assert audit.verify(session).intact


def test_a_backup_while_writers_work_is_consistent(ctx, people, tmp_path) -> None:
    dossier = new_dossier(ctx, people.olga)
    stop = threading.Event()
    saved: list[int] = []

    def writer() -> None:
        current = dossiers.get_dossier(ctx, people.olga, dossier).dossier.lock_version
        n = 0
        while not stop.is_set() and n < 400:
            current = dossiers.save_answer(ctx, people.olga, dossier, "fleet_share", n % 100,
                                           current)  # fmt: skip
            saved.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        while len(saved) < 20:
            stop.wait(0.01)
        target = tmp_path / "live.qsbak"
        backup(ctx.engine, target, datetime.now(UTC))
    finally:
        stop.set()
        thread.join()
    with other_engine(ctx.engine, tmp_path) as engine:
        summary = restore(engine, target)
        with session_factory(engine)() as session:
            report = audit.verify(session)
        assert report.intact, report
        assert report.events == summary.rows["audit_events"] > 20


def test_damaged_or_foreign_backups_are_refused_and_change_nothing(ctx, people, tmp_path) -> None:
    new_dossier(ctx, people.olga)
    target = tmp_path / "b.qsbak"
    backup(ctx.engine, target, datetime.now(UTC))
    import gzip

    lines = gzip.decompress(target.read_bytes()).decode().splitlines()
    row = next(i for i, line in enumerate(lines) if '"t": "dossiers"' in line)
    lines[row] = lines[row].replace("Scanner", "Scannex")
    assert "Scannex" in lines[row]
    changed = tmp_path / "changed.qsbak"
    changed.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    cut = tmp_path / "cut.qsbak"
    cut.write_bytes(gzip.compress(("\n".join(lines[:-1]) + "\n").encode()))
    junk = tmp_path / "junk.qsbak"
    junk.write_bytes(b"not a backup")
    for bad, message in ((changed, "checksum"), (cut, "cut off"), (junk, "not a")):
        with other_engine(ctx.engine, _folder(tmp_path, bad.stem)) as engine:
            with pytest.raises(BackupError, match=message):
                restore(engine, bad)
            with engine.connect() as conn:
                assert conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar() == 0
    with pytest.raises(BackupError, match="not empty"):
        restore(ctx.engine, target)


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir(exist_ok=True)
    return folder


def test_times_are_written_in_utc_whatever_the_session_zone() -> None:
    from datetime import timedelta, timezone

    from quickscan_app.store.backup import _encode

    amsterdam_summer = datetime(2027, 7, 1, 11, 0, tzinfo=timezone(timedelta(hours=2)))
    assert _encode(amsterdam_summer) == "2027-07-01T09:00:00+00:00"


def test_a_backup_reads_one_moment_and_does_not_stop_the_app(ctx, people) -> None:
    from quickscan_app.store.backup import _snapshot

    with _snapshot(ctx.engine) as conn:
        before = conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar()
        new_dossier(ctx, people.olga, "Tijdens de back-up")  # the app writes meanwhile
        assert conn.exec_driver_sql("SELECT count(*) FROM dossiers").scalar() == before
