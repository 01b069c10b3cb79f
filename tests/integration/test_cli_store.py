"""The database commands of the CLI, on SQLite and PostgreSQL, run in-process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from quickscan_app.cli import main
from quickscan_app.config import get_settings
from quickscan_app.services.context import ServiceContext
from quickscan_app.store.db import make_engine
from tests.conftest import EXAMPLES, ROOT


@pytest.fixture
def cli(empty_db_url, monkeypatch, capsys):
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", empty_db_url)
    monkeypatch.delenv("QUICKSCAN_CONTENT_DIR", raising=False)
    get_settings.cache_clear()

    def run(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    run("db", "upgrade")
    yield run
    get_settings.cache_clear()


@pytest.mark.postgres
@pytest.mark.parametrize("empty_db_url", ["postgres"], indirect=True)
def test_postgres_needs_an_explicit_upgrade(empty_db_url, monkeypatch, capsys) -> None:
    """A shared database is never migrated behind the administrator's back."""
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", empty_db_url)
    get_settings.cache_clear()
    assert main(["dossier", "list"]) == 2
    assert "run `quickscan db upgrade`" in capsys.readouterr().err
    assert main(["db", "upgrade"]) == 0
    assert main(["dossier", "list"]) == 0
    get_settings.cache_clear()


def test_demo_seeds_dossiers_in_several_states(cli) -> None:
    code, out, _ = cli("demo")
    assert code == 0
    passwords = dict(line.split() for line in out.splitlines() if line.startswith("  "))
    assert set(passwords) == {"officer", "reviewer", "risk_owner", "admin"}
    code, out, _ = cli("dossier", "list", "--json")
    rows = json.loads(out)
    assert sorted(r["status"] for r in rows) == [
        "approved",
        "awaiting_acceptance",
        "changes_requested",
        "draft",
        "submitted",
    ]
    code, out, _ = cli("demo")
    assert code == 0 and "new passwords" in out
    again = dict(line.split() for line in out.splitlines() if line.startswith("  "))
    assert again["officer"] != passwords["officer"]
    assert len(json.loads(cli("dossier", "list", "--json")[1])) == 5
    code, _, _ = cli("audit", "verify")
    assert code == 0


def test_demo_is_refused_on_real_data(cli) -> None:
    code, out, _ = cli("user", "add", "jan", "--role", "officer", stdin="een lang wachtwoord\n")
    assert code == 0 and "jan" in out
    code, _, err = cli("demo")
    assert code == 2 and "echte gegevens" in err
    assert json.loads(cli("dossier", "list", "--json")[1]) == []


def test_user_add_and_list(cli) -> None:
    code, _, err = cli("user", "add", "kees", "--role", "reviewer", stdin="kort\n")
    assert code == 2 and "minstens 12 tekens" in err
    code, _, _ = cli(
        "user", "add", "kees", "--role", "reviewer", "--role", "officer",
        "--display-name", "Kees Visser", stdin="een lang wachtwoord\n",
    )  # fmt: skip
    assert code == 0
    code, _, err = cli("user", "add", "kees", "--role", "reviewer", stdin="een lang wachtwoord\n")
    assert code == 2 and "bestaat al" in err
    users = json.loads(cli("user", "list", "--json")[1])
    assert [(u["name"], u["roles"], u["display_name"]) for u in users] == [
        ("kees", ["officer", "reviewer"], "Kees Visser")
    ]
    assert "een lang wachtwoord" not in json.dumps(users)


def test_password_is_never_an_argument(cli) -> None:
    with pytest.raises(SystemExit):
        cli("user", "add", "kees", "--role", "officer", "--password", "een lang wachtwoord")


def test_dossier_import_and_show(cli, empty_db_url) -> None:
    cli("user", "add", "olga", "--role", "officer", stdin="een lang wachtwoord\n")
    path = EXAMPLES / "air-cargo-networked.yaml"
    code, out, _ = cli("dossier", "import", str(path), "--owner", "olga")
    assert code == 0
    dossier_id = int(out.strip())
    code, out, _ = cli("dossier", "show", str(dossier_id), "--json")
    data = json.loads(out)
    assert data["owner"] == "olga" and data["status"] == "draft"
    assert data["questionnaire"] == {"id": "scan-detection", "version": 2}
    assert data["title"].startswith("Luchtvrachtscanners")
    assert data["results"]["overall_level"] == "medium"
    code, out, _ = cli("dossier", "show", str(dossier_id))
    assert code == 0 and "overall level: medium" in out
    code, _, err = cli("dossier", "import", str(path), "--owner", "nobody")
    assert code == 2 and "nobody" in err
    code, _, err = cli("dossier", "show", "999")
    assert code == 2 and "999" in err


