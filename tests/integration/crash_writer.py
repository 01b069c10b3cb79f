"""Saves answers in a loop and reports each one after its commit; killed by the crash test.

python crash_writer.py DATABASE_URL CONTENT_DIR DOSSIER_ID USER_ID
"""

from __future__ import annotations

import sys
from pathlib import Path

from quickscan_app.content import default_content_paths, load_content
from quickscan_app.services import dossiers
from quickscan_app.services.context import Actor, Role, ServiceContext
from quickscan_app.store.db import make_engine


def main() -> None:
    url, content_dir, dossier_id, user_id = sys.argv[1:5]
    ctx = ServiceContext(make_engine(url), load_content(default_content_paths(Path(content_dir))))
    actor = Actor(int(user_id), "olga", frozenset({Role.OFFICER}), "crash-test")
    current = dossiers.get_dossier(ctx, actor, int(dossier_id)).dossier.lock_version
    for i in range(100_000):
        value = f"save {i}"
        current = dossiers.save_answer(ctx, actor, int(dossier_id), "remarks", value, current)
        print(f"{current} {value}", flush=True)


if __name__ == "__main__":
    main()
