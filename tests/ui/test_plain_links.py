"""Addresses in user text stay plain text (issue 14, point 9).

Streamlit renders markdown the GitHub way: besides ``[text](url)`` it makes a link of every
web or e-mail address it finds in the text once parsed, backslash escapes resolved. So an
escaped ``https\\://evil\\.example`` was still a link. ``links()`` finds what that
autolink step finds (the two expressions of Streamlit's bundled mdast-util-gfm-autolink-literal,
a little wider), in what the app hands to Streamlit.
"""

from __future__ import annotations

import re

from sqlalchemy import update

from quickscan_app.services import dossiers, users, workflow
from quickscan_app.services.context import system_actor
from quickscan_app.store.models import User
from tests.ui.conftest import PASSWORD, actor_named, signed_in, texts

WEB = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE | re.ASCII)
MAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)", re.ASCII)
ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
EVIL = "https://evil.example/login?next=/"


def links(markdown: str) -> list[str]:
    """The addresses GitHub-flavoured markdown would turn into links in ``markdown``."""
    text = ESCAPE.sub(r"\1", markdown)
    return [m.group() for m in (*WEB.finditer(text), *MAIL.finditer(text))]


def shown(markdown: str) -> str:
    """The text a reader sees (escapes resolved, the invisible word joiner left out)."""
    return ESCAPE.sub(r"\1", markdown).replace("\u2060", "")


def test_addresses_in_titles_references_and_comments_are_plain_text(at, ctx) -> None:
    officer = actor_named(ctx, "officer")
    meta = {"title": f"Scanners, zie {EVIL}", "reference": "www.evil.example"}
    dossier = dossiers.create_dossier(ctx, officer, meta)
    workflow.comment(ctx, officer, dossier, f"Zie {EVIL} of mail inkoop@evil.example")
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(dossier)
    at.switch_page("views/dossier.py").run()
    assert not at.exception
    everything = texts(at)
    for address in (EVIL, "www.evil.example", "inkoop@evil.example"):
        assert address in shown(everything)
    assert links(everything) == []


def test_a_display_name_in_the_stale_write_message_is_plain_text(at, ctx) -> None:
    officer = actor_named(ctx, "officer")
    with ctx.transaction() as session:
        session.execute(
            update(User)
            .where(User.id == officer.user_id)
            .values(display_name=f"**Vet** [klik]({EVIL})")
        )
    dossier = dossiers.create_dossier(ctx, officer, {"title": "Scanner Eemshaven"})
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(dossier)
    at.query_params["step"] = "remote_access"
    at.switch_page("views/dossier.py").run()
    dossiers.save_answer(ctx, officer, dossier, "default_passwords", "no", 1)  # another tab
    at.radio(key=f"q__{dossier}__remote_maintenance").set_value("yes").run()
    [message] = [e.value for e in at.error if "intussen gewijzigd" in e.value]
    assert "\\*\\*Vet\\*\\* \\[klik\\]" in message
    assert f"**Vet** [klik]({EVIL})" in shown(message)
    assert links(message) == []


def test_the_user_name_in_the_sidebar_is_plain_text(at, ctx) -> None:
    name = f"[klik]({EVIL})"
    users.add_user(ctx, system_actor("test"), name, PASSWORD, ["officer"])
    signed_in(at, ctx, name)
    at.switch_page("views/my_dossiers.py").run()
    [caption] = [c.value for c in at.sidebar.caption if "klik" in c.value]
    assert "\\[klik\\]" in caption and name in shown(caption)
    assert links(caption) == []
