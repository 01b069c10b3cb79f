"""Numbers, amounts, units and dates as the Dutch and the English write them (Babel)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from quickscan_app.content import load_content
from quickscan_app.i18n import (
    format_amount,
    format_date,
    format_datetime,
    format_number,
    format_percent,
    format_quantity,
    plural,
)
from quickscan_app.presenters import answer_label, unit_suffix

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (0, "0", "0"),
        (1, "1", "1"),
        (999, "999", "999"),
        (14_500_000, "14.500.000", "14,500,000"),
        (2.5, "2,5", "2.5"),
        (1_000_000_000_000, "1.000.000.000.000", "1,000,000,000,000"),
    ],
)
def test_format_number(value: float, nl: str, en: str) -> None:
    assert (format_number(value, "nl"), format_number(value, "en")) == (nl, en)


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (0, f"€{NBSP}0", "€0"),
        (1, f"€{NBSP}1", "€1"),
        (14_500_000, f"€{NBSP}14.500.000", "€14,500,000"),
        (14_500_000.0, f"€{NBSP}14.500.000", "€14,500,000"),  # stored as a float: no cents
        (1234.5, f"€{NBSP}1.234,50", "€1,234.50"),
        (250_000_000_000, f"€{NBSP}250.000.000.000", "€250,000,000,000"),
    ],
)
def test_format_amount_shows_cents_only_when_there_are_any(value: float, nl: str, en: str) -> None:
    assert (format_amount(value, "nl"), format_amount(value, "en")) == (nl, en)


def test_format_percent_takes_a_share_in_percent() -> None:
    assert [format_percent(v, "nl") for v in (0, 1, 45.5, 100)] == ["0%", "1%", "45,5%", "100%"]
    assert format_percent(12.5, "en") == "12.5%"


def test_format_quantity_uses_the_singular_unit_for_one_only() -> None:
    assert [format_quantity(n, "en", "years", "year") for n in (0, 1, 3)] == [
        "0 years",
        "1 year",
        "3 years",
    ]
    assert format_quantity(1.5, "en", "years", "year") == "1.5 years"
    assert format_quantity(1, "nl", "leveranciers", "leverancier") == "1 leverancier"
    assert format_quantity(1200, "nl", "stuks") == "1.200 stuks"
    assert format_quantity(45, "nl", "%") == "45%"


def test_dates_stay_numeric_or_written_out_in_the_language() -> None:
    day = date(2026, 11, 29)
    assert format_date(day, "nl") == format_date(day, "en") == "29-11-2026"
    assert format_date(date(2027, 3, 5), "nl") == "05-03-2027"
    assert format_date(day, "nl", long=True) == "29 november 2026"
    assert format_date(day, "en", long=True) == "29 November 2026"


def test_times_are_shown_in_dutch_local_time() -> None:
    assert format_datetime(datetime(2026, 11, 29, 11, 5, tzinfo=UTC), "nl") == "29-11-2026 12:05"
    assert format_datetime(datetime(2026, 7, 1, 22, 30), "en") == "02-07-2026 00:30"  # naive: UTC


def test_plural_picks_the_form_and_writes_the_count_as_a_number() -> None:
    assert plural("count.measures", 0, "nl") == "0 maatregelen"
    assert plural("count.measures", 1, "nl") == "1 maatregel"
    assert plural("count.measures", 1, "en") == "1 measure"
    assert plural("count.dossiers", 2500, "nl") == "2.500 dossiers"
    assert plural("count.scenarios", 2, "nl") == "2 scenario's"


@pytest.fixture(scope="module")
def questions():
    return load_content().library().questionnaire.by_id


@pytest.mark.parametrize(
    ("question", "value", "lang", "expected"),
    [
        ("estimated_value", 14_500_000, "nl", f"€{NBSP}14.500.000"),
        ("estimated_value", 14_500_000.0, "en", "€14,500,000"),
        ("contract_duration_years", 1, "nl", "1 jaar"),
        ("contract_duration_years", 3, "nl", "3 jaar"),
        ("contract_duration_years", 1, "en", "1 year"),
        ("contract_duration_years", 3, "en", "3 years"),
        ("number_of_units", 1, "nl", "1 stuk"),
        ("number_of_units", 1000, "nl", "1.000 stuks"),
        ("credible_suppliers", 1, "en", "1 supplier"),
        ("credible_suppliers", 0, "en", "0 suppliers"),
        ("fleet_share_percent", 45, "nl", "45%"),
        ("fleet_share_percent", "unknown", "nl", "Weet ik niet"),
    ],
)
def test_a_number_answer_reads_with_its_unit(questions, question, value, lang, expected) -> None:
    assert answer_label(questions[question], value, lang) == expected


def test_a_number_question_names_its_unit_after_the_question(questions) -> None:
    assert unit_suffix(questions["contract_duration_years"], "nl") == " (jaar)"
    assert unit_suffix(questions["estimated_value"], "en") == " (€)"
    assert unit_suffix(questions["fleet_share_percent"], "en") == " (%)"
    assert unit_suffix(questions["procedure_type"], "nl") == ""
