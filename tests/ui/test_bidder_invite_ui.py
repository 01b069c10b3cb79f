"""The officer's side of the bidder links in the app (AppTest): make a link (the invitation
text shown once), the check waits while the bidder answers, revoke it; after the bidder
submitted, correct an answer with a note; the reviewer sees both versions and the evidence."""

from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from quickscan_app.services import bidder_replies, bidders
from quickscan_app.services.errors import PermissionDenied
from tests.ui.conftest import APP, actor_named, dossier_id, html_tables, signed_in, texts
from tests.ui.test_bidder_reply_ui import pdf_bytes

TOKEN = re.compile(r"/bidder\?token=([A-Za-z0-9_-]+)")


def award_step(at: AppTest, ctx, approved: int, bidder_id: int) -> AppTest:  # type: ignore[no-untyped-def]
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(approved)
    at.query_params["step"] = "award"
    at.session_state[f"qs_bidder_pick_{approved}"] = bidder_id
    return at.switch_page("views/dossier.py").run()


def test_the_officer_makes_a_link_and_the_check_waits_for_the_bidder(at, ctx) -> None:
    officer = actor_named(ctx, "officer")
    approved = dossier_id(ctx, "approved")
    b = bidders.add_bidder(ctx, officer, approved, {"name": "Scanco <b>B.V.</b>"})
    award_step(at, ctx, approved, b)
    assert not at.exception
    at.radio(key=f"qs_invite_lang_{b}").set_value("en")
    at.button(key=f"qs_invite_make_{b}").click().run()
    assert not at.exception
    [invitation] = [c.value for c in at.code]
    assert invitation.startswith("Dear Scanco <b>B.V.</b>")  # plain text in a code block
    token = TOKEN.search(invitation).group(1)
    assert bidder_replies.open_reply(ctx, token, "test", "en").bidder_id == b
    at.run()  # the bidder now holds the pen: the check is read-only, nothing to save
    assert "heeft nog niets ingevuld. Tot dan vult alleen de bieder in." in texts(at)
    ns = f"b{b}_{approved}"
    assert at.text_input(key=f"qs_bidder_name_{ns}").disabled
    assert not [x for x in at.button if x.key in (f"qs_bidder_save_{ns}", f"qs_bidder_submit_{ns}")]

    at.button(key=f"qs_invite_revoke_{b}").click().run()
    assert not at.exception
    assert not at.code  # the text with the dead link is gone
    assert not at.text_input(key=f"qs_bidder_name_{ns}").disabled
    with pytest.raises(PermissionDenied) as ended:
        bidder_replies.open_reply(ctx, token, "test", "en")
    assert ended.value.key == "bidder_link_ended"


def test_a_correction_needs_a_note_and_the_reviewer_sees_both_versions(at, ctx) -> None:
    officer = actor_named(ctx, "officer")
    approved = dossier_id(ctx, "approved")
    b = bidders.add_bidder(ctx, officer, approved, {"name": "Röntgen GmbH"})
    award_step(at, ctx, approved, b)
    at.button(key=f"qs_invite_make_{b}").click().run()
    token = TOKEN.search(at.code[0].value).group(1)
    bidder_replies.save_reply(ctx, token, "test", {"ownership": "Familie <script>x</script>"})
    asked = bidder_replies.reply_view(ctx, token, "test", "nl").requirements
    measure = next(r.measure for r in asked if r.evidence_asked)
    bidder_replies.add_evidence(ctx, token, "test", measure, "kvk.pdf", pdf_bytes())
    bidder_replies.submit_reply(ctx, token, "test")
    at.run()
    assert "ingediend op" in texts(at)
    at.selectbox(key=f"qs_fix_item_{b}").set_value("ownership").run()
    at.text_area(key=f"qs_fix_f_fix{b}_ownership").input("Beursgenoteerd (KvK)").run()
    at.button(key=f"qs_fix_save_{b}").click().run()
    assert [e.value for e in at.error] == [
        "Geef een toelichting: een correctie of heropening zonder toelichting kan niet."
    ]
    [check] = bidders.list_bidders(ctx, officer, approved)
    assert not check.bidder.corrections
    at.text_area(key=f"qs_fix_note_{b}").input("Uittreksel KvK van 1-11-2026").run()
    at.button(key=f"qs_fix_save_{b}").click().run()
    assert not at.exception
    [check] = bidders.list_bidders(ctx, officer, approved)
    assert check.bidder.ownership == "Beursgenoteerd (KvK)"
    assert check.bidder.reply["fields"]["ownership"] == "Familie <script>x</script>"
    at.button(key=f"qs_bidder_submit_b{b}_{approved}").click().run()
    assert bidders.list_bidders(ctx, officer, approved)[0].bidder.status == "submitted"

    reviewer = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(reviewer, ctx, "reviewer")
    reviewer.query_params["dossier"] = str(approved)
    reviewer.switch_page("views/review.py").run()
    assert not reviewer.exception
    table = html_tables(reviewer)[f"corrections-{b}"]
    [row] = table.to_dict("records")
    assert row["Antwoord van de bieder"] == "Familie <script>x</script>"  # escaped, read back
    assert row["Na correctie"] == "Beursgenoteerd (KvK)"
    assert row["Toelichting op de correctie"].startswith("Uittreksel KvK van 1-11-2026 (officer")
    html = "".join(h.value for h in reviewer.html)
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    [download] = [d for d in reviewer.get("download_button")]
    assert download.proto.label == "Openen"
