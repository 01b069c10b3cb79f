"""The award phase in the app: the officer records a bidder on the approved demo plan and
submits the check; a reviewer approves it."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from quickscan_app.services import bidders
from tests.ui.conftest import APP, actor_named, dossier_id, signed_in


def test_officer_checks_a_bidder_and_a_reviewer_approves(at, ctx) -> None:
    approved = dossier_id(ctx, "approved")
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(approved)
    at.query_params["step"] = "award"
    at.switch_page("views/dossier.py").run()
    assert not at.exception
    at.text_input(key=f"qs_bidder_name_bnew_{approved}").input("Scanco <b>B.V.</b>").run()
    at.button(key=f"qs_bidder_save_bnew_{approved}").click().run()
    assert not at.exception
    officer = actor_named(ctx, "officer")
    [found] = bidders.list_bidders(ctx, officer, approved)
    assert found.bidder.name == "Scanco <b>B.V.</b>"
    assert found.result.verdict.value == "conditions"  # nothing stated yet: all unknown
    ns = f"b{found.bidder.id}_{approved}"
    at.button(key=f"qs_bidder_submit_{ns}").click().run()
    assert bidders.list_bidders(ctx, officer, approved)[0].bidder.status == "submitted"

    reviewer = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(reviewer, ctx, "reviewer")
    reviewer.switch_page("views/review_queue.py").run()
    assert "Toetsen van bieders ter beoordeling (1)" in [h.value for h in reviewer.header]
    reviewer.query_params["dossier"] = str(approved)
    reviewer.switch_page("views/review.py").run()
    reviewer.button(key=f"qs_bidder_ok_{found.bidder.id}").click().run()
    assert not reviewer.exception
    [decided] = bidders.list_bidders(ctx, officer, approved)
    assert decided.bidder.status == "approved" and len(decided.bidder.sha256) == 64
