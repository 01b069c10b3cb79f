"""Amounts and units as people read them on the pages: "€ 14.500.000", "Looptijd (jaar)"."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest

from quickscan_app.services import dossiers, workflow
from quickscan_app.store.models import Dossier
from tests.ui.conftest import APP, actor_named, dossier_id, signed_in, texts

AMOUNT_NL = "€\xa014.500.000"  # Babel's Dutch currency format: a no-break space after the sign


def shown(at: AppTest) -> str:
    """All text on the page: markdown (unescaped), HTML blocks, tables and expander labels."""
    parts = [texts(at), *(e.value for e in at.html), *(e.label for e in at.expander)]
    parts += [frame.value.to_string() for frame in at.dataframe]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def test_the_reviewer_reads_an_amount_answer_as_euros(ctx) -> None:
    back = dossier_id(ctx, "changes_requested")
    officer = actor_named(ctx, "officer")
    with ctx.factory() as session:
        version = session.get(Dossier, back).lock_version
    version = dossiers.save_answer(ctx, officer, back, "estimated_value", 14_500_000, version)
    workflow.submit(ctx, officer, back, version)

    at = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(at, ctx, "reviewer")
    at.query_params["dossier"] = str(back)
    at.session_state["qs_review_tab_nl"] = "Antwoorden"
    at.switch_page("views/review.py").run()
    assert not at.exception
    page = shown(at)
    assert AMOUNT_NL in page  # in the answers and in what changed since the last round
    assert "14500000" not in page


def test_the_wizard_keeps_the_unit_in_the_label_and_writes_the_amount_out(at, ctx) -> None:
    draft = dossier_id(ctx, "draft")
    officer = actor_named(ctx, "officer")
    with ctx.factory() as session:
        version = session.get(Dossier, draft).lock_version
    dossiers.save_answer(ctx, officer, draft, "estimated_value", 14_500_000, version)
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(draft)
    at.query_params["step"] = "procurement"
    at.switch_page("views/dossier.py").run()
    assert not at.exception
    labels = {n.key.rsplit("__", 1)[-1]: n.label for n in at.number_input}
    assert labels["contract_duration_years"].endswith("(jaar) *")
    assert labels["estimated_value"].endswith("(€) *")
    assert AMOUNT_NL in [c.value for c in at.caption]
