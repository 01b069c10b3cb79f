"""Settings from the environment (prefix ``QUICKSCAN_``), with an embedded default."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from quickscan_app.client_address import parse_trusted_proxies

PROJECT_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATABASE = PROJECT_ROOT / "data" / "quickscan.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="QUICKSCAN_", extra="ignore", env_ignore_empty=True
    )
    """An empty variable (``QUICKSCAN_DATABASE_URL=``) means the default, not an empty URL."""

    database_url: str = f"sqlite:///{DEFAULT_DATABASE}"
    """``sqlite:///path`` (embedded default) or ``postgresql+psycopg://…`` for shared use."""
    sqlite_busy_timeout_ms: int = 30_000
    language: Literal["nl", "en"] = "nl"
    """Language of command-line messages."""
    max_failed_sign_ins_per_origin: int = 30
    """Failed sign-ins from one origin within 15 minutes after which that origin gets one
    password check per account name per 15 minutes; 0 turns it off (docs/security.md)."""
    audit_key: SecretStr | None = None
    """HMAC key sealing the audit trail and backups (docs/deploy.md); required for PostgreSQL,
    generated beside a SQLite file when unset (``quickscan_app.store.audit_key``)."""
    audit_retired_keys: SecretStr | None = None
    """Comma-separated keys used before a rotation, to check what they sealed."""
    smtp_url: SecretStr | None = None
    """The mail server for the daily digest of what waits for each user (``quickscan inbox
    digest``): ``smtp://``, ``smtp+starttls://`` or ``smtps://``, optionally with
    ``user:password@`` (``quickscan_app.mail``). Unset: no e-mail is sent."""
    smtp_from: str = "quickscan@localhost"
    """The sender of the digest."""
    public_url: str = ""
    """The address users open the app at (``https://quickscan.example.nl``): the digest links
    each item to its page; empty: no links."""
    trusted_proxies: str = ""
    """Comma-separated addresses or networks of the reverse proxies whose ``X-Forwarded-For``
    is believed (``10.0.0.5, 10.1.0.0/16``); empty: the TCP peer is the client."""

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_are_addresses(cls, value: str) -> str:
        parse_trusted_proxies(value)  # refuse a typo at start-up rather than trust too much
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
