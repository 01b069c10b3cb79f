"""``quickscan backup PATH`` and ``quickscan restore PATH``."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path

from quickscan_app.cli.common import EXIT_FAILED, EXIT_OK, UsageError


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    make = commands.add_parser(
        "backup", help="a consistent copy of the database (also while the app runs)"
    )
    make.add_argument("path", type=Path, metavar="PATH")
    make.add_argument("--force", action="store_true", help="overwrite an existing file")
    make.set_defaults(handler=run_backup)
    load = commands.add_parser(
        "restore", help="load a backup into a new, empty database (QUICKSCAN_DATABASE_URL)"
    )
    load.add_argument("path", type=Path, metavar="PATH")
    load.add_argument(
        "--accept-unsealed", action="store_true",
        help="also restore a backup not sealed with an audit key (made before version 2 of "
        "the format, or without a key): only one you trust",
    )  # fmt: skip
    load.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    from quickscan_app.config import get_settings
    from quickscan_app.store.backup import BackupError, backup
    from quickscan_app.store.db import make_engine

    if args.path.exists() and not args.force:
        raise UsageError(f"{args.path} exists; use --force to overwrite it")
    if not args.path.parent.is_dir():
        raise UsageError(f"{args.path.parent}: no such folder")
    engine = make_engine(get_settings().database_url)
    try:
        summary = backup(engine, args.path, datetime.now(UTC))
    except BackupError as exc:
        raise UsageError(str(exc)) from None
    finally:
        engine.dispose()
    print(f"{args.path}: {summary.total} rows, schema {summary.revision}")
    return EXIT_OK


def run_restore(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from quickscan_app.cli.store_commands import cli_origin, print_chain_report
    from quickscan_app.config import get_settings
    from quickscan_app.services import audit
    from quickscan_app.store.backup import BackupError, restore
    from quickscan_app.store.db import make_engine, session_factory

    if not args.path.is_file():
        raise UsageError(f"{args.path}: no such file")
    engine = make_engine(get_settings().database_url)
    try:
        try:
            summary = restore(engine, args.path, accept_unsealed=args.accept_unsealed)
        except BackupError as exc:
            raise UsageError(str(exc)) from None
        except OperationalError:
            raise  # the database, not the file: named as such by the caller
        except Exception as exc:  # a malformed file: named, its rows (hashes too) not shown
            raise UsageError(
                f"{args.path}: not a usable Quickscan backup ({type(exc).__name__}); "
                "nothing was restored"
            ) from None
        # Checked before the commit; the switch-over to this server's key is recorded now.
        factory = session_factory(engine)
        audit.ensure_keyed(factory, datetime.now(UTC), cli_origin())
        with factory() as session:
            report = audit.verify(session)
    finally:
        engine.dispose()
    counts = ", ".join(f"{n} {t}" for t, n in summary.rows.items() if n)
    print(f"restored {summary.total} rows ({counts})")
    print_chain_report(report)
    return EXIT_OK if report.intact else EXIT_FAILED
