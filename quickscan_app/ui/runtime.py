"""Process-wide resources of the web app: the service context, built once per server."""

from __future__ import annotations

import socket
import threading
from typing import TYPE_CHECKING

import streamlit as st

if TYPE_CHECKING:
    from quickscan_app.services.context import ServiceContext

SIGN_IN_DRAWN = threading.Event()
"""Set once a sign-in form has been drawn: ``quickscan serve`` adds the demo data to an empty
database after that, so the first page does not wait for it."""


@st.cache_resource(show_spinner=False)
def service_context() -> ServiceContext:
    """The database and content, shared by every session of this server.

    The embedded SQLite default is upgraded here; a shared PostgreSQL database must already
    be at the current schema (``quickscan db upgrade``), so N servers never race to migrate.
    The audit trail's switch-over to this server's key is recorded before anyone signs in.
    Imported here, not above: the sign-in form is drawn without the database layer, the
    content and the migrations.
    """
    from quickscan_app.config import get_settings
    from quickscan_app.content import load_content
    from quickscan_app.services import audit
    from quickscan_app.services.context import ServiceContext
    from quickscan_app.store.db import make_engine
    from quickscan_app.store.migrate import is_current, upgrade

    engine = make_engine(get_settings().database_url)
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    elif not is_current(engine):
        raise RuntimeError("database schema is not current: run `quickscan db upgrade`")
    ctx = ServiceContext(engine, load_content())
    audit.ensure_keyed(ctx.factory, ctx.clock(), f"web:{socket.gethostname()}"[:120])
    return ctx
