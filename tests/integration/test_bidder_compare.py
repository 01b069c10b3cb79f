"""Bidders side by side on SQLite and PostgreSQL: every bidder of the current plan, the
check's figures for those that answered, 'did not answer' for the others; read-only; and the
award report compares its approved checks the same way."""

from __future__ import annotations

import pytest

from quickscan_app.exports.compare_rows import award_comparison, compare_rows
from quickscan_app.services import (
    bidder_compare,
    bidder_replies,
    bidders,
    dossiers,
    exports,
    workflow,
)
from quickscan_app.services.errors import NotFound, PermissionDenied
from quickscan_app.store.models import Dossier
from tests.integration.helpers import last_event
from tests.integration.test_bidders import MET, approved, bidder  # noqa: F401  (fixture)

NOT_MET = {"response": "not_met", "note": "Alleen VPN"}


def submitted_bidder(ctx, people, dossier: int, name: str, **data) -> int:  # type: ignore[no-untyped-def]
    b = bidder(ctx, people, dossier, name, **data)
    bidders.submit_bidder(ctx, people.olga, b, 1)
    return b


def test_answered_and_silent_bidders_side_by_side(ctx, people, approved) -> None:  # noqa: F811
    submitted_bidder(ctx, people, approved, "Scanco", answers={"channel": ["jump_host"]},
                     responses={"jump_host": MET, "exit_plan": MET})  # fmt: skip
    submitted_bidder(ctx, people, approved, "Far <b>Away</b>",
                     answers={"channel": ["vpn", "mobile"]},
                     responses={"jump_host": NOT_MET})  # fmt: skip
    bidder(ctx, people, approved, "Stil B.V.", responses={"jump_host": MET})  # a draft
    before = last_event(ctx).seq
    found = bidder_compare.compare_bidders(ctx, people.olga, approved)
    assert last_event(ctx).seq == before  # a read: nothing recorded, nothing changed
    compared = found.comparison
    assert (found.dossier.id, compared.answered, compared.requirements) == (approved, 2, 2)
    assert compared.scenarios[0][0] == "espionage"
    good, bad, silent = compared.columns
    assert (good.number, good.name, good.verdict, good.met) == (1, "Scanco", "fits", 2)
    assert all(cell.change <= 0 for cell in good.scenarios.values())
    assert (bad.name, bad.verdict, bad.knock_outs) == ("Far <b>Away</b>", "does_not_fit",
                                                        ("jump_host",))  # fmt: skip
    assert (bad.met, bad.not_met, bad.unknown) == (0, 1, 1)
    assert bad.scenarios["espionage"].change == 1
    assert (silent.name, silent.answered, silent.status, silent.verdict) == (
        "Stil B.V.", False, "draft", None,
    )  # fmt: skip
    assert bidder_compare.compare_bidders(ctx, people.rita, approved).comparison == compared
    assert [c.number for c in compared.columns] == [1, 2, 3]  # in the order they were added


def test_who_may_see_it_and_what_it_holds_after_a_reopen(ctx, people, approved) -> None:  # noqa: F811
    bidder(ctx, people, approved, "Scanco")
    with pytest.raises(PermissionDenied):
        bidder_compare.compare_bidders(ctx, people.otto, approved)  # not his dossier
    with pytest.raises(NotFound):
        bidder_compare.compare_bidders(ctx, people.olga, 987654)
    current = dossiers.get_dossier(ctx, people.olga, approved).dossier.lock_version
    workflow.reopen(ctx, people.olga, approved, current)
    compared = bidder_compare.compare_bidders(ctx, people.olga, approved).comparison
    assert compared.columns == () and compared.plan_residual is None  # the check is history


