"""The deadline flag of the overviews and the command line: one rule, the portfolio's."""

from __future__ import annotations

from datetime import date

import pytest

from quickscan_app.services.overview import days_left, deadline_flagged
from quickscan_app.services.portfolio import DEADLINE_DAYS

TODAY = date(2027, 3, 1)


def test_days_left_counts_to_the_publication_else_the_request_for_quotation() -> None:
    assert days_left(date(2027, 3, 11), date(2027, 3, 5), TODAY) == 10
    assert days_left(None, date(2027, 3, 5), TODAY) == 4
    assert days_left(date(2027, 2, 1), None, TODAY) == -28
    assert days_left(None, None, TODAY) is None


@pytest.mark.parametrize(
    ("days", "status", "flagged"),
    [
        (DEADLINE_DAYS, "draft", True),
        (DEADLINE_DAYS + 1, "draft", False),
        (-3, "submitted", True),  # past and still not approved
        (0, "changes_requested", True),
        (5, "approved", False),
        (5, "archived", False),
        (None, "draft", False),
    ],
)
def test_flagged_within_six_weeks_while_the_plan_is_not_settled(days, status, flagged) -> None:
    assert DEADLINE_DAYS == 42
    assert deadline_flagged(days, status) is flagged
