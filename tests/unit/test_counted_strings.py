"""Counted texts read right for 1 and for many: no "(en)"/"(s)" stand-ins, every counted text
has the forms Babel's plural rules ask for, and every counted key the code uses exists."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from quickscan_app.domain.text import LANGUAGES
from quickscan_app.i18n import locale, plural
from quickscan_app.strings import PLURALS, STRINGS
from tests.conftest import ROOT

PLURAL_KEY = re.compile(r'\bplural\(\s*"([a-z_.]+)"')


def all_texts() -> list[tuple[str, str]]:
    found = [(key, text) for key, texts in STRINGS.items() for text in texts.values()]
    found += [
        (key, text)
        for key, langs in PLURALS.items()
        for forms in langs.values()
        for text in forms.values()
    ]
    return found


def test_no_text_hedges_a_plural_with_en_or_s() -> None:
    hedged = re.compile(r"\w\((en|s)\)")
    assert [key for key, text in all_texts() if hedged.search(text)] == []


def test_every_counted_text_has_the_forms_its_language_needs() -> None:
    for key, langs in PLURALS.items():
        assert set(langs) == set(LANGUAGES), key
        for lang, forms in langs.items():
            assert set(forms) == {*locale(lang).plural_form.tags, "other"}, (key, lang)
            assert all(text.strip() for text in forms.values()), (key, lang)


def test_every_counted_key_in_the_code_exists() -> None:
    used = {
        key
        for path in Path(ROOT / "quickscan_app").rglob("*.py")
        for key in PLURAL_KEY.findall(path.read_text())
    }
    assert len(used) > 10
    assert sorted(used - PLURALS.keys()) == []


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (0, "nl", "Nog 0 verplichte vragen open"),
        (1, "nl", "Nog 1 verplichte vraag open"),
        (6, "nl", "Nog 6 verplichte vragen open"),
        (0, "en", "0 required questions are still open"),
        (1, "en", "1 required question is still open"),
        (1200, "en", "1,200 required questions are still open"),
        (1200, "nl", "Nog 1.200 verplichte vragen open"),
    ],
)
def test_a_count_agrees_with_its_noun_and_verb(count: int, lang, expected: str) -> None:
    assert plural("ui.cannot_submit_yet", count, lang).startswith(expected)


def test_the_submit_summary_counts_measures_and_points_each_in_its_own_form() -> None:
    def summary(measures: int, points: int, lang) -> str:
        return STRINGS["ui.submit_summary"][lang].format(
            measures=plural("count.measures", measures, lang),
            points=plural("ui.submit_summary.points", points, lang),
        )

    assert summary(1, 1, "nl") == "Het plan bevat 1 maatregel; 1 antwoord is 'weet ik niet'."
    assert summary(6, 0, "nl") == "Het plan bevat 6 maatregelen; 0 antwoorden zijn 'weet ik niet'."
    assert summary(1, 2, "en") == "The plan holds 1 measure; 2 answers are 'don't know'."