@pytest.fixture
def first_of_february(monkeypatch) -> None:
    """The command line's service clock at 1 February 2027."""

    def context(engine, content):  # type: ignore[no-untyped-def]
        return ServiceContext(engine, content, clock=lambda: datetime(2027, 2, 1, 9, tzinfo=UTC))

    # The command line imports the services when a command runs: patch them where they live.
    monkeypatch.setattr("quickscan_app.services.context.ServiceContext", context)


def test_dossier_json_carries_days_to_publication_and_the_flag(
    cli, first_of_february, tmp_path
) -> None:
    cli("user", "add", "olga", "--role", "officer", stdin="een lang wachtwoord\n")
    imported = {}
    for name in ("parcel-scanner-standalone.yaml", "air-cargo-networked.yaml"):
        imported[name] = int(cli("dossier", "import", str(EXAMPLES / name), "--owner", "olga")[1])
    undated = tmp_path / "undated.yaml"
    parcel = (EXAMPLES / "parcel-scanner-standalone.yaml").read_text().splitlines(keepends=True)
    undated.write_text("".join(x for x in parcel if "planned_publication_date" not in x))
    imported["undated"] = int(cli("dossier", "import", str(undated), "--owner", "olga")[1])
    expected = {
        "parcel-scanner-standalone.yaml": (42, True),  # 15-03-2027: six weeks exactly
        "air-cargo-networked.yaml": (120, False),  # 01-06-2027
        "undated": (None, False),
    }
    code, out, _ = cli("dossier", "list", "--json")
    assert code == 0
    rows = {r["id"]: r for r in json.loads(out)}
    for name, dossier in imported.items():
        row = rows[dossier]
        assert (row["days_to_publication"], row["publication_deadline_flag"]) == expected[name]
        shown = json.loads(cli("dossier", "show", str(dossier), "--json")[1])
        assert (shown["days_to_publication"], shown["publication_deadline_flag"]) == expected[name]
    soon = imported["parcel-scanner-standalone.yaml"]
    assert (
        "planned publication 15-03-2027: 42 days, publication near"
        in cli("dossier", "show", str(soon))[1]
    )


def test_import_with_two_publication_dates_is_refused(cli, tmp_path) -> None:
    cli("user", "add", "olga", "--role", "officer", stdin="een lang wachtwoord\n")
    text = (EXAMPLES / "parcel-scanner-standalone.yaml").read_text()
    line = "planned_publication_date: 2027-03-15"
    assert text.count(line) == 2  # the metadata, then the answer
    path = tmp_path / "two-dates.yaml"
    path.write_text(text.replace(line, "planned_publication_date: 2027-04-01", 1))
    code, _, err = cli("dossier", "import", str(path), "--owner", "olga")
    assert code == 2
    assert "01-04-2027 in de dossiergegevens" in err and "15-03-2027 als antwoord" in err
    assert json.loads(cli("dossier", "list", "--json")[1]) == []


