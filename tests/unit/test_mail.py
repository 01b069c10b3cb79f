"""QUICKSCAN_SMTP_URL read into a mail server: schemes, default ports, the sign-in, and a
refusal in one line that never shows the password."""

from __future__ import annotations

import pytest

from quickscan_app.mail import MailError, SmtpServer, parse_smtp_url


@pytest.mark.parametrize(
    ("url", "server"),
    [
        ("smtp://mail.example", SmtpServer("mail.example", 25, "plain")),
        ("smtp://mail.example:2525", SmtpServer("mail.example", 2525, "plain")),
        ("smtp+starttls://relay.example", SmtpServer("relay.example", 587, "starttls")),
        ("smtps://relay.example", SmtpServer("relay.example", 465, "tls")),
        (
            "smtp+starttls://quick%40scan:p%40ss%3Aword@relay.example:2587",
            SmtpServer("relay.example", 2587, "starttls", "quick@scan", "p@ss:word"),
        ),
    ],
)
def test_urls_name_the_server(url: str, server: SmtpServer) -> None:
    assert parse_smtp_url(url) == server


def test_the_server_is_shown_without_its_password() -> None:
    server = parse_smtp_url("smtps://digest:geheim@relay.example")
    assert server.shown() == "smtps://digest@relay.example:465"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://mail.example", "the scheme must be smtp://, smtp+starttls:// or smtps://"),
        ("mail.example:25", "the scheme must be smtp://, smtp+starttls:// or smtps://"),
        ("smtp://", "no host named"),
        ("smtp://mail.example:99999", "not a usable URL (a port out of range?)"),
    ],
)
def test_unusable_urls_are_refused_by_name(url: str, message: str) -> None:
    with pytest.raises(MailError) as refused:
        parse_smtp_url(url)
    assert str(refused.value) == f"QUICKSCAN_SMTP_URL: {message}"
