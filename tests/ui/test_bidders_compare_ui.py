"""The page with every bidder of a dossier side by side: opened from the award step and the
review page, names shown literally, a bidder that did not answer shown as such."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from quickscan_app.services import bidders
from tests.ui.conftest import actor_named, dossier_id, html_tables, signed_in, texts

HOSTILE = "Scanco <b>B.V.</b> **vet** =1+1"
PAGE = "views/bidders_compare.py"


def two_bidders(ctx) -> int:  # type: ignore[no-untyped-def]
    """On the demo's approved dossier: one bidder whose check is submitted, one draft."""
    approved = dossier_id(ctx, "approved")
    officer = actor_named(ctx, "officer")
    answered = bidders.add_bidder(ctx, officer, approved, {"name": HOSTILE})
    bidders.submit_bidder(ctx, officer, answered, 1)
    bidders.add_bidder(ctx, officer, approved, {"name": "Stil B.V."})
    return approved


def page_links(at: AppTest) -> list[tuple[str, str, str]]:
    """Label, page and address of each link on the page."""
    return [(p.proto.label, p.proto.page, p.proto.query_string) for p in at.get("page_link")]


def opened(at: AppTest, dossier: int, **params: str) -> AppTest:
    at.query_params["dossier"] = str(dossier)
    for key, value in params.items():
        at.query_params[key] = value
    return at.switch_page(PAGE).run()


def test_officer_sees_every_bidder_beside_the_plan(at, ctx) -> None:
    approved = two_bidders(ctx)
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(approved)
    at.query_params["step"] = "award"
    at.switch_page("views/dossier.py").run()
    here = f"dossier={approved}"
    assert ("Bieders naast elkaar zetten", "bidders_compare", here) in page_links(at)
    opened(at, approved)
    assert not at.exception, at.exception
    assert at.title[0].value == "Bieders naast elkaar"
    table = html_tables(at)["bidders_compare"]
    assert list(table.columns) == ["Onderdeel", "Plan", f"1. {HOSTILE}", "2. Stil B.V."]
    rows = table.set_index("Onderdeel")
    assert rows.loc["Uitkomst", "2. Stil B.V."] == "Niet geantwoord"
    assert rows.loc["Status van de toets", "2. Stil B.V."] == "Concept"
    assert rows.loc["Eisen gehaald", "2. Stil B.V."] == "—"
    # nothing stated yet: every requirement unknown, so 'with conditions'
    assert rows.loc["Uitkomst", f"1. {HOSTILE}"] == "Onder voorwaarden"
    assert rows.loc["Eisen gehaald", f"1. {HOSTILE}"].startswith("0 van ")
    assert "1 van de 2 bieders heeft geantwoord." in texts(at)
    html = "".join(e.value for e in at.html)
    assert "<b>B.V.</b>" not in html and "Scanco &lt;b&gt;B.V.&lt;/b&gt;" in html
    assert ("Terug naar de gunning", "dossier", f"{here}&step=award") in page_links(at)


def test_reviewer_opens_it_from_the_review_page_and_goes_back_there(at, ctx) -> None:
    approved = two_bidders(ctx)
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(approved)
    at.switch_page("views/review.py").run()
    link = ("Bieders naast elkaar zetten", "bidders_compare", f"dossier={approved}&from=review")
    assert link in page_links(at)
    opened(at, approved, **{"from": "review"})
    assert not at.exception, at.exception
    assert ("Terug naar de beoordeling", "review", f"dossier={approved}") in page_links(at)
    assert list(html_tables(at)["bidders_compare"].columns)[2:] == [f"1. {HOSTILE}", "2. Stil B.V."]


def test_english_and_a_dossier_without_bidders(at, ctx) -> None:
    approved = dossier_id(ctx, "approved")
    signed_in(at, ctx, "officer")
    at.session_state["qs_lang"] = "en"
    opened(at, approved)
    assert not at.exception
    assert at.title[0].value == "Bidders side by side"
    assert "No bidders recorded yet." in [i.value for i in at.info]
    assert "bidders_compare" not in html_tables(at)
    two_bidders(ctx)
    at.run()
    table = html_tables(at)["bidders_compare"].set_index("Aspect")
    assert table.loc["Outcome", "2. Stil B.V."] == "Did not answer"


def test_only_officers_and_reviewers_open_it(at, ctx) -> None:
    approved = two_bidders(ctx)
    signed_in(at, ctx, "admin")
    opened(at, approved)
    assert not at.exception
    assert "U hebt geen toegang tot deze pagina." in [e.value for e in at.error]
    assert "bidders_compare" not in html_tables(at)
