"""Backups sealed with the audit key, checked whole before anything is committed, and written
readable by their owner only (issue 14, point 6)."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from quickscan_app.store.audit_key import UNKEYED, Keyring
from quickscan_app.store.backup import BackupError, backup, restore
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import upgrade
from tests.conftest import TEST_AUDIT_KEY
from tests.integration.conftest import USERS
from tests.integration.helpers import new_dossier
from tests.integration.test_backup import other_engine

OTHER_KEY = b"another audit key, at least thirty-two characters"


def _rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            table: conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("users", "user_roles", "dossiers", "audit_events")
        }


def _rewritten(source: Path, target: Path, change: Callable[[list[str]], None]) -> Path:
    """``source`` with its lines changed and the checksum recomputed the way the file format
    says (SHA-256 of the lines before the trailer), as anyone without the key can."""
    lines = gzip.decompress(source.read_bytes()).decode("utf-8").splitlines()
    change(lines)
    trailer = json.loads(lines[-1])
    trailer["sha256"] = hashlib.sha256(
        "".join(line + "\n" for line in lines[:-1]).encode("utf-8")
    ).hexdigest()
    lines[-1] = json.dumps(trailer)
    target.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode("utf-8")))
    return target


def _make_olga_admin(lines: list[str]) -> None:
    index = next(i for i, line in enumerate(lines) if '"t": "user_roles"' in line)
    entry = json.loads(lines[index])
    entry["r"]["role"] = "admin"
    lines[index] = json.dumps(entry, sort_keys=True, ensure_ascii=False)


@pytest.fixture
def made(ctx, people, tmp_path) -> Path:
    new_dossier(ctx, people.olga)
    target = tmp_path / "quickscan.qsbak"
    backup(ctx.engine, target, datetime.now(UTC))
    return target


@pytest.fixture
def target(ctx, tmp_path) -> Iterator[Engine]:
    with other_engine(ctx.engine, tmp_path) as engine:
        yield engine


def _refused(engine: Engine, path: Path, match: str, **options) -> None:
    with pytest.raises(BackupError, match=match):
        restore(engine, path, **options)
    assert _rows(engine) == {"users": 0, "user_roles": 0, "dossiers": 0, "audit_events": 0}


def test_an_edited_role_with_a_recomputed_checksum_is_refused(made, target, tmp_path) -> None:
    edited = _rewritten(made, tmp_path / "edited.qsbak", _make_olga_admin)
    _refused(target, edited, "changed or damaged")
    restore(target, made)  # the untouched backup restores
    assert _rows(target)["users"] == len(USERS)


def test_a_backup_with_a_broken_trail_is_refused_before_anything_is_committed(
    ctx, people, target, tmp_path
) -> None:
    new_dossier(ctx, people.olga)
    with ctx.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"))
    broken = tmp_path / "broken.qsbak"
    backup(ctx.engine, broken, datetime.now(UTC))  # seals what is there, broken or not
    _refused(target, broken, "audit trail in the backup is broken at event 3")


def test_a_backup_with_a_replaced_approval_is_refused(real_ctx, people, target, tmp_path):
    from tests.integration.helpers import approved_from_example
    from tests.integration.test_audit_key import _replace_snapshot

    dossier = approved_from_example(real_ctx, people.olga, people.rita)
    _replace_snapshot(real_ctx.engine, dossier)
    made = tmp_path / "replaced.qsbak"
    backup(real_ctx.engine, made, datetime.now(UTC))
    _refused(target, made, f"approval of dossier {dossier} .* not the one the audit trail")


def test_the_key_is_needed_to_restore(made, target) -> None:
    _refused(target, made, "not configured", keys=Keyring(OTHER_KEY))
    retired = Keyring(OTHER_KEY, (TEST_AUDIT_KEY.encode(),))
    restore(target, made, keys=retired)  # after a rotation: the old key among the retired


def test_an_unsealed_backup_restores_only_when_asked(ctx, people, target, tmp_path) -> None:
    new_dossier(ctx, people.olga)
    unsealed = tmp_path / "unsealed.qsbak"
    backup(ctx.engine, unsealed, datetime.now(UTC), keys=UNKEYED)
    _refused(target, unsealed, "not sealed with an audit key")
    edited = _rewritten(unsealed, unsealed.with_name("edited.qsbak"), _make_olga_admin)
    restore(target, edited, accept_unsealed=True)  # what the checksum alone can tell
    assert _rows(target)["users"] == len(USERS)


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_backups_and_database_files_are_readable_by_the_owner_only(ctx, tmp_path, umask):
    previous = os.umask(umask)
    try:
        made = tmp_path / "private.qsbak"
        backup(ctx.engine, made, datetime.now(UTC))
        database = tmp_path / "new" / "quickscan.db"
        engine = make_engine(f"sqlite:///{database}")
        upgrade(engine)
        with engine.connect() as conn:  # WAL files exist while a connection is open
            conn.exec_driver_sql("SELECT count(*) FROM users").scalar()
            files = [made, database, *database.parent.glob("quickscan.db-*")]
            modes = {path.name: stat.S_IMODE(path.stat().st_mode) for path in files}
        engine.dispose()
    finally:
        os.umask(previous)
    assert "quickscan.db-wal" in modes
    assert modes == dict.fromkeys(modes, 0o600)


def test_restore_on_the_command_line(made, target, tmp_path, monkeypatch, capsys) -> None:
    from quickscan_app.cli import main
    from quickscan_app.config import get_settings

    url = target.url.render_as_string(hide_password=False)
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", url)
    monkeypatch.setenv("QUICKSCAN_LANGUAGE", "en")
    get_settings.cache_clear()
    try:
        edited = _rewritten(made, tmp_path / "edited.qsbak", _make_olga_admin)
        assert main(["restore", str(edited)]) == 2
        out, err = capsys.readouterr()
        assert out == "" and err.count("\n") == 1 and "changed or damaged" in err
        assert main(["restore", str(made)]) == 0
        out = capsys.readouterr().out
        assert "audit trail intact" in out
        assert "Sealed with the audit key from the first event on" in out
    finally:
        get_settings.cache_clear()


def test_a_backup_line_too_long_is_refused_without_reading_it_whole(tmp_path, monkeypatch) -> None:
    """A small gzip that unpacks to one enormous line: refused at the bound, one line."""
    import gzip

    from quickscan_app.store import backup as backup_module
    from quickscan_app.store.db import make_engine

    monkeypatch.setattr(backup_module, "MAX_LINE", 1_000_000)
    path = tmp_path / "huge.qsbak"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        out.write("{" + "a" * 5_000_000)
    engine = make_engine(f"sqlite:///{tmp_path / 'target.db'}")
    with pytest.raises(BackupError, match="line 1 is longer than 1000000 characters"):
        restore(engine, path)
    engine.dispose()
