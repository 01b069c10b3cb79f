"""Refusals name statuses, steps and changes in words of the reader's language (issue 13:
"status submitted" in a Dutch message); the parameters keep their codes for the audit trail."""

from __future__ import annotations

import pytest

from quickscan_app.domain.workflow import Status, Step
from quickscan_app.services.errors import Change, Code, Conflict, WorkflowError
from quickscan_app.strings import STRINGS
from quickscan_app.ui.errors import error_message


def test_a_status_and_a_step_read_as_words() -> None:
    refused = WorkflowError("transition", dossier=3, status="submitted", step="submit")
    assert refused.message("nl") == "Dossier 3 heeft status 'Ingediend': 'indienen' kan nu niet."
    assert refused.message("en") == "Dossier 3 is 'Submitted': 'submit' is not possible now."
    assert error_message(refused, "nl") == refused.message("nl")
    assert str(refused) == refused.message("en")  # logs and the command line
    assert refused.params == {"dossier": 3, "status": "submitted", "step": "submit"}


@pytest.mark.parametrize("status", [s.value for s in Status])
def test_every_dossier_status_has_its_word_in_refusals(status: str) -> None:
    for key in ("not_editable", "tender_needs_approval", "bidders_need_approval"):
        for lang in ("nl", "en"):
            message = WorkflowError(key, dossier=1, status=status).message(lang)
            assert f"'{STRINGS[f'status.{status}'][lang]}'" in message, (key, lang)
            assert f"'{status}'" not in message


def test_every_step_has_its_word() -> None:
    for step in [s.value for s in Step] + ["new_questionnaire"]:
        for lang in ("nl", "en"):
            message = WorkflowError("transition", dossier=1, status="draft", step=step)
            assert f"'{STRINGS[f'step.{step}'][lang]}'" in message.message(lang)


def test_a_bidder_status_reads_as_the_bidder_screen_names_it() -> None:
    status = Code("ui.award.status", "submitted")
    refused = WorkflowError("bidder_not_editable", bidder=4, status=status)
    assert "'Ter beoordeling'" in refused.message("nl")
    assert "'In review'" in refused.message("en")
    assert str(status) == "submitted"  # what the audit trail records


@pytest.mark.parametrize(
    ("record", "nl", "en"),
    [
        ("status submitted", "status gewijzigd in 'Ingediend'", "status changed to 'Submitted'"),
        ("status draft", "status gewijzigd in 'Concept'", "status changed to 'Draft'"),
        ("answer remote_access", "een antwoord gewijzigd", "an answer changed"),
        ("plan eu_based_support", "het plan gewijzigd", "the plan changed"),
        ("plan eu_based_support rejected", "het plan gewijzigd", "the plan changed"),
        ("questionnaire 1 -> 2", "overgezet naar versie 2 van de vragenlijst",
         "moved to version 2 of the questionnaire"),
        ("created", "aangemaakt", "created"),
        ("imported", "ingelezen", "imported"),
        ("something new", "something new", "something new"),
    ],
)  # fmt: skip
def test_a_last_change_reads_as_words(record: str, nl: str, en: str) -> None:
    assert Change(record).text("nl") == nl
    assert Change(record).text("en") == en
    refused = Conflict("stale", dossier=2, who="Olga", change=Change(record), when="1-1-2027")
    assert f"({nl}, 1-1-2027)" in refused.message("nl")
    assert str(refused.params["change"]) == record
