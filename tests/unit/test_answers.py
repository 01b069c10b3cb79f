"""Answer normalisation edge cases that properties found."""

from __future__ import annotations

import pytest

from quickscan_app.domain.answers import AnswerError, normalise_answer


def test_free_text_may_say_unknown_in_so_many_words(mini) -> None:
    remarks = mini.questionnaire.by_id["remarks"]
    assert not remarks.allow_unknown
    assert normalise_answer(remarks, "unknown") == "unknown"


def test_unknown_stays_refused_where_a_question_has_no_unknown_option(mini) -> None:
    share = mini.questionnaire.by_id["fleet_share"]
    with pytest.raises(AnswerError, match="'unknown' is not allowed"):
        normalise_answer(share, "unknown")
