"""``quickscan serve``: prepare the embedded database, then run the Streamlit app."""

from __future__ import annotations

import argparse
import os
import sys
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
    "server.maxUploadSize": "2",
    "browser.gatherUsageStats": "false",
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


def prepare_database() -> None:
    """Upgrade the embedded database; an empty one gets demo data so one can start at once."""
    from sqlalchemy import func, select

    from quickscan_app.services import demo
    from quickscan_app.store.models import User

    ctx = open_context()
    if ctx.engine.dialect.name == "sqlite":
        with ctx.factory() as session:
            empty = session.execute(select(func.count(User.id))).scalar_one() == 0
        if empty:
            result = demo.seed_demo(ctx)
            print("Empty database: demo data added. Sign in as (user name / password):")
            for name, password in result.passwords.items():
                print(f"  {name:<10} {password}")
    ctx.engine.dispose()


def run_server(args: argparse.Namespace) -> int:
    prepare_database()
    command = [sys.executable, "-m", "streamlit", "run", str(APP)]
    flags = {**STREAMLIT_FLAGS, "server.port": str(args.port), "server.address": args.address}
    command += [f"--{name}={value}" for name, value in flags.items()]
    sys.stdout.flush()
    os.environ.update(SERVER_ENVIRONMENT)
    os.execv(sys.executable, command)
    return EXIT_OK  # pragma: no cover - execv does not return
