"""Broken content is refused with the file, the line and a plain message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from quickscan_app.content import ContentError, default_content_paths, load_content
from tests.conftest import MINI


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "content")
    return tmp_path / "content"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"fixture lacks {old!r}"
    path.write_text(text.replace(old, new, 1))


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def problems(tree: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_content(default_content_paths(tree))
    return [str(p) for p in caught.value.problems]


def test_yaml_syntax_error_names_file_and_line(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(q, "      - id: remote\n", "      - id: remote\n     bad: [unclosed\n")
    [message] = problems(tree)
    assert message.startswith(f"{q}:")
    assert "invalid YAML" in message
    line = int(message.split(":")[1])
    assert abs(line - line_of(q, "bad: [unclosed")) <= 1


def test_missing_english_text_names_the_line(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(
        q,
        "why: {nl: Toegang van buiten., en: Access from outside.}",
        "why: {nl: Toegang van buiten.}",
    )
    [message] = problems(tree)
    assert message.startswith(f"{q}:{line_of(q, 'Toegang van buiten')}:")
    assert "why.en" in message and "Field required" in message


def test_unknown_key_is_refused(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(q, "        min: 0\n", "        min: 0\n        colour: red\n")
    [message] = problems(tree)
    assert f"{q}:{line_of(q, 'colour: red')}:" in message
    assert "colour" in message


def test_condition_on_a_later_question_is_refused(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(
        q,
        "        visible_if: {question: remote, equals: yes}",
        "        visible_if: {question: fleet_share, at_least: 3}",
    )
    [message] = problems(tree)
    assert f"{q}:{line_of(q, 'question: fleet_share, at_least')}:" in message
    assert "does not come earlier" in message


def test_condition_on_a_missing_option_is_refused(tree: Path) -> None:
    r = tree / "questionnaires" / "mini.risk.yaml"
    edit(r, "{question: connectivity, equals: internet}", "{question: connectivity, equals: cloud}")
    messages = problems(tree)
    assert any("'cloud' is not an option of 'connectivity'" in m for m in messages)
    assert any(m.startswith(f"{r}:{line_of(r, 'equals: cloud')}:") for m in messages)


def test_duplicate_question_id_is_refused(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(q, "      - id: remarks\n", "      - id: publication\n")
    messages = problems(tree)
    assert any("duplicate question id 'publication'" in m for m in messages)


def test_unreachable_scenario_is_refused(tree: Path) -> None:
    r = tree / "questionnaires" / "mini.risk.yaml"
    edit(r, "      - {scenario: lock_in, dimension: likelihood, add: 3}\n", "")
    edit(
        r,
        "      - {scenario: lock_in, dimension: impact, at_least: 3}\n",
        "      - {scenario: espionage, dimension: impact, at_least: 3}\n",
    )
    messages = problems(tree)
    assert any("no rule can raise scenario 'lock_in'" in m for m in messages)


def test_measure_on_unknown_scenario_is_refused(tree: Path) -> None:
    m = tree / "mitigations" / "mini-measures.yaml"
    edit(m, "{scenario: lock_in, likelihood: 1, impact: 1}", "{scenario: lockin, likelihood: 1}")
    [message] = problems(tree)
    assert f"{m}:{line_of(m, 'scenario: lockin')}:" in message
    assert "unknown scenario 'lockin'" in message


def test_incomplete_grid_is_refused(tree: Path) -> None:
    r = tree / "questionnaires" / "mini.risk.yaml"
    edit(r, "  - [medium, high, high, very_high, very_high]\n", "")
    [message] = problems(tree)
    assert "grid must have 5 rows" in message


def test_negative_effect_is_refused(tree: Path) -> None:
    r = tree / "questionnaires" / "mini.risk.yaml"
    edit(r, "dimension: likelihood, add: 2}", "dimension: likelihood, add: -1}")
    messages = problems(tree)
    assert messages[0].startswith(f"{r}:{line_of(r, 'add: -1')}: rules.0.effects.0.add:")
    assert "greater than or equal to 1" in messages[0]


def test_measure_without_control_reference_is_refused(tree: Path) -> None:
    m = tree / "mitigations" / "mini-measures.yaml"
    edit(m, 'controls: {iso27002: ["8.22"]}', "controls: {}")
    [message] = problems(tree)
    assert "at least one BIO2 or ISO/IEC 27002 reference" in message


def test_unknown_as_must_be_a_real_answer(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(q, "unknown_as: internet", "unknown_as: satellite")
    [message] = problems(tree)
    assert "unknown_as" in message and "satellite" in message


def test_version_must_be_a_whole_number(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    edit(q, "version: 1\n", "version: '1'\n")
    messages = problems(tree)
    assert any("version" in m and "integer" in m for m in messages)


def test_risk_model_for_missing_questionnaire_is_refused(tree: Path) -> None:
    r = tree / "questionnaires" / "mini.risk.yaml"
    edit(r, "questionnaire: {id: mini, version: 1}", "questionnaire: {id: mini, version: 2}")
    messages = problems(tree)
    assert any("no questionnaire mini version 2" in m for m in messages)


def test_not_a_mapping_is_refused(tree: Path) -> None:
    q = tree / "questionnaires" / "mini.yaml"
    q.write_text("- just\n- a list\n")
    messages = problems(tree)
    assert any(m.startswith(f"{q}:1:") and "mapping" in m for m in messages)
