"""``quickscan serve``: prepare the embedded database, then run the Streamlit app.

Streamlit runs in this process (no second interpreter), so what preparing the database
imported is there for the first page. Once the server listens, a background thread imports
the rest of the app while the browser is still loading Streamlit's scripts, and fills an empty
database with the demo data once the sign-in form has been drawn: that form never waits for
either.
"""

from __future__ import annotations

import argparse
import importlib
import os
import socket
import sys
import threading
import time
from pathlib import Path

from quickscan_app.cli.common import EXIT_OK
from quickscan_app.cli.store_commands import open_context

APP = Path(__file__).resolve().parents[1] / "ui" / "app.py"

# Settings every server gets; passed on the command line so that they hold whatever the
# working directory. Rijksoverheid-like blue; no telemetry; no stack traces to users.
STREAMLIT_FLAGS = {
    "server.headless": "true",
    "server.enableXsrfProtection": "true",
    "server.fileWatcherType": "none",
    "server.runOnSave": "false",
    "server.maxUploadSize": "10",  # bidders' evidence PDFs (services/evidence_pdf.py)
    "browser.gatherUsageStats": "false",
    # Streamlit runs a full garbage collection after every script run: with the app's modules
    # and content in memory that is most of the server's time per answer (about 100 ms of 130
    # here), for a bare page almost nothing. Python's own collector still runs.
    "runner.postScriptGC": "false",
    "client.toolbarMode": "minimal",
    "client.showErrorDetails": "none",
    "theme.base": "light",
    "theme.primaryColor": "#154273",
    "theme.textColor": "#1f2937",
    "theme.font": "sans-serif",
}

# Streamlit's web server (uvicorn) believes X-Forwarded-For from 127.0.0.1 and ::1 by default
# and puts the forwarded address in place of the peer before the app sees it: anyone on the
# machine could then choose their own origin. An empty list trusts no peer, so the app sees
# the real peer and decides itself, trusting only QUICKSCAN_TRUSTED_PROXIES (ui/origin.py).
SERVER_ENVIRONMENT = {"FORWARDED_ALLOW_IPS": ""}


def register(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = commands.add_parser(
        "serve", help="start the web app (the embedded default needs no set-up)"
    )
    serve.add_argument("--port", type=int, default=8501)
    serve.add_argument("--address", default="127.0.0.1", help="interface to listen on")
    serve.set_defaults(handler=run_server)


def prepare_database() -> bool:
    """Upgrade the embedded database; True when it is empty and should get demo data.

    Only the schema is touched here: the content and the services are loaded by the demo
    data and by the app itself when someone signs in."""
    from sqlalchemy import func, select

    from quickscan_app.config import get_settings
    from quickscan_app.store.db import make_engine
    from quickscan_app.store.migrate import upgrade
    from quickscan_app.store.models import User

    engine = make_engine(get_settings().database_url)
    try:
        if engine.dialect.name != "sqlite":
            open_context().engine.dispose()  # the schema must be current (and is not touched)
            return False
        upgrade(engine)
        with engine.connect() as connection:
            return connection.execute(select(func.count(User.id))).scalar_one() == 0
    finally:
        engine.dispose()


def seed_demo_data() -> None:
    """Demo users and dossiers, and the users' passwords on the console."""
    from quickscan_app.services import demo

    ctx = open_context()
    result = demo.seed_demo(ctx)
    lines = ["Empty database: demo data added. Sign in as (user name / password):"]
    lines += [f"  {name:<10} {password}" for name, password in result.passwords.items()]
    print("\n".join(lines), flush=True)
    ctx.engine.dispose()


# Imported once the server listens: the shell and the sign-in form first, then the pages one
# opens after signing in.
FIRST_PAGE = ("quickscan_app.ui.shell",)
LATER_PAGES = ("quickscan_app.ui.screens.my_dossiers", "quickscan_app.ui.screens.dossier")
DEMO_DATA_AFTER = 5.0
"""Seconds after the start at which the demo data is added if nobody opened the app."""


def after_start(address: str, port: int, *, demo_data: bool) -> None:
    """As soon as the server accepts connections (at most a minute after the start): import
    the first page; add the demo data when asked, once the sign-in form has been drawn (or
    after ``DEMO_DATA_AFTER``); import the other pages. The first page finds its modules
    loaded instead of importing them while the user waits, and never shares the machine with
    the demo data's password hashing."""
    host = "127.0.0.1" if address in ("", "0.0.0.0") else address
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection((host, port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    for name in FIRST_PAGE:
        importlib.import_module(name)
    if demo_data:
        from quickscan_app.ui.runtime import SIGN_IN_DRAWN

        SIGN_IN_DRAWN.wait(DEMO_DATA_AFTER)
        seed_demo_data()
    for name in LATER_PAGES:
        importlib.import_module(name)


def start_streamlit(argv: list[str]) -> None:
    """``streamlit run …`` in this process; returns when the server stops."""
    from streamlit.web import cli

    cli.main(args=argv, prog_name="streamlit", standalone_mode=False)


def run_server(args: argparse.Namespace) -> int:
    demo_data = prepare_database()
    flags = {**STREAMLIT_FLAGS, "server.port": str(args.port), "server.address": args.address}
    argv = ["run", str(APP), *(f"--{name}={value}" for name, value in flags.items())]
    sys.stdout.flush()
    os.environ.update(SERVER_ENVIRONMENT)
    threading.Thread(
        target=after_start, args=(args.address, args.port), kwargs={"demo_data": demo_data},
        daemon=True,
    ).start()  # fmt: skip
    start_streamlit(argv)
    return EXIT_OK
