"""The key that seals the audit trail and backups: an HMAC key kept outside the database.

Where it comes from, first that applies:

1. ``QUICKSCAN_AUDIT_KEY`` (at least 32 characters). Keys used before a rotation, still needed
   to check what they sealed, go in ``QUICKSCAN_AUDIT_RETIRED_KEYS`` (comma-separated).
2. A SQLite file without that variable: a key generated once into ``<database>.audit-key``
   beside it, readable by the owner only, so the embedded default starts with one command.
3. An in-memory SQLite database (tests, benchmarks): no key, the trail is chained with plain
   SHA-256 and reported as unkeyed.

Any other database (PostgreSQL) without ``QUICKSCAN_AUDIT_KEY`` is refused: on a shared
database, write access to the tables alone must not be enough to rewrite history.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url

MIN_LENGTH = 32
KEY_FILE_SUFFIX = ".audit-key"


class AuditKeyError(Exception):
    """The audit key is missing, too short, or not the one the trail was sealed with."""


def key_id(key: bytes) -> str:
    """A public name for a key (it reveals nothing of the key): recorded in the trail."""
    return hmac.new(key, b"quickscan audit key id", hashlib.sha256).hexdigest()[:16]


def seal(key: bytes | None, text: str) -> str:
    """HMAC-SHA-256 of ``text`` with ``key``; plain SHA-256 when there is no key."""
    data = text.encode("utf-8")
    if key is None:
        return hashlib.sha256(data).hexdigest()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def new_key() -> str:
    """A fresh random key in the form ``QUICKSCAN_AUDIT_KEY`` takes (43 characters)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Keyring:
    """The current key (None: unkeyed) and retired keys, by their ids."""

    current: bytes | None
    retired: tuple[bytes, ...] = ()

    @property
    def current_id(self) -> str | None:
        return key_id(self.current) if self.current is not None else None

    def by_id(self, wanted: str | None) -> bytes | None:
        for key in (self.current, *self.retired):
            if key is not None and key_id(key) == wanted:
                return key
        return None


UNKEYED = Keyring(None)


def scratch_keys() -> Keyring:
    """A fresh key nobody keeps, for a throwaway database (benchmarks)."""
    return Keyring(new_key().encode("utf-8"))


def _key(text: str, name: str) -> bytes:
    text = text.strip()
    if len(text) < MIN_LENGTH:
        raise AuditKeyError(
            f"{name} must be at least {MIN_LENGTH} characters (make one with "
            "`quickscan audit new-key`)"
        )
    return text.encode("utf-8")


def keyring_for(url: str | URL) -> Keyring:
    """The keys for the database at ``url``, from the settings or the key file beside it."""
    from quickscan_app.config import get_settings

    settings = get_settings()
    if settings.audit_key is not None:
        retired = settings.audit_retired_keys
        older = retired.get_secret_value().split(",") if retired is not None else []
        return Keyring(
            _key(settings.audit_key.get_secret_value(), "QUICKSCAN_AUDIT_KEY"),
            tuple(
                _key(part, "each of QUICKSCAN_AUDIT_RETIRED_KEYS") for part in older if part.strip()
            ),
        )
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise AuditKeyError(
            "QUICKSCAN_AUDIT_KEY is required for a database other than SQLite: it seals the "
            "audit trail and backups (make one with `quickscan audit new-key`; see docs/deploy.md)"
        )
    if not parsed.database or parsed.database == ":memory:":
        return UNKEYED
    path = key_file(Path(parsed.database))
    return Keyring(_key(read_or_create(path), str(path)))


def key_file(database: Path) -> Path:
    return database.with_name(database.name + KEY_FILE_SUFFIX)


def read_or_create(path: Path) -> str:
    """The key in ``path``; made first if there is none (mode 0600 whatever the umask).

    Written under a temporary name and linked into place, so two processes starting at once
    agree on one key: the second link fails and that process reads the first one's key.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(handle, 0o600)
            os.write(handle, (new_key() + "\n").encode("ascii"))
            os.fsync(handle)
        finally:
            os.close(handle)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink(missing_ok=True)
    return path.read_text(encoding="utf-8").strip()
