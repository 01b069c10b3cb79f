"""The daily e-mail digest: each active user with an e-mail address and something waiting
gets one plain-text message listing their inbox (``services.inbox``).

Without a mail server (``QUICKSCAN_SMTP_URL`` unset) nothing is sent and nothing fails. Every
run is one audit event naming the users whose message the server accepted, and only those:
when the server refuses or cannot be reached, the run stops there and is recorded as a
failure with what was sent before it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage
from itertools import groupby
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import select
from sqlalchemy.orm import Session

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import format_date, format_number, plural, t
from quickscan_app.mail import MailError, connection, parse_smtp_url, send
from quickscan_app.services import authz
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.services.inbox import InboxItem, describe, inbox
from quickscan_app.services.unit import reading, record_event
from quickscan_app.store.models import User

ACTION = "inbox.digest"


@dataclass(frozen=True)
class Recipient:
    actor: Actor
    display_name: str
    email: str
    lang: Lang


@dataclass(frozen=True)
class DigestResult:
    configured: bool
    """False: no mail server set, nothing was sent."""
    sent: tuple[str, ...] = ()
    """The users whose message the server accepted."""
    without_items: int = 0


def send_digest(
    ctx: ServiceContext,
    actor: Actor,
    today: date,
    smtp_url: str | None,
    *,
    sender: str,
    public_url: str = "",
) -> DigestResult:
    """Send today's digest (administrators and the command line). Raises ``MailError`` when
    the server cannot be used, after recording the run."""
    with reading(ctx, actor, ACTION, "inbox") as session:
        authz.require_role(actor, Role.ADMIN)
        recipients = _recipients(session)
    if not smtp_url:
        _record(ctx, actor, "success", {"smtp": "not configured", "sent": []})
        return DigestResult(configured=False)
    details: dict[str, Any] = {"smtp": "?", "sent": []}
    try:
        server = parse_smtp_url(smtp_url)
        details["smtp"] = server.shown()
        messages = []
        for recipient in recipients:
            items = inbox(ctx, recipient.actor, today)
            if items:
                messages.append((recipient, message(recipient, items, today, sender, public_url)))
        details["waiting"] = len(messages)
        if messages:
            with connection(server) as smtp:
                for recipient, mail in messages:
                    send(smtp, server, mail)
                    details["sent"].append(recipient.actor.name)
    except Exception as exc:  # recorded with what was sent before it, then passed on
        details["error"] = str(exc) if isinstance(exc, MailError) else type(exc).__name__
        _record(ctx, actor, "failure", details)
        raise
    _record(ctx, actor, "success", details)
    return DigestResult(True, tuple(details["sent"]), len(recipients) - len(messages))


def _recipients(session: Session) -> list[Recipient]:
    """Active users with an e-mail address, as the actors their inbox is read for (roles
    this version does not know are left out)."""
    known = {role.value: role for role in Role}
    users = session.execute(
        select(User).where(User.active.is_(True), User.email.is_not(None)).order_by(User.name)
    ).scalars()
    found = []
    for user in users:
        roles = frozenset(known[r] for r in user.role_names if r in known)
        if roles and user.email:
            actor = Actor(user.id, user.name, roles, "digest")
            found.append(Recipient(actor, user.display_name, user.email, _language(user)))
    return found


def _language(user: User) -> Lang:
    """The user's language where one is stored; Dutch otherwise."""
    stored = getattr(user, "language", None)
    return "en" if stored == "en" else "nl"


def message(
    recipient: Recipient, items: list[InboxItem], today: date, sender: str, public_url: str
) -> EmailMessage:
    """One plain-text message listing ``items`` by kind, in the recipient's language."""
    lang = recipient.lang
    lines = [
        t("inbox.mail.greeting", lang).format(name=recipient.display_name),
        "",
        t("inbox.mail.intro", lang),
    ]
    for kind, group in groupby(items, key=lambda item: item.kind):
        shown = list(group)
        lines += ["", f"{t(f'inbox.kind.{kind.value}', lang)} ({format_number(len(shown), lang)})"]
        for item in shown:
            lines += _item_lines(item, lang, today, public_url)
    lines += ["", "-- ", t("inbox.mail.footer", lang)]
    mail = EmailMessage()
    mail["Subject"] = plural("inbox.mail.subject", len(items), lang)
    mail["From"] = sender
    mail["To"] = recipient.email
    mail.set_content("\n".join(lines) + "\n")
    return mail


def _item_lines(item: InboxItem, lang: Lang, today: date, public_url: str) -> list[str]:
    name = item.title + (f" ({item.reference})" if item.reference else "")
    text = f"- {name}: {describe(item, lang, today)}"
    if item.since is not None:
        text += f" ({t('inbox.since', lang).format(date=format_date(item.since, lang))})"
    lines = [text]
    if public_url:
        query = {"dossier": item.dossier_id, **({"step": item.step} if item.step else {})}
        url = f"{public_url.rstrip('/')}/{item.page}?{urlencode(query)}"
        lines.append("  " + t("inbox.mail.open", lang).format(url=url))
    return lines


def _record(ctx: ServiceContext, actor: Actor, result: str, details: dict[str, Any]) -> None:
    with ctx.transaction() as session:
        record_event(session, ctx, actor, ACTION, "inbox", None, result, details)
