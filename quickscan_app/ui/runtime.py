"""Process-wide resources of the web app: the service context, built once per server."""

from __future__ import annotations

import socket

import streamlit as st

from quickscan_app.config import get_settings
from quickscan_app.content import load_content
from quickscan_app.services import audit
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.db import make_engine
from quickscan_app.store.migrate import is_current, upgrade


@st.cache_resource(show_spinner=False)
def service_context() -> ServiceContext:
    """The database and content, shared by every session of this server.

    The embedded SQLite default is upgraded here; a shared PostgreSQL database must already
    be at the current schema (``quickscan db upgrade``), so N servers never race to migrate.
    The audit trail's switch-over to this server's key is recorded before anyone signs in.
    """
    engine = make_engine(get_settings().database_url)
    if engine.dialect.name == "sqlite":
        upgrade(engine)
    elif not is_current(engine):
        raise RuntimeError("database schema is not current: run `quickscan db upgrade`")
    ctx = ServiceContext(engine, load_content())
    audit.ensure_keyed(ctx.factory, ctx.clock(), f"web:{socket.gethostname()}"[:120])
    return ctx