def test_the_award_report_compares_the_same_things_as_the_page(ctx, people, approved) -> None:  # noqa: F811
    b = submitted_bidder(ctx, people, approved, "Far <b>Away</b>",
                         answers={"channel": ["vpn", "mobile"]},
                         responses={"jump_host": NOT_MET, "exit_plan": MET})  # fmt: skip
    bidders.decide_bidder(ctx, people.rita, b, 2, approve=True)
    page = bidder_compare.compare_bidders(ctx, people.olga, approved).comparison
    with ctx.factory() as session:
        approval = exports.current_approval(session, session.get(Dossier, approved))
        report = award_comparison(exports.approved_source(session, approval, "award"))

    def rows(compared):  # type: ignore[no-untyped-def]
        return compare_rows(compared, "nl", scenario_title=str, measure_title=str,
                            level_label=str)  # fmt: skip

    assert rows(report) == rows(page)
    assert report.columns[0].scenarios["espionage"].change == 1


def test_the_award_spreadsheet_holds_the_comparison_and_verifies(ctx, people, approved) -> None:  # noqa: F811
    import io

    from openpyxl import load_workbook

    name = '=HYPERLINK("x") quickscan-award-checks=' + "0" * 64
    b = submitted_bidder(ctx, people, approved, name, responses={"jump_host": NOT_MET})
    digest = bidders.decide_bidder(ctx, people.rita, b, 2, approve=True)
    made = exports.export_document(ctx, people.olga, approved, "award", "xlsx")
    assert made.name.endswith(".xlsx")
    book = load_workbook(io.BytesIO(made.data))
    assert book.sheetnames == ["Bieders naast elkaar", "Eisen per bieder", "Verantwoording"]
    compare = [[c.value for c in row] for row in book["Bieders naast elkaar"].iter_rows()]
    assert compare[0][:3] == ["Onderdeel", "Plan", f"1. {name}"]
    outcome = next(row for row in compare if row[0] == "Uitkomst")
    assert outcome[1:3] == ["Past", "Past niet"]
    checks = [[c.value for c in row] for row in book["Eisen per bieder"].iter_rows()]
    assert checks[1][:4] == [f"1. {name}", "jump_host", "Springserver", "Niet gehaald"]
    assert checks[1][6] == digest
    about = [c.value for row in book["Verantwoording"].iter_rows() for c in row]
    assert f"quickscan-award-checks={digest}" in about
    assert exports.verify_file(ctx, people.olga, made.data).outcome == "match"
    assert exports.verify_file(ctx, people.olga, made.data + b" ").outcome == "changed"


def test_answers_and_evidence_through_the_bidders_own_links(ctx, people, approved) -> None:  # noqa: F811
    from tests.integration.test_bidder_links import HERE, invite, pdf_bytes

    asked = {"evidence": ["jump_host", "exit_plan"]}
    met = {"responses": {"jump_host": MET, "exit_plan": MET}}
    links = {
        name: invite(ctx, people, bidder(ctx, people, approved, name), **asked)
        for name in ("Ingediend", "Bezig", "Stil")
    }
    done = links["Ingediend"].token
    bidder_replies.save_reply(ctx, done, HERE, met)
    bidder_replies.add_evidence(ctx, done, HERE, "jump_host", "iso.pdf", pdf_bytes())
    bidder_replies.submit_reply(ctx, done, HERE)
    bidder_replies.save_reply(ctx, links["Bezig"].token, HERE, met)  # a draft, not submitted
    submitted_bidder(ctx, people, approved, "Ingetypt", **met)  # typed in by the officer
    compared = bidder_compare.compare_bidders(ctx, people.olga, approved).comparison
    seen = {c.name: (c.answered, c.open_evidence) for c in compared.columns}
    assert seen == {"Ingediend": (True, 1), "Bezig": (False, 0), "Stil": (False, 0),
                    "Ingetypt": (True, 0)}  # fmt: skip
    assert compared.answered == 2
    # approved, the check keeps what was asked and given: the report shows the same open count
    [first] = [v.bidder for v in bidders.list_bidders(ctx, people.olga, approved)][:1]
    current = bidders.submit_bidder(ctx, people.olga, first.id, first.lock_version)
    bidders.decide_bidder(ctx, people.rita, first.id, current, approve=True)
    with ctx.factory() as session:
        approval = exports.current_approval(session, session.get(Dossier, approved))
        report = award_comparison(exports.approved_source(session, approval, "award"))
    assert [(c.name, c.open_evidence) for c in report.columns] == [("Ingediend", 1)]
