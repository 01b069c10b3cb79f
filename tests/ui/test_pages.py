"""Every page renders; sign-in; role guards; language."""

from __future__ import annotations

import pytest

from tests.ui.conftest import PASSWORD, dossier_id, signed_in, texts

PAGES_BY_ROLE = {
    "officer": ["views/my_dossiers.py", "views/new_dossier.py", "views/dossier.py"],
    "reviewer": ["views/review_queue.py", "views/review.py"],
    "admin": ["views/users.py", "views/content.py", "views/audit.py"],
}


def test_sign_in_page_renders_and_refuses_a_wrong_password(at) -> None:
    at.run()
    assert not at.exception
    assert at.title[0].value == "Quickscan nationale veiligheid"
    at.text_input(key="sign_in_name").input("officer")
    at.text_input(key="sign_in_password").input("wrong password!")
    at.button(key="FormSubmitter:sign_in-Inloggen").click().run()
    assert "Onbekende gebruikersnaam of onjuist wachtwoord." in [e.value for e in at.error]
    assert "qs_actor" not in at.session_state


def test_signing_in_opens_what_waits_for_the_user(at) -> None:
    at.run()
    at.text_input(key="sign_in_name").input("officer")
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button(key="FormSubmitter:sign_in-Inloggen").click().run()
    assert not at.exception
    assert at.session_state["qs_actor"].name == "officer"
    at.run()
    assert "Te doen" in [t.value for t in at.title]  # everyone's first page: the inbox


@pytest.mark.parametrize(("role", "page"), [(r, p) for r, ps in PAGES_BY_ROLE.items() for p in ps])
def test_every_page_renders_for_its_role(at, ctx, role, page) -> None:
    signed_in(at, ctx, role)
    if page in ("views/dossier.py", "views/review.py"):
        at.query_params["dossier"] = str(dossier_id(ctx, "submitted"))
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert at.title, "every page has a title"
    assert "U hebt geen toegang" not in texts(at)


@pytest.mark.parametrize(
    ("role", "page"),
    [
        (r, p)
        for r in PAGES_BY_ROLE
        for other, ps in PAGES_BY_ROLE.items()
        if other != r
        for p in ps
    ],
)
def test_pages_of_other_roles_are_refused(at, ctx, role, page) -> None:
    signed_in(at, ctx, role)
    at.query_params["dossier"] = str(dossier_id(ctx, "submitted"))
    at.switch_page(page).run()
    assert not at.exception
    assert "U hebt geen toegang tot deze pagina." in [e.value for e in at.error]
    assert not at.title, "nothing of the page itself is shown"


def test_signed_out_user_sees_no_page(at) -> None:
    at.switch_page("views/my_dossiers.py").run()
    shown = texts(at)
    assert "Mijn dossiers" not in shown
    assert "Inloggen" in shown or "U hebt geen toegang tot deze pagina." in shown


def test_language_switch_to_english(at, ctx) -> None:
    signed_in(at, ctx, "officer")
    at.switch_page("views/my_dossiers.py").run()
    assert "Mijn dossiers" in [t.value for t in at.title]
    at.session_state["qs_lang"] = "en"
    at.run()
    assert "My dossiers" in [t.value for t in at.title]


def test_session_expires_after_inactivity(at, ctx) -> None:
    signed_in(at, ctx, "officer")
    at.session_state["qs_last_seen"] = -10_000.0  # long before now on the monotonic clock
    at.switch_page("views/my_dossiers.py").run()
    assert "qs_actor" not in at.session_state
    shown = texts(at)
    assert "U bent uitgelogd na 30 minuten zonder activiteit." in shown
    assert "Mijn dossiers" not in shown


def test_single_sign_on_button_only_when_configured(at) -> None:
    at.run()
    assert "Inloggen met single sign-on" not in [b.label for b in at.button]
    at.secrets["auth"] = {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-only",
        "client_id": "quickscan",
        "client_secret": "test-only",
        "server_metadata_url": "https://idp.example/.well-known/openid-configuration",
    }
    at.secrets["quickscan_sso"] = {"roles": {"GG-Quickscan-Inkopers": "officer"}}
    at.run()
    assert not at.exception
    assert "Inloggen met single sign-on" in [b.label for b in at.button]
