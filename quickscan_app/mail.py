"""Plain-text e-mail through the SMTP server ``QUICKSCAN_SMTP_URL`` names.

``smtp://host[:port]`` (port 25), ``smtp+starttls://host[:port]`` (587, upgraded to TLS before
anything is sent) or ``smtps://host[:port]`` (465, TLS from the start); optionally with
``user:password@`` before the host (percent-encoded). Every failure is a ``MailError`` whose
text is one line that names the server without its password.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

from quickscan_app.domain.plain_text import printable

SCHEMES = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}
TIMEOUT_SECONDS = 30


class MailError(Exception):
    """The mail server cannot be used: a one-line message for the operator."""


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    security: str
    """``plain``, ``starttls`` or ``tls``."""
    user: str | None = None
    password: str | None = None

    def shown(self) -> str:
        """The server as messages and the audit trail name it: never the password."""
        scheme = next(name for name, (kind, _) in SCHEMES.items() if kind == self.security)
        user = f"{self.user}@" if self.user else ""
        return f"{scheme}://{user}{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpServer:
    """The server ``url`` names; refused in one line when it is not a usable SMTP URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise MailError("QUICKSCAN_SMTP_URL: not a usable URL (a port out of range?)") from None
    if parts.scheme not in SCHEMES:
        raise MailError(
            "QUICKSCAN_SMTP_URL: the scheme must be smtp://, smtp+starttls:// or smtps://"
        )
    if not parts.hostname:
        raise MailError("QUICKSCAN_SMTP_URL: no host named")
    security, default_port = SCHEMES[parts.scheme]
    return SmtpServer(
        parts.hostname,
        port or default_port,
        security,
        unquote(parts.username) if parts.username else None,
        unquote(parts.password) if parts.password else None,
    )


def _reason(exc: BaseException) -> str:
    """What went wrong, in one line (an SMTP reply with its code)."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused) and exc.recipients:
        code, text = next(iter(exc.recipients.values()))
        reason = f"{code} {text.decode('utf-8', 'replace')}"
    elif isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error
        text = error.decode("utf-8", "replace") if isinstance(error, bytes) else str(error)
        reason = f"{exc.smtp_code} {text}"
    else:
        reason = str(exc) or type(exc).__name__
    return " ".join(printable(reason).split())


@contextmanager
def connection(server: SmtpServer) -> Iterator[smtplib.SMTP]:
    """An open, secured and signed-in connection to ``server``, closed afterwards."""
    try:
        if server.security == "tls":
            context = ssl.create_default_context()
            smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                server.host, server.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            smtp = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT_SECONDS)
        if server.security == "starttls":
            smtp.starttls(context=ssl.create_default_context())
        if server.user:
            smtp.login(server.user, server.password or "")
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(f"cannot use the mail server {server.shown()}: {_reason(exc)}") from None
    try:
        yield smtp
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def send(smtp: smtplib.SMTP, server: SmtpServer, message: EmailMessage) -> None:
    """Hand ``message`` to the server; a refusal (of the message or its recipient) is a
    ``MailError``. Returns only once the server accepted it."""
    try:
        smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        raise MailError(
            f"the mail server {server.shown()} did not take the message to {message['To']}: "
            f"{_reason(exc)}"
        ) from None
