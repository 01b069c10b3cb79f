"""Refusals the services make show as messages, never as a crash: an account deactivated or
stripped of a role while signed in, and a dossier id out of range in the address."""

from __future__ import annotations

import json

import pytest

from quickscan_app.services import users
from quickscan_app.services.context import system_actor
from tests.integration.helpers import last_event
from tests.ui.conftest import signed_in, texts

INACTIVE = "Uw account is niet (meer) actief."
LISTS = [
    ("reviewer", "views/review_queue.py"),
    ("officer", "views/my_dossiers.py"),
    ("admin", "views/users.py"),
    ("admin", "views/audit.py"),
    ("admin", "views/content.py"),
]


@pytest.mark.parametrize(("role", "page"), LISTS)
def test_a_user_deactivated_while_signed_in_sees_no_list(at, ctx, role, page) -> None:
    signed_in(at, ctx, role)
    users.set_active(ctx, system_actor("test"), role, False)
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert any(e.value.startswith(INACTIVE) for e in at.error), texts(at)
    assert not at.dataframe, "nothing of the list is shown"
    assert "qs_actor" not in at.session_state, "the session ended"


def test_the_review_queue_after_the_reviewer_role_was_taken_away(at, ctx) -> None:
    signed_in(at, ctx, "reviewer")
    users.set_roles(ctx, system_actor("test"), "reviewer", ["officer"])
    at.switch_page("views/review_queue.py").run()
    assert not at.exception, at.exception
    assert "Uw rollen zijn gewijzigd sinds u inlogde. Log opnieuw in." in [
        e.value for e in at.error
    ]
    assert not at.dataframe
    assert "qs_actor" not in at.session_state


@pytest.mark.parametrize(
    ("role", "page"), [("officer", "views/dossier.py"), ("reviewer", "views/review.py")]
)
def test_a_dossier_id_out_of_range_is_not_found(at, ctx, role, page) -> None:
    signed_in(at, ctx, role)
    at.query_params["dossier"] = "99999999999999999999"
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert any("bestaat niet of u hebt er geen toegang toe" in e.value for e in at.error)
    last = last_event(ctx)
    assert (last.actor, last.action, last.result) == (role, "dossier.read", "denied")
    assert json.loads(last.details)["refused"] == "not_found"
