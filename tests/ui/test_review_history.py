"""The review history in the app names each person and the part they played once, in the
page's language (issue 13: "Ruben Bakker (beveiligingsadviseur) (reviewer)"), and shows the
approval note; the audit page shows each result in words."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from quickscan_app.services import workflow
from quickscan_app.services.errors import WorkflowError
from quickscan_app.store.models import Dossier
from tests.ui.conftest import APP, actor_named, dossier_id, signed_in

CONDITIONS = "Akkoord onder voorwaarde: jaarlijkse herbeoordeling."


def officer_thread(ctx, dossier: int) -> str:
    at = AppTest.from_file(str(APP), default_timeout=60)
    signed_in(at, ctx, "officer")
    at.query_params["dossier"] = str(dossier)
    at.query_params["step"] = "procurement"
    at.switch_page("views/dossier.py").run()
    assert not at.exception
    expander = next(e for e in at.expander if e.label.startswith("Gesprek met"))
    return "\n".join(m.value for m in expander.markdown).replace("\\", "")


def test_the_history_names_each_person_and_role_once(ctx) -> None:
    sent = dossier_id(ctx, "submitted")
    with ctx.factory() as session:
        current = session.get(Dossier, sent).lock_version
    workflow.approve(ctx, actor_named(ctx, "reviewer"), sent, current, note=CONDITIONS)
    shown = officer_thread(ctx, sent)
    assert "Goedgekeurd** · Ruben Bakker (beveiligingsadviseur), beoordelaar" in shown
    assert CONDITIONS in shown
    assert "Ingediend** · Olga de Vries (inkoper), " in shown  # her name says it: no role
    assert "(inkoper), inkoper" not in shown
    assert "(reviewer)" not in shown and "system" not in shown


def test_the_audit_page_shows_results_in_words(at, ctx) -> None:
    with pytest.raises(WorkflowError):  # a refusal on record next to the demo's successes
        workflow.submit(ctx, actor_named(ctx, "officer"), dossier_id(ctx, "submitted"), 1)
    signed_in(at, ctx, "admin")
    at.switch_page("views/audit.py").run()
    assert not at.exception
    results = set(at.dataframe[0].value["Resultaat"])
    assert {"uitgevoerd", "geweigerd"} <= results
    assert not results & {"success", "denied", "failure"}
