"""The ``quickscan`` command line.

Starting it must stay quick: ``quickscan validate`` needs the content loader and nothing else,
``quickscan --help`` not even that. So this module and every ``register()`` import only the
standard library; each command imports the database, the services, the renderers or the
settings inside its handler, when it runs.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from quickscan_app.cli import (
    backup_commands,
    content_commands,
    export_commands,
    inbox_commands,
    serve_command,
    store_commands,
)
from quickscan_app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILED,
    EXIT_OK,
    PrintableStream,
    UsageError,
)

EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. Whatever goes wrong ends in one line on stderr, never a traceback:
    a traceback may show stored data (rows of a backup, password hashes)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = PrintableStream(out), PrintableStream(err)
    try:
        return _run(argv)
    except KeyboardInterrupt:
        print("quickscan: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        sys.stdout, sys.stderr = out, err


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "handler"):
        parser.print_help()
        return EXIT_BAD_INPUT
    try:
        return args.handler(args)
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        message = user_error(exc)
        if message is None:
            print(f"quickscan: unexpected error ({type(exc).__name__})", file=sys.stderr)
            return EXIT_FAILED
        print(f"quickscan: {message}", file=sys.stderr)
        return EXIT_BAD_INPUT


def _loaded(module: str, *names: str) -> tuple[type[BaseException], ...]:
    """The exception classes ``names`` of ``module`` if it is loaded: an exception of a module
    that was never imported cannot have been raised, so there is no need to import it."""
    found = sys.modules.get(module)
    return tuple(getattr(found, name) for name in names) if found is not None else ()


def user_error(exc: Exception) -> str | None:
    """The one-line message for a user's mistake (bad settings, database URL, content, answers
    file or argument; a refused service call), or None for a bug (named by its type only)."""
    if isinstance(exc, _loaded("pydantic", "ValidationError")):  # settings from the environment
        error = exc.errors(include_url=False)[0]  # type: ignore[attr-defined]
        field = "QUICKSCAN_" + ".".join(str(p) for p in error["loc"]).upper()
        return f"{field}: {error['msg']}"
    if isinstance(exc, _loaded("sqlalchemy.exc", "ArgumentError", "NoSuchModuleError")):
        return f"QUICKSCAN_DATABASE_URL is not a usable database URL: {exc}"
    if isinstance(exc, _loaded("sqlalchemy.exc", "OperationalError")):
        return f"cannot use the database: {exc.orig}"  # type: ignore[attr-defined]
    user_mistakes = (
        UsageError,
        *_loaded("quickscan_app.content.errors", "ContentError"),
        *_loaded("quickscan_app.answer_files", "AnswerFileError"),
        *_loaded("quickscan_app.store.audit_key", "AuditKeyError"),
    )
    if isinstance(exc, user_mistakes):
        return str(exc)
    if isinstance(exc, _loaded("quickscan_app.services.errors", "ServiceError")):
        return exc.message(store_commands.cli_language())  # type: ignore[attr-defined]
    return None


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
    inbox_commands.register(commands)
    serve_command.register(commands)
    return parser
