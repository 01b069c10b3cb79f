"""Where this browser session comes from, for the audit trail and the sign-in throttle."""

from __future__ import annotations

from functools import lru_cache

import streamlit as st

from quickscan_app.client_address import TrustedProxies, client_address, parse_trusted_proxies
from quickscan_app.config import get_settings


@lru_cache(maxsize=4)
def _trusted(spec: str) -> TrustedProxies:
    return parse_trusted_proxies(spec)


def request_origin(kind: str) -> str:
    """``kind:address`` (``web:203.0.113.9``): the peer of the WebSocket, or the client that a
    proxy from ``QUICKSCAN_TRUSTED_PROXIES`` names in ``X-Forwarded-For``. ``quickscan serve``
    keeps the web server from rewriting the peer itself (``serve_command.py``)."""
    peer = st.context.ip_address
    peer = peer if isinstance(peer, str) else None  # no browser (AppTest): as a local one
    forwarded = [v for v in st.context.headers.get_all("X-Forwarded-For") if isinstance(v, str)]
    trusted = _trusted(get_settings().trusted_proxies)
    return f"{kind}:{client_address(peer, forwarded, trusted)}"
