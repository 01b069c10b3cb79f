"""``quickscan export``: write a plan or tender dossier to a file, or verify an exported file."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from quickscan_app.cli.common import EXIT_FAILED, EXIT_OK, UsageError
from quickscan_app.cli.store_commands import cli_actor, cli_language, open_context, record_id
from quickscan_app.exports.kinds import FORMATS, KINDS

MAX_VERIFY_BYTES = 200_000_000
ALL_FORMATS = sorted({f for formats in FORMATS.values() for f in formats})


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    export = commands.add_parser(
        "export",
        help="export a dossier's plan or tender dossier, or verify an exported file",
        description=(
            "quickscan export ID --kind plan|tender --format pdf|docx|xlsx|csv|json [-o PATH]\n"
            "quickscan export verify FILE"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("target", metavar="ID|verify", help="a dossier id, or 'verify'")
    export.add_argument("file", nargs="?", type=Path, help="with verify: the file to check")
    export.add_argument("--kind", choices=KINDS, default="plan")
    export.add_argument("--format", dest="fmt", choices=ALL_FORMATS, default="pdf")
    export.add_argument(
        "-o", "--output", type=Path,
        help="where to write (default: a name made from the dossier in this folder; - for stdout)",
    )  # fmt: skip
    export.add_argument("--force", action="store_true", help="overwrite an existing file")
    export.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.target == "verify":
        if args.file is None:
            raise UsageError("export verify: name the file to check")
        return verify(args.file)
    if args.file is not None:
        raise UsageError(f"export: unexpected argument {args.file}; write the path with -o")
    try:
        dossier_id = record_id(args.target)
    except argparse.ArgumentTypeError as exc:
        raise UsageError(f"export: {exc}; give a dossier id or 'verify'") from None
    to_stdout = args.output is not None and str(args.output) == "-"
    if args.output is not None and not to_stdout and not args.output.is_dir():
        _check_target(args.output, force=args.force)  # before the export is made and recorded
    from quickscan_app.services import exports

    ctx = open_context()
    result = exports.export_document(ctx, cli_actor(), dossier_id, args.kind, args.fmt)
    if to_stdout:
        sys.stdout.buffer.write(result.data)
        return EXIT_OK
    target = args.output or Path(result.name)
    if target.is_dir():
        target = target / result.name
    _write(target, result.data, force=args.force)
    state = "approved" if result.approved else "DRAFT (not approved)"
    print(f"{target}: {args.kind} {args.fmt}, {state}, snapshot sha256 {result.snapshot_sha256}")
    return EXIT_OK


def _check_target(target: Path, *, force: bool) -> Path:
    if target.exists() and not force:
        raise UsageError(f"{target} exists; use --force to overwrite it")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder")
    return folder


def _write(target: Path, data: bytes, *, force: bool) -> None:
    """Whole file or nothing: written beside the target, then renamed over it; permissions as
    for any new file (the umask), not the private mode of a temporary file."""
    folder = _check_target(target, force=force)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".quickscan-", suffix=".part")
    umask = os.umask(0)
    os.umask(umask)
    try:
        os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def verify(path: Path) -> int:
    from quickscan_app.services import exports

    try:
        with path.open("rb") as handle:  # read with a bound: /dev/zero has no size to check
            data = handle.read(MAX_VERIFY_BYTES + 1)
    except OSError as exc:
        raise UsageError(f"{path}: cannot read file: {exc.strerror}") from None
    if len(data) > MAX_VERIFY_BYTES:
        raise UsageError(f"{path}: larger than {MAX_VERIFY_BYTES:,} bytes")
    result = exports.verify_file(open_context(), cli_actor(), data)
    print(f"{path}: {result.message(cli_language())}")
    return EXIT_OK if result.ok else EXIT_FAILED
