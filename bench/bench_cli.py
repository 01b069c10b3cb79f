"""Benchmark of the command line's start: prints figures, asserts nothing.

    .venv/bin/python bench/bench_cli.py [--runs 7] [--quick]

Wall time of ``quickscan validate`` (loads and checks all shipped content) and ``quickscan
--help``, each a fresh process as a user starts it (``python -m quickscan_app.cli``), median
of ``--runs`` (``--quick``: one run each); beside a bare ``python -c pass`` measured in the same
run, since the machine's own speed varies. Then which heavy libraries ``validate`` imports (it
needs none of them: the database, the renderers and Streamlit load only in the commands that
use them). Target: validate within 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-m", "quickscan_app.cli"]
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "quickscan --help": [*CLI, "--help"],
    "quickscan validate": [*CLI, "validate"],
}
HEAVY = ("sqlalchemy", "alembic", "psycopg", "streamlit", "reportlab", "openpyxl", "docx",
         "pandas", "argon2", "quickscan_app.services", "quickscan_app.store",
         "quickscan_app.exports.render", "quickscan_app.ui")  # fmt: skip


def environment() -> dict[str, str]:
    """The caller's environment without settings that would point the CLI elsewhere."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUICKSCAN_")}
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


def wall_time(command: list[str], runs: int) -> float:
    """Median seconds from start to exit of ``command`` (which must succeed)."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, env=environment(), check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def imported_modules(command: list[str]) -> list[str]:
    """Top-level names of the heavy modules ``command`` imports (from ``-X importtime``)."""
    done = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        cwd=ROOT, env=environment(), check=True, capture_output=True, text=True,
    )  # fmt: skip
    names = {line.rsplit("|", 1)[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    return sorted(h for h in HEAVY if any(n == h or n.startswith(h + ".") for n in names))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per command (median)")
    parser.add_argument("--quick", action="store_true", help="one run each (CI)")
    args = parser.parse_args()
    runs = 1 if args.quick else args.runs
    for label, command in COMMANDS.items():
        if not args.quick:
            wall_time(command, 1)  # warm the file cache: a cold start measures the disk
        seconds = wall_time(command, runs)
        target = " (target <= 0.50 s)" if label == "quickscan validate" else ""
        print(f"{label:<22} median of {runs}: {seconds:5.2f} s{target}")
    heavy = imported_modules(COMMANDS["quickscan validate"])
    print(f"heavy modules imported by validate: {', '.join(heavy) if heavy else 'none'}")


if __name__ == "__main__":
    main()
