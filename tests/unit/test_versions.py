"""What changes between two questionnaire versions, and which answers go along."""

from __future__ import annotations

from quickscan_app.content import default_content_paths, load_content
from quickscan_app.domain.versions import carry_over, diff_questionnaires
from quickscan_app.presenters import diff_data, diff_lines
from tests.conftest import FIXTURES, MINI


def both():  # type: ignore[no-untyped-def]
    content = load_content(
        default_content_paths(MINI) + default_content_paths(FIXTURES / "mini_v2")
    )
    return content.library("mini", 1), content.library("mini", 2)


def test_diff_names_added_removed_and_changed_questions() -> None:
    old, new = both()
    diff = diff_questionnaires(old.questionnaire, new.questionnaire)
    assert (diff.added, diff.removed) == (("sbom",), ("fleet_share",))
    changes = {c.question: c for c in diff.changed}
    assert set(changes) == {"connectivity", "channel"}
    assert changes["connectivity"].parts == ("text",)
    assert changes["channel"].options_added == ("satellite",)
    assert changes["channel"].options_removed == ("mobile",)
    assert diff_questionnaires(old.questionnaire, old.questionnaire).empty


def test_answers_that_fit_go_along_the_rest_is_named() -> None:
    old, new = both()
    diff = diff_questionnaires(old.questionnaire, new.questionnaire)
    answers = {"connectivity": "internet", "remote": "yes", "channel": ["vpn", "mobile"],
               "fleet_share": 40}  # fmt: skip
    carry = carry_over(diff, answers)
    assert carry.kept == {"connectivity": "internet", "remote": "yes", "channel": ["vpn"]}
    assert carry.dropped == {"fleet_share": "removed"}
    assert carry.trimmed == {"channel": ("mobile",)}
    assert set(carry.to_review) == {"connectivity", "channel"}
    assert carry.new_questions == ("sbom",)


def test_diff_reads_in_both_languages() -> None:
    old, new = both()
    diff = diff_questionnaires(old.questionnaire, new.questionnaire)
    nl, en = diff_lines(diff, "nl"), diff_lines(diff, "en")
    assert nl[0] == "mini versie 1 → 2: 1 toegevoegd, 1 verwijderd, 2 gewijzigd"
    assert "~ channel (Network): answer options (+satellite -mobile)" in en
    assert "+ sbom (Leverancier): Levert de leverancier een SBOM?" in nl
    assert diff_data(diff, "en")["removed"][0]["question"] == "fleet_share"
