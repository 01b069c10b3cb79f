"""The signed-in user, the language and inactivity expiry, kept in Streamlit's session state.

A session lives in the server's memory for one browser tab; everything durable is in the
database. After a reload the user signs in again and is taken back to where they were
(the dossier and step are in the URL's query parameters, which hold nothing secret).
"""

from __future__ import annotations

import time

import streamlit as st

from quickscan_app.domain.text import Lang
from quickscan_app.i18n import t
from quickscan_app.services.context import Actor, Role

IDLE_TIMEOUT_SECONDS = 30 * 60
_ACTOR = "qs_actor"
_LANG = "qs_lang"
_SEEN = "qs_last_seen"
_FLASH = "qs_flash"


def lang() -> Lang:
    value = st.session_state.get(_LANG)
    if value in ("nl", "en"):
        return value
    st.session_state[_LANG] = "nl"
    return "nl"


EXPIRED = "qs_session_expired"


def actor() -> Actor | None:
    """The signed-in user, or None; signs out (with a message) after inactivity."""
    current: Actor | None = st.session_state.get(_ACTOR)
    now = time.monotonic()
    if current is not None and now - st.session_state.get(_SEEN, now) > IDLE_TIMEOUT_SECONDS:
        sign_out()
        st.session_state[EXPIRED] = True  # single sign-on must not sign the user straight back in
        flash("info", t("ui.session_expired", lang()))
        return None
    st.session_state[_SEEN] = now
    return current


def sign_in(user: Actor) -> None:
    st.session_state[_ACTOR] = user
    st.session_state[_SEEN] = time.monotonic()


def sign_out() -> None:
    keep = {_LANG: st.session_state.get(_LANG, "nl")}
    st.session_state.clear()
    st.session_state.update(keep)


def flash(kind: str, message: str) -> None:
    """A message shown once at the top of the next page run."""
    st.session_state.setdefault(_FLASH, []).append((kind, message))


_NOTICES = "qs_notices"


def notify(place: str, kind: str, message: str) -> None:
    """A message shown once at ``place`` (next to the form or button it is about) on the next
    page run, so the user reads it where they are instead of at the top of the page."""
    st.session_state.setdefault(_NOTICES, {}).setdefault(place, []).append((kind, message))


def notify_flashes(place: str) -> None:
    """Move the messages waiting for the top of the page to ``place``."""
    for kind, message in st.session_state.pop(_FLASH, []):
        notify(place, kind, message)


def show_notices(place: str) -> None:
    for kind, message in st.session_state.get(_NOTICES, {}).pop(place, []):
        getattr(st, kind)(message)


def show_flashes() -> None:
    for kind, message in st.session_state.pop(_FLASH, []):
        getattr(st, kind)(message)


def require(*roles: Role) -> Actor:
    """The signed-in actor if they hold one of ``roles``; otherwise stop the page."""
    current = actor()
    show_flashes()
    if current is None or not any(current.has(r) for r in roles):
        st.error(t("ui.no_access", lang()))
        st.stop()
    return current
