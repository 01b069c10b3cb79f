"""Load benchmark on loopback: 30 concurrent officers (service level) on SQLite and on
PostgreSQL, each saving answers on their own dossier, then submitting. Prints p50/p95 of a
save, throughput, errors and whether the audit chain is intact; asserts nothing.

    .venv/bin/python bench/bench_load.py [--users 30] [--saves 50] [--quick]

``--quick`` (CI): 3 users, 3 saves each; the figures mean little, the run shows it works.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


from quickscan_app.content import default_content_paths, load_content  # noqa: E402
from quickscan_app.services import audit  # noqa: E402
from quickscan_app.services.context import ServiceContext  # noqa: E402
from quickscan_app.store.audit_key import scratch_keys  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402
from tests.load_driver import run_load  # noqa: E402
from tests.pg import pg_database  # noqa: E402


def bench(url: str, label: str, users: int, saves: int) -> None:
    engine = make_engine(url)
    upgrade(engine)
    content = load_content(default_content_paths(ROOT / "tests/fixtures/mini"))
    ctx = ServiceContext(engine, content, audit_keys=scratch_keys())
    result = run_load(ctx, users, saves, "bench")
    with ctx.factory() as session:
        report = audit.verify(session)
    engine.dispose()
    total = len(result.saves)
    print(
        f"{label:<10} {users} users x {saves} saves: p50 {result.median_ms:6.1f} ms, "
        f"p95 {result.percentile(0.95):6.1f} ms, {total / result.seconds:6.0f} saves/s, "
        f"errors {len(result.errors)}, audit chain {'intact' if report.intact else 'BROKEN'}"
        f" ({report.events} events)"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=30)
    parser.add_argument("--saves", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="3 users x 3 saves (CI)")
    args = parser.parse_args()
    if args.quick:
        args.users, args.saves = 3, 3
    with tempfile.TemporaryDirectory() as tmp:
        bench(f"sqlite:///{Path(tmp) / 'load.db'}", "SQLite", args.users, args.saves)
    with pg_database("qs_bench") as (_, url):  # a scratch database, dropped after
        bench(url, "PostgreSQL", args.users, args.saves)


if __name__ == "__main__":
    main()
