"""``quickscan inbox digest``: the daily e-mail of what waits for each user.

Only the standard library at module level (see ``quickscan_app.cli``).
"""

from __future__ import annotations

import argparse
import sys

from quickscan_app.cli.common import EXIT_FAILED, EXIT_OK
from quickscan_app.cli.store_commands import cli_actor, open_context


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    inbox = commands.add_parser("inbox", help="what waits for each user").add_subparsers(
        metavar="COMMAND", required=True
    )
    inbox.add_parser(
        "digest",
        help="e-mail each user with an address what waits for them (needs QUICKSCAN_SMTP_URL; "
        "run it daily)",
    ).set_defaults(handler=digest)


def digest(args: argparse.Namespace) -> int:
    from quickscan_app.config import get_settings
    from quickscan_app.mail import MailError
    from quickscan_app.services.digest import send_digest

    settings = get_settings()
    url = settings.smtp_url.get_secret_value() if settings.smtp_url else None
    ctx = open_context()
    try:
        result = send_digest(
            ctx, cli_actor(), ctx.clock().date(), url,
            sender=settings.smtp_from, public_url=settings.public_url,
        )  # fmt: skip
    except MailError as exc:
        print(f"quickscan: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not result.configured:
        print("QUICKSCAN_SMTP_URL is not set: no e-mail sent")
        return EXIT_OK
    print(
        f"digest sent to {len(result.sent)} user(s)"
        f"{': ' + ', '.join(result.sent) if result.sent else ''}; "
        f"{result.without_items} with an address had nothing waiting"
    )
    return EXIT_OK