def test_audit_verify_names_the_first_bad_event(cli, empty_db_url, monkeypatch) -> None:
    cli("user", "add", "olga", "--role", "officer", stdin="een lang wachtwoord\n")
    cli("dossier", "import", str(EXAMPLES / "parcel-scanner-standalone.yaml"), "--owner", "olga")
    assert cli("audit", "verify")[0] == 0
    engine = make_engine(empty_db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET origin = 'elsewhere' WHERE seq = 2"))
    engine.dispose()
    monkeypatch.setenv("QUICKSCAN_LANGUAGE", "en")
    get_settings.cache_clear()
    code, _, err = cli("audit", "verify")
    assert code == 1
    assert "BROKEN at event 2: event 2 was altered" in err


def _export_results() -> list[str]:
    engine = make_engine(get_settings().database_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                text("SELECT result FROM audit_events WHERE action = 'dossier.export' ORDER BY seq")
            )
            return [row[0] for row in rows]
    finally:
        engine.dispose()


def _approved_demo_dossier(cli) -> int:
    cli("demo")
    rows = json.loads(cli("dossier", "list", "--json")[1])
    return next(r["id"] for r in rows if r["status"] == "approved")


def test_export_writes_the_file_and_never_overwrites(cli, tmp_path) -> None:
    dossier = _approved_demo_dossier(cli)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "plan.pdf"
    code, out, _ = cli(
        "export", str(dossier), "--kind", "plan", "--format", "pdf", "-o", str(target)
    )
    assert code == 0 and "approved" in out
    assert target.read_bytes().startswith(b"%PDF-")
    target.write_bytes(b"keep me")
    code, _, err = cli("export", str(dossier), "-o", str(target))
    assert code == 2 and "--force" in err
    assert target.read_bytes() == b"keep me"
    assert _export_results() == ["success"]  # the refused one was never made nor recorded
    assert cli("export", str(dossier), "-o", str(target), "--force")[0] == 0
    assert [p.name for p in out_dir.iterdir()] == ["plan.pdf"]  # no temporary left behind


def test_export_verify_says_which_snapshot(cli, tmp_path) -> None:
    dossier = _approved_demo_dossier(cli)
    target = tmp_path / "tender.xlsx"
    assert (
        cli("export", str(dossier), "--kind", "tender", "--format", "xlsx", "-o", str(target))[0]
        == 0
    )
    code, out, _ = cli("export", "verify", str(target))
    assert code == 0 and f"dossier {dossier}" in out and out.split(": ", 1)[1].startswith("OK")
    changed = tmp_path / "changed.pdf"
    cli("export", str(dossier), "-o", str(changed))
    data = changed.read_bytes()
    changed.write_bytes(data.replace(b"/Producer (Quickscan", b"/Producer (Quickscam", 1))
    code, out, _ = cli("export", "verify", str(changed))
    assert code == 1 and "AFWIJKEND" in out


def test_export_refusals_are_clear(cli, tmp_path) -> None:
    cli("demo")
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    code, _, err = cli("export", "1", "--kind", "tender", "-o", str(tmp_path / "t.pdf"))
    assert code == 2 and "goedgekeurd plan" in err
    code, _, err = cli("export", "1", "--kind", "plan", "--format", "docx")
    assert code == 2 and "format" in err
    code, _, err = cli("export", "verify", str(tmp_path / "missing.pdf"))
    assert code == 2 and "cannot read" in err
    assert cli("export", "verify")[0] == 2
    assert not list(tmp_path.iterdir())


def test_backup_and_restore_commands(cli, tmp_path, monkeypatch) -> None:
    cli("demo")
    target = tmp_path / "out.qsbak"
    code, out, _ = cli("backup", str(target))
    assert code == 0 and "rows" in out
    code, _, err = cli("backup", str(target))
    assert code == 2 and "--force" in err
    code, _, err = cli("restore", str(target))  # the source itself is not empty
    assert code == 2 and "not empty" in err
    monkeypatch.setenv("QUICKSCAN_DATABASE_URL", f"sqlite:///{tmp_path / 'fresh.db'}")
    get_settings.cache_clear()
    code, out, _ = cli("restore", str(target))
    assert code == 0 and "audit trail intact" in out and "5 dossiers" in out
    code, out, _ = cli("dossier", "list", "--json")
    assert len(json.loads(out)) == 5


# --- the benchmark scripts ----------------------------------------------------------------
# Command-line programs too, on SQLite and PostgreSQL: CI runs each once in its quick mode, so
# none can rot (bench_exports.py crashed unnoticed when the award report began to need an
# approved bidder check). They print figures and assert nothing; here they must only run green.

BENCH = sorted((ROOT / "bench").glob("bench_*.py"))


@pytest.mark.postgres
@pytest.mark.parametrize("script", BENCH, ids=[p.name for p in BENCH])
def test_every_bench_script_runs_green_in_quick_mode(script: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUICKSCAN_")}
    env["HOME"] = str(tmp_path)  # Streamlit and Chromium write their settings here
    done = subprocess.run(
        [sys.executable, str(script), "--quick"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip(), "a benchmark prints its figures"


def test_the_bench_scripts_are_all_there() -> None:
    names = {p.name for p in BENCH}
    assert {"bench_cli.py", "bench_exports.py", "bench_core.py", "bench_store.py"} <= names
    assert "bench_browser.py" in names  # the wizard in Chromium against a bare page
