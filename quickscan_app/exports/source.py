"""What every export is made from, and the marker that ties a file to its snapshot."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from quickscan_app.domain.text import Lang
from quickscan_app.exports.kinds import FORMATS as FORMATS  # re-exported
from quickscan_app.exports.kinds import KINDS as KINDS
from quickscan_app.exports.kinds import MEDIA_TYPES as MEDIA_TYPES
from quickscan_app.exports.kinds import Kind
from quickscan_app.i18n import AMSTERDAM, format_date, format_datetime, plural, t

MARKER = re.compile(r"quickscan-export/1 kind=(plan|tender|award) snapshot-sha256=([0-9a-f]{64})")
AWARD_CHECKS = re.compile(r"quickscan-award-checks=((?:[0-9a-f]{64},?)+)")
"""Which approved bidder checks an award report holds: verify re-renders exactly those."""


def local_date(moment: datetime) -> date:
    """The date in the Netherlands at ``moment`` (stored times are UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(AMSTERDAM).date()


@dataclass(frozen=True)
class AuditLine:
    """One audit event as the extract shows it."""

    seq: int
    occurred_at: datetime
    actor: str
    action: str
    result: str
    hash: str


@dataclass(frozen=True)
class ExportSource:
    """A snapshot and everything around it that an export shows."""

    kind: Kind
    snapshot: dict[str, Any]
    sha256: str
    """SHA-256 of the snapshot's canonical JSON text: what ties every file to its approval."""
    issued_at: datetime
    """The approval time; for a concept, the moment of export."""
    audit: tuple[AuditLine, ...] = ()
    skipped: dict[str, int] = field(default_factory=dict)
    """Audit events left out of the extract by kind (answer and plan changes)."""
    bidders: tuple[dict[str, Any], ...] = ()
    """For the award report: the approved bidder checks, as frozen at their approval."""

    @property
    def approved(self) -> bool:
        return self.snapshot.get("approval") is not None

    @property
    def lang(self) -> Lang:
        return "en" if self.snapshot["dossier"].get("language") == "en" else "nl"

    @property
    def dossier(self) -> dict[str, Any]:
        return self.snapshot["dossier"]

    @property
    def marker(self) -> str:
        """Embedded in every file (metadata, a column or a field) for ``export verify``."""
        return f"quickscan-export/1 kind={self.kind} snapshot-sha256={self.sha256}"

    @property
    def award_mark(self) -> str | None:
        if self.kind != "award":
            return None
        return "quickscan-award-checks=" + ",".join(c["sha256"] for c in self.bidders)

    def t(self, key: str, **params: Any) -> str:
        text = t(key, self.lang)
        return text.format(**params) if params else text

    def plural(self, key: str, count: int, **params: Any) -> str:
        return plural(key, count, self.lang, **params)

    @property
    def marking(self) -> str:
        """The classification marking printed on every page."""
        return (self.dossier.get("classification") or "").strip() or self.t("exp.marking_unset")

    @property
    def title(self) -> str:
        return self.t(f"exp.{self.kind}_title")

    @property
    def subject(self) -> str:
        return self.t(f"exp.subject_{self.kind}")

    @property
    def issued_date(self) -> str:
        return format_date(local_date(self.issued_at), self.lang)

    def when(self, moment: datetime) -> str:
        return format_datetime(moment, self.lang)

    def status_label(self) -> str:
        return self.t("exp.status_approved" if self.approved else "exp.status_concept")

    def cover_fields(self) -> list[tuple[str, str]]:
        """Label and value for the cover and the 'about' sheet; empty fields left out."""
        d, q = self.dossier, self.snapshot["questionnaire"]
        rows = [
            ("exp.field.title", d.get("title")),
            ("exp.field.reference", d.get("reference")),
            ("exp.field.authority", d.get("contracting_authority")),
            ("exp.field.cpv", d.get("cpv_code")),
            (
                "exp.field.questionnaire",
                f"{q.get('title') or q['id']} ({self.t('exp.version', version=q['version'])})",
            ),
            ("exp.field.revision", str(d.get("revision") or 1)),
            ("exp.field.status", self.status_label()),
            ("exp.field.date", self.issued_date),
            ("exp.field.classification", self.marking),
            ("exp.field.sha256", self.sha256),
        ]
        return [(self.t(key), str(value)) for key, value in rows if value not in (None, "")]

    def file_name(self, fmt: str) -> str:
        """A safe download name: no user text chooses a path."""
        status = "goedgekeurd" if self.approved else "concept"
        if self.lang == "en":
            status = "approved" if self.approved else "draft"
        return (
            f"quickscan-{self.kind}-dossier{int(self.dossier['id'])}"
            f"-r{int(self.dossier.get('revision') or 1)}-{status}-{self.sha256[:12]}.{fmt}"
        )
