"""The CLI on the small fixture content: exit codes, JSON shape, clear errors for user mistakes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quickscan_app.cli import main
from quickscan_app.content import default_content_paths
from tests.conftest import FIXTURES, MINI

ANSWERS = """\
questionnaire: mini
version: 1
dossier:
  title: Testscanner
  language: en
answers:
  connectivity: internet
  remote: "yes"
  channel: [mobile]
  fleet_share: 60
"""


@pytest.fixture(autouse=True)
def mini_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUICKSCAN_CONTENT_DIR", str(MINI))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(tmp_path: Path, text: str, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_validate_json(capsys) -> None:
    code, out, _ = run(capsys, "validate", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["questionnaires"] == [{"id": "mini", "version": 1, "questions": 6, "sections": 2}]
    assert (data["scenarios"], data["measures"]) == (2, 3)


def test_validate_given_file_replaces_the_shipped_one(capsys, tmp_path: Path) -> None:
    broken = tmp_path / "mini.yaml"
    shutil.copy(MINI / "questionnaires" / "mini.yaml", broken)
    broken.write_text(broken.read_text().replace("type: yes_no", "type: maybe"))
    code, out, err = run(capsys, "validate", str(broken))
    assert code == 2 and out == ""
    assert err.startswith(f"quickscan: {broken}:")
    assert "type" in err and "maybe" in err


def test_score_json_has_the_documented_fields(capsys, tmp_path: Path) -> None:
    path = write(tmp_path, ANSWERS)
    code, out, _ = run(capsys, "score", str(path), "--json", "--measures", "jump_host,exit_plan")
    data = json.loads(out)
    assert code == 0
    assert data["language"] == "en"  # from the dossier metadata
    esp = next(s for s in data["scenarios"] if s["id"] == "espionage")
    assert (esp["likelihood"], esp["impact"], esp["level"]) == (5, 4, "very_high")
    assert esp["reasons"][0]["reason"] == "The internet reaches everyone."
    assert esp["reasons"][1]["answers"] == [{"question": "channel", "answer": "Mobile link"}]
    assert data["overall_level"] == "very_high"
    assert data["full_risk_analysis_required"] is True
    assert data["open_points"] == []
    assert [m["id"] for m in data["proposed_measures"]] == ["jump_host", "exit_plan", "segregation"]
    assert data["residual"]["overall_level"] == "high"
    assert [s["measures"] for s in data["residual"]["scenarios"]] == [["jump_host"], ["exit_plan"]]


def test_score_json_file_and_dutch_text_summary(capsys, tmp_path: Path) -> None:
    doc = {
        "questionnaire": "mini",
        "version": 1,
        "answers": {"connectivity": "unknown", "remote": "no", "fleet_share": 5},
    }
    path = write(tmp_path, json.dumps(doc), "answers.json")
    code, out, _ = run(capsys, "score", str(path))
    assert code == 0
    assert "Totaalniveau: MIDDEN" in out
    assert "Open punten" in out and "aangenomen: Internet" in out
    assert "Internet is bereikbaar voor iedereen." in out


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ("connectivity: satellite", "answer 'connectivity': 'satellite' is not one of the options"),
        ("fleet_share: 140", "answer 'fleet_share': 140 is above the maximum 100"),
        ("fleet_share: lots", "answer 'fleet_share': expected a number"),
        (
            "remote: maybe",
            "answer 'remote': 'maybe' is not one of the options: yes, no or 'unknown'",
        ),
        ("colour: red", "answer 'colour': no such question in mini version 1"),
        ("fleet_share: unknown", "answer 'fleet_share': 'unknown' is not allowed"),
        ("channel: mobile", "answer 'channel': expected a list of option ids"),
        ("publication: 15-03-2027", "answer 'publication': expected a date as YYYY-MM-DD"),
        ("publication: 2026-02-30", "invalid value: day is out of range for month"),
    ],
)
def test_bad_answer_names_the_question_and_line(capsys, tmp_path: Path, answers, expected) -> None:
    path = write(tmp_path, f"questionnaire: mini\nversion: 1\nanswers:\n  {answers}\n")
    code, out, err = run(capsys, "score", str(path))
    assert code == 2 and out == ""
    assert err.strip() == f"quickscan: {path}:4: {expected}" or (
        err.startswith(f"quickscan: {path}:4: ") and expected in err
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("questionnaire: mini\nversion: 7\nanswers: {}\n", "no content for mini version 7"),
        ("questionnaire: mini\nanswers: {}\n", "field 'version': Field required"),
        ("questionnaire: mini\nversion: 1\nanswer: {}\n", "field 'answer': Extra inputs"),
        (
            "questionnaire: mini\nversion: 1\ndossier: {cpv_code: abc}\nanswers: {}\n",
            "field 'dossier.cpv_code'",
        ),
        ("questionnaire: mini\nversion: 1\nanswers: [\n", "invalid YAML"),
        ("just text\n", "expected a mapping"),
    ],
)
def test_bad_answer_file_gets_one_clear_message(capsys, tmp_path: Path, text, expected) -> None:
    path = write(tmp_path, text)
    code, out, err = run(capsys, "score", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"quickscan: {path}")
    assert expected in err
    assert len(err.strip().splitlines()) == 1


def test_missing_answer_file(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "score", str(tmp_path / "nope.yaml"))
    assert code == 2 and "cannot read file" in err


def test_unknown_measure_is_a_user_error(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "score", str(write(tmp_path, ANSWERS)), "--measures", "nope")
    assert code == 2 and "--measures: no such measure: nope" in err


def test_questionnaire_show_json_round_trips(capsys) -> None:
    code, out, _ = run(capsys, "questionnaire", "show", "--json")
    data = json.loads(out)
    assert code == 0 and data["id"] == "mini"
    channel = data["sections"][0]["questions"][2]
    assert channel["visible_if"] == {"question": "remote", "equals": "yes"}
    remarks = data["sections"][1]["questions"][2]
    assert remarks["visible_if"] == {"not": {"question": "connectivity", "equals": "stand_alone"}}


def test_questionnaire_show_text_and_unknown_id(capsys) -> None:
    code, out, _ = run(capsys, "questionnaire", "show", "--lang", "en")
    assert code == 0 and "[channel] Which channel?  (multiple_choice, conditional)" in out
    code, _, err = run(capsys, "questionnaire", "show", "nope")
    assert code == 2 and "no content for nope" in err


def test_installed_command_prints_no_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "questionnaire: mini\nversion: 1\nanswers:\n  remote: perhaps\n")
    env = {"QUICKSCAN_CONTENT_DIR": str(MINI), "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [sys.executable, "-m", "quickscan_app.cli", "score", str(path)],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "answer 'remote'" in done.stderr


def test_bad_settings_are_named_not_a_traceback(capsys, monkeypatch) -> None:
    from quickscan_app.config import get_settings

    monkeypatch.setenv("QUICKSCAN_LANGUAGE", "de")
    get_settings.cache_clear()
    try:
        code, _, err = run(capsys, "dossier", "list")
    finally:
        get_settings.cache_clear()
    assert code == 2 and err.startswith("quickscan: QUICKSCAN_LANGUAGE:")


def test_unusable_database_url_is_named(capsys, monkeypatch) -> None:
    from quickscan_app.config import get_settings

    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", "postgres-ish://nowhere/db")
    get_settings.cache_clear()
    try:
        code, _, err = run(capsys, "dossier", "list")
    finally:
        get_settings.cache_clear()
    assert code == 2 and "QUICKSCAN_DATABASE_URL" in err


def test_an_empty_database_variable_means_the_default(monkeypatch) -> None:
    from quickscan_app.config import DEFAULT_DATABASE, Settings

    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", "")
    assert Settings().database_url == f"sqlite:///{DEFAULT_DATABASE}"


def test_questionnaire_diff_text_json_and_bad_references(capsys) -> None:
    v2 = [str(p) for p in default_content_paths(FIXTURES / "mini_v2")]
    code, out, _ = run(capsys, "questionnaire", "diff", "1", "mini:2", "--with", *v2)
    assert code == 0
    assert out.splitlines()[0] == "mini versie 1 → 2: 1 toegevoegd, 1 verwijderd, 2 gewijzigd"
    assert "- fleet_share (Leverancier): Aandeel van de vloot (%)?" in out
    code, out, _ = run(capsys, "questionnaire", "diff", "1", "2", "--with", *v2, "--json")
    assert [c["question"] for c in json.loads(out)["changed"]] == ["connectivity", "channel"]
    code, _, err = run(capsys, "questionnaire", "diff", "1", "3", "--with", *v2)
    assert code == 2 and "no content for mini version 3" in err
    code, _, err = run(capsys, "questionnaire", "diff", "one", "2")
    assert code == 2 and "expected VERSION or ID:VERSION" in err


HEAVY = ("sqlalchemy", "alembic", "psycopg", "streamlit", "reportlab", "openpyxl", "docx",
         "pandas", "argon2", "quickscan_app.services", "quickscan_app.store",
         "quickscan_app.exports.render", "quickscan_app.config", "quickscan_app.ui")  # fmt: skip
LOADED = """
import json, sys
from quickscan_app.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def modules_loaded_by(*argv: str) -> tuple[int, set[str]]:
    """Exit code and the modules a fresh interpreter has loaded after ``quickscan ARGV``."""
    env = {"QUICKSCAN_CONTENT_DIR": str(MINI), "PATH": str(Path(sys.executable).parent)}
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *argv],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


@pytest.mark.parametrize(
    "argv",
    [("validate",), ("validate", "--json"), ("--help",), ("export", "--help"),
     ("dossier", "--help"), ("questionnaire", "show"), ("inbox", "--help")],
)  # fmt: skip
def test_commands_that_need_no_database_do_not_load_it(argv: tuple[str, ...]) -> None:
    """`quickscan validate` took 2 s, 1.7 s of it importing the database, the exports and the
    services it never uses: each command imports what it needs when it runs."""
    code, modules = modules_loaded_by(*argv)
    assert code == 0
    heavy = sorted(h for h in HEAVY if any(m == h or m.startswith(h + ".") for m in modules))
    assert heavy == []


def test_a_database_command_still_names_a_bad_url_without_a_traceback(tmp_path: Path) -> None:
    env = {"QUICKSCAN_CONTENT_DIR": str(MINI), "QUICKSCAN_DATABASE_URL": "nosuchdb://x",
           "PATH": str(Path(sys.executable).parent)}  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-m", "quickscan_app.cli", "dossier", "list"],
        capture_output=True, text=True, env=env, check=False, cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("quickscan: QUICKSCAN_DATABASE_URL is not a usable database URL")
