"""The daily e-mail digest (``quickscan inbox digest``) against a local SMTP server the test
starts (aiosmtpd), on SQLite and PostgreSQL: the right users get their own items; without
``QUICKSCAN_SMTP_URL`` nothing is sent and nothing fails; a server that refuses or cannot be
reached is one line, a non-zero exit, and only what it accepted is recorded as sent."""

from __future__ import annotations

import io
import json
import socket
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from sqlalchemy import select

from quickscan_app.cli import main
from quickscan_app.config import get_settings
from quickscan_app.services import users, workflow
from quickscan_app.services.context import system_actor
from quickscan_app.store.models import AuditEvent
from tests.conftest import MINI
from tests.integration.helpers import submitted

EMAILS = {"olga": "olga@inkoop.example", "rita": "rita@bvs.example", "otto": "otto@inkoop.example",
          "ada": "ada@beheer.example"}  # fmt: skip


class Mailbox:
    """What the test's SMTP server received; it refuses the recipients in ``refuse``."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # type: ignore[no-untyped-def]
        if address in self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> EmailMessage:
        (found,) = [m for m in self.messages if m["To"] == address]
        return found


def text_of(message: EmailMessage) -> str:
    return message.get_content().replace("\r\n", "\n")  # as it came over the wire


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mailbox() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    port = free_port()
    server = Controller(box, hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield box, port
    finally:
        server.stop()


@pytest.fixture
def digest(ctx, db_url, monkeypatch, capsys):  # type: ignore[no-untyped-def]
    """``quickscan inbox digest`` in-process on the test database: (exit code, out, err)."""
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", db_url)
    monkeypatch.setenv("QUICKSCAN_CONTENT_DIR", str(MINI))
    monkeypatch.setenv("QUICKSCAN_PUBLIC_URL", "https://quickscan.example.nl/")
    monkeypatch.setenv("QUICKSCAN_SMTP_FROM", "quickscan@douane.example")
    monkeypatch.delenv("QUICKSCAN_SMTP_URL", raising=False)

    def run(smtp_url: str | None = None) -> tuple[int, str, str]:
        if smtp_url:
            monkeypatch.setenv("QUICKSCAN_SMTP_URL", smtp_url)
        get_settings.cache_clear()
        code = main(["inbox", "digest"])
        out, err = capsys.readouterr()
        return code, out, err

    yield run
    get_settings.cache_clear()


@pytest.fixture
def waiting(ctx, people) -> dict[str, int]:
    """Olga's plan sent back to her; Otto's plan waiting for a reviewer."""
    for name, address in EMAILS.items():
        users.set_email(ctx, system_actor("test"), name, address)
    olgas, current = submitted(ctx, people.olga)
    workflow.request_changes(ctx, people.rita, olgas, "Vul de VPN aan.", current)
    ottos, _ = submitted(ctx, people.otto)
    return {"olga": olgas, "otto": ottos}


def digest_events(ctx) -> list[tuple[str, dict]]:  # type: ignore[no-untyped-def]
    with ctx.factory() as session:
        rows = session.execute(
            select(AuditEvent.result, AuditEvent.details)
            .where(AuditEvent.action == "inbox.digest")
            .order_by(AuditEvent.seq)
        ).all()
    return [(result, json.loads(details)) for result, details in rows]


def test_each_user_gets_their_own_items(ctx, people, waiting, mailbox, digest) -> None:
    box, port = mailbox
    users.set_active(ctx, system_actor("test"), "ada", False)  # a reviewer, but switched off
    code, out, err = digest(f"smtp://127.0.0.1:{port}")
    assert (code, err) == (0, "")
    assert out == "digest sent to 2 user(s): olga, rita; 1 with an address had nothing waiting\n"
    assert sorted(m["To"] for m in box.messages) == [EMAILS["olga"], EMAILS["rita"]]
    olga = box.to(EMAILS["olga"])
    assert olga["Subject"] == "Quickscan: 1 punt wacht op u"
    assert olga["From"] == "quickscan@douane.example"
    body = text_of(olga)
    assert body.startswith("Beste Olga Officier,\n\nDit wacht op u in de Quickscan")
    assert "Teruggestuurd met gevraagde wijzigingen (1)\n- Scanner Maasvlakte (DOUANE-2027-001): " \
        "Verwerk de gevraagde wijzigingen en dien het plan opnieuw in. (sinds " in body  # fmt: skip
    assert f"  Openen: https://quickscan.example.nl/dossier?dossier={waiting['olga']}\n" in body
    rita = text_of(box.to(EMAILS["rita"]))
    assert "Plannen te beoordelen (1)\n- Scanner Maasvlakte (DOUANE-2027-001): Beoordeel" in rita
    assert f"/review?dossier={waiting['otto']}\n" in rita
    assert f"dossier={waiting['olga']}" not in rita  # hers, sent back: not Rita's to do
    (result, details), = digest_events(ctx)  # fmt: skip
    assert result == "success"
    assert details == {"smtp": f"smtp://127.0.0.1:{port}", "sent": ["olga", "rita"], "waiting": 2}


def test_without_a_mail_server_nothing_is_sent_and_nothing_fails(
    ctx, waiting, mailbox, digest
) -> None:
    box, _ = mailbox
    code, out, err = digest()
    assert (code, out, err) == (0, "QUICKSCAN_SMTP_URL is not set: no e-mail sent\n", "")
    assert box.messages == []
    assert digest_events(ctx) == [("success", {"smtp": "not configured", "sent": []})]


def test_a_refused_recipient_stops_the_run_and_only_what_went_is_sent(
    ctx, waiting, mailbox, digest
) -> None:
    box, port = mailbox
    box.refuse.add(EMAILS["rita"])
    code, out, err = digest(f"smtp://127.0.0.1:{port}")
    assert code == 1 and out == ""
    assert err == (
        f"quickscan: the mail server smtp://127.0.0.1:{port} did not take the message to "
        f"{EMAILS['rita']}: 550 5.1.1 Mailbox unavailable\n"
    )
    assert [m["To"] for m in box.messages] == [EMAILS["ada"], EMAILS["olga"]]  # by user name
    (result, details), = digest_events(ctx)  # fmt: skip
    assert result == "failure" and details["sent"] == ["ada", "olga"] and details["waiting"] == 3
    assert "550 5.1.1" in details["error"]


def test_an_unreachable_server_is_one_line_and_nothing_recorded_as_sent(
    ctx, waiting, digest
) -> None:
    port = free_port()  # nobody listens there
    code, out, err = digest(f"smtp+starttls://digest:s3cret%21@127.0.0.1:{port}")
    assert code == 1 and out == ""
    assert err.startswith(
        f"quickscan: cannot use the mail server smtp+starttls://digest@127.0.0.1:{port}: "
    )
    assert err.count("\n") == 1 and "s3cret" not in err
    (result, details), = digest_events(ctx)  # fmt: skip
    assert result == "failure" and details["sent"] == []
    assert "s3cret" not in json.dumps(details)


def test_a_server_that_refuses_the_sign_in_sends_nothing(ctx, waiting, mailbox, digest) -> None:
    box, port = mailbox  # offers no AUTH at all: signing in fails before any message
    code, _, err = digest(f"smtp://digest:geheim@127.0.0.1:{port}")
    assert code == 1 and "cannot use the mail server" in err and "geheim" not in err
    assert box.messages == []
    assert digest_events(ctx)[0][1]["sent"] == []


def test_a_bad_url_is_named(ctx, digest) -> None:
    code, _, err = digest("http://127.0.0.1:25")
    assert code == 1
    assert err == (
        "quickscan: QUICKSCAN_SMTP_URL: the scheme must be smtp://, smtp+starttls:// or smtps://\n"
    )


def test_addresses_are_set_checked_and_cleared_from_the_command_line(
    ctx, digest, monkeypatch, capsys
) -> None:
    digest()  # the environment points at the test database

    def cli(*argv: str, stdin: str | None = None) -> tuple[int, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out + err

    assert cli("user", "add", "kees", "--role", "reviewer", "--email", "kees@bvs.example",
               stdin="een lang wachtwoord\n") == (0, "user kees added (reviewer)\n")  # fmt: skip
    assert cli("user", "email", "otto", "otto@inkoop.example") == (
        0, "user otto: e-mail otto@inkoop.example\n",
    )  # fmt: skip
    code, out = cli("user", "email", "otto", "otto at inkoop")
    assert code == 2 and "'otto at inkoop' is geen bruikbaar e-mailadres" in out
    code, out = cli("user", "list", "--json")
    emails = {u["name"]: u["email"] for u in json.loads(out)}
    assert emails["kees"] == "kees@bvs.example" and emails["otto"] == "otto@inkoop.example"
    assert cli("user", "email", "otto") == (0, "user otto: no e-mail\n")
    otto = next(u for u in users.list_users(ctx, system_actor("test")) if u.name == "otto")
    assert otto.email is None
