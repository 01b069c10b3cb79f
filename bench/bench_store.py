"""Benchmark of storage: prints figures, asserts nothing.

    .venv/bin/python bench/bench_store.py [--quick]

``--quick`` (CI): 10 saves and 200 dossiers, one listing each; the figures mean little, the run
shows the script still works.

1. Saving one answer through the service (authorization, optimistic lock, answer history,
   hash-chained audit event, one transaction) on a SQLite file and on PostgreSQL, beside a raw
   ``sqlite3`` INSERT + COMMIT with the same PRAGMAs, measured in the same run.
2. Listing 10,000 dossiers as an administrator.

PostgreSQL: QUICKSCAN_BENCH_PG_URL (default postgres@127.0.0.1:5432); a scratch database is
created and dropped.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, text  # noqa: E402

from quickscan_app.content import default_content_paths, load_content  # noqa: E402
from quickscan_app.services import dossiers, users  # noqa: E402
from quickscan_app.services.context import Actor, Role, ServiceContext, system_actor  # noqa: E402
from quickscan_app.store.audit_key import scratch_keys  # noqa: E402
from quickscan_app.store.db import make_engine  # noqa: E402
from quickscan_app.store.migrate import upgrade  # noqa: E402
from quickscan_app.store.models import Dossier  # noqa: E402

SAVES = 500
PG_URL = os.environ.get("QUICKSCAN_BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432")


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def prepared(url: str) -> tuple[ServiceContext, Actor, int]:
    engine = make_engine(url)
    upgrade(engine)
    content = load_content(default_content_paths(ROOT))
    ctx = ServiceContext(engine, content, audit_keys=scratch_keys())
    user_id = users.add_user(
        ctx, system_actor("bench"), "bench", "Zomer-aan-de-Maas met 3 honden", ["officer"]
    )
    actor = Actor(user_id, "bench", frozenset({Role.OFFICER}), "bench")
    return ctx, actor, dossiers.create_dossier(ctx, actor, {"title": "Bench"})


def raw_sqlite(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=30000", "synchronous=FULL"):
        conn.execute(f"PRAGMA {pragma}")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, question TEXT, value TEXT, at TEXT)")
    return conn


def raw_insert(conn: sqlite3.Connection, i: int) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO t (question, value, at) VALUES (?, ?, ?)", ("q", f"antwoord {i}", "now")
    )
    conn.execute("COMMIT")


def bench_saves(
    url: str, raw: sqlite3.Connection | None = None, saves: int = SAVES
) -> tuple[float, float | None]:
    """Median ms of save_answer and, interleaved in the same loop, of the raw insert."""
    ctx, actor, dossier_id = prepared(url)
    current, samples, raw_samples = 1, [], []
    for i in range(saves):
        if raw is not None:
            start = time.perf_counter()
            raw_insert(raw, i)
            raw_samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        current = dossiers.save_answer(ctx, actor, dossier_id, "use_description", f"a {i}", current)
        samples.append(time.perf_counter() - start)
    ctx.engine.dispose()
    return median_ms(samples), median_ms(raw_samples) if raw_samples else None


def bench_listing(url: str, count: int = 10_000, runs: int = 7) -> float:
    ctx, actor, _ = prepared(url)
    now = datetime.now(UTC)
    rows = [
        {
            "title": f"Dossier {i}",
            "owner_id": actor.user_id,
            "questionnaire_id": "scan-detection",
            "questionnaire_version": 1,
            "status": "draft",
            "revision": 1,
            "lock_version": 1,
            "language": "nl",
            "demo": False,
            "created_at": now,
            "updated_at": now,
            "updated_by_id": actor.user_id,
            "last_change": "created",
        }
        for i in range(count)
    ]
    with ctx.engine.begin() as conn:
        conn.execute(insert(Dossier), rows)
    admin = system_actor("bench")
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        listed = dossiers.list_dossiers(ctx, admin)
        samples.append(time.perf_counter() - start)
    assert len(listed) == count + 1
    ctx.engine.dispose()
    return median_ms(samples)


def with_pg_database(func):  # type: ignore[no-untyped-def]
    admin = create_engine(f"{PG_URL}/postgres", isolation_level="AUTOCOMMIT")
    name = f"qs_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        return func(f"{PG_URL}/{name}")
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="a short run that checks it works")
    args = parser.parse_args()
    saves, count, runs = (10, 200, 1) if args.quick else (SAVES, 10_000, 7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        raw_conn = raw_sqlite(folder / "raw.db")
        service, raw = bench_saves(f"sqlite:///{folder / 'service.db'}", raw_conn, saves)
        raw_conn.close()
        listing = bench_listing(f"sqlite:///{folder / 'listing.db'}", count, runs)
    assert raw is not None
    print(f"{saves} saves, interleaved with raw inserts on the same disk")
    print(
        "raw sqlite3 BEGIN IMMEDIATE + INSERT + COMMIT (WAL, synchronous=FULL): "
        f"median {raw:.2f} ms"
    )
    print(
        f"save_answer on SQLite file: median {service:.2f} ms, "
        f"ratio to raw {service / raw:.2f} (target <= 3)"
    )
    print(f"list {count:,} dossiers on SQLite: median {listing:.0f} ms")
    pg_save, _ = with_pg_database(lambda url: bench_saves(url, None, saves))
    pg_listing = with_pg_database(lambda url: bench_listing(url, count, runs))
    print(f"save_answer on PostgreSQL: median {pg_save:.2f} ms")
    print(f"list {count:,} dossiers on PostgreSQL: median {pg_listing:.0f} ms")


if __name__ == "__main__":
    main()
