"""The ``quickscan`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from quickscan_app.answer_files import AnswerFileError
from quickscan_app.cli import content_commands, store_commands
from quickscan_app.cli.common import EXIT_BAD_INPUT, EXIT_OK, UsageError
from quickscan_app.content import ContentError
from quickscan_app.services.errors import ServiceError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except (ContentError, AnswerFileError, UsageError) as exc:
        print(f"quickscan: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ServiceError as exc:
        print(f"quickscan: {exc.message(store_commands.cli_language())}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="quickscan",
        description="National-security quickscan for public procurement.",
    )
    commands = parser.add_subparsers(metavar="COMMAND")
    content_commands.register(commands)
    store_commands.register(commands)
    return parser
