"""The ``quickscan`` command line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from quickscan_app.answer_files import AnswerFileError
from quickscan_app.cli import (
    backup_commands,
    content_commands,
    export_commands,
    serve_command,
    store_commands,
)
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
    except ValidationError as exc:  # settings from the environment
        error = exc.errors(include_url=False)[0]
        field = "QUICKSCAN_" + ".".join(str(p) for p in error["loc"]).upper()
        print(f"quickscan: {field}: {error['msg']}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (ArgumentError, NoSuchModuleError) as exc:
        print(
            f"quickscan: QUICKSCAN_DATABASE_URL is not a usable database URL: {exc}",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except OperationalError as exc:
        print(f"quickscan: cannot use the database: {exc.orig}", file=sys.stderr)
        return EXIT_BAD_INPUT
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
    export_commands.register(commands)
    backup_commands.register(commands)
    serve_command.register(commands)
    return parser
