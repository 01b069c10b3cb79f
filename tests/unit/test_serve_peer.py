"""``quickscan serve`` keeps Streamlit's web server (uvicorn) from replacing the peer address
with an X-Forwarded-For value: the app alone decides whom to believe (ui/origin.py)."""

from __future__ import annotations

import argparse
import asyncio
import os

import pytest
import uvicorn

from quickscan_app.cli import serve_command

FORGED = [(b"x-forwarded-for", b"203.0.113.9")]


def peer_seen_by_the_app(client: tuple[str, int]) -> str:
    """The client address an app behind uvicorn's middleware sees, with the current env."""
    seen: list[str] = []

    async def app(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        seen.append(scope["client"][0])

    config = uvicorn.Config(app)
    config.load()
    scope = {"type": "websocket", "client": client, "headers": FORGED, "scheme": "ws"}
    asyncio.run(config.loaded_app(scope, None, None))
    return seen[0]


def test_serve_makes_the_web_server_trust_no_forwarded_header(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert peer_seen_by_the_app(("127.0.0.1", 5000)) == "203.0.113.9"  # uvicorn's default
    started: list[list[str]] = []
    monkeypatch.setattr(serve_command, "prepare_database", lambda: False)
    monkeypatch.setattr(serve_command, "start_streamlit", started.append)
    monkeypatch.setattr(serve_command, "after_start", lambda *_, **__: None)
    serve_command.run_server(argparse.Namespace(port=8599, address="127.0.0.1"))
    assert started and os.environ["FORWARDED_ALLOW_IPS"] == ""
    for peer in ("127.0.0.1", "::1", "10.0.0.5"):
        assert peer_seen_by_the_app((peer, 5000)) == peer
